#pragma once
#include "core/base/Result.h"
#include "core/base/RoomId.h"
#include "core/base/ServerName.h"
#include "core/base/UserId.h"
#include "core/crypto/SigningKey.h"
#include "core/events/Pdu.h"
#include "core/json/Value.h"
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"

#include <optional>

namespace trellis::rooms {

/// Where a new event attaches: the room's forward extremities and the state before the
/// event (for several extremities, the resolution of their states).
struct RoomHead
{
    const events::RoomVersion *version = nullptr;
    std::optional<RoomId> roomId; ///< absent only for a version 12 create event
    QList<EventId> prevEvents;
    stateres::StateSet stateBefore;
};

/// An event the owner wants to send, before the server fills in the rest.
struct LocalEvent
{
    QString type;
    UserId sender;
    std::optional<QString> stateKey;
    json::Object content;
    std::optional<EventId> redacts;
    qint64 originServerTs = 0;
};

/// A built, signed and authorised event with the state after it.
struct BuiltEvent
{
    events::Pdu pdu;
    stateres::StateSet stateAfter;
};

/// Builds the server's own events as the PDU format of the room version wants them
/// (server-server-api "PDUs"; rooms/v*.md "Event format"): prev_events, depth, auth events
/// per "Auth events selection", hashes and signature; then authorises them against their auth
/// events and the state before (server-server-api "Checks performed on receipt of a PDU",
/// checks 4 and 5), as every receiving server will. An event that fails is refused with
/// M_FORBIDDEN naming the rule: the server never emits an event it would reject.
class LocalEventBuilder
{
public:
    /// A PDU cites at most this many prev events (server-server-api "PDUs").
    static constexpr int kMaxPrevEvents = 20;

    LocalEventBuilder(ServerName serverName, crypto::SigningKey key);

    /// `events` must know every event in `head.prevEvents` and `head.stateBefore`.
    Result<BuiltEvent> build(const RoomHead &head, const LocalEvent &event,
                             const stateres::EventProvider &events) const;

    const ServerName &serverName() const { return m_serverName; }

private:
    Result<json::Object> skeleton(const RoomHead &head, const LocalEvent &event,
                                  const stateres::EventProvider &events) const;

    ServerName m_serverName;
    crypto::SigningKey m_key;
};

} // namespace trellis::rooms
