// A self-signed certificate for local experiments: written with a private key only its owner
// reads, accepted by the server's TLS loader, and served in a real TLS handshake.
#include "core/http/HttpServer.h"
#include "core/server/SelfSignedCertificate.h"
#include "core/server/TlsFiles.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::server;

class TestSelfSigned : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheServer_data();
    void namesTheServer();
    void servesTls();
    void unwritablePlaceFails();
};

void TestSelfSigned::namesTheServer_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("isAddress");
    QTest::newRow("DNS name") << "trellis.example" << "trellis.example" << false;
    QTest::newRow("with a port") << "trellis.example:8448" << "trellis.example" << false;
    QTest::newRow("IPv4") << "127.0.0.1" << "127.0.0.1" << true;
    QTest::newRow("IPv6") << "[::1]:8448" << "::1" << true;
}

void TestSelfSigned::namesTheServer()
{
    QFETCH(QString, serverName);
    QFETCH(QString, host);
    QFETCH(bool, isAddress);
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("tls/cert.pem"));
    const QString key = dir.filePath(QStringLiteral("tls/key.pem"));
    const auto written = writeSelfSignedCertificate(*ServerName::parse(serverName), cert, key);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    const QFileDevice::Permissions keyMode = QFile::permissions(key);
    QVERIFY(keyMode.testFlag(QFileDevice::ReadOwner));
    QVERIFY(!(keyMode & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
    QVERIFY(loadTlsConfiguration(cert, key));

    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(cert);
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate &certificate = certificates.first();
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{host});
    QVERIFY(certificate.isSelfSigned());
    const auto alternatives = certificate.subjectAlternativeNames();
    QVERIFY(alternatives.contains(isAddress ? QSsl::IpAddressEntry : QSsl::DnsEntry, host));
    QVERIFY(certificate.expiryDate() > QDateTime::currentDateTime().addDays(360));
}

void TestSelfSigned::servesTls()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(writeSelfSignedCertificate(*ServerName::parse(QStringLiteral("localhost")), cert, key));
    auto tls = loadTlsConfiguration(cert, key);
    QVERIFY(tls);
    http::HttpServer server([](const http::HttpRequest &, http::Responder responder) { responder.send({}); });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0, *tls));

    QSslSocket client;
    // Trust exactly this certificate, as a user who made it would.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(QSslCertificate::fromPath(cert));
    client.setSslConfiguration(trusting);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("localhost"), server.serverPort());
    QVERIFY(encrypted.wait(10000));
    QCOMPARE(client.peerCertificate(), QSslCertificate::fromPath(cert).first());
}

void TestSelfSigned::unwritablePlaceFails()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A directory cannot be made where a file is.
    const auto written = writeSelfSignedCertificate(*ServerName::parse(QStringLiteral("x.example")),
                                                    dir.filePath(QStringLiteral("file/cert.pem")),
                                                    dir.filePath(QStringLiteral("file/key.pem")));
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestSelfSigned)
#include "tst_selfsigned.moc"
