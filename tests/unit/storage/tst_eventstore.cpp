// EventStore beyond the happy path (tst_roomstorage covers read-back, fork and merge,
// pagination): edges and auth edges as rows, rejected / soft-failed / outlier events kept out of
// the extremities and the current state with their verdicts readable, a caller-resolved current
// state, a duplicate event refused, and persist() inside a rolled-back transaction leaving
// nothing behind (not even in the caches).
#include "core/crypto/SigningKey.h"
#include "core/events/EventHashes.h"
#include "core/events/PduKeys.h"
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

room::RoomBuilder::Event spec(const char *type, std::optional<QString> key, const char *content,
                              std::optional<QList<EventId>> prev = std::nullopt)
{
    room::RoomBuilder::Event e;
    e.type = QString::fromLatin1(type);
    e.sender = QStringLiteral("@a:x.test");
    e.stateKey = std::move(key);
    e.content = *json::parseObject(content);
    e.prev = std::move(prev);
    return e;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query = db.prepare(sql);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<RoomStore> m_rooms;
    std::optional<crypto::SigningKey> m_key;
    std::unique_ptr<room::RoomBuilder> m_builder;
    RoomId m_room;

    NewEvent newEvent(const events::Pdu &pdu) const
    {
        NewEvent event;
        event.pdu = pdu;
        event.stateBefore = *m_builder->stateBefore(pdu.prevEvents());
        return event;
    }
    events::Pdu add(const room::RoomBuilder::Event &e) { return *m_builder->add(e); }
    void persist(const NewEvent &event)
    {
        auto stored = m_events->persist(event);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().internalDetail));
    }
    QList<EventId> heads() { return *m_rooms->extremities(m_room); }

private Q_SLOTS:
    void init()
    {
        m_rooms.reset();
        m_events.reset();
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("e.db")));
        m_db = std::move(*Database::open(m_dir.filePath(QStringLiteral("e.db"))));
        m_events = std::move(*EventStore::open(*m_db));
        m_rooms = std::move(*RoomStore::open(*m_db));
        m_key = *crypto::SigningKey::generate(QStringLiteral("k1"));
        m_builder = std::make_unique<room::RoomBuilder>(events::RoomVersion::defaultVersion(), &*m_key);
        add(spec("m.room.create", QString(), R"({"room_version":"12"})"));
        add(spec("m.room.member", QStringLiteral("@a:x.test"), R"({"membership":"join"})"));
        add(spec("m.room.power_levels", QString(), R"({"users":{}})"));
        m_room = m_builder->events().first().roomId();
        QVERIFY(m_rooms->createRoom(m_room, QStringLiteral("12"), *UserId::parse(u"@a:x.test"), 1));
        for (const events::Pdu &pdu : m_builder->events())
            persist(newEvent(pdu));
    }

    void edgesAreRows()
    {
        const events::Pdu last = m_builder->events().last();
        const QString id = last.eventId().toString();
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM event_edges WHERE event_id = '%1'").arg(id)), last.prevEvents().size());
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM event_auth WHERE event_id = '%1'").arg(id)), last.authEvents().size());
        QVERIFY(!last.authEvents().isEmpty());
    }

    void rejectedEventsStayOutOfTheRoom()
    {
        const QList<EventId> before = heads();
        const stateres::StateSet state = *m_rooms->currentState(m_room);
        NewEvent rejected = newEvent(add(spec("m.room.name", QString(), R"({"name":"no"})")));
        rejected.rejection = stateres::Rejection::AuthEvents;
        rejected.rejectedRule = QStringLiteral("4.1");
        rejected.rejectedDetail = QStringLiteral("not allowed");
        persist(rejected);
        QCOMPARE(heads(), before);
        QCOMPARE(*m_rooms->currentState(m_room), state);
        auto stored = *m_events->event(rejected.pdu.eventId());
        QVERIFY(stored);
        QCOMPARE(stored->rejection, stateres::Rejection::AuthEvents);
        QCOMPARE(stored->rejectedRule, QStringLiteral("4.1"));
        QCOMPARE(stored->rejectedDetail, QStringLiteral("not allowed"));
        // A rejected state event changes no state: its state after is its state before.
        QCOMPARE(*m_events->stateAfter(rejected.pdu.eventId()), *m_events->stateBefore(rejected.pdu.eventId()));
    }

    void unreadCountsOthersMessagesAfterTheReceipt()
    {
        const auto persistFrom = [this](const char *sender, const char *type, const char *content,
                                        std::optional<QString> key = std::nullopt) {
            room::RoomBuilder::Event e = spec(type, std::move(key), content);
            e.sender = QString::fromLatin1(sender);
            const events::Pdu pdu = add(e);
            persist(newEvent(pdu));
            return pdu.eventId();
        };
        const UserId a = *UserId::parse(u"@a:x.test");
        const UserId b = *UserId::parse(u"@b:y.test");
        persistFrom("@a:x.test", "m.room.message", R"({"body":"mine"})");
        const EventId first = persistFrom("@b:y.test", "m.room.message", R"({"body":"one"})");
        const EventId second = persistFrom("@b:y.test", "m.room.encrypted", R"({"ciphertext":"x"})");
        persistFrom("@b:y.test", "m.room.topic", R"({"topic":"not a message"})", QString());
        QCOMPARE(*m_events->unreadMessages(m_room, a, {}), 2);
        QCOMPARE(*m_events->unreadMessages(m_room, a, {first}), 1);
        QCOMPARE(*m_events->unreadMessages(m_room, a, {second, first}), 0); // the newer receipt wins
        QCOMPARE(*m_events->unreadMessages(m_room, a, {*EventId::parse(u"$unknown")}), 2);
        // b sent after a's message: b has read it.
        QCOMPARE(*m_events->unreadMessages(m_room, b, {}), 0);
        // A redacted message no longer counts.
        QVERIFY(m_events->markRedacted(second, first));
        QCOMPARE(*m_events->unreadMessages(m_room, a, {}), 1);
        // Sending reads what came before (client-server-api "Marking notifications as read").
        persistFrom("@a:x.test", "m.room.message", R"({"body":"read them"})");
        QCOMPARE(*m_events->unreadMessages(m_room, a, {}), 0);
        persistFrom("@b:y.test", "m.room.message", R"({"body":"three"})");
        QCOMPARE(*m_events->unreadMessages(m_room, a, {}), 1);
        QCOMPARE(*m_events->unreadMessages(m_room, b, {}), 0); // b's "three" came after a's
    }

    void softFailedAndOutliersStayOutOfTheRoom()
    {
        const QList<EventId> before = heads();
        const EventId base = m_builder->events().last().eventId();
        NewEvent soft = newEvent(add(spec("m.room.topic", QString(), R"({"topic":"t"})", QList<EventId>{base})));
        soft.softFailed = true;
        persist(soft);
        NewEvent outlier = newEvent(add(spec("m.room.message", std::nullopt, R"({"body":"o"})", QList<EventId>{base})));
        outlier.outlier = true;
        outlier.stateBefore.clear();
        persist(outlier);
        QCOMPARE(heads(), before);
        QVERIFY(!m_rooms->currentState(m_room)->contains(auth::StateKey(QStringLiteral("m.room.topic"), QString())));
        QVERIFY((*m_events->event(soft.pdu.eventId()))->softFailed);
        QVERIFY((*m_events->event(outlier.pdu.eventId()))->outlier);
        // Outliers are not in the room's timeline.
        const auto timeline = *m_events->roomEvents(m_room, 0, m_events->maxStreamOrdering(), 100, Direction::Forward);
        for (const StoredEvent &e : timeline)
            QVERIFY(e.pdu.eventId() != outlier.pdu.eventId());
        // A room dump says which event was soft-failed, in its `unsigned` (hashes and event ID
        // untouched), for the explorer's marks.
        const json::Array dump = *m_events->roomDump(m_room);
        int marked = 0;
        for (const json::Value &event : dump) {
            const json::Value &data = event.toObject()["unsigned"];
            if (data.isObject() && data.toObject()[events::dumpmark::kSoftFailed].toBool()) {
                ++marked;
                QCOMPARE(events::computeEventId(event.toObject(), *events::RoomVersion::find(u"12"))->toString(),
                         soft.pdu.eventId().toString());
            }
        }
        QCOMPARE(marked, 1);
        // An accepted event citing the soft-failed one still becomes the head.
        const events::Pdu next = add(spec("m.room.message", std::nullopt, R"({"body":"n"})", QList<EventId>{base}));
        persist(newEvent(next));
        QCOMPARE(heads(), QList<EventId>{next.eventId()});
    }

    void callerResolvedCurrentState()
    {
        const EventId base = m_builder->events().last().eventId();
        const events::Pdu left = add(spec("m.room.name", QString(), R"({"name":"l"})", QList<EventId>{base}));
        persist(newEvent(left));
        const events::Pdu right = add(spec("m.room.topic", QString(), R"({"topic":"r"})", QList<EventId>{base}));
        NewEvent event = newEvent(right);
        stateres::StateSet resolved = *m_builder->stateBefore({left.eventId(), right.eventId()});
        event.currentState = resolved;
        persist(event);
        QCOMPARE(heads().size(), 2);
        QCOMPARE(*m_rooms->currentState(m_room), resolved);
        QVERIFY(resolved.contains(auth::StateKey(QStringLiteral("m.room.name"), QString())));
        QVERIFY(resolved.contains(auth::StateKey(QStringLiteral("m.room.topic"), QString())));
    }

    void duplicateIsRefused()
    {
        const qint64 max = m_events->maxStreamOrdering();
        QVERIFY(!m_events->persist(newEvent(m_builder->events().last())));
        QCOMPARE(m_events->maxStreamOrdering(), max);
    }

    void rolledBackPersistLeavesNothing()
    {
        const qint64 max = m_events->maxStreamOrdering();
        const QList<EventId> before = heads();
        const qint64 groups = scalar(*m_db, QStringLiteral("SELECT count(*) FROM state_groups"));
        const events::Pdu lost = add(spec("m.room.name", QString(), R"({"name":"lost"})"));
        {
            Transaction outer(*m_db);
            QVERIFY(outer.ok());
            persist(newEvent(lost));
            QVERIFY(m_events->event(lost.eventId())->has_value());
        } // the caller gave up
        m_events->discardCaches();
        QVERIFY(!m_events->event(lost.eventId())->has_value());
        QCOMPARE(m_events->maxStreamOrdering(), max);
        QCOMPARE(heads(), before);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM state_groups")), groups);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM event_edges WHERE event_id = '%1'").arg(lost.eventId().toString())), 0);
        // The room goes on from where it was, and states read right despite the lost groups.
        NewEvent other;
        other.pdu = *m_builder->add(spec("m.room.name", QString(), R"({"name":"kept"})", before));
        other.stateBefore = *m_builder->stateBefore(before);
        persist(other);
        auto after = m_events->stateAfter(other.pdu.eventId());
        QVERIFY(after);
        QCOMPARE(after->value(auth::StateKey(QStringLiteral("m.room.name"), QString())), other.pdu.eventId());
        QCOMPARE(*m_rooms->currentState(m_room), *after);
    }

    void eventsKeepTheOrderAsked()
    {
        const QList<events::Pdu> &all = m_builder->events();
        const QList<EventId> ids{all[2].eventId(), *EventId::parse(u"$missing"), all[0].eventId()};
        const auto found = *m_events->events(ids);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].pdu.eventId(), all[2].eventId());
        QCOMPARE(found[1].pdu.eventId(), all[0].eventId());
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
