#pragma once
#include "core/auth/AuthRule.h"
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomId.h"
#include "core/events/Pdu.h"
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"
#include "core/storage/Database.h"
#include "core/storage/StateStore.h"

#include <QCache>
#include <limits>
#include <memory>
#include <optional>

namespace trellis::storage {

enum class Direction { Forward, Backward };

/// An event to store, with what the server found out about it.
struct NewEvent
{
    events::Pdu pdu;
    stateres::Rejection rejection = stateres::Rejection::None;
    QString rejectedRule;   ///< the rule's number and name, for the DAG view
    QString rejectedDetail;
    bool softFailed = false;
    bool outlier = false;
    stateres::StateSet stateBefore; ///< the state before the event (resolved over its prev events)
    /// The room's state once this event is in, when the caller resolved it over every forward
    /// extremity (an event on a side branch of a fork). Unset: the room's current state becomes
    /// the state after this event, right whenever the event extends every extremity, as local
    /// events do. Used only for accepted events.
    std::optional<stateres::StateSet> currentState;
    QString txnDevice;              ///< the sending device and its transaction ID, if local
    QString txnId;
};

/// A stored event and what the server knows about it.
struct StoredEvent
{
    events::Pdu pdu;
    qint64 streamOrdering = 0;
    stateres::Rejection rejection = stateres::Rejection::None;
    bool softFailed = false;
    bool outlier = false;
    std::optional<EventId> redactedBy;
    QString txnDevice;
    QString txnId;
    QString rejectedRule; ///< empty unless rejected (or soft-failed) with a rule named
    QString rejectedDetail;
};

/// The events of every room (ARCHITECTURE "core/storage"), with their DAG edges, their state
/// before and after (StateStore groups), rejection verdicts and the stream order /sync reads.
/// persist() writes an event and everything that follows from it in one transaction: a crash
/// leaves either all of it or none (README.md lists the invariants).
class EventStore
{
public:
    static Result<std::unique_ptr<EventStore>> open(Database &db);

    /// Stores the event; its stream ordering. The event's prev events should be stored (those
    /// that are not are gaps). An accepted state event moves the room's current state when it
    /// extends the state the room is at.
    Result<qint64> persist(const NewEvent &event);
    Result<std::optional<StoredEvent>> event(const EventId &id);
    /// The stored ones among `ids`, in the order given.
    Result<QList<StoredEvent>> events(const QList<EventId> &ids);
    Result<std::optional<EventId>> eventIdForTxn(const QString &device, const QString &txnId, const RoomId &room);
    /// Events of the room with stream ordering in (from, to]: the `limit` oldest (Forward) or
    /// newest (Backward), in stream order either way.
    Result<QList<StoredEvent>> roomEvents(const RoomId &room, qint64 fromExclusive, qint64 toInclusive,
                                          int limit, Direction direction);
    Result<std::optional<StoredEvent>> lastEventAtOrBefore(const RoomId &room, qint64 position);
    /// Every event of the room in stream order, oldest first: a room dump (the format
    /// `trellis-cli dag export` writes and the explorer reads).
    Result<json::Array> roomDump(const RoomId &room);
    /// How many messages (m.room.message, m.room.encrypted, m.sticker) others than `reader`
    /// sent to the room after the newest of `readUpTo` (the reader's read receipts) and of the
    /// reader's own events, leaving out rejected, soft-failed, outlier and redacted ones: the
    /// rooms list's unread count.
    Result<int> unreadMessages(const RoomId &room, const UserId &reader, const QList<EventId> &readUpTo);
    /// The newest stream position (0 when there are no events).
    qint64 maxStreamOrdering();
    Result<void> markRedacted(const EventId &target, const EventId &redaction);
    Result<stateres::StateSet> stateBefore(const EventId &id);
    Result<stateres::StateSet> stateAfter(const EventId &id);

    StateStore &states() { return m_states; }
    /// Forgets cached events. Call after rolling back a transaction in which events were
    /// persisted or read: the cache would still answer for events that are not stored.
    /// (State groups need no such care: their IDs are never reused.)
    void discardCaches() { m_cache.clear(); }

private:
    explicit EventStore(Database &db) : m_db(db), m_states(db), m_cache(20'000) {}
    Result<std::pair<qint64, qint64>> storeStates(const NewEvent &event, bool changesState);
    Result<void> writeEdges(const events::Pdu &pdu);
    Result<void> updateExtremities(const events::Pdu &pdu, bool accepted);
    Result<void> updateCurrentState(const NewEvent &event, qint64 beforeGroup, qint64 afterGroup);
    Result<qint64> currentGroup(const NewEvent &event, qint64 afterGroup);
    Result<void> updateMembership(const events::Pdu &pdu, qint64 streamOrdering);
    Result<QList<StoredEvent>> readEvents(QSqlQuery &query);
    Result<std::optional<qint64>> groupOf(const EventId &id, bool after);

    Database &m_db;
    StateStore m_states;
    QCache<EventId, StoredEvent> m_cache;
};

} // namespace trellis::storage
