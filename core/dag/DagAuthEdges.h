#pragma once
#include "core/dag/DagLayout.h"
#include "core/dag/DagNodeInput.h"

#include <QList>
#include <QString>
#include <vector>

namespace trellis::dag {

/// An auth_events edge, drawn on demand (e.g. for the selected event) as a straight line:
/// auth edges are not routed through lanes, they would crowd the picture.
struct DagAuthEdge
{
    int fromRow = 0; ///< the event
    int toRow = -1;  ///< its auth event, -1 when the layout does not hold it
    QString toId;
};

/// The auth edges of one event of `layout` (deduplicated, in the event's order).
QList<DagAuthEdge> dagAuthEdges(const DagLayout &layout, const DagNodeInput &event);
/// The auth edges of every event of `events` that `layout` holds, by row of the event.
std::vector<DagAuthEdge> dagAuthEdges(const DagLayout &layout, const QList<DagNodeInput> &events);

} // namespace trellis::dag
