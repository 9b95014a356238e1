#pragma once
#include "core/http/HttpServer.h"
#include "core/http/ResponderState.h"

#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <http_parser.h>

namespace trellis::http {

/// One client connection: parses requests with libhttp-parser, hands each to the handler,
/// and writes the answers back strictly in request order (HTTP/1.1 pipelining), streaming
/// large bodies as the socket drains. Deletes itself when the socket closes.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(QTcpSocket *socket, quint64 id, HttpServer *server, const HttpServer::Handler &handler,
               const HttpLimits &limits, bool secure);
    ~Connection() override;

    /// A handler answered: write whatever answers are ready at the head of the queue.
    void flush();
    bool isOpen() const { return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState; }
    void close();

private:
    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void fail(int status, const char *why);
    void startResponse(Responder::State &state);
    bool streamBody();
    void finishResponse();
    void armTimer();

    // http_parser callbacks
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    QTcpSocket *m_socket;
    quint64 m_id;
    HttpServer *m_server;
    const HttpServer::Handler &m_handler;
    HttpLimits m_limits;
    bool m_secure;
    http_parser m_parser;
    http_parser_settings m_settings;
    QTimer m_timer;

    HttpRequest m_request;      ///< the request being parsed
    QByteArray m_url;
    bool m_inMessage = false;
    bool m_lastWasValue = false;
    qint64 m_headerBytes = 0;
    int m_failStatus = 0;       ///< a limit broken inside a parser callback

    std::deque<std::shared_ptr<Responder::State>> m_queue;
    bool m_writing = false;     ///< a response is being streamed
    std::shared_ptr<QIODevice> m_body;
    bool m_chunked = false;
    bool m_closeAfterWrite = false;
    bool m_closing = false;
    bool m_stopReading = false; ///< the last request asked to close: read no further
};

} // namespace trellis::http
