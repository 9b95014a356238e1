#include "core/clientapi/RoomReadEndpoints.h"

#include "core/auth/EventTypes.h"
#include "core/clientapi/ClientApiServices.h"
#include "core/services/ClientEvent.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Reader.h"
#include "core/json/Writer.h"
#include "core/services/RoomHistory.h"
#include "core/services/RoomService.h"

namespace trellis::clientapi {

namespace {

json::Object clientEvent(ClientApiServices &services, const events::Pdu &pdu)
{
    return toClientEvent(pdu, {services.nowMs(), {}, {}, {}});
}

/// The state of the path's room as the caller may see it, or nullopt once answered.
std::optional<QList<events::Pdu>> visibleStateOf(ClientApiServices &services, const ApiRequest &request,
                                                 const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    if (!room)
        return std::nullopt;
    auto state = services.rooms.visibleState(request.caller(), *room);
    if (failed(state, reply))
        return std::nullopt;
    return std::move(*state);
}

void allState(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto state = visibleStateOf(services, request, reply);
    if (!state)
        return;
    json::Array events;
    for (const events::Pdu &pdu : *state)
        events.emplace_back(clientEvent(services, pdu));
    // The one endpoint answering a bare array (client-server-api "GET /rooms/{roomId}/state").
    reply.send(http::HttpResponse::json(200, json::toCanonicalBytes(json::Value(std::move(events)))));
}

void stateEvent(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto state = visibleStateOf(services, request, reply);
    if (!state)
        return;
    const QString type = request.param(QStringLiteral("eventType"));
    const QString key = request.param(QStringLiteral("stateKey"));
    for (const events::Pdu &pdu : *state) {
        if (pdu.type() == type && pdu.stateKey().value_or(QString()) == key) {
            // ?format=event asks for the whole event rather than its content (v1.16).
            if (request.http.query(QStringLiteral("format")) == QLatin1String("event"))
                reply.ok(clientEvent(services, pdu));
            else
                reply.ok(pdu.content());
            return;
        }
    }
    reply.fail(Error::notFound(QStringLiteral("no state event of that type and key")));
}

void event(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    if (!room)
        return;
    auto id = EventId::parse(request.param(QStringLiteral("eventId")));
    if (!id) {
        reply.fail(Error::notFound(QStringLiteral("event not found")));
        return;
    }
    auto pdu = services.rooms.visibleEvent(request.caller(), *room, *id);
    if (!failed(pdu, reply))
        reply.ok(clientEvent(services, *pdu));
}

Result<EventFilter> filterParameter(const ApiRequest &request)
{
    const QString text = request.http.query(QStringLiteral("filter"));
    if (text.isEmpty())
        return EventFilter{};
    const QByteArray bytes = text.toUtf8();
    auto object = json::parseObject(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!object)
        return Error::badJson(object.error().message);
    return EventFilter::parse(*object, QStringLiteral("filter"));
}

int limitParameter(const ApiRequest &request, int fallback)
{
    bool ok = false;
    const int limit = request.http.query(QStringLiteral("limit")).toInt(&ok);
    return ok && limit > 0 ? std::min(limit, EventFilter::kMaxLimit) : fallback;
}

void messages(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    if (!room)
        return;
    auto filter = filterParameter(request);
    if (failed(filter, reply))
        return;
    services::RoomHistory::Page page;
    page.from = request.http.query(QStringLiteral("from"));
    page.to = request.http.query(QStringLiteral("to"));
    page.dir = request.http.query(QStringLiteral("dir"));
    page.limit = limitParameter(request, filter->limitOr(10));
    page.filter = *filter;
    auto answer = services.history.messages(request.caller(), *room, page);
    if (!failed(answer, reply))
        reply.ok(*answer);
}

void context(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    if (!room)
        return;
    auto id = EventId::parse(request.param(QStringLiteral("eventId")));
    auto filter = filterParameter(request);
    if (!id) {
        reply.fail(Error::notFound(QStringLiteral("event not found")));
        return;
    }
    if (failed(filter, reply))
        return;
    auto answer = services.history.context(request.caller(), *room, *id, limitParameter(request, 10), *filter);
    if (!failed(answer, reply))
        reply.ok(*answer);
}

void members(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto state = visibleStateOf(services, request, reply);
    if (!state)
        return;
    const QString only = request.http.query(QStringLiteral("membership"));
    const QString notMembership = request.http.query(QStringLiteral("not_membership"));
    json::Array chunk;
    for (const events::Pdu &pdu : *state) {
        if (pdu.type() != auth::types::member)
            continue;
        const QString membership = json::toQString(pdu.content()["membership"].toString());
        if ((!only.isEmpty() && membership != only) || (!notMembership.isEmpty() && membership == notMembership))
            continue;
        chunk.emplace_back(clientEvent(services, pdu));
    }
    json::Object answer;
    answer.insert("chunk", json::Value(std::move(chunk)));
    reply.ok(answer);
}

void joinedMembers(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto state = visibleStateOf(services, request, reply);
    if (!state)
        return;
    json::Object joined;
    for (const events::Pdu &pdu : *state) {
        if (pdu.type() != auth::types::member || pdu.content()["membership"].toString() != "join")
            continue;
        json::Object profile;
        for (const char *key : {"displayname", "avatar_url"}) {
            const json::Value *value = pdu.content().find(key);
            if (value && value->isString())
                profile.insert(key, *value);
        }
        joined.insert(json::toUtf8(*pdu.stateKey()), json::Value(std::move(profile)));
    }
    json::Object answer;
    answer.insert("joined", json::Value(std::move(joined)));
    reply.ok(answer);
}

void joinedRooms(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    auto rooms = services.rooms.joinedRooms(request.caller().userId);
    if (failed(rooms, reply))
        return;
    json::Array list;
    for (const RoomId &room : *rooms)
        list.push_back(jsonText(room.toString()));
    json::Object answer;
    answer.insert("joined_rooms", json::Value(std::move(list)));
    reply.ok(answer);
}

} // namespace

void registerRoomReadEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("GET", Router::client(u"/rooms/{roomId}/state"), required, bind(allState));
    router.add("GET", Router::client(u"/rooms/{roomId}/state/{eventType}"), required, bind(stateEvent));
    router.add("GET", Router::client(u"/rooms/{roomId}/state/{eventType}/{stateKey}"), required, bind(stateEvent));
    router.add("GET", Router::client(u"/rooms/{roomId}/event/{eventId}"), required, bind(event));
    router.add("GET", Router::client(u"/rooms/{roomId}/messages"), required, bind(messages));
    router.add("GET", Router::client(u"/rooms/{roomId}/context/{eventId}"), required, bind(context));
    router.add("GET", Router::client(u"/rooms/{roomId}/members"), required, bind(members));
    router.add("GET", Router::client(u"/rooms/{roomId}/joined_members"), required, bind(joinedMembers));
    router.add("GET", Router::client(u"/joined_rooms"), required, bind(joinedRooms));
}

} // namespace trellis::clientapi
