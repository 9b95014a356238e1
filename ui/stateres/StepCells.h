#pragma once
#include "core/auth/AuthVerdict.h"
#include "core/stateres/StateSet.h"
#include "ui/stateres/ResolutionJob.h"
#include "ui/stateres/ResolutionStep.h"

#include <QCoreApplication>

namespace trellis::ui::resolution {

/// Makes the cells of the step tables: events by short ID (the full ID and what the event does
/// in the tooltip), state maps as (type, state key, event) rows, verdicts with their rule.
class StepCells
{
    Q_DECLARE_TR_FUNCTIONS(StepCells)

public:
    explicit StepCells(const Explanation &explanation) : m_explanation(explanation) {}

    /// A long (hash) event ID cut to a prefix that is still unique in practice, as the DAG
    /// view shows it; room version 1 and 2 IDs stay whole unless long.
    static QString shortId(const QString &id);

    StepCell event(const EventId &id, CellMark mark = CellMark::None) const;
    StepCell text(const QString &text, CellMark mark = CellMark::None) const;
    /// What the event does, in a few words: "ban by @bob:example.org", "m.room.topic".
    QString what(const EventId &id) const;
    /// Event, type, state key, what it does.
    StepRow eventRow(const EventId &id, CellMark mark = CellMark::None) const;
    static QStringList eventHeaders();
    /// "accepted", or the rule of the room version that rejected the event and why.
    StepCell verdict(const auth::AuthVerdict &verdict) const;
    /// Type, state key, event; sorted by key. Keys in `marked` get `mark`.
    QList<StepRow> stateRows(const trellis::stateres::StateSet &state,
                             const QSet<auth::StateKey> &marked = {},
                             CellMark mark = CellMark::Conflicted) const;
    static QStringList stateHeaders();

private:
    const Explanation &m_explanation;
};

} // namespace trellis::ui::resolution
