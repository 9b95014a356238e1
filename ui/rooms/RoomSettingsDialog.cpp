#include "ui/rooms/RoomSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace trellis::ui {

namespace {
QByteArray contentWith(const char *key, const QString &value)
{
    return QJsonDocument(QJsonObject{{QLatin1String(key), value}}).toJson(QJsonDocument::Compact);
}
} // namespace

RoomSettingsDialog::RoomSettingsDialog(const api::RoomListEntry &room, QWidget *parent)
    : QDialog(parent), m_room(room), m_name(new QLineEdit(room.name, this)),
      m_topic(new QPlainTextEdit(room.topic, this)), m_joinRule(new QComboBox(this))
{
    setWindowTitle(tr("Room Settings"));
    // The join rules of client-server-api "m.room.join_rules" that need no further content.
    m_joinRule->addItem(tr("Invited users only"), QStringLiteral("invite"));
    m_joinRule->addItem(tr("Anyone who knows the room"), QStringLiteral("public"));
    m_joinRule->addItem(tr("Anyone may ask to join (knock)"), QStringLiteral("knock"));
    if (const int known = m_joinRule->findData(room.joinRule); known >= 0) {
        m_joinRule->setCurrentIndex(known);
    } else if (!room.joinRule.isEmpty()) {
        m_joinRule->addItem(room.joinRule, room.joinRule); // e.g. "restricted": shown, kept
        m_joinRule->setCurrentIndex(m_joinRule->count() - 1);
    }
    m_topic->setTabChangesFocus(true);
    m_topic->setMaximumHeight(90);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Room:"), new QLineEdit(room.roomId, this));
    form->itemAt(form->rowCount() - 1, QFormLayout::FieldRole)->widget()->setEnabled(false);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Who may join:"), m_joinRule);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QList<RoomSettingsDialog::StateChange> RoomSettingsDialog::changes() const
{
    QList<StateChange> changes;
    const QString name = m_name->text().trimmed();
    if (name != m_room.name)
        changes.append({QStringLiteral("m.room.name"), contentWith("name", name)});
    const QString topic = m_topic->toPlainText().trimmed();
    if (topic != m_room.topic)
        changes.append({QStringLiteral("m.room.topic"), contentWith("topic", topic)});
    const QString joinRule = m_joinRule->currentData().toString();
    if (joinRule != m_room.joinRule)
        changes.append({QStringLiteral("m.room.join_rules"), contentWith("join_rule", joinRule)});
    return changes;
}

} // namespace trellis::ui
