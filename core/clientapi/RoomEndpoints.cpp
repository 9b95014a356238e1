#include "core/clientapi/RoomEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
#include "core/services/RoomService.h"

namespace trellis::clientapi {

namespace {

// Events are at most 64 KiB as PDUs (client-server-api "Size limits"); a body a little
// larger than that can never fit and is refused before parsing.
constexpr qsizetype kMaxEventBody = 70 * 1024;
constexpr qsizetype kMaxCreateRoomBody = 1024 * 1024;

void answerEventId(const Result<EventId> &eventId, const ApiResponder &reply)
{
    if (failed(eventId, reply))
        return;
    json::Object answer;
    answer.insert("event_id", jsonText(eventId->toString()));
    reply.ok(answer);
}

void createRoom(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, kMaxCreateRoomBody, true);
    if (!body)
        return;
    auto room = services.rooms.createRoom(request.caller(), *body);
    if (failed(room, reply))
        return;
    json::Object answer;
    answer.insert("room_id", jsonText(room->toString()));
    reply.ok(answer);
}

/// PUT /send and PUT /state: answered once the event is committed, with the others that
/// arrived alongside it (RoomService::queueSend).
void queueEvent(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply,
                const std::optional<QString> &stateKey, const std::optional<QString> &txnId)
{
    const auto room = roomOf(request, reply);
    const auto body = room ? bodyOrFail(request, reply, kMaxEventBody) : std::nullopt;
    if (!body)
        return;
    services.rooms.queueSend(request.caller(), *room, request.param(QStringLiteral("eventType")), stateKey, *body, txnId,
                             [reply](const Result<EventId> &eventId) { answerEventId(eventId, reply); });
}

void sendEvent(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    queueEvent(services, request, reply, std::nullopt, request.param(QStringLiteral("txnId")));
}

void putState(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    queueEvent(services, request, reply, request.param(QStringLiteral("stateKey")), std::nullopt);
}

void redact(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    const auto body = room ? bodyOrFail(request, reply, kMaxEventBody, true) : std::nullopt;
    if (!body)
        return;
    auto target = EventId::parse(request.param(QStringLiteral("eventId")));
    auto reason = json::optionalString(*body, "reason");
    if (failed(target, reply) || failed(reason, reply))
        return;
    answerEventId(services.rooms.redact(request.caller(), *room, *target, *reason, request.param(QStringLiteral("txnId"))), reply);
}

void answerRoom(const Result<RoomId> &room, const ApiResponder &reply)
{
    if (failed(room, reply))
        return;
    json::Object answer;
    answer.insert("room_id", jsonText(room->toString()));
    reply.ok(answer);
}

void joinByIdOrAlias(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto body = bodyOrFail(request, reply, kMaxEventBody, true);
    if (!body)
        return;
    auto reason = json::optionalString(*body, "reason");
    if (failed(reason, reply))
        return;
    const QString target = request.params.contains(QStringLiteral("roomIdOrAlias"))
                               ? request.param(QStringLiteral("roomIdOrAlias"))
                               : request.param(QStringLiteral("roomId"));
    answerRoom(services.rooms.join(request.caller(), target, *reason), reply);
}

/// invite, kick, ban, unban: a target user in the body; leave: the caller.
void membership(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply,
                services::MembershipAction action)
{
    const auto room = roomOf(request, reply);
    const auto body = room ? bodyOrFail(request, reply, kMaxEventBody, true) : std::nullopt;
    if (!body)
        return;
    auto reason = json::optionalString(*body, "reason");
    if (failed(reason, reply))
        return;
    UserId target = request.caller().userId;
    if (action != services::MembershipAction::Leave) {
        auto userText = json::requiredString(*body, "user_id");
        if (failed(userText, reply))
            return;
        auto user = UserId::parse(*userText);
        if (failed(user, reply))
            return;
        target = *user;
    }
    auto changed = services.rooms.changeMembership(request.caller(), *room, action, target, *reason);
    if (!failed(changed, reply))
        reply.ok({});
}

template <services::MembershipAction action>
void membershipEndpoint(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    membership(services, request, reply, action);
}

void forget(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const auto room = roomOf(request, reply);
    if (room && !failed(services.rooms.forget(request.caller(), *room), reply))
        reply.ok({});
}

} // namespace

void registerRoomEndpoints(Router &router, ClientApiServices &services)
{
    using services::MembershipAction;
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("POST", Router::client(u"/createRoom"), required, bind(createRoom));
    router.add("PUT", Router::client(u"/rooms/{roomId}/send/{eventType}/{txnId}"), required, bind(sendEvent));
    router.add("PUT", Router::client(u"/rooms/{roomId}/state/{eventType}"), required, bind(putState));
    router.add("PUT", Router::client(u"/rooms/{roomId}/state/{eventType}/{stateKey}"), required, bind(putState));
    router.add("PUT", Router::client(u"/rooms/{roomId}/redact/{eventId}/{txnId}"), required, bind(redact));
    router.add("POST", Router::client(u"/join/{roomIdOrAlias}"), required, bind(joinByIdOrAlias));
    router.add("POST", Router::client(u"/rooms/{roomId}/join"), required, bind(joinByIdOrAlias));
    router.add("POST", Router::client(u"/rooms/{roomId}/invite"), required, bind(membershipEndpoint<MembershipAction::Invite>));
    router.add("POST", Router::client(u"/rooms/{roomId}/leave"), required, bind(membershipEndpoint<MembershipAction::Leave>));
    router.add("POST", Router::client(u"/rooms/{roomId}/kick"), required, bind(membershipEndpoint<MembershipAction::Kick>));
    router.add("POST", Router::client(u"/rooms/{roomId}/ban"), required, bind(membershipEndpoint<MembershipAction::Ban>));
    router.add("POST", Router::client(u"/rooms/{roomId}/unban"), required, bind(membershipEndpoint<MembershipAction::Unban>));
    router.add("POST", Router::client(u"/rooms/{roomId}/forget"), required, bind(forget));
}

} // namespace trellis::clientapi
