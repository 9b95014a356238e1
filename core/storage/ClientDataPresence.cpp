// ClientDataStore: presence (client-server-api "Presence"). A visible change takes the next
// position of the account data stream, so /sync finds it after its `since` token.
#include "core/storage/ClientDataStore.h"

#include "core/storage/AccountLimits.h"
#include "core/storage/AccountSql.h"

namespace trellis::storage {
namespace {

/// A status message is a short label; longer ones would ride along on every presence event.
constexpr qsizetype kMaxStatusBytes = limits::kMaxLabelBytes;

Result<void> checkPresence(const PresenceState &state)
{
    if (auto ok = limits::checkText(state.userId, limits::kMaxIdBytes, "user_id"); !ok)
        return ok;
    if (state.presence != u"online" && state.presence != u"unavailable" &&
        state.presence != u"offline")
        return Error::invalidParam(QStringLiteral("presence is online, unavailable or offline"));
    return limits::checkOptionalText(state.statusMsg, kMaxStatusBytes, "status_msg");
}

PresenceState presenceFromRow(const QSqlQuery &query)
{
    return PresenceState{query.value(0).toString(),         query.value(1).toString(),
                         sql::optionalText(query.value(2)), query.value(3).toLongLong(),
                         query.value(4).toBool(),           query.value(5).toLongLong()};
}

const QString kPresenceColumns =
    QStringLiteral("user_id, presence, status_msg, last_active_ts, currently_active, stream_pos");

} // namespace

Result<std::optional<PresenceState>> ClientDataStore::presence(const QString &userId)
{
    auto query = sql::run(
        m_db, QStringLiteral("SELECT %1 FROM presence WHERE user_id = ?").arg(kPresenceColumns),
        {userId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<PresenceState>();
    return std::optional<PresenceState>(presenceFromRow(*query));
}

Result<bool> ClientDataStore::setPresence(const PresenceState &state)
{
    if (auto ok = checkPresence(state); !ok)
        return ok.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto old = presence(state.userId);
    if (!old)
        return old.error();
    const bool visible = !*old || (*old)->presence != state.presence ||
                         (*old)->statusMsg != state.statusMsg ||
                         (*old)->currentlyActive != state.currentlyActive;
    qint64 position = *old ? (*old)->position : 0;
    if (visible) {
        auto next = m_accountData.advance();
        if (!next)
            return next.error();
        position = *next;
    }
    auto written = sql::exec(m_db,
                             QStringLiteral("INSERT OR REPLACE INTO presence (%1)"
                                            " VALUES (?, ?, ?, ?, ?, ?)")
                                 .arg(kPresenceColumns),
                             {state.userId, state.presence, sql::nullIfEmpty(state.statusMsg),
                              state.lastActiveTs, state.currentlyActive ? 1 : 0, position});
    if (!written)
        return written.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    m_accountData.publish();
    return visible;
}

Result<QList<PresenceState>> ClientDataStore::presenceAfter(qint64 position)
{
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT %1 FROM presence WHERE stream_pos > ?"
                                         " ORDER BY stream_pos")
                              .arg(kPresenceColumns),
                          {position});
    if (!query)
        return query.error();
    QList<PresenceState> states;
    while (query->next())
        states.append(presenceFromRow(*query));
    return states;
}

} // namespace trellis::storage
