#include "core/storage/StateStore.h"

#include "core/storage/RoomSchema.h"

#include <QSqlError>

namespace trellis::storage {

namespace {

/// A null QString binds as SQL NULL; the empty state key of most state events must not.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

Result<stateres::StateSet> StateStore::state(qint64 group)
{
    if (const stateres::StateSet *cached = m_cache.object(group))
        return *cached;
    // The chain from this group back to its snapshot, newest first.
    QList<qint64> chain;
    stateres::StateSet state;
    QSqlQuery &up = m_db.cached(QStringLiteral("SELECT prev_group FROM state_groups WHERE id = ?"));
    for (std::optional<qint64> at = group; at;) {
        if (const stateres::StateSet *cached = m_cache.object(*at)) {
            state = *cached;
            break;
        }
        if (auto ran = m_db.exec(up, {*at}); !ran)
            return ran.error();
        if (!up.next())
            return Error::io(QStringLiteral("the room state is damaged"), QStringLiteral("no state group %1").arg(*at));
        chain.prepend(*at);
        at = up.value(0).isNull() ? std::nullopt : std::optional<qint64>(up.value(0).toLongLong());
        if (chain.size() > kMaxChain + 1)
            return Error::io(QStringLiteral("the room state is damaged"), QStringLiteral("state group chain too long at %1").arg(group));
    }
    QSqlQuery &entries = m_db.cached(QStringLiteral("SELECT type, state_key, event_id FROM state_group_entries WHERE state_group = ?"));
    for (qint64 link : std::as_const(chain)) {
        if (auto ran = m_db.exec(entries, {link}); !ran)
            return ran.error();
        while (entries.next()) {
            const auth::StateKey key(entries.value(0).toString(), entries.value(1).toString());
            if (entries.value(2).isNull())
                state.remove(key);
            else if (auto id = storedId<EventId>(entries.value(2)))
                state.insert(key, *id);
            else
                return id.error();
        }
    }
    m_cache.insert(group, new stateres::StateSet(state));
    return state;
}

Result<void> StateStore::writeEntries(qint64 group, const stateres::StateSet &entries,
                                      const QList<auth::StateKey> &removed)
{
    QSqlQuery &insert = m_db.cached(QStringLiteral(
        "INSERT INTO state_group_entries (state_group, type, state_key, event_id) VALUES (?, ?, ?, ?)"));
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        if (auto ran = m_db.exec(insert, {group, text(it.key().type), text(it.key().stateKey), it.value().toString()}); !ran)
            return ran;
    }
    for (const auth::StateKey &key : removed) {
        if (auto ran = m_db.exec(insert, {group, text(key.type), text(key.stateKey), QVariant(QMetaType::fromType<QString>())}); !ran)
            return ran;
    }
    return {};
}

Result<qint64> StateStore::nextGroupId()
{
    // max(id) is one index lookup; it also catches groups written by another StateStore on
    // the same file (tests, a previous process).
    QSqlQuery &max = m_db.cached(QStringLiteral("SELECT max(id) FROM state_groups"));
    if (auto ran = m_db.exec(max); !ran)
        return ran.error();
    const qint64 stored = max.next() ? max.value(0).toLongLong() : 0;
    max.finish();
    m_nextGroup = std::max(m_nextGroup, stored + 1);
    return m_nextGroup++;
}

Result<qint64> StateStore::storeGroup(const QString &roomId, std::optional<qint64> prevGroup,
                                      const stateres::StateSet &state)
{
    stateres::StateSet delta;
    QList<auth::StateKey> removed;
    int chain = 0;
    if (prevGroup) {
        auto previous = this->state(*prevGroup);
        if (!previous)
            return previous.error();
        QSqlQuery &length = m_db.cached(QStringLiteral("SELECT chain_length FROM state_groups WHERE id = ?"));
        if (auto ran = m_db.exec(length, {*prevGroup}); !ran)
            return ran.error();
        chain = length.next() ? length.value(0).toInt() + 1 : kMaxChain + 1;
        for (auto it = state.constBegin(); it != state.constEnd(); ++it) {
            if (previous->value(it.key()) != it.value())
                delta.insert(it.key(), it.value());
        }
        for (auto it = previous->constBegin(); it != previous->constEnd(); ++it) {
            if (!state.contains(it.key()))
                removed.append(it.key());
        }
    }
    const bool snapshot = !prevGroup || chain > kMaxChain || (delta.size() + removed.size()) * 2 > state.size() + 1;
    auto id = nextGroupId();
    if (!id)
        return id.error();
    const qint64 group = *id;
    QSqlQuery &insert = m_db.cached(QStringLiteral(
        "INSERT INTO state_groups (id, room_id, prev_group, chain_length) VALUES (?, ?, ?, ?)"));
    const QVariant prev = snapshot ? QVariant(QMetaType::fromType<qint64>()) : QVariant(*prevGroup);
    if (auto ran = m_db.exec(insert, {group, roomId, prev, snapshot ? 0 : chain}); !ran)
        return ran.error();
    if (auto written = snapshot ? writeEntries(group, state, {}) : writeEntries(group, delta, removed); !written)
        return written.error();
    m_cache.insert(group, new stateres::StateSet(state));
    return group;
}

} // namespace trellis::storage
