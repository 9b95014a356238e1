#pragma once
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"

#include <QList>
#include <QSet>
#include <optional>

// A second, deliberately naive reading of v2-state-res and rooms/v12 "State resolution" for
// differential tests: every definition computed literally (whole auth chains as sets, the
// subgraph from the chains, Kahn's algorithm by scanning, the mainline by walking each event),
// with none of core/stateres's shortcuts. Slow; for small rooms only.
namespace trellis::test {

struct ReferenceResolution
{
    stateres::StateSet unconflicted;
    QSet<EventId> conflicted;
    QSet<EventId> authDifference;
    QSet<EventId> conflictedSubgraph; ///< v2.1 only
    QSet<EventId> fullConflicted;
    QList<EventId> powerEvents;
    QList<QPair<EventId, bool>> powerChecks; ///< event, allowed
    stateres::StateSet partial;
    QList<EventId> mainline;
    QList<QPair<EventId, std::optional<int>>> otherEvents;
    QList<QPair<EventId, bool>> otherChecks;
    stateres::StateSet resolved;
};

/// v2, or v2.1 for `v21`. `countStateEvents`: the reference implementation's auth difference.
ReferenceResolution referenceResolveV2(const events::RoomVersion &version, const QList<stateres::StateSet> &stateSets,
                                       const stateres::EventProvider &events, bool countStateEvents = false);

} // namespace trellis::test
