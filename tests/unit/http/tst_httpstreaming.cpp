// The HTTP/1.1 server's streamed answers on real loopback sockets: bodies from devices and
// files, sent as fast as the reader takes them and no faster.
#include "HttpTestSupport.h"
#include "RawHttpClient.h"

#include "core/http/HttpServer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using namespace trellis;
using namespace trellis::http;
using namespace trellis::http::test;
using test::RawHttpClient;
using test::RawReply;

class TestHttpStreaming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamedBody_data();
    void streamedBody();
    void streamedFile();
    void streamedBodyFollowsTheReader();
};

void TestHttpStreaming::streamedBody_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("knownSize");
    QTest::addColumn<bool>("head");
    QTest::newRow("known") << qint64(3 * 1024 * 1024 + 17) << true << false;
    QTest::newRow("chunked") << qint64(3 * 1024 * 1024 + 17) << false << false;
    QTest::newRow("empty chunked") << qint64(0) << false << false;
    QTest::newRow("head known") << qint64(100000) << true << true;
    QTest::newRow("head chunked") << qint64(100000) << false << true;
}

void TestHttpStreaming::streamedBody()
{
    QFETCH(qint64, size);
    QFETCH(bool, knownSize);
    QFETCH(bool, head);
    QByteArray content(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        content[i] = char('a' + i % 26);
    Fixture f;
    std::weak_ptr<QIODevice> device;
    f.handler = [&](const HttpRequest &, Responder responder) {
        auto buffer = std::make_shared<QBuffer>();
        buffer->setData(content);
        device = buffer;
        HttpResponse response;
        response.bodyDevice = buffer;
        response.bodyDeviceSize = knownSize ? size : -1;
        responder.send(std::move(response));
    };
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write((head ? "HEAD" : "GET") + QByteArray(" /media HTTP/1.1\r\n\r\n"));
    const auto reply = client.next(head);
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->header("Content-Length"), knownSize ? QByteArray::number(size) : QByteArray());
    QCOMPARE(reply->header("Transfer-Encoding"), knownSize ? QByteArray() : QByteArray("chunked"));
    QCOMPARE(reply->body.size(), head ? 0 : size);
    if (!head)
        QVERIFY(reply->body == content);
    QTRY_VERIFY(device.expired()); // the server let go of the device
    client.write(get("/again"));
    QVERIFY(client.next());
}

void TestHttpStreaming::streamedFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray block(1024 * 1024, 'z');
    for (int i = 0; i < 8; ++i) {
        block[0] = char('0' + i);
        file.write(block);
    }
    file.close();
    Fixture f;
    f.handler = [&file](const HttpRequest &, Responder responder) {
        HttpResponse response;
        response.bodyDevice = std::make_shared<QFile>(file.fileName()); // opened by the server
        response.bodyDeviceSize = 8 * 1024 * 1024;
        responder.send(std::move(response));
    };
    RawHttpClient client;
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/file"));
    const auto reply = client.next();
    QVERIFY(reply);
    QCOMPARE(reply->body.size(), 8 * 1024 * 1024);
    QCOMPARE(reply->body[7 * 1024 * 1024], '7');
}

void TestHttpStreaming::streamedBodyFollowsTheReader()
{
    // 64 MB through a socket pair whose kernel buffers hold at most ~36 MB here: the server
    // must read the device only as the client drains, never the whole of it at once.
    static constexpr qint64 kSize = 64 * 1024 * 1024;
    Fixture f;
    std::shared_ptr<PatternDevice> device;
    f.handler = [&device](const HttpRequest &, Responder responder) {
        device = std::make_shared<PatternDevice>(kSize);
        HttpResponse response;
        response.bodyDevice = device;
        response.bodyDeviceSize = kSize;
        responder.send(std::move(response));
    };
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024);
    RawHttpClient client(&socket);
    QVERIFY(client.connectTo(f.server.serverPort()));
    client.write(get("/big"));
    QTRY_VERIFY(socket.bytesAvailable() > 0);
    QVERIFY(device);
    const QByteArray readAhead = QByteArray::number(device->pos());
    QVERIFY2(device->pos() < 40 * 1024 * 1024, readAhead.constData());

    socket.setReadBufferSize(0); // now read as fast as the server writes
    QByteArray data;
    qint64 received = 0;
    qsizetype headEnd = -1;
    bool patternOk = true;
    while (headEnd < 0 || received < kSize) {
        if (socket.bytesAvailable() == 0) {
            QSignalSpy readyRead(&socket, &QIODevice::readyRead);
            QVERIFY(readyRead.wait(5000));
        }
        QByteArray chunk = socket.readAll();
        if (headEnd < 0) {
            data += chunk;
            headEnd = data.indexOf("\r\n\r\n");
            if (headEnd < 0)
                continue;
            QVERIFY(data.left(headEnd).contains("Content-Length: 67108864"));
            chunk = data.mid(headEnd + 4);
        }
        if (!chunk.isEmpty())
            patternOk = patternOk && chunk.front() == char('a' + received % 26);
        received += chunk.size();
    }
    QCOMPARE(received, kSize);
    QVERIFY(patternOk);
}

QTEST_GUILESS_MAIN(TestHttpStreaming)
#include "tst_httpstreaming.moc"
