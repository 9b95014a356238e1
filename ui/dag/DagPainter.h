#pragma once
#include "ui/dag/DagGeometry.h"
#include "ui/dag/DagSnapshot.h"

#include <QColor>
#include <QRectF>
#include <QSet>
#include <QString>

class QPainter;

namespace trellis::ui::dag {

/// What the painter highlights and hides, besides the snapshot itself.
struct DagPaintOptions
{
    int selectedRow = -1;
    QList<int> pickedRows;     ///< events Ctrl+click added to the selection, in pick order
    int cursorRow = -1;        ///< the keyboard's cursor when it left the selection (Ctrl+arrows)
    bool authEdges = false;    ///< draw the selected event's auth edges
    QSet<int> authChainRows;   ///< with authEdges: the selected event's whole auth chain
    QSet<QString> hiddenTypes; ///< event types drawn dimmed (their rows stay)
    QSet<int> highlightedRows; ///< rows marked by another view (a state-resolution step's events)
    QColor background = Qt::white;
    QColor text = Qt::black;
};

/// Paints the part of a DAG layout that lies in a rectangle of content coordinates: only
/// the rows it covers (DagLayout's viewport queries), so a frame costs the same for a room of
/// a hundred events as for one of a million. Shared by DagView and the PNG export.
class DagPainter
{
public:
    DagPainter(const DagSnapshot &snapshot, const DagGeometry &geometry,
               const DagPaintOptions &options);

    /// `painter` maps content coordinates to the device (the caller translates/scales).
    void paint(QPainter &painter, const QRectF &contentRect) const;

private:
    void paintRowBands(QPainter &painter, int first, int last, const QRectF &rect) const;
    void paintEdges(QPainter &painter, int first, int last) const;
    void paintAuthEdges(QPainter &painter) const;
    void paintNode(QPainter &painter, const trellis::dag::DagNode &node) const;
    void paintMarks(QPainter &painter, const trellis::dag::DagNode &node, QPointF at) const;
    void paintText(QPainter &painter, int first, int last) const;
    bool dimmed(const trellis::dag::DagNode &node) const;

    const DagSnapshot &m_snapshot;
    const trellis::dag::DagLayout &m_layout;
    DagGeometry m_geometry;
    const DagPaintOptions &m_options;
};

} // namespace trellis::ui::dag
