#include "core/services/SyncService.h"

#include "core/auth/EventTypes.h"
#include "core/services/ClientEvent.h"
#include "core/json/QtStrings.h"
#include "core/json/Fields.h"
#include "core/services/Presence.h"
#include "core/services/StoreEventProvider.h"
#include "core/services/SyncJson.h"
#include "core/services/SyncNotifier.h"
#include "core/services/TypingTracker.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QSet>

namespace trellis::services {

namespace {

constexpr int kToDevicePage = 100;

using syncjson::text;
using syncjson::wrapEvents;

json::Object objectOf(const QByteArray &bytes)
{
    return json::storedObject(bytes);
}

json::Object accountDataEvent(const storage::AccountDataEntry &entry)
{
    json::Object event;
    event.insert("type", text(entry.type));
    event.insert("content", json::Value(objectOf(entry.content)));
    return event;
}

/// client-server-api "Presence": m.presence events of users whose presence changed after
/// `since` (all known ones in an initial sync), through the filter's `presence` part. Presence
/// positions are account data positions (ClientDataStore), bounded by `now` like account data.
Result<json::Array> presenceSection(storage::ClientDataStore &clientData, storage::AccountStore &accounts,
                                    const SyncRequest &request, const SyncToken &since, const SyncToken &now,
                                    qint64 nowMs)
{
    auto states = clientData.presenceAfter(request.since ? since.accountData : 0);
    if (!states)
        return states.error();
    json::Array events;
    for (const storage::PresenceState &state : *states) {
        if (state.position > now.accountData || !request.filter.presence.matches(QStringLiteral("m.presence"), state.userId))
            continue;
        json::Object content = presence::content(state, nowMs);
        const auto &account = accounts.account();
        if (account && account->userId.toString() == state.userId) {
            if (!account->displayName.isEmpty())
                content.insert("displayname", text(account->displayName));
            if (!account->avatarUrl.isEmpty())
                content.insert("avatar_url", text(account->avatarUrl));
        }
        json::Object event;
        event.insert("type", json::Value("m.presence"));
        event.insert("sender", text(state.userId));
        event.insert("content", json::Value(std::move(content)));
        events.emplace_back(std::move(event));
    }
    return events;
}

} // namespace

SyncService::SyncService(storage::EventStore &events, storage::RoomStore &rooms, storage::AccountStore &accounts,
                         storage::ClientDataStore &clientData, TypingTracker &typing, SyncNotifier &notifier,
                         std::function<qint64()> clock)
    : m_events(events), m_rooms(rooms), m_accounts(accounts), m_clientData(clientData), m_typing(typing),
      m_notifier(notifier), m_clock(std::move(clock))
{
}

SyncToken SyncService::currentToken() const
{
    return {m_events.maxStreamOrdering(), m_clientData.currentAccountDataPosition(),
            m_clientData.currentToDevicePosition(), m_accounts.currentDeviceListPosition(),
            m_clientData.currentReceiptPosition(), m_typing.position()};
}

void SyncService::sync(SyncRequest request, Reply reply, std::function<void(std::function<void()>)> onAbandoned)
{
    // The wait's state outlives this call: the notifier calls back later, on this thread.
    struct Wait
    {
        SyncRequest request;
        Reply reply;
        qint64 deadline = 0;
        quint64 waiter = 0;
        bool done = false;
    };
    auto wait = std::make_shared<Wait>(Wait{std::move(request), std::move(reply), 0, 0, false});
    wait->deadline = m_clock() + std::max(0, wait->request.timeoutMs);
    auto attempt = std::make_shared<std::function<void(bool)>>();
    *attempt = [this, wait, attempt](bool timedOut) {
        if (wait->done)
            return;
        bool hasNews = false;
        auto response = compute(wait->request, hasNews);
        const qint64 remaining = wait->deadline - m_clock();
        if (!response || hasNews || timedOut || !wait->request.since || remaining <= 0) {
            wait->done = true;
            wait->reply(std::move(response));
            // Break the cycle attempt -> lambda -> attempt once answered.
            QMetaObject::invokeMethod(&m_notifier, [attempt] { *attempt = nullptr; }, Qt::QueuedConnection);
            return;
        }
        wait->waiter = m_notifier.wait(int(remaining), [attempt](bool expired) {
            if (*attempt)
                (*attempt)(expired);
        });
    };
    onAbandoned([this, wait, attempt] {
        if (wait->done)
            return;
        wait->done = true;
        m_notifier.cancel(wait->waiter);
        *attempt = nullptr;
    });
    (*attempt)(false);
}

Result<json::Object> SyncService::compute(const SyncRequest &request, bool &hasNews)
{
    // Positions first: whatever is written while this response is built is after them, and
    // comes in the next one.
    SyncToken now = currentToken();
    const SyncToken since = request.since.value_or(SyncToken{});
    hasNews = !request.since;
    json::Object response;

    auto rooms = roomSection(request, now, hasNews);
    if (!rooms)
        return rooms.error();
    response.insert("rooms", json::Value(std::move(*rooms)));

    auto accountData = m_clientData.accountDataAfter(since.accountData);
    if (!accountData)
        return accountData.error();
    json::Array global;
    for (const storage::AccountDataEntry &entry : *accountData) {
        if (entry.roomId.isEmpty() && entry.position <= now.accountData
            && request.filter.accountData.matches(entry.type, request.session.userId.toString()))
            global.emplace_back(accountDataEvent(entry));
    }
    hasNews = hasNews || !global.empty();
    response.insert("account_data", json::Value(wrapEvents(std::move(global))));

    // To-device messages: presenting `since` acknowledges everything before it.
    const QString &device = request.session.deviceId;
    if (request.since) {
        if (auto deleted = m_clientData.deleteToDeviceUpTo(device, since.toDevice); !deleted)
            return deleted.error();
    }
    auto messages = m_clientData.toDeviceMessages(device, since.toDevice, kToDevicePage);
    if (!messages)
        return messages.error();
    json::Array toDevice;
    for (const storage::ToDeviceMessage &message : *messages) {
        json::Object event;
        event.insert("sender", text(message.sender));
        event.insert("type", text(message.type));
        event.insert("content", json::Value(objectOf(message.content)));
        toDevice.emplace_back(std::move(event));
    }
    if (!messages->isEmpty())
        now.toDevice = messages->size() == kToDevicePage ? messages->last().streamId
                                                         : std::max(now.toDevice, messages->last().streamId);
    hasNews = hasNews || !toDevice.empty();
    response.insert("to_device", json::Value(wrapEvents(std::move(toDevice))));

    json::Array changed;
    if (request.since) {
        auto changes = m_accounts.deviceListChangesAfter(since.deviceLists);
        if (!changes)
            return changes.error();
        for (const QString &user : *changes)
            changed.push_back(text(user));
    }
    hasNews = hasNews || !changed.empty();
    json::Object deviceLists;
    deviceLists.insert("changed", json::Value(std::move(changed)));
    deviceLists.insert("left", json::Value(json::Array{}));
    response.insert("device_lists", json::Value(std::move(deviceLists)));

    auto counts = m_clientData.oneTimeKeyCounts(device);
    auto fallback = m_clientData.unusedFallbackKeyAlgorithms(device);
    if (!counts)
        return counts.error();
    if (!fallback)
        return fallback.error();
    json::Object countObject;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        countObject.insert(json::toUtf8(it.key()), json::Value(qint64(it.value())));
    response.insert("device_one_time_keys_count", json::Value(std::move(countObject)));
    json::Array fallbackTypes;
    for (const QString &algorithm : *fallback)
        fallbackTypes.push_back(text(algorithm));
    response.insert("device_unused_fallback_key_types", json::Value(std::move(fallbackTypes)));
    auto presence = presenceSection(m_clientData, m_accounts, request, since, now, m_clock());
    if (!presence)
        return presence.error();
    hasNews = hasNews || !presence->empty();
    response.insert("presence", json::Value(wrapEvents(std::move(*presence))));
    response.insert("next_batch", text(now.toString()));
    return response;
}

Result<json::Object> SyncService::roomSection(const SyncRequest &request, const SyncToken &now, bool &hasNews)
{
    const UserId &user = request.session.userId;
    json::Object join, invite, leave;
    // Rooms whose membership changed since the last sync, and how.
    QHash<QString, storage::MembershipChange> changes;
    if (request.since) {
        auto changed = m_rooms.membershipChangesAfter(user, request.since->events);
        if (!changed)
            return changed.error();
        for (const storage::MembershipChange &change : *changed) {
            if (change.streamOrdering <= now.events)
                changes.insert(change.roomId.toString(), change);
        }
    }
    auto joined = m_rooms.roomsWithMembership(user, auth::memberships::join);
    if (!joined)
        return joined.error();
    for (const RoomId &room : *joined) {
        const QString id = room.toString();
        if (!request.filter.includesRoom(id))
            continue;
        const auto change = changes.constFind(id);
        bool newlyJoined = false;
        if (change != changes.cend()) {
            auto before = membershipBefore(change->eventId, user);
            if (!before)
                return before.error();
            newlyJoined = *before != auth::memberships::join;
        }
        auto section = joinedRoom(request, id, now, newlyJoined);
        if (!section)
            return section.error();
        if (*section)
            join.insert(json::toUtf8(id), json::Value(std::move(**section)));
    }
    auto invited = m_rooms.roomsWithMembership(user, auth::memberships::invite);
    if (!invited)
        return invited.error();
    for (const RoomId &room : *invited) {
        const QString id = room.toString();
        if (!request.filter.includesRoom(id) || (request.since && !changes.contains(id)))
            continue;
        auto state = m_rooms.currentState(room);
        if (!state)
            return state.error();
        StoreEventProvider provider(m_events);
        json::Array stripped;
        for (const QString &type : {auth::types::create, auth::types::joinRules, QStringLiteral("m.room.name"),
                                    QStringLiteral("m.room.avatar"), QStringLiteral("m.room.canonical_alias"),
                                    QStringLiteral("m.room.encryption"), auth::types::member}) {
            const QString key = type == auth::types::member ? user.toString() : QString();
            const auto it = state->constFind(auth::StateKey(type, key));
            if (it != state->constEnd() && provider.event(*it))
                stripped.emplace_back(toStrippedStateEvent(*provider.event(*it)));
        }
        json::Object inviteState;
        inviteState.insert("invite_state", json::Value(wrapEvents(std::move(stripped))));
        invite.insert(json::toUtf8(id), json::Value(std::move(inviteState)));
    }
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if ((it->membership != auth::memberships::leave && it->membership != auth::memberships::ban)
            || !request.filter.includesRoom(it.key()))
            continue;
        auto section = leftRoom(request, it.key(), it->streamOrdering);
        if (!section)
            return section.error();
        if (*section)
            leave.insert(json::toUtf8(it.key()), json::Value(std::move(**section)));
    }
    hasNews = hasNews || !join.isEmpty() || !invite.isEmpty() || !leave.isEmpty();
    json::Object rooms;
    rooms.insert("join", json::Value(std::move(join)));
    rooms.insert("invite", json::Value(std::move(invite)));
    rooms.insert("leave", json::Value(std::move(leave)));
    rooms.insert("knock", json::Value(json::Object{}));
    return rooms;
}

} // namespace trellis::services
