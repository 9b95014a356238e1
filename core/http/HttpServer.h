#pragma once
#include "core/base/Result.h"
#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"

#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>

namespace trellis::http {

class Connection;

/// Where a handler sends its answer: now or later (a long-polling /sync answers seconds
/// later). Copyable; it holds its connection weakly, so a reply to a closed connection is
/// dropped. Exactly one reply per request counts; later ones are ignored. Answers go out in
/// request order even when a pipelining client's later request is answered first.
class Responder
{
public:
    Responder() = default;
    void send(HttpResponse response) const;
    /// False once the client has gone away (or the reply was sent).
    bool isOpen() const;
    /// Called once if the connection closes before the reply is sent (on the server's
    /// thread), so a waiting handler can stop waiting. Replaces an earlier callback.
    void onAbandoned(std::function<void()> callback) const;

private:
    friend class Connection;
    struct State;
    explicit Responder(std::shared_ptr<State> state) : m_state(std::move(state)) {}
    std::shared_ptr<State> m_state;
};

/// Limits against hostile clients; breaking one answers 400/408/413/431 and closes (after the
/// answers to earlier pipelined requests, which keep their order).
struct HttpLimits
{
    int maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 64 * 1024 * 1024; ///< media uploads are the largest bodies
    int maxConnections = 512;     ///< more are answered 503 (plain) or dropped (TLS)
    int headerTimeoutMs = 10'000; ///< to receive a request's headers and body
    int idleTimeoutMs = 75'000;   ///< keep-alive connection with nothing in flight; also how
                                  ///< long a client may stop reading a streamed answer
    int maxPipelined = 32;        ///< requests waiting on one connection; past it, reading pauses
};

/// An HTTP/1.1 server (plain or TLS) on the calling thread's event loop: keep-alive,
/// pipelining, chunked request bodies, `Expect: 100-continue`. Parsing by libhttp-parser.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, Responder)>;

    explicit HttpServer(Handler handler, HttpLimits limits = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Starts listening; port 0 picks a free one (see serverPort()). With a TLS configuration
    /// (certificate + private key), every connection must complete a TLS handshake first.
    Result<void> listen(const QHostAddress &address, quint16 port,
                        const std::optional<QSslConfiguration> &tls = std::nullopt);
    quint16 serverPort() const;
    /// Stops accepting and closes every connection (pending replies are dropped).
    void close();
    int connectionCount() const;

Q_SIGNALS:
    /// After each reply is written: for the request log and the dashboard.
    void requestServed(const QByteArray &method, const QByteArray &path, int status,
                       qint64 elapsedMicros, quint64 connectionId);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace trellis::http
