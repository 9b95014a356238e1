#pragma once
#include "core/dag/DagNodeInput.h"
#include "core/dag/RowIntervalIndex.h"

#include <QHash>
#include <QList>
#include <QString>
#include <span>
#include <vector>

namespace trellis::dag {

/// A point of the layout grid: a row (one event per row, oldest at the top) and a lane.
struct DagPoint
{
    int row = 0;
    int lane = 0;
    friend bool operator==(const DagPoint &, const DagPoint &) = default;
};

/// One event placed on the grid.
struct DagNode
{
    int row = 0;
    int lane = 0;
    QString id;
    QString type;   ///< empty for a missing event
    QString sender; ///< empty for a missing event
    QString server; ///< the sender's server name (the part after the first ':')
    bool isState = false;
    qint64 depth = 0; ///< for a missing event: one less than its shallowest child's
    qint64 ts = 0;    ///< for a missing event: its earliest child's
    DagFlags flags;
    int prevCount = 0;
    int childCount = 0;
};

/// A prev_events edge from a child (lower on the grid) to its prev event. It leaves the
/// child's cell, rises diagonally to `runLane` in the row just above the child, runs
/// straight up that lane, and ends in the parent's cell: see path().
struct DagEdge
{
    int fromRow = 0; ///< the child
    int fromLane = 0;
    int toRow = 0; ///< the prev event (toRow < fromRow)
    int toLane = 0;
    int runLane = 0; ///< the lane it occupies in rows toRow+1 .. fromRow-1 (the parent's)

    /// The polyline from the child to the parent, 2 or 3 points, no repeated point.
    QList<DagPoint> path() const;
};

/// The layout of an event DAG: nodes in rows, edges with their lanes, and an index for
/// viewport queries. Immutable once built (layoutDag()); cheap to move, safe to share.
class DagLayout
{
public:
    int rowCount() const { return int(m_nodes.size()); }
    int laneCount() const { return m_laneCount; }

    /// Nodes ordered by row: node(row).row == row.
    const std::vector<DagNode> &nodes() const { return m_nodes; }
    const DagNode &node(int row) const { return m_nodes[size_t(row)]; }
    /// Edges ordered by (fromRow, toRow).
    const std::vector<DagEdge> &edges() const { return m_edges; }
    /// The row of an event (or missing event), -1 if the layout has none.
    int rowOf(const QString &id) const { return m_rows.value(id, -1); }
    /// The prev edges of the node at `row`.
    std::span<const DagEdge> prevEdges(int row) const;

    /// Nodes in rows [firstRow, lastRow] (clamped), in row order. O(1).
    std::span<const DagNode> nodesInRows(int firstRow, int lastRow) const;
    /// Indexes into edges() of every edge that has a point or a segment in rows
    /// [firstRow, lastRow], in no particular order. O(log n + k).
    std::vector<int> edgesCrossingRows(int firstRow, int lastRow) const;

private:
    friend class DagLayoutBuilder;
    std::vector<DagNode> m_nodes;
    std::vector<DagEdge> m_edges;
    std::vector<int> m_firstEdge; ///< per row, then one past the end: edges of the row
    QHash<QString, int> m_rows;
    RowIntervalIndex m_index; ///< edges by their row span [toRow, fromRow]
    int m_laneCount = 0;
};

} // namespace trellis::dag
