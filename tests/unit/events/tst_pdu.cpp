// Event format validation per room version: data/api/server-server/definitions/pdu_v1, v3,
// v4, v6, v11, v12 and components/, with client-server-api "Size limits". The cases and the
// per-version outcomes are in tests/data/events/pdu/cases.json; the base events are the
// realistic signed events of events/signing/events.json.
#include "EventTestSupport.h"

#include "core/events/Pdu.h"

#include <QTest>

using namespace trellis;

class TestPdu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatCases_data();
    void formatCases();
    void fieldsOfAValidEvent_data();
    void fieldsOfAValidEvent();
    void redactsPerVersion();
    void bytesMustBeAnObject();
};

namespace {

// {"1-2": "M_MISSING_PARAM", "3-12": "ok"} -> the outcome for `version`.
QString expectedFor(const json::Object &expect, int version)
{
    QString found;
    int hits = 0;
    for (const json::Member &m : expect) {
        const QStringList range = json::toQString(m.key).split(u'-');
        if (range.size() != 2)
            qFatal("bad range in pdu fixture");
        if (version >= range[0].toInt() && version <= range[1].toInt()) {
            found = test::qstr(m.value);
            ++hits;
        }
    }
    if (hits != 1)
        qFatal("pdu fixture: version %d covered %d times", version, hits);
    return found;
}

// The event of `testCase` for `version`, as bytes; `placeholders` tells whether raw text was
// spliced in (then only the bytes form exists).
QByteArray buildEvent(const json::Object &testCase, int version, json::Object &object, bool &raw)
{
    const QString base =
        testCase.contains("base") ? test::qstr(testCase["base"]) : QStringLiteral("message");
    object =
        test::signingEvent(QStringLiteral("%1_v%2").arg(base).arg(version))["signed"].toObject();
    for (const json::Value &path : testCase["remove"].toArray())
        test::removeAt(object, test::qstr(path));
    for (const json::Member &m : testCase["set"].toObject())
        test::setAt(object, json::toQString(m.key), m.value);
    for (const json::Member &m : testCase["repeat"].toObject()) {
        const json::Value first = object[m.key].toArray().front();
        object.insert(m.key, json::Array(size_t(m.value.toInteger()), first));
    }
    if (const json::Object *pad = testCase["pad"].asObject()) {
        const json::Array &counts =
            (*pad)["count_and_filler_by_version"].toObject()[std::to_string(version)].toArray();
        std::string text;
        for (qint64 i = 0; i < counts[0].toInteger(); ++i)
            text += (*pad)["char"].toString();
        text += std::string(size_t(counts[1].toInteger()), 'x');
        test::setAt(object, QStringLiteral("content/pad"), json::Value(std::move(text)));
    }
    raw = !testCase["raw"].toObject().isEmpty();
    for (const json::Member &m : testCase["raw"].toObject())
        test::setAt(object, json::toQString(m.key), json::Value("@@RAW:" + m.key + "@@"));
    QByteArray bytes = test::canonical(object);
    for (const json::Member &m : testCase["raw"].toObject())
        bytes.replace(QByteArray::fromStdString("\"@@RAW:" + m.key + "@@\""),
                      QByteArray::fromStdString(m.value.toString()));
    return bytes;
}

QString outcome(const Result<events::Pdu> &pdu)
{
    return pdu ? QStringLiteral("ok") : pdu.error().errcode();
}

} // namespace

void TestPdu::formatCases_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<json::Object>("testCase");
    QTest::addColumn<QString>("expected");
    const json::Value fixture = test::readJson(QStringLiteral("events/pdu/cases.json"));
    for (const json::Value &c : fixture.toObject()["cases"].toArray()) {
        const json::Object &o = c.toObject();
        for (int v = 1; v <= 12; ++v)
            QTest::addRow("%s v%d", o["name"].toString().c_str(), v)
                << v << o << expectedFor(o["expect"].toObject(), v);
    }
}

void TestPdu::formatCases()
{
    QFETCH(int, version);
    QFETCH(json::Object, testCase);
    QFETCH(QString, expected);
    const events::RoomVersion &rv = test::roomVersion(version);
    json::Object object;
    bool raw = false;
    const QByteArray bytes = buildEvent(testCase, version, object, raw);

    const Result<events::Pdu> fromBytes =
        events::Pdu::parse(std::string_view(bytes.constData(), size_t(bytes.size())), rv);
    QVERIFY2(outcome(fromBytes) == expected,
             qPrintable(QStringLiteral("got %1 (%2), expected %3")
                            .arg(outcome(fromBytes),
                                 fromBytes ? QString() : fromBytes.error().message, expected)));
    if (!raw) {
        // The object form agrees with the bytes form.
        QCOMPARE(outcome(events::Pdu::parse(object, rv)), expected);
    }
    if (fromBytes) {
        if (!raw) // raw numbers may be printed differently ("1e3" as 1000.0 in v1-5)
            QCOMPARE(test::canonical(fromBytes->json()), bytes);
        QCOMPARE(fromBytes->roomVersion().id, rv.id);
    }
}

void TestPdu::fieldsOfAValidEvent_data()
{
    QTest::addColumn<json::Object>("fixture");
    for (const json::Value &e : test::signingEvents())
        QTest::newRow(e.toObject()["name"].toString().c_str()) << e.toObject();
}

void TestPdu::fieldsOfAValidEvent()
{
    QFETCH(json::Object, fixture);
    const json::Object &event = fixture["signed"].toObject();
    const events::RoomVersion &rv = *events::RoomVersion::find(test::qstr(fixture["room_version"]));
    auto pdu = events::Pdu::parse(event, rv);
    QVERIFY2(pdu, pdu ? "" : qPrintable(pdu.error().message));
    QCOMPARE(pdu->eventId().toString(), test::qstr(fixture["expected"].toObject()["event_id"]));
    QCOMPARE(pdu->sender().toString(), test::qstr(event["sender"]));
    QCOMPARE(pdu->type(), test::qstr(event["type"]));
    QCOMPARE(pdu->isState(), event.contains("state_key"));
    if (pdu->isState())
        QCOMPARE(*pdu->stateKey(), test::qstr(event["state_key"]));
    QCOMPARE(pdu->depth(), event["depth"].toInteger());
    QCOMPARE(pdu->originServerTs(), event["origin_server_ts"].toInteger());
    QCOMPARE(test::canonical(pdu->content()), test::canonical(event["content"]));
    if (event.contains("room_id"))
        QCOMPARE(pdu->roomId().toString(), test::qstr(event["room_id"]));
    QStringList prev;
    for (const json::Value &p : event["prev_events"].toArray())
        prev.append(test::qstr(p.isArray() ? p.toArray()[0] : p));
    QStringList prevParsed;
    for (const EventId &id : pdu->prevEvents())
        prevParsed.append(id.toString());
    QCOMPARE(prevParsed, prev);
    QCOMPARE(pdu->authEvents().size(), qsizetype(event["auth_events"].toArray().size()));
    QVERIFY(!pdu->redacts());
    // The same event as bytes with whitespace in it.
    const std::string spaced = json::toIndented(event);
    auto again = events::Pdu::parse(std::string_view(spaced), rv);
    QVERIFY(again);
    QCOMPARE(again->eventId(), pdu->eventId());
}

void TestPdu::redactsPerVersion()
{
    // v1-10: `redacts` at the top level; v11+: in content (rooms/v11 "Event format").
    for (int v = 1; v <= 12; ++v) {
        json::Object event =
            test::signingEvent(QStringLiteral("message_v%1").arg(v))["signed"].toObject();
        event.insert("type", json::Value("m.room.redaction"));
        event.insert("redacts", json::Value("$top"));
        test::setAt(event, QStringLiteral("content/redacts"), json::Value("$inContent"));
        auto pdu = events::Pdu::parse(event, test::roomVersion(v));
        QVERIFY(pdu);
        QVERIFY(pdu->redacts());
        QCOMPARE(pdu->redacts()->toString(),
                 v >= 11 ? QStringLiteral("$inContent") : QStringLiteral("$top"));
    }
}

void TestPdu::bytesMustBeAnObject()
{
    for (const char *text : {"[]", "\"x\"", "{", "", "{\"a\":1,\"a\":2}"}) {
        auto pdu = events::Pdu::parse(std::string_view(text), test::roomVersion(12));
        QVERIFY2(!pdu, text);
    }
    // Beyond four times the limit the reader refuses before parsing.
    const std::string huge(4 * events::kMaxPduBytes + 1, ' ');
    auto pdu = events::Pdu::parse(std::string_view(huge), test::roomVersion(12));
    QVERIFY(!pdu);
    QCOMPARE(pdu.error().code, ErrorCode::TooLarge);
}

QTEST_GUILESS_MAIN(TestPdu)
#include "tst_pdu.moc"
