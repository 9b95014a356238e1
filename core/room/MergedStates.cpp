#include "core/room/MergedStates.h"

#include "core/stateres/Resolver.h"

namespace trellis::room {

Result<MergedStates> mergeStatesAfter(const RoomReplay &replay, const events::RoomVersion &version,
                                      const QList<EventId> &events, stateres::Trace *trace)
{
    MergedStates merged;
    for (const EventId &id : events) {
        if (!replay.events().event(id))
            continue; // not in the room: a gap, as the replay treats it
        std::optional<stateres::StateSet> after = replay.stateAfter(id);
        if (!after)
            return Error::badState(QStringLiteral("the replay kept no state after %1").arg(id.toString()));
        // Equal states are one input to the resolution, as RoomReplay's own merges.
        const qsizetype index = merged.sets.indexOf(*after);
        if (index >= 0) {
            merged.origins[index].append(id);
        } else {
            merged.sets.append(std::move(*after));
            merged.origins.append({id});
        }
    }
    if (!merged.resolvedSeveral()) {
        merged.resolved = merged.sets.value(0);
        if (trace)
            trace->stateSets = merged.sets;
        return merged;
    }
    auto resolved = stateres::resolve(version, merged.sets, replay.events(), trace);
    if (!resolved)
        return resolved.error();
    merged.resolved = std::move(*resolved);
    return merged;
}

} // namespace trellis::room
