#pragma once
#include "ui/dag/DagGeometry.h"
#include "ui/dag/DagPainter.h"
#include "ui/dag/DagSnapshot.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QSet>

namespace trellis::ui::dag {

/// The explorer's DAG view: one row per event (oldest at the top), lanes as columns, prev
/// edges as polylines, nodes coloured by kind and type family with marks for forward
/// extremities, rejected, soft-failed, outlier and missing events, and a text column (short
/// event ID, type, sender, depth). Only the visible rows are painted, so it scrolls rooms of
/// any size. Zoom: Ctrl+wheel, +/-. Pan: scrollbars, wheel, drag. Keys: up/down, Home/End.
/// Ctrl+click picks further events beside the selection; with the keyboard, Ctrl+arrows (and
/// Ctrl+PageUp/PageDown/Home/End) move a cursor without selecting and Ctrl+Space picks its row.
class DagView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit DagView(QWidget *parent = nullptr);

    /// Shows a snapshot; the selection survives when its events are still there.
    void setSnapshot(DagSnapshotPtr snapshot);
    DagSnapshotPtr snapshot() const { return m_snapshot; }
    const DagGeometry &geometry() const { return m_geometry; }

    double zoom() const { return m_geometry.zoom; }
    void setZoom(double zoom);
    void zoomIn() { setZoom(zoom() * 1.25); }
    void zoomOut() { setZoom(zoom() / 1.25); }

    QString selectedEvent() const;
    int selectedRow() const { return m_options.selectedRow; }
    /// Selects the event at `row` (clamped), scrolls to it and emits eventSelected().
    void selectRow(int row);
    bool selectEvent(const QString &eventId);
    /// The selected event, then the events Ctrl+click added to it, in the order picked.
    QStringList pickedEvents() const;
    /// Picks these events, the first as the selection, and scrolls to the last; emits
    /// eventsPicked() for two or more, eventSelected() for one. False (and nothing changes)
    /// when the list is empty or names an event the DAG does not hold.
    bool pickEvents(const QStringList &eventIds);
    /// Ctrl+click: adds the event at `row` to the pick, or takes it out when it is in.
    void togglePicked(int row);
    /// The keyboard's row: the selection's, or where Ctrl+arrows moved it.
    int cursorRow() const { return m_options.cursorRow >= 0 ? m_options.cursorRow : selectedRow(); }

    /// Selects the next event (after the selection, wrapping) whose ID starts with `text`,
    /// or whose sender or type contains it. False when none matches.
    bool find(const QString &text);
    /// Selects the first event of at least this depth.
    bool jumpToDepth(qint64 depth);
    /// Selects the earliest event sent at or after this time (origin_server_ts, ms since the
    /// epoch; the first in row order among equals). False when every event is older.
    bool jumpToTime(qint64 msSinceEpoch);

    bool authEdgesVisible() const { return m_options.authEdges; }
    /// With auth edges shown: how many events the selected event's auth chain holds (those in
    /// the DAG), each ringed.
    int authChainSize() const { return int(m_options.authChainRows.size()); }
    void setAuthEdgesVisible(bool visible);
    /// Events of these types are drawn dimmed; their rows stay.
    void setHiddenTypes(const QSet<QString> &types);
    /// Marks these events' rows (those not in the DAG are skipped); empty clears the marks.
    void setHighlightedEvents(const QStringList &eventIds);
    int highlightedCount() const { return int(m_options.highlightedRows.size()); }
    QSet<QString> hiddenTypes() const { return m_options.hiddenTypes; }

    /// The row under a point of the viewport, -1 if none.
    int rowAt(QPoint viewportPoint) const;
    /// Where the node of `row` is drawn, in viewport coordinates.
    QPointF nodeCenter(int row) const;

    /// Renders a rectangle of content coordinates, scaled, as the view draws it.
    QImage render(const QRectF &contentRect, double scale = 1.0) const;
    /// What the viewport shows now.
    QImage renderVisible() const;
    /// The first and last row the viewport shows (partly or wholly); {0, -1} when none.
    std::pair<int, int> visibleRows() const;
    /// The whole graph, scaled down if needed so that neither side exceeds `maxSide` pixels.
    QImage renderAll(int maxSide = 16384) const;
    const DagPaintOptions &paintOptions() const { return m_options; }

Q_SIGNALS:
    void eventSelected(const QString &eventId);
    /// Two or more events picked: the details compare their states, the step-through can
    /// resolve them.
    void eventsPicked(const QStringList &eventIds);
    void zoomChanged(double zoom);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void adoptPalette();
    /// Finds the selected event's auth chain (its auth events, theirs, …) when auth edges show.
    void updateAuthChain();
    void updateScrollBars();
    /// Moves the keyboard's cursor (clamped) without changing the selection.
    void moveCursor(int row);
    void scrollToRow(int row);
    void zoomAround(double zoom, QPointF viewportAnchor);
    QPointF contentOffset() const;
    bool matches(const trellis::dag::DagNode &node, const QString &text) const;

    DagSnapshotPtr m_snapshot;
    DagGeometry m_geometry;
    DagPaintOptions m_options;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
    bool m_pressed = false;
};

} // namespace trellis::ui::dag
