#include "core/services/RoomHistory.h"

#include "core/auth/EventTypes.h"
#include "core/services/ClientEvent.h"
#include "core/json/QtStrings.h"
#include "core/services/SyncToken.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

namespace trellis::services {

namespace {

json::Value token(qint64 position) { return json::Value(json::toUtf8(QStringLiteral("t%1").arg(position))); }

} // namespace

RoomHistory::RoomHistory(storage::EventStore &events, storage::RoomStore &rooms, std::function<qint64()> clock)
    : m_events(events), m_rooms(rooms), m_clock(std::move(clock))
{
}

Result<qint64> RoomHistory::position(const QString &text)
{
    if (text.startsWith(u's')) {
        auto sync = SyncToken::parse(text);
        if (!sync)
            return sync.error();
        return sync->events;
    }
    bool ok = false;
    const qint64 value = text.startsWith(u't') && text.size() < 24 ? text.mid(1).toLongLong(&ok) : -1;
    if (!ok || value < 0)
        return Error::invalidParam(QStringLiteral("not a pagination token of this server: %1").arg(text.left(64)));
    return value;
}

Result<qint64> RoomHistory::visibleUpTo(const Session &caller, const RoomId &room)
{
    auto membership = m_rooms.membership(room, caller.userId);
    if (!membership)
        return membership.error();
    if (!*membership || (*membership)->membership == auth::memberships::invite)
        return Error::forbidden(QStringLiteral("you are not in this room"));
    if ((*membership)->membership == auth::memberships::join)
        return m_events.maxStreamOrdering();
    return (*membership)->streamOrdering;
}

json::Array RoomHistory::render(const QList<storage::StoredEvent> &events, const Session &caller) const
{
    json::Array out;
    const qint64 now = m_clock();
    for (const storage::StoredEvent &stored : events) {
        ClientEventExtras extras;
        extras.nowMs = now;
        if (!stored.txnId.isEmpty() && stored.txnDevice == caller.deviceId)
            extras.transactionId = stored.txnId;
        if (stored.redactedBy) {
            auto redaction = m_events.event(*stored.redactedBy);
            if (redaction && *redaction)
                extras.redactedBecause = toClientEvent((*redaction)->pdu, {now, {}, {}, {}});
        }
        out.emplace_back(toClientEvent(stored.pdu, extras));
    }
    return out;
}

Result<json::Object> RoomHistory::messages(const Session &caller, const RoomId &room, const Page &page)
{
    auto limitOfView = visibleUpTo(caller, room);
    if (!limitOfView)
        return limitOfView.error();
    const bool backwards = page.dir == QLatin1String("b");
    if (!backwards && page.dir != QLatin1String("f"))
        return Error::invalidParam(QStringLiteral("dir must be b or f"));
    qint64 from = backwards ? *limitOfView : 0;
    if (!page.from.isEmpty()) {
        auto parsed = position(page.from);
        if (!parsed)
            return parsed.error();
        from = std::min(*parsed, *limitOfView);
    }
    std::optional<qint64> to;
    if (!page.to.isEmpty()) {
        auto parsed = position(page.to);
        if (!parsed)
            return parsed.error();
        to = parsed.value();
    }
    // Backwards: events at or before `from` down to `to` (exclusive); forwards: after `from`.
    const qint64 lower = backwards ? to.value_or(0) : from;
    const qint64 upper = backwards ? from : std::min(to.value_or(*limitOfView), *limitOfView);
    auto fetched = m_events.roomEvents(room, lower, upper, page.limit,
                                       backwards ? storage::Direction::Backward : storage::Direction::Forward);
    if (!fetched)
        return fetched.error();
    QList<storage::StoredEvent> events = std::move(*fetched);
    std::sort(events.begin(), events.end(), [backwards](const auto &a, const auto &b) {
        return backwards ? a.streamOrdering > b.streamOrdering : a.streamOrdering < b.streamOrdering;
    });
    QList<storage::StoredEvent> shown;
    for (const auto &event : std::as_const(events)) {
        if (page.filter.matches(event.pdu.type(), event.pdu.sender().toString(), room.toString(), event.pdu.content().contains("url")))
            shown.append(event);
    }
    json::Object answer;
    answer.insert("start", token(from));
    answer.insert("chunk", json::Value(render(shown, caller)));
    answer.insert("state", json::Value(json::Array{}));
    // No `end` once there is nothing more in this direction (client-server-api: "If no
    // further events are available ... the end property is omitted").
    if (events.size() == page.limit) {
        const qint64 last = events.last().streamOrdering;
        answer.insert("end", token(backwards ? last - 1 : last));
    }
    return answer;
}

Result<json::Object> RoomHistory::context(const Session &caller, const RoomId &room, const EventId &eventId,
                                          int limit, const EventFilter &filter)
{
    auto limitOfView = visibleUpTo(caller, room);
    if (!limitOfView)
        return limitOfView.error();
    auto stored = m_events.event(eventId);
    if (!stored)
        return stored.error();
    if (!*stored || (*stored)->pdu.roomId() != room || (*stored)->streamOrdering > *limitOfView)
        return Error::notFound(QStringLiteral("event not found"));
    const qint64 at = (*stored)->streamOrdering;
    // client-server-api "GET /context": limit events in all, split before and after.
    const int before = limit / 2;
    const int after = limit - before;
    auto earlier = m_events.roomEvents(room, 0, at - 1, before, storage::Direction::Backward);
    auto later = m_events.roomEvents(room, at, *limitOfView, after, storage::Direction::Forward);
    if (!earlier)
        return earlier.error();
    if (!later)
        return later.error();
    const auto keep = [&](QList<storage::StoredEvent> events, bool descending) {
        std::sort(events.begin(), events.end(), [descending](const auto &a, const auto &b) {
            return descending ? a.streamOrdering > b.streamOrdering : a.streamOrdering < b.streamOrdering;
        });
        QList<storage::StoredEvent> shown;
        for (const auto &event : std::as_const(events)) {
            if (filter.matches(event.pdu.type(), event.pdu.sender().toString(), room.toString()))
                shown.append(event);
        }
        return shown;
    };
    auto state = m_events.stateBefore(eventId);
    if (!state)
        return state.error();
    auto stateEvents = m_events.events(QList<EventId>(state->cbegin(), state->cend()));
    if (!stateEvents)
        return stateEvents.error();
    json::Object answer;
    answer.insert("event", json::Value(render({**stored}, caller).front()));
    answer.insert("events_before", json::Value(render(keep(*earlier, true), caller)));
    answer.insert("events_after", json::Value(render(keep(*later, false), caller)));
    answer.insert("state", json::Value(render(*stateEvents, caller)));
    answer.insert("start", token(earlier->isEmpty() ? at - 1 : std::min_element(earlier->cbegin(), earlier->cend(), [](const auto &a, const auto &b) { return a.streamOrdering < b.streamOrdering; })->streamOrdering - 1));
    answer.insert("end", token(later->isEmpty() ? at : std::max_element(later->cbegin(), later->cend(), [](const auto &a, const auto &b) { return a.streamOrdering < b.streamOrdering; })->streamOrdering));
    return answer;
}

} // namespace trellis::services
