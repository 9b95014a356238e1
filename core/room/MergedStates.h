#pragma once
#include "core/room/RoomReplay.h"
#include "core/stateres/Trace.h"

#include <QList>

namespace trellis::room {

/// The states after some events of a replayed room, merged as a server merges the states after
/// an event's prev events (server-server-api "Room State Resolution"): what an event on top of
/// them would see. Used for an event's real prev events and for events a user picked.
struct MergedStates
{
    /// Each distinct state once, in the order its first event came.
    QList<stateres::StateSet> sets;
    /// For each set, the events whose state after it is.
    QList<QList<EventId>> origins;
    /// The resolution of `sets`: the one set when there is one, empty when there is none.
    stateres::StateSet resolved;

    /// Whether resolving had anything to do (two or more distinct states).
    bool resolvedSeveral() const { return sets.size() >= 2; }
};

/// Merges the states after `events` (each must be one the replay kept the state after, see
/// RoomReplay::run's `keep`; events the replay does not hold are gaps and are skipped). With a
/// `trace`, the resolution records its steps there (only when two or more states differ).
Result<MergedStates> mergeStatesAfter(const RoomReplay &replay, const events::RoomVersion &version,
                                      const QList<EventId> &events, stateres::Trace *trace = nullptr);

} // namespace trellis::room
