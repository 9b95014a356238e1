#pragma once
#include "core/stateres/AuthGraph.h"
#include "core/stateres/Trace.h"

#include <QList>

namespace trellis::stateres {

/// The iterative auth checks of v2-state-res "Definitions": applies each event of `sorted`
/// to `state` if the authorisation rules allow it against `state`, falling back to the
/// event's own (non-rejected) auth events for keys `state` lacks. Events rejected against
/// their auth events are skipped (they should never get here); events rejected against the
/// state before them are checked, and used once in `state`, as usual. Records each check in
/// `steps`.
void iterativeAuthChecks(const QList<int> &sorted, StateSet &state, AuthGraph &graph,
                         const EventProvider &events, QList<AuthCheckStep> *steps);

/// The verdict of the state-dependent rules on `node` against `state`; with
/// `fallbackToAuthEvents`, keys `state` lacks come from the event's own non-rejected auth
/// events (v2's iterative auth checks), without it only `state` counts (v1: "allowed by the
/// authorisation rules for a room in state R").
auth::AuthVerdict checkAgainstState(int node, const StateSet &state, AuthGraph &graph,
                                    const EventProvider &events, bool fallbackToAuthEvents = true);

} // namespace trellis::stateres
