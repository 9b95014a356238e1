// The steps of state resolution v2 and v2.1 (v2-state-res "Definitions" and "Algorithm";
// rooms/v12 "State resolution" for what v2.1 changes).
#include "ui/stateres/ResolutionSteps.h"

#include <QSet>

namespace trellis::ui::resolution {

using trellis::stateres::AuthCheckStep;
using trellis::stateres::StateSet;

namespace {

QString timestampOf(const Explanation &explanation, const EventId &id)
{
    const events::Pdu *pdu = explanation.event(id);
    return pdu ? QString::number(pdu->originServerTs()) : QString();
}

} // namespace

void ResolutionSteps::addV2(QList<ResolutionStep> &steps) const
{
    steps.append(authDifference());
    if (m_v21)
        steps.append(conflictedSubgraph());
    steps.append(fullConflicted());
    steps.append(powerEvents());
    steps.append(checks(StepKind::PowerChecks, m_trace.powerChecks));
    steps.append(partialState());
    steps.append(mainline());
    steps.append(otherEvents());
    steps.append(checks(StepKind::OtherChecks, m_trace.otherChecks));
}

ResolutionStep ResolutionSteps::authDifference() const
{
    ResolutionStep step = eventList(StepKind::AuthDifference, m_trace.authDifference);
    step.title = tr("Auth difference");
    step.explanation = tr("The events in the auth chain of some state but not of every state: "
                          "the authorisations the forks do not share.");
    step.specSection = section(QStringLiteral("Definitions, Auth difference"));
    return step;
}

ResolutionStep ResolutionSteps::conflictedSubgraph() const
{
    ResolutionStep step = eventList(StepKind::ConflictedSubgraph, m_trace.conflictedSubgraph);
    step.title = tr("Conflicted state subgraph");
    step.explanation = tr("The events on auth event paths from one conflicted event to another, "
                          "ends included: they may be needed to authorise the conflicted events.");
    step.specSection = section(QStringLiteral("Definitions, Conflicted state subgraph"));
    return step;
}

ResolutionStep ResolutionSteps::fullConflicted() const
{
    ResolutionStep step = eventList(StepKind::FullConflicted, m_trace.fullConflicted);
    step.title = tr("Full conflicted set");
    step.explanation = m_v21 ? tr("The conflicted state set, the conflicted state subgraph and the "
                                  "auth difference together: the events the algorithm orders and "
                                  "checks.")
                             : tr("The conflicted state set and the auth difference together: the "
                                  "events the algorithm orders and checks.");
    step.specSection = section(QStringLiteral("Definitions, Full conflicted set"));
    const QSet<EventId> conflicted(m_trace.conflicted.begin(), m_trace.conflicted.end());
    const QSet<EventId> difference(m_trace.authDifference.begin(), m_trace.authDifference.end());
    const QSet<EventId> subgraph(m_trace.conflictedSubgraph.begin(),
                                 m_trace.conflictedSubgraph.end());
    step.headers.append(tr("Why"));
    for (qsizetype row = 0; row < m_trace.fullConflicted.size(); ++row) {
        const EventId &id = m_trace.fullConflicted[row];
        QStringList why;
        if (conflicted.contains(id))
            why.append(tr("conflicted"));
        if (subgraph.contains(id))
            why.append(tr("subgraph"));
        if (difference.contains(id))
            why.append(tr("auth difference"));
        step.rows[row].append(m_cells.text(why.join(QStringLiteral(", "))));
    }
    return step;
}

ResolutionStep ResolutionSteps::powerEvents() const
{
    ResolutionStep step = eventList(StepKind::PowerEvents, m_trace.powerEvents);
    step.title = tr("Step 1: power events");
    step.explanation =
        tr("The power events of the full conflicted set (power levels, join rules, kicks and "
           "bans) and the events of their auth chains that are in it, in reverse topological "
           "power order: auth events first, then senders of greater power, then older "
           "timestamps, then smaller event IDs.");
    step.specSection = section(QStringLiteral("Algorithm, step 1"));
    step.headers.prepend(tr("#"));
    step.headers.append(tr("Timestamp"));
    for (qsizetype row = 0; row < step.rows.size(); ++row) {
        step.rows[row].prepend(m_cells.text(QString::number(row + 1)));
        step.rows[row].append(m_cells.text(timestampOf(m_explanation, m_trace.powerEvents[row])));
    }
    if (step.rows.isEmpty())
        step.explanation += QLatin1Char(' ') + tr("Here there are none.");
    return step;
}

ResolutionStep ResolutionSteps::checks(StepKind kind, const QList<AuthCheckStep> &list) const
{
    ResolutionStep step;
    step.kind = kind;
    if (kind == StepKind::PowerChecks) {
        step.title = tr("Step 2: auth checks of the power events");
        step.explanation =
            m_v21 ? tr("In that order, each event is checked against the authorisation rules in "
                       "the state built so far, starting from an empty state (v2.1); keys the "
                       "state lacks come from the event's own auth events. An allowed event "
                       "takes its key.")
                  : tr("In that order, each event is checked against the authorisation rules in "
                       "the state built so far, starting from the unconflicted state map; keys "
                       "the state lacks come from the event's own auth events. An allowed event "
                       "takes its key.");
        step.specSection = section(QStringLiteral("Algorithm, step 2; Definitions, Iterative "
                                                  "auth checks"));
    } else {
        step.title = tr("Step 4: auth checks of the other events");
        step.explanation = tr("In mainline order, each other event is checked against the "
                              "authorisation rules in the partial state as it grows; an allowed "
                              "event takes its key.");
        step.specSection = section(QStringLiteral("Algorithm, step 4; Definitions, Iterative "
                                                  "auth checks"));
    }
    step.headers = {tr("#"), tr("Event"), tr("Type"), tr("State key"), tr("Verdict")};
    for (qsizetype i = 0; i < list.size(); ++i) {
        const AuthCheckStep &check = list[i];
        const StepCell verdict = m_cells.verdict(check.verdict);
        step.rows.append({m_cells.text(QString::number(i + 1)), m_cells.event(check.event),
                          m_cells.text(check.key.type), m_cells.text(check.key.stateKey), verdict});
        step.eventIds.append(check.event.toString());
    }
    if (list.isEmpty())
        step.explanation += QLatin1Char(' ') + tr("Here there are none to check.");
    return step;
}

ResolutionStep ResolutionSteps::partialState() const
{
    ResolutionStep step;
    step.kind = StepKind::PartialState;
    step.title = tr("Partial state");
    step.explanation = tr("The state after step 2; the keys its checks set are highlighted. Its "
                          "power levels event is the start of the mainline.");
    step.specSection = section(QStringLiteral("Algorithm, step 2"));
    const StateSet start = m_v21 ? StateSet() : m_trace.unconflicted;
    QSet<auth::StateKey> changed;
    for (auto it = m_trace.partialState.cbegin(); it != m_trace.partialState.cend(); ++it) {
        if (start.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    step.headers = StepCells::stateHeaders();
    step.rows = m_cells.stateRows(m_trace.partialState, changed, CellMark::Chosen);
    step.eventIds = eventColumn(step.rows, 2);
    return step;
}

ResolutionStep ResolutionSteps::mainline() const
{
    ResolutionStep step;
    step.kind = StepKind::Mainline;
    step.title = tr("Step 3: mainline");
    step.explanation = tr("The power levels event of the partial state, then the power levels "
                          "event in its auth events, and so on back to the start of the room. "
                          "Position 0 is the newest.");
    step.specSection = section(QStringLiteral("Definitions, Mainline ordering"));
    step.headers = {tr("Position"), tr("Event"), tr("What"), tr("Timestamp")};
    for (qsizetype i = 0; i < m_trace.mainline.size(); ++i) {
        const EventId &id = m_trace.mainline[i];
        step.rows.append({m_cells.text(QString::number(i)), m_cells.event(id),
                          m_cells.text(m_cells.what(id)),
                          m_cells.text(timestampOf(m_explanation, id))});
        step.eventIds.append(id.toString());
    }
    if (m_trace.mainline.isEmpty())
        step.explanation += QLatin1Char(' ') + tr("The partial state has no power levels event: "
                                                  "every mainline position is infinite.");
    return step;
}

ResolutionStep ResolutionSteps::otherEvents() const
{
    ResolutionStep step;
    step.kind = StepKind::OtherEvents;
    step.title = tr("Step 3: other events by mainline");
    step.explanation = tr("The events of the full conflicted set not taken in step 1, sorted by "
                          "mainline position: events based on an older power levels event "
                          "first (∞: none on the mainline), then older timestamps, then smaller "
                          "event IDs.");
    step.specSection = section(QStringLiteral("Algorithm, step 3"));
    step.headers = StepCells::eventHeaders();
    step.headers.prepend(tr("#"));
    step.headers.append({tr("Mainline position"), tr("Timestamp")});
    for (qsizetype i = 0; i < m_trace.otherEvents.size(); ++i) {
        const trellis::stateres::MainlinePlace &place = m_trace.otherEvents[i];
        StepRow row = m_cells.eventRow(place.event);
        row.prepend(m_cells.text(QString::number(i + 1)));
        row.append({m_cells.text(place.position ? QString::number(*place.position)
                                                : QStringLiteral("∞")),
                    m_cells.text(timestampOf(m_explanation, place.event))});
        step.rows.append(row);
        step.eventIds.append(place.event.toString());
    }
    if (m_trace.otherEvents.isEmpty())
        step.explanation += QLatin1Char(' ') + tr("Here there are none.");
    return step;
}

} // namespace trellis::ui::resolution
