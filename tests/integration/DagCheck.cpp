#include "tests/integration/DagCheck.h"

#include "core/storage/Database.h"
#include "core/storage/EventStore.h"
#include "core/storage/RoomStore.h"

namespace trellis::test {

QString checkRoomDag(const QString &databasePath, const QString &roomIdText)
{
    auto db = storage::Database::open(databasePath);
    if (!db)
        return db.error().message;
    auto events = storage::EventStore::open(**db);
    auto rooms = storage::RoomStore::open(**db);
    if (!events || !rooms)
        return QStringLiteral("cannot open the stores");
    QSqlQuery integrity = (*db)->prepare(QStringLiteral("PRAGMA integrity_check"));
    if (!(*db)->exec(integrity) || !integrity.next() || integrity.value(0).toString() != QLatin1String("ok"))
        return QStringLiteral("integrity_check failed");
    const RoomId room = *RoomId::parse(roomIdText);
    auto all = (*events)->roomEvents(room, 0, (*events)->maxStreamOrdering(), 1'000'000, storage::Direction::Forward);
    if (!all || all->isEmpty())
        return QStringLiteral("no events in the room");
    for (const storage::StoredEvent &stored : *all) {
        const QString id = stored.pdu.eventId().toString();
        for (const EventId &prev : stored.pdu.prevEvents() + stored.pdu.authEvents()) {
            auto found = (*events)->event(prev);
            if (!found || !*found)
                return QStringLiteral("%1 cites %2, which is missing").arg(id, prev.toString());
        }
        auto before = (*events)->stateBefore(stored.pdu.eventId());
        auto after = (*events)->stateAfter(stored.pdu.eventId());
        if (!before || !after)
            return QStringLiteral("%1 has no state").arg(id);
        if (stored.pdu.type() != QLatin1String("m.room.create") && before->isEmpty())
            return QStringLiteral("%1 has an empty state before it").arg(id);
    }
    auto extremities = (*rooms)->extremities(room);
    if (!extremities || extremities->size() != 1)
        return QStringLiteral("the room has %1 forward extremities").arg(extremities ? extremities->size() : -1);
    if (extremities->first() != all->last().pdu.eventId())
        return QStringLiteral("the forward extremity is not the newest event");
    auto current = (*rooms)->currentState(room);
    auto afterLast = (*events)->stateAfter(all->last().pdu.eventId());
    if (!current || !afterLast || *current != *afterLast)
        return QStringLiteral("the current state differs from the state after the newest event");
    return {};
}

} // namespace trellis::test
