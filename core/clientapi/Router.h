#pragma once
#include "core/clientapi/ApiRequest.h"
#include "core/clientapi/ApiResponder.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <vector>

namespace trellis::clientapi {

/// Maps requests to endpoint handlers. Patterns are paths whose `{name}` segments capture a
/// percent-decoded path parameter; a path is split on '/' before decoding, so an encoded
/// '/' inside a room or event ID stays inside its parameter. Answers itself what no endpoint
/// should have to: CORS preflights, unknown endpoints and methods (M_UNRECOGNIZED, 404/405,
/// client-server-api "API Standards"), and missing or unknown access tokens.
class Router
{
public:
    enum class Auth { None, Required };
    using Handler = std::function<void(ApiRequest &, const ApiResponder &)>;

    explicit Router(TokenAuthenticator *authenticator = nullptr) : m_authenticator(authenticator) {}
    void setAuthenticator(TokenAuthenticator *authenticator) { m_authenticator = authenticator; }

    /// Registers `handler` for `method` on every pattern in `patterns`.
    void add(QByteArrayView method, const QStringList &patterns, Auth auth, Handler handler);
    /// `pattern` below both /_matrix/client/v3 and the older /_matrix/client/r0 that several
    /// clients still call.
    static QStringList client(QStringView pattern);
    /// `pattern` below /_matrix/client/v1 only (endpoints new in v1.x).
    static QStringList clientV1(QStringView pattern);

    void dispatch(const http::HttpRequest &request, http::Responder responder) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments; ///< literal text, or "{name}"
        Auth auth;
        Handler handler;
    };
    bool matches(const Route &route, const QStringList &segments, QHash<QString, QString> &params) const;
    std::optional<Session> authenticate(const http::HttpRequest &request, const ApiResponder &responder) const;

    std::vector<Route> m_routes;
    TokenAuthenticator *m_authenticator;
};

} // namespace trellis::clientapi
