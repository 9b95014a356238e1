#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace trellis::ui::resolution {

/// The steps of a recorded resolution (core/stateres/Trace.h), in the order the algorithm
/// takes them.
enum class StepKind {
    StateSets,          ///< the states after the prev events
    Unconflicted,       ///< the unconflicted state map (v1: R at the start)
    Conflicted,         ///< the conflicted state set
    AuthDifference,     ///< v2
    ConflictedSubgraph, ///< v2.1
    FullConflicted,     ///< v2
    PowerEvents,        ///< v2 step 1
    PowerChecks,        ///< v2 step 2
    PartialState,       ///< v2, after step 2
    Mainline,           ///< v2 step 3: the mainline of the partial state's power levels
    OtherEvents,        ///< v2 step 3: the other events with their mainline positions
    OtherChecks,        ///< v2 step 4
    V1Pass,             ///< v1: one conflict's pass
    Resolved,           ///< the result (v2 step 5)
};

/// How a cell is drawn: what it says about its row's event or key.
enum class CellMark { None, Conflicted, Accepted, Rejected, Chosen };

/// One cell of a step's table. Cells that name an event carry its ID: clicking them selects
/// the event in the DAG view.
struct StepCell
{
    QString text;
    QString eventId;
    QString toolTip;
    CellMark mark = CellMark::None;
};

using StepRow = QList<StepCell>;

/// One step as the step-through view shows it: a title, a plain-language explanation that
/// cites the spec section, and a table.
struct ResolutionStep
{
    StepKind kind = StepKind::StateSets;
    QString title;
    QString explanation;
    QString specSection; ///< e.g. "v2-state-res, Algorithm, step 2" (the spec's own names)
    QStringList headers;
    QList<StepRow> rows;
    QStringList eventIds; ///< the events the step is about, in its order
};

} // namespace trellis::ui::resolution
