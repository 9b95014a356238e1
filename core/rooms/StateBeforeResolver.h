#pragma once
#include "core/base/Result.h"
#include "core/rooms/LocalEventBuilder.h"

#include <QHash>

namespace trellis::rooms {

/// The state before a new event whose prev events are several forward extremities: the
/// resolution of their states after with the room version's algorithm (server-server-api
/// "Room State Resolution"; v1, v2 or v2.1 per rooms/v*.md). Receiving servers compute the
/// same from the prev events the event cites, so the state must be that of exactly those.
class StateBeforeResolver
{
public:
    /// The state before an event citing prev events whose states after are `statesAfter`
    /// (one per prev event). One state is returned as it is; none is the empty state (a
    /// create event). `events` must know the events of the states and their auth chains;
    /// when it lacks some, M_NOT_FOUND names them.
    static Result<stateres::StateSet> resolve(const events::RoomVersion &version,
                                              const QList<stateres::StateSet> &statesAfter,
                                              const stateres::EventProvider &events);

    /// The head a new event attaches to, from the room's forward extremities and their states
    /// after (the caller's storage has them): the prev events are chosen with
    /// LocalEventBuilder::selectPrevEvents() and only their states are resolved. An
    /// extremity without a state in `statesAfter` is a storage fault: M_NOT_FOUND.
    static Result<RoomHead> head(const events::RoomVersion &version, const RoomId &roomId,
                                 const QHash<EventId, stateres::StateSet> &statesAfter,
                                 const stateres::EventProvider &events);
};

} // namespace trellis::rooms
