#include "core/clientapi/ClientMiscEndpoints.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/json/Fields.h"
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

void getPresence(ClientApiServices &, ApiRequest &, const ApiResponder &reply)
{
    // Presence is not shared yet (federation will carry it); the owner is shown online.
    json::Object answer;
    answer.insert("presence", json::Value("online"));
    answer.insert("currently_active", json::Value(true));
    reply.ok(answer);
}

void putPresence(ClientApiServices &, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    auto presence = json::requiredString(*body, "presence");
    if (failed(presence, reply))
        return;
    if (*presence != QLatin1String("online") && *presence != QLatin1String("offline") && *presence != QLatin1String("unavailable")) {
        reply.fail(Error::invalidParam(QStringLiteral("presence is online, offline or unavailable")));
        return;
    }
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
