// trellis-cli round trips: key generate -> key public -> json sign -> json verify, and event
// sign -> event id / content-hash / verify for every room version, then the ways a received
// event can be wrong (tampered content or protected fields, wrong or unknown keys, missing
// signers). Expected signed events, IDs and hashes come from tests/data/cli/make_fixtures.py.
#include "core/json/Writer.h"
#include "tests/cli/CliRunner.h"

#include <QRegularExpression>
#include <QTest>

using namespace trellis;
using test::cliData;
using test::exitProblem;
using test::runCli;

namespace {

QByteArray canonical(const json::Value &value)
{
    return QByteArray::fromStdString(json::toCanonical(value));
}

json::Object parseObject(const QByteArray &bytes)
{
    return test::parseJson(bytes).toObject();
}

QByteArray fromStd(const std::string &text)
{
    return QByteArray::fromStdString(text);
}

const json::Object &fixture()
{
    static const json::Object doc =
        test::readJson(QStringLiteral("cli/roundtrip_events.json")).toObject();
    return doc;
}

QString fixtureString(const char *key)
{
    return QString::fromStdString(fixture()[key].toString());
}

QStringList eventCommand(const char *command, const QString &version)
{
    return {QStringLiteral("event"), QLatin1String(command), QStringLiteral("--room-version"),
            version};
}

QStringList signOptions(const QString &server, const QString &keyFile)
{
    return {QStringLiteral("--server"), server, QStringLiteral("--key"), keyFile};
}

QStringList verifyOptions(const QString &server, const QString &keyId, const QString &publicKey)
{
    return {QStringLiteral("--server"),     server,   QStringLiteral("--key-id"), keyId,
            QStringLiteral("--public-key"), publicKey};
}

// The origin server's key from the fixture: the one every round-trip event is signed with.
QStringList originVerifyOptions(const QString &publicKey = fixtureString("public_key"))
{
    return verifyOptions(fixtureString("server"), fixtureString("key_id"), publicKey);
}

} // namespace

class TestCliRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyRoundTrip_data();
    void keyRoundTrip();
    void generatedKeysDiffer();
    void eventRoundTrip_data() { eventCases(); }
    void eventRoundTrip();
    void eventTampering_data() { eventCases(); }
    void eventTampering();
    void eventSignersOfOtherServers();

private:
    void eventCases();
};

void TestCliRoundTrip::keyRoundTrip_data()
{
    QTest::addColumn<QString>("version"); // empty: let key generate choose
    QTest::newRow("default version") << QString();
    QTest::newRow("a_1") << QStringLiteral("a_1");
    QTest::newRow("7") << QStringLiteral("7");
}

void TestCliRoundTrip::keyRoundTrip()
{
    QFETCH(QString, version);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QStringList generate = {QStringLiteral("key"), QStringLiteral("generate")};
    if (!version.isEmpty())
        generate << QStringLiteral("--version") << version;
    auto result = runCli(generate);
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    const auto line =
        QRegularExpression(QStringLiteral("^ed25519 ([a-zA-Z0-9_]+) ([A-Za-z0-9+/]{43})\n$"))
            .match(QString::fromLatin1(result.out));
    QVERIFY2(line.hasMatch(), result.out.constData());
    if (version.isEmpty())
        QVERIFY2(QRegularExpression(QStringLiteral("^a_[a-zA-Z0-9_]{4}$"))
                     .match(line.captured(1))
                     .hasMatch(),
                 qPrintable(line.captured(1)));
    else
        QCOMPARE(line.captured(1), version);
    const QString keyId = QStringLiteral("ed25519:") + line.captured(1);
    const QString keyFile = test::writeFile(dir, QStringLiteral("server.key"), result.out);

    result = runCli(
        {QStringLiteral("key"), QStringLiteral("public"), QStringLiteral("--base64"), keyFile});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9+/]{43}\n$"))
                 .match(QString::fromLatin1(result.out))
                 .hasMatch(),
             result.out.constData());
    const QString publicKey = QString::fromLatin1(result.out.trimmed());

    result = runCli({QStringLiteral("key"), QStringLiteral("public"), keyFile});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out,
             QStringLiteral("{\"%1\":{\"key\":\"%2\"}}\n").arg(keyId, publicKey).toUtf8());

    const QByteArray document =
        R"({"hello":"world","list":[1,2,3],"signatures":{"other.example":{"ed25519:x":"c2ln"}},"unsigned":{"age":1}})";
    const QStringList sign = QStringList{QStringLiteral("json"), QStringLiteral("sign")} +
                             signOptions(QStringLiteral("example.org"), keyFile);
    const auto signedDoc = runCli(sign, document);
    QVERIFY2(exitProblem(signedDoc, 0).isEmpty(), qPrintable(exitProblem(signedDoc, 0)));
    // Other signatures and 'unsigned' stay.
    const json::Object signedObject = parseObject(signedDoc.out);
    QCOMPARE(fromStd(signedObject["signatures"]
                         .toObject()["other.example"]
                         .toObject()["ed25519:x"]
                         .toString()),
             QByteArray("c2ln"));
    QCOMPARE(canonical(signedObject["unsigned"]), QByteArray(R"({"age":1})"));

    const QStringList verify = {QStringLiteral("json"), QStringLiteral("verify")};
    const struct
    {
        const char *name;
        QStringList options;
        QByteArray input;
        int exitCode;
        QByteArray out;
    } checks[] = {
        {"valid", verifyOptions(QStringLiteral("example.org"), keyId, publicKey), signedDoc.out, 0,
         "{\"valid\":true}\n"},
        {"tampered", verifyOptions(QStringLiteral("example.org"), keyId, publicKey),
         QByteArray(signedDoc.out).replace("world", "World"), 1, "\"status\":\"bad signature\""},
        {"other server", verifyOptions(QStringLiteral("other.org"), keyId, publicKey),
         signedDoc.out, 1, "\"status\":\"not signed\""},
        {"unknown key ID",
         verifyOptions(QStringLiteral("example.org"), QStringLiteral("ed25519:zz"), publicKey),
         signedDoc.out, 1, "\"status\":\"no known key\""},
        {"wrong public key",
         verifyOptions(QStringLiteral("example.org"), keyId, fixtureString("other_public_key")),
         signedDoc.out, 1, "\"status\":\"bad signature\""},
    };
    for (const auto &check : checks) {
        const auto verdict = runCli(verify + check.options, check.input);
        QVERIFY2(exitProblem(verdict, check.exitCode).isEmpty(),
                 qPrintable(QLatin1String(check.name) + QStringLiteral(": ") +
                            exitProblem(verdict, check.exitCode)));
        if (check.exitCode == 0) {
            QCOMPARE(verdict.out, check.out);
        } else {
            QVERIFY2(verdict.out.startsWith("{\"detail\":\"") && verdict.out.contains(check.out) &&
                         verdict.out.endsWith(",\"valid\":false}\n"),
                     qPrintable(QLatin1String(check.name) + QStringLiteral(": ") +
                                QString::fromUtf8(verdict.out)));
        }
    }
}

void TestCliRoundTrip::generatedKeysDiffer()
{
    const auto a = runCli({QStringLiteral("key"), QStringLiteral("generate"),
                           QStringLiteral("--version"), QStringLiteral("1")});
    const auto b = runCli({QStringLiteral("key"), QStringLiteral("generate"),
                           QStringLiteral("--version"), QStringLiteral("1")});
    QVERIFY2(exitProblem(a, 0).isEmpty() && exitProblem(b, 0).isEmpty(),
             qPrintable(exitProblem(a, 0)));
    QVERIFY(a.out != b.out);
}

void TestCliRoundTrip::eventCases()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("signedEvent");
    QTest::addColumn<QByteArray>("eventId");
    QTest::addColumn<QByteArray>("contentHash");
    QTest::addColumn<QByteArray>("redacted");
    QTest::addColumn<QByteArray>("contentTamperVerdict");
    const json::Array &cases = fixture()["cases"].toArray();
    QCOMPARE(cases.size(), size_t(26)); // a message and a member event per version, two creates
    for (const json::Value &c : cases) {
        const json::Object &o = c.toObject();
        QTest::newRow(o["name"].toString().c_str())
            << QString::fromStdString(o["room_version"].toString()) << canonical(o["event"])
            << fromStd(o["signed"].toString()) << fromStd(o["event_id"].toString())
            << fromStd(o["content_hash"].toString()) << fromStd(o["redacted"].toString())
            << fromStd(o["content_tamper_verdict"].toString());
    }
}

void TestCliRoundTrip::eventRoundTrip()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, signedEvent);
    QFETCH(QByteArray, eventId);
    QFETCH(QByteArray, contentHash);
    QFETCH(QByteArray, redacted);

    auto result = runCli(
        eventCommand("sign", version) +
            signOptions(fixtureString("server"), cliData(QStringLiteral("origin.signing.key"))),
        event);
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, signedEvent + '\n');

    const struct
    {
        const char *command;
        QByteArray expected;
    } checks[] = {{"id", eventId}, {"content-hash", contentHash}, {"redact", redacted}};
    for (const auto &check : checks) {
        result = runCli(eventCommand(check.command, version), signedEvent);
        QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        QCOMPARE(result.out, check.expected + '\n');
    }

    result = runCli(eventCommand("verify", version) + originVerifyOptions(), signedEvent);
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(
        result.out,
        "{\"event_id\":\"" + eventId +
            R"(","signers":[{"required_as":"sender","server":"origin.example","status":"valid"}],)"
            R"("verdict":"valid"})"
            "\n");
}

void TestCliRoundTrip::eventTampering()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, signedEvent);
    QFETCH(QByteArray, eventId);
    QFETCH(QByteArray, redacted);
    QFETCH(QByteArray, contentTamperVerdict);

    const json::Object original = parseObject(signedEvent);
    json::Object tamperedContent = original;
    json::Object content = original["content"].toObject();
    content.insert("tampered", true);
    tamperedContent.insert("content", content);
    json::Object tamperedTs = original;
    tamperedTs.insert("origin_server_ts", original["origin_server_ts"].toInteger() + 1);
    json::Object unsignedEvent = original;
    unsignedEvent.insert("signatures", json::Object());

    const struct
    {
        const char *name;
        json::Object event;
        QStringList keys;
        QByteArray verdict;
    } checks[] = {
        {"tampered content", tamperedContent, originVerifyOptions(), contentTamperVerdict},
        {"tampered origin_server_ts", tamperedTs, originVerifyOptions(), "bad_signature"},
        {"wrong public key", original, originVerifyOptions(fixtureString("other_public_key")),
         "bad_signature"},
        {"unknown key ID", original,
         verifyOptions(fixtureString("server"), QStringLiteral("ed25519:k2"),
                       fixtureString("public_key")),
         "missing_signature"},
        {"no signatures", unsignedEvent, originVerifyOptions(), "missing_signature"},
    };
    for (const auto &check : checks) {
        const QString what = QLatin1String(check.name) + QStringLiteral(": ");
        const auto result =
            runCli(eventCommand("verify", version) + check.keys, canonical(check.event));
        QVERIFY2(exitProblem(result, 1).isEmpty(), qPrintable(what + exitProblem(result, 1)));
        const json::Object verdict = parseObject(result.out);
        QCOMPARE(fromStd(verdict["verdict"].toString()), check.verdict);
        QVERIFY2(!verdict["detail"].toString().empty(),
                 qPrintable(what + QString::fromUtf8(result.out)));
        QCOMPARE(verdict["signers"].toArray().size(), size_t(1));
        if (check.verdict == "content_hash_mismatch") {
            // The signatures hold, so the redacted event stands in for the received one.
            QCOMPARE(fromStd(verdict["event_id"].toString()), eventId);
            QCOMPARE(canonical(verdict["redacted_event"]), redacted);
            QCOMPARE(fromStd(verdict["signers"].toArray()[0].toObject()["status"].toString()),
                     QByteArray("valid"));
        } else {
            QVERIFY2(!verdict.contains("redacted_event") && !verdict.contains("event_id"),
                     qPrintable(what + QString::fromUtf8(result.out)));
        }
    }
}

void TestCliRoundTrip::eventSignersOfOtherServers()
{
    // Events some other server must also sign: the event_id's domain in room versions 1 and 2,
    // and the authorising server of a restricted join (v8+). --server/--key-id/--public-key
    // repeat, one server per key.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto generated = runCli({QStringLiteral("key"), QStringLiteral("generate"),
                                   QStringLiteral("--version"), QStringLiteral("b1")});
    QVERIFY2(exitProblem(generated, 0).isEmpty(), qPrintable(exitProblem(generated, 0)));
    const QString otherKey = test::writeFile(dir, QStringLiteral("other.key"), generated.out);
    const auto otherPublic = runCli(
        {QStringLiteral("key"), QStringLiteral("public"), QStringLiteral("--base64"), otherKey});
    QVERIFY2(exitProblem(otherPublic, 0).isEmpty(), qPrintable(exitProblem(otherPublic, 0)));
    const QStringList otherVerify =
        verifyOptions(QStringLiteral("other.example"), QStringLiteral("ed25519:b1"),
                      QString::fromLatin1(otherPublic.out.trimmed()));

    json::Object v1Event =
        test::readJson(QStringLiteral("cli/spec/event_redactable.json")).toObject();
    v1Event.insert("event_id", "$elsewhere:other.example");
    v1Event.insert("sender", "@alice:origin.example");
    v1Event.insert("depth", 3);
    v1Event.insert("prev_events", json::Array());
    v1Event.insert("auth_events", json::Array());
    v1Event.insert("hashes", json::Object());
    json::Object joinAuthorised;
    joinAuthorised.insert("membership", "join");
    joinAuthorised.insert("join_authorised_via_users_server", "@bob:other.example");
    json::Object v10Join =
        parseObject(R"({"type":"m.room.member","state_key":"@alice:origin.example",
        "sender":"@alice:origin.example","room_id":"!room:origin.example","depth":2,
        "origin_server_ts":1700000000000,"prev_events":[],"auth_events":[],"hashes":{},"signatures":{}})");
    v10Join.insert("content", joinAuthorised);

    const struct
    {
        const char *version;
        json::Object event;
        const char *otherRole;
    } cases[] = {{"1", v1Event, "event_id domain"},
                 {"10", v10Join, "join_authorised_via_users_server"}};
    for (const auto &c : cases) {
        const QString version = QLatin1String(c.version);
        auto once = runCli(eventCommand("sign", version) +
                               signOptions(QStringLiteral("origin.example"),
                                           cliData(QStringLiteral("origin.signing.key"))),
                           canonical(c.event));
        QVERIFY2(exitProblem(once, 0).isEmpty(), qPrintable(exitProblem(once, 0)));
        auto twice = runCli(eventCommand("sign", version) +
                                signOptions(QStringLiteral("other.example"), otherKey),
                            once.out);
        QVERIFY2(exitProblem(twice, 0).isEmpty(), qPrintable(exitProblem(twice, 0)));

        auto result = runCli(eventCommand("verify", version) + originVerifyOptions() + otherVerify,
                             twice.out);
        QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        json::Object verdict = parseObject(result.out);
        QCOMPARE(fromStd(verdict["verdict"].toString()), QByteArray("valid"));
        QCOMPARE(canonical(verdict["signers"]),
                 QStringLiteral(
                     R"([{"required_as":"sender","server":"origin.example","status":"valid"},)"
                     R"({"required_as":"%1","server":"other.example","status":"valid"}])")
                     .arg(QLatin1String(c.otherRole))
                     .toUtf8());

        // Only the origin's key, or only its signature: the other server's is missing.
        for (const QByteArray &input : {twice.out, once.out}) {
            const QStringList keys =
                input == once.out ? originVerifyOptions() + otherVerify : originVerifyOptions();
            result = runCli(eventCommand("verify", version) + keys, input);
            QVERIFY2(exitProblem(result, 1).isEmpty(), qPrintable(exitProblem(result, 1)));
            verdict = parseObject(result.out);
            QCOMPARE(fromStd(verdict["verdict"].toString()), QByteArray("missing_signature"));
        }
    }
}

QTEST_GUILESS_MAIN(TestCliRoundTrip)
#include "tst_cli_roundtrip.moc"
