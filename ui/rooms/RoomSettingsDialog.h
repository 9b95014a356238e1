#pragma once
#include "core/api/RoomSnapshots.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>

class QComboBox;
class QSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace trellis::ui {

/// A room's settings as state events: its name, topic, join rule and the power levels'
/// defaults and action levels (client-server-api "m.room.name", "m.room.topic",
/// "m.room.join_rules", "m.room.power_levels"). It edits a copy of what the rooms
/// list knows and answers with the state events to send; the server checks them (power
/// levels) like any client's.
class RoomSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct StateChange
    {
        QString type;
        QByteArray content; ///< the event's content, a JSON object
    };

    explicit RoomSettingsDialog(const trellis::api::RoomListEntry &room, QWidget *parent = nullptr);

    /// The state events for what was changed, in the order name, topic, join rule, power
    /// levels (the room's whole power levels content, with only the edited levels changed).
    QList<StateChange> changes() const;

    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *topicField() const { return m_topic; }
    QComboBox *joinRuleField() const { return m_joinRule; }
    /// The spin box of a power levels key ("users_default", "ban", …), null if not shown.
    QSpinBox *levelField(const QString &key) const { return m_levels.value(key); }

private:
    trellis::api::RoomListEntry m_room;
    QLineEdit *m_name;
    QPlainTextEdit *m_topic;
    QComboBox *m_joinRule;
    QJsonObject m_powerLevels;
    QHash<QString, QSpinBox *> m_levels;
};

} // namespace trellis::ui
