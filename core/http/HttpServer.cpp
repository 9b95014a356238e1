#include "core/http/HttpServer.h"

#include "core/http/Connection.h"

#include <QLoggingCategory>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace trellis::http {

namespace {

/// A listener that wraps each accepted socket in TLS before anyone reads from it.
class TlsListener final : public QTcpServer
{
public:
    TlsListener(QSslConfiguration configuration, QObject *parent)
        : QTcpServer(parent), m_configuration(std::move(configuration))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_configuration);
        // A client that cannot complete the handshake is simply dropped.
        QObject::connect(socket, &QSslSocket::sslErrors, socket,
                         [socket](const QList<QSslError> &) { socket->abort(); });
        socket->startServerEncryption();
        addPendingConnection(socket);
    }

private:
    QSslConfiguration m_configuration;
};

/// Over the connection limit: a plain-text client is told so before the socket closes; a TLS
/// client has not finished its handshake, so it can only be dropped.
void refuse(QTcpSocket *socket, bool secure)
{
    if (secure) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n"
                  "Retry-After: 1\r\n\r\n");
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

} // namespace

class HttpServer::Private
{
public:
    Handler handler;
    HttpLimits limits;
    QList<QTcpServer *> listeners;
    quint64 nextConnectionId = 1;
    quint16 lastPort = 0;
    int connections = 0; ///< live Connection objects, including those about to be deleted
};

HttpServer::HttpServer(Handler handler, HttpLimits limits, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->handler = std::move(handler);
    d->limits = limits;
}

HttpServer::~HttpServer()
{
    close();
    // Connections refer to d: they go now, not when QObject deletes its children.
    qDeleteAll(findChildren<Connection *>(Qt::FindDirectChildrenOnly));
}

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port,
                                const std::optional<QSslConfiguration> &tls)
{
    if (tls && (tls->localCertificate().isNull() || tls->privateKey().isNull()))
        return Error::invalidParam(
            QStringLiteral("a TLS listener needs a certificate and its private key"));
    QTcpServer *listener = tls ? new TlsListener(*tls, this) : new QTcpServer(this);
    if (!listener->listen(address, port)) {
        const QString why = listener->errorString();
        delete listener;
        return Error::io(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port),
                         why);
    }
    const bool secure = tls.has_value();
    connect(listener, &QTcpServer::pendingConnectionAvailable, this, [this, listener, secure] {
        while (QTcpSocket *socket = listener->nextPendingConnection()) {
            if (d->connections >= d->limits.maxConnections) {
                refuse(socket, secure);
                continue;
            }
            auto *connection =
                new Connection(socket, d->nextConnectionId++, this, d->handler, d->limits, secure);
            ++d->connections;
            connect(connection, &QObject::destroyed, this, [this] { --d->connections; });
        }
    });
    d->listeners.append(listener);
    d->lastPort = listener->serverPort();
    return {};
}

quint16 HttpServer::serverPort() const
{
    return d->lastPort;
}

void HttpServer::close()
{
    for (QTcpServer *listener : std::as_const(d->listeners)) {
        listener->close();
        listener->deleteLater(); // close() may run inside one of its signals
    }
    d->listeners.clear();
    // Deferred deletion: close() may be called from inside a handler of one of these.
    const QList<Connection *> connections = findChildren<Connection *>(Qt::FindDirectChildrenOnly);
    for (Connection *connection : connections)
        connection->abort();
}

int HttpServer::connectionCount() const
{
    return d->connections;
}

} // namespace trellis::http
