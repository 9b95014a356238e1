// The server's configuration file: defaults, reading, writing, and errors that name the key.
#include "core/server/ServerConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using server::ListenAddress;
using server::ServerConfig;

class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listenAddresses_data();
    void listenAddresses();
    void defaultsWithoutFile();
    void saveThenLoad();
    void errorsNameTheKey_data();
    void errorsNameTheKey();
};

void TestServerConfig::listenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: invalid
    QTest::newRow("ipv4") << "127.0.0.1:8008" << "127.0.0.1:8008";
    QTest::newRow("ipv6") << "[::1]:8448" << "[::1]:8448";
    QTest::newRow("any") << "0.0.0.0:0" << "0.0.0.0:0";
    QTest::newRow("no port") << "127.0.0.1" << "";
    QTest::newRow("port too big") << "127.0.0.1:65536" << "";
    QTest::newRow("name") << "localhost:8008" << "";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("ipv6 unbracketed") << "::1:8008" << "";
}

void TestServerConfig::listenAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    auto listen = ListenAddress::parse(text);
    QCOMPARE(bool(listen), !normalised.isEmpty());
    if (listen)
        QCOMPARE(listen->toString(), normalised);
}

void TestServerConfig::defaultsWithoutFile()
{
    QTemporaryDir dir;
    auto config = ServerConfig::load(dir.path());
    QVERIFY(config);
    QCOMPARE(config->serverName.toString(), QStringLiteral("localhost"));
    QCOMPARE(config->listen.size(), 1);
    QCOMPARE(config->listen.first().toString(), QStringLiteral("127.0.0.1:8008"));
    QVERIFY(!config->tlsEnabled());
    QCOMPARE(config->defaultRoomVersion->id, QStringLiteral("12")); // rooms/_index's recommendation
    QCOMPARE(config->databasePath(), dir.filePath(QStringLiteral("trellis.db")));
    QVERIFY(ServerConfig::defaultDataDirectory().endsWith(QStringLiteral("/trellis")));
}

void TestServerConfig::saveThenLoad()
{
    QTemporaryDir dir;
    ServerConfig config = ServerConfig::defaults(dir.path());
    config.serverName = *ServerName::parse(u"matrix.example.org:8448");
    config.listen = {*ListenAddress::parse(u"127.0.0.1:8448"), *ListenAddress::parse(u"[::1]:8448")};
    config.tlsCertificatePath = QStringLiteral("/etc/trellis/50%1 cert.pem"); // not a placeholder
    config.tlsKeyPath = QStringLiteral("/etc/trellis/key.pem");
    config.maxUploadBytes = 1234;
    config.defaultRoomVersion = events::RoomVersion::find(u"10");
    QVERIFY(config.save());
    QFile file(config.configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("; The server's name"));

    auto loaded = ServerConfig::load(dir.path());
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->serverName, config.serverName);
    QCOMPARE(loaded->listen, config.listen);
    QCOMPARE(loaded->tlsCertificatePath, config.tlsCertificatePath);
    QCOMPARE(loaded->tlsKeyPath, config.tlsKeyPath);
    QCOMPARE(loaded->maxUploadBytes, 1234);
    QCOMPARE(loaded->defaultRoomVersion->id, QStringLiteral("10"));
    QVERIFY(loaded->tlsEnabled());
}

void TestServerConfig::errorsNameTheKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::newRow("bad name") << QByteArray("[server]\nname = not a name\n") << "server/name";
    QTest::newRow("bad listen") << QByteArray("[server]\nlisten = \"127.0.0.1:8008, nowhere\"\n") << "server/listen";
    QTest::newRow("empty listen") << QByteArray("[server]\nlisten = \"\"\n") << "server/listen";
    QTest::newRow("half tls") << QByteArray("[tls]\ncertificate = /x.pem\n") << "tls/key";
    QTest::newRow("bad upload") << QByteArray("[media]\nmax_upload_bytes = -5\n") << "media/max_upload_bytes";
    QTest::newRow("bad room version") << QByteArray("[rooms]\ndefault_version = 13\n") << "rooms/default_version";
}

void TestServerConfig::errorsNameTheKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("trellis.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    auto config = ServerConfig::load(dir.path());
    QVERIFY(!config);
    QVERIFY2(config.error().message.contains(key), qPrintable(config.error().message));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
