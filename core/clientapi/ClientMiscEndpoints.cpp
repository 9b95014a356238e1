#include "core/clientapi/ClientMiscEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/base/UserId.h"
#include "core/json/Fields.h"
#include "core/services/Presence.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/ClientDataStore.h"

namespace trellis::clientapi {

namespace {

const QString kTagType = QStringLiteral("m.tag");

Result<json::Object> tagsOf(ClientApiServices &services, const QString &roomId)
{
    auto stored = services.clientData.accountData(roomId, kTagType);
    if (!stored)
        return stored.error();
    json::Object tags = *stored ? objectFromBytes(**stored)["tags"].toObject() : json::Object{};
    return tags;
}

bool checkPath(const ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return false;
    if (auto room = RoomId::parse(request.param(QStringLiteral("roomId"))); !room) {
        reply.fail(room.error());
        return false;
    }
    return true;
}

void getTags(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!checkPath(request, reply))
        return;
    auto tags = tagsOf(services, request.param(QStringLiteral("roomId")));
    if (failed(tags, reply))
        return;
    json::Object answer;
    answer.insert("tags", json::Value(std::move(*tags)));
    reply.ok(answer);
}

void changeTag(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply, bool add)
{
    if (!checkPath(request, reply))
        return;
    const QString roomId = request.param(QStringLiteral("roomId"));
    std::optional<json::Object> body;
    if (add) {
        body = bodyOrFail(request, reply);
        if (!body)
            return;
    }
    auto tags = tagsOf(services, roomId);
    if (failed(tags, reply))
        return;
    const std::string tag = json::toUtf8(request.param(QStringLiteral("tag")));
    if (add)
        tags->insert(tag, json::Value(std::move(*body)));
    else
        tags->remove(tag);
    json::Object content;
    content.insert("tags", json::Value(std::move(*tags)));
    if (failed(services.clientData.setAccountData(roomId, kTagType, canonicalBytes(content)), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

void putTag(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply) { changeTag(services, request, reply, true); }
void deleteTag(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply) { changeTag(services, request, reply, false); }

// client-server-api "Presence" (presence.yaml). Only this server's user has a presence here:
// other users' presence would come over federation.
void getPresence(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    const QString userId = request.param(QStringLiteral("userId"));
    if (auto parsed = UserId::parse(userId); !parsed) {
        reply.fail(Error::invalidParam(QStringLiteral("not a user ID")));
        return;
    }
    if (userId != request.caller().userId.toString()) {
        reply.fail(Error::notFound(QStringLiteral("no presence known for this user")));
        return;
    }
    auto state = services::presence::current(services.clientData, userId);
    if (failed(state, reply))
        return;
    reply.ok(services::presence::content(*state, services.nowMs()));
}

void putPresence(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto presence = json::requiredString(*body, "presence");
    if (failed(presence, reply))
        return;
    QString statusMsg;
    if (const json::Value *message = body->find("status_msg"); message && !message->isNull()) {
        if (!message->isString()) {
            reply.fail(Error::badJson(QStringLiteral("status_msg must be a string")));
            return;
        }
        statusMsg = json::toQString(message->toString());
    }
    auto changed = services::presence::setExplicitly(services.clientData, request.caller().userId.toString(),
                                                     *presence, statusMsg, services.nowMs());
    if (failed(changed, reply))
        return;
    if (*changed)
        services.notifier.notify(); // waiting syncs deliver the new m.presence
    reply.ok({});
}

void noThreepids(ClientApiServices &, ApiRequest &, const ApiResponder &reply)
{
    json::Object answer;
    answer.insert("threepids", json::Value(json::Array{}));
    reply.ok(answer);
}

void noProtocols(ClientApiServices &, ApiRequest &, const ApiResponder &reply) { reply.ok({}); }

} // namespace

void registerClientMiscEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    const auto required = Router::Auth::Required;
    router.add("GET", Router::client(u"/user/{userId}/rooms/{roomId}/tags"), required, bind(getTags));
    router.add("PUT", Router::client(u"/user/{userId}/rooms/{roomId}/tags/{tag}"), required, bind(putTag));
    router.add("DELETE", Router::client(u"/user/{userId}/rooms/{roomId}/tags/{tag}"), required, bind(deleteTag));
    router.add("GET", Router::client(u"/presence/{userId}/status"), required, bind(getPresence));
    router.add("PUT", Router::client(u"/presence/{userId}/status"), required, bind(putPresence));
    router.add("GET", Router::client(u"/account/3pid"), required, bind(noThreepids));
    router.add("GET", Router::client(u"/thirdparty/protocols"), required, bind(noProtocols));
}

} // namespace trellis::clientapi
