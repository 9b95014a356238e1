#include "core/http/Connection.h"

#include "core/http/HttpDate.h"
#include "core/http/ReasonPhrase.h"

#include <QLoggingCategory>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcHttp, "trellis.http")

namespace trellis::http {

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024;   // bytes queued in the socket before we wait
constexpr qint64 kReadBuffer = 1024 * 1024; // beyond this, TCP flow control holds the client

/// The headers the server frames itself; a handler's own copies are dropped.
bool isFramingHeader(const QByteArray &name)
{
    for (const char *own :
         {"Content-Length", "Transfer-Encoding", "Connection", "Date", "Server"}) {
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSafeHeader(const QByteArray &name, const QByteArray &value)
{
    // A CR or LF from a handler would let it (or whoever fed it) inject headers.
    return !name.isEmpty() && !name.contains(':') && !name.contains('\r') && !name.contains('\n') &&
           !value.contains('\r') && !value.contains('\n');
}

HttpResponse errorResponse(int status)
{
    const QByteArray errcode = status == 413 ? "M_TOO_LARGE" : "M_UNKNOWN";
    return HttpResponse::json(status, R"({"errcode":")" + errcode + R"(","error":")" +
                                          reasonPhrase(status) + "\"}");
}

} // namespace

Connection::Connection(QTcpSocket *socket, quint64 id, HttpServer *server,
                       const HttpServer::Handler &handler, const HttpLimits &limits, bool secure)
    : QObject(server), m_socket(socket), m_id(id), m_server(server), m_handler(handler),
      m_limits(limits), m_secure(secure), m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                qCDebug(lcHttp) << "connection" << m_id << "socket error" << error
                                << m_socket->errorString();
                // A failed TLS handshake leaves a socket that can never carry HTTP.
                if (error == QAbstractSocket::SslHandshakeFailedError)
                    m_socket->abort();
                if (m_socket->state() != QAbstractSocket::ConnectedState)
                    onDisconnected();
            });
    // A TLS client gets the request deadline for its handshake: a socket that never starts
    // one must not hold a connection slot for a whole idle period.
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket); tls && !tls->isEncrypted()) {
        m_handshaking = true;
        connect(tls, &QSslSocket::encrypted, this, [this] {
            m_handshaking = false;
            m_timerMode = TimerMode::None;
            updateTimer();
        });
    }
    updateTimer();
    if (m_socket->bytesAvailable() > 0)
        resumeReading();
}

Connection::~Connection()
{
    abandonAll();
}

bool Connection::isOpen() const
{
    return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Connection::abandonAll()
{
    // Whoever still waits to answer learns that nobody is listening any more. Callbacks run
    // on a local copy: one may well send (dropped) or close the server.
    const auto queue = std::exchange(m_queue, {});
    for (const auto &state : queue) {
        state->connection = nullptr;
        if (state->sent || state->abandoned)
            continue;
        state->abandoned = true;
        if (auto callback = std::exchange(state->onAbandoned, nullptr))
            callback();
    }
}

void Connection::onDisconnected()
{
    m_closing = true;
    m_timer.stop();
    // A streamed answer can go no further; the queue it belongs to is about to be emptied.
    m_writing = false;
    if (m_body) {
        m_body->close();
        m_body.reset();
    }
    abandonAll();
    deleteLater();
}

void Connection::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->disconnectFromHost(); // writes what is buffered first
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        onDisconnected();
        return;
    }
    // A client that never reads the rest would keep the socket closing forever.
    m_timerMode = TimerMode::Write;
    m_timer.start(m_limits.idleTimeoutMs);
}

void Connection::abort()
{
    m_closing = true;
    m_socket->abort();
    onDisconnected();
}

void Connection::updateTimer()
{
    // A request must arrive in time from its first byte (slow senders are not rewarded for
    // trickling); an idle connection lives only so long; a reader that stops draining our
    // answer is dropped. Waiting on our own handlers has no limit here.
    if (m_closing)
        return; // close() set its own deadline
    TimerMode mode = TimerMode::None;
    if (m_handshaking)
        mode = TimerMode::Handshake;
    else if (m_writing)
        mode = TimerMode::Write;
    else if (m_parser.inMessage() && !m_stopReading)
        mode = TimerMode::Request;
    else if (m_queue.empty())
        mode = TimerMode::Idle;
    if (mode == m_timerMode && (mode == TimerMode::None || m_timer.isActive()))
        return;
    m_timerMode = mode;
    switch (mode) {
    case TimerMode::None:
        m_timer.stop();
        break;
    case TimerMode::Handshake:
    case TimerMode::Request:
        m_timer.start(m_limits.headerTimeoutMs);
        break;
    case TimerMode::Idle:
    case TimerMode::Write:
        m_timer.start(m_limits.idleTimeoutMs);
        break;
    }
}

void Connection::onTimeout()
{
    switch (m_timerMode) {
    case TimerMode::Handshake:
        qCDebug(lcHttp) << "connection" << m_id << "TLS handshake not completed in time";
        abort();
        break;
    case TimerMode::Request:
        qCDebug(lcHttp) << "connection" << m_id << "request not received in time";
        fail(408);
        break;
    case TimerMode::Write:
        qCDebug(lcHttp) << "connection" << m_id << "client stopped reading";
        abort();
        break;
    case TimerMode::Idle:
        close();
        break;
    case TimerMode::None:
        break;
    }
}

void Connection::onReadyRead()
{
    if (m_closing || m_stopReading) {
        m_socket->readAll(); // drain, so that closing does not reset the connection
        return;
    }
    // Past the pipelining limit the bytes stay in the socket: TCP holds the client back.
    if (m_queue.size() >= size_t(m_limits.maxPipelined))
        return;
    m_unparsed += m_socket->readAll();
    parseBuffered();
}

void Connection::parseBuffered()
{
    while (!m_unparsed.isEmpty() && !m_closing && !m_stopReading &&
           m_queue.size() < size_t(m_limits.maxPipelined)) {
        const qsizetype used = m_parser.feed(m_unparsed);
        m_unparsed.remove(0, used);
        if (m_parser.failStatus()) {
            fail(m_parser.failStatus());
            return;
        }
        std::optional<ParsedRequest> parsed = m_parser.takeRequest();
        if (!parsed)
            break;
        dispatch(std::move(*parsed));
    }
    if (m_parser.takeContinueWanted())
        m_continuePending = true;
    sendContinueIfDue();
    updateTimer();
}

void Connection::dispatch(ParsedRequest parsed)
{
    auto state = std::make_shared<Responder::State>();
    state->connection = this;
    state->method = parsed.request.method;
    state->path = parsed.request.rawPath;
    state->keepAlive = parsed.keepAlive;
    state->http10 = parsed.http10;
    state->clock.start();
    m_queue.push_back(state);
    m_continuePending = false;
    m_timerMode = TimerMode::None; // the next request gets its own full time
    if (!parsed.keepAlive)
        m_stopReading = true; // nothing after a request that asked to close is read

    HttpRequest &request = parsed.request;
    request.peer = m_socket->peerAddress();
    request.peerPort = m_socket->peerPort();
    request.secure = m_secure;
    request.connectionId = m_id;
    m_handler(request, Responder(state));
}

void Connection::fail(int status)
{
    qCDebug(lcHttp) << "connection" << m_id << "refused with" << status;
    // The stream cannot be trusted past this point: answer in turn, after what came before,
    // then close.
    m_stopReading = true;
    m_unparsed.clear();
    auto state = std::make_shared<Responder::State>();
    state->connection = this;
    state->keepAlive = false;
    state->sent = true;
    state->response = errorResponse(status);
    state->clock.start();
    m_queue.push_back(std::move(state));
    updateTimer();
    flush();
}

void Connection::sendContinueIfDue()
{
    // RFC 9110 section 10.1.1: the client waits for this before sending the body. It may only
    // go out once every earlier answer has, or it would be taken for one of them.
    if (!m_continuePending || !m_queue.empty() || m_writing || m_closing || m_stopReading)
        return;
    m_continuePending = false;
    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void Connection::resumeReading()
{
    // Queued, never nested: flush() can run inside a handler that parseBuffered() called.
    if (m_resumeQueued)
        return;
    m_resumeQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resumeQueued = false;
            if (!m_unparsed.isEmpty())
                parseBuffered();
            if (m_socket->bytesAvailable() > 0)
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void Connection::flush()
{
    if (m_flushing)
        return; // the outer loop sees the new answer
    m_flushing = true;
    while (!m_closing && !m_writing && !m_queue.empty() && m_queue.front()->response) {
        startResponse(*m_queue.front());
        if (m_writing)
            break; // streaming: onBytesWritten continues
        finishResponse();
    }
    m_flushing = false;
    sendContinueIfDue();
    updateTimer();
}

void Connection::onBytesWritten()
{
    if (!m_writing || m_closing)
        return;
    m_timerMode = TimerMode::None; // the reader is draining: restart the write timer
    if (!streamBody()) {
        m_writing = false;
        finishResponse();
        flush();
    }
    updateTimer();
}

void Connection::startResponse(Responder::State &state)
{
    HttpResponse &response = *state.response;
    if (response.bodyDevice && !response.bodyDevice->isOpen() &&
        !response.bodyDevice->open(QIODevice::ReadOnly)) {
        qCWarning(lcHttp) << "cannot open the body of a response to" << state.path;
        response = errorResponse(500);
    }
    const bool head = state.method == "HEAD";
    m_status = response.status < 200 || response.status > 999 ? 500 : response.status;
    m_body.reset();
    m_chunked = false;
    m_bodyRemaining = -1;
    m_socket->write(responseHead(state, response, head));
    m_closeAfterWrite = !state.keepAlive;
    const bool bodyless = head || m_status == 204 || m_status == 304;
    if (response.bodyDevice && !bodyless) {
        m_body = std::move(response.bodyDevice);
        m_writing = streamBody();
    } else if (response.bodyDevice) {
        response.bodyDevice->close();
        response.bodyDevice.reset();
    }
}

QByteArray Connection::responseHead(Responder::State &state, const HttpResponse &response,
                                    bool head)
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (isFramingHeader(name)) {
            if (name.compare("Connection", Qt::CaseInsensitive) == 0 &&
                value.toLower().contains("close"))
                state.keepAlive = false;
            continue;
        }
        if (!isSafeHeader(name, value)) {
            qCWarning(lcHttp) << "dropped an unsafe response header" << name;
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    const bool bodyless = m_status == 204 || m_status == 304;
    if (bodyless) {
        // RFC 9110 sections 15.3.5 and 15.4.5: no content, no length.
    } else if (!response.bodyDevice) {
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    } else if (response.bodyDeviceSize >= 0) {
        out += "Content-Length: " + QByteArray::number(response.bodyDeviceSize) + "\r\n";
        m_bodyRemaining = response.bodyDeviceSize;
    } else if (state.http10) {
        state.keepAlive = false; // HTTP/1.0 knows no chunks: the body ends when we close
    } else {
        out += "Transfer-Encoding: chunked\r\n";
        m_chunked = true;
    }
    out += "Date: " + httpDate() + "\r\nServer: Trellis\r\n";
    out += state.keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!head && !bodyless && !response.bodyDevice)
        out += response.body;
    return out;
}

bool Connection::streamBody()
{
    // Returns whether more remains to be written; reads at most a few chunks ahead of the
    // socket, so a large file never sits in memory whole.
    while (m_socket->bytesToWrite() < kHighWater) {
        const qint64 want =
            m_bodyRemaining < 0 ? kChunkBytes : std::min(kChunkBytes, m_bodyRemaining);
        const QByteArray chunk = want > 0 ? m_body->read(want) : QByteArray();
        if (chunk.isEmpty()) {
            if (m_bodyRemaining > 0) {
                // The device was shorter than the length we announced: the client can only
                // learn that the answer is broken from the connection closing.
                qCWarning(lcHttp) << "response body ended" << m_bodyRemaining << "bytes early";
                m_closeAfterWrite = true;
            }
            if (m_chunked)
                m_socket->write("0\r\n\r\n");
            m_body->close();
            m_body.reset();
            return false;
        }
        if (m_bodyRemaining > 0)
            m_bodyRemaining -= chunk.size();
        if (m_chunked)
            m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        else
            m_socket->write(chunk);
    }
    return true;
}

void Connection::finishResponse()
{
    if (m_queue.empty())
        return; // abandoned meanwhile (the client left or the server closed)
    const std::shared_ptr<Responder::State> state = m_queue.front();
    m_queue.pop_front();
    state->response
        .reset(); // a handler may keep its Responder long after; the body need not live on
    Q_EMIT m_server->requestServed(state->method, state->path, m_status,
                                   state->clock.nsecsElapsed() / 1000, m_id);
    if (m_closeAfterWrite) {
        close();
        return;
    }
    // Below the pipelining limit again: read on where we stopped.
    if (!m_stopReading && (!m_unparsed.isEmpty() || m_socket->bytesAvailable() > 0))
        resumeReading();
}

} // namespace trellis::http
