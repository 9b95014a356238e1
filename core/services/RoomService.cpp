#include "core/services/RoomService.h"

#include "core/auth/EventTypes.h"
#include "core/json/QtStrings.h"
#include "core/rooms/CreateRoomPlan.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/rooms/MembershipEvents.h"
#include "core/services/StoreEventProvider.h"
#include "core/services/SyncNotifier.h"
#include "core/stateres/Resolver.h"
#include "core/storage/AccountStore.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcRooms, "trellis.rooms")

namespace trellis::services {

namespace {

Error notInRoom() { return Error::forbidden(QStringLiteral("you are not in this room")); }

QString membershipName(MembershipAction action)
{
    switch (action) {
    case MembershipAction::Invite:
        return auth::memberships::invite;
    case MembershipAction::Join:
        return auth::memberships::join;
    case MembershipAction::Ban:
        return auth::memberships::ban;
    case MembershipAction::Leave:
    case MembershipAction::Kick:
    case MembershipAction::Unban:
        break;
    }
    return auth::memberships::leave;
}

} // namespace

RoomService::RoomService(storage::Database &db, storage::EventStore &events, storage::RoomStore &rooms,
                         storage::AccountStore &accounts, const rooms::LocalEventBuilder &builder,
                         SyncNotifier &notifier, std::function<qint64()> clock, QObject *parent)
    : QObject(parent), m_db(db), m_events(events), m_rooms(rooms), m_accounts(accounts),
      m_builder(builder), m_notifier(notifier), m_clock(std::move(clock))
{
}

json::Object RoomService::ownProfile() const
{
    json::Object profile;
    if (const auto &account = m_accounts.account()) {
        if (!account->displayName.isEmpty())
            profile.insert("displayname", json::Value(json::toUtf8(account->displayName)));
        if (!account->avatarUrl.isEmpty())
            profile.insert("avatar_url", json::Value(json::toUtf8(account->avatarUrl)));
    }
    return profile;
}

void RoomService::changed(const RoomId &room)
{
    if (m_changedInGroup) {
        m_changedInGroup->insert(room);
        return;
    }
    m_notifier.notify();
    Q_EMIT roomChanged(room);
}

Result<rooms::RoomHead> RoomService::head(const RoomId &room, StoreEventProvider &provider)
{
    if (const auto it = m_heads.constFind(room); it != m_heads.cend())
        return *it;
    auto record = m_rooms.room(room);
    if (!record)
        return record.error();
    if (!*record)
        return notInRoom();
    rooms::RoomHead head;
    head.version = events::RoomVersion::find((*record)->version);
    head.roomId = room;
    auto extremities = m_rooms.extremities(room);
    if (!extremities)
        return extremities.error();
    head.prevEvents = *extremities;
    if (head.prevEvents.size() <= 1) {
        auto state = m_rooms.currentState(room);
        if (!state)
            return state.error();
        head.stateBefore = std::move(*state);
        return head;
    }
    // A forked DAG (after federation): the state before the merge is the resolution of the
    // states after each extremity (server-server-api "Room State Resolution").
    QList<stateres::StateSet> states;
    for (const EventId &extremity : std::as_const(head.prevEvents)) {
        auto state = m_events.stateAfter(extremity);
        if (!state)
            return state.error();
        states.append(std::move(*state));
    }
    auto resolved = stateres::resolve(*head.version, states, provider);
    if (!resolved)
        return resolved.error();
    head.stateBefore = std::move(*resolved);
    return head;
}

Result<events::Pdu> RoomService::append(rooms::RoomHead &head, const rooms::LocalEvent &event,
                                        StoreEventProvider &provider, const Session *txnOwner,
                                        const QString &txnId)
{
    auto built = m_builder.build(head, event, provider);
    if (!built)
        return built.error();
    storage::NewEvent stored;
    stored.pdu = built->pdu;
    stored.stateBefore = head.stateBefore;
    if (txnOwner) {
        stored.txnDevice = txnOwner->deviceId;
        stored.txnId = txnId;
    }
    if (auto persisted = m_events.persist(stored); !persisted)
        return persisted.error();
    if (built->pdu.redacts()) {
        if (auto marked = m_events.markRedacted(*built->pdu.redacts(), built->pdu.eventId()); !marked)
            return marked.error();
    }
    provider.add(built->pdu);
    head.prevEvents = {built->pdu.eventId()};
    head.stateBefore = std::move(built->stateAfter);
    if (!head.roomId)
        head.roomId = built->pdu.roomId();
    return built->pdu;
}

Result<EventId> RoomService::sendOne(const RoomId &room, const rooms::LocalEvent &event,
                                     const Session *txnOwner, const QString &txnId)
{
    StoreEventProvider provider(m_events);
    auto roomHead = head(room, provider);
    if (!roomHead)
        return roomHead.error();
    storage::Transaction transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    auto pdu = append(*roomHead, event, provider, txnOwner, txnId);
    if (!pdu) {
        m_events.discardCaches(); // the rolled-back writes may have been read back already
        return pdu.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        m_heads.remove(room);
        m_events.discardCaches();
        return committed.error();
    }
    m_heads.insert(room, *roomHead);
    changed(room);
    return pdu->eventId();
}

Result<RoomId> RoomService::createRoom(const Session &caller, const json::Object &request)
{
    auto plan = rooms::CreateRoomPlan::parse(request, caller.userId, m_builder.serverName(),
                                             ownProfile(), m_clock(), *m_defaultVersion);
    if (!plan)
        return plan.error();
    if (plan->alias) {
        auto taken = m_rooms.roomForAlias(*plan->alias);
        if (!taken)
            return taken.error();
        if (*taken)
            return Error{ErrorCode::RoomInUse, QStringLiteral("the alias %1 is taken").arg(plan->alias->toString()), {}};
    }
    rooms::RoomHead roomHead;
    roomHead.version = plan->version;
    if (plan->version->roomIdFormat == events::RoomIdFormat::WithDomain) {
        QString opaque;
        for (int i = 0; i < 18; ++i)
            opaque.append(QLatin1Char(char('A' + QRandomGenerator::system()->bounded(26))));
        roomHead.roomId = *RoomId::parse(QString(u'!' + opaque + u':' + m_builder.serverName().toString()));
    }
    StoreEventProvider provider(m_events);
    // The whole room or nothing: a crash mid-way must not leave a room without power levels.
    storage::Transaction transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    for (qsizetype i = 0; i < plan->events.size(); ++i) {
        if (i == 0) {
            // The create event names the room (in v12 it is the room ID), so the room's row
            // can only be written once it is built: build it first, record, then persist.
            auto built = m_builder.build(roomHead, plan->events[0], provider);
            if (!built)
                return built.error();
            const RoomId roomId = built->pdu.roomId();
            if (auto made = m_rooms.createRoom(roomId, plan->version->id, caller.userId, m_clock()); !made)
                return made.error();
            storage::NewEvent stored;
            stored.pdu = built->pdu;
            if (auto persisted = m_events.persist(stored); !persisted)
                return persisted.error();
            provider.add(built->pdu);
            roomHead.roomId = roomId;
            roomHead.prevEvents = {built->pdu.eventId()};
            roomHead.stateBefore = std::move(built->stateAfter);
            continue;
        }
        auto pdu = append(roomHead, plan->events[i], provider);
        if (!pdu)
            return pdu.error().prefixed(plan->events[i].type);
    }
    const RoomId roomId = *roomHead.roomId;
    if (plan->alias) {
        if (auto aliased = m_rooms.createAlias(*plan->alias, roomId, caller.userId); !aliased)
            return aliased.error();
    }
    if (plan->publish) {
        if (auto listed = m_rooms.setPublic(roomId, true); !listed)
            return listed.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        m_events.discardCaches();
        return committed.error();
    }
    m_heads.insert(roomId, roomHead);
    qCInfo(lcRooms) << "created room" << roomId.toString() << "version" << plan->version->id;
    changed(roomId);
    return roomId;
}

Result<EventId> RoomService::send(const Session &caller, const RoomId &room, const QString &type,
                                  const std::optional<QString> &stateKey, const json::Object &content,
                                  const std::optional<QString> &txnId)
{
    if (txnId) {
        // client-server-api "Transaction identifiers": the same request again is the same event.
        auto existing = m_events.eventIdForTxn(caller.deviceId, *txnId, room);
        if (!existing)
            return existing.error();
        if (*existing)
            return **existing;
    }
    if (type == auth::types::create)
        return Error::forbidden(QStringLiteral("a room has exactly one create event"));
    if (type == auth::types::member && stateKey && !stateKey->isEmpty() && !stateKey->startsWith(u'@'))
        return Error::invalidParam(QStringLiteral("a member event's state key is a user ID"));
    const rooms::LocalEvent event{type, caller.userId, stateKey, content, std::nullopt, m_clock()};
    return sendOne(room, event, txnId ? &caller : nullptr, txnId.value_or(QString()));
}

Result<EventId> RoomService::redact(const Session &caller, const RoomId &room, const EventId &target,
                                    const std::optional<QString> &reason, const QString &txnId)
{
    auto existing = m_events.eventIdForTxn(caller.deviceId, txnId, room);
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;
    auto targetEvent = m_events.event(target);
    if (!targetEvent)
        return targetEvent.error();
    if (!*targetEvent || (*targetEvent)->pdu.roomId() != room)
        return Error::notFound(QStringLiteral("no such event in this room"));
    return sendOne(room, rooms::redactionEvent(caller.userId, target, reason, m_clock()), &caller, txnId);
}

Result<EventId> RoomService::changeMembership(const Session &caller, const RoomId &room,
                                              MembershipAction action, const UserId &target,
                                              const std::optional<QString> &reason)
{
    if (action == MembershipAction::Unban) {
        auto current = m_rooms.membership(room, target);
        if (!current)
            return current.error();
        if (!*current || (*current)->membership != auth::memberships::ban)
            return Error::forbidden(QStringLiteral("%1 is not banned").arg(target.toString()));
    }
    const json::Object profile = target == caller.userId ? ownProfile() : json::Object{};
    return sendOne(room, rooms::membershipEvent(caller.userId, target, membershipName(action), reason, profile, m_clock()));
}

Result<RoomId> RoomService::join(const Session &caller, const QString &roomIdOrAlias,
                                 const std::optional<QString> &reason)
{
    RoomId room;
    if (roomIdOrAlias.startsWith(u'#')) {
        auto alias = RoomAlias::parse(roomIdOrAlias);
        if (!alias)
            return alias.error();
        auto resolved = resolveAlias(*alias);
        if (!resolved)
            return resolved.error();
        room = *resolved;
    } else {
        auto parsed = RoomId::parse(roomIdOrAlias);
        if (!parsed)
            return parsed.error();
        room = *parsed;
    }
    auto record = m_rooms.room(room);
    if (!record)
        return record.error();
    if (!*record) // remote rooms need federation
        return Error::notFound(QStringLiteral("no such room on this server"));
    auto current = m_rooms.membership(room, caller.userId);
    if (!current)
        return current.error();
    if (*current && (*current)->membership == auth::memberships::join)
        return room; // already joined: nothing to do (client-server-api "Joining rooms")
    auto joined = changeMembership(caller, room, MembershipAction::Join, caller.userId, reason);
    if (!joined)
        return joined.error();
    return room;
}

Result<void> RoomService::forget(const Session &caller, const RoomId &room)
{
    auto current = m_rooms.membership(room, caller.userId);
    if (!current)
        return current.error();
    if (*current && ((*current)->membership == auth::memberships::join || (*current)->membership == auth::memberships::invite))
        return Error::badState(QStringLiteral("leave the room before forgetting it"));
    return m_rooms.forgetRoom(room, caller.userId);
}

Result<void> RoomService::propagateProfile(const Session &caller)
{
    auto joined = m_rooms.roomsWithMembership(caller.userId, auth::memberships::join);
    if (!joined)
        return joined.error();
    for (const RoomId &room : *joined) {
        auto sent = changeMembership(caller, room, MembershipAction::Join, caller.userId, std::nullopt);
        if (!sent)
            qCWarning(lcRooms) << "profile not updated in" << room.toString() << sent.error().message;
    }
    return {};
}

// --- group commit of client sends ---

void RoomService::queueSend(const Session &caller, const RoomId &room, const QString &type,
                            const std::optional<QString> &stateKey, const json::Object &content,
                            const std::optional<QString> &txnId, SendDone done)
{
    if (m_queuedSends.empty()) {
        // After the requests already read in this pass of the event loop: those that came
        // together are stored together.
        QMetaObject::invokeMethod(this, &RoomService::flushQueuedSends, Qt::QueuedConnection);
    }
    m_queuedSends.push_back({caller, room, type, stateKey, content, txnId, std::move(done)});
}

void RoomService::flushQueuedSends()
{
    const std::vector<QueuedSend> group = std::exchange(m_queuedSends, {});
    if (group.empty())
        return;
    std::vector<Result<EventId>> results;
    results.reserve(group.size());
    storage::Transaction transaction(m_db);
    if (!transaction.ok()) {
        for (const QueuedSend &queued : group)
            queued.done(transaction.error());
        return;
    }
    m_changedInGroup.emplace();
    for (const QueuedSend &queued : group) {
        // The transaction-ID check inside send() sees the sends before it in the group, so a
        // request repeated within one group still makes one event.
        storage::Savepoint step(m_db);
        if (!step.ok()) {
            results.push_back(step.error());
            continue;
        }
        auto sent = send(queued.caller, queued.room, queued.type, queued.stateKey, queued.content, queued.txnId);
        if (sent) {
            if (auto released = step.release(); !released)
                sent = released.error();
        }
        // A failed step is undone by its savepoint; the head it read stays valid, since send()
        // updates the cached head only after a step succeeded.
        results.push_back(std::move(sent));
    }
    const QSet<RoomId> changedRooms = *std::exchange(m_changedInGroup, std::nullopt);
    if (auto committed = transaction.commit(); !committed) {
        // Nothing of the group is stored: every cached head and read may name its events.
        m_heads.clear();
        m_events.discardCaches();
        for (auto &result : results) {
            if (result)
                result = committed.error();
        }
    } else {
        for (const RoomId &room : changedRooms)
            changed(room);
    }
    for (size_t i = 0; i < group.size(); ++i)
        group[i].done(results[i]);
}

} // namespace trellis::services
