#include "core/clientapi/UserInteractiveAuth.h"

#include "core/clientapi/ClientApiServices.h"
#include "core/clientapi/EndpointSupport.h"
#include "core/services/LoginService.h"

#include <QRandomGenerator>

namespace trellis::clientapi {

namespace {

QString newSession()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString session;
    for (int i = 0; i < 24; ++i)
        session.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(52)]));
    return session;
}

void challenge(const ApiResponder &reply, const QString &session, const Error *error)
{
    json::Object stage;
    stage.insert("stages", json::Value(json::Array{json::Value("m.login.password")}));
    json::Object body;
    body.insert("flows", json::Value(json::Array{json::Value(std::move(stage))}));
    body.insert("params", json::Value(json::Object{}));
    body.insert("session", jsonText(session));
    body.insert("completed", json::Value(json::Array{}));
    if (error) {
        body.insert("errcode", jsonText(error->errcode()));
        body.insert("error", jsonText(error->message));
    }
    reply.json(401, body);
}

} // namespace

bool passUserInteractiveAuth(ClientApiServices &services, const ApiRequest &request,
                             const json::Object &body, const ApiResponder &reply)
{
    const json::Value *auth = body.find("auth");
    if (!auth || !auth->isObject()) {
        challenge(reply, newSession(), nullptr);
        return false;
    }
    const json::Object &stage = auth->toObject();
    const json::Value *session = stage.find("session");
    const QString sessionId = session && session->isString() ? json::toQString(session->toString()) : newSession();
    const json::Value *type = stage.find("type");
    if (!type || !type->isString() || type->toString() != "m.login.password") {
        const Error error{ErrorCode::BadRequest, QStringLiteral("only m.login.password is offered"), {}};
        challenge(reply, sessionId, &error);
        return false;
    }
    qint64 retryAfterMs = -1;
    auto user = services.login.checkPassword(stage, request.http.peer.toString(), services.nowMs(), retryAfterMs);
    if (!user) {
        if (user.error().code == ErrorCode::LimitExceeded)
            reply.fail(user.error(), retryAfterMs);
        else
            challenge(reply, sessionId, &user.error());
        return false;
    }
    if (*user != request.caller().userId) {
        reply.fail(Error::forbidden(QStringLiteral("authenticated as someone else")));
        return false;
    }
    return true;
}

} // namespace trellis::clientapi
