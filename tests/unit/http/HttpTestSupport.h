#pragma once
// What the HTTP server's tests share: request builders, a recording server, an echo handler,
// a generated body.
#include "core/http/HttpServer.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <functional>

namespace trellis::http::test {


/// A literal with embedded NULs, without its terminator.
template <qsizetype N> inline QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

inline QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

inline HttpResponse text(const QByteArray &body)
{
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain");
    response.body = body;
    return response;
}

/// A server whose handler the test sets, recording every request it sees.
struct Fixture
{
    explicit Fixture(HttpLimits limits = {})
        : server(
              [this](const HttpRequest &request, Responder responder) {
                  requests.append(request);
                  responders.append(responder);
                  if (handler)
                      handler(request, responder);
              },
              limits)
    {
        const Result<void> listening = server.listen(QHostAddress::LocalHost, 0);
        if (!listening)
            qFatal("cannot listen");
    }

    HttpServer server;
    std::function<void(const HttpRequest &, Responder)> handler;
    QList<HttpRequest> requests;
    QList<Responder> responders;
};

/// Answers every request with its method and path.
inline void echo(const HttpRequest &request, Responder responder)
{
    responder.send(text(request.method + ' ' + request.rawPath + ' ' + request.body));
}

/// A large body made on the fly, recording how far the server has read it.
class PatternDevice : public QIODevice
{
public:
    explicit PatternDevice(qint64 size) : m_size(size) {}
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_size - pos());
        for (qint64 i = 0; i < n; ++i)
            data[i] = char('a' + (pos() + i) % 26);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
};

} // namespace trellis::http::test
