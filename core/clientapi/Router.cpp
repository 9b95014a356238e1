#include "core/clientapi/Router.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcClientApi, "trellis.clientapi")

namespace trellis::clientapi {

namespace {

QStringList splitPattern(QStringView pattern)
{
    QStringList segments = pattern.toString().split(u'/');
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    return segments;
}

/// The request path as decoded segments; nullopt if a segment is not valid UTF-8.
std::optional<QStringList> splitPath(const QByteArray &rawPath)
{
    QStringList segments;
    const QList<QByteArray> raw = rawPath.split('/');
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(raw[i]);
        QString text = QString::fromUtf8(decoded);
        if (text.toUtf8() != decoded)
            return std::nullopt; // invalid UTF-8 would decode lossily
        segments.append(std::move(text));
    }
    return segments;
}

bool isCapture(const QString &segment)
{
    return segment.size() >= 2 && segment.front() == u'{' && segment.back() == u'}';
}

} // namespace

QStringList Router::client(QStringView pattern)
{
    return {u"/_matrix/client/v3"_qs + pattern, u"/_matrix/client/r0"_qs + pattern};
}

QStringList Router::clientV1(QStringView pattern)
{
    return {u"/_matrix/client/v1"_qs + pattern};
}

void Router::add(QByteArrayView method, const QStringList &patterns, Auth auth, Handler handler)
{
    for (const QString &pattern : patterns)
        m_routes.push_back({method.toByteArray(), splitPattern(pattern), auth, handler});
}

bool Router::matches(const Route &route, const QStringList &segments,
                     QHash<QString, QString> &params) const
{
    if (route.segments.size() != segments.size())
        return false;
    params.clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments[i];
        if (isCapture(want))
            params.insert(want.mid(1, want.size() - 2), segments[i]);
        else if (want != segments[i])
            return false;
    }
    return true;
}

void Router::dispatch(const http::HttpRequest &request, http::Responder httpResponder) const
{
    const ApiResponder responder(std::move(httpResponder));
    if (request.method == "OPTIONS") {
        // CORS preflight (client-server-api "Web Browser Clients"): headers, no body.
        http::HttpResponse response;
        response.status = 204;
        responder.send(std::move(response));
        return;
    }
    const auto segments = splitPath(request.rawPath);
    if (!segments) {
        responder.fail(Error::invalidParam(QStringLiteral("the path is not valid UTF-8")));
        return;
    }
    QHash<QString, QString> params;
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        if (!matches(route, *segments, params))
            continue;
        pathKnown = true;
        const bool head = request.method == "HEAD" && route.method == "GET";
        if (route.method != request.method && !head)
            continue;
        ApiRequest apiRequest{request, std::move(params), std::nullopt};
        if (route.auth == Auth::Required) {
            apiRequest.session = authenticate(request, responder);
            if (!apiRequest.session)
                return;
        }
        route.handler(apiRequest, responder);
        return;
    }
    if (pathKnown)
        responder.fail({ErrorCode::MethodNotAllowed,
                        QStringLiteral("this endpoint does not accept %1")
                            .arg(QString::fromLatin1(request.method)),
                        {}});
    else
        responder.fail({ErrorCode::Unrecognized, QStringLiteral("unrecognized request"), {}});
}

std::optional<Session> Router::authenticate(const http::HttpRequest &request,
                                            const ApiResponder &responder) const
{
    // client-server-api "Using access tokens": the Authorization header, or the deprecated
    // access_token query parameter.
    QByteArray token;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer "))
        token = authorization.mid(7).trimmed();
    else
        token = request.query(QStringLiteral("access_token")).toUtf8();
    if (token.isEmpty()) {
        responder.fail({ErrorCode::MissingToken, QStringLiteral("missing access token"), {}});
        return std::nullopt;
    }
    std::optional<Session> session;
    if (m_authenticator)
        session = m_authenticator->authenticate(token);
    if (session) {
        session->accessToken = token;
        // An IPv4 client of a dual-stack listener shows as ::ffff:a.b.c.d; clients show a.b.c.d.
        bool isV4 = false;
        const quint32 v4 = request.peer.toIPv4Address(&isV4);
        m_authenticator->seen(*session, isV4 ? QHostAddress(v4).toString() : request.peer.toString());
    } else
        responder.fail({ErrorCode::UnknownToken, QStringLiteral("unknown access token"), {}});
    return session;
}

} // namespace trellis::clientapi
