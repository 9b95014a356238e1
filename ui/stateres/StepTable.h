#pragma once
#include "ui/stateres/ResolutionStep.h"

#include <QTableWidget>

namespace trellis::ui::resolution {

/// The table of one resolution step. Cells that name an event look like links and carry the
/// event ID (Qt::UserRole); clicking one emits eventClicked(). Marks colour the cells:
/// conflicted keys, accepted and rejected events, what the step chose.
class StepTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit StepTable(QWidget *parent = nullptr);

    void setStep(const ResolutionStep &step);
    /// The event ID a cell names, empty if none.
    QString eventAt(int row, int column) const;

Q_SIGNALS:
    void eventClicked(const QString &eventId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitRows();
    QTableWidgetItem *itemFor(const StepCell &cell) const;
};

} // namespace trellis::ui::resolution
