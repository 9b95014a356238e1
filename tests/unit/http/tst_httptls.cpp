// The HTTP server over TLS, with a self-signed certificate made at test time by openssl.
#include "RawHttpClient.h"

#include "core/http/HttpServer.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::http;
using namespace Qt::StringLiterals;
using test::RawHttpClient;

class TestHttpTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestOverTls();
    void plainClientOnTlsPortFails();
    void silentClientIsDropped();

private:
    QSslConfiguration m_tls;
    QTemporaryDir m_dir;
};

void TestHttpTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("the openssl command is not installed");
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    QProcess process;
    process.start(openssl,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s,
                   u"/CN=localhost"_s, u"-days"_s, u"1"_s, u"-keyout"_s, key, u"-out"_s, cert});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);

    QFile certFile(cert);
    QFile keyFile(key);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    const QSslKey privateKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QVERIFY(!privateKey.isNull());
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(certificate);
    m_tls.setPrivateKey(privateKey);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
}

void TestHttpTls::requestOverTls()
{
    HttpServer server([](const HttpRequest &request, Responder responder) {
        HttpResponse response;
        response.body = request.secure ? QByteArray("secure " + request.body) : QByteArray("plain");
        responder.send(std::move(response));
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0, m_tls));

    QSslSocket socket;
    connect(&socket, &QSslSocket::sslErrors, &socket, [&socket](const QList<QSslError> &) {
        socket.ignoreSslErrors(); // self-signed, made a moment ago
    });
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"localhost"_s, server.serverPort());
    QVERIFY(encrypted.wait(10000));
    RawHttpClient client(&socket);
    for (int i = 0; i < 3; ++i) { // keep-alive over TLS
        client.write("POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nhi");
        const auto reply = client.next();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, QByteArray("secure hi"));
    }
}

void TestHttpTls::plainClientOnTlsPortFails()
{
    int handled = 0;
    HttpServer server([&handled](const HttpRequest &, Responder responder) {
        ++handled;
        responder.send({});
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0, m_tls));
    RawHttpClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QVERIFY(client.waitClosed());
    QVERIFY(!client.unread().startsWith("HTTP/"));
    QCOMPARE(handled, 0);
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpTls::silentClientIsDropped()
{
    // A client that connects and never starts its handshake loses its slot after the
    // request deadline, not after the (much longer) idle timeout.
    HttpLimits limits;
    limits.headerTimeoutMs = 200;
    limits.idleTimeoutMs = 60'000;
    HttpServer server([](const HttpRequest &, Responder responder) { responder.send({}); },
                      limits);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0, m_tls));
    RawHttpClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    QTRY_COMPARE(server.connectionCount(), 1);
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(server.connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestHttpTls)
#include "tst_httptls.moc"
