#include "core/room/RoomReplay.h"

#include "core/auth/AuthRules.h"
#include "core/auth/EventTypes.h"
#include "core/stateres/Orderings.h"
#include "core/stateres/Resolver.h"

#include <algorithm>
#include <queue>

namespace trellis::room {

using stateres::Rejection;
using stateres::StateSet;

RoomReplay::RoomReplay(const events::RoomVersion &version, KeepStates keepStates)
    : m_version(version), m_keepStates(keepStates)
{
}

Result<QList<events::Pdu>> RoomReplay::sorted(const QList<events::Pdu> &input) const
{
    // Kahn's algorithm over prev_events and auth_events (a server checks an event against
    // auth events it has already checked, check 4, wherever they lie in the DAG); among ready
    // events the lowest depth, then event ID, goes first, so that the order does not depend on
    // the input's.
    QHash<EventId, qsizetype> index;
    for (qsizetype i = 0; i < input.size(); ++i)
        index.insert(input[i].eventId(), i);
    QList<int> pending(input.size(), 0);
    QList<QList<qsizetype>> children(input.size());
    for (qsizetype i = 0; i < input.size(); ++i) {
        for (const QList<EventId> *edges : {&input[i].prevEvents(), &input[i].authEvents()}) {
            for (const EventId &earlier : *edges) {
                const auto it = index.constFind(earlier);
                if (it != index.constEnd()) {
                    ++pending[i];
                    children[*it].append(i);
                }
            }
        }
    }
    const auto later = [&](qsizetype a, qsizetype b) {
        if (input[a].depth() != input[b].depth())
            return input[a].depth() > input[b].depth();
        return stateres::eventIdLess(input[b].eventId(), input[a].eventId());
    };
    std::priority_queue<qsizetype, std::vector<qsizetype>, decltype(later)> ready(later);
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (pending[i] == 0)
            ready.push(i);
    }
    QList<events::Pdu> out;
    while (!ready.empty()) {
        const qsizetype next = ready.top();
        ready.pop();
        out.append(input[next]);
        for (qsizetype child : children[next]) {
            if (--pending[child] == 0)
                ready.push(child);
        }
    }
    if (out.size() != input.size())
        return Error::badJson(QStringLiteral("the events' prev_events and auth_events form a cycle"));
    return out;
}

Result<void> RoomReplay::run(const QList<events::Pdu> &input, const QSet<EventId> &keep)
{
    auto ordered = sorted(input);
    if (!ordered)
        return ordered.error();
    for (const events::Pdu &event : *ordered)
        m_events.add(event);
    for (const events::Pdu &event : *ordered) {
        for (const EventId &prev : event.prevEvents()) {
            if (m_events.event(prev))
                ++m_pendingChildren[prev];
        }
    }
    for (const events::Pdu &event : *ordered) {
        if (auto replayed = replay(event, keep); !replayed)
            return replayed.error();
    }
    return {};
}

Result<void> RoomReplay::add(const events::Pdu &event)
{
    m_events.add(event);
    return replay(event, {});
}

Result<void> RoomReplay::replay(const events::Pdu &event, const QSet<EventId> &keep)
{
    const EventId &id = event.eventId();
    EventOutcome outcome;
    auto before = stateBeforeEvent(event, outcome);
    if (!before)
        return before.error();
    check(event, *before, outcome);
    m_events.setRejection(id, outcome.rejection);
    for (const EventId &prev : event.prevEvents()) {
        m_extremities.remove(prev);
        // Release the prev events' states once no child needs them.
        auto it = m_pendingChildren.find(prev);
        if (it != m_pendingChildren.end() && --*it == 0 && m_keepStates == KeepStates::WhileNeeded)
            m_after.remove(prev);
    }

    if (keep.contains(id))
        m_keptBefore.insert(id, *before);
    StateSet after = std::move(*before);
    if (event.isState() && outcome.rejection == Rejection::None)
        after.insert(stateres::StateKey{event.type(), *event.stateKey()}, id);
    if (keep.contains(id))
        m_keptAfter.insert(id, after);
    m_extremities.insert(id);
    m_after.insert(id, std::move(after));
    m_outcomes.insert(id, outcome);
    m_order.append(id);
    return {};
}

QList<EventId> RoomReplay::forwardExtremities() const
{
    QList<EventId> ids(m_extremities.begin(), m_extremities.end());
    std::sort(ids.begin(), ids.end(), stateres::eventIdLess);
    return ids;
}

Result<StateSet> RoomReplay::currentState() const
{
    QList<StateSet> states;
    for (const EventId &id : forwardExtremities())
        states.append(m_after.value(id));
    if (states.size() <= 1)
        return states.isEmpty() ? StateSet() : states.first();
    return stateres::resolve(m_version, states, m_events);
}

Result<StateSet> RoomReplay::stateBeforeEvent(const events::Pdu &event, EventOutcome &outcome)
{
    QList<StateSet> prevStates;
    for (const EventId &prev : event.prevEvents()) {
        const auto it = m_after.constFind(prev);
        if (it == m_after.constEnd()) {
            outcome.missingPrev.append(prev);
            continue;
        }
        if (!prevStates.contains(*it))
            prevStates.append(*it);
    }
    if (prevStates.size() > 1)
        return stateres::resolve(m_version, prevStates, m_events);
    if (prevStates.isEmpty())
        return StateSet();
    // One prev state: when this event is its last reader, take it instead of sharing it, so
    // that adding this event's own entry does not copy the whole state.
    if (m_keepStates == KeepStates::WhileNeeded && event.prevEvents().size() == 1
        && m_pendingChildren.value(event.prevEvents().first()) == 1) {
        prevStates.clear();
        return m_after.take(event.prevEvents().first());
    }
    return prevStates.first();
}

void RoomReplay::check(const events::Pdu &event, const StateSet &before, EventOutcome &outcome)
{
    // Check 4: against the event's auth events.
    QList<auth::AuthEvent> authEvents;
    for (const EventId &id : event.authEvents()) {
        const events::Pdu *pdu = m_events.event(id);
        if (!pdu) {
            outcome.rejection = Rejection::AuthEvents;
            outcome.verdict = auth::AuthVerdict::reject(auth::AuthRule::AuthEventsRejected,
                                                        QStringLiteral("auth event %1 is missing")
                                                            .arg(id.toString()));
            return;
        }
        authEvents.append({*pdu, m_events.rejection(id) != Rejection::None});
    }
    std::optional<auth::AuthEvent> roomCreate;
    if (m_version.roomIdFormat == events::RoomIdFormat::CreateEventHash) {
        if (auto id = EventId::parse(QString(QLatin1Char('$') + event.roomId().opaqueId()))) {
            if (const events::Pdu *create = m_events.event(*id))
                roomCreate = auth::AuthEvent{*create, m_events.rejection(*id) != Rejection::None};
        }
    }
    const auth::AuthVerdict againstAuth =
        auth::checkAgainstAuthEvents(event, authEvents, roomCreate ? &*roomCreate : nullptr);
    if (!againstAuth.allowed()) {
        outcome.rejection = Rejection::AuthEvents;
        outcome.verdict = againstAuth;
        return;
    }
    // Check 5: against the state before the event.
    if (event.type() == auth::types::create)
        return;
    auth::StateMap state;
    for (const EventId &id : before) {
        if (const events::Pdu *pdu = m_events.event(id))
            state.insert(*pdu);
    }
    if (roomCreate && !state.find(auth::types::create, QString()))
        state.insert(roomCreate->pdu);
    const auth::AuthVerdict againstState = auth::checkStateDependent(event, state);
    if (!againstState.allowed()) {
        outcome.rejection = Rejection::StateBefore;
        outcome.verdict = againstState;
    }
}

const EventOutcome *RoomReplay::outcome(const EventId &id) const
{
    const auto it = m_outcomes.constFind(id);
    return it == m_outcomes.constEnd() ? nullptr : &*it;
}

std::optional<StateSet> RoomReplay::stateBefore(const EventId &id) const
{
    const auto it = m_keptBefore.constFind(id);
    return it == m_keptBefore.constEnd() ? std::nullopt : std::optional<StateSet>(*it);
}

std::optional<StateSet> RoomReplay::stateAfter(const EventId &id) const
{
    const auto it = m_keptAfter.constFind(id);
    if (it != m_keptAfter.constEnd())
        return *it;
    if (m_keepStates == KeepStates::All && m_after.contains(id))
        return m_after.value(id);
    return std::nullopt;
}

} // namespace trellis::room
