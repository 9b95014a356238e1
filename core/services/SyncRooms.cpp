// SyncService: the per-room sections of a /sync response (client-server-api "GET /sync":
// Joined Room, Left Room): timeline, state, ephemeral events and room account data.
#include "core/services/SyncService.h"

#include "core/auth/EventTypes.h"
#include "core/services/ClientEvent.h"
#include "core/json/QtStrings.h"
#include "core/json/Fields.h"
#include "core/services/StoreEventProvider.h"
#include "core/services/SyncJson.h"
#include "core/services/TypingTracker.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QSet>

namespace trellis::services {

namespace {

constexpr int kDefaultTimelineLimit = 10;

using syncjson::text;
using syncjson::wrapEvents;

QString memberOf(const events::Pdu *event)
{
    if (!event)
        return {};
    const json::Value *membership = event->content().find("membership");
    return membership && membership->isString() ? json::toQString(membership->toString()) : QString();
}

} // namespace

Result<QString> SyncService::membershipBefore(const EventId &eventId, const UserId &user)
{
    auto state = m_events.stateBefore(eventId);
    if (!state)
        return state.error();
    const auto it = state->constFind(auth::StateKey(auth::types::member, user.toString()));
    if (it == state->constEnd())
        return QString();
    StoreEventProvider provider(m_events);
    return memberOf(provider.event(*it));
}

json::Array SyncService::clientEvents(const QList<storage::StoredEvent> &events, const Session &session,
                                      const SyncFilter &filter) const
{
    json::Array out;
    const qint64 now = m_clock();
    for (const storage::StoredEvent &stored : events) {
        ClientEventExtras extras;
        extras.nowMs = now;
        if (!stored.txnId.isEmpty() && stored.txnDevice == session.deviceId)
            extras.transactionId = stored.txnId;
        if (stored.redactedBy) {
            auto redaction = m_events.event(*stored.redactedBy);
            if (redaction && *redaction)
                extras.redactedBecause = toClientEvent((*redaction)->pdu, {now, {}, {}, {}}, false);
        }
        out.emplace_back(filter.applyEventFields(toClientEvent(stored.pdu, extras, false)));
    }
    return out;
}

Result<json::Object> SyncService::timelineAndState(const SyncRequest &request, const QString &roomId,
                                                   qint64 from, qint64 to, bool full)
{
    const RoomId room = *RoomId::parse(roomId);
    const SyncFilter &filter = request.filter;
    const int limit = filter.timeline.limitOr(kDefaultTimelineLimit);
    // One more than asked for tells whether the timeline is limited.
    auto fetched = m_events.roomEvents(room, from, to, limit + 1, storage::Direction::Backward);
    if (!fetched)
        return fetched.error();
    QList<storage::StoredEvent> events = std::move(*fetched);
    std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.streamOrdering < b.streamOrdering; });
    const bool limited = events.size() > limit;
    if (limited)
        events.remove(0, events.size() - limit);
    QList<storage::StoredEvent> shown;
    for (const storage::StoredEvent &event : std::as_const(events)) {
        if (filter.timeline.matches(event.pdu.type(), event.pdu.sender().toString(), roomId,
                                    event.pdu.content().contains("url")))
            shown.append(event);
    }

    // The state at the start of the timeline: everything for a full sync, else what changed
    // between `since` and there (nothing when the timeline follows on from `since`).
    stateres::StateSet start, known;
    if (!events.isEmpty()) {
        auto before = m_events.stateBefore(events.first().pdu.eventId());
        if (!before)
            return before.error();
        start = std::move(*before);
    } else if (full) {
        auto current = m_rooms.currentState(room);
        if (!current)
            return current.error();
        start = std::move(*current);
    }
    if (!full && limited) {
        auto last = m_events.lastEventAtOrBefore(room, from);
        if (!last)
            return last.error();
        if (*last) {
            auto atSince = m_events.stateAfter((*last)->pdu.eventId());
            if (!atSince)
                return atSince.error();
            known = std::move(*atSince);
        }
    } else if (!full) {
        known = start;
    }
    QSet<QString> senders{request.session.userId.toString()};
    for (const auto &event : std::as_const(shown))
        senders.insert(event.pdu.sender().toString());
    QList<EventId> stateIds;
    for (auto it = start.constBegin(); it != start.constEnd(); ++it) {
        if (known.value(it.key()) == *it)
            continue;
        if (!filter.state.matches(it.key().type, QString(), roomId))
            continue;
        // Lazy-loading members: only those the client needs to render this timeline.
        if (filter.state.lazyLoadMembers && it.key().type == auth::types::member && !senders.contains(it.key().stateKey))
            continue;
        stateIds.append(*it);
    }
    auto stateEvents = m_events.events(stateIds);
    if (!stateEvents)
        return stateEvents.error();

    json::Object timeline;
    timeline.insert("events", json::Value(clientEvents(shown, request.session, filter)));
    timeline.insert("limited", json::Value(limited));
    const qint64 startPosition = events.isEmpty() ? to : events.first().streamOrdering - 1;
    timeline.insert("prev_batch", text(QStringLiteral("t%1").arg(startPosition)));
    json::Object section;
    section.insert("timeline", json::Value(std::move(timeline)));
    section.insert("state", json::Value(wrapEvents(clientEvents(*stateEvents, request.session, filter))));
    return section;
}

Result<json::Object> SyncService::ephemeral(const SyncRequest &request, const QString &roomId,
                                            const SyncToken &now, bool full)
{
    json::Array events;
    const SyncToken since = request.since.value_or(SyncToken{});
    if (full || m_typing.roomsChangedSince(since.typing).contains(roomId)) {
        json::Array users;
        for (const QString &user : m_typing.typingUsers(roomId))
            users.push_back(text(user));
        if (!users.empty() || !full) {
            json::Object content;
            content.insert("user_ids", json::Value(std::move(users)));
            json::Object typing;
            typing.insert("type", json::Value("m.typing"));
            typing.insert("content", json::Value(std::move(content)));
            events.emplace_back(std::move(typing));
        }
    }
    auto receipts = full ? m_clientData.receiptsForRoom(roomId) : m_clientData.receiptsAfter(since.receipts);
    if (!receipts)
        return receipts.error();
    json::Object byEvent;
    for (const storage::Receipt &receipt : *receipts) {
        if (receipt.roomId != roomId || receipt.position > now.receipts)
            continue;
        json::Object detail;
        detail.insert("ts", json::Value(receipt.ts));
        if (!receipt.threadId.isEmpty())
            detail.insert("thread_id", text(receipt.threadId));
        json::Value &forEvent = byEvent.contains(json::toUtf8(receipt.eventId)) ? *byEvent.find(json::toUtf8(receipt.eventId))
                                                                                : byEvent.insert(json::toUtf8(receipt.eventId), json::Value(json::Object{}));
        json::Object *types = forEvent.asObject();
        json::Value &forType = types->contains(json::toUtf8(receipt.receiptType)) ? *types->find(json::toUtf8(receipt.receiptType))
                                                                                  : types->insert(json::toUtf8(receipt.receiptType), json::Value(json::Object{}));
        forType.asObject()->insert(json::toUtf8(receipt.userId), json::Value(std::move(detail)));
    }
    if (!byEvent.isEmpty()) {
        json::Object receipt;
        receipt.insert("type", json::Value("m.receipt"));
        receipt.insert("content", json::Value(std::move(byEvent)));
        events.emplace_back(std::move(receipt));
    }
    json::Array filtered;
    for (json::Value &event : events) {
        if (request.filter.ephemeral.matches(json::toQString(event.toObject()["type"].toString()), QString(), roomId))
            filtered.push_back(std::move(event));
    }
    return wrapEvents(std::move(filtered));
}

Result<std::optional<json::Object>> SyncService::joinedRoom(const SyncRequest &request, const QString &roomId,
                                                            const SyncToken &now, bool newlyJoined)
{
    const bool full = !request.since || newlyJoined || request.fullState;
    const qint64 from = request.since && !newlyJoined ? request.since->events : 0;
    auto section = timelineAndState(request, roomId, from, now.events, full);
    if (!section)
        return section.error();
    auto ephemeralEvents = ephemeral(request, roomId, now, !request.since || newlyJoined);
    if (!ephemeralEvents)
        return ephemeralEvents.error();
    auto accountData = m_clientData.accountDataAfter(request.since && !newlyJoined ? request.since->accountData : 0);
    if (!accountData)
        return accountData.error();
    json::Array roomData;
    for (const storage::AccountDataEntry &entry : *accountData) {
        if (entry.roomId == roomId && entry.position <= now.accountData
            && request.filter.roomAccountData.matches(entry.type, QString(), roomId)) {
            json::Object event;
            event.insert("type", text(entry.type));
            event.insert("content", json::Value(json::storedObject(entry.content)));
            roomData.emplace_back(std::move(event));
        }
    }
    const bool quiet = section->find("timeline")->toObject()["events"].toArray().empty()
                       && section->find("state")->toObject()["events"].toArray().empty()
                       && ephemeralEvents->find("events")->toArray().empty() && roomData.empty();
    if (request.since && !full && quiet)
        return std::optional<json::Object>();
    section->insert("ephemeral", json::Value(std::move(*ephemeralEvents)));
    section->insert("account_data", json::Value(wrapEvents(std::move(roomData))));
    json::Object counts;
    counts.insert("highlight_count", json::Value(qint64(0)));
    counts.insert("notification_count", json::Value(qint64(0)));
    section->insert("unread_notifications", json::Value(std::move(counts)));
    if (full) {
        auto summary = roomSummary(request, roomId);
        if (!summary)
            return summary.error();
        section->insert("summary", json::Value(std::move(*summary)));
    }
    return std::optional<json::Object>(std::move(*section));
}

Result<json::Object> SyncService::roomSummary(const SyncRequest &request, const QString &roomId)
{
    // client-server-api "GET /sync": RoomSummary, so that clients can name unnamed rooms.
    auto state = m_rooms.currentState(*RoomId::parse(roomId));
    if (!state)
        return state.error();
    StoreEventProvider provider(m_events);
    qint64 joined = 0, invited = 0;
    QStringList heroes;
    for (auto it = state->constBegin(); it != state->constEnd(); ++it) {
        if (it.key().type != auth::types::member)
            continue;
        const QString membership = memberOf(provider.event(*it));
        if (membership == auth::memberships::join)
            ++joined;
        else if (membership == auth::memberships::invite)
            ++invited;
        else
            continue;
        if (it.key().stateKey != request.session.userId.toString())
            heroes.append(it.key().stateKey);
    }
    heroes.sort();
    json::Array heroList;
    for (const QString &hero : heroes.mid(0, 5))
        heroList.push_back(text(hero));
    json::Object summary;
    summary.insert("m.heroes", json::Value(std::move(heroList)));
    summary.insert("m.joined_member_count", json::Value(joined));
    summary.insert("m.invited_member_count", json::Value(invited));
    return summary;
}

Result<std::optional<json::Object>> SyncService::leftRoom(const SyncRequest &request, const QString &roomId,
                                                          qint64 leaveStream)
{
    if (!request.since && !request.filter.includeLeave)
        return std::optional<json::Object>();
    auto section = timelineAndState(request, roomId, request.since ? request.since->events : 0, leaveStream, !request.since);
    if (!section)
        return section.error();
    return std::optional<json::Object>(std::move(*section));
}

} // namespace trellis::services
