#include "ui/rooms/NewRoomDialog.h"

#include "core/events/RoomVersion.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

#include <algorithm>

namespace trellis::ui {

NewRoomDialog::NewRoomDialog(const QString &defaultVersion, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_version(new QComboBox(this)),
      m_public(new QCheckBox(tr("Anyone may join"), this))
{
    setWindowTitle(tr("New Room"));
    m_name->setPlaceholderText(tr("Name of the new room"));
    // Newest first: the versions a new room should have come before the historical ones.
    QList<const events::RoomVersion *> versions = events::RoomVersion::all();
    std::reverse(versions.begin(), versions.end());
    for (const events::RoomVersion *version : std::as_const(versions)) {
        const bool isDefault = version->id == defaultVersion;
        m_version->addItem(isDefault ? tr("%1 (the server's default)").arg(version->id) : version->id,
                           version->id);
        if (isDefault)
            m_version->setCurrentIndex(m_version->count() - 1);
    }
    m_public->setToolTip(tr("A public room (join rule public); otherwise members join by "
                            "invitation"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Room &version:"), m_version);
    form->addRow(QString(), m_public);
    form->addRow(buttons);
}

api::NewRoom NewRoomDialog::request() const
{
    return {m_name->text().trimmed(), m_version->currentData().toString(), m_public->isChecked()};
}

} // namespace trellis::ui
