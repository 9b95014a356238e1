#include "ui/stateres/StepTable.h"

#include <QHeaderView>

namespace trellis::ui::resolution {

namespace {

// Fixed light backgrounds with a dark text colour, so that marks read the same in dark
// themes.
const QColor kConflicted(0xff, 0xec, 0xb3);
const QColor kAccepted(0x1b, 0x7a, 0x2e);
const QColor kRejected(0xb7, 0x1c, 0x1c);
const QColor kMarkedText(0x20, 0x20, 0x20);
constexpr int kMaxColumnWidth = 260;
constexpr int kMaxFittedRows = 300;

} // namespace

StepTable::StepTable(QWidget *parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("stateResStepTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Verdicts say why an event was rejected: long texts wrap and their rows grow.
    setWordWrap(true);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const QString id = eventAt(row, column);
        if (!id.isEmpty())
            Q_EMIT eventClicked(id);
    });
}

void StepTable::setStep(const ResolutionStep &step)
{
    clear();
    setColumnCount(int(step.headers.size()));
    setHorizontalHeaderLabels(step.headers);
    setRowCount(int(step.rows.size()));
    for (int row = 0; row < step.rows.size(); ++row) {
        const StepRow &cells = step.rows[row];
        for (int column = 0; column < cells.size() && column < columnCount(); ++column)
            setItem(row, column, itemFor(cells[column]));
    }
    resizeColumnsToContents();
    // A long verdict or description should not push the other columns out of sight: the
    // last column stretches and the tooltip holds the whole text.
    for (int column = 0; column + 1 < columnCount(); ++column)
        setColumnWidth(column, std::min(columnWidth(column), kMaxColumnWidth));
    // The last column (a verdict, a description) takes the width left and wraps in it: sized
    // small here, the header stretches it.
    if (columnCount() > 0)
        setColumnWidth(columnCount() - 1, horizontalHeader()->minimumSectionSize());
    fitRows();
}

void StepTable::resizeEvent(QResizeEvent *event)
{
    QTableWidget::resizeEvent(event);
    fitRows(); // the stretched last column's width changed
}

void StepTable::fitRows()
{
    // Measuring every row is slow for the state tables of big rooms; those stay one line high.
    if (rowCount() <= kMaxFittedRows)
        resizeRowsToContents();
}

QString StepTable::eventAt(int row, int column) const
{
    const QTableWidgetItem *cell = item(row, column);
    return cell ? cell->data(Qt::UserRole).toString() : QString();
}

QTableWidgetItem *StepTable::itemFor(const StepCell &cell) const
{
    auto *item = new QTableWidgetItem(cell.text);
    if (!cell.toolTip.isEmpty())
        item->setToolTip(cell.toolTip);
    QFont font = this->font();
    if (!cell.eventId.isEmpty()) {
        item->setData(Qt::UserRole, cell.eventId);
        item->setForeground(palette().link());
        font.setUnderline(true);
    }
    switch (cell.mark) {
    case CellMark::None:
        break;
    case CellMark::Conflicted:
        item->setBackground(kConflicted);
        if (cell.eventId.isEmpty())
            item->setForeground(kMarkedText);
        break;
    case CellMark::Accepted:
        item->setForeground(kAccepted);
        break;
    case CellMark::Rejected:
        item->setForeground(kRejected);
        break;
    case CellMark::Chosen:
        font.setBold(true);
        break;
    }
    item->setFont(font);
    return item;
}

} // namespace trellis::ui::resolution
