#include "core/http/RequestParser.h"

#include <climits>
#include <string_view>

namespace trellis::http {

namespace {

RequestParser *self(http_parser *parser)
{
    return static_cast<RequestParser *>(parser->data);
}

} // namespace

RequestParser::RequestParser(const HttpLimits &limits) : m_limits(limits)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    http_parser_settings_init(&m_settings);
    m_settings.on_message_begin = &RequestParser::onMessageBegin;
    m_settings.on_url = &RequestParser::onUrl;
    m_settings.on_header_field = &RequestParser::onHeaderField;
    m_settings.on_header_value = &RequestParser::onHeaderValue;
    m_settings.on_headers_complete = &RequestParser::onHeadersComplete;
    m_settings.on_body = &RequestParser::onBody;
    m_settings.on_message_complete = &RequestParser::onMessageComplete;
}

qsizetype RequestParser::feed(QByteArrayView data)
{
    if (m_failStatus || data.isEmpty())
        return 0;
    // The parser pauses itself after each request; carry on from there.
    if (HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED)
        http_parser_pause(&m_parser, 0);
    const size_t parsed =
        http_parser_execute(&m_parser, &m_settings, data.data(), size_t(data.size()));
    const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
    if (m_failStatus)
        return qsizetype(parsed);
    if (error == HPE_HEADER_OVERFLOW)
        m_failStatus = 431; // the library's own ceiling, when it is below ours
    else if (error != HPE_OK && error != HPE_PAUSED)
        m_failStatus = 400;
    else if (error == HPE_OK && parsed != size_t(data.size()))
        m_failStatus = 400; // the parser stopped for a protocol switch we never agreed to
    return qsizetype(parsed);
}

bool RequestParser::takeContinueWanted()
{
    const bool wanted = m_continueWanted && m_inMessage;
    m_continueWanted = false;
    return wanted;
}

std::optional<ParsedRequest> RequestParser::takeRequest()
{
    std::optional<ParsedRequest> request = std::move(m_complete);
    m_complete.reset();
    return request;
}

bool RequestParser::addHeaderBytes(size_t length)
{
    m_headerBytes += qint64(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes)
        return true;
    m_failStatus = 431;
    return false;
}

bool RequestParser::namesAreTokens() const
{
    // RFC 9110 section 5.1: a field name is a token. Whitespace before the colon or inside a
    // name is how requests get smuggled past proxies that read it differently.
    static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
    for (const auto &header : m_current.request.headers) {
        if (header.first.isEmpty())
            return false;
        for (const char c : header.first) {
            const bool alnum =
                (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alnum && kSymbols.find(c) == std::string_view::npos)
                return false;
        }
    }
    return true;
}

void RequestParser::finishUrl()
{
    HttpRequest &request = m_current.request;
    // Absolute form ("GET http://host/path?q HTTP/1.1") is allowed by RFC 9112 section 3.2.2;
    // keep only its path and query, like the origin form.
    if (!m_url.startsWith('/') && m_url != "*") {
        http_parser_url url;
        http_parser_url_init(&url);
        if (http_parser_parse_url(m_url.constData(), size_t(m_url.size()), 0, &url) == 0) {
            const auto field = [&](int which) {
                if (!(url.field_set & (1 << which)))
                    return QByteArray();
                return m_url.mid(url.field_data[which].off, url.field_data[which].len);
            };
            request.rawPath = field(UF_PATH);
            if (request.rawPath.isEmpty())
                request.rawPath = "/";
            request.rawQuery = field(UF_QUERY);
            return;
        }
    }
    const qsizetype question = m_url.indexOf('?');
    request.rawPath = question < 0 ? m_url : m_url.left(question);
    request.rawQuery = question < 0 ? QByteArray() : m_url.mid(question + 1);
}

int RequestParser::onMessageBegin(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_inMessage = true;
    p->m_current = ParsedRequest{};
    p->m_url.clear();
    p->m_headerBytes = 0;
    p->m_lastWasValue = false;
    p->m_continueWanted = false;
    return 0;
}

int RequestParser::onUrl(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (!p->addHeaderBytes(length))
        return 1;
    p->m_url.append(at, qsizetype(length));
    return 0;
}

int RequestParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (!p->addHeaderBytes(length))
        return 1;
    auto &headers = p->m_current.request.headers;
    // A name may arrive in several pieces when it straddles two reads.
    if (p->m_lastWasValue || headers.isEmpty())
        headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    else
        headers.last().first.append(at, qsizetype(length));
    p->m_lastWasValue = false;
    return 0;
}

int RequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (!p->addHeaderBytes(length))
        return 1;
    auto &headers = p->m_current.request.headers;
    if (!headers.isEmpty())
        headers.last().second.append(at, qsizetype(length));
    p->m_lastWasValue = true;
    return 0;
}

int RequestParser::onHeadersComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    // Content-Length is known now: refuse a body that is too large before reading any of it.
    if (parser->content_length != ULLONG_MAX &&
        parser->content_length > quint64(p->m_limits.maxBodyBytes)) {
        p->m_failStatus = 413;
        return -1;
    }
    if (parser->method == HTTP_CONNECT) {
        p->m_failStatus = 405; // not a proxy
        return -1;
    }
    if (parser->http_major != 1) {
        p->m_failStatus = 505; // HTTP/0.9 has no headers to frame an answer with
        return -1;
    }
    if (!p->namesAreTokens()) {
        p->m_failStatus = 400;
        return -1;
    }
    // "Upgrade" (WebSocket, h2c) is ignored, as RFC 9110 section 7.8 allows: the request is
    // answered as plain HTTP/1.1 and the stream stays HTTP.
    parser->upgrade = 0;
    HttpRequest &request = p->m_current.request;
    request.method = http_method_str(http_method(parser->method));
    p->finishUrl();
    p->m_current.http10 = parser->http_major == 1 && parser->http_minor == 0;
    const bool hasBody = (parser->flags & F_CHUNKED) ||
                         (parser->content_length != ULLONG_MAX && parser->content_length > 0);
    p->m_continueWanted =
        hasBody && !p->m_current.http10 &&
        request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    return 0;
}

int RequestParser::onBody(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    QByteArray &body = p->m_current.request.body;
    // A chunked body's size is only known as it arrives.
    if (body.size() + qint64(length) > p->m_limits.maxBodyBytes) {
        p->m_failStatus = 413;
        return 1;
    }
    body.append(at, qsizetype(length));
    return 0;
}

int RequestParser::onMessageComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_inMessage = false;
    p->m_continueWanted = false;
    p->m_current.keepAlive = http_should_keep_alive(parser) != 0;
    p->m_complete = std::move(p->m_current);
    p->m_current = ParsedRequest{};
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace trellis::http
