// Signing events and checking received ones: server-server-api "Signing Events" ("Adding
// hashes and signatures to outgoing events", "Validating hashes and signatures on received
// events"), rooms/v5 signing requirements (key validity), rooms/v8 restricted joins. The
// expected hashes, signatures, IDs and redacted copies come from make_fixtures.py.
#include "EventTestSupport.h"

#include "core/crypto/JsonSigning.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/events/Redaction.h"
#include "core/json/Reader.h"

#include <QTest>

using namespace trellis;
using events::EventVerdict;

Q_DECLARE_METATYPE(trellis::events::EventVerdict)

class TestEventSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signAndVerify_data();
    void signAndVerify();
    void tamperEveryByte_data();
    void tamperEveryByte();
    void changedContentGivesRedactedCopy_data();
    void changedContentGivesRedactedCopy();
    void changedFields_data();
    void changedFields();
    void missingSignatures_data();
    void missingSignatures();
    void verdictNames();
};

namespace {

const QString kOrigin = QStringLiteral("origin.example");

json::Object signedFixture(const QString &name)
{
    return test::signingEvent(name)["signed"].toObject();
}

const events::RoomVersion &versionOf(const json::Object &fixture)
{
    return *events::RoomVersion::find(test::qstr(fixture["room_version"]));
}

// The byte range of the value of top-level `key` in canonical `bytes` of `event`.
std::pair<qsizetype, qsizetype> valueRange(const QByteArray &bytes, const json::Object &event,
                                           std::string_view key)
{
    const QByteArray needle =
        '"' + QByteArray(key.data(), qsizetype(key.size())) + "\":" + test::canonical(event[key]);
    const qsizetype at = bytes.indexOf(needle);
    if (at < 0 || bytes.indexOf(needle, at + 1) >= 0)
        qFatal("value of %s not found once", key.data());
    const qsizetype start = at + qsizetype(key.size()) + 3;
    return {start, at + needle.size()};
}

QList<QByteArray> decodedSignatures(const json::Object &event)
{
    QList<QByteArray> out;
    for (const json::Member &server : event["signatures"].toObject()) {
        for (const json::Member &sig : server.value.toObject()) {
            const std::string &text = sig.value.toString();
            out.append(
                json::toQString(server.key + sig.key).toUtf8() + '=' +
                base64::decode(QByteArrayView(text.data(), qsizetype(text.size()))).value_or("?"));
        }
    }
    return out;
}

} // namespace

void TestEventSigning::signAndVerify_data()
{
    QTest::addColumn<json::Object>("fixture");
    for (const json::Value &e : test::signingEvents())
        QTest::newRow(e.toObject()["name"].toString().c_str()) << e.toObject();
}

void TestEventSigning::signAndVerify()
{
    QFETCH(json::Object, fixture);
    const events::RoomVersion &rv = versionOf(fixture);
    const json::Object &expected = fixture["expected"].toObject();
    json::Object event = fixture["event"].toObject();
    events::hashAndSignEvent(event, rv, kOrigin, test::serverKey(kOrigin));

    QCOMPARE(QByteArray::fromStdString(event["hashes"].toObject()["sha256"].toString()),
             QByteArray::fromStdString(expected["content_hash"].toString()));
    const QString keyId = test::qstr(test::serverEntry(kOrigin)["key_id"]);
    QCOMPARE(test::keysOf(event["signatures"]), QStringList{kOrigin});
    QCOMPARE(
        test::qstr(
            event["signatures"].toObject()[json::toUtf8(kOrigin)].toObject()[json::toUtf8(keyId)]),
        test::qstr(expected["signature"]));
    QCOMPARE(test::canonical(event), test::canonical(fixture["signed"]));
    QCOMPARE(test::canonical(events::redact(event, rv)), test::canonical(expected["redacted"]));

    const events::EventCheck check = events::verifyEvent(event, rv, test::serverRing());
    QVERIFY2(check.verdict == EventVerdict::Valid, qPrintable(check.detail));
    QVERIFY(check.accepted());
    QCOMPARE(check.pdu.eventId().toString(), test::qstr(expected["event_id"]));
    QCOMPARE(test::canonical(check.pdu.json()), test::canonical(event));
    QCOMPARE(test::signerNames(check), QStringList{QStringLiteral("origin.example/sender/valid")});

    // A second server may add its signature; both then verify, and the event stays the same
    // for the content hash and the event ID.
    json::Object twice = event;
    events::hashAndSignEvent(twice, rv, QStringLiteral("auth.example"),
                             test::serverKey(QStringLiteral("auth.example")));
    QCOMPARE(test::keysOf(twice["signatures"]),
             (QStringList{QStringLiteral("auth.example"), kOrigin}));
    QCOMPARE(events::verifyEvent(twice, rv, test::serverRing()).verdict, EventVerdict::Valid);
    QCOMPARE(events::computeEventId(twice, rv)->toString(), test::qstr(expected["event_id"]));
}

void TestEventSigning::tamperEveryByte_data()
{
    QTest::addColumn<json::Object>("fixture");
    for (const json::Value &e : test::signingEvents()) {
        const QString name = test::qstr(e.toObject()["name"]);
        if (name.startsWith(QStringLiteral("message_")) || name == QStringLiteral("create_v12") ||
            name == QStringLiteral("member_v11"))
            QTest::newRow(qPrintable(name)) << e.toObject();
    }
}

void TestEventSigning::tamperEveryByte()
{
    QFETCH(json::Object, fixture);
    const events::RoomVersion &rv = versionOf(fixture);
    const json::Object original = fixture["signed"].toObject();
    const QByteArray bytes = test::canonical(original);
    const auto [unsignedStart, unsignedEnd] = valueRange(bytes, original, "unsigned");
    const auto [sigStart, sigEnd] = valueRange(bytes, original, "signatures");
    const std::string redactedOriginal =
        crypto::signingBytes(fixture["expected"].toObject()["redacted"].toObject());
    const crypto::StaticKeyRing ring = test::serverRing();
    json::ReadOptions options;
    options.numbers = rv.numbers;

    QMap<EventVerdict, int> counts;
    int notJson = 0, sameEvent = 0, signatureAliases = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        QList<char> replacements{char(c ^ 0x01), char(c ^ 0x20), '0', 'a'};
        replacements.removeAll(c);
        std::sort(replacements.begin(), replacements.end());
        replacements.erase(std::unique(replacements.begin(), replacements.end()),
                           replacements.end());
        for (char r : replacements) {
            QByteArray tampered = bytes;
            tampered[i] = r;
            auto parsed = json::parseObject(
                std::string_view(tampered.constData(), size_t(tampered.size())), options);
            if (!parsed) {
                ++notJson;
                continue;
            }
            if (test::canonical(*parsed) == bytes) { // e.g. a hex digit's case in an escape
                ++sameEvent;
                continue;
            }
            const events::EventCheck check = events::verifyEvent(*parsed, rv, ring);
            ++counts[check.verdict];
            const QByteArray where = QByteArray::number(i) + " '" + c + "'->'" + r +
                                     "': " + events::verdictName(check.verdict).toUtf8() + " " +
                                     check.detail.toUtf8();
            if (i >= unsignedStart && i < unsignedEnd) {
                QVERIFY2(check.verdict == EventVerdict::Valid, where.constData());
                continue;
            }
            if (check.verdict == EventVerdict::Valid) {
                // Only another spelling of the same signature bytes (base64's unused low bits
                // in the last character) may still verify.
                QVERIFY2(i >= sigStart && i < sigEnd, where.constData());
                QVERIFY2(decodedSignatures(*parsed) == decodedSignatures(original),
                         where.constData());
                ++signatureAliases;
                continue;
            }
            if (check.verdict == EventVerdict::Redacted) {
                // Whatever was changed, the copy used instead is the original's redacted form.
                QCOMPARE(crypto::signingBytes(check.pdu.json()), redactedOriginal);
            } else {
                QVERIFY2(check.pdu.isNull(), where.constData());
            }
        }
    }
    qInfo("%lld bytes: %d not JSON, %d same event, %d valid in unsigned, %d signature aliases, %d "
          "redacted, %d bad signature, %d missing signature, %d malformed",
          qint64(bytes.size()), notJson, sameEvent, counts[EventVerdict::Valid] - signatureAliases,
          signatureAliases, counts[EventVerdict::Redacted], counts[EventVerdict::BadSignature],
          counts[EventVerdict::MissingSignature], counts[EventVerdict::Malformed]);
    // Every kind of outcome occurred, so the loop above really exercised each branch.
    QVERIFY(counts[EventVerdict::Valid] > signatureAliases);
    QVERIFY(counts[EventVerdict::Redacted] > 0);
    QVERIFY(counts[EventVerdict::BadSignature] > 0);
    QVERIFY(counts[EventVerdict::MissingSignature] > 0);
    QVERIFY(counts[EventVerdict::Malformed] > 0);
}

void TestEventSigning::changedContentGivesRedactedCopy_data()
{
    QTest::addColumn<json::Object>("fixture");
    QTest::addColumn<QString>("path");
    for (const json::Value &e : test::signingEvents()) {
        const QString name = test::qstr(e.toObject()["name"]);
        const QString path =
            name.startsWith(QStringLiteral("message"))  ? QStringLiteral("content/body")
            : name.startsWith(QStringLiteral("member")) ? QStringLiteral("content/displayname")
                                                        : QStringLiteral("custom_top_level");
        QTest::newRow(qPrintable(name)) << e.toObject() << path;
    }
}

void TestEventSigning::changedContentGivesRedactedCopy()
{
    QFETCH(json::Object, fixture);
    QFETCH(QString, path);
    const events::RoomVersion &rv = versionOf(fixture);
    json::Object event = fixture["signed"].toObject();
    test::setAt(event, path, json::Value("changed in transit"));
    const events::EventCheck check = events::verifyEvent(event, rv, test::serverRing());
    QCOMPARE(check.verdict, EventVerdict::Redacted);
    QVERIFY(check.accepted());
    QVERIFY(check.detail.contains(QStringLiteral("content hash")));
    // The redacted copy, exactly as Python redacts the original.
    QCOMPARE(test::canonical(check.pdu.json()),
             test::canonical(fixture["expected"].toObject()["redacted"]));
    QCOMPARE(check.pdu.eventId().toString(),
             test::qstr(fixture["expected"].toObject()["event_id"]));
    // A received copy that is already redacted is the same case.
    const events::EventCheck redacted = events::verifyEvent(
        fixture["expected"].toObject()["redacted"].toObject(), rv, test::serverRing());
    // Valid only where redaction removed nothing the content hash covers (a v12 create event).
    json::Object covered = fixture["signed"].toObject();
    covered.remove("unsigned");
    json::Object redactedCovered = fixture["expected"].toObject()["redacted"].toObject();
    QCOMPARE(redacted.verdict, test::canonical(covered) == test::canonical(redactedCovered)
                                   ? EventVerdict::Valid
                                   : EventVerdict::Redacted);
    QCOMPARE(test::canonical(redacted.pdu.json()),
             test::canonical(fixture["expected"].toObject()["redacted"]));
}

void TestEventSigning::changedFields_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<json::Value>("value");
    QTest::addColumn<QList<EventVerdict>>("verdicts"); // for v1..v12
    const auto all = [](EventVerdict v) { return QList<EventVerdict>(12, v); };
    const auto split = [](int firstOfSecond, EventVerdict before, EventVerdict after) {
        QList<EventVerdict> out;
        for (int v = 1; v <= 12; ++v)
            out.append(v < firstOfSecond ? before : after);
        return out;
    };
    const EventVerdict bad = EventVerdict::BadSignature, red = EventVerdict::Redacted;
    QTest::newRow("depth") << "message"
                           << "depth" << json::Value(43) << all(bad);
    QTest::newRow("origin_server_ts") << "message"
                                      << "origin_server_ts" << json::Value(1) << all(bad);
    QTest::newRow("type") << "message"
                          << "type" << json::Value("m.room.messagf") << all(bad);
    QTest::newRow("hashes") << "message"
                            << "hashes/sha256"
                            << json::Value("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                            << all(bad);
    QTest::newRow("extra hash") << "message"
                                << "hashes/sha512" << json::Value("eA") << all(bad);
    QTest::newRow("prev_events") << "message"
                                 << "prev_events" << json::Value(json::Array()) << all(bad);
    QTest::newRow("auth_events") << "message"
                                 << "auth_events" << json::Value(json::Array()) << all(bad);
    QTest::newRow("membership") << "member"
                                << "content/membership" << json::Value("leave") << all(bad);
    QTest::newRow("state_key") << "member"
                               << "state_key" << json::Value("@bob:origin.example") << all(bad);
    QTest::newRow("origin") << "message"
                            << "origin" << json::Value("evil.example") << split(11, bad, red);
    QTest::newRow("top-level membership")
        << "message"
        << "membership" << json::Value("join") << split(11, bad, red);
    QTest::newRow("prev_state") << "message"
                                << "prev_state" << json::Value(json::Array())
                                << split(11, bad, red);
    QTest::newRow("redacts at top level") << "message"
                                          << "redacts" << json::Value("$x") << all(red);
    QTest::newRow("displayname") << "member"
                                 << "content/displayname" << json::Value("Mallory") << all(red);
    QTest::newRow("unsigned") << "message"
                              << "unsigned/age" << json::Value(1) << all(EventVerdict::Valid);
    QTest::newRow("room_id") << "message"
                             << "room_id" << json::Value("!other:origin.example")
                             << split(12, bad, EventVerdict::Malformed);
}

void TestEventSigning::changedFields()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(json::Value, value);
    QFETCH(QList<EventVerdict>, verdicts);
    for (int v = 1; v <= 12; ++v) {
        json::Object event = signedFixture(QStringLiteral("%1_v%2").arg(base).arg(v));
        test::setAt(event, path, value);
        const events::EventCheck check =
            events::verifyEvent(event, test::roomVersion(v), test::serverRing());
        QVERIFY2(check.verdict == verdicts[v - 1],
                 qPrintable(QStringLiteral("v%1: %2 %3")
                                .arg(v)
                                .arg(events::verdictName(check.verdict), check.detail)));
        QCOMPARE(check.pdu.isNull(), !check.accepted());
    }
}

void TestEventSigning::missingSignatures_data()
{
    QTest::addColumn<QByteArray>("signatures");
    QTest::addColumn<QStringList>("ring");
    QTest::addColumn<EventVerdict>("verdict");
    const QStringList all{kOrigin, QStringLiteral("auth.example")};
    QTest::newRow("as signed") << QByteArray() << all << EventVerdict::Valid;
    QTest::newRow("no signatures at all")
        << QByteArray("{}") << all << EventVerdict::MissingSignature;
    QTest::newRow("key unknown to us")
        << QByteArray() << QStringList{QStringLiteral("auth.example")}
        << EventVerdict::MissingSignature;
    QTest::newRow("unknown key ID") << QByteArray(R"({"origin.example":{"ed25519:other":"%1"}})")
                                    << all << EventVerdict::MissingSignature;
    QTest::newRow("unknown algorithm") << QByteArray(R"({"origin.example":{"rsa:a_Trls":"%1"}})")
                                       << all << EventVerdict::MissingSignature;
    QTest::newRow("another server's signature")
        << QByteArray(R"({"auth.example":{"ed25519:auth1":"%1"}})") << all
        << EventVerdict::MissingSignature;
    QTest::newRow("bad base64") << QByteArray(R"({"origin.example":{"ed25519:a_Trls":"%1!"}})")
                                << all << EventVerdict::BadSignature;
    QTest::newRow("signature member missing")
        << QByteArray("null") << all << EventVerdict::Malformed;
}

void TestEventSigning::missingSignatures()
{
    QFETCH(QByteArray, signatures);
    QFETCH(QStringList, ring);
    QFETCH(EventVerdict, verdict);
    for (int v = 1; v <= 12; ++v) {
        json::Object event = signedFixture(QStringLiteral("message_v%1").arg(v));
        const std::string good = event["signatures"]
                                     .toObject()["origin.example"]
                                     .toObject()["ed25519:a_Trls"]
                                     .toString();
        if (signatures == "null")
            event.remove("signatures");
        else if (!signatures.isEmpty())
            event.insert(
                "signatures",
                test::parseJson(
                    QByteArray(signatures).replace("%1", QByteArray::fromStdString(good))));
        const events::EventCheck check =
            events::verifyEvent(event, test::roomVersion(v), test::serverRing(ring));
        QVERIFY2(check.verdict == verdict,
                 qPrintable(QStringLiteral("v%1: %2").arg(v).arg(check.detail)));
        if (verdict == EventVerdict::MissingSignature || verdict == EventVerdict::BadSignature) {
            QVERIFY(check.pdu.isNull());
            QVERIFY(check.detail.contains(kOrigin));
            QCOMPARE(check.signers.size(), 1);
            QCOMPARE(check.signers[0].server, kOrigin);
        }
    }
}

void TestEventSigning::verdictNames()
{
    QCOMPARE(events::verdictName(EventVerdict::Valid), QStringLiteral("valid"));
    QCOMPARE(events::verdictName(EventVerdict::Redacted), QStringLiteral("content_hash_mismatch"));
    QCOMPARE(events::verdictName(EventVerdict::MissingSignature),
             QStringLiteral("missing_signature"));
    QCOMPARE(events::verdictName(EventVerdict::BadSignature), QStringLiteral("bad_signature"));
    QCOMPARE(events::verdictName(EventVerdict::Malformed), QStringLiteral("malformed"));
}

QTEST_GUILESS_MAIN(TestEventSigning)
#include "tst_eventsigning.moc"
