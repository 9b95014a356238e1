// Bad input over real HTTP (issue: "malformed JSON, wrong types, huge bodies, unknown rooms,
// other users' IDs, replayed transaction IDs — each gets the right error, nothing is
// written"). Answers per client-server-api "Standard error response" and "API Standards".
#include "tests/integration/MatrixClient.h"
#include "tests/integration/ServerProcess.h"

#include "core/json/QtStrings.h"

#include <QTest>
#include <QUrl>

using namespace trellis;
using namespace trellis::test;

class TestClientApiBadInput : public QObject
{
    Q_OBJECT

private:
    QString roomPath(const QString &rest) const
    {
        return QStringLiteral("/_matrix/client/v3/rooms/")
               + QString::fromLatin1(QUrl::toPercentEncoding(m_roomId)) + rest;
    }
    /// How many events the room's whole history holds (paginating /messages backwards).
    int historySize();

    ServerProcess m_server;
    std::unique_ptr<MatrixClient> m_client;
    QString m_roomId;

private Q_SLOTS:
    void initTestCase();
    void errors_data();
    void errors();
    void replayedTransactionId();
    void otherUsersIds();
    void tokens();
    void corsPreflight();
    void loginRateLimit();
};

int TestClientApiBadInput::historySize()
{
    int count = 0;
    QString from;
    const Reply sync = m_client->get(QStringLiteral("/_matrix/client/v3/sync?timeout=0"));
    from = json::toQString(sync.json["next_batch"].toString());
    for (int page = 0; page < 100; ++page) {
        const Reply messages = m_client->get(roomPath(QStringLiteral("/messages?dir=b&limit=50&from=") + from));
        if (messages.status != 200)
            return -1;
        const json::Array &chunk = messages.json["chunk"].toArray();
        count += int(chunk.size());
        const json::Value *end = messages.json.find("end");
        if (chunk.empty() || !end)
            break;
        from = json::toQString(end->toString());
    }
    return count;
}

void TestClientApiBadInput::initTestCase()
{
    QVERIFY2(m_server.start(true), qPrintable(m_server.error()));
    m_client = std::make_unique<MatrixClient>(m_server.baseUrl());
    QVERIFY(m_client->login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)));
    const Reply created = m_client->post(QStringLiteral("/_matrix/client/v3/createRoom"), "{}");
    QCOMPARE(created.status, 200);
    m_roomId = json::toQString(created.json["room_id"].toString());
}

void TestClientApiBadInput::errors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {room} is the test room
    QTest::addColumn<QByteArray>("requestBody");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errcode");

    const QByteArray send = "/rooms/{room}/send/m.room.message/";
    QTest::newRow("not json") << QByteArray("PUT") << QString::fromLatin1(send + "t1") << QByteArray("{\"body\": ") << 400 << "M_NOT_JSON";
    QTest::newRow("array body") << QByteArray("PUT") << QString::fromLatin1(send + "t2") << QByteArray("[1,2]") << 400 << "M_BAD_JSON";
    QTest::newRow("duplicate keys") << QByteArray("PUT") << QString::fromLatin1(send + "t3") << QByteArray("{\"a\":1,\"a\":2}") << 400 << "M_BAD_JSON";
    QTest::newRow("invalid utf-8") << QByteArray("PUT") << QString::fromLatin1(send + "t4") << QByteArray("{\"body\":\"\xff\"}") << 400 << "M_NOT_JSON";
    QTest::newRow("huge event") << QByteArray("PUT") << QString::fromLatin1(send + "t5")
                                << QByteArray("{\"body\":\"" + QByteArray(70000, 'x') + "\"}") << 413 << "M_TOO_LARGE";
    QTest::newRow("huge body") << QByteArray("POST") << QStringLiteral("/createRoom")
                               << QByteArray("{\"name\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}") << 413 << "M_TOO_LARGE";
    QTest::newRow("createRoom name type") << QByteArray("POST") << QStringLiteral("/createRoom") << QByteArray("{\"name\":5}") << 400 << "M_BAD_JSON";
    QTest::newRow("createRoom preset") << QByteArray("POST") << QStringLiteral("/createRoom") << QByteArray("{\"preset\":\"party\"}") << 400 << "M_INVALID_PARAM";
    QTest::newRow("createRoom version") << QByteArray("POST") << QStringLiteral("/createRoom") << QByteArray("{\"room_version\":\"99\"}") << 400 << "M_UNSUPPORTED_ROOM_VERSION";
    QTest::newRow("state key type") << QByteArray("PUT") << QStringLiteral("/rooms/{room}/state/m.room.topic") << QByteArray("{\"topic\":[1]}") << 200 << "";
    QTest::newRow("unknown room send") << QByteArray("PUT") << QStringLiteral("/rooms/!nowhere:trellis.test/send/m.room.message/t6") << QByteArray("{}") << 403 << "M_FORBIDDEN";
    QTest::newRow("unknown room event") << QByteArray("GET") << QStringLiteral("/rooms/!nowhere:trellis.test/event/$x") << QByteArray() << 404 << "M_NOT_FOUND";
    QTest::newRow("bad room id") << QByteArray("GET") << QStringLiteral("/rooms/nonsense/messages?dir=b") << QByteArray() << 400 << "M_INVALID_PARAM";
    QTest::newRow("unknown event") << QByteArray("GET") << QStringLiteral("/rooms/{room}/event/$nonexistent") << QByteArray() << 404 << "M_NOT_FOUND";
    QTest::newRow("bad dir") << QByteArray("GET") << QStringLiteral("/rooms/{room}/messages?dir=sideways") << QByteArray() << 400 << "M_INVALID_PARAM";
    QTest::newRow("bad since") << QByteArray("GET") << QStringLiteral("/sync?since=garbage") << QByteArray() << 400 << "M_INVALID_PARAM";
    QTest::newRow("bad filter") << QByteArray("GET") << QStringLiteral("/sync?filter=%7B%22room%22%3A5%7D") << QByteArray() << 400 << "M_BAD_JSON";
    QTest::newRow("unknown endpoint") << QByteArray("GET") << QStringLiteral("/no/such/thing") << QByteArray() << 404 << "M_UNRECOGNIZED";
    QTest::newRow("wrong method") << QByteArray("DELETE") << QStringLiteral("/account/whoami") << QByteArray() << 405 << "M_UNRECOGNIZED";
    QTest::newRow("register") << QByteArray("POST") << QStringLiteral("/register") << QByteArray("{\"username\":\"eve\",\"password\":\"x\"}") << 403 << "M_FORBIDDEN";
    QTest::newRow("join unknown alias") << QByteArray("POST") << QStringLiteral("/join/%23nothing%3Atrellis.test") << QByteArray("{}") << 404 << "M_NOT_FOUND";
}

void TestClientApiBadInput::errors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, requestBody);
    QFETCH(int, status);
    QFETCH(QString, errcode);
    const int before = historySize();
    path.replace(QStringLiteral("{room}"), QString::fromLatin1(QUrl::toPercentEncoding(m_roomId)));
    const Reply reply = m_client->request(method, QStringLiteral("/_matrix/client/v3") + path, requestBody);
    QCOMPARE(reply.status, status);
    if (status == 200)
        return;
    QCOMPARE(reply.errcode(), errcode);
    QVERIFY(!reply.json["error"].toString().empty());
    QCOMPARE(historySize(), before);
}

void TestClientApiBadInput::replayedTransactionId()
{
    const int before = historySize();
    const QString path = roomPath(QStringLiteral("/send/m.room.message/replayed"));
    const Reply first = m_client->put(path, "{\"msgtype\":\"m.text\",\"body\":\"once\"}");
    QCOMPARE(first.status, 200);
    // The same transaction ID again, even with another body: the same event, nothing new
    // (client-server-api "Transaction identifiers").
    const Reply second = m_client->put(path, "{\"msgtype\":\"m.text\",\"body\":\"twice\"}");
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json["event_id"].toString(), first.json["event_id"].toString());
    QCOMPARE(historySize(), before + 1);
    // Another device may use the same transaction ID for its own event.
    MatrixClient other(m_server.baseUrl());
    QVERIFY(other.login(QLatin1String(ServerProcess::kUser), QLatin1String(ServerProcess::kPassword)));
    const Reply third = other.put(path, "{\"msgtype\":\"m.text\",\"body\":\"other device\"}");
    QCOMPARE(third.status, 200);
    QVERIFY(third.json["event_id"].toString() != first.json["event_id"].toString());
}

void TestClientApiBadInput::otherUsersIds()
{
    const QString other = QStringLiteral("@someone:elsewhere.test");
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(other));
    Reply reply = m_client->put(QStringLiteral("/_matrix/client/v3/profile/%1/displayname").arg(encoded), "{\"displayname\":\"x\"}");
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.errcode(), QStringLiteral("M_FORBIDDEN"));
    reply = m_client->put(QStringLiteral("/_matrix/client/v3/user/%1/account_data/m.test").arg(encoded), "{}");
    QCOMPARE(reply.status, 403);
    reply = m_client->post(QStringLiteral("/_matrix/client/v3/user/%1/filter").arg(encoded), "{}");
    QCOMPARE(reply.status, 403);
    reply = m_client->get(QStringLiteral("/_matrix/client/v3/user/%1/filter/0").arg(encoded));
    QCOMPARE(reply.status, 403);
}

void TestClientApiBadInput::tokens()
{
    MatrixClient anonymous(m_server.baseUrl());
    Reply reply = anonymous.get(QStringLiteral("/_matrix/client/v3/account/whoami"));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errcode(), QStringLiteral("M_MISSING_TOKEN"));
    anonymous.setAccessToken("trl_not_a_real_token");
    reply = anonymous.get(QStringLiteral("/_matrix/client/v3/account/whoami"));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errcode(), QStringLiteral("M_UNKNOWN_TOKEN"));
    reply = m_client->get(QStringLiteral("/_matrix/client/r0/account/whoami"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(json::toQString(reply.json["user_id"].toString()), m_server.userId());
}

void TestClientApiBadInput::corsPreflight()
{
    MatrixClient anonymous(m_server.baseUrl());
    const Reply reply = anonymous.request("OPTIONS", QStringLiteral("/_matrix/client/v3/sync"));
    QVERIFY(reply.status == 200 || reply.status == 204);
    const Reply versions = anonymous.get(QStringLiteral("/_matrix/client/versions"));
    QCOMPARE(versions.status, 200);
    const json::Array &list = versions.json["versions"].toArray();
    QVERIFY(std::find(list.begin(), list.end(), json::Value("v1.12")) != list.end());
}

void TestClientApiBadInput::loginRateLimit()
{
    MatrixClient guesser(m_server.baseUrl());
    int limited = 0;
    qint64 retryAfter = -1;
    for (int attempt = 0; attempt < 20 && !limited; ++attempt) {
        const Reply reply = guesser.post(QStringLiteral("/_matrix/client/v3/login"),
                                         "{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\",\"user\":\"owner\"},\"password\":\"guess\"}");
        if (reply.status == 429) {
            ++limited;
            QCOMPARE(reply.errcode(), QStringLiteral("M_LIMIT_EXCEEDED"));
            retryAfter = reply.json["retry_after_ms"].toInteger(-1);
        } else {
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.errcode(), QStringLiteral("M_FORBIDDEN"));
        }
    }
    QVERIFY2(limited, "twenty wrong passwords in a row were never rate limited");
    QVERIFY(retryAfter > 0);
}

QTEST_GUILESS_MAIN(TestClientApiBadInput)
#include "tst_clientapi_bad_input.moc"
