#pragma once
#include "core/base/Result.h"
#include "core/services/Session.h"
#include "core/http/HttpRequest.h"
#include "core/json/Value.h"

#include <QHash>
#include <QString>

namespace trellis::clientapi {

using services::Session;
using services::TokenAuthenticator;

/// A routed Client-Server API request: the HTTP request, the path parameters the route
/// captured (percent-decoded), and the caller's session when the route needs one.
struct ApiRequest
{
    const http::HttpRequest &http;
    QHash<QString, QString> params;
    std::optional<Session> session; ///< set for routes that require authentication

    QString param(const QString &name) const { return params.value(name); }
    /// The session of an authenticated route (callers only use it on such routes).
    const Session &caller() const { return *session; }
    /// The body as a JSON object (client-server-api "API Standards": bodies are objects):
    /// M_NOT_JSON for bytes that are not JSON, M_BAD_JSON for JSON that is not an object,
    /// M_TOO_LARGE past `maxBytes`. An empty body reads as {} when `emptyIsObject`.
    Result<json::Object> jsonBody(qsizetype maxBytes = 65536, bool emptyIsObject = false) const;
};

} // namespace trellis::clientapi
