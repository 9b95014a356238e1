#include "core/http/HttpServer.h"

#include "core/http/Connection.h"

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
        QObject::connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &) { socket->abort(); });
        socket->startServerEncryption();
        addPendingConnection(socket);
    }

private:
    QSslConfiguration m_configuration;
};

} // namespace

class HttpServer::Private
{
public:
    Handler handler;
    HttpLimits limits;
    QList<QTcpServer *> listeners;
    quint64 nextConnectionId = 1;
    quint16 lastPort = 0;
};

HttpServer::HttpServer(Handler handler, HttpLimits limits, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->handler = std::move(handler);
    d->limits = limits;
}

HttpServer::~HttpServer() { close(); }

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *listener = tls ? new TlsListener(*tls, this) : new QTcpServer(this);
    if (!listener->listen(address, port)) {
        const QString why = listener->errorString();
        delete listener;
        return Error::io(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port), why);
    }
    const bool secure = tls.has_value();
    connect(listener, &QTcpServer::pendingConnectionAvailable, this, [this, listener, secure] {
        while (QTcpSocket *socket = listener->nextPendingConnection()) {
            if (connectionCount() >= d->limits.maxConnections) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            new Connection(socket, d->nextConnectionId++, this, d->handler, d->limits, secure);
        }
    });
    d->listeners.append(listener);
    d->lastPort = listener->serverPort();
    return {};
}

quint16 HttpServer::serverPort() const { return d->lastPort; }

void HttpServer::close()
{
    for (QTcpServer *listener : std::as_const(d->listeners)) {
        listener->close();
        delete listener;
    }
    d->listeners.clear();
    const QList<Connection *> connections = findChildren<Connection *>(Qt::FindDirectChildrenOnly);
    for (Connection *connection : connections)
        delete connection;
}

int HttpServer::connectionCount() const
{
    return int(findChildren<Connection *>(Qt::FindDirectChildrenOnly).size());
}

} // namespace trellis::http
