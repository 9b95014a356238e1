#include "core/stateres/Orderings.h"

#include "core/auth/EventTypes.h"
#include "core/events/EventHashes.h"

#include <QHash>
#include <algorithm>
#include <queue>

namespace trellis::stateres {
namespace {

// The power levels event among a node's auth events, or -1.
int powerLevelsAuthEvent(int node, AuthGraph &graph)
{
    for (int auth : graph.authEdges(node)) {
        const events::Pdu &pdu = graph.pdu(auth);
        if (pdu.type() == auth::types::powerLevels && pdu.stateKey() == QString())
            return auth;
    }
    return -1;
}

} // namespace

bool eventIdLess(const EventId &a, const EventId &b)
{
    // UTF-8 byte order is code point order; UTF-16 order differs above U+FFFF.
    return a.toString().toUtf8() < b.toString().toUtf8();
}

const events::Pdu *createEventFor(const events::Pdu &event, AuthGraph &graph)
{
    if (event.roomVersion().roomIdFormat == events::RoomIdFormat::CreateEventHash) {
        auto id = EventId::parse(QString(QLatin1Char('$') + event.roomId().opaqueId()));
        const int node = id ? graph.node(*id) : -1;
        return node >= 0 ? &graph.pdu(node) : nullptr;
    }
    const int self = graph.node(event.eventId());
    for (int auth : graph.authEdges(self)) {
        if (graph.pdu(auth).type() == auth::types::create)
            return &graph.pdu(auth);
    }
    return nullptr;
}

auth::PowerLevel senderPowerFromAuthEvents(int node, AuthGraph &graph)
{
    const events::Pdu &event = graph.pdu(node);
    const int powerLevels = powerLevelsAuthEvent(node, graph);
    const auth::PowerLevels levels(powerLevels >= 0 ? &graph.pdu(powerLevels) : nullptr,
                                   createEventFor(event, graph), event.roomVersion());
    return levels.userLevel(event.sender().toString());
}

QList<int> reverseTopologicalPowerOrder(const std::vector<int> &nodes, AuthGraph &graph)
{
    struct Key
    {
        auth::PowerLevel power;
        qint64 ts;
        QByteArray id;
        int node;
    };
    // x < y: greater power, then smaller timestamp, then smaller event ID.
    const auto less = [](const Key &x, const Key &y) {
        if (x.power != y.power)
            return x.power > y.power;
        if (x.ts != y.ts)
            return x.ts < y.ts;
        return x.id < y.id;
    };
    QHash<int, Key> keys;
    QHash<int, int> pendingAuth;        // node -> number of its auth events still unsorted
    QHash<int, QList<int>> dependents;  // auth event -> events citing it, within `nodes`
    for (int n : nodes) {
        keys.insert(n, Key{senderPowerFromAuthEvents(n, graph), graph.pdu(n).originServerTs(),
                           graph.eventId(n).toString().toUtf8(), n});
        pendingAuth.insert(n, 0);
    }
    for (int n : nodes) {
        for (int auth : graph.authEdges(n)) {
            if (pendingAuth.contains(auth)) {
                ++pendingAuth[n];
                dependents[auth].append(n);
            }
        }
    }
    const auto greater = [&](const Key &x, const Key &y) { return less(y, x); };
    std::priority_queue<Key, std::vector<Key>, decltype(greater)> ready(greater);
    for (auto it = pendingAuth.cbegin(); it != pendingAuth.cend(); ++it) {
        if (it.value() == 0)
            ready.push(keys.value(it.key()));
    }
    QList<int> order;
    order.reserve(qsizetype(nodes.size()));
    while (!ready.empty()) {
        const Key next = ready.top();
        ready.pop();
        order.append(next.node);
        for (int dependent : dependents.value(next.node)) {
            if (--pendingAuth[dependent] == 0)
                ready.push(keys.value(dependent));
        }
    }
    return order;
}

QList<int> mainlineOf(int powerLevels, AuthGraph &graph)
{
    QList<int> mainline;
    for (int p = powerLevels; p >= 0 && !mainline.contains(p); p = powerLevelsAuthEvent(p, graph))
        mainline.append(p);
    return mainline;
}

QList<MainlinePlace> mainlineOrder(const std::vector<int> &nodes, const QList<int> &mainline,
                                   AuthGraph &graph, QList<int> *sorted)
{
    QHash<int, int> positionOf;
    for (int i = 0; i < mainline.size(); ++i)
        positionOf.insert(mainline[i], i);
    // Position of e: the index of the first e_j (j >= 1) on the mainline, following the power
    // levels events in auth_events; none (infinity) when the walk never meets it.
    QHash<int, std::optional<int>> memo;
    const auto position = [&](int node) -> std::optional<int> {
        QList<int> walked;
        std::optional<int> found;
        for (int p = powerLevelsAuthEvent(node, graph); p >= 0; p = powerLevelsAuthEvent(p, graph)) {
            if (positionOf.contains(p)) {
                found = positionOf.value(p);
                break;
            }
            if (memo.contains(p)) {
                found = memo.value(p);
                break;
            }
            if (walked.contains(p))
                break; // a cycle cannot happen in a valid DAG; do not loop on a forged one
            walked.append(p);
        }
        for (int p : walked)
            memo.insert(p, found);
        return found;
    };

    struct Entry
    {
        std::optional<int> position;
        qint64 ts;
        QByteArray id;
        int node;
    };
    std::vector<Entry> entries;
    for (int n : nodes)
        entries.push_back({position(n), graph.pdu(n).originServerTs(), graph.eventId(n).toString().toUtf8(), n});
    std::sort(entries.begin(), entries.end(), [](const Entry &x, const Entry &y) {
        // Greater position first; infinity (no position) is greatest.
        if (x.position != y.position) {
            if (!x.position)
                return true;
            if (!y.position)
                return false;
            return *x.position > *y.position;
        }
        if (x.ts != y.ts)
            return x.ts < y.ts;
        return x.id < y.id;
    });
    QList<MainlinePlace> places;
    for (const Entry &entry : entries) {
        places.append({graph.eventId(entry.node), entry.position});
        if (sorted)
            sorted->append(entry.node);
    }
    return places;
}

} // namespace trellis::stateres
