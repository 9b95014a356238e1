// Rule numbers and names: every rejecting step of core/auth against the number it has in
// each room version's "Authorisation rules" (tests/data/auth/rule_numbers.json, written from
// rooms/v1.md ... v12.md).
#include "core/auth/AuthRule.h"
#include "core/events/RoomVersion.h"
#include "tests/TestData.h"
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace trellis;

class TestAuthNumbering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbers_data();
    void numbers();
    void tableCoversEveryRule();
    void namesAreUniqueAndStable();
    void versionRanges_data();
    void versionRanges();
    void everyRuleIsExercised();
};

static const json::Object &table()
{
    static const json::Value doc = test::readJson(QStringLiteral("auth/rule_numbers.json"));
    return doc.toObject()["rules"].toObject();
}

void TestAuthNumbering::numbers_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("number");
    for (auth::AuthRule rule : test::allAuthRules()) {
        const QString name = auth::ruleName(rule);
        const json::Object &numbers = table()[name.toStdString()].toObject();
        for (int version = 1; version <= 12; ++version) {
            QString number; // empty: the version has no such step
            for (const json::Member &entry : numbers) {
                if (test::parseVersionRanges(QString::fromStdString(entry.key)).contains(version))
                    number = QString::fromStdString(entry.value.toString());
            }
            QTest::newRow(qPrintable(QStringLiteral("%1 v%2").arg(name).arg(version)))
                << int(rule) << version << number;
        }
    }
}

void TestAuthNumbering::numbers()
{
    QFETCH(int, rule);
    QFETCH(int, version);
    QFETCH(QString, number);
    const events::RoomVersion *roomVersion = events::RoomVersion::find(QString::number(version));
    QVERIFY(roomVersion);
    QCOMPARE(auth::ruleNumber(auth::AuthRule(rule), *roomVersion), number);
}

void TestAuthNumbering::tableCoversEveryRule()
{
    QSet<QString> names;
    for (auth::AuthRule rule : test::allAuthRules()) {
        const QString name = auth::ruleName(rule);
        QVERIFY2(table().contains(name.toStdString()), qPrintable(name));
        names.insert(name);
    }
    for (const json::Member &entry : table())
        QVERIFY2(names.contains(QString::fromStdString(entry.key)), entry.key.c_str());
    QCOMPARE(names.size(), test::allAuthRules().size());
}

void TestAuthNumbering::namesAreUniqueAndStable()
{
    const QRegularExpression snakeCase(QStringLiteral("^[a-z]+(_[a-z0-9]+)*$"));
    QSet<QString> seen;
    for (auth::AuthRule rule : test::allAuthRules()) {
        const QString name = auth::ruleName(rule);
        QVERIFY2(snakeCase.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(test::authRuleFromName(name), std::optional<auth::AuthRule>(rule));
    }
    QCOMPARE(auth::ruleName(auth::AuthRule::None), QStringLiteral("allowed"));
}

void TestAuthNumbering::versionRanges_data()
{
    QTest::addColumn<QString>("ranges");
    QTest::addColumn<QList<int>>("versions");
    QTest::newRow("single") << QStringLiteral("7") << QList<int>{7};
    QTest::newRow("range") << QStringLiteral("1-3") << QList<int>{1, 2, 3};
    QTest::newRow("list") << QStringLiteral("1-2,12") << QList<int>{1, 2, 12};
    QTest::newRow("all") << QStringLiteral("all")
                         << QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    QTest::newRow("beyond 12") << QStringLiteral("11-13") << QList<int>{};
    QTest::newRow("reversed") << QStringLiteral("5-3") << QList<int>{};
    QTest::newRow("garbage") << QStringLiteral("v1") << QList<int>{};
}

void TestAuthNumbering::versionRanges()
{
    QFETCH(QString, ranges);
    QFETCH(QList<int>, versions);
    QCOMPARE(test::parseVersionRanges(ranges), versions);
}

// Every rejecting step of every room version is the expected verdict of some case row, so
// that each is seen to fire (and, with its number, to fire as that version's step).
void TestAuthNumbering::everyRuleIsExercised()
{
    const QStringList fixtures = {
        QStringLiteral("auth/create.json"),
        QStringLiteral("auth/auth_events.json"),
        QStringLiteral("auth/join.json"),
        QStringLiteral("auth/invite.json"),
        QStringLiteral("auth/third_party_invite.json"),
        QStringLiteral("auth/leave_ban.json"),
        QStringLiteral("auth/knock.json"),
        QStringLiteral("auth/power_levels.json"),
        QStringLiteral("auth/events.json"),
    };
    QSet<QString> seen; // "rule vN"
    for (const QString &fixture : fixtures) {
        const json::Value doc = test::readJson(fixture);
        for (const json::Value &c : doc.toObject()["cases"].toArray()) {
            const json::Object &o = c.toObject();
            for (std::string_view key : {"expect", "expect_state"}) {
                const json::Value &expect = o[key];
                const json::Array entries =
                    expect.isArray() ? expect.toArray() : json::Array{expect};
                for (const json::Value &entry : entries) {
                    const QString ranges = QString::fromStdString(
                        (entry.toObject().contains("versions") ? entry.toObject() : o)["versions"]
                            .toString());
                    const QList<int> caseVersions =
                        test::parseVersionRanges(QString::fromStdString(o["versions"].toString()));
                    for (int version : test::parseVersionRanges(ranges)) {
                        if (caseVersions.contains(version))
                            seen.insert(QStringLiteral("%1 v%2")
                                            .arg(QString::fromStdString(
                                                entry.toObject()["rule"].toString()))
                                            .arg(version));
                    }
                }
            }
        }
    }
    QStringList missing;
    for (auth::AuthRule rule : test::allAuthRules()) {
        for (const events::RoomVersion *version : events::RoomVersion::all()) {
            const QString key =
                QStringLiteral("%1 v%2").arg(auth::ruleName(rule)).arg(version->number);
            if (!auth::ruleNumber(rule, *version).isEmpty() && !seen.contains(key))
                missing.append(key);
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestAuthNumbering)
#include "tst_auth_numbering.moc"
