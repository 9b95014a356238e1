#pragma once
#include "core/storage/Database.h"

namespace trellis::storage {

/// One stream position of the account-side stores (account data, receipts, to-device, device
/// lists), kept in a row of a counter table and cached in memory so that /sync reads it for
/// free. Positions only grow; a rolled-back write may leave a gap, which sync tolerates.
///
/// Use: advance() inside the write's transaction, publish() after it committed. Until
/// then current() still answers the old position, so a concurrent /sync never sees a
/// position whose rows are not there.
class AccountStreamCounter
{
public:
    /// `table` is one of the stores' own counter tables (a constant, never client input).
    AccountStreamCounter(Database &db, QString table, QString stream);

    /// Reads the stored position (creating the row at 0). Cheap: one primary-key lookup.
    Result<void> load();
    qint64 current() const { return m_current; }
    /// Writes and returns the next position (within the caller's transaction).
    Result<qint64> advance();
    /// Makes positions handed out by advance() visible through current().
    void publish() { m_current = qMax(m_current, m_pending); }

private:
    Database &m_db;
    QString m_table;
    QString m_stream;
    qint64 m_current = 0;
    qint64 m_pending = 0;
};

} // namespace trellis::storage
