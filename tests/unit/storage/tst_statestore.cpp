// State groups: deltas against an earlier group, removals, snapshots when a delta does not pay,
// chains bounded by kMaxChain, the cache, and IDs never reused after a rolled-back transaction.
#include "core/storage/Database.h"
#include "core/storage/RoomSchema.h"
#include "core/storage/StateStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

namespace {

const QString kRoom = QStringLiteral("!r:x.test");

EventId eventId(int n)
{
    return *EventId::parse(QStringLiteral("$e%1").arg(n));
}

stateres::StateSet members(int count, int salt = 0)
{
    stateres::StateSet state;
    state.insert(auth::StateKey(QStringLiteral("m.room.create"), QString()), eventId(0));
    for (int i = 0; i < count; ++i)
        state.insert(auth::StateKey(QStringLiteral("m.room.member"), QStringLiteral("@u%1:x.test").arg(i)),
                     eventId(1000 * salt + i + 1));
    return state;
}

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery query = db.prepare(sql);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestStateStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    StateStore &freshStore(std::unique_ptr<StateStore> &holder)
    {
        holder = std::make_unique<StateStore>(*m_db);
        return *holder;
    }

private Q_SLOTS:
    void init()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
        auto db = Database::open(m_dir.filePath(QStringLiteral("s.db")));
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(m_db->migrate(roomSchema()));
    }

    void deltaStoresOnlyTheChange()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        const stateres::StateSet base = members(20);
        auto first = store.storeGroup(kRoom, std::nullopt, base);
        QVERIFY2(first, first ? "" : qPrintable(first.error().internalDetail));
        stateres::StateSet next = base;
        next.insert(auth::StateKey(QStringLiteral("m.room.name"), QString()), eventId(999));
        auto second = store.storeGroup(kRoom, *first, next);
        QVERIFY(second);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM state_group_entries WHERE state_group = %1").arg(*second)), 1);
        // Read back through the database, not the cache.
        store.clearCache();
        QCOMPARE(*store.state(*second), next);
        QCOMPARE(*store.state(*first), base);
    }

    void removalsAreRecorded()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        const stateres::StateSet base = members(10);
        auto first = store.storeGroup(kRoom, std::nullopt, base);
        QVERIFY(first);
        stateres::StateSet next = base;
        next.remove(auth::StateKey(QStringLiteral("m.room.member"), QStringLiteral("@u3:x.test")));
        auto second = store.storeGroup(kRoom, *first, next);
        QVERIFY(second);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM state_group_entries WHERE state_group = %1 AND event_id IS NULL").arg(*second)), 1);
        store.clearCache();
        QCOMPARE(*store.state(*second), next);
    }

    void bigChangeIsASnapshot()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        auto first = store.storeGroup(kRoom, std::nullopt, members(10));
        QVERIFY(first);
        auto second = store.storeGroup(kRoom, *first, members(10, 1)); // every member changed
        QVERIFY(second);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM state_groups WHERE id = %1 AND prev_group IS NULL").arg(*second)), 1);
        store.clearCache();
        QCOMPARE(*store.state(*second), members(10, 1));
    }

    void longChainsAreBounded()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        stateres::StateSet state = members(50);
        auto group = store.storeGroup(kRoom, std::nullopt, state);
        QVERIFY(group);
        QList<std::pair<qint64, stateres::StateSet>> all;
        for (int i = 0; i < 3 * StateStore::kMaxChain; ++i) {
            state.insert(auth::StateKey(QStringLiteral("m.topic.%1").arg(i % 7), QString()), eventId(5000 + i));
            group = store.storeGroup(kRoom, *group, state);
            QVERIFY(group);
            all.append({*group, state});
        }
        QCOMPARE(count(*m_db, QStringLiteral("SELECT max(chain_length) FROM state_groups")), StateStore::kMaxChain);
        QVERIFY(count(*m_db, QStringLiteral("SELECT count(*) FROM state_groups WHERE prev_group IS NULL")) >= 3);
        store.clearCache();
        for (const auto &[id, expected] : std::as_const(all))
            QCOMPARE(*store.state(id), expected);
    }

    void cacheAnswersWithoutTheDatabase()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        auto group = store.storeGroup(kRoom, std::nullopt, members(5));
        QVERIFY(group);
        QSqlQuery wipe = m_db->prepare(QStringLiteral("DELETE FROM state_group_entries"));
        QVERIFY(wipe.exec());
        QCOMPARE(*store.state(*group), members(5)); // from the cache
        store.clearCache();
        QCOMPARE(store.state(*group)->size(), 0); // the database now says otherwise
    }

    void unknownGroupIsAnError()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        QVERIFY(!store.state(424242));
    }

    void idsAreNotReusedAfterRollback()
    {
        std::unique_ptr<StateStore> holder;
        StateStore &store = freshStore(holder);
        auto kept = store.storeGroup(kRoom, std::nullopt, members(3));
        QVERIFY(kept);
        qint64 lost = 0;
        {
            Transaction transaction(*m_db);
            QVERIFY(transaction.ok());
            auto group = store.storeGroup(kRoom, std::nullopt, members(4));
            QVERIFY(group);
            lost = *group;
        } // rolled back
        auto next = store.storeGroup(kRoom, std::nullopt, members(6));
        QVERIFY(next);
        QVERIFY(*next != lost);
        QCOMPARE(*store.state(*next), members(6));
        QVERIFY(!store.state(lost) || *store.state(lost) == members(4)); // never another group's state
    }
};

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_statestore.moc"
