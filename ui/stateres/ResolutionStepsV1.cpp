// The passes of room version 1's state resolution (rooms/v1 "State resolution").
#include "ui/stateres/ResolutionSteps.h"

#include "core/auth/EventTypes.h"

#include <QHash>

namespace trellis::ui::resolution {

void ResolutionSteps::addV1(QList<ResolutionStep> &steps) const
{
    for (const trellis::stateres::V1Pass &each : m_trace.passes)
        steps.append(pass(each));
}

ResolutionStep ResolutionSteps::pass(const trellis::stateres::V1Pass &pass) const
{
    ResolutionStep step;
    step.kind = StepKind::V1Pass;
    const QString key = pass.key.stateKey.isEmpty()
                            ? pass.key.type
                            : pass.key.type + QLatin1Char(' ') + pass.key.stateKey;
    step.title = tr("Pass: %1").arg(key);
    const bool authPass = pass.what != QLatin1String("other");
    if (authPass) {
        QString lead;
        if (pass.what == auth::types::powerLevels)
            lead = tr("Conflicting power levels are resolved first.");
        else if (pass.what == auth::types::joinRules)
            lead = tr("Conflicting join rules are resolved after the power levels.");
        else
            lead = tr("Conflicting memberships are resolved after the power levels and the join "
                      "rules, one key at a time.");
        step.explanation = lead + QLatin1Char(' ') +
                           tr("The candidates are sorted by ascending depth, then descending sha1 "
                              "of the event ID; the first goes into R, and each next one replaces "
                              "it while the authorisation rules allow it in R. The first that "
                              "fails ends the pass.");
    } else {
        step.explanation = tr("Any other conflict: of the candidates, by descending depth then "
                              "ascending sha1 of the event ID, the first that the authorisation "
                              "rules allow in R is taken. When none is allowed, Trellis keeps "
                              "the one of least depth, as Synapse does.");
    }
    step.specSection = section(QString());
    QHash<EventId, auth::AuthVerdict> verdicts;
    for (const trellis::stateres::AuthCheckStep &check : pass.checks)
        verdicts.insert(check.event, check.verdict);
    step.headers = {tr("#"), tr("Event"), tr("What"), tr("Depth"), tr("Verdict"), tr("Result")};
    for (qsizetype i = 0; i < pass.order.size(); ++i) {
        const EventId &id = pass.order[i];
        const events::Pdu *pdu = m_explanation.event(id);
        const bool chosen = id == pass.chosen;
        StepCell verdict = verdicts.contains(id) ? m_cells.verdict(verdicts.value(id))
                                                 : m_cells.text(tr("taken first, unchecked"));
        step.rows.append({m_cells.text(QString::number(i + 1)),
                          m_cells.event(id, chosen ? CellMark::Chosen : verdict.mark),
                          m_cells.text(m_cells.what(id)),
                          m_cells.text(pdu ? QString::number(pdu->depth()) : QString()), verdict,
                          m_cells.text(chosen ? tr("in R") : QString(),
                                       chosen ? CellMark::Chosen : CellMark::None)});
        step.eventIds.append(id.toString());
    }
    return step;
}

} // namespace trellis::ui::resolution
