#include "core/storage/AccountStreamCounter.h"

#include "core/storage/AccountSql.h"

namespace trellis::storage {

AccountStreamCounter::AccountStreamCounter(Database &db, QString table, QString stream)
    : m_db(db), m_table(std::move(table)), m_stream(std::move(stream))
{
}

Result<void> AccountStreamCounter::load()
{
    const QString insert =
        QStringLiteral("INSERT OR IGNORE INTO %1 (stream, position) VALUES (?, 0)").arg(m_table);
    if (auto created = sql::exec(m_db, insert, {m_stream}); !created)
        return created.error();
    auto query = sql::run(
        m_db, QStringLiteral("SELECT position FROM %1 WHERE stream = ?").arg(m_table), {m_stream});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::io(QStringLiteral("stream counter missing"), m_stream);
    m_current = query->value(0).toLongLong();
    m_pending = m_current;
    return {};
}

Result<qint64> AccountStreamCounter::advance()
{
    // After a rollback m_pending may be ahead of the table: skipping numbers is harmless,
    // handing one out twice is not.
    const qint64 next = qMax(m_current, m_pending) + 1;
    const QString update =
        QStringLiteral("UPDATE %1 SET position = ? WHERE stream = ?").arg(m_table);
    if (auto written = sql::exec(m_db, update, {next, m_stream}); !written)
        return written.error();
    m_pending = next;
    return next;
}

} // namespace trellis::storage
