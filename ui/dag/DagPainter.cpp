#include "ui/dag/DagPainter.h"

#include "core/dag/DagAuthEdges.h"
#include "ui/dag/DagColors.h"

#include <QPainter>
#include <QPainterPath>

namespace trellis::ui::dag {

using trellis::dag::DagFlag;
using trellis::dag::DagNode;

DagPainter::DagPainter(const DagSnapshot &snapshot, const DagGeometry &geometry,
                       const DagPaintOptions &options)
    : m_snapshot(snapshot), m_layout(snapshot.layout), m_geometry(geometry), m_options(options)
{
}

void DagPainter::paint(QPainter &painter, const QRectF &contentRect) const
{
    painter.fillRect(contentRect, m_options.background);
    if (m_layout.rowCount() == 0)
        return;
    // One row of slack on each side: nodes and edge diagonals reach into the next row.
    const int first = std::max(0, m_geometry.rowAt(contentRect.top()) - 1);
    const int last = std::min(m_layout.rowCount() - 1, m_geometry.rowAt(contentRect.bottom()) + 1);
    // Antialiasing costs more than it shows once rows are a few pixels high.
    painter.setRenderHint(QPainter::Antialiasing, m_geometry.rowHeight() >= 6.0);
    paintRowBands(painter, first, last, contentRect);
    paintEdges(painter, first, last);
    for (const DagNode &node : m_layout.nodesInRows(first, last))
        paintNode(painter, node);
    if (m_options.authEdges)
        paintAuthEdges(painter);
    if (m_geometry.showsText())
        paintText(painter, first, last);
}

void DagPainter::paintRowBands(QPainter &painter, int first, int last, const QRectF &rect) const
{
    if (!m_options.highlightedRows.isEmpty()) {
        // Only the visible rows are looked up: a step may name thousands of events.
        const QColor band = DagColors::highlight();
        for (int row = std::max(first, 0); row <= last; ++row) {
            if (m_options.highlightedRows.contains(row))
                painter.fillRect(QRectF(rect.left(), m_geometry.rowTop(row), rect.width(), m_geometry.rowHeight()), band);
        }
    }
    QList<int> marked = m_options.pickedRows;
    marked.prepend(m_options.selectedRow);
    for (int row : std::as_const(marked)) {
        if (row < first || row > last)
            continue;
        QColor band = DagColors::selection();
        band.setAlpha(row == m_options.selectedRow ? 60 : 35);
        painter.fillRect(
            QRectF(rect.left(), m_geometry.rowTop(row), rect.width(), m_geometry.rowHeight()),
            band);
    }
    if (m_options.cursorRow >= first && m_options.cursorRow <= last) {
        // A dotted outline, as item views draw their keyboard focus.
        painter.setPen(QPen(m_options.text, 1.0, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect.left() + 1, m_geometry.rowTop(m_options.cursorRow) + 0.5,
                                rect.width() - 2, m_geometry.rowHeight() - 1));
    }
}

void DagPainter::paintEdges(QPainter &painter, int first, int last) const
{
    const double width = std::clamp(m_geometry.zoom * 1.6, 1.0, 4.0);
    const auto &edges = m_layout.edges();
    for (int index : m_layout.edgesCrossingRows(first, last)) {
        const trellis::dag::DagEdge &edge = edges[size_t(index)];
        painter.setPen(QPen(DagColors::edgeColor(edge.runLane), width));
        const QList<trellis::dag::DagPoint> path = edge.path();
        for (qsizetype i = 1; i < path.size(); ++i)
            painter.drawLine(m_geometry.center(path[i - 1].row, path[i - 1].lane),
                             m_geometry.center(path[i].row, path[i].lane));
    }
}

void DagPainter::paintAuthEdges(QPainter &painter) const
{
    const int row = m_options.selectedRow;
    if (row < 0 || row >= m_layout.rowCount())
        return;
    const DagNode &node = m_layout.node(row);
    const trellis::dag::DagNodeInput *input = m_snapshot.input(node.id);
    if (!input)
        return;
    QPen pen(DagColors::authEdge(), std::clamp(m_geometry.zoom * 1.4, 1.0, 3.0), Qt::DashLine);
    painter.setPen(pen);
    for (const trellis::dag::DagAuthEdge &edge : trellis::dag::dagAuthEdges(m_layout, *input)) {
        if (edge.toRow < 0)
            continue;
        const DagNode &target = m_layout.node(edge.toRow);
        // Bowed to the right so that auth edges stand apart from the lanes' straight lines.
        const QPointF from = m_geometry.center(node.row, node.lane);
        const QPointF to = m_geometry.center(target.row, target.lane);
        QPainterPath curve(from);
        const double bow = m_geometry.laneWidth() * 1.5 + (from.y() - to.y()) * 0.05;
        curve.cubicTo(from + QPointF(bow, 0), to + QPointF(bow, 0), to);
        painter.drawPath(curve);
    }
}

bool DagPainter::dimmed(const DagNode &node) const
{
    return !m_options.hiddenTypes.isEmpty() && m_options.hiddenTypes.contains(node.type);
}

void DagPainter::paintNode(QPainter &painter, const DagNode &node) const
{
    const QPointF at = m_geometry.center(node.row, node.lane);
    const double r = m_geometry.nodeRadius();
    const QRectF box(at.x() - r, at.y() - r, 2 * r, 2 * r);
    painter.setOpacity(dimmed(node) ? 0.18 : 1.0);
    if (r < 1.5) {
        // Zoomed far out, a node is a dot of a few pixels: its colour is all that shows.
        const QColor colour = node.flags.testFlag(DagFlag::Rejected) ? DagColors::rejected()
                              : node.flags.testFlag(DagFlag::Missing)
                                  ? QColor(Qt::gray)
                                  : DagColors::serverColor(node.server);
        painter.fillRect(QRectF(at.x() - 1.5, at.y() - 1.0, 3.0, 2.0), colour);
        painter.setOpacity(1.0);
        return;
    }
    if (node.flags.testFlag(DagFlag::Missing)) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::gray, 1.2, Qt::DashLine));
        painter.drawEllipse(box);
        painter.setOpacity(1.0);
        return;
    }
    const bool outlier = node.flags.testFlag(DagFlag::Outlier);
    painter.setBrush(outlier ? m_options.background : DagColors::nodeFill(node.type, node.isState));
    // The outline is the sender's server: events of one server share a colour.
    const double penWidth = std::clamp(r * 0.35, 1.0, 3.0);
    painter.setPen(
        QPen(DagColors::serverColor(node.server), penWidth, outlier ? Qt::DotLine : Qt::SolidLine));
    if (node.isState)
        painter.drawRoundedRect(box, r * 0.3, r * 0.3);
    else
        painter.drawEllipse(box);
    paintMarks(painter, node, at);
    painter.setOpacity(1.0);
}

void DagPainter::paintMarks(QPainter &painter, const DagNode &node, QPointF at) const
{
    const double r = m_geometry.nodeRadius();
    painter.setBrush(Qt::NoBrush);
    if (node.flags.testFlag(DagFlag::ForwardExtremity)) {
        painter.setPen(QPen(m_options.text, std::clamp(r * 0.2, 1.0, 2.0)));
        painter.drawEllipse(at, r * 1.45, r * 1.45);
    }
    if (m_options.authChainRows.contains(node.row)) {
        // In the selected event's auth chain: ringed in the auth edges' colour.
        painter.setPen(QPen(DagColors::authEdge(), std::clamp(r * 0.25, 1.0, 2.5), Qt::DashLine));
        painter.drawEllipse(at, r * 1.6, r * 1.6);
    }
    if (node.row == m_options.selectedRow || m_options.pickedRows.contains(node.row)) {
        painter.setPen(QPen(DagColors::selection(), std::clamp(r * 0.3, 1.5, 3.0)));
        painter.drawEllipse(at, r * 1.8, r * 1.8);
    }
    if (node.flags.testFlag(DagFlag::SoftFailed)) {
        painter.setPen(QPen(DagColors::softFailed(), std::clamp(r * 0.3, 1.0, 3.0)));
        painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
    }
    if (node.flags.testFlag(DagFlag::Rejected)) {
        painter.setPen(QPen(DagColors::rejected(), std::clamp(r * 0.35, 1.5, 3.5)));
        painter.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
    }
}

void DagPainter::paintText(QPainter &painter, int first, int last) const
{
    QFont font = painter.font();
    font.setPixelSize(std::clamp(int(m_geometry.rowHeight() * 0.55), 7, 22));
    painter.setFont(font);
    const double x = m_geometry.textLeft();
    const double w = m_geometry.textWidth();
    for (const DagNode &node : m_layout.nodesInRows(first, last)) {
        painter.setOpacity(dimmed(node) ? 0.35 : 1.0);
        painter.setPen(node.flags.testFlag(DagFlag::Rejected) ? DagColors::rejected()
                                                              : m_options.text);
        const QRectF cell(x, m_geometry.rowTop(node.row), w, m_geometry.rowHeight());
        // Columns: short event ID, type, sender, depth (fractions of the text width).
        const QString id = node.id.left(11);
        const QString type =
            node.flags.testFlag(DagFlag::Missing) ? QStringLiteral("?") : node.type;
        painter.drawText(cell.adjusted(0, 0, -w * 0.80, 0), Qt::AlignVCenter | Qt::AlignLeft, id);
        painter.drawText(cell.adjusted(w * 0.21, 0, -w * 0.50, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         type);
        painter.drawText(cell.adjusted(w * 0.51, 0, -w * 0.12, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         node.sender);
        painter.drawText(cell.adjusted(w * 0.89, 0, 0, 0), Qt::AlignVCenter | Qt::AlignRight,
                         QString::number(node.depth));
    }
    painter.setOpacity(1.0);
}

} // namespace trellis::ui::dag
