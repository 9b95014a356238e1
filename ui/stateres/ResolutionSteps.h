#pragma once
#include "ui/stateres/ResolutionJob.h"
#include "ui/stateres/ResolutionStep.h"
#include "ui/stateres/StepCells.h"

#include <QCoreApplication>
#include <QList>
#include <QUrl>

namespace trellis::ui::resolution {

/// The event IDs of one column of a step's table, in row order.
QStringList eventColumn(const QList<StepRow> &rows, int column);

/// Turns a recorded resolution into the steps the view shows, each with a short explanation
/// that names its spec section: rooms/v1 "State resolution" (its passes), v2-state-res
/// "Definitions" and "Algorithm" (steps 1-5), rooms/v12 "State resolution" for v2.1.
class ResolutionSteps
{
    Q_DECLARE_TR_FUNCTIONS(ResolutionSteps)

public:
    static QList<ResolutionStep> build(const Explanation &explanation);
    /// Where a step's spec section (as in ResolutionStep::specSection) is published: the room
    /// version's page on spec.matrix.org, at its "Definitions", "Algorithm" or "State
    /// resolution" heading. Invalid for a section of no state resolution algorithm.
    static QUrl specUrl(const QString &section);

private:
    explicit ResolutionSteps(const Explanation &explanation);

    // Shared by every algorithm.
    ResolutionStep stateSets() const;
    ResolutionStep unconflicted() const;
    ResolutionStep conflicted() const;
    ResolutionStep resolved() const;

    // ResolutionStepsV2.cpp: v2 and v2.1.
    void addV2(QList<ResolutionStep> &steps) const;
    ResolutionStep authDifference() const;
    ResolutionStep conflictedSubgraph() const;
    ResolutionStep fullConflicted() const;
    ResolutionStep powerEvents() const;
    ResolutionStep checks(StepKind kind, const QList<trellis::stateres::AuthCheckStep> &checks) const;
    ResolutionStep partialState() const;
    ResolutionStep mainline() const;
    ResolutionStep otherEvents() const;

    // ResolutionStepsV1.cpp.
    void addV1(QList<ResolutionStep> &steps) const;
    ResolutionStep pass(const trellis::stateres::V1Pass &pass) const;

    /// What the resolved state is, in words: "the state before $abc…" or, for a pick, its kind.
    QString resultName() const;
    /// The spec section of this algorithm, e.g. "v2-state-res, Algorithm, step 2".
    QString section(const QString &part) const;
    ResolutionStep eventList(StepKind kind, const QList<EventId> &ids) const;

    const Explanation &m_explanation;
    const trellis::stateres::Trace &m_trace;
    StepCells m_cells;
    bool m_v1;
    bool m_v21;
};

} // namespace trellis::ui::resolution
