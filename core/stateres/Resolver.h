#pragma once
#include "core/base/Result.h"
#include "core/events/RoomVersion.h"
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"
#include "core/stateres/Trace.h"

#include <QList>

// Room state resolution (server-server-api "Room State Resolution"; rooms/v1, v2-state-res,
// rooms/v12). Pure: the result depends only on the state sets and the events, never on their
// order.
namespace trellis::stateres {

/// Readings of the spec that implementations differ on. The defaults follow the spec's text.
struct ResolveOptions
{
    /// v2-state-res "Auth difference": the spec takes a state's full auth chain to be the union
    /// of its events' auth chains, which leaves out the state's own events; the reference
    /// implementation (Synapse) counts them too. Only for comparing with it.
    bool authChainsIncludeStateEvents = false;
};

/// Resolves `stateSets` with the room version's algorithm (v1, v2 or v2.1), looking events up
/// in `events`. Events the algorithm needs and cannot find make it fail with M_NOT_FOUND,
/// naming them. With `trace`, every step is recorded there.
Result<StateSet> resolve(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                         const EventProvider &events, Trace *trace = nullptr);
Result<StateSet> resolve(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                         const EventProvider &events, const ResolveOptions &options,
                         Trace *trace = nullptr);

Result<StateSet> resolveV1(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                           const EventProvider &events, Trace *trace);
/// v2, or v2.1 when the version says so.
Result<StateSet> resolveV2(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                           const EventProvider &events, Trace *trace,
                           const ResolveOptions &options = {});

} // namespace trellis::stateres
