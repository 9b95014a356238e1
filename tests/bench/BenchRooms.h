#pragma once
#include "core/events/Pdu.h"
#include "core/stateres/EventProvider.h"
#include "core/stateres/StateSet.h"

#include <QList>

namespace trellis::bench {

/// A big room forked into several branches that changed the same room in different ways:
/// the input of the state resolution benchmarks.
struct ForkedRoom
{
    const events::RoomVersion *version = nullptr;
    stateres::MapEventProvider events;
    QList<stateres::StateSet> forkStates; ///< the state at the tip of each fork
    qsizetype eventCount = 0;
    qsizetype conflictedKeys = 0;
};

/// A public room with `members` joined users (one member event each, on a linear history),
/// then `forks` branches from its last event; each branch changes the display names of
/// `changesPerFork` users no other branch touches, so every such user's membership is a
/// conflicted state entry.
ForkedRoom makeForkedRoom(const events::RoomVersion &version, int members, int forks,
                          int changesPerFork);

} // namespace trellis::bench
