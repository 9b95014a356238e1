#pragma once
#include "core/http/HttpServer.h"
#include "core/http/RequestParser.h"
#include "core/http/ResponderState.h"

#include <QTcpSocket>
#include <QTimer>

#include <deque>

namespace trellis::http {

/// One client connection: parses requests, hands each to the handler, and writes the answers
/// back strictly in request order (HTTP/1.1 pipelining, RFC 9112 section 9.3.2), streaming
/// large bodies as the socket drains. Deletes itself (later) when the socket closes; Responder
/// copies that outlive it see a null QPointer and drop their answer.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(QTcpSocket *socket, quint64 id, HttpServer *server,
               const HttpServer::Handler &handler, const HttpLimits &limits, bool secure);
    ~Connection() override;

    /// A handler answered: write whatever answers are ready at the head of the queue.
    void flush();
    bool isOpen() const;
    /// Closes once everything written so far has gone out.
    void close();
    /// Server shutdown: drops pending answers and the socket at once.
    void abort();

private:
    enum class TimerMode { None, Handshake, Request, Idle, Write };

    void onReadyRead();
    void parseBuffered();
    void dispatch(ParsedRequest parsed);
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void updateTimer();
    void fail(int status);
    void sendContinueIfDue();
    void resumeReading();
    void abandonAll();

    void startResponse(Responder::State &state);
    QByteArray responseHead(Responder::State &state, const HttpResponse &response, bool head);
    bool streamBody();
    void finishResponse();

    QTcpSocket *m_socket;
    quint64 m_id;
    HttpServer *m_server;
    const HttpServer::Handler &m_handler;
    HttpLimits m_limits;
    bool m_secure;
    bool m_handshaking = false; ///< TLS: not encrypted yet, nothing to read
    RequestParser m_parser;
    QByteArray m_unparsed; ///< read but not parsed: the pipelining limit was reached
    QTimer m_timer;
    TimerMode m_timerMode = TimerMode::None;

    std::deque<std::shared_ptr<Responder::State>> m_queue;
    bool m_continuePending = false;
    bool m_flushing = false;
    bool m_resumeQueued = false;

    // The answer being streamed (bodyDevice), if any.
    bool m_writing = false;
    std::shared_ptr<QIODevice> m_body;
    qint64 m_bodyRemaining = -1; ///< bytes still owed under Content-Length, or -1
    bool m_chunked = false;
    int m_status = 0;

    bool m_closeAfterWrite = false;
    bool m_closing = false;
    bool m_stopReading = false; ///< a request asked to close, or the stream broke
};

} // namespace trellis::http
