#include "core/storage/EventStore.h"

#include "core/auth/EventTypes.h"
#include "core/events/PduKeys.h"
#include "core/json/Writer.h"
#include "core/storage/RoomSchema.h"

#include <QSqlError>

namespace trellis::storage {

namespace {

const QString kColumns = QStringLiteral(
    "stream_ordering, json, room_version, rejection, soft_failed, outlier, redacted_by, txn_device, txn_id,"
    " rejected_rule, rejected_detail");

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// A null QString binds as SQL NULL; the empty state key of most state events must not.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

Result<std::unique_ptr<EventStore>> EventStore::open(Database &db)
{
    if (auto migrated = db.migrate(roomSchema()); !migrated)
        return migrated.error();
    return std::unique_ptr<EventStore>(new EventStore(db));
}

Result<std::optional<qint64>> EventStore::groupOf(const EventId &id, bool after)
{
    QSqlQuery &query = m_db.cached(after ? QStringLiteral("SELECT state_after FROM events WHERE event_id = ?")
                                         : QStringLiteral("SELECT state_before FROM events WHERE event_id = ?"));
    if (auto ran = m_db.exec(query, {id.toString()}); !ran)
        return ran.error();
    if (!query.next() || query.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<std::pair<qint64, qint64>> EventStore::storeStates(const NewEvent &event, bool changesState)
{
    // The state before is usually the state after the single prev event: share its group.
    std::optional<qint64> prevGroup;
    if (event.pdu.prevEvents().size() == 1) {
        auto group = groupOf(event.pdu.prevEvents().first(), true);
        if (!group)
            return group.error();
        prevGroup = *group;
    }
    qint64 before = 0;
    bool reused = false;
    if (prevGroup) {
        auto prevState = m_states.state(*prevGroup);
        if (!prevState)
            return prevState.error();
        reused = *prevState == event.stateBefore;
        before = *prevGroup;
    }
    if (!reused) {
        auto stored = m_states.storeGroup(event.pdu.roomId().toString(), prevGroup, event.stateBefore);
        if (!stored)
            return stored.error();
        before = *stored;
    }
    if (!changesState)
        return std::pair(before, before);
    stateres::StateSet after = event.stateBefore;
    after.insert(auth::StateKey(event.pdu.type(), *event.pdu.stateKey()), event.pdu.eventId());
    auto stored = m_states.storeGroup(event.pdu.roomId().toString(), before, after);
    if (!stored)
        return stored.error();
    return std::pair(before, *stored);
}

Result<void> EventStore::writeEdges(const events::Pdu &pdu)
{
    QSqlQuery &prev = m_db.cached(QStringLiteral("INSERT OR IGNORE INTO event_edges (event_id, prev_event_id) VALUES (?, ?)"));
    for (const EventId &id : pdu.prevEvents()) {
        if (auto ran = m_db.exec(prev, {pdu.eventId().toString(), id.toString()}); !ran)
            return ran;
    }
    QSqlQuery &auth = m_db.cached(QStringLiteral("INSERT OR IGNORE INTO event_auth (event_id, auth_event_id) VALUES (?, ?)"));
    for (const EventId &id : pdu.authEvents()) {
        if (auto ran = m_db.exec(auth, {pdu.eventId().toString(), id.toString()}); !ran)
            return ran;
    }
    return {};
}

Result<void> EventStore::updateExtremities(const events::Pdu &pdu, bool accepted)
{
    // Forward extremities: accepted events no accepted event cites yet (server-server-api
    // "Forward extremities"); the new event replaces the ones it cites. A rejected,
    // soft-failed or outlier event is no part of the DAG the room grows from: it neither
    // becomes an extremity nor retires the events it cites.
    if (!accepted)
        return {};
    const QString room = pdu.roomId().toString();
    QSqlQuery &remove = m_db.cached(QStringLiteral("DELETE FROM forward_extremities WHERE room_id = ? AND event_id = ?"));
    for (const EventId &id : pdu.prevEvents()) {
        if (auto ran = m_db.exec(remove, {room, id.toString()}); !ran)
            return ran;
    }
    QSqlQuery &cited = m_db.cached(QStringLiteral(
        "SELECT 1 FROM event_edges e JOIN events c ON c.event_id = e.event_id WHERE e.prev_event_id = ?"
        " AND c.rejection = 0 AND c.soft_failed = 0 AND c.outlier = 0 LIMIT 1"));
    if (auto ran = m_db.exec(cited, {pdu.eventId().toString()}); !ran)
        return ran;
    const bool isCited = cited.next();
    cited.finish();
    if (isCited)
        return {};
    QSqlQuery &add = m_db.cached(QStringLiteral("INSERT OR IGNORE INTO forward_extremities (room_id, event_id) VALUES (?, ?)"));
    return m_db.exec(add, {room, pdu.eventId().toString()});
}

Result<void> EventStore::updateCurrentState(const NewEvent &event, qint64 beforeGroup, qint64 afterGroup)
{
    const QString room = event.pdu.roomId().toString();
    QSqlQuery &current = m_db.cached(QStringLiteral("SELECT current_state_group FROM rooms WHERE room_id = ?"));
    if (auto ran = m_db.exec(current, {room}); !ran)
        return ran;
    const bool known = current.next();
    const bool extendsCurrent = !event.currentState && known && !current.value(0).isNull()
                                && current.value(0).toLongLong() == beforeGroup;
    current.finish();
    auto target = currentGroup(event, afterGroup);
    if (!target)
        return target.error();
    QSqlQuery &upsert = m_db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO current_state (room_id, type, state_key, event_id) VALUES (?, ?, ?, ?)"));
    if (extendsCurrent) {
        // The usual case: one more state event on top of the current state.
        if (beforeGroup == afterGroup)
            return {}; // a message: the room's state does not move
        if (auto ran = m_db.exec(upsert, {room, event.pdu.type(), text(*event.pdu.stateKey()), event.pdu.eventId().toString()}); !ran)
            return ran;
    } else {
        // The room moved elsewhere (its first event, or a merge): write the state in full.
        auto state = m_states.state(*target);
        if (!state)
            return state.error();
        QSqlQuery &clear = m_db.cached(QStringLiteral("DELETE FROM current_state WHERE room_id = ?"));
        if (auto ran = m_db.exec(clear, {room}); !ran)
            return ran;
        for (auto it = state->constBegin(); it != state->constEnd(); ++it) {
            if (auto ran = m_db.exec(upsert, {room, text(it.key().type), text(it.key().stateKey), it.value().toString()}); !ran)
                return ran;
        }
    }
    QSqlQuery &move = m_db.cached(QStringLiteral("UPDATE rooms SET current_state_group = ? WHERE room_id = ?"));
    return m_db.exec(move, {*target, room});
}

Result<qint64> EventStore::currentGroup(const NewEvent &event, qint64 afterGroup)
{
    if (!event.currentState)
        return afterGroup;
    auto after = m_states.state(afterGroup);
    if (!after)
        return after.error();
    if (*after == *event.currentState)
        return afterGroup;
    return m_states.storeGroup(event.pdu.roomId().toString(), afterGroup, *event.currentState);
}

Result<void> EventStore::updateMembership(const events::Pdu &pdu, qint64 streamOrdering)
{
    const json::Value *membership = pdu.content().find("membership");
    if (!membership || !membership->isString())
        return {};
    const QString value = QString::fromStdString(membership->toString());
    QSqlQuery &upsert = m_db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO memberships (room_id, user_id, membership, event_id, stream_ordering, forgotten)"
        " VALUES (?, ?, ?, ?, ?, 0)"));
    const QVariantList row{pdu.roomId().toString(), *pdu.stateKey(), value, pdu.eventId().toString(), streamOrdering};
    if (auto ran = m_db.exec(upsert, row); !ran)
        return ran;
    QSqlQuery &history = m_db.cached(QStringLiteral(
        "INSERT INTO membership_history (room_id, user_id, membership, event_id, stream_ordering) VALUES (?, ?, ?, ?, ?)"));
    return m_db.exec(history, row);
}

Result<qint64> EventStore::persist(const NewEvent &event)
{
    const events::Pdu &pdu = event.pdu;
    const bool accepted = event.rejection == stateres::Rejection::None && !event.softFailed && !event.outlier;
    const bool changesState = accepted && pdu.isState();
    Transaction transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    auto groups = storeStates(event, changesState);
    if (!groups)
        return groups.error();
    QSqlQuery &insert = m_db.cached(QStringLiteral(
        "INSERT INTO events (event_id, room_id, room_version, type, state_key, sender, depth, origin_server_ts,"
        " json, outlier, rejection, rejected_rule, rejected_detail, soft_failed, state_before, state_after,"
        " txn_device, txn_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariantList row{pdu.eventId().toString(), pdu.roomId().toString(), pdu.roomVersion().id, pdu.type(),
                           pdu.stateKey() ? QVariant(text(*pdu.stateKey())) : QVariant(QMetaType::fromType<QString>()),
                           pdu.sender().toString(), pdu.depth(), pdu.originServerTs(),
                           json::toCanonicalBytes(json::Value(pdu.json())), event.outlier ? 1 : 0, int(event.rejection),
                           nullIfEmpty(event.rejectedRule), nullIfEmpty(event.rejectedDetail), event.softFailed ? 1 : 0,
                           groups->first, groups->second, nullIfEmpty(event.txnDevice), nullIfEmpty(event.txnId)};
    if (auto ran = m_db.exec(insert, row); !ran)
        return ran.error();
    const qint64 streamOrdering = insert.lastInsertId().toLongLong();
    if (auto edges = writeEdges(pdu); !edges)
        return edges.error();
    if (auto extremities = updateExtremities(pdu, accepted && !event.outlier); !extremities)
        return extremities.error();
    if (accepted) {
        if (auto current = updateCurrentState(event, groups->first, groups->second); !current)
            return current.error();
        if (pdu.type() == auth::types::member && pdu.stateKey()) {
            if (auto member = updateMembership(pdu, streamOrdering); !member)
                return member.error();
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return streamOrdering;
}

Result<QList<StoredEvent>> EventStore::readEvents(QSqlQuery &query)
{
    QList<StoredEvent> events;
    while (query.next()) {
        const QByteArray bytes = query.value(1).toByteArray();
        const events::RoomVersion *version = events::RoomVersion::find(query.value(2).toString());
        if (!version)
            return Error::io(QStringLiteral("a stored event is damaged"), QStringLiteral("unknown room version"));
        auto pdu = events::Pdu::parse(std::string_view(bytes.constData(), size_t(bytes.size())), *version);
        if (!pdu)
            return Error::io(QStringLiteral("a stored event is damaged"), pdu.error().message);
        StoredEvent stored{*pdu, query.value(0).toLongLong(), stateres::Rejection(query.value(3).toInt()),
                           query.value(4).toBool(), query.value(5).toBool(), std::nullopt,
                           query.value(7).toString(), query.value(8).toString(),
                           query.value(9).toString(), query.value(10).toString()};
        if (!query.value(6).isNull()) {
            auto redactedBy = storedId<EventId>(query.value(6));
            if (!redactedBy)
                return redactedBy.error();
            stored.redactedBy = *redactedBy;
        }
        events.append(std::move(stored));
    }
    return events;
}

Result<std::optional<StoredEvent>> EventStore::event(const EventId &id)
{
    if (const StoredEvent *cached = m_cache.object(id))
        return std::optional<StoredEvent>(*cached);
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT %1 FROM events WHERE event_id = ?").arg(kColumns));
    if (auto ran = m_db.exec(query, {id.toString()}); !ran)
        return ran.error();
    auto events = readEvents(query);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return std::optional<StoredEvent>();
    m_cache.insert(id, new StoredEvent(events->first()));
    return std::optional<StoredEvent>(events->first());
}

Result<QList<StoredEvent>> EventStore::events(const QList<EventId> &ids)
{
    QList<StoredEvent> found;
    for (const EventId &id : ids) {
        auto stored = event(id);
        if (!stored)
            return stored.error();
        if (*stored)
            found.append(**stored);
    }
    return found;
}

Result<std::optional<EventId>> EventStore::eventIdForTxn(const QString &device, const QString &txnId, const RoomId &room)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT event_id FROM events WHERE txn_device = ? AND txn_id = ? AND room_id = ?"));
    if (auto ran = m_db.exec(query, {device, txnId, room.toString()}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<EventId>();
    auto id = storedId<EventId>(query.value(0));
    query.finish();
    if (!id)
        return id.error();
    return std::optional<EventId>(*id);
}

Result<QList<StoredEvent>> EventStore::roomEvents(const RoomId &room, qint64 fromExclusive, qint64 toInclusive,
                                                  int limit, Direction direction)
{
    const bool forward = direction == Direction::Forward;
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT %1 FROM events WHERE room_id = ? AND stream_ordering > ?"
                                                  " AND stream_ordering <= ? AND outlier = 0 ORDER BY stream_ordering %2 LIMIT ?")
                                       .arg(kColumns, forward ? QStringLiteral("ASC") : QStringLiteral("DESC")));
    if (auto ran = m_db.exec(query, {room.toString(), fromExclusive, toInclusive, std::max(0, limit)}); !ran)
        return ran.error();
    auto events = readEvents(query);
    if (!events)
        return events.error();
    if (!forward)
        std::reverse(events->begin(), events->end());
    return events;
}

Result<std::optional<StoredEvent>> EventStore::lastEventAtOrBefore(const RoomId &room, qint64 position)
{
    auto events = roomEvents(room, 0, position, 1, Direction::Backward);
    if (!events)
        return events.error();
    return events->isEmpty() ? std::optional<StoredEvent>() : std::optional<StoredEvent>(events->first());
}

qint64 EventStore::maxStreamOrdering()
{
    // Read each time rather than cached: a rolled-back transaction would leave a cached value
    // ahead of the table, and a sync token past events that later take those positions.
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT max(stream_ordering) FROM events"));
    return m_db.exec(query) && query.next() ? query.value(0).toLongLong() : 0;
}

Result<void> EventStore::markRedacted(const EventId &target, const EventId &redaction)
{
    QSqlQuery &update = m_db.cached(QStringLiteral("UPDATE events SET redacted_by = ? WHERE event_id = ? AND redacted_by IS NULL"));
    m_cache.remove(target);
    return m_db.exec(update, {redaction.toString(), target.toString()});
}

Result<stateres::StateSet> EventStore::stateBefore(const EventId &id)
{
    auto group = groupOf(id, false);
    if (!group)
        return group.error();
    if (!*group)
        return stateres::StateSet();
    return m_states.state(**group);
}

Result<stateres::StateSet> EventStore::stateAfter(const EventId &id)
{
    auto group = groupOf(id, true);
    if (!group)
        return group.error();
    if (!*group)
        return stateres::StateSet();
    return m_states.state(**group);
}

Result<int> EventStore::unreadMessages(const RoomId &room, const UserId &reader,
                                       const QList<EventId> &readUpTo)
{
    qint64 readPosition = 0;
    QSqlQuery &position = m_db.cached(
        QStringLiteral("SELECT stream_ordering FROM events WHERE event_id = ? AND room_id = ?"));
    for (const EventId &id : readUpTo) {
        if (auto ran = m_db.exec(position, {id.toString(), room.toString()}); !ran)
            return ran.error();
        if (position.next())
            readPosition = std::max(readPosition, position.value(0).toLongLong());
        position.finish();
    }
    // Sending an event reads everything before it (client-server-api "Marking notifications as
    // read"). Found walking back from the newest event: it is usually among the last few, and
    // the count below then starts just there.
    QSqlQuery &ownLatest = m_db.cached(QStringLiteral(
        "SELECT stream_ordering FROM events WHERE room_id = ? AND sender = ?"
        " ORDER BY stream_ordering DESC LIMIT 1"));
    if (auto ran = m_db.exec(ownLatest, {room.toString(), reader.toString()}); !ran)
        return ran.error();
    if (ownLatest.next())
        readPosition = std::max(readPosition, ownLatest.value(0).toLongLong());
    ownLatest.finish();
    QSqlQuery &count = m_db.cached(QStringLiteral(
        "SELECT COUNT(*) FROM events WHERE room_id = ? AND stream_ordering > ? AND sender != ?"
        " AND type IN ('m.room.message', 'm.room.encrypted', 'm.sticker') AND rejection = 0"
        " AND soft_failed = 0 AND outlier = 0 AND redacted_by IS NULL"));
    if (auto ran = m_db.exec(count, {room.toString(), readPosition, reader.toString()}); !ran)
        return ran.error();
    const int unread = count.next() ? count.value(0).toInt() : 0;
    count.finish();
    return unread;
}

Result<json::Array> EventStore::roomDump(const RoomId &room)
{
    auto stored = roomEvents(room, 0, maxStreamOrdering(), std::numeric_limits<int>::max(), Direction::Forward);
    if (!stored)
        return stored.error();
    json::Array dump;
    dump.reserve(size_t(stored->size()));
    for (const StoredEvent &event : std::as_const(*stored)) {
        if (!event.softFailed && !event.outlier) {
            dump.emplace_back(event.pdu.json());
            continue;
        }
        // What the store knows and the PDU does not say, for the explorer's marks.
        json::Object annotated = event.pdu.json();
        json::Value *unsignedData = annotated.find(events::key::kUnsigned);
        if (!unsignedData || !unsignedData->isObject())
            unsignedData = &annotated.insert(events::key::kUnsigned, json::Value(json::Object{}));
        if (event.softFailed)
            unsignedData->asObject()->insert(events::dumpmark::kSoftFailed, json::Value(true));
        if (event.outlier)
            unsignedData->asObject()->insert(events::dumpmark::kOutlier, json::Value(true));
        dump.emplace_back(std::move(annotated));
    }
    return dump;
}

} // namespace trellis::storage
