#pragma once
#include "core/auth/AuthVerdict.h"
#include "core/base/Result.h"
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace trellis::room {

/// What replaying one event found (server-server-api "Checks performed on receipt of a PDU",
/// checks 4 and 5).
struct EventOutcome
{
    stateres::Rejection rejection = stateres::Rejection::None;
    auth::AuthVerdict verdict;  ///< why it was rejected
    QList<EventId> missingPrev; ///< prev events the replay did not have: a gap in the DAG
};

/// Replays a room's DAG in topological order as a server that had every event would: each
/// event is checked against its auth events and against the state before it (the resolution
/// of its prev events' states), then changes the state if it is an accepted state event.
/// Keeps states only while events still need them, unless asked to keep them.
class RoomReplay
{
public:
    enum class KeepStates {
        WhileNeeded, ///< drop an event's state once its children are done (big rooms)
        All,         ///< keep every event's state (small rooms, building rooms)
    };

    explicit RoomReplay(const events::RoomVersion &version, KeepStates keepStates = KeepStates::WhileNeeded);

    /// Replays `events` (in any order; they are sorted by prev_events and auth_events, ties by
    /// depth and event ID). States before and after the events in `keep` are kept for
    /// stateBefore() and stateAfter(). Fails on a cycle or when state resolution lacks events.
    Result<void> run(const QList<events::Pdu> &events, const QSet<EventId> &keep = {});

    /// Replays one more event; its prev events should have been added (those that were not
    /// are a gap). For building rooms event by event, with KeepStates::All.
    Result<void> add(const events::Pdu &event);

    const stateres::MapEventProvider &events() const { return m_events; }
    /// Events in the order replayed.
    const QList<EventId> &order() const { return m_order; }
    const EventOutcome *outcome(const EventId &id) const;
    /// For events in `keep`: the state before / after them.
    std::optional<stateres::StateSet> stateBefore(const EventId &id) const;
    std::optional<stateres::StateSet> stateAfter(const EventId &id) const;
    /// The resolved state after the forward extremities (events without children).
    Result<stateres::StateSet> currentState() const;
    /// Events nothing replayed cites as a prev event, sorted by ID.
    QList<EventId> forwardExtremities() const;

private:
    Result<QList<events::Pdu>> sorted(const QList<events::Pdu> &events) const;
    Result<void> replay(const events::Pdu &event, const QSet<EventId> &keep);
    Result<stateres::StateSet> stateBeforeEvent(const events::Pdu &event, EventOutcome &outcome);
    void check(const events::Pdu &event, const stateres::StateSet &before, EventOutcome &outcome);

    const events::RoomVersion &m_version;
    KeepStates m_keepStates;
    stateres::MapEventProvider m_events;
    QList<EventId> m_order;
    QHash<EventId, EventOutcome> m_outcomes;
    QHash<EventId, stateres::StateSet> m_after;     // while children still need it
    QHash<EventId, int> m_pendingChildren;
    QHash<EventId, stateres::StateSet> m_keptBefore;
    QHash<EventId, stateres::StateSet> m_keptAfter;
    QSet<EventId> m_extremities;
};

} // namespace trellis::room
