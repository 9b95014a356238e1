#pragma once
#include <QPointF>
#include <QRectF>
#include <QtGlobal>
#include <algorithm>
#include <cmath>

namespace trellis::ui::dag {

/// Where rows and lanes are in the DAG view's content coordinates, at a zoom factor: the
/// view, the painter and the exports share it so that pixels agree everywhere.
struct DagGeometry
{
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 8.0;
    static constexpr double kBaseRowHeight = 24.0;
    static constexpr double kBaseLaneWidth = 22.0;

    double zoom = 1.0;
    int laneCount = 1;
    int rowCount = 0;

    double rowHeight() const { return kBaseRowHeight * zoom; }
    double laneWidth() const { return kBaseLaneWidth * zoom; }
    double margin() const { return 8.0; }
    double nodeRadius() const { return std::max(0.75, std::min(rowHeight(), laneWidth()) * 0.32); }
    double graphWidth() const { return 2 * margin() + std::max(1, laneCount) * laneWidth(); }
    /// Text is drawn only when it would be readable.
    bool showsText() const { return rowHeight() >= 9.0; }
    double textLeft() const { return graphWidth() + 6.0; }
    double textWidth() const { return showsText() ? 560.0 * std::min(zoom, 2.0) : 0.0; }
    double contentWidth() const { return textLeft() + textWidth(); }
    double contentHeight() const { return rowCount * rowHeight(); }

    QPointF center(int row, int lane) const
    {
        return {margin() + (lane + 0.5) * laneWidth(), (row + 0.5) * rowHeight()};
    }
    double rowTop(int row) const { return row * rowHeight(); }
    /// The row at content y, clamped to [0, rowCount-1] (-1 for an empty graph).
    int rowAt(double y) const
    {
        if (rowCount == 0)
            return -1;
        return std::clamp(int(std::floor(y / rowHeight())), 0, rowCount - 1);
    }
    int laneAt(double x) const { return int(std::floor((x - margin()) / laneWidth())); }
};

} // namespace trellis::ui::dag
