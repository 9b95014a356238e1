#pragma once
#include "core/base/Result.h"
#include "core/crypto/SigningKey.h"
#include "core/events/Pdu.h"
#include "core/json/Value.h"
#include "core/room/RoomReplay.h"

#include <QList>
#include <optional>

namespace trellis::room {

/// Builds a room event by event, filling in what a server would: prev events, depth,
/// timestamp, the auth events chosen from the state before the event, the content hash and,
/// with a key, the sender server's signature. Each event is replayed as it is added, so its
/// outcome and the states around it are known at once. Events are not checked before they are
/// added: rejected events are built as readily as accepted ones.
class RoomBuilder
{
public:
    struct Event
    {
        QString type;
        QString sender;
        std::optional<QString> stateKey;
        json::Object content;
        std::optional<QList<EventId>> prev; ///< default: the event added last
        std::optional<QList<EventId>> auth; ///< default: the auth events selection
        std::optional<qint64> ts;           ///< default: start_ts + 1000 per event
        std::optional<qint64> depth;        ///< default: 1 + the deepest prev event
        std::optional<EventId> redacts;
        QString name; ///< versions 1 and 2: the event ID is $name:<sender's server>
    };

    /// `roomId` matters in versions 1-11 only (default: !room:<the first sender's server>).
    explicit RoomBuilder(const events::RoomVersion &version, const crypto::SigningKey *key = nullptr,
                         qint64 startTs = 1700000000000, std::string roomId = {});

    Result<events::Pdu> add(const Event &event);

    const events::RoomVersion &version() const { return m_version; }
    /// Events in the order added.
    const QList<events::Pdu> &events() const { return m_events; }
    /// Every event's outcome and state (KeepStates::All).
    const RoomReplay &replay() const { return m_replay; }
    /// The state a server would see before an event with these prev events: the resolution of
    /// their states after.
    Result<stateres::StateSet> stateBefore(const QList<EventId> &prev) const;

private:
    const events::RoomVersion &m_version;
    const crypto::SigningKey *m_key;
    qint64 m_startTs;
    std::string m_roomId;
    QList<events::Pdu> m_events;
    RoomReplay m_replay;
};

} // namespace trellis::room
