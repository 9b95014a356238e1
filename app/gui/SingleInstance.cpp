#include "app/gui/SingleInstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QThread>

namespace trellis::app {

namespace {
constexpr int kTimeoutMs = 3000;

/// A socket name per user and data directory, short enough for every platform's limit.
QString socketNameFor(const QString &dataDirectory)
{
    const QByteArray key = (qEnvironmentVariable("USER") + u'\n' + QDir(dataDirectory).absolutePath()).toUtf8();
    return QStringLiteral("trellis-") + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}
} // namespace

SingleInstance::SingleInstance(const QString &dataDirectory, QObject *parent)
    : QObject(parent), m_socketName(socketNameFor(dataDirectory)),
      m_lock(QDir(dataDirectory).filePath(QStringLiteral("trellis-window.lock")))
{
    m_lock.setStaleLockTime(0); // only a dead owner's lock is stale, however old
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::claim(const QStringList &files)
{
    QDir().mkpath(QFileInfo(m_lock.fileName()).absolutePath());
    if (!m_lock.tryLock(0)) {
        if (m_lock.error() != QLockFile::LockFailedError) {
            m_error = QStringLiteral("cannot create the lock file %1").arg(m_lock.fileName());
            return false;
        }
        // The lock's owner may still be starting: give it a moment to listen.
        for (int attempt = 0; attempt < 10; ++attempt) {
            if (forward(files))
                return false;
            QThread::msleep(100);
        }
        m_error = QStringLiteral("another Trellis holds %1 but does not answer").arg(m_lock.fileName());
        return false;
    }
    // The lock is ours: a socket left by a crashed instance can go.
    QLocalServer::removeServer(m_socketName);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketName)) {
        m_error = m_server->errorString();
        return true; // still the first: the window works, later starts just cannot reach it
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::receive);
    return true;
}

bool SingleInstance::forward(const QStringList &files)
{
    QLocalSocket socket;
    socket.connectToServer(m_socketName);
    if (!socket.waitForConnected(kTimeoutMs))
        return false;
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out << files;
    socket.write(message);
    if (!socket.waitForBytesWritten(kTimeoutMs))
        return false;
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::receive()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // The message is read whole once the sender hangs up (it is a few paths at most).
        connect(socket, &QLocalSocket::readChannelFinished, this, [this, socket] {
            QStringList files;
            QDataStream stream(socket->readAll());
            stream >> files;
            Q_EMIT activated(stream.status() == QDataStream::Ok ? files : QStringList());
        });
    }
}

} // namespace trellis::app
