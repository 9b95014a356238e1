#include "ui/stateres/ResolutionSteps.h"

#include <QSet>

#include <algorithm>

namespace trellis::ui::resolution {

using trellis::stateres::StateSet;

namespace {

QStringList idStrings(const QList<EventId> &ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (const EventId &id : ids)
        out.append(id.toString());
    return out;
}

} // namespace

QStringList eventColumn(const QList<StepRow> &rows, int column)
{
    QStringList ids;
    for (const StepRow &row : rows) {
        if (column < row.size() && !row[column].eventId.isEmpty())
            ids.append(row[column].eventId);
    }
    return ids;
}

ResolutionSteps::ResolutionSteps(const Explanation &explanation)
    : m_explanation(explanation), m_trace(explanation.trace), m_cells(explanation),
      m_v1(explanation.trace.algorithm == QLatin1String("v1")),
      m_v21(explanation.trace.algorithm == QLatin1String("v2.1"))
{
}

QList<ResolutionStep> ResolutionSteps::build(const Explanation &explanation)
{
    QList<ResolutionStep> steps;
    if (!explanation.resolved())
        return steps;
    const ResolutionSteps builder(explanation);
    steps.append(builder.stateSets());
    steps.append(builder.unconflicted());
    steps.append(builder.conflicted());
    // Nothing conflicted (v1: the states only differ by keys some lack): the union is the
    // result and no other step runs.
    if (!explanation.trace.conflicted.isEmpty()) {
        if (builder.m_v1)
            builder.addV1(steps);
        else
            builder.addV2(steps);
    }
    steps.append(builder.resolved());
    return steps;
}

QUrl ResolutionSteps::specUrl(const QString &section)
{
    // v2-state-res is a fragment of the rooms/v2 page (and of v3-v11's); v2.1 is rooms/v12's.
    QString page;
    if (section.startsWith(u"rooms/v1,"))
        page = QStringLiteral("v1");
    else if (section.startsWith(u"rooms/v12"))
        page = QStringLiteral("v12");
    else if (section.startsWith(u"v2-state-res"))
        page = QStringLiteral("v2");
    else
        return {};
    QString anchor = QStringLiteral("state-resolution");
    const QString part = section.section(QStringLiteral(", "), page == u"v2" ? 1 : 2);
    if (page != u"v1" && part.startsWith(u"Definitions"))
        anchor = QStringLiteral("definitions");
    else if (page != u"v1" && part.startsWith(u"Algorithm"))
        anchor = QStringLiteral("algorithm");
    return QUrl(QStringLiteral("https://spec.matrix.org/latest/rooms/%1/#%2").arg(page, anchor));
}

QString ResolutionSteps::resultName() const
{
    const ResolutionRequest &request = m_explanation.request;
    return request.isPick() ? tr("the state an event on top of the picked events would have")
                            : tr("the state before %1").arg(StepCells::shortId(request.stateBefore));
}

QString ResolutionSteps::section(const QString &part) const
{
    // The spec's own names, not translated: readers look them up in the English text.
    QString base;
    if (m_v1)
        base = QStringLiteral("rooms/v1, State resolution");
    else if (m_v21)
        base = QStringLiteral("rooms/v12, State resolution");
    else
        base = QStringLiteral("v2-state-res");
    return part.isEmpty() ? base : base + QStringLiteral(", ") + part;
}

ResolutionStep ResolutionSteps::eventList(StepKind kind, const QList<EventId> &ids) const
{
    ResolutionStep step;
    step.kind = kind;
    step.headers = StepCells::eventHeaders();
    for (const EventId &id : ids)
        step.rows.append(m_cells.eventRow(id));
    step.eventIds = idStrings(ids);
    return step;
}

ResolutionStep ResolutionSteps::stateSets() const
{
    ResolutionStep step;
    step.kind = StepKind::StateSets;
    step.title = tr("States to resolve");
    const ResolutionRequest &request = m_explanation.request;
    step.explanation =
        request.isPick()
            ? tr("The states after the %1 picked events, resolved as if they were the prev "
                 "events of one new event. They are %2 different states; the keys on which they "
                 "disagree are highlighted.")
                  .arg(request.statesAfter.size())
                  .arg(m_trace.stateSets.size())
            : tr("The state before %1 is the resolution of the states after its prev events. "
                 "They are %2 different states; the keys on which they disagree are highlighted.")
                  .arg(StepCells::shortId(request.stateBefore))
                  .arg(m_trace.stateSets.size());
    step.specSection = section(QString());
    step.headers = StepCells::stateHeaders().mid(0, 2);
    for (const QStringList &origins : m_explanation.setOrigins) {
        QStringList names;
        for (const QString &origin : origins)
            names.append(StepCells::shortId(origin));
        step.headers.append(tr("After %1").arg(names.join(QStringLiteral(", "))));
        step.eventIds.append(origins);
    }
    QSet<auth::StateKey> keySet;
    for (const StateSet &set : m_trace.stateSets) {
        for (auto it = set.cbegin(); it != set.cend(); ++it)
            keySet.insert(it.key());
    }
    QList<auth::StateKey> keys(keySet.begin(), keySet.end());
    std::sort(keys.begin(), keys.end());
    const QSet<EventId> conflicted(m_trace.conflicted.begin(), m_trace.conflicted.end());
    for (const auth::StateKey &key : std::as_const(keys)) {
        bool isConflicted = false;
        for (const StateSet &set : m_trace.stateSets)
            isConflicted = isConflicted || (set.contains(key) && conflicted.contains(set.value(key)));
        const CellMark mark = isConflicted ? CellMark::Conflicted : CellMark::None;
        StepRow row{m_cells.text(key.type, mark), m_cells.text(key.stateKey, mark)};
        for (const StateSet &set : m_trace.stateSets) {
            StepCell cell = set.contains(key) ? m_cells.event(set.value(key), mark)
                                              : m_cells.text(tr("(none)"), mark);
            row.append(cell);
        }
        step.rows.append(row);
    }
    return step;
}

ResolutionStep ResolutionSteps::unconflicted() const
{
    ResolutionStep step;
    step.kind = StepKind::Unconflicted;
    if (m_v1) {
        step.title = tr("Start: the unconflicted state");
        step.explanation = tr("R, the result so far, starts as the union of the states without "
                              "the keys on which they hold different events.");
        step.specSection = section(QString());
    } else {
        step.title = tr("Unconflicted state map");
        step.explanation = tr("The keys that every state has, with the same event. They are "
                              "settled: step 5 puts them back over the result.");
        step.specSection = section(QStringLiteral("Definitions, Unconflicted state map and "
                                                  "conflicted state set"));
    }
    step.headers = StepCells::stateHeaders();
    step.rows = m_cells.stateRows(m_trace.unconflicted);
    step.eventIds = eventColumn(step.rows, 2);
    return step;
}

ResolutionStep ResolutionSteps::conflicted() const
{
    ResolutionStep step = eventList(StepKind::Conflicted, m_trace.conflicted);
    step.title = tr("Conflicted state set");
    if (m_v1) {
        step.explanation = tr("The events the states hold for keys on which they disagree: the "
                              "conflicting events. Each conflict is settled by a pass below.");
        step.specSection = section(QString());
    } else {
        step.explanation = tr("The events the states hold for keys that not every state has "
                              "with the same event. Only these and the events they depend on "
                              "are resolved.");
        step.specSection = section(QStringLiteral("Definitions, Unconflicted state map and "
                                                  "conflicted state set"));
    }
    // Which of the input states hold each event (at its own key: no scan of the states).
    step.headers.append(tr("In states"));
    for (qsizetype row = 0; row < m_trace.conflicted.size(); ++row) {
        const EventId &id = m_trace.conflicted[row];
        const events::Pdu *pdu = m_explanation.event(id);
        QStringList holders;
        for (qsizetype set = 0; pdu && pdu->stateKey() && set < m_trace.stateSets.size(); ++set) {
            if (m_trace.stateSets[set].value({pdu->type(), *pdu->stateKey()}) == id)
                holders.append(QString::number(set + 1));
        }
        step.rows[row].append(m_cells.text(holders.join(QStringLiteral(", "))));
    }
    if (m_trace.conflicted.isEmpty())
        step.explanation += QLatin1Char(' ') + tr("Here there are none: the union of the states "
                                                  "is the result.");
    return step;
}

ResolutionStep ResolutionSteps::resolved() const
{
    ResolutionStep step;
    step.kind = StepKind::Resolved;
    step.title = m_v1 ? tr("Resolved state") : tr("Step 5: resolved state");
    if (m_v1) {
        step.explanation = tr("This is %1: R after the last pass. The keys the passes decided "
                              "are highlighted.")
                               .arg(resultName());
        step.specSection = section(QString());
    } else {
        step.explanation = tr("This is %1: the state after step 4, with the unconflicted "
                              "state map put back over it. The keys the resolution decided are "
                              "highlighted.")
                               .arg(resultName());
        step.specSection = section(QStringLiteral("Algorithm, step 5"));
    }
    QSet<auth::StateKey> decided;
    for (auto it = m_trace.resolved.cbegin(); it != m_trace.resolved.cend(); ++it) {
        if (!m_trace.unconflicted.contains(it.key()))
            decided.insert(it.key());
    }
    step.headers = StepCells::stateHeaders();
    step.rows = m_cells.stateRows(m_trace.resolved, decided, CellMark::Chosen);
    step.eventIds = eventColumn(step.rows, 2);
    return step;
}

} // namespace trellis::ui::resolution
