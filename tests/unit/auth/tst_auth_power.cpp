// Power levels: the m.room.power_levels rule (tests/data/auth/power_levels.json), reading one
// level value per room version (power_level_values.json), and the levels a power levels
// event, or its absence, gives (client-server-api "m.room.power_levels" defaults; v1-11
// creator 100 without power levels; v12 room creators infinite).
#include "core/auth/PowerLevels.h"
#include "core/room/RoomScript.h"
#include "tests/TestData.h"
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QTest>

using namespace trellis;

class TestAuthPower : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data() { test::addAuthCaseRows({QStringLiteral("auth/power_levels.json")}); }
    void cases() { test::runAuthCaseRow(); }
    void values_data();
    void values();
    void floatsOutOfRange();
    void infiniteLevel();
    void userLevels_data();
    void userLevels();
    void namedLevels_data();
    void namedLevels();
};

namespace {

// A room of `version` with a create event (content `createContent`) by @alice:a.org and,
// unless `powerLevels` is empty, a power levels event with that content.
room::BuiltRoom levelsRoom(int version, const QByteArray &createContent,
                           const QByteArray &powerLevels)
{
    json::Object create = test::parseJson(createContent).toObject();
    const events::RoomVersion *roomVersion = events::RoomVersion::find(QString::number(version));
    create.insert("room_version", roomVersion->id.toStdString());
    if (roomVersion->creatorInContent && !create.contains("creator"))
        create.insert("creator", "@alice:a.org");
    json::Array steps;
    json::Object createStep;
    createStep.insert("type", "m.room.create");
    createStep.insert("sender", "@alice:a.org");
    createStep.insert("state_key", "");
    createStep.insert("content", std::move(create));
    steps.push_back(std::move(createStep));
    if (!powerLevels.isEmpty()) {
        json::Object plStep;
        plStep.insert("type", "m.room.power_levels");
        plStep.insert("sender", "@alice:a.org");
        plStep.insert("state_key", "");
        plStep.insert("content", test::parseJson(powerLevels));
        steps.push_back(std::move(plStep));
    }
    json::Object script;
    script.insert("room_version", roomVersion->id.toStdString());
    script.insert("events", std::move(steps));
    auto built = room::buildRoom(script);
    if (!built)
        qFatal("levelsRoom: %s", qPrintable(built.error().message));
    return *built;
}

auth::PowerLevels levelsOf(const room::BuiltRoom &room)
{
    const events::Pdu *powerLevels = room.events.size() > 1 ? &room.events[1] : nullptr;
    return auth::PowerLevels(powerLevels, &room.events[0], *room.version);
}

} // namespace

void TestAuthPower::values_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("level");
    const json::Value doc = test::readJson(QStringLiteral("auth/power_level_values.json"));
    for (const json::Value &c : doc.toObject()["cases"].toArray()) {
        const json::Object &o = c.toObject();
        const QByteArray text = QByteArray::fromStdString(o["json"].toString());
        const QList<int> versions =
            test::parseVersionRanges(QString::fromStdString(o["versions"].toString()));
        QVERIFY2(!versions.isEmpty(), text.constData());
        for (int version : versions)
            QTest::newRow(
                qPrintable(QStringLiteral("%1 v%2").arg(QString::fromUtf8(text)).arg(version)))
                << text << version << o["level"].isInteger() << o["level"].toInteger();
    }
}

void TestAuthPower::values()
{
    QFETCH(QByteArray, text);
    QFETCH(int, version);
    QFETCH(bool, valid);
    QFETCH(qint64, level);
    const json::Value value = test::parseJson(text);
    const auto parsed =
        auth::parsePowerLevelValue(value, *events::RoomVersion::find(QString::number(version)));
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, level);
}

void TestAuthPower::floatsOutOfRange()
{
    // v1-floaty-power-levels: values outside a double's range are no levels. The JSON reader
    // refuses such numbers, so they are built directly here.
    for (const char *text : {"1e400", "-1e400", "1e309"}) {
        const json::Value value(json::NonCanonicalNumber{text});
        for (const events::RoomVersion *version : events::RoomVersion::all())
            QVERIFY2(!auth::parsePowerLevelValue(value, *version).has_value(), text);
    }
}

void TestAuthPower::infiniteLevel()
{
    // rooms/v12: room creators' level is infinitely high: above every number, equal only to
    // another infinite level.
    const auth::PowerLevel infinite = auth::PowerLevel::infinite();
    const auth::PowerLevel highest(std::numeric_limits<qint64>::max());
    QVERIFY(infinite.isInfinite());
    QVERIFY(highest < infinite);
    QVERIFY(infinite > highest);
    QVERIFY(!(infinite < infinite));
    QVERIFY(!(infinite > infinite));
    QVERIFY(infinite == auth::PowerLevel::infinite());
    QVERIFY(infinite >= infinite && infinite <= infinite);
    QVERIFY(!(infinite == highest));
    QVERIFY(auth::PowerLevel(-5) < auth::PowerLevel(0));
    QVERIFY(auth::PowerLevel(50) >= auth::PowerLevel(50));
    QVERIFY(auth::PowerLevel(50) == auth::PowerLevel(50));
}

void TestAuthPower::userLevels_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("createContent");
    QTest::addColumn<QByteArray>("powerLevels");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("level"); // a number or "infinite"
    struct Row
    {
        const char *name;
        const char *versions;
        const char *create;
        const char *powerLevels;
        const char *user;
        const char *level;
    };
    const Row rows[] = {
        {"no power levels: the creator", "1-11", "{}", "", "@alice:a.org", "100"},
        {"no power levels: the creator", "12", "{}", "", "@alice:a.org", "infinite"},
        {"no power levels: another user", "all", "{}", "", "@bob:b.org", "0"},
        {"no power levels: content.creator", "1-10", R"({"creator": "@bob:b.org"})", "",
         "@bob:b.org", "100"},
        {"no power levels: content.creator", "11-12", R"({"creator": "@bob:b.org"})", "",
         "@bob:b.org", "0"},
        {"no power levels: the sender when content.creator differs", "1-10",
         R"({"creator": "@bob:b.org"})", "", "@alice:a.org", "0"},
        {"no power levels: the sender when content.creator differs", "11",
         R"({"creator": "@bob:b.org"})", "", "@alice:a.org", "100"},
        {"no power levels: an additional creator", "1-11",
         R"({"additional_creators": ["@co:c.org"]})", "", "@co:c.org", "0"},
        {"no power levels: an additional creator", "12",
         R"({"additional_creators": ["@co:c.org"]})", "", "@co:c.org", "infinite"},
        {"power levels without users: the creator", "1-11", "{}", "{}", "@alice:a.org", "0"},
        {"power levels without users: the creator", "12", "{}", "{}", "@alice:a.org", "infinite"},
        {"power levels: an additional creator", "12", R"({"additional_creators": ["@co:c.org"]})",
         R"({"users_default": 5})", "@co:c.org", "infinite"},
        {"users_default", "all", "{}", R"({"users_default": 20})", "@bob:b.org", "20"},
        {"a listed user", "all", "{}", R"({"users_default": 20, "users": {"@bob:b.org": 30}})",
         "@bob:b.org", "30"},
        {"a listed user at a negative level", "all", "{}", R"({"users": {"@bob:b.org": -30}})",
         "@bob:b.org", "-30"},
        {"a listed user as a string", "1-9", "{}", R"({"users": {"@bob:b.org": " 30 "}})",
         "@bob:b.org", "30"},
        {"users_default as a string", "1-9", "{}", R"({"users_default": "+020"})", "@bob:b.org",
         "20"},
        {"a listed user as a float", "1-5", "{}", R"({"users": {"@bob:b.org": 30.9}})",
         "@bob:b.org", "30"},
    };
    for (const Row &row : rows) {
        for (int version : test::parseVersionRanges(QString::fromLatin1(row.versions)))
            QTest::newRow(qPrintable(
                QStringLiteral("%1 v%2").arg(QString::fromLatin1(row.name)).arg(version)))
                << version << QByteArray(row.create) << QByteArray(row.powerLevels)
                << QString::fromLatin1(row.user) << QString::fromLatin1(row.level);
    }
}

void TestAuthPower::userLevels()
{
    QFETCH(int, version);
    QFETCH(QByteArray, createContent);
    QFETCH(QByteArray, powerLevels);
    QFETCH(QString, user);
    QFETCH(QString, level);
    const room::BuiltRoom room = levelsRoom(version, createContent, powerLevels);
    const auth::PowerLevel actual = levelsOf(room).userLevel(user);
    QCOMPARE(actual.isInfinite() ? QStringLiteral("infinite") : QString::number(actual.value()),
             level);
}

void TestAuthPower::namedLevels_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("powerLevels");
    // invite, kick, ban, redact, m.room.name (state), m.room.topic (state), m.room.message
    QTest::addColumn<QList<qint64>>("levels");
    struct Row
    {
        const char *name;
        const char *versions;
        const char *powerLevels;
        QList<qint64> levels;
    };
    const Row rows[] = {
        {"no power levels", "all", "", {0, 50, 50, 50, 50, 50, 0}},
        {"empty power levels", "all", "{}", {0, 50, 50, 50, 50, 50, 0}},
        {"every property",
         "all",
         R"({"invite": 10, "kick": 20, "ban": 30, "redact": 40, "state_default": 60, "events_default": 5})",
         {10, 20, 30, 40, 60, 60, 5}},
        {"events entries",
         "all",
         R"({"events": {"m.room.name": 7, "m.room.message": 3}})",
         {0, 50, 50, 50, 7, 50, 3}},
        {"an events entry for a message type asked as state",
         "all",
         R"({"events": {"m.room.topic": 1}, "state_default": 9})",
         {0, 50, 50, 50, 9, 1, 0}},
        {"negative levels",
         "all",
         R"({"invite": -1, "events_default": -10})",
         {-1, 50, 50, 50, 50, 50, -10}},
        {"strings",
         "1-9",
         R"({"kick": "20", "state_default": " 60 ", "events": {"m.room.message": "-3"}})",
         {0, 20, 50, 50, 60, 60, -3}},
        {"floats", "1-5", R"({"ban": 30.5, "events_default": 2.9})", {0, 50, 30, 50, 50, 50, 2}},
    };
    for (const Row &row : rows) {
        for (int version : test::parseVersionRanges(QString::fromLatin1(row.versions)))
            QTest::newRow(qPrintable(
                QStringLiteral("%1 v%2").arg(QString::fromLatin1(row.name)).arg(version)))
                << version << QByteArray(row.powerLevels) << row.levels;
    }
}

void TestAuthPower::namedLevels()
{
    QFETCH(int, version);
    QFETCH(QByteArray, powerLevels);
    QFETCH(QList<qint64>, levels);
    const room::BuiltRoom room = levelsRoom(version, "{}", powerLevels);
    const auth::PowerLevels pl = levelsOf(room);
    QCOMPARE(pl.exists(), !powerLevels.isEmpty());
    const QList<qint64> actual = {pl.invite(),
                                  pl.kick(),
                                  pl.ban(),
                                  pl.redact(),
                                  pl.eventLevel(QStringLiteral("m.room.name"), true),
                                  pl.eventLevel(QStringLiteral("m.room.topic"), true),
                                  pl.eventLevel(QStringLiteral("m.room.message"), false)};
    QCOMPARE(actual, levels);
}

QTEST_GUILESS_MAIN(TestAuthPower)
#include "tst_auth_power.moc"
