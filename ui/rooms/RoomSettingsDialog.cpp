#include "ui/rooms/RoomSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace trellis::ui {

namespace {
/// The power levels a dialog edits, with the spec's defaults when the content omits them
/// (client-server-api "m.room.power_levels").
struct LevelKey
{
    const char *key;
    int defaultLevel;
    const char *label;
};
constexpr LevelKey kLevelKeys[] = {
    {"users_default", 0, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Members start at:")},
    {"events_default", 0, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Send messages:")},
    {"state_default", 50, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Change settings:")},
    {"invite", 0, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Invite:")},
    {"kick", 50, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Remove members:")},
    {"ban", 50, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Ban:")},
    {"redact", 50, QT_TRANSLATE_NOOP("trellis::ui::RoomSettingsDialog", "Delete others' messages:")},
};

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
    m_powerLevels = QJsonDocument::fromJson(room.powerLevels).object();
    if (!m_powerLevels.isEmpty()) {
        auto *heading = new QLabel(tr("Power levels:"), this);
        heading->setStyleSheet(QStringLiteral("font-weight: bold"));
        form->addRow(heading);
        for (const LevelKey &level : kLevelKeys) {
            auto *spin = new QSpinBox(this);
            const int current = m_powerLevels.value(QLatin1String(level.key)).toInt(level.defaultLevel);
            // The levels rooms usually use, widened to hold what the room has.
            spin->setRange(std::min(0, current), std::max(100, current));
            spin->setValue(current);
            m_levels.insert(QLatin1String(level.key), spin);
            form->addRow(tr(level.label), spin);
        }
    }
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
    QJsonObject levels = m_powerLevels;
    for (const LevelKey &level : kLevelKeys) {
        const QSpinBox *spin = m_levels.value(QLatin1String(level.key));
        if (spin && spin->value() != m_powerLevels.value(QLatin1String(level.key)).toInt(level.defaultLevel))
            levels.insert(QLatin1String(level.key), spin->value());
    }
    if (levels != m_powerLevels)
        changes.append({QStringLiteral("m.room.power_levels"), QJsonDocument(levels).toJson(QJsonDocument::Compact)});
    return changes;
}

} // namespace trellis::ui
