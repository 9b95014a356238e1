// The redaction algorithm of every room version: rooms/fragments v1-redactions (v1-5),
// v6-redactions (v6-7), rooms/v8 "Redactions", v9-redactions (v9-10), v11-redactions
// (v11-12). The expected results in tests/data/events/redaction/*.json come from the spec's
// lists, applied by make_fixtures.py.
#include "EventTestSupport.h"

#include "core/events/Redaction.h"

#include <QDir>
#include <QTest>

using namespace trellis;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void idempotent_data();
    void idempotent();
    void v11DropsOriginMembershipPrevState();
    void ruleSetPerVersion();
    void inputUnchanged();
};

namespace {

QStringList fixtureFiles()
{
    const QStringList files = QDir(test::dataPath(QStringLiteral("events/redaction")))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.size() < 14)
        qFatal("redaction fixtures missing");
    return files;
}

json::Object fixtureFile(const QString &file)
{
    return test::readJson(QStringLiteral("events/redaction/") + file).toObject();
}

} // namespace

void TestRedaction::fixtures_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<json::Object>("event");
    QTest::addColumn<json::Object>("expected");
    for (const QString &file : fixtureFiles()) {
        const json::Object fixture = fixtureFile(file);
        for (int v = 1; v <= 12; ++v) {
            QTest::addRow("%s v%d", qPrintable(file.chopped(5)), v)
                << v << fixture["event"].toObject()
                << test::valueForVersion(fixture["expected"], "redacted", v).toObject();
        }
    }
}

void TestRedaction::fixtures()
{
    QFETCH(int, version);
    QFETCH(json::Object, event);
    QFETCH(json::Object, expected);
    const json::Object redacted = events::redact(event, test::roomVersion(version));
    // Keys first, so that a failure names what survived wrongly.
    QCOMPARE(test::keysOf(redacted), test::keysOf(expected));
    QCOMPARE(test::keysOf(redacted["content"]), test::keysOf(expected["content"]));
    QCOMPARE(test::canonical(redacted), test::canonical(expected));
}

void TestRedaction::idempotent_data()
{
    QTest::addColumn<json::Object>("event");
    for (const QString &file : fixtureFiles())
        QTest::newRow(qPrintable(file)) << fixtureFile(file)["event"].toObject();
    for (const json::Value &e : test::signingEvents())
        QTest::newRow(e.toObject()["name"].toString().c_str()) << e.toObject()["signed"].toObject();
}

void TestRedaction::idempotent()
{
    QFETCH(json::Object, event);
    for (const events::RoomVersion *version : events::RoomVersion::all()) {
        const json::Object once = events::redact(event, *version);
        QCOMPARE(test::canonical(events::redact(once, *version)), test::canonical(once));
        QVERIFY(once["content"].isObject());
        QVERIFY(!once.contains("unsigned"));
    }
}

void TestRedaction::v11DropsOriginMembershipPrevState()
{
    const json::Object event = fixtureFile(QStringLiteral("member_join.json"))["event"].toObject();
    for (int v = 1; v <= 12; ++v) {
        const json::Object redacted = events::redact(event, test::roomVersion(v));
        for (const char *key : {"origin", "membership", "prev_state"})
            QVERIFY2(redacted.contains(key) == (v < 11),
                     qPrintable(QStringLiteral("v%1 %2").arg(v).arg(QLatin1String(key))));
        for (const char *key : {"unsigned", "redacts", "custom_top_level"})
            QVERIFY(!redacted.contains(key));
        QCOMPARE(redacted["content"].toObject().contains("join_authorised_via_users_server"),
                 v >= 9);
    }
}

void TestRedaction::ruleSetPerVersion()
{
    using events::RedactionRules;
    const QList<RedactionRules> expected = {
        RedactionRules::V1, RedactionRules::V1, RedactionRules::V1,  RedactionRules::V1,
        RedactionRules::V1, RedactionRules::V6, RedactionRules::V6,  RedactionRules::V8,
        RedactionRules::V9, RedactionRules::V9, RedactionRules::V11, RedactionRules::V11};
    QCOMPARE(events::RoomVersion::all().size(), 12);
    for (int v = 1; v <= 12; ++v) {
        QCOMPARE(test::roomVersion(v).redaction, expected[v - 1]);
        QCOMPARE(test::roomVersion(v).redactsInContent, v >= 11);
    }
}

void TestRedaction::inputUnchanged()
{
    const json::Object event = fixtureFile(QStringLiteral("create.json"))["event"].toObject();
    const json::Object copy = event;
    for (const events::RoomVersion *version : events::RoomVersion::all())
        (void)events::redact(event, *version);
    QCOMPARE(test::canonical(event), test::canonical(copy));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
