// Room storage: events persisted with their edges and states, state groups as bounded delta
// chains, forward extremities through a fork and a merge, current state and memberships,
// transaction IDs, stream pagination, redaction marks, aliases; all surviving a reopen.
#include "core/room/RoomBuilder.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/KeyStore.h"
#include "core/storage/RoomStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

namespace {

json::Object parse(const char *text) { return *json::parseObject(text); }

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> events;
    std::unique_ptr<RoomStore> rooms;

    void open()
    {
        rooms.reset();
        events.reset();
        db.reset();
        db = std::move(*Database::open(dir.filePath(QStringLiteral("t.db"))));
        events = std::move(*EventStore::open(*db));
        rooms = std::move(*RoomStore::open(*db));
    }
};

} // namespace

class TestRoomStorage : public QObject
{
    Q_OBJECT

private:
    /// Persists what the builder made, each event with the state the builder's replay found.
    static void persistAll(Fixture &f, const room::RoomBuilder &builder, qsizetype from = 0)
    {
        for (qsizetype i = from; i < builder.events().size(); ++i) {
            const events::Pdu &pdu = builder.events()[i];
            NewEvent event;
            event.pdu = pdu;
            event.stateBefore = *builder.stateBefore(pdu.prevEvents());
            auto stored = f.events->persist(event);
            QVERIFY2(stored, stored ? "" : qPrintable(stored.error().internalDetail));
        }
    }
    static room::RoomBuilder::Event event(const char *type, const char *sender, std::optional<QString> key, const char *content)
    {
        room::RoomBuilder::Event e;
        e.type = QString::fromLatin1(type);
        e.sender = QString::fromLatin1(sender);
        e.stateKey = key;
        e.content = parse(content);
        return e;
    }
    static room::RoomBuilder startRoom(Fixture &f)
    {
        room::RoomBuilder builder(events::RoomVersion::defaultVersion());
        (void)builder.add(event("m.room.create", "@a:x.test", QString(), R"({"room_version":"12"})"));
        (void)builder.add(event("m.room.member", "@a:x.test", QStringLiteral("@a:x.test"), R"({"membership":"join"})"));
        (void)builder.add(event("m.room.join_rules", "@a:x.test", QString(), R"({"join_rule":"public"})"));
        (void)builder.add(event("m.room.power_levels", "@a:x.test", QString(), R"({"users":{}})"));
        const RoomId room = builder.events().first().roomId();
        if (!f.rooms->createRoom(room, QStringLiteral("12"), *UserId::parse(u"@a:x.test"), 1))
            qFatal("createRoom");
        return builder;
    }

private Q_SLOTS:
    void persistAndReadBack();
    void forkAndMerge();
    void stateChainsAreBounded();
    void transactionsAndPagination();
    void aliases();
    void serverKeys();
};

void TestRoomStorage::persistAndReadBack()
{
    Fixture f;
    f.open();
    room::RoomBuilder builder = startRoom(f);
    (void)builder.add(event("m.room.message", "@a:x.test", std::nullopt, R"({"body":"hi"})"));
    persistAll(f, builder);
    const RoomId room = builder.events().first().roomId();
    f.open(); // everything survives a reopen
    for (const events::Pdu &pdu : builder.events()) {
        auto stored = f.events->event(pdu.eventId());
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->pdu.json(), pdu.json());
    }
    QCOMPARE(*f.rooms->extremities(room), QList<EventId>{builder.events().last().eventId()});
    QCOMPARE(*f.rooms->currentState(room), *builder.replay().currentState());
    QCOMPARE(*f.events->stateAfter(builder.events().last().eventId()), *builder.replay().currentState());
    auto membership = f.rooms->membership(room, *UserId::parse(u"@a:x.test"));
    QVERIFY(membership && *membership);
    QCOMPARE((*membership)->membership, QStringLiteral("join"));
    QCOMPARE(*f.rooms->roomsWithMembership(*UserId::parse(u"@a:x.test"), QStringLiteral("join")), QList<RoomId>{room});
    QCOMPARE(f.events->maxStreamOrdering(), qint64(builder.events().size()));
}

void TestRoomStorage::forkAndMerge()
{
    Fixture f;
    f.open();
    room::RoomBuilder builder = startRoom(f);
    const EventId base = builder.events().last().eventId();
    auto left = event("m.room.name", "@a:x.test", QString(), R"({"name":"left"})");
    left.prev = QList<EventId>{base};
    auto right = event("m.room.topic", "@a:x.test", QString(), R"({"topic":"right"})");
    right.prev = QList<EventId>{base};
    const EventId l = builder.add(left)->eventId();
    const EventId r = builder.add(right)->eventId();
    persistAll(f, builder);
    const RoomId room = builder.events().first().roomId();
    QList<EventId> expected{l, r};
    std::sort(expected.begin(), expected.end(), [](const EventId &a, const EventId &b) { return a.toString() < b.toString(); });
    QCOMPARE(*f.rooms->extremities(room), expected);
    auto merge = event("m.room.message", "@a:x.test", std::nullopt, R"({"body":"merge"})");
    merge.prev = QList<EventId>{l, r};
    const EventId m = builder.add(merge)->eventId();
    persistAll(f, builder, builder.events().size() - 1);
    QCOMPARE(*f.rooms->extremities(room), QList<EventId>{m});
    // The merge's state holds both branches' changes, and so does the room's.
    const stateres::StateSet after = *f.events->stateAfter(m);
    QVERIFY(after.contains(auth::StateKey(QStringLiteral("m.room.name"), QString())));
    QVERIFY(after.contains(auth::StateKey(QStringLiteral("m.room.topic"), QString())));
    QCOMPARE(*f.rooms->currentState(room), after);
}

void TestRoomStorage::stateChainsAreBounded()
{
    Fixture f;
    f.open();
    room::RoomBuilder builder = startRoom(f);
    for (int i = 0; i < 3 * StateStore::kMaxChain; ++i)
        (void)builder.add(event("m.room.member", "@a:x.test", QStringLiteral("@a:x.test"), i % 2 ? R"({"membership":"join","displayname":"b"})" : R"({"membership":"join","displayname":"a"})"));
    persistAll(f, builder);
    // Every state reads back right, and no chain is longer than the bound.
    for (const events::Pdu &pdu : builder.events())
        QCOMPARE(*f.events->stateAfter(pdu.eventId()), *builder.replay().stateAfter(pdu.eventId()));
    QSqlQuery longest = f.db->prepare(QStringLiteral("SELECT max(chain_length), count(*) FROM state_groups"));
    QVERIFY(f.db->exec(longest));
    QVERIFY(longest.next());
    QVERIFY(longest.value(0).toInt() <= StateStore::kMaxChain);
    // Deltas, not copies: far fewer entries than events times state size.
    QSqlQuery entries = f.db->prepare(QStringLiteral("SELECT count(*) FROM state_group_entries"));
    QVERIFY(f.db->exec(entries));
    QVERIFY(entries.next());
    QVERIFY(entries.value(0).toInt() < builder.events().size() * 2);
}

void TestRoomStorage::transactionsAndPagination()
{
    Fixture f;
    f.open();
    room::RoomBuilder builder = startRoom(f);
    persistAll(f, builder);
    const RoomId room = builder.events().first().roomId();
    for (int i = 0; i < 30; ++i) {
        const events::Pdu pdu = *builder.add(event("m.room.message", "@a:x.test", std::nullopt, R"({"body":"m"})"));
        NewEvent stored;
        stored.pdu = pdu;
        stored.stateBefore = *builder.stateBefore(pdu.prevEvents());
        stored.txnDevice = QStringLiteral("DEV");
        stored.txnId = QStringLiteral("t%1").arg(i);
        QVERIFY(f.events->persist(stored));
    }
    QCOMPARE(f.events->eventIdForTxn(QStringLiteral("DEV"), QStringLiteral("t7"), room)->value(), builder.events()[4 + 7].eventId());
    QVERIFY(!f.events->eventIdForTxn(QStringLiteral("OTHER"), QStringLiteral("t7"), room)->has_value());
    const qint64 max = f.events->maxStreamOrdering();
    auto newest = f.events->roomEvents(room, 0, max, 10, Direction::Backward);
    QCOMPARE(newest->size(), 10);
    QCOMPARE(newest->last().streamOrdering, max);
    QVERIFY(newest->first().streamOrdering < newest->last().streamOrdering);
    auto oldest = f.events->roomEvents(room, 0, max, 3, Direction::Forward);
    QCOMPARE(oldest->first().pdu.type(), QStringLiteral("m.room.create"));
    auto middle = f.events->roomEvents(room, 10, 20, 100, Direction::Forward);
    QCOMPARE(middle->size(), 10);
    QCOMPARE(f.events->lastEventAtOrBefore(room, 12)->value().streamOrdering, 12);
    // Redaction marks reach readers (and the cache).
    const EventId target = builder.events()[10].eventId();
    QVERIFY((*f.events->event(target))->redactedBy == std::nullopt);
    QVERIFY(f.events->markRedacted(target, builder.events()[11].eventId()));
    QCOMPARE((*f.events->event(target))->redactedBy, std::optional<EventId>(builder.events()[11].eventId()));
}

void TestRoomStorage::aliases()
{
    Fixture f;
    f.open();
    const RoomId room = *RoomId::parse(u"!r:x.test");
    const UserId owner = *UserId::parse(u"@a:x.test");
    QVERIFY(f.rooms->createRoom(room, QStringLiteral("10"), owner, 1));
    QCOMPARE(f.rooms->createRoom(room, QStringLiteral("10"), owner, 1).error().code, ErrorCode::RoomInUse);
    const RoomAlias alias = *RoomAlias::parse(u"#a:x.test");
    QVERIFY(f.rooms->createAlias(alias, room, owner));
    QCOMPARE(f.rooms->createAlias(alias, room, owner).error().errcode(), QStringLiteral("M_ROOM_IN_USE"));
    QCOMPARE(f.rooms->roomForAlias(alias)->value(), room);
    QCOMPARE(*f.rooms->aliasesForRoom(room), QStringList{QStringLiteral("#a:x.test")});
    QVERIFY(f.rooms->deleteAlias(alias));
    QVERIFY(!f.rooms->roomForAlias(alias)->has_value());
    QVERIFY(f.rooms->setPublic(room, true));
    QCOMPARE(*f.rooms->publicRooms(), QList<RoomId>{room});
}

void TestRoomStorage::serverKeys()
{
    Fixture f;
    f.open();
    auto keys = KeyStore::open(*f.db);
    QVERIFY(keys);
    const QByteArray raw(32, 'k');
    QVERIFY((*keys)->storeKey({QStringLiteral("a.test"), QStringLiteral("ed25519:1"), raw, 2000, 10}));
    QVERIFY((*keys)->storeKey({QStringLiteral("a.test"), QStringLiteral("ed25519:1"), raw, 1000, 20})); // validity never shrinks
    QVERIFY((*keys)->storeKey({QStringLiteral("a.test"), QStringLiteral("ed25519:2"), raw, 3000, 30}));
    QVERIFY(!(*keys)->storeKey({QStringLiteral("a.test"), QStringLiteral("ed25519:3"), QByteArray(5, 'x'), 1, 1}));
    QCOMPARE((*keys)->key(QStringLiteral("a.test"), QStringLiteral("ed25519:1"))->value().validUntilTs, 2000);
    QCOMPARE((*keys)->key(QStringLiteral("a.test"), QStringLiteral("ed25519:1"))->value().fetchedTs, 20);
    const auto all = *(*keys)->keys(QStringLiteral("a.test"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().keyId, QStringLiteral("ed25519:2"));
    QVERIFY(!(*keys)->key(QStringLiteral("b.test"), QStringLiteral("ed25519:1"))->has_value());
}

QTEST_GUILESS_MAIN(TestRoomStorage)
#include "tst_roomstorage.moc"
