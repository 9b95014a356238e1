#include "core/storage/RoomStore.h"

#include "core/storage/RoomSchema.h"

namespace trellis::storage {

Result<std::unique_ptr<RoomStore>> RoomStore::open(Database &db)
{
    if (auto migrated = db.migrate(roomSchema()); !migrated)
        return migrated.error();
    return std::unique_ptr<RoomStore>(new RoomStore(db));
}

Result<void> RoomStore::createRoom(const RoomId &room, const QString &version, const UserId &creator, qint64 nowMs)
{
    auto existing = this->room(room);
    if (!existing)
        return existing.error();
    if (*existing)
        return Error{ErrorCode::RoomInUse, QStringLiteral("the room exists"), {}};
    QSqlQuery &insert = m_db.cached(QStringLiteral("INSERT INTO rooms (room_id, version, creator, created_ts) VALUES (?, ?, ?, ?)"));
    return m_db.exec(insert, {room.toString(), version, creator.toString(), nowMs});
}

Result<std::optional<RoomRecord>> RoomStore::room(const RoomId &room)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT version, creator, created_ts, is_public FROM rooms WHERE room_id = ?"));
    if (auto ran = m_db.exec(query, {room.toString()}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<RoomRecord>();
    auto creator = UserId::parse(query.value(1).toString());
    if (!creator)
        return Error::io(QStringLiteral("a stored room is damaged"), creator.error().message);
    return std::optional<RoomRecord>(RoomRecord{room, query.value(0).toString(), *creator, query.value(2).toLongLong(), query.value(3).toBool()});
}

Result<QList<EventId>> RoomStore::extremities(const RoomId &room)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT event_id FROM forward_extremities WHERE room_id = ? ORDER BY event_id"));
    if (auto ran = m_db.exec(query, {room.toString()}); !ran)
        return ran.error();
    QList<EventId> ids;
    while (query.next()) {
        auto id = storedId<EventId>(query.value(0));
        if (!id)
            return id.error();
        ids.append(*id);
    }
    return ids;
}

Result<stateres::StateSet> RoomStore::currentState(const RoomId &room)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT type, state_key, event_id FROM current_state WHERE room_id = ?"));
    if (auto ran = m_db.exec(query, {room.toString()}); !ran)
        return ran.error();
    stateres::StateSet state;
    while (query.next()) {
        auto id = storedId<EventId>(query.value(2));
        if (!id)
            return id.error();
        state.insert(auth::StateKey(query.value(0).toString(), query.value(1).toString()), *id);
    }
    return state;
}

Result<std::optional<EventId>> RoomStore::currentStateEvent(const RoomId &room, const QString &type,
                                                            const QString &stateKey)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "SELECT event_id FROM current_state WHERE room_id = ? AND type = ? AND state_key = ?"));
    const QString key = stateKey.isNull() ? QStringLiteral("") : stateKey;
    if (auto ran = m_db.exec(query, {room.toString(), type, key}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<EventId>();
    auto id = storedId<EventId>(query.value(0));
    query.finish();
    if (!id)
        return id.error();
    return std::optional<EventId>(*id);
}

Result<std::optional<Membership>> RoomStore::membership(const RoomId &room, const UserId &user)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT membership, event_id, stream_ordering FROM memberships WHERE room_id = ? AND user_id = ?"));
    if (auto ran = m_db.exec(query, {room.toString(), user.toString()}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Membership>();
    auto id = storedId<EventId>(query.value(1));
    if (!id)
        return id.error();
    Membership found{query.value(0).toString(), *id, query.value(2).toLongLong()};
    query.finish();
    return std::optional<Membership>(found);
}

Result<QList<RoomId>> RoomStore::roomList(QSqlQuery &query)
{
    QList<RoomId> rooms;
    while (query.next()) {
        auto id = storedId<RoomId>(query.value(0));
        if (!id)
            return id.error();
        rooms.append(*id);
    }
    return rooms;
}

Result<QList<RoomId>> RoomStore::roomsWithMembership(const UserId &user, const QString &membership)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT room_id FROM memberships WHERE user_id = ? AND membership = ? AND forgotten = 0 ORDER BY room_id"));
    if (auto ran = m_db.exec(query, {user.toString(), membership}); !ran)
        return ran.error();
    return roomList(query);
}

Result<QList<MembershipChange>> RoomStore::membershipChangesAfter(const UserId &user, qint64 position)
{
    QSqlQuery &query = m_db.cached(QStringLiteral(
        "SELECT room_id, membership, event_id, stream_ordering FROM membership_history"
        " WHERE user_id = ? AND stream_ordering > ? ORDER BY stream_ordering"));
    if (auto ran = m_db.exec(query, {user.toString(), position}); !ran)
        return ran.error();
    QList<MembershipChange> changes;
    QHash<QString, qsizetype> latest;
    while (query.next()) {
        auto room = storedId<RoomId>(query.value(0));
        auto event = storedId<EventId>(query.value(2));
        if (!room || !event)
            return room ? event.error() : room.error();
        MembershipChange change{*room, query.value(1).toString(), *event, query.value(3).toLongLong()};
        const auto at = latest.constFind(change.roomId.toString());
        if (at != latest.cend()) {
            changes[*at] = change;
        } else {
            latest.insert(change.roomId.toString(), changes.size());
            changes.append(change);
        }
    }
    return changes;
}

Result<void> RoomStore::forgetRoom(const RoomId &room, const UserId &user)
{
    QSqlQuery &update = m_db.cached(QStringLiteral("UPDATE memberships SET forgotten = 1 WHERE room_id = ? AND user_id = ?"));
    return m_db.exec(update, {room.toString(), user.toString()});
}

Result<void> RoomStore::createAlias(const RoomAlias &alias, const RoomId &room, const UserId &creator)
{
    auto existing = roomForAlias(alias);
    if (!existing)
        return existing.error();
    if (*existing)
        return Error{ErrorCode::RoomInUse, QStringLiteral("the alias %1 is taken").arg(alias.toString()), {}};
    QSqlQuery &insert = m_db.cached(QStringLiteral("INSERT INTO room_aliases (alias, room_id, creator) VALUES (?, ?, ?)"));
    return m_db.exec(insert, {alias.toString(), room.toString(), creator.toString()});
}

Result<void> RoomStore::deleteAlias(const RoomAlias &alias)
{
    QSqlQuery &remove = m_db.cached(QStringLiteral("DELETE FROM room_aliases WHERE alias = ?"));
    return m_db.exec(remove, {alias.toString()});
}

Result<std::optional<RoomId>> RoomStore::roomForAlias(const RoomAlias &alias)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT room_id FROM room_aliases WHERE alias = ?"));
    if (auto ran = m_db.exec(query, {alias.toString()}); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<RoomId>();
    auto id = storedId<RoomId>(query.value(0));
    query.finish();
    if (!id)
        return id.error();
    return std::optional<RoomId>(*id);
}

Result<QStringList> RoomStore::aliasesForRoom(const RoomId &room)
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT alias FROM room_aliases WHERE room_id = ? ORDER BY alias"));
    if (auto ran = m_db.exec(query, {room.toString()}); !ran)
        return ran.error();
    QStringList aliases;
    while (query.next())
        aliases.append(query.value(0).toString());
    return aliases;
}

Result<void> RoomStore::setPublic(const RoomId &room, bool isPublic)
{
    QSqlQuery &update = m_db.cached(QStringLiteral("UPDATE rooms SET is_public = ? WHERE room_id = ?"));
    return m_db.exec(update, {isPublic ? 1 : 0, room.toString()});
}

Result<QList<RoomId>> RoomStore::publicRooms()
{
    QSqlQuery &query = m_db.cached(QStringLiteral("SELECT room_id FROM rooms WHERE is_public = 1 ORDER BY room_id"));
    if (auto ran = m_db.exec(query); !ran)
        return ran.error();
    return roomList(query);
}

} // namespace trellis::storage
