#pragma once
// A test client that writes exact bytes and reads whole HTTP/1.1 responses, spinning the
// event loop (the server under test runs on the same thread).
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QSignalSpy>
#include <QTcpSocket>

#include <optional>

namespace trellis::http::test {

struct RawReply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
};

class RawHttpClient
{
public:
    explicit RawHttpClient(QTcpSocket *socket) : m_socket(socket) {}
    RawHttpClient() : m_owned(std::make_unique<QTcpSocket>()), m_socket(m_owned.get()) {}

    QTcpSocket *socket() const { return m_socket; }

    bool connectTo(quint16 port)
    {
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        QSignalSpy connected(m_socket, &QAbstractSocket::connected);
        return m_socket->state() == QAbstractSocket::ConnectedState || connected.wait(5000);
    }

    void write(const QByteArray &bytes) { m_socket->write(bytes); }

    /// The next response, or nothing if the connection closed (or stalled) first. `head`:
    /// the request was HEAD, so no body follows whatever the headers say.
    std::optional<RawReply> next(bool head = false, int timeoutMs = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        while (true) {
            m_buffer += m_socket->readAll();
            bool complete = false;
            std::optional<RawReply> reply = parse(head, complete);
            if (complete)
                return reply;
            if (m_socket->state() != QAbstractSocket::ConnectedState &&
                m_socket->bytesAvailable() == 0) {
                if (reply && !reply->status)
                    return std::nullopt;
                // A body delimited by the close.
                return closeDelimited(head);
            }
            if (clock.elapsed() > timeoutMs)
                return std::nullopt;
            QSignalSpy readyRead(m_socket, &QIODevice::readyRead);
            if (m_socket->bytesAvailable() == 0 &&
                m_socket->state() == QAbstractSocket::ConnectedState)
                readyRead.wait(100);
        }
    }

    /// Waits until the server closed the connection.
    bool waitClosed(int timeoutMs = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket->state() == QAbstractSocket::ConnectedState &&
               clock.elapsed() < timeoutMs) {
            QSignalSpy disconnected(m_socket, &QAbstractSocket::disconnected);
            m_buffer += m_socket->readAll();
            disconnected.wait(100);
        }
        return m_socket->state() != QAbstractSocket::ConnectedState;
    }

    QByteArray unread() const { return m_buffer + m_socket->peek(m_socket->bytesAvailable()); }

private:
    std::optional<RawReply> closeDelimited(bool head)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawReply reply = parseHead(m_buffer.left(end));
        if (!head)
            reply.body = m_buffer.mid(end + 4);
        m_buffer.clear();
        return reply;
    }

    static RawReply parseHead(const QByteArray &head)
    {
        RawReply reply;
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        reply.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        return reply;
    }

    /// `complete` is set when a whole response was taken off the buffer.
    std::optional<RawReply> parse(bool head, bool &complete)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawReply reply = parseHead(m_buffer.left(end));
        qsizetype pos = end + 4;
        const bool bodyless =
            head || reply.status < 200 || reply.status == 204 || reply.status == 304;
        if (!bodyless && reply.header("Transfer-Encoding").toLower() == "chunked") {
            while (true) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return reply;
                bool ok = false;
                const qsizetype size = m_buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
                if (!ok)
                    return reply;
                if (m_buffer.size() < lineEnd + 2 + size + 2)
                    return reply;
                reply.body += m_buffer.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
                if (size == 0)
                    break;
            }
        } else if (!bodyless && reply.hasHeader("Content-Length")) {
            const qsizetype length = reply.header("Content-Length").toLongLong();
            if (m_buffer.size() < pos + length)
                return reply;
            reply.body = m_buffer.mid(pos, length);
            pos += length;
        } else if (!bodyless) {
            return reply; // until the close
        }
        m_buffer.remove(0, pos);
        complete = true;
        return reply;
    }

    std::unique_ptr<QTcpSocket> m_owned;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
};

} // namespace trellis::http::test
