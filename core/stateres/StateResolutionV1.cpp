// State resolution of room version 1 (rooms/v1 "State resolution"): conflicts are settled
// in passes, power levels, join rules, memberships, then everything else, each ordered by
// depth and sha1(event_id).
#include "core/auth/EventTypes.h"
#include "core/stateres/AuthGraph.h"
#include "core/stateres/IterativeAuthChecks.h"
#include "core/stateres/Orderings.h"
#include "core/stateres/Resolver.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSet>
#include <algorithm>

namespace trellis::stateres {
namespace {

struct Candidate
{
    int node;
    qint64 depth;
    QByteArray sha1Hex;
};

// Ascending depth, then descending sha1(event_id) (in hex, as the reference implementation
// compares it).
bool v1Less(const Candidate &a, const Candidate &b)
{
    if (a.depth != b.depth)
        return a.depth < b.depth;
    return a.sha1Hex > b.sha1Hex;
}

Candidate candidateFor(int node, AuthGraph &graph)
{
    const QByteArray id = graph.eventId(node).toString().toUtf8();
    return {node, graph.pdu(node).depth(),
            QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex()};
}

} // namespace

Result<StateSet> resolveV1(const events::RoomVersion &, const QList<StateSet> &stateSets,
                           const EventProvider &events, Trace *trace)
{
    if (trace) {
        trace->algorithm = QStringLiteral("v1");
        trace->stateSets = stateSets;
    }
    // In v1 a key is conflicted only when states that have it disagree on it.
    StateSet resolved;
    QMap<StateKey, QSet<EventId>> conflicts;
    for (const StateSet &set : stateSets) {
        for (auto it = set.cbegin(); it != set.cend(); ++it) {
            if (conflicts.contains(it.key())) {
                conflicts[it.key()].insert(it.value());
            } else if (const auto known = resolved.constFind(it.key()); known == resolved.constEnd()) {
                resolved.insert(it.key(), it.value());
            } else if (*known != it.value()) {
                conflicts[it.key()] = {*known, it.value()};
                resolved.remove(it.key());
            }
        }
    }
    AuthGraph graph(events);
    if (trace) {
        trace->unconflicted = resolved;
        for (const QSet<EventId> &ids : std::as_const(conflicts))
            trace->conflicted.append(QList<EventId>(ids.begin(), ids.end()));
        std::sort(trace->conflicted.begin(), trace->conflicted.end(), eventIdLess);
    }

    const auto ordered = [&](const QSet<EventId> &ids) {
        QList<Candidate> candidates;
        for (const EventId &id : ids) {
            const int node = graph.node(id);
            if (node >= 0)
                candidates.append(candidateFor(node, graph));
        }
        std::sort(candidates.begin(), candidates.end(), v1Less);
        return candidates;
    };
    // Power levels, join rules and memberships: take the first, then each next one while the
    // rules allow it in the state so far.
    const auto resolveAuthConflict = [&](const StateKey &key, const QString &what) {
        const QList<Candidate> list = ordered(conflicts.value(key));
        if (list.isEmpty())
            return;
        V1Pass pass{what, key, {}, {}, graph.eventId(list.first().node)};
        resolved.insert(key, pass.chosen);
        pass.order.append(pass.chosen);
        for (qsizetype i = 1; i < list.size(); ++i) {
            const EventId id = graph.eventId(list[i].node);
            pass.order.append(id);
            const auth::AuthVerdict verdict = checkAgainstState(list[i].node, resolved, graph, events, false);
            pass.checks.append({id, key, verdict});
            if (!verdict.allowed())
                break;
            resolved.insert(key, id);
            pass.chosen = id;
        }
        if (trace)
            trace->passes.append(pass);
    };
    // Anything else: the highest depth (then lowest sha1) that passes; if none does, the
    // reference implementation keeps the one of least depth, and so do we.
    const auto resolveOtherConflict = [&](const StateKey &key) {
        QList<Candidate> list = ordered(conflicts.value(key));
        if (list.isEmpty())
            return;
        std::reverse(list.begin(), list.end());
        V1Pass pass{QStringLiteral("other"), key, {}, {}, graph.eventId(list.last().node)};
        for (const Candidate &candidate : std::as_const(list)) {
            const EventId id = graph.eventId(candidate.node);
            pass.order.append(id);
            const auth::AuthVerdict verdict = checkAgainstState(candidate.node, resolved, graph, events, false);
            pass.checks.append({id, key, verdict});
            if (verdict.allowed()) {
                pass.chosen = id;
                break;
            }
        }
        resolved.insert(key, pass.chosen);
        if (trace)
            trace->passes.append(pass);
    };

    const StateKey powerKey{auth::types::powerLevels, QString()};
    if (conflicts.contains(powerKey))
        resolveAuthConflict(powerKey, auth::types::powerLevels);
    for (const QString &type : {auth::types::joinRules, auth::types::member}) {
        for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it) {
            if (it.key().type == type)
                resolveAuthConflict(it.key(), type);
        }
    }
    for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it) {
        const QString &type = it.key().type;
        if (it.key() != powerKey && type != auth::types::joinRules && type != auth::types::member)
            resolveOtherConflict(it.key());
    }
    if (!graph.missing().isEmpty())
        return graph.missingError();
    if (trace)
        trace->resolved = resolved;
    return resolved;
}

} // namespace trellis::stateres
