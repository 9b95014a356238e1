// The Client-Server API beyond chatting, over real HTTP against `trellis-cli serve`: media,
// end-to-end keys and to-device messages between two devices, account data and tags in
// /sync, profile changes reaching member events, typing and receipts, a long-polling sync
// woken by a send, directory aliases, push rules, device deletion behind user-interactive
// auth, and the state a room shows after leaving it.
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/json/QtStrings.h"
#include "core/json/Reader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QTest>
#include <QUrl>

using namespace trellis;
using namespace trellis::test;

namespace {

QString enc(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }
QString str(const json::Value &value) { return json::toQString(value.toString()); }

} // namespace

class TestClientApiFeatures : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    std::unique_ptr<MatrixClient> m_a, m_b; // two devices of the owner
    QString m_room;
    QString v3(const QString &path) const { return QStringLiteral("/_matrix/client/v3") + path; }
    QString roomPath(const QString &rest) const { return v3(QStringLiteral("/rooms/") + enc(m_room) + rest); }

private Q_SLOTS:
    void initTestCase();
    void media();
    void keysAndToDevice();
    void accountDataTagsAndProfile();
    void longPollWakesOnSend();
    void typingAndReceipts();
    void aliasesAndDirectory();
    void pushRules();
    void deleteDeviceNeedsPassword();
    void leaveKeepsHistoryReadable();
    void defaultRoomVersionFromTheConfig();
};

void TestClientApiFeatures::initTestCase()
{
    QVERIFY2(m_server.start(true), qPrintable(m_server.error()));
    m_a = std::make_unique<MatrixClient>(m_server.baseUrl());
    m_b = std::make_unique<MatrixClient>(m_server.baseUrl());
    QVERIFY(m_a->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword), QStringLiteral("DEVA")));
    QVERIFY(m_b->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword), QStringLiteral("DEVB")));
    const Reply created = m_a->post(v3(QStringLiteral("/createRoom")), R"({"preset":"public_chat","name":"features"})");
    QCOMPARE(created.status, 200);
    m_room = str(created.json["room_id"]);
}

void TestClientApiFeatures::media()
{
    const QByteArray bytes = QByteArray(200'000, 'm');
    Reply uploaded = m_a->request("POST", QStringLiteral("/_matrix/media/v3/upload?filename=a%20b.txt"), bytes);
    QCOMPARE(uploaded.status, 200);
    const QString uri = str(uploaded.json["content_uri"]);
    QVERIFY(uri.startsWith(QStringLiteral("mxc://trellis.test/")));
    const QString id = uri.section(u'/', 3);
    const Reply authed = m_a->get(QStringLiteral("/_matrix/client/v1/media/download/trellis.test/") + id);
    QCOMPARE(authed.status, 200);
    QVERIFY(authed.body == bytes);
    const Reply legacy = m_a->get(QStringLiteral("/_matrix/media/v3/download/trellis.test/") + id + QStringLiteral("/name.bin"));
    QCOMPARE(legacy.status, 200);
    QCOMPARE(legacy.body.size(), bytes.size());
    QCOMPARE(m_a->get(QStringLiteral("/_matrix/client/v1/media/download/trellis.test/nothing")).status, 404);
    QCOMPARE(m_a->get(QStringLiteral("/_matrix/client/v1/media/download/trellis.test/..%2F..%2Fetc")).status, 404);
    QCOMPARE(str(m_a->get(QStringLiteral("/_matrix/client/v1/media/config")).json["m.upload.size"]).isEmpty(), true);
    QVERIFY(m_a->get(QStringLiteral("/_matrix/client/v1/media/config")).json["m.upload.size"].toInteger() > 0);
}

void TestClientApiFeatures::keysAndToDevice()
{
    const QString user = m_server.userId();
    const Reply sinceB = m_b->get(v3(QStringLiteral("/sync?timeout=0")));
    Reply upload = m_a->post(v3(QStringLiteral("/keys/upload")),
                             QStringLiteral(R"({"device_keys":{"user_id":"%1","device_id":"DEVA","algorithms":["m.olm.v1.curve25519-aes-sha2"],"keys":{"curve25519:DEVA":"k1","ed25519:DEVA":"k2"},"signatures":{}},)"
                                            R"("one_time_keys":{"signed_curve25519:AAAA":{"key":"otk1"},"signed_curve25519:AAAB":{"key":"otk2"}}})")
                                 .arg(user).toUtf8());
    QCOMPARE(upload.status, 200);
    QCOMPARE(upload.json["one_time_key_counts"].toObject()["signed_curve25519"].toInteger(), 2);
    // Someone else's keys in device_keys are refused.
    QCOMPARE(m_a->post(v3(QStringLiteral("/keys/upload")), R"({"device_keys":{"user_id":"@x:y.test","device_id":"DEVA"}})").status, 400);
    Reply query = m_b->post(v3(QStringLiteral("/keys/query")), QStringLiteral(R"({"device_keys":{"%1":[]}})").arg(user).toUtf8());
    QCOMPARE(query.status, 200);
    QVERIFY(query.json["device_keys"].toObject()[user.toStdString()].toObject().contains("DEVA"));
    Reply claim = m_b->post(v3(QStringLiteral("/keys/claim")), QStringLiteral(R"({"one_time_keys":{"%1":{"DEVA":"signed_curve25519"}}})").arg(user).toUtf8());
    QCOMPARE(claim.status, 200);
    QCOMPARE(claim.json["one_time_keys"].toObject()[user.toStdString()].toObject()["DEVA"].toObject().size(), 1);
    // A to-device message from B reaches A's sync once, and B sees A's device list change.
    QCOMPARE(m_b->put(v3(QStringLiteral("/sendToDevice/m.test/t1")), QStringLiteral(R"({"messages":{"%1":{"DEVA":{"hello":"a"}}}})").arg(user).toUtf8()).status, 200);
    QCOMPARE(m_b->put(v3(QStringLiteral("/sendToDevice/m.test/t1")), QStringLiteral(R"({"messages":{"%1":{"DEVA":{"hello":"again"}}}})").arg(user).toUtf8()).status, 200);
    const Reply syncA = m_a->get(v3(QStringLiteral("/sync?timeout=0")));
    const json::Array &toDevice = syncA.json["to_device"].toObject()["events"].toArray();
    QCOMPARE(toDevice.size(), size_t(1));
    QCOMPARE(toDevice.front().toObject()["content"].toObject()["hello"].toString(), std::string("a"));
    QCOMPARE(syncA.json["device_one_time_keys_count"].toObject()["signed_curve25519"].toInteger(), 1);
    const Reply nextA = m_a->get(v3(QStringLiteral("/sync?timeout=0&since=") + str(syncA.json["next_batch"])));
    QVERIFY(nextA.json["to_device"].toObject()["events"].toArray().empty()); // acknowledged
    const Reply syncB = m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + str(sinceB.json["next_batch"])));
    const json::Array &changed = syncB.json["device_lists"].toObject()["changed"].toArray();
    QVERIFY(std::find(changed.begin(), changed.end(), json::Value(user.toStdString())) != changed.end());
}

void TestClientApiFeatures::accountDataTagsAndProfile()
{
    const QString user = enc(m_server.userId());
    const Reply before = m_a->get(v3(QStringLiteral("/sync?timeout=0")));
    QCOMPARE(m_a->put(v3(QStringLiteral("/user/%1/account_data/org.example.setting").arg(user)), R"({"on":true})").status, 200);
    QCOMPARE(m_a->put(v3(QStringLiteral("/user/%1/rooms/%2/tags/m.favourite").arg(user, enc(m_room))), R"({"order":0.5})").status, 200);
    QCOMPARE(m_a->put(v3(QStringLiteral("/user/%1/account_data/m.fully_read").arg(user)), R"({})").status, 405);
    QCOMPARE(m_a->put(v3(QStringLiteral("/profile/%1/displayname").arg(user)), R"({"displayname":"The Owner"})").status, 200);
    QCOMPARE(str(m_a->get(v3(QStringLiteral("/profile/%1").arg(user))).json["displayname"]), QStringLiteral("The Owner"));
    const Reply after = m_a->get(v3(QStringLiteral("/sync?timeout=0&since=") + str(before.json["next_batch"])));
    QCOMPARE(after.status, 200);
    bool setting = false;
    for (const json::Value &event : after.json["account_data"].toObject()["events"].toArray())
        setting = setting || event.toObject()["type"].toString() == "org.example.setting";
    QVERIFY(setting);
    const json::Object room = after.json["rooms"].toObject()["join"].toObject()[m_room.toStdString()].toObject();
    bool tagged = false;
    for (const json::Value &event : room["account_data"].toObject()["events"].toArray())
        tagged = tagged || event.toObject()["type"].toString() == "m.tag";
    QVERIFY(tagged);
    // The profile change went into the room as a new member event.
    bool renamed = false;
    for (const json::Value &event : room["timeline"].toObject()["events"].toArray())
        renamed = renamed || event.toObject()["content"].toObject()["displayname"].toString() == "The Owner";
    QVERIFY(renamed);
    QCOMPARE(m_a->get(v3(QStringLiteral("/user/%1/rooms/%2/tags").arg(user, enc(m_room)))).json["tags"].toObject().size(), 1);
}

void TestClientApiFeatures::longPollWakesOnSend()
{
    const QString since = str(m_b->get(v3(QStringLiteral("/sync?timeout=0"))).json["next_batch"]);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server.baseUrl() + v3(QStringLiteral("/sync?timeout=20000&since=") + since)));
    request.setRawHeader("Authorization", "Bearer " + m_b->accessToken());
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *waiting = network.get(request);
    QTest::qWait(200);
    QVERIFY(!waiting->isFinished()); // nothing new: it waits
    const Reply sent = m_a->put(roomPath(QStringLiteral("/send/m.room.message/wake")), R"({"msgtype":"m.text","body":"wake up"})");
    QCOMPARE(sent.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
    QVERIFY(clock.elapsed() < 10000);
    const QByteArray body = waiting->readAll();
    QVERIFY(body.contains(str(sent.json["event_id"]).toUtf8()));
    // The sending device sees its transaction ID; the other device does not.
    QVERIFY(!body.contains("\"transaction_id\":\"wake\""));
    const Reply own = m_a->get(v3(QStringLiteral("/sync?timeout=0&since=") + since));
    QVERIFY(own.body.contains("\"transaction_id\":\"wake\""));
    delete waiting;
}

void TestClientApiFeatures::typingAndReceipts()
{
    const QString since = str(m_b->get(v3(QStringLiteral("/sync?timeout=0"))).json["next_batch"]);
    const QString eventId = str(m_a->put(roomPath(QStringLiteral("/send/m.room.message/r1")), R"({"msgtype":"m.text","body":"read me"})").json["event_id"]);
    QCOMPARE(m_a->put(roomPath(QStringLiteral("/typing/") + enc(m_server.userId())), R"({"typing":true,"timeout":30000})").status, 200);
    QCOMPARE(m_a->post(roomPath(QStringLiteral("/receipt/m.read/") + enc(eventId)), "{}").status, 200);
    QCOMPARE(m_a->post(roomPath(QStringLiteral("/read_markers")), QStringLiteral(R"({"m.fully_read":"%1"})").arg(eventId).toUtf8()).status, 200);
    QCOMPARE(m_a->post(roomPath(QStringLiteral("/receipt/m.bogus/") + enc(eventId)), "{}").status, 400);
    // Threaded receipts keep their thread (client-server-api "Threaded read receipts").
    QCOMPARE(m_a->post(roomPath(QStringLiteral("/receipt/m.read.private/") + enc(eventId)), R"({"thread_id":"main"})").status, 200);
    QCOMPARE(m_a->post(roomPath(QStringLiteral("/receipt/m.read/") + enc(eventId)), R"({"thread_id":"no thread"})").errcode(),
             QStringLiteral("M_INVALID_PARAM"));
    const Reply sync = m_b->get(v3(QStringLiteral("/sync?timeout=0&since=") + since));
    const QByteArray body = sync.body;
    QVERIFY(body.contains("\"m.typing\""));
    QVERIFY(body.contains("\"m.receipt\""));
    QVERIFY(body.contains("\"m.fully_read\""));
    // The private receipt reaches only the user themself, with its thread.
    const QByteArray own = m_a->get(v3(QStringLiteral("/sync?timeout=0&since=") + since)).body;
    QVERIFY2(own.contains(R"("m.read.private":{")") && own.contains(R"("thread_id":"main")"), own.constData());
}

void TestClientApiFeatures::aliasesAndDirectory()
{
    const QString alias = enc(QStringLiteral("#features:trellis.test"));
    QCOMPARE(m_a->put(v3(QStringLiteral("/directory/room/") + alias), QStringLiteral(R"({"room_id":"%1"})").arg(m_room).toUtf8()).status, 200);
    QCOMPARE(m_a->put(v3(QStringLiteral("/directory/room/") + alias), QStringLiteral(R"({"room_id":"%1"})").arg(m_room).toUtf8()).errcode(), QStringLiteral("M_ROOM_IN_USE"));
    QCOMPARE(str(m_a->get(v3(QStringLiteral("/directory/room/") + alias)).json["room_id"]), m_room);
    QCOMPARE(m_a->put(v3(QStringLiteral("/directory/list/room/") + enc(m_room)), R"({"visibility":"public"})").status, 200);
    const Reply list = m_a->get(v3(QStringLiteral("/publicRooms")));
    QVERIFY(list.body.contains(m_room.toUtf8()));
    QVERIFY(list.body.contains("\"name\":\"features\""));
    QCOMPARE(str(m_a->post(v3(QStringLiteral("/join/") + alias), "{}").json["room_id"]), m_room); // already in: fine
    QCOMPARE(m_a->request("DELETE", v3(QStringLiteral("/directory/room/") + alias)).status, 200);
    QCOMPARE(m_a->get(v3(QStringLiteral("/directory/room/") + alias)).status, 404);
}

void TestClientApiFeatures::pushRules()
{
    const Reply all = m_a->get(v3(QStringLiteral("/pushrules/")));
    QCOMPARE(all.status, 200);
    QVERIFY(all.body.contains(".m.rule.master"));
    QCOMPARE(m_a->put(v3(QStringLiteral("/pushrules/global/override/.m.rule.master/enabled")), R"({"enabled":true})").status, 200);
    QCOMPARE(m_a->get(v3(QStringLiteral("/pushrules/global/override/.m.rule.master/enabled"))).json["enabled"].toBool(), true);
    QCOMPARE(m_a->put(v3(QStringLiteral("/pushrules/global/room/") + enc(m_room)), R"({"actions":[]})").status, 200);
    QCOMPARE(m_a->request("DELETE", v3(QStringLiteral("/pushrules/global/override/.m.rule.master"))).status, 400);
    QCOMPARE(m_a->request("DELETE", v3(QStringLiteral("/pushrules/global/room/") + enc(m_room))).status, 200);
    QCOMPARE(m_a->get(v3(QStringLiteral("/pushrules/global/room/") + enc(m_room))).status, 404);
}

void TestClientApiFeatures::deleteDeviceNeedsPassword()
{
    MatrixClient c(m_server.baseUrl());
    QVERIFY(c.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword), QStringLiteral("DEVC")));
    Reply first = m_a->request("DELETE", v3(QStringLiteral("/devices/DEVC")), "{}");
    QCOMPARE(first.status, 401);
    const QString session = str(first.json["session"]);
    QVERIFY(!session.isEmpty());
    QVERIFY(first.body.contains("m.login.password"));
    const Reply done = m_a->request("DELETE", v3(QStringLiteral("/devices/DEVC")),
                                    QStringLiteral(R"({"auth":{"type":"m.login.password","identifier":{"type":"m.id.user","user":"owner"},"password":"%1","session":"%2"}})")
                                        .arg(QLatin1String(ServerProcess::kPassword), session).toUtf8());
    QCOMPARE(done.status, 200);
    QCOMPARE(c.get(v3(QStringLiteral("/account/whoami"))).errcode(), QStringLiteral("M_UNKNOWN_TOKEN"));
    const Reply devices = m_a->get(v3(QStringLiteral("/devices")));
    QVERIFY(!devices.body.contains("DEVC"));
}

void TestClientApiFeatures::leaveKeepsHistoryReadable()
{
    const Reply created = m_a->post(v3(QStringLiteral("/createRoom")), R"({"name":"to leave"})");
    const QString room = str(created.json["room_id"]);
    const QString path = v3(QStringLiteral("/rooms/") + enc(room));
    QCOMPARE(m_a->put(path + QStringLiteral("/send/m.room.message/x"), R"({"msgtype":"m.text","body":"before"})").status, 200);
    QCOMPARE(m_a->post(path + QStringLiteral("/leave"), "{}").status, 200);
    QCOMPARE(m_a->put(path + QStringLiteral("/send/m.room.message/y"), R"({"msgtype":"m.text","body":"after"})").status, 403);
    const Reply state = m_a->get(path + QStringLiteral("/state"));
    QCOMPARE(state.status, 200);
    QVERIFY(state.body.contains("to leave"));
    const Reply messages = m_a->get(path + QStringLiteral("/messages?dir=b&limit=50"));
    QCOMPARE(messages.status, 200);
    QVERIFY(messages.body.contains("before"));
    QCOMPARE(m_a->post(path + QStringLiteral("/forget"), "{}").status, 200);
    QVERIFY(!m_a->get(v3(QStringLiteral("/joined_rooms"))).body.contains(room.toUtf8()));
}

void TestClientApiFeatures::defaultRoomVersionFromTheConfig()
{
    // The spec recommends 12 (this server's first default); rooms/default_version in
    // trellis.conf chooses another for rooms that name none, and capabilities say so.
    const Reply capabilities = m_a->get(v3(QStringLiteral("/capabilities")));
    QCOMPARE(capabilities.status, 200);
    QCOMPARE(str(capabilities.json["capabilities"].toObject()["m.room_versions"].toObject()["default"]),
             QStringLiteral("12"));

    ServerProcess older;
    {
        QVERIFY(QDir().mkpath(older.dataDir()));
        QFile config(QDir(older.dataDir()).filePath(QStringLiteral("trellis.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[server]\nname = trellis.test\nlisten = 127.0.0.1:0\n[rooms]\ndefault_version = 10\n");
    }
    QVERIFY2(older.start(true), qPrintable(older.error()));
    MatrixClient client(older.baseUrl());
    QVERIFY(client.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)));
    const Reply asked = client.get(v3(QStringLiteral("/capabilities")));
    QCOMPARE(str(asked.json["capabilities"].toObject()["m.room_versions"].toObject()["default"]),
             QStringLiteral("10"));
    const Reply created = client.post(v3(QStringLiteral("/createRoom")), R"({"name":"old clients"})");
    QCOMPARE(created.status, 200);
    const QString room = str(created.json["room_id"]);
    const Reply create = client.get(v3(QStringLiteral("/rooms/") + enc(room) + QStringLiteral("/state/m.room.create/")));
    QCOMPARE(create.status, 200);
    QCOMPARE(str(create.json["room_version"]), QStringLiteral("10"));
    // A room that names its version still gets it.
    const Reply named = client.post(v3(QStringLiteral("/createRoom")), R"({"room_version":"12"})");
    QCOMPARE(named.status, 200);
    const Reply namedCreate = client.get(v3(QStringLiteral("/rooms/") + enc(str(named.json["room_id"])) +
                                            QStringLiteral("/state/m.room.create/")));
    QCOMPARE(str(namedCreate.json["room_version"]), QStringLiteral("12"));
}

QTEST_GUILESS_MAIN(TestClientApiFeatures)
#include "tst_clientapi_features.moc"
