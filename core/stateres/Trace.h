#pragma once
#include "core/auth/AuthVerdict.h"
#include "core/stateres/StateSet.h"

#include <QList>
#include <QString>
#include <optional>

namespace trellis::stateres {

/// One iterative auth check: the event, where it would go, and the verdict.
struct AuthCheckStep
{
    EventId event;
    StateKey key;
    auth::AuthVerdict verdict;
};

/// One event's place in the mainline ordering: its mainline position (nullopt is the spec's
/// infinity: no power levels event of the mainline in its auth chain).
struct MainlinePlace
{
    EventId event;
    std::optional<int> position;
};

/// A pass of room version 1's algorithm: the events of one conflict in the order tried.
struct V1Pass
{
    QString what; ///< "m.room.power_levels", "m.room.join_rules", "m.room.member", "other"
    StateKey key;
    QList<EventId> order;
    QList<AuthCheckStep> checks;
    EventId chosen;
};

/// Every step of one state resolution, for people and for the GUI's step-through view
/// (rooms/v1 "State resolution", v2-state-res "Algorithm", rooms/v12 "State resolution").
/// Event lists are in the order the algorithm uses them; sets are sorted by event ID.
struct Trace
{
    QString algorithm; ///< "v1", "v2" or "v2.1"
    QList<StateSet> stateSets;
    StateSet unconflicted;
    QList<EventId> conflicted;

    // v2 and v2.1
    QList<EventId> authDifference;
    QList<EventId> conflictedSubgraph; ///< v2.1 only
    QList<EventId> fullConflicted;
    QList<EventId> powerEvents;        ///< step 1, in reverse topological power order
    QList<AuthCheckStep> powerChecks;  ///< step 2
    StateSet partialState;             ///< after step 2
    QList<EventId> mainline;           ///< of the partial state's power levels, newest first
    QList<MainlinePlace> otherEvents;  ///< step 3, in mainline order
    QList<AuthCheckStep> otherChecks;  ///< step 4

    // v1
    QList<V1Pass> passes;

    StateSet resolved;
};

} // namespace trellis::stateres
