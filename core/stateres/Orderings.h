#pragma once
#include "core/auth/PowerLevels.h"
#include "core/stateres/AuthGraph.h"
#include "core/stateres/Trace.h"

#include <QList>
#include <vector>

// The orderings of v2-state-res "Definitions": reverse topological power ordering and
// mainline ordering.
namespace trellis::stateres {

/// The room's create event for `event`: cited in its auth events (v1-v11), or named by its
/// room ID (v12). nullptr if unknown.
const events::Pdu *createEventFor(const events::Pdu &event, AuthGraph &graph);

/// The sender's power level "when looking at their respective auth_events".
auth::PowerLevel senderPowerFromAuthEvents(int node, AuthGraph &graph);

/// Sorts `nodes` by the reverse topological power ordering: Kahn's algorithm over the auth
/// edges among them, taking at each step the smallest candidate by (greater sender power
/// level, smaller origin_server_ts, smaller event ID). Earliest first.
QList<int> reverseTopologicalPowerOrder(const std::vector<int> &nodes, AuthGraph &graph);

/// The mainline of `powerLevels`: it and the power levels events reached through their
/// auth events, newest first.
QList<int> mainlineOf(int powerLevels, AuthGraph &graph);

/// Sorts `nodes` by the mainline ordering based on `mainline` (greater mainline position
/// first, then smaller origin_server_ts, then smaller event ID), with each one's position.
QList<MainlinePlace> mainlineOrder(const std::vector<int> &nodes, const QList<int> &mainline,
                                   AuthGraph &graph, QList<int> *sorted);

/// Orders event IDs the way the spec compares them: by their UTF-8 bytes.
bool eventIdLess(const EventId &a, const EventId &b);

} // namespace trellis::stateres
