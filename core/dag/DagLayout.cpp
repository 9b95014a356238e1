#include "core/dag/DagLayout.h"

#include <algorithm>

namespace trellis::dag {

QList<DagPoint> DagEdge::path() const
{
    QList<DagPoint> points{{fromRow, fromLane}};
    // The diagonal into the run lane happens between the child's row and the row above it.
    if (fromRow - toRow > 1 && runLane != fromLane)
        points.append({fromRow - 1, runLane});
    points.append({toRow, toLane});
    return points;
}

std::span<const DagEdge> DagLayout::prevEdges(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const auto begin = m_edges.begin() + m_firstEdge[size_t(row)];
    return {begin, begin + (m_firstEdge[size_t(row) + 1] - m_firstEdge[size_t(row)])};
}

std::span<const DagNode> DagLayout::nodesInRows(int firstRow, int lastRow) const
{
    firstRow = std::max(firstRow, 0);
    lastRow = std::min(lastRow, rowCount() - 1);
    if (firstRow > lastRow)
        return {};
    return {m_nodes.begin() + firstRow, m_nodes.begin() + lastRow + 1};
}

std::vector<int> DagLayout::edgesCrossingRows(int firstRow, int lastRow) const
{
    return m_index.overlapping(firstRow, lastRow);
}

} // namespace trellis::dag
