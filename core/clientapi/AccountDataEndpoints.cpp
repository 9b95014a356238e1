#include "core/clientapi/AccountDataEndpoints.h"

#include "core/base/RoomId.h"
#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/clientapi/Router.h"
#include "core/services/SyncFilter.h"
#include "core/services/SyncNotifier.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"

namespace trellis::clientapi {

namespace {

constexpr qsizetype kMaxAccountData = 1024 * 1024;

/// The room of a per-room route ("" for global ones); false (answered) if it is malformed.
bool optionalRoomOf(const ApiRequest &request, const ApiResponder &reply, QString &roomId)
{
    roomId = request.param(QStringLiteral("roomId"));
    if (!request.params.contains(QStringLiteral("roomId")))
        return true;
    if (auto parsed = RoomId::parse(roomId); !parsed) {
        reply.fail(parsed.error());
        return false;
    }
    return true;
}

void putAccountData(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    QString roomId;
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply) || !optionalRoomOf(request, reply, roomId))
        return;
    const QString type = request.param(QStringLiteral("type"));
    // account-data.yaml: these are the server's to manage (read markers, push rules).
    if (type == QLatin1String("m.fully_read") || type == QLatin1String("m.push_rules")) {
        auto response = ApiResponder::errorResponse(
            Error::badJson(QStringLiteral("Cannot set %1 through this API.").arg(type)));
        response.status = 405;
        reply.send(std::move(response));
        return;
    }
    const auto body = bodyOrFail(request, reply, kMaxAccountData);
    if (!body)
        return;
    if (failed(services.clientData.setAccountData(roomId, type, canonicalBytes(*body)), reply))
        return;
    services.notifier.notify();
    reply.ok({});
}

void getAccountData(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    QString roomId;
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply) || !optionalRoomOf(request, reply, roomId))
        return;
    auto content = services.clientData.accountData(roomId, request.param(QStringLiteral("type")));
    if (failed(content, reply))
        return;
    if (!*content) {
        reply.fail(Error::notFound(QStringLiteral("no account data of that type")));
        return;
    }
    reply.ok(objectFromBytes(**content));
}

void postFilter(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    const auto body = bodyOrFail(request, reply);
    if (!body)
        return;
    // Refused now rather than at every /sync that would use it.
    if (failed(SyncFilter::parse(*body), reply))
        return;
    auto id = services.accounts.addFilter(canonicalBytes(*body));
    if (failed(id, reply))
        return;
    json::Object answer;
    answer.insert("filter_id", jsonText(*id));
    reply.ok(answer);
}

void getFilter(ClientApiServices &services, ApiRequest &request, const ApiResponder &reply)
{
    if (!requireSelf(request, request.param(QStringLiteral("userId")), reply))
        return;
    auto filter = services.accounts.filter(request.param(QStringLiteral("filterId")));
    if (failed(filter, reply))
        return;
    if (!*filter) {
        reply.fail(Error::notFound(QStringLiteral("no such filter")));
        return;
    }
    reply.ok(objectFromBytes(**filter));
}

} // namespace

void registerAccountDataEndpoints(Router &router, ClientApiServices &services)
{
    const auto bind = [&services](EndpointHandler handler) { return bindEndpoint(services, handler); };
    for (const QStringView pattern : {u"/user/{userId}/account_data/{type}",
                                      u"/user/{userId}/rooms/{roomId}/account_data/{type}"}) {
        router.add("PUT", Router::client(pattern), Router::Auth::Required, bind(putAccountData));
        router.add("GET", Router::client(pattern), Router::Auth::Required, bind(getAccountData));
    }
    router.add("POST", Router::client(u"/user/{userId}/filter"), Router::Auth::Required, bind(postFilter));
    router.add("GET", Router::client(u"/user/{userId}/filter/{filterId}"), Router::Auth::Required, bind(getFilter));
}

} // namespace trellis::clientapi
