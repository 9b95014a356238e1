// The HTTP/1.1 server against raw sockets: exact bytes in, whole responses out. Keep-alive,
// pipelining answered in order, chunked bodies, 100-continue, limits (413, 431, 400, 408),
// clients leaving before their answer, streamed bodies, HEAD, query decoding, and TLS.
#include "core/http/HttpServer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace trellis;
using namespace trellis::http;

namespace {

/// Reads whole responses (status line, headers, Content-Length or chunked body) off a socket.
struct ResponseReader
{
    QByteArray buffer;

    /// The next full response's status and body, or status 0 if none came in time.
    std::pair<int, QByteArray> next(QTcpSocket &socket, int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (auto parsed = take())
                return *parsed;
            // The server lives on this thread: let it run while we wait.
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QTest::qSleep(1);
            buffer += socket.readAll();
            if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
                if (auto parsed = take())
                    return *parsed;
                break;
            }
        }
        return {0, {}};
    }

    std::optional<std::pair<int, QByteArray>> take()
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QByteArray head = buffer.left(end);
        const int status = head.mid(9, 3).toInt();
        qsizetype length = 0;
        bool chunked = false;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray lower = line.trimmed().toLower();
            if (lower.startsWith("content-length:"))
                length = lower.mid(15).trimmed().toLongLong();
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
                chunked = true;
        }
        qsizetype at = end + 4;
        if (status == 100) {
            buffer.remove(0, at);
            return std::pair<int, QByteArray>(100, {});
        }
        if (!chunked) {
            if (buffer.size() < at + length)
                return std::nullopt;
            const QByteArray body = buffer.mid(at, length);
            buffer.remove(0, at + length);
            return std::pair<int, QByteArray>(status, body);
        }
        QByteArray body;
        while (true) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", at);
            if (lineEnd < 0)
                return std::nullopt;
            const qsizetype size = buffer.mid(at, lineEnd - at).toLongLong(nullptr, 16);
            if (buffer.size() < lineEnd + 2 + size + 2)
                return std::nullopt;
            body += buffer.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
        }
        buffer.remove(0, at);
        return std::pair<int, QByteArray>(status, body);
    }
};

HttpResponse text(const QByteArray &body)
{
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain");
    response.body = body;
    return response;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    /// A server answering "<METHOD> <path> <body size>" unless a test sets `handler`.
    std::function<void(const HttpRequest &, Responder)> handler;
    std::unique_ptr<HttpServer> server;
    QList<HttpRequest> seen;

    void startServer(HttpLimits limits = {})
    {
        seen.clear();
        server = std::make_unique<HttpServer>([this](const HttpRequest &request, Responder responder) {
            seen.append(request);
            if (handler)
                handler(request, responder);
            else
                responder.send(text(request.method + ' ' + request.rawPath + ' ' + QByteArray::number(request.body.size())));
        }, limits);
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
    }
    void connectTo(QTcpSocket &socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, server->serverPort());
        QVERIFY(socket.waitForConnected(5000));
    }

private Q_SLOTS:
    void cleanup()
    {
        handler = nullptr;
        server.reset();
    }
    void keepAlive();
    void pipelinedAnswersInOrder();
    void chunkedBodyAndContinue();
    void limits_data();
    void limits();
    void slowHeadersTimeOut();
    void abandonedReply();
    void streamedBodies();
    void head();
    void query();
    void tls();
};

void TestHttpServer::keepAlive()
{
    startServer();
    QTcpSocket socket;
    connectTo(socket);
    ResponseReader reader;
    for (int i = 0; i < 3; ++i) {
        socket.write("PUT /a/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        const auto [status, body] = reader.next(socket);
        QCOMPARE(status, 200);
        QCOMPARE(body, "PUT /a/" + QByteArray::number(i) + " 5");
    }
    QCOMPARE(server->connectionCount(), 1);
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen.first().header("host"), QByteArray("x"));
}

void TestHttpServer::pipelinedAnswersInOrder()
{
    // The first request is answered last, after the second; the client must still see the
    // answers in request order.
    QList<Responder> pending;
    startServer();
    handler = [&](const HttpRequest &request, Responder responder) {
        if (request.rawPath == "/slow")
            pending.append(responder);
        else
            responder.send(text("fast"));
    };
    QTcpSocket socket;
    connectTo(socket);
    socket.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(seen.size(), 2);
    ResponseReader reader;
    QCOMPARE(reader.next(socket, 300).first, 0); // nothing yet: the first answer is missing
    pending.first().send(text("slow"));
    QCOMPARE(reader.next(socket).second, QByteArray("slow"));
    QCOMPARE(reader.next(socket).second, QByteArray("fast"));
}

void TestHttpServer::chunkedBodyAndContinue()
{
    startServer();
    QTcpSocket socket;
    connectTo(socket);
    ResponseReader reader;
    socket.write("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    QCOMPARE(reader.next(socket).second, QByteArray("POST /c 11"));
    QCOMPARE(seen.last().body, QByteArray("hello world"));
    socket.write("PUT /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QCOMPARE(reader.next(socket).first, 100);
    socket.write("abc");
    QCOMPARE(reader.next(socket).second, QByteArray("PUT /e 3"));
}

void TestHttpServer::limits_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("body too large") << QByteArray("PUT /x HTTP/1.1\r\nContent-Length: 2000\r\n\r\n") << 413;
    QTest::newRow("chunked too large") << QByteArray("PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" + QByteArray(2000, 'a') + "\r\n0\r\n\r\n") << 413;
    QTest::newRow("headers too large") << QByteArray("GET /x HTTP/1.1\r\nX-Big: " + QByteArray(3000, 'a') + "\r\n\r\n") << 431;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello there\r\n\r\n") << 400;
    QTest::newRow("bad version") << QByteArray("GET /x HTTP/9.9.9\r\n\r\n") << 400;
}

void TestHttpServer::limits()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    limits.maxHeaderBytes = 2000;
    startServer(limits);
    QTcpSocket socket;
    connectTo(socket);
    socket.write(request);
    ResponseReader reader;
    QCOMPARE(reader.next(socket).first, status);
    QVERIFY(seen.isEmpty()); // the handler never saw it
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestHttpServer::slowHeadersTimeOut()
{
    HttpLimits limits;
    limits.headerTimeoutMs = 200;
    startServer(limits);
    QTcpSocket socket;
    connectTo(socket);
    socket.write("GET /x HTTP/1.1\r\nHost: ");
    ResponseReader reader;
    QCOMPARE(reader.next(socket, 3000).first, 408);
    QVERIFY(seen.isEmpty());
}

void TestHttpServer::abandonedReply()
{
    std::optional<Responder> kept;
    bool abandoned = false;
    startServer();
    handler = [&](const HttpRequest &, Responder responder) {
        responder.onAbandoned([&] { abandoned = true; });
        kept = responder;
    };
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /sync HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(kept.has_value());
        QVERIFY(kept->isOpen());
        socket.abort();
    }
    QTRY_VERIFY(abandoned);
    QVERIFY(!kept->isOpen());
    kept->send(text("too late")); // harmless
    QTRY_COMPARE(server->connectionCount(), 0);
}

void TestHttpServer::streamedBodies()
{
    const QByteArray payload = QByteArray(3 * 1024 * 1024 + 17, 'z');
    bool knownSize = true;
    startServer();
    handler = [&](const HttpRequest &, Responder responder) {
        auto buffer = std::make_shared<QBuffer>();
        buffer->setData(payload);
        buffer->open(QIODevice::ReadOnly);
        HttpResponse response;
        response.bodyDevice = buffer;
        response.bodyDeviceSize = knownSize ? payload.size() : -1;
        responder.send(std::move(response));
    };
    QTcpSocket socket;
    connectTo(socket);
    ResponseReader reader;
    socket.write("GET /media HTTP/1.1\r\nHost: x\r\n\r\n");
    auto [status, body] = reader.next(socket, 20000);
    QCOMPARE(status, 200);
    QCOMPARE(body.size(), payload.size());
    knownSize = false;
    socket.write("GET /media HTTP/1.1\r\nHost: x\r\n\r\n");
    std::tie(status, body) = reader.next(socket, 20000);
    QCOMPARE(status, 200);
    QVERIFY(body == payload);
}

void TestHttpServer::head()
{
    startServer();
    QTcpSocket socket;
    connectTo(socket);
    socket.write("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /g HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray all;
    QTRY_VERIFY((all += socket.readAll()).contains("GET /g 0"));
    // The HEAD answer has a Content-Length but no body: the GET's status line follows at once.
    const qsizetype second = all.indexOf("HTTP/1.1", 5);
    QVERIFY(all.left(second).endsWith("\r\n\r\n"));
    QVERIFY(all.left(second).contains("Content-Length: 9"));
}

void TestHttpServer::query()
{
    startServer();
    QTcpSocket socket;
    connectTo(socket);
    socket.write("GET /rooms/%21a%3Ab/x%2Fy?filter=%7B%7D&a=1+2&a=3&empty=&flag HTTP/1.1\r\nHost: x\r\n\r\n");
    ResponseReader reader;
    QCOMPARE(reader.next(socket).first, 200);
    const HttpRequest &request = seen.first();
    QCOMPARE(request.rawPath, QByteArray("/rooms/%21a%3Ab/x%2Fy"));
    QCOMPARE(request.query(QStringLiteral("filter")), QStringLiteral("{}"));
    QCOMPARE(request.query(QStringLiteral("a")), QStringLiteral("1 2"));
    QCOMPARE(request.queryItems().size(), 5);
    QVERIFY(!request.query(QStringLiteral("empty")).isNull());
    QVERIFY(request.query(QStringLiteral("missing")).isNull());
}

void TestHttpServer::tls()
{
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("k.pem")), cert = dir.filePath(QStringLiteral("c.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                               QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-days"),
                                               QStringLiteral("1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        QSKIP("the openssl command is not available");
    QFile certFile(cert), keyFile(key);
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(&certFile));
    configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    server = std::make_unique<HttpServer>([](const HttpRequest &request, Responder responder) {
        responder.send(text(request.secure ? "secure" : "plain"));
    });
    QVERIFY(server->listen(QHostAddress::LocalHost, 0, configuration));

    QSslSocket secure;
    secure.setPeerVerifyMode(QSslSocket::VerifyNone);
    secure.connectToHostEncrypted(QStringLiteral("localhost"), server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(secure.isEncrypted(), 10000);
    secure.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    ResponseReader reader;
    QCOMPARE(reader.next(secure).second, QByteArray("secure"));

    // Plain text on the TLS port goes nowhere, and the server carries on.
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QVERIFY(plain.waitForConnected(5000));
    plain.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    ResponseReader plainReader;
    QCOMPARE(plainReader.next(plain, 1500).first, 0);
    secure.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QCOMPARE(reader.next(secure).second, QByteArray("secure"));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
