#pragma once
#include "core/auth/AuthVerdict.h"
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

struct BuiltEvent;

/// Where a new event attaches: the prev events it will cite and the state before it, which
/// must be the state after those prev events (for several, their resolution: see
/// StateBeforeResolver, which also picks the prev events among many forward extremities).
struct RoomHead
{
    const events::RoomVersion *version = nullptr;
    std::optional<RoomId> roomId; ///< absent only for a version 12 create event
    QList<EventId> prevEvents;    ///< empty only for a create event
    stateres::StateSet stateBefore;

    /// The head after `event` was accepted: it is the one prev event, its state after is the
    /// state before; a version 12 room takes its ID from its create event.
    void advance(const BuiltEvent &event);
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
    stateres::StateSet stateAfter; ///< the state before, plus the event if it is a state event
    auth::AuthVerdict verdict;     ///< always allowed: refused events are errors
};

/// Builds the server's own events as the PDU format of the room version wants them
/// (server-server-api "PDUs"; rooms/v*.md "Event format"): prev_events, depth, auth events
/// per "Auth events selection", hashes and signature; then authorises them against their auth
/// events and the state before (server-server-api "Checks performed on receipt of a PDU",
/// checks 4 and 5), as every receiving server will. An event that fails is refused with
/// M_FORBIDDEN naming the rule: the server never emits an event it would reject.
///
/// Event IDs: versions 1 and 2 get `$<18 random letters>:<server>`, later versions their
/// reference hash. No top-level `origin`: no version requires it (pdu_base.yaml) and v11
/// dropped its meaning. Sizes (65,536 bytes, 255-byte type, state key and IDs) are checked by
/// Pdu::parse: M_TOO_LARGE for the whole event, M_BAD_JSON for a field.
class LocalEventBuilder
{
public:
    /// The most prev events a local event cites. Federation allows 20 (pdu_v1/v3/v4
    /// "prev_events"); 10 keeps events small and still merges forks quickly, because the
    /// extremities left out stay extremities and are merged by the next event.
    static constexpr int kMaxPrevEvents = 10;

    LocalEventBuilder(ServerName serverName, crypto::SigningKey key);

    /// Builds, signs and authorises `event` on `head`. `events` must know every event in
    /// `head.prevEvents` and `head.stateBefore`. Refused: a head with more than kMaxPrevEvents
    /// prev events (choose them with selectPrevEvents()), a sender of another server (only
    /// its server's signature makes an event valid), an event the auth rules reject, a
    /// redaction of another user's event without the redact level (client-server-api
    /// "Redactions"; receivers would not apply it).
    Result<BuiltEvent> build(const RoomHead &head, const LocalEvent &event,
                             const stateres::EventProvider &events) const;

    /// The prev events an event on these forward extremities cites: the kMaxPrevEvents
    /// deepest, ties broken by event ID so the choice does not depend on their order.
    /// Unknown extremities are left out.
    static QList<EventId> selectPrevEvents(const QList<EventId> &extremities,
                                           const stateres::EventProvider &events);

    /// A new room ID for versions 1-11: `!<18 random letters>:<server>` (appendices "Room IDs").
    static RoomId newRoomId(const ServerName &server);

    const ServerName &serverName() const { return m_serverName; }
    /// The public half of the signing key, for checking the events it made.
    crypto::VerifyKey verifyKey() const { return m_key.verifyKey(); }

private:
    Result<void> checkHead(const RoomHead &head, const LocalEvent &event) const;
    Result<void> checkRedaction(const RoomHead &head, const LocalEvent &event,
                                const stateres::EventProvider &events) const;
    Result<json::Object> skeleton(const RoomHead &head, const LocalEvent &event,
                                  const stateres::EventProvider &events) const;
    Result<auth::AuthVerdict> authorise(const events::Pdu &pdu, const RoomHead &head,
                                        const stateres::EventProvider &events) const;

    ServerName m_serverName;
    crypto::SigningKey m_key;
};

} // namespace trellis::rooms
