#include "ui/stateres/StepCells.h"

#include "core/auth/AuthRule.h"
#include "core/auth/EventTypes.h"

#include <algorithm>

namespace trellis::ui::resolution {

namespace {

QString membershipOf(const events::Pdu &pdu)
{
    const std::string *membership = pdu.content()["membership"].asString();
    return membership ? QString::fromStdString(*membership) : QString();
}

} // namespace

QString StepCells::shortId(const QString &id)
{
    // Hash IDs (room versions 3+) are 44 characters; the DAG view shows their first 11.
    constexpr qsizetype kLongId = 24;
    return id.size() <= kLongId ? id : id.left(11) + QChar(0x2026);
}

StepCell StepCells::event(const EventId &id, CellMark mark) const
{
    const QString full = id.toString();
    return {shortId(full), full, full + QLatin1Char('\n') + what(id), mark};
}

StepCell StepCells::text(const QString &text, CellMark mark) const
{
    return {text, QString(), QString(), mark};
}

QString StepCells::what(const EventId &id) const
{
    const events::Pdu *pdu = m_explanation.event(id);
    if (!pdu)
        return tr("not in the dump");
    const QString sender = pdu->sender().toString();
    QString text;
    if (pdu->type() == auth::types::member && pdu->stateKey()) {
        const QString membership = membershipOf(*pdu);
        const bool self = *pdu->stateKey() == sender;
        if (membership == auth::memberships::join)
            text = tr("join");
        else if (membership == auth::memberships::leave)
            text = self ? tr("leave") : tr("kick by %1").arg(sender);
        else if (membership == auth::memberships::ban)
            text = tr("ban by %1").arg(sender);
        else if (membership == auth::memberships::invite)
            text = tr("invite by %1").arg(sender);
        else if (membership == auth::memberships::knock)
            text = tr("knock");
        else
            text = tr("membership “%1” by %2").arg(membership, sender);
    } else {
        text = tr("by %1").arg(sender);
    }
    // Rejected events still take part in some steps (v2-state-res "Rejected events").
    if (m_explanation.replay &&
        m_explanation.replay->events().rejection(id) != trellis::stateres::Rejection::None)
        text = tr("%1 (rejected in the replay)").arg(text);
    return text;
}

StepRow StepCells::eventRow(const EventId &id, CellMark mark) const
{
    const events::Pdu *pdu = m_explanation.event(id);
    return {event(id, mark), text(pdu ? pdu->type() : QString()),
            text(pdu && pdu->stateKey() ? *pdu->stateKey() : QString()), text(what(id))};
}

QStringList StepCells::eventHeaders()
{
    return {tr("Event"), tr("Type"), tr("State key"), tr("What")};
}

StepCell StepCells::verdict(const auth::AuthVerdict &verdict) const
{
    if (verdict.allowed())
        return text(tr("accepted"), CellMark::Accepted);
    const QString number = m_explanation.version
                               ? auth::ruleNumber(verdict.failedRule, *m_explanation.version)
                               : QString();
    StepCell cell = text(tr("rejected by rule %1 (%2): %3")
                             .arg(number, auth::ruleName(verdict.failedRule), verdict.reason),
                         CellMark::Rejected);
    cell.toolTip = cell.text;
    return cell;
}

QList<StepRow> StepCells::stateRows(const trellis::stateres::StateSet &state,
                                    const QSet<auth::StateKey> &marked, CellMark mark) const
{
    QList<auth::StateKey> keys = state.keys();
    std::sort(keys.begin(), keys.end());
    QList<StepRow> rows;
    rows.reserve(keys.size());
    for (const auth::StateKey &key : std::as_const(keys)) {
        const CellMark rowMark = marked.contains(key) ? mark : CellMark::None;
        rows.append({text(key.type, rowMark), text(key.stateKey, rowMark),
                     event(state.value(key), rowMark)});
    }
    return rows;
}

QStringList StepCells::stateHeaders()
{
    return {tr("Type"), tr("State key"), tr("Event")};
}

} // namespace trellis::ui::resolution
