// The GUI's way into the owner's rooms: HomeserverHost carries listRooms / createRoom /
// sendMessage / joinRoom / dumpRoom to the core thread and their answers back as signals,
// against a real server (SQLite, sockets on loopback) on its own thread.
#include "core/crypto/PasswordHash.h"
#include "core/server/SelfSignedCertificate.h"
#include "core/json/QtStrings.h"
#include "core/json/Reader.h"
#include "core/server/HomeserverHost.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::server;

class TestHomeserverRooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createListSendDump();
    void newRoomOfAChosenVersion();
    void failuresAreReported();
    void nothingHappensWithoutAServer();
    void devicesAreListed();
    void openConnectionsAreCounted();
    void tlsCertificateIsDescribed();

private:
    /// Waits for the next roomsListed() after asking for it.
    QList<api::RoomListEntry> rooms();

    QTemporaryDir m_dir;
    HomeserverHost m_host;
    QString m_address; ///< where the server listens, "127.0.0.1:PORT"
};

void TestHomeserverRooms::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ServerConfig config = ServerConfig::defaults(m_dir.path());
    config.serverName = *ServerName::parse(QStringLiteral("rooms.test"));
    config.listen = {*ListenAddress::parse(QStringLiteral("127.0.0.1:0"))};
    auto hash = crypto::hashPassword(QStringLiteral("a long enough password"));
    QVERIFY(hash);
    m_host.setKeychainEnabled(false);
    QSignalSpy started(&m_host, &HomeserverHost::started);
    m_host.start(config, InitialAccount{QStringLiteral("owner"), *hash});
    QVERIFY(started.wait(20000));
    m_address = started.first().first().value<api::ServerStatus>().listening.first();
}

void TestHomeserverRooms::cleanupTestCase()
{
    QSignalSpy stopped(&m_host, &HomeserverHost::stopped);
    m_host.stop();
    QVERIFY(stopped.wait(10000));
}

QList<api::RoomListEntry> TestHomeserverRooms::rooms()
{
    QSignalSpy listed(&m_host, &HomeserverHost::roomsListed);
    m_host.listRooms();
    if (!listed.wait(10000))
        return {};
    return listed.first().first().value<QList<api::RoomListEntry>>();
}

void TestHomeserverRooms::createListSendDump()
{
    QCOMPARE(rooms().size(), 0);
    QSignalSpy changed(&m_host, &HomeserverHost::roomChanged);
    m_host.createRoom({QStringLiteral("  Planning  "), QString(), false});
    QVERIFY(changed.wait(10000));
    const QString roomId = changed.first().first().toString();

    const QList<api::RoomListEntry> listed = rooms();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().roomId, roomId);
    QCOMPARE(listed.first().unread, 0); // the owner's own events are never unread
    QCOMPARE(listed.first().name, QStringLiteral("Planning"));
    QCOMPARE(listed.first().version, QStringLiteral("12"));
    QCOMPARE(listed.first().membership, QStringLiteral("join"));
    QCOMPARE(listed.first().joinedMembers, 1);
    QVERIFY(listed.first().local);

    changed.clear();
    m_host.sendMessage(roomId, QByteArray("{\"msgtype\":\"m.text\",\"body\":\"hello from the desktop\"}"));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.first().first().toString(), roomId);

    QSignalSpy dumped(&m_host, &HomeserverHost::roomDumped);
    m_host.dumpRoom(roomId);
    QVERIFY(dumped.wait(10000));
    QCOMPARE(dumped.first().at(0).toString(), roomId);
    const QByteArray bytes = dumped.first().at(1).toByteArray();
    auto dump = json::parse(std::string_view(bytes.constData(), size_t(bytes.size())));
    QVERIFY(dump && dump->isArray());
    const json::Array &events = *dump->asArray();
    QVERIFY(events.size() >= 6); // create, member, power levels, join rules, …, the message
    QCOMPARE(json::toQString(events.front().toObject()["type"].toString()), QStringLiteral("m.room.create"));
    const json::Object &last = events.back().toObject();
    QCOMPARE(json::toQString(last["type"].toString()), QStringLiteral("m.room.message"));
    QCOMPARE(json::toQString(last["content"].toObject()["body"].toString()), QStringLiteral("hello from the desktop"));
    QCOMPARE(json::toQString(last["sender"].toString()), QStringLiteral("@owner:rooms.test"));

    // A message with any content (here an edit, as the timeline's composer writes it).
    changed.clear();
    m_host.sendMessage(roomId, QByteArray("{\"msgtype\":\"m.text\",\"body\":\"* hello again\","
                                          "\"m.new_content\":{\"msgtype\":\"m.text\",\"body\":\"hello again\"}}"));
    QVERIFY(changed.wait(10000));
    QSignalSpy refetched(&m_host, &HomeserverHost::roomDumped);
    m_host.dumpRoom(roomId);
    QVERIFY(refetched.wait(10000));
    QVERIFY(refetched.first().at(1).toByteArray().contains("hello again"));

    // Content that is not a JSON object is refused; nothing is sent.
    QSignalSpy refused(&m_host, &HomeserverHost::roomActionFailed);
    m_host.sendMessage(roomId, QByteArray("{not json"));
    QVERIFY(refused.wait(10000));
    QCOMPARE(refused.first().at(0).toString(), QStringLiteral("send"));

    // Settings are state events, checked like a client's.
    changed.clear();
    m_host.setRoomState(roomId, QStringLiteral("m.room.topic"), QByteArray("{\"topic\":\"next steps\"}"));
    QVERIFY(changed.wait(10000));
    QCOMPARE(rooms().first().topic, QStringLiteral("next steps"));
    QCOMPARE(rooms().first().joinRule, QStringLiteral("invite")); // private_chat
    QVERIFY(rooms().first().powerLevels.contains("\"state_default\":50"));
    changed.clear();
    m_host.setRoomState(roomId, QStringLiteral("m.room.power_levels"),
                        QByteArray("{\"ban\":60,\"state_default\":50,\"users\":{}}"));
    QVERIFY(changed.wait(10000));
    QVERIFY(rooms().first().powerLevels.contains("\"ban\":60"));
    QSignalSpy failed(&m_host, &HomeserverHost::roomActionFailed);
    m_host.setRoomState(roomId, QStringLiteral("m.room.name"), "not json");
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.last().at(1).value<Error>().code, ErrorCode::NotJson);
    m_host.setRoomState(roomId, QStringLiteral("m.room.create"), "{}");
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.last().at(1).value<Error>().code, ErrorCode::Forbidden);

    // Leaving takes the room off the list; a public room can be joined again, by its ID.
    changed.clear();
    m_host.setRoomState(roomId, QStringLiteral("m.room.join_rules"), QByteArray("{\"join_rule\":\"public\"}"));
    QVERIFY(changed.wait(10000));
    changed.clear();
    m_host.leaveRoom(roomId);
    QVERIFY(changed.wait(10000));
    QCOMPARE(rooms().size(), 0);
    QSignalSpy joined(&m_host, &HomeserverHost::roomJoined);
    m_host.joinRoom(QStringLiteral(" ") + roomId);
    QVERIFY(joined.wait(10000));
    QCOMPARE(joined.first().at(0).toString(), QStringLiteral(" ") + roomId); // as asked
    QCOMPARE(joined.first().at(1).toString(), roomId);
    QCOMPARE(rooms().size(), 1);
}

void TestHomeserverRooms::newRoomOfAChosenVersion()
{
    // The New Room dialog's choices: a public room of version 10.
    QSignalSpy changed(&m_host, &HomeserverHost::roomChanged);
    m_host.createRoom({QStringLiteral("Old rules"), QStringLiteral("10"), true});
    QVERIFY(changed.wait(10000));
    const QString roomId = changed.first().first().toString();
    const QList<api::RoomListEntry> listed = rooms();
    const auto room = std::find_if(listed.begin(), listed.end(),
                                   [&](const api::RoomListEntry &entry) { return entry.roomId == roomId; });
    QVERIFY(room != listed.end());
    QCOMPARE(room->version, QStringLiteral("10"));
    QCOMPARE(room->joinRule, QStringLiteral("public"));
    QCOMPARE(room->name, QStringLiteral("Old rules"));

    QSignalSpy failed(&m_host, &HomeserverHost::roomActionFailed);
    m_host.createRoom({QStringLiteral("Future"), QStringLiteral("99"), false});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::UnsupportedRoomVersion);
}

void TestHomeserverRooms::failuresAreReported()
{
    QSignalSpy failed(&m_host, &HomeserverHost::roomActionFailed);
    m_host.sendMessage(QStringLiteral("!nowhere:rooms.test"), QByteArray("{\"msgtype\":\"m.text\",\"body\":\"lost\"}"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("send"));
    QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::Forbidden);

    failed.clear();
    m_host.joinRoom(QStringLiteral("#missing:rooms.test"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("join"));

    failed.clear();
    m_host.dumpRoom(QStringLiteral("not a room id"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::InvalidParam);
}

void TestHomeserverRooms::nothingHappensWithoutAServer()
{
    HomeserverHost idle;
    QSignalSpy listed(&idle, &HomeserverHost::roomsListed);
    idle.listRooms();
    idle.sendMessage(QStringLiteral("!a:b"), QByteArray("{}"));
    QTest::qWait(100);
    QCOMPARE(listed.size(), 0);
}

void TestHomeserverRooms::devicesAreListed()
{
    // A client logs in over HTTP; the dashboard's list has its device.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://%1/_matrix/client/v3/login").arg(m_address)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, QByteArrayLiteral(
        "{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\",\"user\":\"owner\"},"
        "\"password\":\"a long enough password\",\"device_id\":\"LAPTOP\",\"initial_device_display_name\":\"laptop\"}"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    // One authenticated request records when and from where the device was last used.
    const qsizetype at = body.indexOf("\"access_token\":\"") + 16;
    const QByteArray token = body.mid(at, body.indexOf('"', at) - at);
    QNetworkRequest whoami(QUrl(QStringLiteral("http://%1/_matrix/client/v3/account/whoami").arg(m_address)));
    whoami.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *asked = network.get(whoami);
    QSignalSpy answered(asked, &QNetworkReply::finished);
    QVERIFY(answered.wait(10000));
    QCOMPARE(asked->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    asked->deleteLater();

    QSignalSpy listed(&m_host, &HomeserverHost::devicesListed);
    m_host.listDevices();
    QVERIFY(listed.wait(10000));
    const auto devices = listed.first().first().value<QList<api::DeviceEntry>>();
    const auto laptop = std::find_if(devices.begin(), devices.end(),
                                     [](const api::DeviceEntry &device) { return device.deviceId == QStringLiteral("LAPTOP"); });
    QVERIFY(laptop != devices.end());
    QCOMPARE(laptop->displayName, QStringLiteral("laptop"));
    QVERIFY(laptop->lastSeenMs > 0);
    QCOMPARE(laptop->lastSeenIp, QStringLiteral("127.0.0.1"));
}

void TestHomeserverRooms::openConnectionsAreCounted()
{
    // Two clients connect (no request yet: a keep-alive connection counts as it opens); the
    // count follows them in and out.
    QSignalSpy counted(&m_host, &HomeserverHost::connectionsChanged);
    const QStringList hostPort = m_address.split(QLatin1Char(':'));
    QTcpSocket first;
    QTcpSocket second;
    for (QTcpSocket *socket : {&first, &second}) {
        socket->connectToHost(QHostAddress(hostPort[0]), quint16(hostPort[1].toUInt()));
        QVERIFY(socket->waitForConnected(5000));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty() && counted.last().first().toInt() == 2, 10000);
    first.disconnectFromHost();
    second.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(counted.last().first().toInt() == 0, 10000);
}

void TestHomeserverRooms::tlsCertificateIsDescribed()
{
    // A server on TLS (a self-signed certificate, as the first run makes) tells the dashboard
    // what it presents.
    QTemporaryDir dir;
    ServerConfig config = ServerConfig::defaults(dir.path());
    config.serverName = *ServerName::parse(QStringLiteral("tls.test"));
    config.listen = {*ListenAddress::parse(QStringLiteral("127.0.0.1:0"))};
    config.tlsCertificatePath = dir.filePath(QStringLiteral("cert.pem"));
    config.tlsKeyPath = dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(writeSelfSignedCertificate(config.serverName, config.tlsCertificatePath, config.tlsKeyPath));
    auto hash = crypto::hashPassword(QStringLiteral("a long enough password"));
    QVERIFY(hash);
    HomeserverHost host;
    host.setKeychainEnabled(false);
    QSignalSpy started(&host, &HomeserverHost::started);
    host.start(config, InitialAccount{QStringLiteral("owner"), *hash});
    QVERIFY(started.wait(20000));
    const auto status = started.first().first().value<api::ServerStatus>();
    QVERIFY(status.tls);
    QCOMPARE(status.certificate.subject, QStringLiteral("tls.test"));
    QVERIFY(status.certificate.selfSigned);
    QVERIFY(status.certificate.notAfterMs > QDateTime::currentMSecsSinceEpoch() + 300LL * 86'400'000);
    QCOMPARE(status.certificate.sha256.size(), 32 * 3 - 1); // "AB:CD:…", 32 bytes
    QSignalSpy stopped(&host, &HomeserverHost::stopped);
    host.stop();
    QVERIFY(stopped.wait(10000));
}

QTEST_GUILESS_MAIN(TestHomeserverRooms)
#include "tst_homeserverrooms.moc"
