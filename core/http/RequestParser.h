#pragma once
#include "core/http/HttpRequest.h"
#include "core/http/HttpServer.h"

#include <QByteArrayView>

#include <http_parser.h>
#include <optional>

namespace trellis::http {

/// One request taken off the wire, with what the connection needs to frame the answer.
struct ParsedRequest
{
    HttpRequest request;   ///< method, path, query, headers and body; peer fields left empty
    bool keepAlive = true; ///< HTTP/1.1 default, HTTP/1.0 only with "Connection: keep-alive"
    bool http10 = false;   ///< an HTTP/1.0 client cannot read a chunked answer
};

/// Wraps libhttp-parser for one connection's byte stream. It stops after each complete
/// request, so that the connection decides whether to read on (pipelining limit, a request
/// that asked to close). Limits are checked while the bytes arrive, before they are kept.
class RequestParser
{
public:
    explicit RequestParser(const HttpLimits &limits);
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    /// Parses from `data` up to the end of one request; returns the bytes consumed. Then
    /// check failStatus() and takeRequest().
    qsizetype feed(QByteArrayView data);
    /// 0, or the status to refuse the stream with (400, 405, 413, 431, 505).
    int failStatus() const { return m_failStatus; }
    /// A request has begun and is not complete yet.
    bool inMessage() const { return m_inMessage; }
    /// True once per request whose headers carried `Expect: 100-continue` and whose body
    /// has not arrived yet.
    bool takeContinueWanted();
    std::optional<ParsedRequest> takeRequest();

private:
    bool addHeaderBytes(size_t length);
    void finishUrl();
    bool namesAreTokens() const;

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    HttpLimits m_limits;
    http_parser m_parser;
    http_parser_settings m_settings;

    ParsedRequest m_current;
    QByteArray m_url;
    std::optional<ParsedRequest> m_complete;
    qint64 m_headerBytes = 0;
    bool m_inMessage = false;
    bool m_lastWasValue = false;
    bool m_continueWanted = false;
    int m_failStatus = 0;
};

} // namespace trellis::http
