#include "core/http/Connection.h"

#include "core/http/HttpDate.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHttp, "trellis.http")

namespace trellis::http {

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024; // bytes queued in the socket before we wait

Connection *self(http_parser *parser) { return static_cast<Connection *>(parser->data); }

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

Connection::Connection(QTcpSocket *socket, quint64 id, HttpServer *server, const HttpServer::Handler &handler,
                       const HttpLimits &limits, bool secure)
    : QObject(server), m_socket(socket), m_id(id), m_server(server), m_handler(handler), m_limits(limits),
      m_secure(secure)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    http_parser_settings_init(&m_settings);
    m_settings.on_message_begin = &Connection::onMessageBegin;
    m_settings.on_url = &Connection::onUrl;
    m_settings.on_header_field = &Connection::onHeaderField;
    m_settings.on_header_value = &Connection::onHeaderValue;
    m_settings.on_headers_complete = &Connection::onHeadersComplete;
    m_settings.on_body = &Connection::onBody;
    m_settings.on_message_complete = &Connection::onMessageComplete;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            deleteLater();
    });
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Connection::onReadyRead, Qt::QueuedConnection);
}

Connection::~Connection()
{
    // Whoever still waits to answer learns that nobody is listening any more.
    for (const auto &state : m_queue) {
        if (!state->sent && !state->abandoned) {
            state->abandoned = true;
            if (state->onAbandoned)
                state->onAbandoned();
        }
    }
}

void Connection::armTimer()
{
    // While a request arrives, it must arrive in time; while nothing is in flight, the
    // connection may idle only so long. Waiting for our own answers has no limit here.
    if (m_inMessage)
        m_timer.start(m_limits.headerTimeoutMs);
    else if (m_queue.empty())
        m_timer.start(m_limits.idleTimeoutMs);
    else
        m_timer.stop();
}

void Connection::onTimeout()
{
    if (m_inMessage)
        fail(408, "request not received in time");
    else
        close();
}

void Connection::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_timer.stop();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

void Connection::fail(int status, const char *why)
{
    qCDebug(lcHttp) << "connection" << m_id << "refused:" << status << why;
    // Answers already queued are dropped: after a broken request the stream cannot be trusted.
    m_queue.clear();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                          "\r\nContent-Type: application/json\r\nConnection: close\r\nDate: " + httpDate() +
                          "\r\nServer: Trellis\r\n";
    const QByteArray body = R"({"errcode":"M_UNKNOWN","error":")" + QByteArray(why) + "\"}";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_socket->write(response);
    m_socket->flush();
    close();
}

void Connection::onReadyRead()
{
    if (m_closing || m_stopReading) {
        m_socket->readAll();
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    const size_t parsed = http_parser_execute(&m_parser, &m_settings, data.constData(), size_t(data.size()));
    if (m_closing || m_stopReading)
        return;
    if (m_failStatus) {
        fail(m_failStatus, m_failStatus == 413 ? "request body too large"
                           : m_failStatus == 431 ? "request headers too large"
                                                 : "too many requests in flight");
        return;
    }
    if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK || parsed != size_t(data.size())) {
        // An upgrade (WebSocket) is not something this server speaks either.
        fail(400, "malformed HTTP request");
        return;
    }
    armTimer();
}

int Connection::onMessageBegin(http_parser *parser)
{
    Connection *c = self(parser);
    c->m_inMessage = true;
    c->m_request = HttpRequest{};
    c->m_request.peer = c->m_socket->peerAddress();
    c->m_request.peerPort = c->m_socket->peerPort();
    c->m_request.secure = c->m_secure;
    c->m_request.connectionId = c->m_id;
    c->m_url.clear();
    c->m_headerBytes = 0;
    c->m_lastWasValue = false;
    c->armTimer();
    return 0;
}

int Connection::onUrl(http_parser *parser, const char *at, size_t length)
{
    Connection *c = self(parser);
    c->m_headerBytes += qint64(length);
    if (c->m_headerBytes > c->m_limits.maxHeaderBytes) {
        c->m_failStatus = 431;
        return 1;
    }
    c->m_url.append(at, qsizetype(length));
    return 0;
}

int Connection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    Connection *c = self(parser);
    c->m_headerBytes += qint64(length);
    if (c->m_headerBytes > c->m_limits.maxHeaderBytes) {
        c->m_failStatus = 431;
        return 1;
    }
    if (c->m_lastWasValue || c->m_request.headers.isEmpty())
        c->m_request.headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    else
        c->m_request.headers.last().first.append(at, qsizetype(length));
    c->m_lastWasValue = false;
    return 0;
}

int Connection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    Connection *c = self(parser);
    c->m_headerBytes += qint64(length);
    if (c->m_headerBytes > c->m_limits.maxHeaderBytes) {
        c->m_failStatus = 431;
        return 1;
    }
    if (!c->m_request.headers.isEmpty())
        c->m_request.headers.last().second.append(at, qsizetype(length));
    c->m_lastWasValue = true;
    return 0;
}

int Connection::onHeadersComplete(http_parser *parser)
{
    Connection *c = self(parser);
    // Content-Length is known now: refuse a body that is too large before reading it.
    if (parser->content_length != ULLONG_MAX && parser->content_length > quint64(c->m_limits.maxBodyBytes)) {
        c->m_failStatus = 413;
        return -1;
    }
    if (c->m_queue.size() >= size_t(c->m_limits.maxPipelined)) {
        c->m_failStatus = 503;
        return -1;
    }
    c->m_request.method = http_method_str(http_method(parser->method));
    const qsizetype question = c->m_url.indexOf('?');
    c->m_request.rawPath = question < 0 ? c->m_url : c->m_url.left(question);
    c->m_request.rawQuery = question < 0 ? QByteArray() : c->m_url.mid(question + 1);
    if (c->m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        c->m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return 0;
}

int Connection::onBody(http_parser *parser, const char *at, size_t length)
{
    Connection *c = self(parser);
    if (c->m_request.body.size() + qint64(length) > c->m_limits.maxBodyBytes) {
        c->m_failStatus = 413;
        return 1;
    }
    c->m_request.body.append(at, qsizetype(length));
    return 0;
}

int Connection::onMessageComplete(http_parser *parser)
{
    Connection *c = self(parser);
    c->m_inMessage = false;
    auto state = std::make_shared<Responder::State>();
    state->connection = c;
    state->method = c->m_request.method;
    state->path = c->m_request.rawPath;
    state->keepAlive = http_should_keep_alive(parser) != 0;
    state->clock.start();
    c->m_queue.push_back(state);
    c->armTimer();
    const HttpRequest request = std::move(c->m_request);
    c->m_handler(request, Responder(state));
    // A connection that will close after this answer reads nothing more.
    if (!state->keepAlive) {
        c->m_stopReading = true;
        return 1;
    }
    return 0;
}

void Connection::flush()
{
    while (!m_writing && !m_queue.empty() && m_queue.front()->response) {
        startResponse(*m_queue.front());
        if (m_writing)
            return; // streaming: onBytesWritten continues
        finishResponse();
    }
}

void Connection::startResponse(Responder::State &state)
{
    HttpResponse &response = *state.response;
    const bool head = state.method == "HEAD";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : std::as_const(response.headers))
        out += name + ": " + value + "\r\n";
    out += "Date: " + httpDate() + "\r\nServer: Trellis\r\n";
    out += state.keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    m_chunked = false;
    m_body.reset();
    if (response.bodyDevice) {
        if (response.bodyDeviceSize >= 0) {
            out += "Content-Length: " + QByteArray::number(response.bodyDeviceSize) + "\r\n";
        } else {
            out += "Transfer-Encoding: chunked\r\n";
            m_chunked = true;
        }
        if (!head)
            m_body = response.bodyDevice;
    } else if (response.status != 204 && response.status >= 200) {
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    out += "\r\n";
    if (!head && !response.bodyDevice)
        out += response.body;
    m_socket->write(out);
    m_closeAfterWrite = !state.keepAlive;
    Q_EMIT m_server->requestServed(state.method, state.path, response.status, state.clock.nsecsElapsed() / 1000, m_id);
    if (m_body)
        m_writing = streamBody();
}

bool Connection::streamBody()
{
    // Returns whether more remains to be written.
    while (m_socket->bytesToWrite() < kHighWater) {
        const QByteArray chunk = m_body->read(kChunkBytes);
        if (chunk.isEmpty()) {
            if (m_chunked)
                m_socket->write("0\r\n\r\n");
            m_body->close();
            m_body.reset();
            return false;
        }
        if (m_chunked)
            m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        else
            m_socket->write(chunk);
    }
    return true;
}

void Connection::onBytesWritten()
{
    if (!m_writing)
        return;
    m_writing = streamBody();
    if (!m_writing) {
        finishResponse();
        flush();
    }
}

void Connection::finishResponse()
{
    m_queue.pop_front();
    if (m_closeAfterWrite) {
        close();
        return;
    }
    armTimer();
}

} // namespace trellis::http
