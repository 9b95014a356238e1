// Crash safety: storage_crash_writer persists a room's events and is killed (SIGKILL) at
// random points, several times over the same database; afterwards every event it reported is
// there, every stored event has its edges, its prev and auth events and its state groups, the
// extremities and current state agree with the events, and SQLite finds the file intact.
#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

namespace {

QStringList column(Database &db, const QString &sql)
{
    QStringList values;
    QSqlQuery query = db.prepare(sql);
    if (!query.exec())
        qFatal("query failed");
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

} // namespace

class TestStorageCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_reported;

    /// Runs the writer until it has reported `lines` more events, then kills it.
    void runAndKill(int lines)
    {
        QProcess writer;
        writer.setProgram(QStringLiteral(STORAGE_CRASH_WRITER));
        writer.setArguments({m_dir.filePath(QStringLiteral("crash.db"))});
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start();
        QVERIFY(writer.waitForStarted());
        int seen = 0;
        while (seen < lines) {
            if (!writer.canReadLine())
                QVERIFY2(writer.waitForReadyRead(30000), writer.readAllStandardError().constData());
            while (writer.canReadLine()) {
                m_reported.append(QString::fromUtf8(writer.readLine().trimmed()));
                ++seen;
            }
        }
        writer.kill(); // SIGKILL: no destructor, no rollback, no checkpoint runs
        QVERIFY(writer.waitForFinished(30000));
        // What it printed before dying was persisted too.
        const QList<QByteArray> rest = writer.readAllStandardOutput().split('\n');
        for (const QByteArray &line : rest) {
            if (!line.trimmed().isEmpty())
                m_reported.append(QString::fromUtf8(line.trimmed()));
        }
    }

    static void checkEvent(Database &db, EventStore &events, const StoredEvent &stored)
    {
        const QString id = stored.pdu.eventId().toString();
        const QStringList prev = column(db, QStringLiteral("SELECT prev_event_id FROM event_edges WHERE event_id = '%1'").arg(id));
        QCOMPARE(prev.size(), stored.pdu.prevEvents().size());
        for (const EventId &p : stored.pdu.prevEvents()) {
            QVERIFY(prev.contains(p.toString()));
            QVERIFY2(events.event(p)->has_value(), "a prev event is missing");
        }
        const QStringList auth = column(db, QStringLiteral("SELECT auth_event_id FROM event_auth WHERE event_id = '%1'").arg(id));
        QCOMPARE(auth.size(), stored.pdu.authEvents().size());
        for (const EventId &a : stored.pdu.authEvents())
            QVERIFY2(events.event(a)->has_value(), "an auth event is missing");
        auto before = events.stateBefore(stored.pdu.eventId());
        auto after = events.stateAfter(stored.pdu.eventId());
        QVERIFY2(before && after, "a state group is missing");
        if (stored.pdu.type() != QStringLiteral("m.room.create"))
            QVERIFY(!before->isEmpty());
        if (stored.pdu.isState())
            QCOMPARE(after->value(auth::StateKey(stored.pdu.type(), *stored.pdu.stateKey())), stored.pdu.eventId());
        else
            QCOMPARE(*after, *before);
    }

private Q_SLOTS:
    void killedWritersLeaveAConsistentDatabase()
    {
        auto *random = QRandomGenerator::global();
        for (int run = 0; run < 6; ++run)
            runAndKill(1 + int(random->bounded(60)));
        QVERIFY(!m_reported.isEmpty());

        auto db = Database::open(m_dir.filePath(QStringLiteral("crash.db")));
        QVERIFY(db);
        QCOMPARE(column(**db, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
        QCOMPARE(column(**db, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
        auto events = EventStore::open(**db);
        auto rooms = RoomStore::open(**db);
        QVERIFY(events && rooms);

        // No event reported twice (a restarted writer continued, not restarted, the room)
        // and every reported event is there.
        QCOMPARE(QSet<QString>(m_reported.begin(), m_reported.end()).size(), m_reported.size());
        for (const QString &id : std::as_const(m_reported))
            QVERIFY2((*events)->event(*EventId::parse(id))->has_value(), qPrintable(id));

        const QStringList roomIds = column(**db, QStringLiteral("SELECT room_id FROM rooms"));
        QCOMPARE(roomIds.size(), 1);
        const RoomId room = *RoomId::parse(roomIds.first());
        auto all = (*events)->roomEvents(room, 0, (*events)->maxStreamOrdering(), 1'000'000, Direction::Forward);
        QVERIFY(all);
        QVERIFY(all->size() >= m_reported.size());
        for (const StoredEvent &stored : std::as_const(*all))
            checkEvent(**db, **events, stored);

        // Extremities: exactly the events nothing cites.
        QStringList uncited = column(**db, QStringLiteral(
            "SELECT event_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_edges x WHERE x.prev_event_id = e.event_id)"
            " ORDER BY event_id"));
        QStringList extremities;
        const auto heads = (*rooms)->extremities(room);
        QVERIFY(heads);
        for (const EventId &id : *heads)
            extremities.append(id.toString());
        QCOMPARE(extremities, uncited);
        // Current state: the state after the newest event when the room has one head.
        // and always the state of the group the room records as current.
        const QStringList group = column(**db, QStringLiteral("SELECT current_state_group FROM rooms"));
        QCOMPARE(*(*rooms)->currentState(room), *(*events)->states().state(group.first().toLongLong()));
        if (extremities.size() == 1)
            QCOMPARE(*(*rooms)->currentState(room), *(*events)->stateAfter(*EventId::parse(extremities.first())));
        QCOMPARE(column(**db, QStringLiteral("SELECT count(*) FROM memberships")), QStringList{QStringLiteral("1")});
    }
};

QTEST_GUILESS_MAIN(TestStorageCrash)
#include "tst_storage_crash.moc"
