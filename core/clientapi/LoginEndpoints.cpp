#include "core/clientapi/LoginEndpoints.h"

#include "core/clientapi/Router.h"
#include "core/json/QtStrings.h"
#include "core/services/LoginService.h"

#include <QDateTime>

namespace trellis::clientapi {

namespace {

json::Value text(const QString &value) { return json::Value(json::toUtf8(value)); }

json::Object loginFlows()
{
    json::Object password;
    password.insert("type", json::Value("m.login.password"));
    json::Object body;
    body.insert("flows", json::Value(json::Array{json::Value(std::move(password))}));
    return body;
}

void login(services::LoginService &service, ApiRequest &request, const ApiResponder &reply)
{
    auto body = request.jsonBody();
    if (!body) {
        reply.fail(body.error());
        return;
    }
    qint64 retryAfterMs = -1;
    auto result = service.login(*body, request.http.peer.toString(),
                                QDateTime::currentMSecsSinceEpoch(), retryAfterMs);
    if (!result) {
        reply.fail(result.error(), result.error().code == ErrorCode::LimitExceeded ? retryAfterMs : -1);
        return;
    }
    json::Object answer;
    answer.insert("user_id", text(result->userId));
    answer.insert("access_token", text(result->accessToken));
    answer.insert("device_id", text(result->deviceId));
    answer.insert("home_server", text(result->userId.section(u':', 1)));
    reply.ok(answer);
}

} // namespace

void registerLoginEndpoints(Router &router, services::LoginService &service)
{
    router.add("GET", Router::client(u"/login"), Router::Auth::None,
               [](ApiRequest &, const ApiResponder &reply) { reply.ok(loginFlows()); });
    router.add("POST", Router::client(u"/login"), Router::Auth::None,
               [&service](ApiRequest &request, const ApiResponder &reply) { login(service, request, reply); });
    router.add("POST", Router::client(u"/logout"), Router::Auth::Required,
               [&service](ApiRequest &request, const ApiResponder &reply) {
                   auto done = service.logout(request.caller());
                   done ? reply.ok({}) : reply.fail(done.error());
               });
    router.add("POST", Router::client(u"/logout/all"), Router::Auth::Required,
               [&service](ApiRequest &, const ApiResponder &reply) {
                   auto done = service.logoutAll();
                   done ? reply.ok({}) : reply.fail(done.error());
               });
    router.add("GET", Router::client(u"/account/whoami"), Router::Auth::Required,
               [](ApiRequest &request, const ApiResponder &reply) {
                   json::Object answer;
                   answer.insert("user_id", text(request.caller().userId.toString()));
                   answer.insert("device_id", text(request.caller().deviceId));
                   answer.insert("is_guest", json::Value(false));
                   reply.ok(answer);
               });
    // A personal server has exactly one account, made at first run (client-server-api
    // "Account registration": M_FORBIDDEN when registration is disabled).
    const auto refuse = [](ApiRequest &, const ApiResponder &reply) {
        reply.fail(Error::forbidden(QStringLiteral("registration is disabled: this is a single-user server")));
    };
    router.add("POST", Router::client(u"/register"), Router::Auth::None, refuse);
    router.add("GET", Router::client(u"/register/available"), Router::Auth::None, refuse);
}

} // namespace trellis::clientapi
