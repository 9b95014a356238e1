#include "ui/dag/DagView.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <optional>

namespace trellis::ui::dag {

using trellis::dag::DagNode;

DagView::DagView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("dagView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

void DagView::setSnapshot(DagSnapshotPtr snapshot)
{
    const QStringList picked = pickedEvents();
    const QString cursor = m_snapshot && m_options.cursorRow >= 0
                               ? m_snapshot->layout.node(m_options.cursorRow).id
                               : QString();
    m_snapshot = std::move(snapshot);
    m_geometry.rowCount = m_snapshot ? m_snapshot->layout.rowCount() : 0;
    m_geometry.laneCount = m_snapshot ? m_snapshot->layout.laneCount() : 1;
    m_options.selectedRow = -1;
    m_options.pickedRows.clear();
    // The keyboard's cursor stays on its event too (a live room reloads on every change).
    m_options.cursorRow = m_snapshot && !cursor.isEmpty() ? m_snapshot->layout.rowOf(cursor) : -1;
    for (const QString &id : picked) {
        const int row = m_snapshot ? m_snapshot->layout.rowOf(id) : -1;
        if (row < 0)
            continue;
        if (m_options.selectedRow < 0)
            m_options.selectedRow = row;
        else
            m_options.pickedRows.append(row);
    }
    adoptPalette();
    updateAuthChain();
    updateScrollBars();
    viewport()->update();
}

void DagView::adoptPalette()
{
    m_options.background = palette().color(QPalette::Base);
    m_options.text = palette().color(QPalette::Text);
}

void DagView::changeEvent(QEvent *event)
{
    // The theme changed (Settings ▸ Appearance): the graph follows the window's colours.
    if (event->type() == QEvent::PaletteChange) {
        adoptPalette();
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void DagView::setZoom(double zoom)
{
    zoomAround(zoom, QPointF(0, viewport()->height() / 2.0));
}

void DagView::zoomAround(double zoom, QPointF anchor)
{
    zoom = std::clamp(zoom, DagGeometry::kMinZoom, DagGeometry::kMaxZoom);
    if (qFuzzyCompare(zoom, m_geometry.zoom))
        return;
    // Keep the content under the anchor where it is: zooming follows the cursor.
    const double rowUnderAnchor = (contentOffset().y() + anchor.y()) / m_geometry.rowHeight();
    const double xFraction = (contentOffset().x() + anchor.x()) / m_geometry.contentWidth();
    m_geometry.zoom = zoom;
    updateScrollBars();
    verticalScrollBar()->setValue(int(rowUnderAnchor * m_geometry.rowHeight() - anchor.y()));
    horizontalScrollBar()->setValue(int(xFraction * m_geometry.contentWidth() - anchor.x()));
    viewport()->update();
    Q_EMIT zoomChanged(zoom);
}

QString DagView::selectedEvent() const
{
    const int row = m_options.selectedRow;
    return m_snapshot && row >= 0 ? m_snapshot->layout.node(row).id : QString();
}

QStringList DagView::pickedEvents() const
{
    QStringList ids;
    if (!m_snapshot || m_options.selectedRow < 0)
        return ids;
    ids.append(m_snapshot->layout.node(m_options.selectedRow).id);
    for (int row : m_options.pickedRows)
        ids.append(m_snapshot->layout.node(row).id);
    return ids;
}

void DagView::selectRow(int row)
{
    if (!m_snapshot || m_geometry.rowCount == 0)
        return;
    row = std::clamp(row, 0, m_geometry.rowCount - 1);
    m_options.selectedRow = row;
    m_options.pickedRows.clear();
    m_options.cursorRow = -1; // the cursor follows the selection
    updateAuthChain();
    scrollToRow(row);
    viewport()->update();
    Q_EMIT eventSelected(m_snapshot->layout.node(row).id);
}

bool DagView::selectEvent(const QString &eventId)
{
    const int row = m_snapshot ? m_snapshot->layout.rowOf(eventId) : -1;
    if (row < 0)
        return false;
    selectRow(row);
    return true;
}

bool DagView::pickEvents(const QStringList &eventIds)
{
    if (!m_snapshot || eventIds.isEmpty())
        return false;
    QList<int> rows;
    for (const QString &id : eventIds) {
        const int row = m_snapshot->layout.rowOf(id);
        if (row < 0)
            return false;
        if (!rows.contains(row))
            rows.append(row);
    }
    if (rows.size() == 1) {
        selectRow(rows.first());
        return true;
    }
    m_options.selectedRow = rows.takeFirst();
    m_options.pickedRows = rows;
    updateAuthChain();
    scrollToRow(rows.last());
    viewport()->update();
    Q_EMIT eventsPicked(pickedEvents());
    return true;
}

void DagView::togglePicked(int row)
{
    if (!m_snapshot || row < 0 || row >= m_geometry.rowCount)
        return;
    QStringList ids = pickedEvents();
    const QString id = m_snapshot->layout.node(row).id;
    if (ids.contains(id)) {
        if (ids.size() == 1)
            return; // the selection alone stays selected
        ids.removeOne(id);
    } else {
        ids.append(id);
    }
    pickEvents(ids);
}

bool DagView::matches(const DagNode &node, const QString &text) const
{
    return node.id.startsWith(text) || node.sender.contains(text, Qt::CaseInsensitive) ||
           node.type.contains(text, Qt::CaseInsensitive);
}

bool DagView::find(const QString &text)
{
    if (!m_snapshot || text.isEmpty() || m_geometry.rowCount == 0)
        return false;
    const auto &nodes = m_snapshot->layout.nodes();
    const int count = m_geometry.rowCount;
    const int start = m_options.selectedRow + 1;
    for (int i = 0; i < count; ++i) {
        const int row = (start + i) % count;
        if (matches(nodes[size_t(row)], text)) {
            selectRow(row);
            return true;
        }
    }
    return false;
}

bool DagView::jumpToDepth(qint64 depth)
{
    if (!m_snapshot)
        return false;
    // Rows are sorted by depth only among ready events, so scan rather than bisect.
    for (const DagNode &node : m_snapshot->layout.nodes()) {
        if (node.depth >= depth) {
            selectRow(node.row);
            return true;
        }
    }
    return false;
}

bool DagView::jumpToTime(qint64 msSinceEpoch)
{
    if (!m_snapshot)
        return false;
    // Timestamps are the senders' clocks: rows are not in their order, so look at them all.
    const DagNode *best = nullptr;
    for (const DagNode &node : m_snapshot->layout.nodes()) {
        if (node.ts >= msSinceEpoch && (!best || node.ts < best->ts))
            best = &node;
    }
    if (!best)
        return false;
    selectRow(best->row);
    return true;
}

void DagView::setAuthEdgesVisible(bool visible)
{
    m_options.authEdges = visible;
    updateAuthChain();
    viewport()->update();
}

void DagView::updateAuthChain()
{
    m_options.authChainRows.clear();
    if (!m_snapshot || !m_options.authEdges || m_options.selectedRow < 0)
        return;
    // Along auth_events, in any order (a set is wanted); events the dump lacks end a branch.
    QList<QString> queue;
    if (const auto *input = m_snapshot->input(m_snapshot->layout.node(m_options.selectedRow).id))
        queue = input->authIds;
    while (!queue.isEmpty()) {
        const QString id = queue.takeLast();
        const int row = m_snapshot->layout.rowOf(id);
        if (row < 0 || m_options.authChainRows.contains(row))
            continue;
        m_options.authChainRows.insert(row);
        if (const auto *input = m_snapshot->input(id))
            queue.append(input->authIds);
    }
}

void DagView::setHiddenTypes(const QSet<QString> &types)
{
    m_options.hiddenTypes = types;
    viewport()->update();
}

void DagView::setHighlightedEvents(const QStringList &eventIds)
{
    m_options.highlightedRows.clear();
    for (const QString &id : eventIds) {
        if (const int row = m_snapshot ? m_snapshot->layout.rowOf(id) : -1; row >= 0)
            m_options.highlightedRows.insert(row);
    }
    viewport()->update();
}

QPointF DagView::contentOffset() const
{
    return {double(horizontalScrollBar()->value()), double(verticalScrollBar()->value())};
}

int DagView::rowAt(QPoint viewportPoint) const
{
    const double y = contentOffset().y() + viewportPoint.y();
    if (!m_snapshot || y < 0 || y >= m_geometry.contentHeight())
        return -1;
    return m_geometry.rowAt(y);
}

QPointF DagView::nodeCenter(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_geometry.rowCount)
        return {};
    return m_geometry.center(row, m_snapshot->layout.node(row).lane) - contentOffset();
}

void DagView::updateScrollBars()
{
    const QSize page = viewport()->size();
    const double height = m_geometry.contentHeight();
    // A scrollbar's range is an int: past 2^31 pixels (zoomed far into millions of events)
    // the zoom is capped instead.
    if (height > 2.0e9)
        m_geometry.zoom = 2.0e9 / (m_geometry.rowCount * DagGeometry::kBaseRowHeight);
    verticalScrollBar()->setPageStep(page.height());
    verticalScrollBar()->setSingleStep(std::max(1, int(m_geometry.rowHeight())));
    verticalScrollBar()->setRange(0, std::max(0, int(m_geometry.contentHeight()) - page.height()));
    horizontalScrollBar()->setPageStep(page.width());
    horizontalScrollBar()->setSingleStep(std::max(1, int(m_geometry.laneWidth())));
    horizontalScrollBar()->setRange(0, std::max(0, int(m_geometry.contentWidth()) - page.width()));
}

void DagView::scrollToRow(int row)
{
    const double top = m_geometry.rowTop(row);
    const double bottom = top + m_geometry.rowHeight();
    const double viewTop = contentOffset().y();
    const double viewHeight = viewport()->height();
    if (top < viewTop || bottom > viewTop + viewHeight)
        verticalScrollBar()->setValue(int(top + m_geometry.rowHeight() / 2 - viewHeight / 2));
}

void DagView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPointF offset = contentOffset();
    if (!m_snapshot) {
        painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
        return;
    }
    painter.translate(-offset);
    DagPainter(*m_snapshot, m_geometry, m_options)
        .paint(painter, QRectF(offset, QSizeF(viewport()->size())));
}

void DagView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DagView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        zoomAround(zoom() * std::pow(1.15, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void DagView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const int row = cursorRow();
    const int page = std::max(1, int(viewport()->height() / m_geometry.rowHeight()) - 1);
    std::optional<int> target;
    switch (event->key()) {
    case Qt::Key_Up:
        target = row < 0 ? 0 : row - 1;
        break;
    case Qt::Key_Down:
        target = row + 1;
        break;
    case Qt::Key_PageUp:
        target = std::max(0, row - page);
        break;
    case Qt::Key_PageDown:
        target = row + page;
        break;
    case Qt::Key_Home:
        target = 0;
        break;
    case Qt::Key_End:
        target = m_geometry.rowCount - 1;
        break;
    case Qt::Key_Space:
        if (!ctrl)
            return QAbstractScrollArea::keyPressEvent(event);
        togglePicked(row);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    // With Ctrl the cursor moves alone, as in item views: Ctrl+Space then picks its row.
    if (target && ctrl)
        moveCursor(*target);
    else if (target)
        selectRow(*target);
    event->accept();
}

void DagView::moveCursor(int row)
{
    if (!m_snapshot || m_geometry.rowCount == 0)
        return;
    m_options.cursorRow = std::clamp(row, 0, m_geometry.rowCount - 1);
    scrollToRow(m_options.cursorRow);
    viewport()->update();
}

void DagView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position().toPoint();
}

void DagView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        m_dragging = true;
    if (m_dragging) {
        const QPoint delta = pos - m_lastDragPos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_lastDragPos = pos;
    }
}

void DagView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    m_pressed = false;
    if (m_dragging)
        return;
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    // Ctrl+click picks further events: the details compare their states, the step-through
    // resolves them.
    if (event->modifiers() & Qt::ControlModifier)
        togglePicked(row);
    else
        selectRow(row);
}

QImage DagView::render(const QRectF &contentRect, double scale) const
{
    const QSize size(std::max(1, int(std::ceil(contentRect.width() * scale))),
                     std::max(1, int(std::ceil(contentRect.height() * scale))));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_options.background);
    if (!m_snapshot)
        return image;
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-contentRect.topLeft());
    DagPainter(*m_snapshot, m_geometry, m_options).paint(painter, contentRect);
    return image;
}

QImage DagView::renderVisible() const
{
    return render(QRectF(contentOffset(), QSizeF(viewport()->size())));
}

std::pair<int, int> DagView::visibleRows() const
{
    if (!m_snapshot || m_geometry.rowCount == 0)
        return {0, -1};
    const double top = contentOffset().y();
    const double bottom = std::min(top + viewport()->height(), m_geometry.contentHeight()) - 1;
    return {m_geometry.rowAt(top), m_geometry.rowAt(std::max(top, bottom))};
}

QImage DagView::renderAll(int maxSide) const
{
    const QRectF all(0, 0, m_geometry.contentWidth(), std::max(1.0, m_geometry.contentHeight()));
    const double scale = std::min({1.0, maxSide / all.width(), maxSide / all.height()});
    return render(all, scale);
}

} // namespace trellis::ui::dag
