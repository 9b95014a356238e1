#include "core/clientapi/ApiResponder.h"

#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

namespace trellis::clientapi {

void ApiResponder::json(int status, const json::Object &body) const
{
    send(http::HttpResponse::json(status, json::toCanonicalBytes(json::Value(body))));
}

void ApiResponder::fail(const Error &error, qint64 retryAfterMs) const
{
    send(errorResponse(error, retryAfterMs));
}

void ApiResponder::send(http::HttpResponse response) const
{
    addCorsHeaders(response);
    m_responder.send(std::move(response));
}

void ApiResponder::addCorsHeaders(http::HttpResponse &response)
{
    // client-server-api "Web Browser Clients": the headers every response carries.
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers",
                       "X-Requested-With, Content-Type, Authorization");
}

http::HttpResponse ApiResponder::errorResponse(const Error &error, qint64 retryAfterMs)
{
    json::Object body;
    body.insert("errcode", json::Value(json::toUtf8(error.errcode())));
    body.insert("error", json::Value(json::toUtf8(error.message)));
    if (retryAfterMs >= 0)
        body.insert("retry_after_ms", json::Value(retryAfterMs));
    auto response = http::HttpResponse::json(error.httpStatus(),
                                             json::toCanonicalBytes(json::Value(body)));
    addCorsHeaders(response);
    return response;
}

} // namespace trellis::clientapi
