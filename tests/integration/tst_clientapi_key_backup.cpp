// Server-side key backups (client-server-api "Server-side key backups", key_backup.yaml) over
// real HTTP against `trellis-cli serve`, as nheko and Element use them right after login:
// no backup yet is M_NOT_FOUND (not M_UNRECOGNIZED), a created backup reads back with its
// count and etag, keys go in and out through the three routes, the spec's rule decides which
// key of a session stays, writes to an old version are M_WRONG_ROOM_KEYS_VERSION with the
// current version, deleting a version twice succeeds, and bad input gets the spec's errcodes.
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/json/QtStrings.h"

#include <QTest>
#include <QUrl>

using namespace trellis;
using namespace trellis::test;

namespace {

QString enc(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }
QString str(const json::Value &value) { return json::toQString(value.toString()); }

const QString kRoom = QStringLiteral("!backup:trellis.test");
const QString kOtherRoom = QStringLiteral("!other:trellis.test");
// Megolm session IDs are standard base64: '/' and '+' must survive the path.
const QString kSession = QStringLiteral("ab/cd+ef");

QByteArray keyJson(int index, int forwarded, bool verified, const QString &marker)
{
    return body(QStringLiteral(R"({"first_message_index": %1, "forwarded_count": %2, "is_verified": %3,
                                   "session_data": {"ciphertext": "%4", "ephemeral": "e", "mac": "m"}})")
                    .arg(index)
                    .arg(forwarded)
                    .arg(verified ? QStringLiteral("true") : QStringLiteral("false"), marker));
}

} // namespace

class TestClientApiKeyBackup : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    std::unique_ptr<MatrixClient> m_client;
    QString v3(const QString &path) const { return QStringLiteral("/_matrix/client/v3") + path; }
    QString keyPath(const QString &room, const QString &session, const QString &version) const
    {
        return v3(QStringLiteral("/room_keys/keys/%1/%2?version=%3").arg(enc(room), enc(session), version));
    }
    /// A new backup version, which becomes the current one.
    QString createBackup(const QString &publicKey = QStringLiteral("pk"));

private Q_SLOTS:
    void initTestCase();
    void noBackupIsNotFound();
    void createAndRead();
    void updateAuthData();
    void keysThroughEveryRoute();
    void replacementRule_data();
    void replacementRule();
    void onlyTheCurrentVersionTakesKeys();
    void deleteVersion();
    void badInput_data();
    void badInput();
};

void TestClientApiKeyBackup::initTestCase()
{
    QVERIFY2(m_server.start(true), qPrintable(m_server.error()));
    m_client = std::make_unique<MatrixClient>(m_server.baseUrl());
    QVERIFY(m_client->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)));
}

QString TestClientApiKeyBackup::createBackup(const QString &publicKey)
{
    Reply created = m_client->post(v3(QStringLiteral("/room_keys/version")),
                                   body(QStringLiteral(R"({"algorithm": "m.megolm_backup.v1.curve25519-aes-sha2",
                                                         "auth_data": {"public_key": "%1"}})")
                                            .arg(publicKey)));
    if (created.status != 200)
        qWarning() << "creating a backup:" << created.status << created.body;
    return str(created.json["version"]);
}

void TestClientApiKeyBackup::noBackupIsNotFound()
{
    // What nheko asks first after login; it must read as "no backup", not as "no endpoint".
    Reply current = m_client->get(v3(QStringLiteral("/room_keys/version")));
    QCOMPARE(current.status, 404);
    QCOMPARE(current.errcode(), QStringLiteral("M_NOT_FOUND"));
    QCOMPARE(m_client->get(v3(QStringLiteral("/room_keys/version/1"))).errcode(), QStringLiteral("M_NOT_FOUND"));
    Reply keys = m_client->get(v3(QStringLiteral("/room_keys/keys?version=1")));
    QCOMPARE(keys.status, 404);
    QCOMPARE(keys.errcode(), QStringLiteral("M_NOT_FOUND"));
}

void TestClientApiKeyBackup::createAndRead()
{
    const QString version = createBackup(QStringLiteral("first"));
    QVERIFY(!version.isEmpty());
    for (const QString &path : QStringList{QStringLiteral("/room_keys/version"), QStringLiteral("/room_keys/version/") + version}) {
        Reply info = m_client->get(v3(path));
        QCOMPARE(info.status, 200);
        QCOMPARE(str(info.json["algorithm"]), QStringLiteral("m.megolm_backup.v1.curve25519-aes-sha2"));
        QCOMPARE(str(info.json["auth_data"].toObject()["public_key"]), QStringLiteral("first"));
        QCOMPARE(info.json["count"].toInteger(-1), 0);
        QVERIFY(info.json["etag"].isString());
        QCOMPARE(str(info.json["version"]), version);
    }
    // A second backup replaces the first as the current one.
    const QString second = createBackup(QStringLiteral("second"));
    QVERIFY(second != version);
    QCOMPARE(str(m_client->get(v3(QStringLiteral("/room_keys/version"))).json["version"]), second);
}

void TestClientApiKeyBackup::updateAuthData()
{
    const QString version = createBackup();
    const QString path = v3(QStringLiteral("/room_keys/version/") + version);
    Reply updated = m_client->put(path, body(QStringLiteral(R"({"algorithm": "m.megolm_backup.v1.curve25519-aes-sha2",
                                                               "auth_data": {"public_key": "new"}, "version": "%1"})")
                                                 .arg(version)));
    QCOMPARE(updated.status, 200);
    QCOMPARE(str(m_client->get(path).json["auth_data"].toObject()["public_key"]), QStringLiteral("new"));

    Reply otherAlgorithm = m_client->put(path, body(QStringLiteral(R"({"algorithm": "other", "auth_data": {}})")));
    QCOMPARE(otherAlgorithm.status, 400);
    QCOMPARE(otherAlgorithm.errcode(), QStringLiteral("M_INVALID_PARAM"));
    Reply otherVersion = m_client->put(path, body(QStringLiteral(R"({"algorithm": "m.megolm_backup.v1.curve25519-aes-sha2",
                                                                    "auth_data": {}, "version": "999"})")));
    QCOMPARE(otherVersion.errcode(), QStringLiteral("M_INVALID_PARAM"));
    Reply unknown = m_client->put(v3(QStringLiteral("/room_keys/version/999")),
                                  body(QStringLiteral(R"({"algorithm": "m.megolm_backup.v1.curve25519-aes-sha2", "auth_data": {}})")));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errcode(), QStringLiteral("M_NOT_FOUND"));
}

void TestClientApiKeyBackup::keysThroughEveryRoute()
{
    const QString version = createBackup();
    // All rooms at once, as clients back up their history.
    Reply bulk = m_client->put(v3(QStringLiteral("/room_keys/keys?version=") + version),
                               body(QStringLiteral(R"({"rooms": {"%1": {"sessions": {"s1": %2, "s2": %2}}}})")
                                        .arg(kRoom, QString::fromUtf8(keyJson(0, 0, true, QStringLiteral("bulk"))))));
    QCOMPARE(bulk.status, 200);
    QCOMPARE(bulk.json["count"].toInteger(-1), 2);
    const QString etagAfterBulk = str(bulk.json["etag"]);
    // One room's sessions.
    Reply room = m_client->put(v3(QStringLiteral("/room_keys/keys/%1?version=%2").arg(enc(kOtherRoom), version)),
                               body(QStringLiteral(R"({"sessions": {"s3": %1}})").arg(QString::fromUtf8(keyJson(0, 0, false, QStringLiteral("room"))))));
    QCOMPARE(room.status, 200);
    QCOMPARE(room.json["count"].toInteger(-1), 3);
    QVERIFY(str(room.json["etag"]) != etagAfterBulk);
    // One session, its ID holding '/' and '+'.
    Reply one = m_client->put(keyPath(kRoom, kSession, version), keyJson(0, 0, false, QStringLiteral("one")));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json["count"].toInteger(-1), 4);
    QCOMPARE(m_client->get(v3(QStringLiteral("/room_keys/version"))).json["count"].toInteger(-1), 4);

    Reply all = m_client->get(v3(QStringLiteral("/room_keys/keys?version=") + version));
    QCOMPARE(all.status, 200);
    const json::Object rooms = all.json["rooms"].toObject();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms[json::toUtf8(kRoom)].toObject()["sessions"].toObject().size(), 3);
    Reply byRoom = m_client->get(v3(QStringLiteral("/room_keys/keys/%1?version=%2").arg(enc(kOtherRoom), version)));
    QCOMPARE(str(byRoom.json["sessions"].toObject()["s3"].toObject()["session_data"].toObject()["ciphertext"]), QStringLiteral("room"));
    Reply bySession = m_client->get(keyPath(kRoom, kSession, version));
    QCOMPARE(bySession.status, 200);
    QCOMPARE(str(bySession.json["session_data"].toObject()["ciphertext"]), QStringLiteral("one"));
    QCOMPARE(bySession.json["is_verified"].toBool(true), false);

    // Missing keys: 404 for one session, an empty object for a room.
    QCOMPARE(m_client->get(keyPath(kRoom, QStringLiteral("nope"), version)).errcode(), QStringLiteral("M_NOT_FOUND"));
    Reply emptyRoom = m_client->get(v3(QStringLiteral("/room_keys/keys/%1?version=%2").arg(enc(QStringLiteral("!empty:trellis.test")), version)));
    QCOMPARE(emptyRoom.status, 200);
    QVERIFY(emptyRoom.json["sessions"].isObject());
    QCOMPARE(emptyRoom.json["sessions"].toObject().size(), 0);

    // Deleting one session, then a room, then everything.
    Reply deletedOne = m_client->request("DELETE", keyPath(kRoom, kSession, version));
    QCOMPARE(deletedOne.status, 200);
    QCOMPARE(deletedOne.json["count"].toInteger(-1), 3);
    Reply deletedRoom = m_client->request("DELETE", v3(QStringLiteral("/room_keys/keys/%1?version=%2").arg(enc(kRoom), version)));
    QCOMPARE(deletedRoom.json["count"].toInteger(-1), 1);
    Reply deletedAll = m_client->request("DELETE", v3(QStringLiteral("/room_keys/keys?version=") + version));
    QCOMPARE(deletedAll.json["count"].toInteger(-1), 0);
    QCOMPARE(m_client->get(v3(QStringLiteral("/room_keys/keys?version=") + version)).json["rooms"].toObject().size(), 0);
}

void TestClientApiKeyBackup::replacementRule_data()
{
    // Stored key, then uploaded key: (index, forwarded, verified) each; which one stays.
    QTest::addColumn<int>("storedIndex");
    QTest::addColumn<int>("storedForwarded");
    QTest::addColumn<bool>("storedVerified");
    QTest::addColumn<int>("newIndex");
    QTest::addColumn<int>("newForwarded");
    QTest::addColumn<bool>("newVerified");
    QTest::addColumn<bool>("replaced");
    QTest::newRow("verified beats a lower index") << 5 << 0 << false << 9 << 3 << true << true;
    QTest::newRow("unverified never replaces verified") << 9 << 3 << true << 0 << 0 << false << false;
    QTest::newRow("lower index wins") << 5 << 0 << false << 2 << 4 << false << true;
    QTest::newRow("higher index loses") << 2 << 4 << false << 5 << 0 << false << false;
    QTest::newRow("same index: fewer forwards win") << 2 << 4 << true << 2 << 1 << true << true;
    QTest::newRow("same index: more forwards lose") << 2 << 1 << true << 2 << 4 << true << false;
    QTest::newRow("the same key again keeps the stored one") << 2 << 1 << false << 2 << 1 << false << false;
}

void TestClientApiKeyBackup::replacementRule()
{
    QFETCH(int, storedIndex);
    QFETCH(int, storedForwarded);
    QFETCH(bool, storedVerified);
    QFETCH(int, newIndex);
    QFETCH(int, newForwarded);
    QFETCH(bool, newVerified);
    QFETCH(bool, replaced);
    const QString version = createBackup();
    Reply stored = m_client->put(keyPath(kRoom, kSession, version),
                                 keyJson(storedIndex, storedForwarded, storedVerified, QStringLiteral("stored")));
    QCOMPARE(stored.status, 200);
    Reply uploaded = m_client->put(keyPath(kRoom, kSession, version),
                                   keyJson(newIndex, newForwarded, newVerified, QStringLiteral("new")));
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.json["count"].toInteger(-1), 1);
    // The etag moves only if the stored key changed.
    QCOMPARE(str(uploaded.json["etag"]) != str(stored.json["etag"]), replaced);
    Reply kept = m_client->get(keyPath(kRoom, kSession, version));
    QCOMPARE(str(kept.json["session_data"].toObject()["ciphertext"]), replaced ? QStringLiteral("new") : QStringLiteral("stored"));
}

void TestClientApiKeyBackup::onlyTheCurrentVersionTakesKeys()
{
    const QString old = createBackup();
    const QString current = createBackup();
    Reply wrong = m_client->put(keyPath(kRoom, kSession, old), keyJson(0, 0, false, QStringLiteral("x")));
    QCOMPARE(wrong.status, 403);
    QCOMPARE(wrong.errcode(), QStringLiteral("M_WRONG_ROOM_KEYS_VERSION"));
    QCOMPARE(str(wrong.json["current_version"]), current);
    Reply garbage = m_client->put(keyPath(kRoom, kSession, QStringLiteral("abc")), keyJson(0, 0, false, QStringLiteral("x")));
    QCOMPARE(garbage.errcode(), QStringLiteral("M_WRONG_ROOM_KEYS_VERSION"));
    Reply missing = m_client->put(v3(QStringLiteral("/room_keys/keys/%1/%2").arg(enc(kRoom), enc(kSession))),
                                  keyJson(0, 0, false, QStringLiteral("x")));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errcode(), QStringLiteral("M_MISSING_PARAM"));
    // The old version can still be read.
    QCOMPARE(m_client->get(v3(QStringLiteral("/room_keys/keys?version=") + old)).status, 200);
}

void TestClientApiKeyBackup::deleteVersion()
{
    const QString previous = createBackup(QStringLiteral("previous"));
    const QString version = createBackup(QStringLiteral("doomed"));
    QCOMPARE(m_client->put(keyPath(kRoom, kSession, version), keyJson(0, 0, false, QStringLiteral("x"))).status, 200);
    const QString path = v3(QStringLiteral("/room_keys/version/") + version);
    QCOMPARE(m_client->request("DELETE", path).status, 200);
    // Deleting it again succeeds; a version that never existed does not.
    QCOMPARE(m_client->request("DELETE", path).status, 200);
    Reply never = m_client->request("DELETE", v3(QStringLiteral("/room_keys/version/987654")));
    QCOMPARE(never.status, 404);
    QCOMPARE(never.errcode(), QStringLiteral("M_NOT_FOUND"));
    // Gone with its keys; the previous version is current again, and the deleted number is
    // never handed out again.
    QCOMPARE(m_client->get(path).errcode(), QStringLiteral("M_NOT_FOUND"));
    QCOMPARE(m_client->get(keyPath(kRoom, kSession, version)).errcode(), QStringLiteral("M_NOT_FOUND"));
    QCOMPARE(str(m_client->get(v3(QStringLiteral("/room_keys/version"))).json["version"]), previous);
    const QString next = createBackup();
    QVERIFY(next != version);
    QCOMPARE(m_client->get(keyPath(kRoom, kSession, next)).errcode(), QStringLiteral("M_NOT_FOUND"));
}

void TestClientApiKeyBackup::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); ///< below /room_keys; VERSION stands for the current version
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errcode");
    const QByteArray goodKey = keyJson(0, 0, false, QStringLiteral("x"));
    QTest::newRow("version: not JSON") << QByteArray("POST") << QStringLiteral("/version") << QByteArray("{nope") << 400 << "M_NOT_JSON";
    QTest::newRow("version: no algorithm") << QByteArray("POST") << QStringLiteral("/version") << body(QStringLiteral(R"({"auth_data": {}})")) << 400 << "M_MISSING_PARAM";
    QTest::newRow("version: auth_data not an object") << QByteArray("POST") << QStringLiteral("/version")
                                                      << body(QStringLiteral(R"({"algorithm": "a", "auth_data": "x"})")) << 400 << "M_BAD_JSON";
    QTest::newRow("keys: no rooms") << QByteArray("PUT") << QStringLiteral("/keys?version=VERSION") << body(QStringLiteral("{}")) << 400 << "M_MISSING_PARAM";
    QTest::newRow("keys: bad room ID") << QByteArray("PUT") << QStringLiteral("/keys?version=VERSION")
                                       << body(QStringLiteral(R"({"rooms": {"not-a-room": {"sessions": {}}}})")) << 400 << "M_INVALID_PARAM";
    QTest::newRow("keys: room not an object") << QByteArray("PUT") << QStringLiteral("/keys?version=VERSION")
                                              << body(QStringLiteral(R"({"rooms": {"!r:trellis.test": []}})")) << 400 << "M_BAD_JSON";
    QTest::newRow("room: no sessions") << QByteArray("PUT") << QStringLiteral("/keys/%21r%3Atrellis.test?version=VERSION")
                                       << body(QStringLiteral("{}")) << 400 << "M_MISSING_PARAM";
    QTest::newRow("session: missing is_verified") << QByteArray("PUT") << QStringLiteral("/keys/%21r%3Atrellis.test/s?version=VERSION")
                                                  << body(QStringLiteral(R"({"first_message_index": 0, "forwarded_count": 0, "session_data": {}})"))
                                                  << 400 << "M_MISSING_PARAM";
    QTest::newRow("session: index a string") << QByteArray("PUT") << QStringLiteral("/keys/%21r%3Atrellis.test/s?version=VERSION")
                                             << body(QStringLiteral(R"({"first_message_index": "0", "forwarded_count": 0, "is_verified": false, "session_data": {}})"))
                                             << 400 << "M_BAD_JSON";
    QTest::newRow("session: negative index") << QByteArray("PUT") << QStringLiteral("/keys/%21r%3Atrellis.test/s?version=VERSION")
                                             << keyJson(-1, 0, false, QStringLiteral("x")) << 400 << "M_INVALID_PARAM";
    QTest::newRow("session: session_data not an object") << QByteArray("PUT") << QStringLiteral("/keys/%21r%3Atrellis.test/s?version=VERSION")
                                                         << body(QStringLiteral(R"({"first_message_index": 0, "forwarded_count": 0, "is_verified": false, "session_data": 1})"))
                                                         << 400 << "M_BAD_JSON";
    QTest::newRow("session: bad room ID in the path") << QByteArray("PUT") << QStringLiteral("/keys/room/s?version=VERSION") << goodKey << 400 << "M_INVALID_PARAM";
    QTest::newRow("read: no version") << QByteArray("GET") << QStringLiteral("/keys") << QByteArray() << 400 << "M_MISSING_PARAM";
    QTest::newRow("read: unknown version") << QByteArray("GET") << QStringLiteral("/keys?version=424242") << QByteArray() << 404 << "M_NOT_FOUND";
    QTest::newRow("delete keys: unknown version") << QByteArray("DELETE") << QStringLiteral("/keys?version=x") << QByteArray() << 404 << "M_NOT_FOUND";
}

void TestClientApiKeyBackup::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, errcode);
    if (path.contains(QLatin1String("VERSION")))
        path.replace(QLatin1String("VERSION"), createBackup());
    Reply reply = m_client->request(method, v3(QStringLiteral("/room_keys") + path), payload);
    QCOMPARE(reply.errcode(), errcode);
    QCOMPARE(reply.status, status);
    // Authentication is required everywhere.
    MatrixClient anonymous(m_server.baseUrl());
    QCOMPARE(anonymous.request(method, v3(QStringLiteral("/room_keys") + path), payload).errcode(), QStringLiteral("M_MISSING_TOKEN"));
}

QTEST_GUILESS_MAIN(TestClientApiKeyBackup)
#include "tst_clientapi_key_backup.moc"
