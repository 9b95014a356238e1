// State resolution v2 (rooms 2-11, fragment v2-state-res) and v2.1 (rooms/v12 "State
// resolution": iterative auth checks start from the empty state, and the full conflicted set
// includes the conflicted state subgraph).
#include "core/auth/EventTypes.h"
#include "core/json/QtStrings.h"
#include "core/stateres/AuthGraph.h"
#include "core/stateres/IterativeAuthChecks.h"
#include "core/stateres/Orderings.h"
#include "core/stateres/Resolver.h"

#include <QSet>
#include <algorithm>

namespace trellis::stateres {
namespace {

// "A power event is a state event with type m.room.power_levels or m.room.join_rules, or a
// state event with type m.room.member where the membership is leave or ban and the sender
// does not match the state_key."
bool isPowerEvent(const events::Pdu &event)
{
    if (!event.isState())
        return false;
    if (event.type() == auth::types::powerLevels || event.type() == auth::types::joinRules)
        return true;
    if (event.type() != auth::types::member)
        return false;
    const std::string &membership = event.content()["membership"].toString();
    return (membership == "leave" || membership == "ban")
           && event.sender().toString() != *event.stateKey();
}

QList<EventId> sortedIds(const QList<int> &nodes, AuthGraph &graph)
{
    QList<EventId> ids;
    for (int node : nodes)
        ids.append(graph.eventId(node));
    std::sort(ids.begin(), ids.end(), eventIdLess);
    return ids;
}

struct Split
{
    StateSet unconflicted;
    QSet<EventId> conflicted;
};

// "Unconflicted state map and conflicted state set": a key present in every state with the
// same event is unconflicted; every other value is conflicted. One pass over the first state
// finds the agreeing keys; keys the first state lacks are conflicted by definition.
Split splitStates(const QList<StateSet> &stateSets)
{
    Split split;
    const StateSet &first = stateSets.first();
    QList<StateKey> conflictedKeys;
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        bool same = true;
        for (qsizetype i = 1; i < stateSets.size() && same; ++i) {
            if (stateSets[i].isSharedWith(first))
                continue;
            const auto other = stateSets[i].constFind(it.key());
            same = other != stateSets[i].constEnd() && *other == it.value();
        }
        if (same)
            split.unconflicted.insert(it.key(), it.value());
        else
            conflictedKeys.append(it.key());
    }
    for (qsizetype i = 1; i < stateSets.size(); ++i) {
        if (stateSets[i].isSharedWith(first))
            continue;
        for (auto it = stateSets[i].cbegin(); it != stateSets[i].cend(); ++it) {
            if (!first.contains(it.key()))
                conflictedKeys.append(it.key());
        }
    }
    for (const StateKey &key : std::as_const(conflictedKeys)) {
        for (const StateSet &set : stateSets) {
            const auto it = set.constFind(key);
            if (it != set.constEnd())
                split.conflicted.insert(*it);
        }
    }
    return split;
}

// "Auth difference": the events in some but not all of the states' full auth chains. The
// chains of unconflicted events are in every state's chain, so only the parts reachable from
// conflicted events without passing through them can differ. A state's full auth chain is the
// union of its events' auth chains, without the events themselves, unless `countStateEvents`
// (the reference implementation's reading) puts them in.
QList<int> authDifference(const QList<StateSet> &stateSets, const Split &split, AuthGraph &graph,
                          bool countStateEvents)
{
    std::vector<int> unconflictedNodes;
    for (const EventId &id : split.unconflicted) {
        const int node = graph.node(id);
        if (node >= 0)
            unconflictedNodes.push_back(node);
    }
    std::vector<char> common;
    graph.markAuthChains(unconflictedNodes, common);
    if (countStateEvents) {
        for (int node : unconflictedNodes)
            common[size_t(node)] = 1; // in every state, so in every full auth chain
    }

    std::vector<int> counts;
    for (const StateSet &set : stateSets) {
        std::vector<int> starts;
        for (const EventId &id : set) {
            if (split.conflicted.contains(id)) {
                const int node = graph.node(id);
                if (node >= 0)
                    starts.push_back(node);
            }
        }
        std::vector<char> chain;
        graph.markAuthChains(starts, chain, &common);
        if (countStateEvents) {
            for (int node : starts)
                chain[size_t(node)] = 1;
        }
        counts.resize(size_t(graph.size()), 0);
        for (size_t n = 0; n < chain.size(); ++n)
            counts[n] += chain[n];
    }
    QList<int> difference;
    const int sets = int(stateSets.size());
    for (size_t n = 0; n < counts.size(); ++n) {
        if (counts[n] > 0 && counts[n] < sets)
            difference.append(int(n));
    }
    return difference;
}

// v2.1 "Conflicted state subgraph": the events on auth-event paths between conflicted events.
QList<int> conflictedSubgraph(const QList<int> &conflicted, AuthGraph &graph)
{
    std::vector<char> chain; // everything reachable from a conflicted event
    graph.markAuthChains(std::vector<int>(conflicted.begin(), conflicted.end()), chain);
    std::vector<char> inScope(chain);
    inScope.resize(size_t(graph.size()), 0);
    for (int c : conflicted)
        inScope[size_t(c)] = 1;
    // Walk backwards from the conflicted events: whatever reaches one of them lies on a path.
    QHash<int, QList<int>> citedBy;
    for (size_t n = 0; n < inScope.size(); ++n) {
        if (!inScope[n])
            continue;
        for (int auth : graph.authEdges(int(n))) {
            if (size_t(auth) < inScope.size() && inScope[size_t(auth)])
                citedBy[auth].append(int(n));
        }
    }
    std::vector<char> reaches(inScope.size(), 0);
    std::vector<int> stack(conflicted.begin(), conflicted.end());
    for (int c : conflicted)
        reaches[size_t(c)] = 1;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int citing : citedBy.value(n)) {
            if (!reaches[size_t(citing)]) {
                reaches[size_t(citing)] = 1;
                stack.push_back(citing);
            }
        }
    }
    // On a path: reached from a conflicted event and reaching one (the lower endpoints among
    // them), or a conflicted event whose auth events reach one (the upper endpoints).
    std::vector<char> onPath(inScope.size(), 0);
    for (size_t n = 0; n < chain.size(); ++n)
        onPath[n] = chain[n] && reaches[n];
    for (int c : conflicted) {
        for (int auth : graph.authEdges(c))
            onPath[size_t(c)] = onPath[size_t(c)] || (size_t(auth) < reaches.size() && reaches[size_t(auth)]);
    }
    QList<int> subgraph;
    for (size_t n = 0; n < onPath.size(); ++n) {
        if (onPath[n])
            subgraph.append(int(n));
    }
    return subgraph;
}

} // namespace

Result<StateSet> resolveV2(const events::RoomVersion &version, const QList<StateSet> &stateSets,
                           const EventProvider &events, Trace *trace, const ResolveOptions &options)
{
    const bool v21 = version.stateResolution == events::StateResolutionAlgorithm::V2_1;
    if (trace) {
        trace->algorithm = v21 ? QStringLiteral("v2.1") : QStringLiteral("v2");
        trace->stateSets = stateSets;
    }
    if (stateSets.isEmpty())
        return StateSet();
    const Split split = splitStates(stateSets);
    AuthGraph graph(events);
    QList<int> conflicted;
    for (const EventId &id : split.conflicted) {
        const int node = graph.node(id);
        if (node >= 0)
            conflicted.append(node);
    }
    if (trace) {
        trace->unconflicted = split.unconflicted;
        trace->conflicted = sortedIds(conflicted, graph);
    }
    if (split.conflicted.isEmpty()) {
        if (trace)
            trace->resolved = split.unconflicted;
        return split.unconflicted;
    }

    const QList<int> difference =
        authDifference(stateSets, split, graph, options.authChainsIncludeStateEvents);
    const QList<int> subgraph = v21 ? conflictedSubgraph(conflicted, graph) : QList<int>();
    if (!graph.missing().isEmpty())
        return graph.missingError();

    // "Full conflicted set": conflicted set, auth difference (and, in v2.1, the subgraph).
    std::vector<char> full(size_t(graph.size()), 0);
    for (const QList<int> *part : std::initializer_list<const QList<int> *>{&conflicted, &difference, &subgraph}) {
        for (int node : *part)
            full[size_t(node)] = 1;
    }
    QList<int> fullNodes;
    for (size_t n = 0; n < full.size(); ++n) {
        if (full[n])
            fullNodes.append(int(n));
    }

    // Step 1: the power events and their auth chains within the full conflicted set.
    std::vector<int> powerStarts;
    std::vector<char> isPowerStart(full.size(), 0);
    for (int node : std::as_const(fullNodes)) {
        if (isPowerEvent(graph.pdu(node))) {
            powerStarts.push_back(node);
            isPowerStart[size_t(node)] = 1;
        }
    }
    std::vector<char> powerChain;
    graph.markAuthChains(powerStarts, powerChain);
    std::vector<int> powerSet;
    std::vector<char> isPowerSet(full.size(), 0);
    for (int node : std::as_const(fullNodes)) {
        const bool inChain = size_t(node) < powerChain.size() && powerChain[size_t(node)];
        if (inChain || isPowerStart[size_t(node)]) {
            powerSet.push_back(node);
            isPowerSet[size_t(node)] = 1;
        }
    }
    const QList<int> powerOrder = reverseTopologicalPowerOrder(powerSet, graph);

    // Step 2: iterative auth checks from the unconflicted state (v2) or the empty state (v2.1).
    StateSet partial = v21 ? StateSet() : split.unconflicted;
    iterativeAuthChecks(powerOrder, partial, graph, events, trace ? &trace->powerChecks : nullptr);

    // Step 3: the other events, by mainline ordering based on the partial state's power levels.
    std::vector<int> others;
    for (int node : std::as_const(fullNodes)) {
        if (!isPowerSet[size_t(node)])
            others.push_back(node);
    }
    const auto plId = partial.constFind(StateKey{auth::types::powerLevels, QString()});
    const int plNode = plId == partial.constEnd() ? -1 : graph.node(*plId);
    const QList<int> mainline = plNode >= 0 ? mainlineOf(plNode, graph) : QList<int>();
    QList<int> otherOrder;
    const QList<MainlinePlace> places = mainlineOrder(others, mainline, graph, &otherOrder);
    if (trace) {
        trace->authDifference = sortedIds(difference, graph);
        trace->conflictedSubgraph = sortedIds(subgraph, graph);
        trace->fullConflicted = sortedIds(fullNodes, graph);
        for (int node : powerOrder)
            trace->powerEvents.append(graph.eventId(node));
        trace->partialState = partial;
        for (int node : mainline)
            trace->mainline.append(graph.eventId(node));
        trace->otherEvents = places;
    }

    // Step 4: iterative auth checks on those, from the partial state.
    StateSet resolved = partial;
    iterativeAuthChecks(otherOrder, resolved, graph, events, trace ? &trace->otherChecks : nullptr);
    if (!graph.missing().isEmpty())
        return graph.missingError();

    // Step 5: the unconflicted state map wins. Start from it (shared, not copied) and add the
    // resolved entries of the other keys, which are few.
    StateSet result = split.unconflicted;
    for (auto it = resolved.cbegin(); it != resolved.cend(); ++it) {
        if (!split.unconflicted.contains(it.key()))
            result.insert(it.key(), it.value());
    }
    resolved = std::move(result);
    if (trace)
        trace->resolved = resolved;
    return resolved;
}

} // namespace trellis::stateres
