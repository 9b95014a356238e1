// trellis-cli dag build, state-at, resolve and auth end to end, on a scripted room of version
// 12 and on a hand-written room dump of version 2.
#include "CliRunner.h"

#include "core/json/Reader.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

#include <QRegularExpression>

#include <QTest>

using namespace trellis;
using test::CliResult;
using test::runCli;

class TestCliRoom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildGivesRealIds();
    void stateAtResolvesTheMerge();
    void stateAtAfterAnEvent();
    void stateAtSeveralEventsMerges();
    void stateAtRejectedEvent();
    void resolveWithTrace();
    void resolveNamesMissingEvents();
    void authAllowedAndRejected();
    void authNamesMissingAuthEvents();
    void handWrittenVersion2Dump();

private:
    json::Value runJson(const QStringList &arguments, const QByteArray &input = {}, int exitCode = 0);
    QString id(const char *name) const { return json::toQString(m_names[name].toString()); }

    QTemporaryDir m_dir;
    QString m_dump;
    json::Object m_names;
    json::Array m_events;
};

json::Value TestCliRoom::runJson(const QStringList &arguments, const QByteArray &input, int exitCode)
{
    const CliResult result = runCli(arguments, input);
    const QString problem = test::exitProblem(result, exitCode);
    if (!problem.isEmpty())
        qFatal("%s: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(problem));
    return test::parseJson(result.out, json::NumberPolicy::Strict);
}

void TestCliRoom::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const json::Value built = runJson({QStringLiteral("dag"), QStringLiteral("build"), QStringLiteral("--names"),
                                       test::cliData(QStringLiteral("room/ban_races_topic.json"))});
    m_names = built.toObject()["names"].toObject();
    m_events = built.toObject()["events"].toArray();
    m_dump = m_dir.filePath(QStringLiteral("dump.json"));
    QFile file(m_dump);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(json::toCanonical(json::Value(m_events))));
}

void TestCliRoom::buildGivesRealIds()
{
    QCOMPARE(m_events.size(), size_t(10));
    QCOMPARE(m_names.size(), 10);
    // Version 12: URL-safe reference-hash event IDs, and the room ID is the create event's.
    for (const json::Member &name : m_names)
        QVERIFY2(QRegularExpression(QStringLiteral("^\\$[A-Za-z0-9_-]{43}$")).match(json::toQString(name.value.toString())).hasMatch(),
                 name.key.c_str());
    const QString room = json::toQString(m_events[1].toObject()["room_id"].toString());
    QCOMPARE(room, QStringLiteral("!") + id("create").mid(1));
    // Each event's ID is what `event id` computes from its bytes.
    const CliResult result = runCli({QStringLiteral("event"), QStringLiteral("id"), QStringLiteral("--room-version"),
                                     QStringLiteral("12")},
                                    QByteArray::fromStdString(json::toCanonical(m_events[6])));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QString::fromUtf8(result.out.trimmed()), id("ban"));
}

void TestCliRoom::stateAtResolvesTheMerge()
{
    // Before the merge, the ban (a power event) is applied first; carol's topic is then
    // checked against a state where she is banned, and fails.
    const json::Object state = runJson({QStringLiteral("state-at"), m_dump, id("merge")}).toObject();
    QCOMPARE(json::toQString(state["m.room.member"].toObject()["@carol:example.org"].toString()), id("ban"));
    QVERIFY(!state.contains("m.room.topic"));
    QCOMPARE(json::toQString(state["m.room.power_levels"].toObject()[""].toString()), id("pl"));
    QCOMPARE(state["m.room.member"].toObject().size(), 3);
}

void TestCliRoom::stateAtAfterAnEvent()
{
    // On its own branch, carol's topic was allowed.
    const json::Object after =
        runJson({QStringLiteral("state-at"), QStringLiteral("--after"), m_dump, id("topic")}).toObject();
    QCOMPARE(json::toQString(after["m.room.topic"].toObject()[""].toString()), id("topic"));
    QCOMPARE(json::toQString(after["m.room.member"].toObject()["@carol:example.org"].toString()), id("carol"));
}

void TestCliRoom::stateAtSeveralEventsMerges()
{
    // The merge's own prev events, given by hand: the state before the merge.
    const json::Value merge = runJson({QStringLiteral("state-at"), m_dump, id("merge")});
    const json::Value picked = runJson({QStringLiteral("state-at"), m_dump, id("ban"), id("topic")});
    QCOMPARE(json::toCanonical(picked), json::toCanonical(merge));
    // With --trace, the resolution's steps: two states, carol's topic rejected in step 4.
    const json::Object traced = runJson({QStringLiteral("state-at"), QStringLiteral("--trace"), m_dump,
                                         id("topic"), id("ban")})
                                    .toObject();
    QCOMPARE(json::toCanonical(traced["state"]), json::toCanonical(merge));
    QCOMPARE(traced["trace"].toObject()["state_sets"].toArray().size(), size_t(2));
    // One event's state twice is one state: nothing to resolve, the state after it.
    const json::Value same = runJson({QStringLiteral("state-at"), m_dump, id("topic"), id("topic")});
    const json::Value after = runJson({QStringLiteral("state-at"), QStringLiteral("--after"), m_dump, id("topic")});
    QCOMPARE(json::toCanonical(same), json::toCanonical(after));
    // Usage: --after is for one event, --trace for several; unknown events are named.
    for (const QStringList &bad : {QStringList{QStringLiteral("--after"), m_dump, id("ban"), id("topic")},
                                   QStringList{QStringLiteral("--trace"), m_dump, id("ban")}}) {
        const CliResult refused = runCli(QStringList{QStringLiteral("state-at")} + bad);
        QCOMPARE(refused.exitCode, 2);
    }
    const CliResult missing = runCli({QStringLiteral("state-at"), m_dump, id("ban"), QStringLiteral("$nope")});
    QVERIFY2(test::usageErrorProblem(missing, QStringLiteral("$nope")).isEmpty(),
             qPrintable(test::usageErrorProblem(missing, QStringLiteral("$nope"))));
}

void TestCliRoom::stateAtRejectedEvent()
{
    // carol's late message is rejected against the state before it: the state after it is the
    // same as before.
    const json::Value before = runJson({QStringLiteral("state-at"), m_dump, id("late")});
    const json::Value after = runJson({QStringLiteral("state-at"), QStringLiteral("--after"), m_dump, id("late")});
    QCOMPARE(json::toCanonical(after), json::toCanonical(before));
}

void TestCliRoom::resolveWithTrace()
{
    // The states after the two branches, resolved by v2.1.
    QStringList common{id("create"), id("alice"), id("pl"), id("public"), id("bob")};
    json::Array banSide, topicSide;
    for (const QString &event : common) {
        banSide.push_back(json::toUtf8(event));
        topicSide.push_back(json::toUtf8(event));
    }
    banSide.push_back(json::toUtf8(id("ban")));
    topicSide.push_back(json::toUtf8(id("carol")));
    topicSide.push_back(json::toUtf8(id("topic")));
    json::Object input;
    input.insert("events", m_events);
    input.insert("state_sets", json::Array{banSide, topicSide});
    const QByteArray bytes = QByteArray::fromStdString(json::toCanonical(json::Value(input)));

    const json::Object plain =
        runJson({QStringLiteral("resolve"), QStringLiteral("--room-version"), QStringLiteral("12")}, bytes).toObject();
    const json::Object traced =
        runJson({QStringLiteral("resolve"), QStringLiteral("--room-version"), QStringLiteral("12"), QStringLiteral("--trace")}, bytes)
            .toObject();
    QCOMPARE(json::toCanonical(traced["state"]), json::toCanonical(json::Value(plain)));
    QCOMPARE(json::toQString(plain["m.room.member"].toObject()["@carol:example.org"].toString()), id("ban"));
    QVERIFY(!plain.contains("m.room.topic"));

    const json::Object &trace = traced["trace"].toObject();
    QCOMPARE(json::toQString(trace["algorithm"].toString()), QStringLiteral("v2.1"));
    QCOMPARE(trace["conflicted"].toArray().size(), size_t(3)); // ban, carol's join, topic
    QCOMPARE(json::toQString(trace["power_events"].toArray().back().toString()), id("ban"));
    const json::Array &others = trace["other_event_checks"].toArray();
    QCOMPARE(json::toQString(others.back().toObject()["event_id"].toString()), id("topic"));
    QCOMPARE(others.back().toObject()["allowed"], json::Value(false));
    QCOMPARE(json::toQString(others.back().toObject()["rule_name"].toString()), QStringLiteral("sender_not_joined"));
    QCOMPARE(json::toQString(others.back().toObject()["rule"].toString()), QStringLiteral("6"));
}

void TestCliRoom::resolveNamesMissingEvents()
{
    json::Array events = m_events;
    events.erase(events.begin() + 2); // the power levels, which everything cites
    json::Object input;
    input.insert("events", events);
    input.insert("state_sets", json::Array{json::Array{json::toUtf8(id("ban"))}, json::Array{json::toUtf8(id("topic"))}});
    const CliResult result = runCli({QStringLiteral("resolve"), QStringLiteral("--room-version"), QStringLiteral("12")},
                                    QByteArray::fromStdString(json::toCanonical(json::Value(input))));
    QVERIFY2(test::usageErrorProblem(result, id("pl")).isEmpty(), qPrintable(test::usageErrorProblem(result, id("pl"))));

    input.insert("state_sets", json::Array{json::Array{json::toUtf8(id("pl"))}});
    const CliResult inSet = runCli({QStringLiteral("resolve"), QStringLiteral("--room-version"), QStringLiteral("12")},
                                   QByteArray::fromStdString(json::toCanonical(json::Value(input))));
    QVERIFY2(test::usageErrorProblem(inSet, id("pl")).isEmpty(), qPrintable(test::usageErrorProblem(inSet, id("pl"))));
}

void TestCliRoom::authAllowedAndRejected()
{
    // bob's ban against its auth events (plus the create event its room ID names): allowed.
    json::Object input;
    input.insert("event", m_events[6]);
    input.insert("auth_events", m_events);
    const auto args = QStringList{QStringLiteral("auth"), QStringLiteral("--room-version"), QStringLiteral("12")};
    QCOMPARE(json::toCanonical(runJson(args, QByteArray::fromStdString(json::toCanonical(json::Value(input))))),
             std::string(R"({"allowed":true})"));
    // The same ban when the power levels it cites were rejected: rule 3.3 of version 12.
    input.insert("rejected", json::Array{json::Value(json::toUtf8(id("pl")))});
    const json::Object verdict =
        runJson(args, QByteArray::fromStdString(json::toCanonical(json::Value(input))), 1).toObject();
    QCOMPARE(verdict["allowed"], json::Value(false));
    QCOMPARE(json::toQString(verdict["rule_name"].toString()), QStringLiteral("auth_events_rejected"));
    QCOMPARE(json::toQString(verdict["rule"].toString()), QStringLiteral("3.3"));
}

void TestCliRoom::authNamesMissingAuthEvents()
{
    json::Object input;
    input.insert("event", m_events[6]);
    input.insert("auth_events", json::Array{m_events[0]});
    const CliResult result = runCli({QStringLiteral("auth"), QStringLiteral("--room-version"), QStringLiteral("12")},
                                    QByteArray::fromStdString(json::toCanonical(json::Value(input))));
    QVERIFY2(test::usageErrorProblem(result, QStringLiteral("missing auth events")).isEmpty(),
             qPrintable(test::usageErrorProblem(result, QStringLiteral("missing auth events"))));
}

void TestCliRoom::handWrittenVersion2Dump()
{
    const QString dump = test::cliData(QStringLiteral("room/handwritten_v2.json"));
    // The create event names no room version, so this is a version 1 room: of two conflicting
    // names of the same depth, the lower sha1(event_id) wins (name1: 2605..., name2: b8e4...).
    const json::Object v1 = runJson({QStringLiteral("state-at"), dump, QStringLiteral("$bob:b.example")}).toObject();
    QCOMPARE(json::toQString(v1["m.room.name"].toObject()[""].toString()), QStringLiteral("$name1:a.example"));
    // Read as version 2: no power levels, so no mainline, and the later name wins.
    const json::Object state = runJson({QStringLiteral("state-at"), QStringLiteral("--room-version"), QStringLiteral("2"),
                                        dump, QStringLiteral("$bob:b.example")})
                                   .toObject();
    QCOMPARE(json::toQString(state["m.room.name"].toObject()[""].toString()), QStringLiteral("$name2:a.example"));
    // bob's join is rejected (the room has no join rules: invite only), so it changes nothing.
    const json::Object after = runJson({QStringLiteral("state-at"), QStringLiteral("--room-version"), QStringLiteral("2"),
                                        QStringLiteral("--after"), dump, QStringLiteral("$bob:b.example")})
                                   .toObject();
    QVERIFY(!after["m.room.member"].toObject().contains("@bob:b.example"));
    // An event the dump lacks.
    const CliResult missing = runCli({QStringLiteral("state-at"), dump, QStringLiteral("$nope:a.example")});
    QVERIFY2(test::usageErrorProblem(missing, QStringLiteral("$nope:a.example")).isEmpty(),
             qPrintable(test::usageErrorProblem(missing, QStringLiteral("$nope:a.example"))));
}

QTEST_GUILESS_MAIN(TestCliRoom)
#include "tst_cli_room.moc"
