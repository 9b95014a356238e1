#include "core/stateres/IterativeAuthChecks.h"

#include "core/auth/AuthEventsSelection.h"
#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/stateres/Orderings.h"

namespace trellis::stateres {

auth::AuthVerdict checkAgainstState(int node, const StateSet &state, AuthGraph &graph,
                                    const EventProvider &events, bool fallbackToAuthEvents)
{
    const events::Pdu &event = graph.pdu(node);
    auth::StateMap authState;
    // The event's own auth events first, unless they were rejected ...
    for (int authNode : graph.authEdges(node)) {
        if (fallbackToAuthEvents && events.rejection(graph.eventId(authNode)) == Rejection::None)
            authState.insert(graph.pdu(authNode));
    }
    // ... then whatever the state being built holds for the keys the rules consult. An event
    // rejected against the state before it is "handled as usual" (v2-state-res "Rejected
    // events"): once the checks have put it in the state, it counts like any other. Only events
    // rejected against their own auth events are never used (they cannot get in through
    // iterativeAuthChecks, but a caller's state sets may hold them).
    const auth::EventShape shape{event.type(), event.stateKey(), event.sender().toString(),
                                 &event.content()};
    QList<StateKey> keys = auth::authEventKeys(shape, event.roomVersion());
    keys.append(StateKey{auth::types::create, QString()});
    for (const StateKey &key : std::as_const(keys)) {
        const auto it = state.constFind(key);
        if (it == state.constEnd())
            continue;
        const int stateNode = graph.node(*it);
        if (stateNode >= 0 && events.rejection(*it) != Rejection::AuthEvents)
            authState.insert(graph.pdu(stateNode));
    }
    // Version 12 rooms name their create event by ID instead of citing it.
    if (!authState.find(auth::types::create, QString())) {
        if (const events::Pdu *create = createEventFor(event, graph))
            authState.insert(*create);
    }
    return auth::checkStateDependent(event, authState);
}

void iterativeAuthChecks(const QList<int> &sorted, StateSet &state, AuthGraph &graph,
                         const EventProvider &events, QList<AuthCheckStep> *steps)
{
    for (int node : sorted) {
        const events::Pdu &event = graph.pdu(node);
        if (!event.isState())
            continue;
        const StateKey key{event.type(), *event.stateKey()};
        auth::AuthVerdict verdict;
        if (events.rejection(event.eventId()) == Rejection::AuthEvents)
            verdict = auth::AuthVerdict::reject(auth::AuthRule::AuthEventsRejected,
                                                QStringLiteral("rejected against its auth events"));
        else
            verdict = checkAgainstState(node, state, graph, events);
        if (verdict.allowed())
            state.insert(key, event.eventId());
        if (steps)
            steps->append(AuthCheckStep{event.eventId(), key, verdict});
    }
}

} // namespace trellis::stateres
