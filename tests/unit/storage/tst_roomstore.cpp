// RoomStore: the room record, memberships through join / leave / re-join and forgetting, the
// membership change stream, current state lookups, and aliases across rooms.
#include "core/room/RoomBuilder.h"
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

namespace {

room::RoomBuilder::Event spec(const char *type, const char *sender, std::optional<QString> key, const char *content)
{
    room::RoomBuilder::Event e;
    e.type = QString::fromLatin1(type);
    e.sender = QString::fromLatin1(sender);
    e.stateKey = std::move(key);
    e.content = *json::parseObject(content);
    return e;
}

const UserId &alice()
{
    static const UserId id = *UserId::parse(u"@a:x.test");
    return id;
}

const UserId &bob()
{
    static const UserId id = *UserId::parse(u"@b:x.test");
    return id;
}

} // namespace

class TestRoomStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<RoomStore> m_rooms;
    std::unique_ptr<room::RoomBuilder> m_builder;
    RoomId m_room;

    events::Pdu addAndPersist(const room::RoomBuilder::Event &e)
    {
        const events::Pdu pdu = *m_builder->add(e);
        NewEvent event;
        event.pdu = pdu;
        event.stateBefore = *m_builder->stateBefore(pdu.prevEvents());
        if (!m_events->persist(event))
            qFatal("persist failed");
        return pdu;
    }

private Q_SLOTS:
    void init()
    {
        m_rooms.reset();
        m_events.reset();
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("r.db")));
        m_db = std::move(*Database::open(m_dir.filePath(QStringLiteral("r.db"))));
        m_events = std::move(*EventStore::open(*m_db));
        m_rooms = std::move(*RoomStore::open(*m_db));
        m_builder = std::make_unique<room::RoomBuilder>(events::RoomVersion::defaultVersion());
        const events::Pdu create = *m_builder->add(spec("m.room.create", "@a:x.test", QString(), R"({"room_version":"12"})"));
        m_room = create.roomId();
        QVERIFY(m_rooms->createRoom(m_room, QStringLiteral("12"), alice(), 42));
        NewEvent first;
        first.pdu = create;
        QVERIFY(m_events->persist(first));
        addAndPersist(spec("m.room.member", "@a:x.test", QStringLiteral("@a:x.test"), R"({"membership":"join"})"));
        addAndPersist(spec("m.room.join_rules", "@a:x.test", QString(), R"({"join_rule":"public"})"));
        addAndPersist(spec("m.room.power_levels", "@a:x.test", QString(), R"({"users":{}})"));
    }

    void roomRecord()
    {
        auto record = *m_rooms->room(m_room);
        QVERIFY(record);
        QCOMPARE(record->version, QStringLiteral("12"));
        QCOMPARE(record->creator, alice());
        QCOMPARE(record->createdTs, 42);
        QVERIFY(!record->isPublic);
        QVERIFY(!m_rooms->room(*RoomId::parse(u"!nope:x.test"))->has_value());
        QCOMPARE(m_rooms->createRoom(m_room, QStringLiteral("12"), alice(), 1).error().code, ErrorCode::RoomInUse);
    }

    void membershipsFollowTheEvents()
    {
        const qint64 start = m_events->maxStreamOrdering();
        const events::Pdu join = addAndPersist(spec("m.room.member", "@b:x.test", QStringLiteral("@b:x.test"), R"({"membership":"join"})"));
        auto member = *m_rooms->membership(m_room, bob());
        QVERIFY(member);
        QCOMPARE(member->membership, QStringLiteral("join"));
        QCOMPARE(member->eventId, join.eventId());
        QCOMPARE(member->streamOrdering, start + 1);
        const events::Pdu leave = addAndPersist(spec("m.room.member", "@b:x.test", QStringLiteral("@b:x.test"), R"({"membership":"leave"})"));
        QCOMPARE((*m_rooms->membership(m_room, bob()))->membership, QStringLiteral("leave"));
        QCOMPARE(*m_rooms->roomsWithMembership(bob(), QStringLiteral("leave")), QList<RoomId>{m_room});
        QVERIFY(m_rooms->roomsWithMembership(bob(), QStringLiteral("join"))->isEmpty());
        // The change stream gives the latest change per room after a position.
        auto changes = *m_rooms->membershipChangesAfter(bob(), start);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().membership, QStringLiteral("leave"));
        QCOMPARE(changes.first().eventId, leave.eventId());
        QVERIFY(m_rooms->membershipChangesAfter(bob(), m_events->maxStreamOrdering())->isEmpty());
        // Forgetting hides the room until the next membership event.
        QVERIFY(m_rooms->forgetRoom(m_room, bob()));
        QVERIFY(m_rooms->roomsWithMembership(bob(), QStringLiteral("leave"))->isEmpty());
        addAndPersist(spec("m.room.member", "@b:x.test", QStringLiteral("@b:x.test"), R"({"membership":"join"})"));
        QCOMPARE(*m_rooms->roomsWithMembership(bob(), QStringLiteral("join")), QList<RoomId>{m_room});
        QVERIFY(!m_rooms->membership(m_room, *UserId::parse(u"@c:x.test"))->has_value());
    }

    void currentStateLookups()
    {
        const events::Pdu name = addAndPersist(spec("m.room.name", "@a:x.test", QString(), R"({"name":"n"})"));
        QCOMPARE(m_rooms->currentStateEvent(m_room, QStringLiteral("m.room.name"), QString())->value(), name.eventId());
        QCOMPARE(m_rooms->currentStateEvent(m_room, QStringLiteral("m.room.member"), QStringLiteral("@a:x.test"))->value(),
                 m_builder->events()[1].eventId());
        QVERIFY(!m_rooms->currentStateEvent(m_room, QStringLiteral("m.room.topic"), QString())->has_value());
        QCOMPARE(*m_rooms->currentState(m_room), *m_builder->replay().currentState());
        QVERIFY(m_rooms->currentState(*RoomId::parse(u"!nope:x.test"))->isEmpty());
    }

    void damagedRowsAreErrors()
    {
        QSqlQuery damage = m_db->prepare(QStringLiteral("UPDATE current_state SET event_id = 'garbage'"));
        QVERIFY(damage.exec());
        QSqlQuery damage2 = m_db->prepare(QStringLiteral("UPDATE memberships SET event_id = 'garbage'"));
        QVERIFY(damage2.exec());
        QVERIFY(!m_rooms->currentState(m_room));
        QVERIFY(!m_rooms->currentStateEvent(m_room, QStringLiteral("m.room.create"), QString()));
        QVERIFY(!m_rooms->membership(m_room, alice()));
    }

    void aliasesAcrossRooms()
    {
        const RoomId other = *RoomId::parse(u"!other:x.test");
        QVERIFY(m_rooms->createRoom(other, QStringLiteral("10"), alice(), 1));
        const RoomAlias one = *RoomAlias::parse(u"#one:x.test");
        const RoomAlias two = *RoomAlias::parse(u"#two:x.test");
        QVERIFY(m_rooms->createAlias(one, m_room, alice()));
        QVERIFY(m_rooms->createAlias(two, m_room, alice()));
        auto taken = m_rooms->createAlias(one, other, bob());
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::RoomInUse);
        QCOMPARE(m_rooms->roomForAlias(one)->value(), m_room); // the conflict changed nothing
        QCOMPARE(*m_rooms->aliasesForRoom(m_room), (QStringList{QStringLiteral("#one:x.test"), QStringLiteral("#two:x.test")}));
        QVERIFY(m_rooms->aliasesForRoom(other)->isEmpty());
        QVERIFY(m_rooms->deleteAlias(one));
        QVERIFY(m_rooms->createAlias(one, other, bob()));
        QCOMPARE(*m_rooms->aliasesForRoom(other), QStringList{QStringLiteral("#one:x.test")});
        QVERIFY(m_rooms->setPublic(other, true));
        QCOMPARE(*m_rooms->publicRooms(), QList<RoomId>{other});
        QVERIFY(m_rooms->setPublic(other, false));
        QVERIFY(m_rooms->publicRooms()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRoomStore)
#include "tst_roomstore.moc"
