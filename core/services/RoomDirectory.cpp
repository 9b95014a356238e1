// RoomService: room aliases and the room directory (client-server-api "Room aliases",
// "Listing rooms").
#include "core/services/RoomService.h"

#include "core/auth/EventTypes.h"
#include "core/auth/PowerLevels.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/services/StoreEventProvider.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

namespace trellis::services {

namespace {

QString contentString(const events::Pdu *event, std::string_view key)
{
    if (!event)
        return {};
    const json::Value *value = event->content().find(key);
    return value && value->isString() ? json::toQString(value->toString()) : QString();
}

} // namespace

Result<void> RoomService::createAlias(const Session &caller, const RoomAlias &alias, const RoomId &room)
{
    if (alias.serverName() != m_builder.serverName())
        return Error::invalidParam(QStringLiteral("this server only hosts aliases ending in :%1").arg(m_builder.serverName().toString()));
    auto member = membership(room, caller.userId);
    if (!member)
        return member.error();
    if (*member != auth::memberships::join)
        return Error::forbidden(QStringLiteral("you must be in the room to give it an alias"));
    return m_rooms.createAlias(alias, room, caller.userId);
}

Result<void> RoomService::deleteAlias(const Session &, const RoomAlias &alias)
{
    // The owner made every alias of this server (or may take it over: it is their server).
    auto room = m_rooms.roomForAlias(alias);
    if (!room)
        return room.error();
    if (!*room)
        return Error::notFound(QStringLiteral("no such alias"));
    return m_rooms.deleteAlias(alias);
}

Result<RoomId> RoomService::resolveAlias(const RoomAlias &alias)
{
    auto room = m_rooms.roomForAlias(alias);
    if (!room)
        return room.error();
    if (!*room)
        return Error::notFound(QStringLiteral("room alias %1 not found").arg(alias.toString()));
    return **room;
}

Result<QStringList> RoomService::aliasesOf(const Session &caller, const RoomId &room)
{
    auto member = membership(room, caller.userId);
    if (!member)
        return member.error();
    if (*member != auth::memberships::join)
        return Error::forbidden(QStringLiteral("you are not in this room"));
    return m_rooms.aliasesForRoom(room);
}

Result<void> RoomService::setVisibility(const Session &caller, const RoomId &room, bool publish)
{
    auto member = membership(room, caller.userId);
    if (!member)
        return member.error();
    if (*member != auth::memberships::join)
        return Error::forbidden(QStringLiteral("you are not in this room"));
    return m_rooms.setPublic(room, publish);
}

Result<bool> RoomService::isPublic(const RoomId &room)
{
    auto record = m_rooms.room(room);
    if (!record)
        return record.error();
    if (!*record)
        return Error::notFound(QStringLiteral("no such room"));
    return (*record)->isPublic;
}

Result<RoomSummary> RoomService::summary(const RoomId &room, StoreEventProvider &provider)
{
    auto record = m_rooms.room(room);
    if (!record)
        return record.error();
    if (!*record)
        return Error::notFound(QStringLiteral("no such room"));
    auto state = m_rooms.currentState(room);
    if (!state)
        return state.error();
    const auto stateEvent = [&](const QString &type, const QString &key = {}) {
        const auto it = state->constFind(auth::StateKey(type, key));
        return it == state->constEnd() ? nullptr : provider.event(*it);
    };
    RoomSummary summary;
    summary.roomId = room;
    summary.version = (*record)->version;
    summary.name = contentString(stateEvent(QStringLiteral("m.room.name")), "name");
    summary.topic = contentString(stateEvent(QStringLiteral("m.room.topic")), "topic");
    summary.canonicalAlias = contentString(stateEvent(QStringLiteral("m.room.canonical_alias")), "alias");
    summary.avatarUrl = contentString(stateEvent(QStringLiteral("m.room.avatar")), "url");
    summary.joinRule = contentString(stateEvent(auth::types::joinRules), "join_rule");
    if (const events::Pdu *powerLevels = stateEvent(auth::types::powerLevels))
        summary.powerLevels = json::toCanonicalBytes(json::Value(powerLevels->content()));
    summary.roomType = contentString(stateEvent(auth::types::create), "type");
    summary.worldReadable = contentString(stateEvent(QStringLiteral("m.room.history_visibility")), "history_visibility") == QLatin1String("world_readable");
    summary.guestCanJoin = contentString(stateEvent(QStringLiteral("m.room.guest_access")), "guest_access") == QLatin1String("can_join");
    for (auto it = state->constBegin(); it != state->constEnd(); ++it) {
        if (it.key().type == auth::types::member && contentString(provider.event(*it), "membership") == auth::memberships::join)
            ++summary.joinedMembers;
    }
    return summary;
}

Result<QList<RoomSummary>> RoomService::publicRooms()
{
    auto rooms = m_rooms.publicRooms();
    if (!rooms)
        return rooms.error();
    QList<RoomSummary> summaries;
    StoreEventProvider provider(m_events);
    for (const RoomId &room : *rooms) {
        auto summarised = summary(room, provider);
        if (!summarised)
            return summarised.error();
        summaries.append(std::move(*summarised));
    }
    return summaries;
}

Result<QList<RoomSummary>> RoomService::roomsOf(const UserId &user)
{
    QList<RoomSummary> summaries;
    StoreEventProvider provider(m_events);
    for (const QString &membership : {auth::memberships::join, auth::memberships::invite}) {
        auto rooms = m_rooms.roomsWithMembership(user, membership);
        if (!rooms)
            return rooms.error();
        for (const RoomId &room : std::as_const(*rooms)) {
            auto summarised = summary(room, provider);
            if (!summarised)
                return summarised.error();
            summarised->membership = membership;
            summaries.append(std::move(*summarised));
        }
    }
    return summaries;
}

Result<QString> RoomService::membership(const RoomId &room, const UserId &user)
{
    auto current = m_rooms.membership(room, user);
    if (!current)
        return current.error();
    return *current ? (*current)->membership : QString();
}

Result<QList<RoomId>> RoomService::joinedRooms(const UserId &user)
{
    return m_rooms.roomsWithMembership(user, auth::memberships::join);
}

Result<QList<events::Pdu>> RoomService::visibleState(const Session &caller, const RoomId &room)
{
    auto current = m_rooms.membership(room, caller.userId);
    if (!current)
        return current.error();
    if (!*current || ((*current)->membership != auth::memberships::join && (*current)->membership != auth::memberships::leave
                      && (*current)->membership != auth::memberships::ban))
        return Error::forbidden(QStringLiteral("you are not in this room"));
    // After leaving, the room looks as it did when the owner left (client-server-api
    // "GET /rooms/{roomId}/state").
    auto state = (*current)->membership == auth::memberships::join ? m_rooms.currentState(room)
                                                                  : m_events.stateAfter((*current)->eventId);
    if (!state)
        return state.error();
    StoreEventProvider provider(m_events);
    QList<events::Pdu> events;
    for (const EventId &id : std::as_const(*state)) {
        if (const events::Pdu *pdu = provider.event(id))
            events.append(*pdu);
    }
    return events;
}

Result<events::Pdu> RoomService::visibleEvent(const Session &caller, const RoomId &room, const EventId &id)
{
    const Error notFound = Error::notFound(QStringLiteral("event not found"));
    auto current = m_rooms.membership(room, caller.userId);
    if (!current)
        return current.error();
    if (!*current)
        return notFound;
    auto stored = m_events.event(id);
    if (!stored)
        return stored.error();
    if (!*stored || (*stored)->pdu.roomId() != room)
        return notFound;
    // History up to the owner's leaving stays visible; nothing after it.
    if ((*current)->membership != auth::memberships::join && (*stored)->streamOrdering > (*current)->streamOrdering)
        return notFound;
    return (*stored)->pdu;
}

Result<json::Array> RoomService::roomDump(const RoomId &room)
{
    auto record = m_rooms.room(room);
    if (!record)
        return record.error();
    if (!*record)
        return Error::notFound(QStringLiteral("no such room"));
    return m_events.roomDump(room);
}

} // namespace trellis::services
