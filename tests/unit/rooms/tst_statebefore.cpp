// Events on several forward extremities: the prev events chosen (at most
// LocalEventBuilder::kMaxPrevEvents, the deepest, whatever the input order) and the state
// before them resolved with the version's algorithm (StateBeforeResolver) as every receiving
// server resolves it: a replay of the DAG (RoomReplay) accepts every event and agrees.
#include "LocalRoom.h"

#include "core/auth/EventTypes.h"
#include "core/rooms/MembershipEvents.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace trellis;
using namespace trellis::rooms;
using namespace testrooms;

class TestStateBefore : public QObject
{
    Q_OBJECT

private:
    void checkReplay(const LocalRoom &room)
    {
        room::RoomReplay replay(*room.version);
        QVERIFY(replay.run(room.order));
        for (const events::Pdu &pdu : std::as_const(room.order)) {
            const auto *outcome = replay.outcome(pdu.eventId());
            QVERIFY(outcome);
            QVERIFY2(outcome->rejection == stateres::Rejection::None,
                     qPrintable(pdu.type() + u": " + outcome->verdict.reason));
        }
        auto current = replay.currentState();
        QVERIFY(current);
        QCOMPARE(*current, room.state());
        QList<EventId> extremities = room.extremities.keys();
        std::sort(extremities.begin(), extremities.end(),
                  [](const EventId &a, const EventId &b) { return a.toString() < b.toString(); });
        QCOMPARE(replay.forwardExtremities(), extremities);
    }

    std::optional<LocalEventBuilder> m_builder;

private Q_SLOTS:
    void initTestCase();
    void fork_data();
    void fork();
    void prevEventsCap_data() { fork_data(); }
    void prevEventsCap();
    void singleAndNoState();
};

void TestStateBefore::initTestCase()
{
    m_builder.emplace(kServer, *crypto::SigningKey::generate(QStringLiteral("a1")));
}

void TestStateBefore::fork_data()
{
    QTest::addColumn<int>("version");
    for (const events::RoomVersion *version : events::RoomVersion::all())
        QTest::addRow("v%s", qPrintable(version->id)) << version->number;
}

void TestStateBefore::fork()
{
    QFETCH(int, version);
    auto created = createRoom(*m_builder, *events::RoomVersion::find(QString::number(version)),
                              R"({"preset":"public_chat"})");
    QVERIFY(created);
    LocalRoom &room = *created;
    QVERIFY(room.send(*m_builder, joinEvent(kHelper, {}, std::nullopt, kNow + 1000)));
    const RoomHead base = *room.head();

    // Two branches on the same event, with different states: one names the room and sets a
    // topic, the other bans the helper and sets another topic.
    auto a1 = room.add(*m_builder, base,
                       stateEvent(kOwner, "m.room.name", R"({"name":"A"})", kNow + 2000));
    QVERIFY(a1);
    RoomHead onA = base;
    onA.advance(*a1);
    QVERIFY(room.add(*m_builder, onA,
                     stateEvent(kOwner, "m.room.topic", R"({"topic":"A"})", kNow + 3000)));
    auto b1 = room.add(*m_builder, base, banEvent(kOwner, kHelper, std::nullopt, kNow + 2500));
    QVERIFY(b1);
    RoomHead onB = base;
    onB.advance(*b1);
    QVERIFY(room.add(*m_builder, onB,
                     stateEvent(kOwner, "m.room.topic", R"({"topic":"B"})", kNow + 3500)));
    QCOMPARE(room.extremities.size(), 2);

    // The merge cites both and sees the resolution: both branches' unconflicted changes.
    auto head = room.head();
    QVERIFY2(head, head ? "" : qPrintable(head.error().message));
    QCOMPARE(head->prevEvents.size(), 2);
    const stateres::StateSet &before = head->stateBefore;
    QCOMPARE(before.value(auth::StateKey(QStringLiteral("m.room.name"), QString())),
             a1->pdu.eventId());
    QCOMPARE(before.value(auth::StateKey(auth::types::member, kHelper.toString())),
             b1->pdu.eventId());
    auto merge = room.add(*m_builder, *head, message(kOwner, "merged", kNow + 4000));
    QVERIFY2(merge, merge ? "" : qPrintable(merge.error().message));
    QCOMPARE(merge->pdu.prevEvents().size(), 2);
    // The helper is banned in the resolved state: their message is refused.
    QCOMPARE(errcodeOf(room.send(*m_builder, message(kHelper, "me too", kNow + 5000))),
             QStringLiteral("M_FORBIDDEN"));
    // The same resolution, with the states in the other order.
    QList<stateres::StateSet> states = {room.extremities.value(merge->pdu.eventId())};
    auto one = StateBeforeResolver::resolve(*room.version, states, room.events);
    QVERIFY(one);
    QCOMPARE(*one, merge->stateAfter);
    checkReplay(room);
}

void TestStateBefore::prevEventsCap()
{
    QFETCH(int, version);
    auto created = createRoom(*m_builder, *events::RoomVersion::find(QString::number(version)),
                              R"({"preset":"public_chat"})");
    QVERIFY(created);
    LocalRoom &room = *created;
    const RoomHead base = *room.head();
    // 15 messages on the same event, one of them followed by another: 15 extremities.
    QList<EventId> extremities;
    for (int i = 0; i < 15; ++i) {
        auto sent = room.add(*m_builder, base, message(kOwner, "branch", kNow + 1000 + i));
        QVERIFY(sent);
        extremities.append(sent->pdu.eventId());
    }
    RoomHead deeper = base;
    deeper.prevEvents = {extremities.last()};
    auto deepest = room.add(*m_builder, deeper, message(kOwner, "deeper", kNow + 2000));
    QVERIFY(deepest);
    extremities.last() = deepest->pdu.eventId();
    QCOMPARE(room.extremities.size(), 15);

    // The deepest first, then by event ID, whatever the order given.
    const QList<EventId> chosen = LocalEventBuilder::selectPrevEvents(extremities, room.events);
    QCOMPARE(chosen.size(), LocalEventBuilder::kMaxPrevEvents);
    QCOMPARE(chosen.first(), deepest->pdu.eventId());
    for (int round = 0; round < 5; ++round) {
        QList<EventId> shuffled = extremities;
        std::shuffle(shuffled.begin(), shuffled.end(), *QRandomGenerator::global());
        QCOMPARE(LocalEventBuilder::selectPrevEvents(shuffled, room.events), chosen);
    }
    auto merge = room.send(*m_builder, message(kOwner, "merge 10", kNow + 3000));
    QVERIFY2(merge, merge ? "" : qPrintable(merge.error().message));
    QCOMPARE(merge->pdu.prevEvents(), chosen);
    QCOMPARE(merge->pdu.depth(), deepest->pdu.depth() + 1);
    // The five left out are merged by the next event.
    QCOMPARE(room.extremities.size(), 6);
    auto rest = room.send(*m_builder, message(kOwner, "merge rest", kNow + 4000));
    QVERIFY(rest);
    QCOMPARE(rest->pdu.prevEvents().size(), 6);
    QCOMPARE(room.extremities.size(), 1);
    checkReplay(room);
}

void TestStateBefore::singleAndNoState()
{
    auto created = createRoom(*m_builder, events::RoomVersion::defaultVersion(), R"({})");
    QVERIFY(created);
    const auto &[id, state] = *created->extremities.constKeyValueBegin();
    auto same = StateBeforeResolver::resolve(*created->version, {state}, created->events);
    QVERIFY(same);
    QCOMPARE(*same, state);
    auto none = StateBeforeResolver::resolve(*created->version, {}, created->events);
    QVERIFY(none && none->isEmpty());
    // An extremity storage does not know, or no extremity at all.
    QHash<EventId, stateres::StateSet> unknown{{*EventId::parse(u"$nowhere"), state}};
    QCOMPARE(errcodeOf(StateBeforeResolver::head(*created->version, *created->roomId, unknown,
                                                 created->events)),
             QStringLiteral("M_NOT_FOUND"));
    QCOMPARE(errcodeOf(StateBeforeResolver::head(*created->version, *created->roomId, {},
                                                 created->events)),
             QStringLiteral("M_NOT_FOUND"));
    Q_UNUSED(id);
}

QTEST_GUILESS_MAIN(TestStateBefore)
#include "tst_statebefore.moc"
