// Content hash, reference hash and event IDs: appendices.md "Event Signing" (both examples),
// server-server-api "Calculating the reference hash/content hash for an event", rooms/v1
// "Event IDs" (a field), v3 (standard unpadded base64), v4 (URL-safe), v12 room IDs. Expected
// values come from make_fixtures.py (Python's hashlib/base64/json).
#include "EventTestSupport.h"

#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/events/Pdu.h"

#include <QTest>

using namespace trellis;

class TestEventIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExamples_data();
    void specExamples();
    void specMinimalIsAV3PlusEvent_data();
    void specMinimalIsAV3PlusEvent();
    void referenceHashesAndIds_data();
    void referenceHashesAndIds();
    void alphabets();
    void fieldEventIds();
    void v12CreateEventMakesRoomId();
    void versionTable();
};

namespace {

const json::Object &specFixture()
{
    static const json::Value value =
        test::readJson(QStringLiteral("events/spec_event_signing.json"));
    return value.toObject();
}

crypto::SigningKey specKey()
{
    return *crypto::SigningKey::fromSeed(
        *base64::decode(QByteArray::fromStdString(specFixture()["seed"].toString())),
        QStringLiteral("1"));
}

crypto::StaticKeyRing specRing()
{
    crypto::StaticKeyRing ring;
    ring.add(QStringLiteral("domain"),
             *crypto::VerifyKey::fromBase64(
                 QStringLiteral("ed25519:1"),
                 QByteArray::fromStdString(specFixture()["public_key"].toString())));
    return ring;
}

QByteArray b64(const crypto::Sha256Digest &digest)
{
    return base64::encode(crypto::digestView(digest));
}

} // namespace

void TestEventIds::specExamples_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<json::Object>("input");
    QTest::addColumn<json::Object>("signedV1");
    QTest::addColumn<QByteArray>("contentHash");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("eventId"); // null: the version has no ID for this event
    for (const json::Value &c : specFixture()["cases"].toArray()) {
        const json::Object &o = c.toObject();
        for (int v = 1; v <= 12; ++v) {
            const json::Value id = test::valueForVersion(o["event_id_by_version"], "event_id", v);
            QTest::addRow("%s v%d", o["name"].toString().c_str(), v)
                << v << o["input"].toObject() << o["signed_room_version_1"].toObject()
                << QByteArray::fromStdString(o["content_hash"].toString())
                << QByteArray::fromStdString(
                       test::valueForVersion(o["signature_by_version"], "signature", v).toString())
                << (id.isNull() ? QString() : test::qstr(id));
        }
    }
}

void TestEventIds::specExamples()
{
    QFETCH(int, version);
    QFETCH(json::Object, input);
    QFETCH(json::Object, signedV1);
    QFETCH(QByteArray, contentHash);
    QFETCH(QByteArray, signature);
    QFETCH(QString, eventId);
    const events::RoomVersion &rv = test::roomVersion(version);

    QCOMPARE(b64(events::contentHash(input)), contentHash);
    json::Object event = input;
    events::hashAndSignEvent(event, rv, QStringLiteral("domain"), specKey());
    QCOMPARE(QByteArray::fromStdString(event["hashes"].toObject()["sha256"].toString()),
             contentHash);
    QCOMPARE(QByteArray::fromStdString(
                 event["signatures"].toObject()["domain"].toObject()["ed25519:1"].toString()),
             signature);
    // The whole signed event of the appendix, byte for byte (its rules are room version 1's,
    // which versions 2-10 share for these events).
    if (version <= 10)
        QCOMPARE(test::canonical(event), test::canonical(signedV1));
    QCOMPARE(test::canonical(event["unsigned"]), test::canonical(input["unsigned"]));

    auto id = events::computeEventId(event, rv);
    QCOMPARE(bool(id), !eventId.isNull());
    if (id)
        QCOMPARE(id->toString(), eventId);
}

void TestEventIds::specMinimalIsAV3PlusEvent_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("wellFormed");
    for (int v = 1; v <= 12; ++v)
        // v1/v2 need an event_id; v12 a room ID without domain.
        QTest::addRow("v%d", v) << v << (v >= 3 && v <= 11);
}

void TestEventIds::specMinimalIsAV3PlusEvent()
{
    QFETCH(int, version);
    QFETCH(bool, wellFormed);
    const json::Object &c = specFixture()["cases"].toArray()[0].toObject();
    QCOMPARE(test::qstr(c["name"]), QStringLiteral("minimal"));
    json::Object event = c["input"].toObject();
    const events::RoomVersion &rv = test::roomVersion(version);
    events::hashAndSignEvent(event, rv, QStringLiteral("domain"), specKey());

    auto pdu = events::Pdu::parse(event, rv);
    QCOMPARE(bool(pdu), wellFormed);
    const events::EventCheck check = events::verifyEvent(event, rv, specRing());
    QCOMPARE(check.verdict,
             wellFormed ? events::EventVerdict::Valid : events::EventVerdict::Malformed);
    if (!wellFormed)
        return;
    const QString expectedId =
        test::qstr(test::valueForVersion(c["event_id_by_version"], "event_id", version));
    QCOMPARE(pdu->eventId().toString(), expectedId);
    QCOMPARE(check.pdu.eventId().toString(), expectedId);
    QCOMPARE(pdu->roomId().toString(), QStringLiteral("!x:domain"));
    QCOMPARE(pdu->sender().toString(), QStringLiteral("@a:domain"));
    QCOMPARE(pdu->type(), QStringLiteral("X"));
    QCOMPARE(pdu->depth(), qint64(3));
    QCOMPARE(pdu->originServerTs(), qint64(1000000));
    QVERIFY(!pdu->isState());
    QVERIFY(pdu->prevEvents().isEmpty());
}

void TestEventIds::referenceHashesAndIds_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<json::Object>("event");
    QTest::addColumn<QByteArray>("referenceHash");
    QTest::addColumn<QString>("eventId");
    const json::Value cases = test::readJson(QStringLiteral("events/eventids/cases.json"));
    for (const json::Value &c : cases.toObject()["cases"].toArray()) {
        const json::Object &o = c.toObject();
        for (int v = 3; v <= 12; ++v)
            QTest::addRow("%s v%d", o["name"].toString().c_str(), v)
                << v << o["event"].toObject()
                << QByteArray::fromStdString(
                       test::valueForVersion(o["reference_hash_by_version"], "hash", v).toString())
                << test::qstr(test::valueForVersion(o["event_id_by_version"], "event_id", v));
    }
    for (const json::Value &e : test::signingEvents()) {
        const json::Object &o = e.toObject();
        const int v = test::qstr(o["room_version"]).toInt();
        QTest::addRow("%s", o["name"].toString().c_str())
            << v << o["signed"].toObject()
            << QByteArray::fromStdString(o["expected"].toObject()["reference_hash"].toString())
            << test::qstr(o["expected"].toObject()["event_id"]);
    }
}

void TestEventIds::referenceHashesAndIds()
{
    QFETCH(int, version);
    QFETCH(json::Object, event);
    QFETCH(QByteArray, referenceHash);
    QFETCH(QString, eventId);
    const events::RoomVersion &rv = test::roomVersion(version);
    QCOMPARE(b64(events::referenceHash(event, rv)), referenceHash);
    auto id = events::computeEventId(event, rv);
    QVERIFY(id);
    QCOMPARE(id->toString(), eventId);
    if (version >= 3) {
        QCOMPARE(eventId.size(), 44);
        QCOMPARE(events::eventIdFromReferenceHash(events::referenceHash(event, rv), rv).toString(),
                 eventId);
    }
    // v3 uses the standard alphabet, v4+ the URL-safe one.
    const bool urlSafe = version >= 4;
    QCOMPARE(eventId.contains(u'-') || eventId.contains(u'_'),
             urlSafe && (referenceHash.contains('+') || referenceHash.contains('/')));
    if (version >= 3) {
        QVERIFY(!eventId.contains(u':'));
        QCOMPARE(eventId.contains(u'+') || eventId.contains(u'/'),
                 !urlSafe && (referenceHash.contains('+') || referenceHash.contains('/')));
    }
}

void TestEventIds::alphabets()
{
    // The event found by make_fixtures.py whose hash has both '/' and '+'.
    const json::Value cases = test::readJson(QStringLiteral("events/eventids/cases.json"));
    const json::Object &c = cases.toObject()["cases"].toArray()[0].toObject();
    QCOMPARE(test::qstr(c["name"]), QStringLiteral("slash_and_plus"));
    const json::Object &event = c["event"].toObject();
    const QString v3 = events::computeEventId(event, test::roomVersion(3))->toString();
    const QString v4 = events::computeEventId(event, test::roomVersion(4))->toString();
    QVERIFY(v3.contains(u'/') && v3.contains(u'+'));
    QVERIFY(!v4.contains(u'/') && !v4.contains(u'+'));
    QString translated = v3;
    translated.replace(u'+', u'-').replace(u'/', u'_');
    QCOMPARE(v4, translated);
    QVERIFY(EventId::parse(v3));
    QVERIFY(EventId::parse(v4));
}

void TestEventIds::fieldEventIds()
{
    for (int v : {1, 2}) {
        const events::RoomVersion &rv = test::roomVersion(v);
        json::Object event =
            test::signingEvent(QStringLiteral("message_v%1").arg(v))["signed"].toObject();
        auto id = events::computeEventId(event, rv);
        QVERIFY(id);
        QCOMPARE(id->toString(), QStringLiteral("$message%1:origin.example").arg(v));
        QCOMPARE(id->serverName()->toString(), QStringLiteral("origin.example"));
        // Changing it changes the ID, not any hash.
        event.insert("event_id", json::Value("$other:elsewhere.example"));
        QCOMPARE(events::computeEventId(event, rv)->toString(),
                 QStringLiteral("$other:elsewhere.example"));
        event.insert("event_id", json::Value(5));
        QVERIFY(!events::computeEventId(event, rv));
        event.remove("event_id");
        QVERIFY(!events::computeEventId(event, rv));
        // From v3 on a present event_id is not the ID.
        QVERIFY(events::computeEventId(event, test::roomVersion(3)));
    }
}

void TestEventIds::v12CreateEventMakesRoomId()
{
    const json::Object &fixture = test::signingEvent(QStringLiteral("create_v12"));
    const QString roomId = test::qstr(fixture["expected"].toObject()["room_id"]);
    const QString eventId = test::qstr(fixture["expected"].toObject()["event_id"]);
    QCOMPARE(roomId.mid(1), eventId.mid(1));
    QVERIFY(roomId.startsWith(u'!'));

    const json::Object &signed_ = fixture["signed"].toObject();
    QVERIFY(!signed_.contains("room_id"));
    auto pdu = events::Pdu::parse(signed_, test::roomVersion(12));
    QVERIFY2(pdu, pdu ? "" : qPrintable(pdu.error().message));
    QCOMPARE(pdu->eventId().toString(), eventId);
    QCOMPARE(pdu->roomId().toString(), roomId);
    QVERIFY(!pdu->roomId().hasDomain());
    QCOMPARE(events::roomIdFromCreateEventId(pdu->eventId()).toString(), roomId);
    // The room's other events carry it (make_fixtures.py put it there).
    const json::Object &message =
        test::signingEvent(QStringLiteral("message_v12"))["signed"].toObject();
    QCOMPARE(test::qstr(message["room_id"]), roomId);
    QCOMPARE(events::Pdu::parse(message, test::roomVersion(12))->roomId().toString(), roomId);
    // Before v12 a create event needs its room_id.
    QVERIFY(!events::Pdu::parse(signed_, test::roomVersion(11)));
}

void TestEventIds::versionTable()
{
    using events::EventIdFormat;
    for (int v = 1; v <= 12; ++v) {
        const events::RoomVersion &rv = test::roomVersion(v);
        QCOMPARE(rv.id, QString::number(v));
        QCOMPARE(rv.number, v);
        QCOMPARE(rv.eventIdFormat, v <= 2   ? EventIdFormat::Field
                                   : v == 3 ? EventIdFormat::ReferenceHash
                                            : EventIdFormat::ReferenceHashUrlSafe);
        QCOMPARE(rv.roomIdFormat == events::RoomIdFormat::CreateEventHash, v == 12);
        QCOMPARE(rv.referencesWithHashes, v <= 2);
        QCOMPARE(rv.enforceKeyValidity, v >= 5);
        QCOMPARE(rv.restrictedJoins, v >= 8);
        QCOMPARE(rv.numbers, v <= 5 ? json::NumberPolicy::Lenient : json::NumberPolicy::Strict);
        QCOMPARE(rv.maxDepth, v <= 5 ? std::numeric_limits<qint64>::max() : (qint64(1) << 53) - 1);
    }
    QVERIFY(!events::RoomVersion::find(u"13"));
    QVERIFY(!events::RoomVersion::find(u"0"));
    QVERIFY(!events::RoomVersion::find(u"01"));
    QCOMPARE(events::RoomVersion::defaultVersion().id, QStringLiteral("12"));
}

QTEST_GUILESS_MAIN(TestEventIds)
#include "tst_eventids.moc"
