// core/room: room scripts, room dumps and the replay's edges (gaps, cycles, kept states), and
// state resolution's answer when events are missing.
#include "core/json/Reader.h"
#include "core/json/Writer.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "core/stateres/Resolver.h"
#include "tests/TestData.h"

#include <QTest>

using namespace trellis;
using stateres::StateKey;

namespace {

json::Object script(const char *text)
{
    return test::parseJson(QByteArray(text), json::NumberPolicy::Strict).toObject();
}

// create, join, join rules, then two topics on forks and a merge; room version `version`.
const char *kForked = R"({"room_version": "%1", "events": [
  {"name": "create", "type": "m.room.create", "sender": "@a:x.org", "state_key": "", "content": {"creator": "@a:x.org"}},
  {"name": "join", "type": "m.room.member", "sender": "@a:x.org", "state_key": "@a:x.org", "content": {"membership": "join"}},
  {"name": "t1", "type": "m.room.topic", "sender": "@a:x.org", "state_key": "", "content": {"topic": "1"}},
  {"name": "t2", "type": "m.room.topic", "sender": "@a:x.org", "state_key": "", "content": {"topic": "2"}, "prev": ["join"]},
  {"name": "merge", "type": "m.room.message", "sender": "@a:x.org", "content": {"body": "m"}, "prev": ["t1", "t2"]}]})";

room::BuiltRoom forked(const QString &version)
{
    auto built = room::buildRoom(script(QString::fromLatin1(kForked).arg(version).toUtf8().constData()));
    if (!built)
        qFatal("%s", qPrintable(built.error().message));
    return *built;
}

} // namespace

class TestRoom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scriptErrors_data();
    void scriptErrors();
    void scriptDumpReadsBackAsItsVersion_data();
    void scriptDumpReadsBackAsItsVersion();
    void replayKeepsOnlyWhatWasAskedFor();
    void replayGap();
    void replayCycle();
    void resolutionNamesMissingEvents();
};

void TestRoom::scriptErrors_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("error");
    QTest::newRow("no events") << QByteArray(R"({"room_version": "10", "events": []})") << QStringLiteral("a script needs 'events'");
    QTest::newRow("unknown version") << QByteArray(R"({"room_version": "99", "events": [{}]})") << QStringLiteral("unknown room version");
    QTest::newRow("name twice") << QByteArray(R"({"events": [
        {"name": "c", "type": "m.room.create", "sender": "@a:x.org", "state_key": "", "content": {"creator": "@a:x.org"}},
        {"name": "c", "type": "m.room.message", "sender": "@a:x.org", "content": {}}]})")
                                << QStringLiteral("script event 1: the name 'c' is used twice");
    QTest::newRow("unknown prev") << QByteArray(R"({"events": [
        {"name": "c", "type": "m.room.create", "sender": "@a:x.org", "state_key": "", "content": {"creator": "@a:x.org"}},
        {"type": "m.room.message", "sender": "@a:x.org", "content": {}, "prev": ["nope"]}]})")
                                  << QStringLiteral("script event 1: 'nope' names no earlier event");
    QTest::newRow("no type") << QByteArray(R"({"events": [{"sender": "@a:x.org"}]})")
                             << QStringLiteral("script event 0: an event needs a 'type' and a 'sender'");
    QTest::newRow("bad sender") << QByteArray(R"({"events": [{"type": "m.room.create", "sender": "a", "state_key": ""}]})")
                                << QStringLiteral("script event 0: ");
}

void TestRoom::scriptErrors()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, error);
    const auto built = room::buildRoom(test::parseJson(script, json::NumberPolicy::Strict).toObject());
    QVERIFY(!built);
    QVERIFY2(built.error().message.startsWith(error), qPrintable(built.error().message));
}

void TestRoom::scriptDumpReadsBackAsItsVersion_data()
{
    QTest::addColumn<QString>("version");
    for (const char *v : {"1", "2", "3", "10", "11", "12"})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestRoom::scriptDumpReadsBackAsItsVersion()
{
    // The script names its version only at the top level; the dump must still say it.
    QFETCH(QString, version);
    const room::BuiltRoom room = forked(version);
    QCOMPARE(room.version->id, version);
    const std::string bytes = json::toCanonical(json::Value(room::roomDumpToJson(room.events)));
    const auto dump = room::readRoomDump(bytes);
    QVERIFY2(dump, dump ? "" : qPrintable(dump.error().message));
    QCOMPARE(dump->version->id, version);
    QCOMPARE(dump->events.size(), room.events.size());
    for (qsizetype i = 0; i < room.events.size(); ++i)
        QCOMPARE(dump->events[i].eventId(), room.events[i].eventId());
}

void TestRoom::replayKeepsOnlyWhatWasAskedFor()
{
    const room::BuiltRoom room = forked(QStringLiteral("10"));
    const EventId merge = room.ids.value(QStringLiteral("merge"));
    room::RoomReplay replay(*room.version);
    QVERIFY(replay.run(room.events, {merge}));
    const auto before = replay.stateBefore(merge);
    QVERIFY(before);
    QCOMPARE(before->size(), 3); // create, member, the topic that won
    QVERIFY(!replay.stateBefore(room.ids.value(QStringLiteral("t1"))));
    QCOMPARE(replay.forwardExtremities(), QList<EventId>{merge});
    QCOMPARE(replay.currentState().value(), replay.stateAfter(merge).value());
    QCOMPARE(replay.order().size(), room.events.size());
}

void TestRoom::replayGap()
{
    // Without t1, the merge has one known prev event: its state is t2's, and the gap is noted.
    const room::BuiltRoom room = forked(QStringLiteral("11"));
    QList<events::Pdu> events = room.events;
    events.removeAt(2);
    const EventId merge = room.ids.value(QStringLiteral("merge"));
    room::RoomReplay replay(*room.version);
    QVERIFY(replay.run(events, {merge}));
    QCOMPARE(replay.outcome(merge)->missingPrev, QList<EventId>{room.ids.value(QStringLiteral("t1"))});
    QCOMPARE(replay.outcome(merge)->rejection, stateres::Rejection::None);
    const StateKey topic{QStringLiteral("m.room.topic"), QString()};
    QCOMPARE(replay.stateBefore(merge)->value(topic), room.ids.value(QStringLiteral("t2")));
}

void TestRoom::replayCycle()
{
    // Room version 1 names events by a field, so a forged dump can make prev_events loop.
    const char *text = R"([
      {"event_id": "$a:x.org", "type": "m.room.message", "sender": "@a:x.org", "room_id": "!r:x.org", "content": {},
       "prev_events": [["$b:x.org", {"sha256": "x"}]], "auth_events": [], "depth": 1, "origin_server_ts": 1,
       "hashes": {"sha256": "x"}, "signatures": {}},
      {"event_id": "$b:x.org", "type": "m.room.message", "sender": "@a:x.org", "room_id": "!r:x.org", "content": {},
       "prev_events": [["$a:x.org", {"sha256": "x"}]], "auth_events": [], "depth": 2, "origin_server_ts": 2,
       "hashes": {"sha256": "x"}, "signatures": {}}])";
    const auto dump = room::readRoomDump(text);
    QVERIFY2(dump, dump ? "" : qPrintable(dump.error().message));
    room::RoomReplay replay(*dump->version);
    const auto ran = replay.run(dump->events);
    QVERIFY(!ran);
    QVERIFY2(ran.error().message.contains(QStringLiteral("cycle")), qPrintable(ran.error().message));
}

void TestRoom::resolutionNamesMissingEvents()
{
    // Resolving the forks without the join event that the topics cite: M_NOT_FOUND, naming it.
    for (const char *v : {"1", "10", "12"}) {
        const room::BuiltRoom room = forked(QString::fromLatin1(v));
        stateres::MapEventProvider events;
        for (const events::Pdu &e : room.events) {
            if (e.eventId() != room.ids.value(QStringLiteral("join")))
                events.add(e);
        }
        const StateKey topic{QStringLiteral("m.room.topic"), QString()};
        const QList<stateres::StateSet> sets = {{{topic, room.ids.value(QStringLiteral("t1"))}},
                                                {{topic, room.ids.value(QStringLiteral("t2"))}}};
        const auto resolved = stateres::resolve(*room.version, sets, events);
        QVERIFY2(!resolved, v);
        QCOMPARE(resolved.error().code, ErrorCode::NotFound);
        QVERIFY2(resolved.error().message.contains(room.ids.value(QStringLiteral("join")).toString()),
                 qPrintable(resolved.error().message));
    }
}

QTEST_GUILESS_MAIN(TestRoom)
#include "tst_room.moc"
