#include "core/dag/DagAuthEdges.h"

#include <QSet>
#include <algorithm>

namespace trellis::dag {

QList<DagAuthEdge> dagAuthEdges(const DagLayout &layout, const DagNodeInput &event)
{
    QList<DagAuthEdge> edges;
    const int row = layout.rowOf(event.id);
    if (row < 0)
        return edges;
    QSet<QString> seen;
    for (const QString &authId : event.authIds) {
        if (seen.contains(authId))
            continue;
        seen.insert(authId);
        edges.append({row, layout.rowOf(authId), authId});
    }
    return edges;
}

std::vector<DagAuthEdge> dagAuthEdges(const DagLayout &layout, const QList<DagNodeInput> &events)
{
    std::vector<DagAuthEdge> edges;
    for (const DagNodeInput &event : events) {
        const QList<DagAuthEdge> some = dagAuthEdges(layout, event);
        edges.insert(edges.end(), some.begin(), some.end());
    }
    // Input order must not show through.
    std::stable_sort(edges.begin(), edges.end(), [](const DagAuthEdge &a, const DagAuthEdge &b) {
        return a.fromRow != b.fromRow ? a.fromRow < b.fromRow : a.toId < b.toId;
    });
    return edges;
}

} // namespace trellis::dag
