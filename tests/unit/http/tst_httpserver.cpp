// The HTTP/1.1 server on real loopback sockets: framing, keep-alive, pipelining in order,
// long-poll answers, limits against hostile clients, query decoding (streamed bodies:
// tst_httpstreaming.cpp).
#include "HttpTestSupport.h"
#include "RawHttpClient.h"

#include "core/http/HttpServer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using namespace trellis;
using namespace trellis::http;
using namespace Qt::StringLiterals;
using namespace trellis::http::test;
using test::RawHttpClient;
using test::RawReply;


class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet();
    void putWithBody();
    void keepAliveSequential();
    void pipelinedAnswersInOrder();
    void pipeliningLimitHoldsReading();
    void chunkedRequestBody();
    void expectContinue();
    void bodyTooLarge_data();
    void bodyTooLarge();
    void headersTooLarge();
    void malformed_data();
    void malformed();
    void slowHeadersTimeOut();
    void idleConnectionCloses();
    void abandonedLongPoll();
    void onlyFirstSendCounts();
    void headGetsHeadersOnly();
    void http10_data();
    void http10();
    void connectionClose();
    void maxConnectionsRefused();
    void responseHeaders();
    void pathRawAndQueryDecoded();
    void severalListeners();
    void closeAbandonsPending();
    void destroyedServerAbandonsPending();
    void pipelinedAbandonedTogether();
    void continueWaitsForEarlierAnswers();
    void stalledReaderIsDropped();
    void stalledReaderOfLastAnswerIsDropped();
    void pendingAnswerIsNotIdle();
    void byteByByte();
    void randomBytesNeverHurt();
    void throughputSanity();
    void manyKeepAliveConnectionsInterleaved();
};

void TestHttpServer::simpleGet()
{
    Fixture f;
    f.handler = [](const HttpRequest &, Responder responder) {
        responder.send(HttpResponse::json(200, R"({"ok":true})"));
    };
    QSignalSpy served(&f.server, &HttpServer::requestServed);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/hello?x=1", "X-Thing: yes\r\n"));
    const std::optional<RawReply> reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->body, QByteArray(R"({"ok":true})"));
    QCOMPARE(reply->header("content-type"), QByteArray("application/json"));
    QCOMPARE(reply->header("Content-Length"), QByteArray("11"));
    QCOMPARE(reply->header("Server"), QByteArray("Trellis"));
    QCOMPARE(reply->header("Connection"), QByteArray("keep-alive"));
    QVERIFY(reply->header("Date").endsWith(" GMT"));

    QCOMPARE(f.requests.size(), 1);
    const HttpRequest &request = f.requests[0];
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.rawPath, QByteArray("/hello"));
    QCOMPARE(request.rawQuery, QByteArray("x=1"));
    QCOMPARE(request.header("x-thing"), QByteArray("yes"));
    QVERIFY(request.header("missing").isNull());
    QCOMPARE(request.peer, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(request.peerPort, client.socket()->localPort());
    QVERIFY(!request.secure);

    QTRY_COMPARE(served.size(), 1);
    QCOMPARE(served[0][0].toByteArray(), QByteArray("GET"));
    QCOMPARE(served[0][1].toByteArray(), QByteArray("/hello"));
    QCOMPARE(served[0][2].toInt(), 200);
    QVERIFY(served[0][3].toLongLong() >= 0);
    QCOMPARE(served[0][4].toULongLong(), request.connectionId);
}

void TestHttpServer::putWithBody()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write("PUT /rooms/x HTTP/1.1\r\nHost: a\r\nContent-Length: 13\r\n\r\n{\"body\":true}");
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->body, QByteArray("PUT /rooms/x {\"body\":true}"));
}

void TestHttpServer::keepAliveSequential()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    for (int i = 0; i < 5; ++i) {
        client.write(get("/n/" + QByteArray::number(i)));
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->body, "GET /n/" + QByteArray::number(i) + ' ');
    }
    QCOMPARE(f.server.connectionCount(), 1);
    QCOMPARE(f.requests.size(), 5);
    QCOMPARE(f.requests[4].connectionId, f.requests[0].connectionId);
}

void TestHttpServer::pipelinedAnswersInOrder()
{
    Fixture f; // the handler keeps every responder: answers come later
    QSignalSpy served(&f.server, &HttpServer::requestServed);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/1") + get("/2") + "PUT /3 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    QTRY_COMPARE(f.requests.size(), 3);
    QCOMPARE(f.requests[2].body, QByteArray("abc"));

    // The last is answered first: it must wait for the others.
    f.responders[2].send(text("three"));
    QCoreApplication::processEvents();
    QCOMPARE(served.size(), 0);
    QCOMPARE(client.socket()->bytesAvailable(), 0);
    f.responders[0].send(text("one"));
    f.responders[1].send(text("two"));
    for (const char *expected : {"one", "two", "three"}) {
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->body, QByteArray(expected));
    }
    QCOMPARE(served.size(), 3);
    QCOMPARE(served[2][1].toByteArray(), QByteArray("/3"));
}

void TestHttpServer::pipeliningLimitHoldsReading()
{
    HttpLimits limits;
    limits.maxPipelined = 2;
    Fixture f(limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    QByteArray all;
    for (int i = 0; i < 5; ++i)
        all += get("/" + QByteArray::number(i));
    client.write(all);
    QTRY_COMPARE(f.requests.size(), 2);
    QCoreApplication::processEvents();
    QCOMPARE(f.requests.size(), 2); // the rest waits, unread
    for (int i = 0; i < 5; ++i) {
        QTRY_VERIFY(f.responders.size() > i);
        f.responders[i].send(text(QByteArray::number(i)));
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->body, QByteArray::number(i));
    }
    QCOMPARE(f.requests.size(), 5);
}

void TestHttpServer::chunkedRequestBody()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(
        "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    QTRY_VERIFY(client.socket()->bytesToWrite() == 0);
    QCoreApplication::processEvents();
    QCOMPARE(f.requests.size(), 0);
    client.write("6;ext=1\r\n world\r\n0\r\n\r\n");
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body, QByteArray("POST /upload hello world"));
}

void TestHttpServer::expectContinue()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const auto interim = client.next();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    QCOMPARE(f.requests.size(), 0);
    client.write("12345");
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->body, QByteArray("PUT /x 12345"));
}

void TestHttpServer::bodyTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("content-length")
        << QByteArray("PUT /x HTTP/1.1\r\nContent-Length: 1001\r\n\r\n");
    QTest::newRow("expect") << QByteArray(
        "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
    QTest::newRow("chunked") << QByteArray(
        "PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray("1f4\r\n") +
        QByteArray(500, 'a') + "\r\n" + QByteArray("1f4\r\n") + QByteArray(500, 'b') + "\r\n" +
        QByteArray("1f4\r\n") + QByteArray(500, 'c') + "\r\n0\r\n\r\n");
}

void TestHttpServer::bodyTooLarge()
{
    QFETCH(QByteArray, request);
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    Fixture f(limits);
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(request);
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 413);
    QVERIFY(reply->body.contains("M_TOO_LARGE"));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QCOMPARE(f.requests.size(), 0);
}

void TestHttpServer::headersTooLarge()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    Fixture f(limits);
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write("GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'x') + "\r\n\r\n");
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 431);
    QVERIFY(client.waitClosed());
    QCOMPARE(f.requests.size(), 0);
}

void TestHttpServer::malformed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << bytes("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"
                                      "garbage\r\n\r\n")
                             << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 505;
    QTest::newRow("bad length") << QByteArray("PUT / HTTP/1.1\r\nContent-Length: abc\r\n\r\n")
                                << 400;
    QTest::newRow("length and chunked")
        << QByteArray("PUT / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        << 400;
    QTest::newRow("bad chunk") << QByteArray(
                                      "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                               << 400;
    QTest::newRow("space in header name")
        << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n") << 400;
    QTest::newRow("version 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("empty header name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n") << 400;
    QTest::newRow("nul in path") << bytes("GET /a\0b HTTP/1.1\r\n\r\n") << 400;
}

void TestHttpServer::malformed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(request);
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, status);
    QVERIFY(client.waitClosed());
    QCOMPARE(f.requests.size(), 0);
    QTRY_COMPARE(f.server.connectionCount(), 0);
}

void TestHttpServer::slowHeadersTimeOut()
{
    HttpLimits limits;
    limits.headerTimeoutMs = 300;
    Fixture f(limits);
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write("GET / HTTP/1.1\r\nHost: a\r\n");
    // A trickle of header bytes must not keep the request alive.
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, [&client] { client.write("X"); });
    trickle.start(50);
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 408);
    QVERIFY(client.waitClosed());
    QCOMPARE(f.requests.size(), 0);
}

void TestHttpServer::idleConnectionCloses()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 200;
    Fixture f(limits);
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/"));
    QVERIFY(client.next());
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(f.server.connectionCount(), 0);
}

void TestHttpServer::abandonedLongPoll()
{
    Fixture f; // keeps the responder, as a long-polling /sync does
    QSignalSpy served(&f.server, &HttpServer::requestServed);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/sync?timeout=30000"));
    QTRY_COMPARE(f.responders.size(), 1);
    Responder responder = f.responders.takeFirst();
    QVERIFY(responder.isOpen());
    int abandoned = 0;
    responder.onAbandoned([&abandoned] { ++abandoned; });
    client.socket()->abort();
    QTRY_COMPARE(abandoned, 1);
    QVERIFY(!responder.isOpen());
    QTRY_COMPARE(f.server.connectionCount(), 0);          // the connection object is gone
    responder.send(text("too late"));                     // dropped, harmlessly
    responder.onAbandoned([&abandoned] { ++abandoned; }); // already sent: never called
    QCOMPARE(abandoned, 1);
    QCOMPARE(served.size(), 0);
}

void TestHttpServer::onlyFirstSendCounts()
{
    Fixture f;
    f.handler = [](const HttpRequest &request, Responder responder) {
        responder.send(text("first " + request.rawPath));
        QVERIFY(!responder.isOpen());
        responder.send(text("second"));
    };
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/a") + get("/b"));
    for (const char *expected : {"first /a", "first /b"}) {
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->body, QByteArray(expected));
    }
    QCoreApplication::processEvents();
    QVERIFY(client.unread().isEmpty());
}

void TestHttpServer::headGetsHeadersOnly()
{
    Fixture f;
    f.handler = [](const HttpRequest &, Responder responder) {
        responder.send(text("hello world"));
    };
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write("HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n");
    const auto head = client.next(true);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("Content-Length"), QByteArray("11"));
    QVERIFY(head->body.isEmpty());
    // No body bytes followed: the next answer on the connection parses cleanly.
    client.write(get("/y"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body, QByteArray("hello world"));
}

void TestHttpServer::http10_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.0") << QByteArray("GET /x HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive")
        << QByteArray("GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void TestHttpServer::http10()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, keepAlive);
    Fixture f;
    f.handler = [](const HttpRequest &, Responder responder) {
        HttpResponse response; // unknown size: no chunks for HTTP/1.0, the close ends it
        response.bodyDevice = std::make_shared<QBuffer>();
        static_cast<QBuffer *>(response.bodyDevice.get())->setData("streamed");
        responder.send(std::move(response));
    };
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(request);
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body, QByteArray("streamed"));
    QVERIFY(!reply->hasHeader("Transfer-Encoding"));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    Q_UNUSED(keepAlive); // even a keep-alive 1.0 client must see the close here

    // A plain body keeps a 1.0 keep-alive connection open.
    Fixture g;
    g.handler = echo;
    RawHttpClient second;
    QVERIFY(second.connectTo(g.server.serverPort()));
    second.write(request);
    const auto plain = second.next();
    QVERIFY(plain);
    QCOMPARE(plain->header("Connection"),
             keepAlive ? QByteArray("keep-alive") : QByteArray("close"));
    if (keepAlive) {
        second.write(request);
        QVERIFY(second.next());
    } else {
        QVERIFY(second.waitClosed());
    }
}

void TestHttpServer::connectionClose()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    // What follows a request that asked to close is never read.
    client.write(get("/a", "Connection: close\r\n") + get("/b"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QCOMPARE(f.requests.size(), 1);
}

void TestHttpServer::maxConnectionsRefused()
{
    HttpLimits limits;
    limits.maxConnections = 1;
    Fixture f(limits);
    f.handler = echo;
    RawHttpClient first;
    QVERIFY(first.connectTo(f.server.serverPort()));
    first.write(get("/"));
    QVERIFY(first.next());
    RawHttpClient second;
    QVERIFY(second.connectTo(f.server.serverPort()));
    const auto refused = second.next();
    QVERIFY(refused);
    QCOMPARE(refused->status, 503);
    QVERIFY(second.waitClosed());
    first.write(get("/still"));
    QVERIFY(first.next());
    QCOMPARE(f.server.connectionCount(), 1);
}

void TestHttpServer::responseHeaders()
{
    Fixture f;
    f.handler = [](const HttpRequest &, Responder responder) {
        HttpResponse response = HttpResponse::json(201, "{}");
        response.setHeader("content-type", "application/json; charset=utf-8"); // replaces
        response.setHeader("Content-Length", "999");                           // framing is ours
        response.setHeader("X-Evil", "a\r\nSet-Cookie: b");                    // injection dropped
        response.setHeader("X-Fine", "ok");
        responder.send(std::move(response));
    };
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unsafe response header"_s));
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 201);
    QCOMPARE(reply->header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(reply->header("Content-Length"), QByteArray("2"));
    QVERIFY(!reply->hasHeader("X-Evil"));
    QVERIFY(!reply->hasHeader("Set-Cookie"));
    QCOMPARE(reply->header("X-Fine"), QByteArray("ok"));
    int contentTypes = 0;
    for (const auto &[name, value] : reply->headers)
        contentTypes += name.compare("Content-Type", Qt::CaseInsensitive) == 0;
    QCOMPARE(contentTypes, 1);
}

void TestHttpServer::pathRawAndQueryDecoded()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get(
        "/_matrix/client/v3/rooms/%21a%2Fb%3Aex.org/state?a=1+2&b=%2F%26&a=3&flag&=v&c=%E2%9C%93"));
    QVERIFY(client.next());
    const HttpRequest &request = f.requests.value(0);
    QCOMPARE(request.rawPath, QByteArray("/_matrix/client/v3/rooms/%21a%2Fb%3Aex.org/state"));
    const QList<QPair<QString, QString>> expected = {
        {u"a"_s, u"1 2"_s},     {u"b"_s, u"/&"_s},   {u"a"_s, u"3"_s},
        {u"flag"_s, QString()}, {QString(), u"v"_s}, {u"c"_s, QString(QChar(0x2713))}};
    QCOMPARE(request.queryItems(), expected);
    QCOMPARE(request.query(u"a"_s), u"1 2"_s);
    QVERIFY(request.query(u"missing"_s).isNull());
    QVERIFY(!request.query(u"flag"_s).isNull());
    QVERIFY(request.query(u"flag"_s).isEmpty());

    // The absolute form of a request target keeps only path and query.
    client.write("GET http://localhost:8008/p%20q?x=y HTTP/1.1\r\n\r\n");
    QVERIFY(client.next());
    QCOMPARE(f.requests.value(1).rawPath, QByteArray("/p%20q"));
    QCOMPARE(f.requests.value(1).rawQuery, QByteArray("x=y"));
}

void TestHttpServer::severalListeners()
{
    Fixture f;
    f.handler = echo;
    const quint16 firstPort = f.server.serverPort();
    QVERIFY(f.server.listen(QHostAddress::LocalHost, 0));
    const quint16 secondPort = f.server.serverPort();
    QVERIFY(secondPort != firstPort);
    for (quint16 port : {firstPort, secondPort}) {
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        client.write(get("/"));
        QVERIFY(client.next());
    }
    // A port in use is an error, not a crash.
    const Result<void> clash = f.server.listen(QHostAddress::LocalHost, firstPort);
    QVERIFY(!clash);
}

void TestHttpServer::closeAbandonsPending()
{
    Fixture f;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/wait"));
    QTRY_COMPARE(f.responders.size(), 1);
    bool abandoned = false;
    f.responders[0].onAbandoned([&abandoned] { abandoned = true; });
    f.server.close();
    QVERIFY(abandoned);
    f.responders[0].send(text("late"));
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(f.server.connectionCount(), 0);
}

void TestHttpServer::destroyedServerAbandonsPending()
{
    auto fixture = std::make_unique<Fixture>();
    RawHttpClient client;
    QVERIFY(client.connectTo(fixture->server.serverPort()));
    client.write(get("/wait"));
    QTRY_COMPARE(fixture->responders.size(), 1);
    const Responder responder = fixture->responders[0];
    int abandoned = 0;
    responder.onAbandoned([&abandoned] { ++abandoned; });
    fixture.reset();
    QCOMPARE(abandoned, 1);
    QVERIFY(!responder.isOpen());
    responder.send(text("late")); // the server is gone: dropped
    QVERIFY(client.waitClosed());
}

void TestHttpServer::pipelinedAbandonedTogether()
{
    Fixture f;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/1") + get("/2"));
    QTRY_COMPARE(f.responders.size(), 2);
    int abandoned = 0;
    f.responders[1].send(text("two")); // answered, but waiting behind the first
    f.responders[0].onAbandoned([&abandoned] { ++abandoned; });
    f.responders[1].onAbandoned([&abandoned] { abandoned += 10; }); // already sent: ignored
    client.socket()->abort();
    QTRY_COMPARE(f.server.connectionCount(), 0);
    QCOMPARE(abandoned, 1);
    f.responders[0].send(text("one"));
}

void TestHttpServer::continueWaitsForEarlierAnswers()
{
    Fixture f;
    QSignalSpy served(&f.server, &HttpServer::requestServed);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/first") +
                 "PUT /second HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QTRY_COMPARE(f.responders.size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(client.socket()->bytesAvailable(), 0); // a 100 now would pass for the first answer
    f.responders[0].send(text("first"));
    const auto first = client.next();
    QVERIFY(first);
    QCOMPARE(first->body, QByteArray("first"));
    const auto interim = client.next();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.write("ok");
    QTRY_COMPARE(f.responders.size(), 2);
    QCOMPARE(f.requests[1].body, QByteArray("ok"));
    f.responders[1].send(text("second"));
    const auto second = client.next();
    QVERIFY(second);
    QCOMPARE(second->body, QByteArray("second"));
}

void TestHttpServer::stalledReaderIsDropped()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 300;
    Fixture f(limits);
    f.handler = [](const HttpRequest &, Responder responder) {
        HttpResponse response;
        response.bodyDevice = std::make_shared<PatternDevice>(256 * 1024 * 1024);
        responder.send(std::move(response));
    };
    QTcpSocket socket;
    socket.setReadBufferSize(16 * 1024); // and never read: the server's writes stall
    RawHttpClient client(&socket);
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/big"));
    QTRY_COMPARE(f.requests.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.server.connectionCount(), 0, 10000);
}

void TestHttpServer::stalledReaderOfLastAnswerIsDropped()
{
    // The answer is written whole and the connection is closing behind it, but the client
    // never reads: the socket must not linger.
    HttpLimits limits;
    limits.idleTimeoutMs = 300;
    Fixture f(limits);
    f.handler = [](const HttpRequest &, Responder responder) {
        responder.send(text(QByteArray(64 * 1024 * 1024, 'x')));
    };
    QTcpSocket socket;
    socket.setReadBufferSize(16 * 1024);
    RawHttpClient client(&socket);
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/big", "Connection: close\r\n"));
    QTRY_COMPARE(f.requests.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.server.connectionCount(), 0, 10000);
}

void TestHttpServer::pendingAnswerIsNotIdle()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 100;
    Fixture f(limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/sync?timeout=30000"));
    QTRY_COMPARE(f.responders.size(), 1);
    // Several idle timeouts pass while the handler holds its answer.
    QSignalSpy disconnected(client.socket(), &QAbstractSocket::disconnected);
    QVERIFY(!disconnected.wait(500));
    f.responders[0].send(text("events"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body, QByteArray("events"));
    QVERIFY(client.waitClosed()); // idle again: now it may go
}

void TestHttpServer::byteByByte()
{
    // Names, values and chunk sizes straddling reads must come out whole.
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    const QByteArray request =
        "POST /p%20x?q=1 HTTP/1.1\r\nHost: example.org\r\nX-Long-Header-Name: some value here\r\n"
        "Transfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n";
    for (const char byte : request) {
        client.write(QByteArray(1, byte));
        client.socket()->flush();
        QCoreApplication::processEvents();
    }
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body, QByteArray("POST /p%20x abcdefg"));
    const HttpRequest &seen = f.requests.value(0);
    QCOMPARE(seen.header("x-long-header-name"), QByteArray("some value here"));
    QCOMPARE(seen.header("Host"), QByteArray("example.org"));
    QCOMPARE(seen.rawQuery, QByteArray("q=1"));
}

void TestHttpServer::randomBytesNeverHurt()
{
    Fixture f;
    f.handler = echo;
    QRandomGenerator random(20261128);
    for (int round = 0; round < 100; ++round) {
        QByteArray noise(random.bounded(1, 3000), Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(random.bounded(256));
        if (round % 2) // half of them after a valid start, to reach deeper states
            noise.prepend(round % 4 == 1 ? "GET / HTTP/1.1\r\n"
                                         : "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        RawHttpClient client;
        QVERIFY(client.connectTo(f.server.serverPort()));
        client.write(noise);
        client.socket()->flush();
        QCoreApplication::processEvents();
        client.socket()->abort();
    }
    QTRY_COMPARE(f.server.connectionCount(), 0);
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/alive"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
}

void TestHttpServer::throughputSanity()
{
    Fixture f;
    f.handler = echo;
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    constexpr int kRequests = 2000;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kRequests; ++i) {
        client.write(get("/t"));
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
    }
    qInfo("%d sequential keep-alive requests in %lld ms", kRequests, clock.elapsed());
}

void TestHttpServer::manyKeepAliveConnectionsInterleaved()
{
    Fixture f;
    f.handler = echo;
    constexpr int kClients = 8;
    constexpr int kRounds = 50;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(clients.back()->connectTo(f.server.serverPort()));
    }
    // Every client has a request in flight at once; each must get its own answer, in order.
    for (int round = 0; round < kRounds; ++round) {
        for (auto &client : clients)
            client->write(get("/r/" + QByteArray::number(round)));
        for (auto &client : clients) {
            const auto reply = client->next();
            QVERIFY(reply);
            QCOMPARE(reply->body, "GET /r/" + QByteArray::number(round) + ' ');
        }
    }
    QCOMPARE(f.server.connectionCount(), kClients);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
