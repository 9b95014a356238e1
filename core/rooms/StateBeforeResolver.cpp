#include "core/rooms/StateBeforeResolver.h"

#include "core/stateres/Resolver.h"

namespace trellis::rooms {

Result<stateres::StateSet>
StateBeforeResolver::resolve(const events::RoomVersion &version,
                             const QList<stateres::StateSet> &statesAfter,
                             const stateres::EventProvider &events)
{
    if (statesAfter.size() <= 1)
        return statesAfter.isEmpty() ? stateres::StateSet() : statesAfter.first();
    return stateres::resolve(version, statesAfter, events);
}

Result<RoomHead> StateBeforeResolver::head(const events::RoomVersion &version, const RoomId &roomId,
                                           const QHash<EventId, stateres::StateSet> &statesAfter,
                                           const stateres::EventProvider &events)
{
    RoomHead head{
        &version, roomId, LocalEventBuilder::selectPrevEvents(statesAfter.keys(), events), {}};
    if (head.prevEvents.size() !=
        qMin(statesAfter.size(), qsizetype(LocalEventBuilder::kMaxPrevEvents)))
        return Error::notFound(QStringLiteral("the room's forward extremities are not all known"));
    if (head.prevEvents.isEmpty())
        return Error::notFound(QStringLiteral("the room has no forward extremity"));
    QList<stateres::StateSet> states;
    for (const EventId &id : std::as_const(head.prevEvents))
        states.append(statesAfter.value(id));
    auto before = resolve(version, states, events);
    if (!before)
        return before.error();
    head.stateBefore = std::move(*before);
    return head;
}

} // namespace trellis::rooms
