#pragma once
#include "core/api/RoomSnapshots.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace trellis::ui {

/// A room's settings as state events: its name, topic and join rule (client-server-api
/// "m.room.name", "m.room.topic", "m.room.join_rules"). It edits a copy of what the rooms
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

    /// The state events for what was changed, in the order name, topic, join rule.
    QList<StateChange> changes() const;

    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *topicField() const { return m_topic; }
    QComboBox *joinRuleField() const { return m_joinRule; }

private:
    trellis::api::RoomListEntry m_room;
    QLineEdit *m_name;
    QPlainTextEdit *m_topic;
    QComboBox *m_joinRule;
};

} // namespace trellis::ui
