#include "core/stateres/Resolver.h"

namespace trellis::stateres {

Result<StateSet> resolve(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                         const EventProvider &events, Trace *trace)
{
    if (version.stateResolution == events::StateResolutionAlgorithm::V1)
        return resolveV1(version, stateSets, events, trace);
    return resolveV2(version, stateSets, events, trace);
}

Result<StateSet> resolve(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                         const EventProvider &events, const ResolveOptions &options, Trace *trace)
{
    if (version.stateResolution == events::StateResolutionAlgorithm::V1)
        return resolveV1(version, stateSets, events, trace);
    return resolveV2(version, stateSets, events, trace, options);
}

} // namespace trellis::stateres
