#pragma once
#include "core/base/Error.h"
#include "core/http/HttpServer.h"
#include "core/json/Value.h"

namespace trellis::clientapi {

/// Answers one Client-Server API request, now or later (a waiting /sync), always with the
/// CORS headers every endpoint carries (client-server-api "Web Browser Clients").
class ApiResponder
{
public:
    ApiResponder() = default;
    explicit ApiResponder(http::Responder responder) : m_responder(std::move(responder)) {}

    void ok(const json::Object &body) const { json(200, body); }
    void json(int status, const json::Object &body) const;
    /// The standard error body {errcode, error} with the error's HTTP status (client-server-api
    /// "Standard error response"); `retryAfterMs` adds retry_after_ms to M_LIMIT_EXCEEDED.
    void fail(const Error &error, qint64 retryAfterMs = -1) const;
    /// Any other answer (media bytes); the CORS headers are added.
    void send(http::HttpResponse response) const;

    bool isOpen() const { return m_responder.isOpen(); }
    void onAbandoned(std::function<void()> callback) const
    {
        m_responder.onAbandoned(std::move(callback));
    }

    static void addCorsHeaders(http::HttpResponse &response);
    static http::HttpResponse errorResponse(const Error &error, qint64 retryAfterMs = -1);

private:
    http::Responder m_responder;
};

} // namespace trellis::clientapi
