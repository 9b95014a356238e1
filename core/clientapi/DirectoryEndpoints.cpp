#include "core/clientapi/DirectoryEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/services/RoomService.h"

namespace trellis::clientapi {

namespace {

std::optional<RoomAlias> aliasOf(const ApiRequest &request, const ApiResponder &reply)
{
    auto alias = RoomAlias::parse(request.param(QStringLiteral("roomAlias")));
    if (!alias) {
        reply.fail(alias.error());
        return std::nullopt;
    }
    return *alias;
}

void resolve(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto alias = aliasOf(request, reply);
    if (!alias)
        return;
    auto room = services.rooms.resolveAlias(*alias);
    if (failed(room, reply))
        return;
    json::Object answer;
    answer.insert("room_id", jsonText(room->toString()));
    answer.insert("servers", json::Value(json::Array{jsonText(services.serverName.toString())}));
    reply.ok(answer);
}

void create(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto alias = aliasOf(request, reply);
    const auto body = alias ? bodyOrFail(request, reply) : std::nullopt;
    if (!body)
        return;
    auto roomText = json::requiredString(*body, "room_id");
    if (failed(roomText, reply))
        return;
    auto room = RoomId::parse(*roomText);
    if (!failed(room, reply) && !failed(services.rooms.createAlias(request.caller(), *alias, *room), reply))
        reply.ok({});
}

void remove(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto alias = aliasOf(request, reply);
    if (alias && !failed(services.rooms.deleteAlias(request.caller(), *alias), reply))
        reply.ok({});
}

void roomAliases(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto room = RoomId::parse(request.param(QStringLiteral("roomId")));
    if (failed(room, reply))
        return;
    auto aliases = services.rooms.aliasesOf(request.caller(), *room);
    if (failed(aliases, reply))
        return;
    json::Array list;
    for (const QString &alias : *aliases)
        list.push_back(jsonText(alias));
    json::Object answer;
    answer.insert("aliases", json::Value(std::move(list)));
    reply.ok(answer);
}

void getVisibility(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto room = RoomId::parse(request.param(QStringLiteral("roomId")));
    if (failed(room, reply))
        return;
    auto isPublic = services.rooms.isPublic(*room);
    if (failed(isPublic, reply))
        return;
    json::Object answer;
    answer.insert("visibility", json::Value(*isPublic ? "public" : "private"));
    reply.ok(answer);
}

void putVisibility(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto room = RoomId::parse(request.param(QStringLiteral("roomId")));
    if (failed(room, reply))
        return;
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto visibility = json::optionalString(*body, "visibility");
    if (failed(visibility, reply))
        return;
    const QString value = visibility->value_or(QStringLiteral("public"));
    if (value != QLatin1String("public") && value != QLatin1String("private")) {
        reply.fail(Error::invalidParam(QStringLiteral("visibility is public or private")));
        return;
    }
    if (!failed(services.rooms.setVisibility(request.caller(), *room, value == QLatin1String("public")), reply))
        reply.ok({});
}

void publicRooms(ClientApiServices &services, ApiRequest &, const ApiResponder &reply)
{
    auto rooms = services.rooms.publicRooms();
    if (failed(rooms, reply))
        return;
    json::Array chunk;
    for (const services::RoomSummary &room : *rooms) {
        json::Object entry;
        entry.insert("room_id", jsonText(room.roomId.toString()));
        entry.insert("num_joined_members", json::Value(qint64(room.joinedMembers)));
        entry.insert("world_readable", json::Value(room.worldReadable));
        entry.insert("guest_can_join", json::Value(room.guestCanJoin));
        const auto optional = [&entry](std::string_view key, const QString &value) {
            if (!value.isEmpty())
                entry.insert(key, jsonText(value));
        };
        optional("name", room.name);
        optional("topic", room.topic);
        optional("canonical_alias", room.canonicalAlias);
        optional("avatar_url", room.avatarUrl);
        optional("join_rule", room.joinRule);
        optional("room_type", room.roomType);
        chunk.emplace_back(std::move(entry));
    }
    json::Object answer;
    answer.insert("total_room_count_estimate", json::Value(qint64(chunk.size())));
    answer.insert("chunk", json::Value(std::move(chunk)));
    reply.ok(answer);
}

} // namespace

void registerDirectoryEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("GET", Router::client(u"/directory/room/{roomAlias}"), Router::Auth::None, bind(resolve));
    router.add("PUT", Router::client(u"/directory/room/{roomAlias}"), required, bind(create));
    router.add("DELETE", Router::client(u"/directory/room/{roomAlias}"), required, bind(remove));
    router.add("GET", Router::client(u"/rooms/{roomId}/aliases"), required, bind(roomAliases));
    router.add("GET", Router::client(u"/directory/list/room/{roomId}"), Router::Auth::None, bind(getVisibility));
    router.add("PUT", Router::client(u"/directory/list/room/{roomId}"), required, bind(putVisibility));
    router.add("GET", Router::client(u"/publicRooms"), Router::Auth::None, bind(publicRooms));
    router.add("POST", Router::client(u"/publicRooms"), required, bind(publicRooms));
}

} // namespace trellis::clientapi
