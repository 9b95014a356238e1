#include "core/storage/Database.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcStorage, "trellis.storage")

namespace trellis::storage {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("trellis-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error::io(QStringLiteral("the database failed (%1)").arg(what), error.text());
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    const QString name = uniqueConnectionName();
    std::unique_ptr<Database> database;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // A busy database (another process holding a lock) waits a little rather than fails.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        database.reset(new Database(db, path));
    }
    if (!database->m_db.open())
        return sqlError(QStringLiteral("open %1").arg(path), database->m_db.lastError());
    // WAL: readers never block the writer; synchronous=NORMAL: a committed transaction
    // survives a process crash (only a power loss may lose the last ones).
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),  QStringLiteral("PRAGMA temp_store = MEMORY"),
        // Checkpoint (and sync) every ~16 MB of WAL rather than every 4 MB: fewer stalls
        // under a stream of small transactions.
        QStringLiteral("PRAGMA wal_autocheckpoint = 4000"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions ("
                       "component TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL)")};
    for (const QString &pragma : pragmas) {
        QSqlQuery query(database->m_db);
        if (!query.exec(pragma))
            return sqlError(pragma, query.lastError());
    }
    return database;
}

Database::Database(QSqlDatabase db, QString path) : m_db(std::move(db)), m_path(std::move(path)) {}

Database::~Database()
{
    m_statements.clear(); // statements go before their connection
    const QString name = m_db.connectionName();
    if (m_transactionDepth > 0)
        m_db.rollback();
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must go before the connection is removed
    QSqlDatabase::removeDatabase(name);
}

int Database::schemaVersion(const QString &component) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE component = ?"));
    query.addBindValue(component);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

Result<void> Database::migrate(const Schema &schema)
{
    const int current = schemaVersion(schema.component);
    const int latest = schema.migrations.isEmpty() ? 0 : schema.migrations.last().version;
    if (current > latest)
        return Error{ErrorCode::BadState,
                     QStringLiteral("the database was written by a newer Trellis (%1 schema %2, this "
                                    "program knows %3)")
                         .arg(schema.component)
                         .arg(current)
                         .arg(latest),
                     {}};
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= current)
            continue;
        Transaction transaction(*this);
        if (!transaction.ok())
            return transaction.error();
        for (const QString &statement : migration.statements) {
            QSqlQuery query(m_db);
            if (!query.exec(statement))
                return sqlError(QStringLiteral("%1 migration %2").arg(schema.component).arg(migration.version),
                                query.lastError());
        }
        QSqlQuery record(m_db);
        record.prepare(QStringLiteral("INSERT OR REPLACE INTO schema_versions (component, version) VALUES (?, ?)"));
        record.addBindValue(schema.component);
        record.addBindValue(migration.version);
        if (!record.exec())
            return sqlError(QStringLiteral("record schema version"), record.lastError());
        if (auto committed = transaction.commit(); !committed)
            return committed;
        qCInfo(lcStorage) << "migrated" << schema.component << "to version" << migration.version;
    }
    return {};
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcStorage) << "cannot prepare" << sql << query.lastError().text();
    return query;
}

QSqlQuery &Database::cached(const QString &sql)
{
    // Preparing costs more than running most of these statements: keep them.
    auto &slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        slot->setForwardOnly(true);
        if (!slot->prepare(sql))
            qCWarning(lcStorage) << "cannot prepare" << sql << slot->lastError().text();
    }
    return *slot;
}

void Database::resetStatements()
{
    for (auto &[sql, query] : m_statements) {
        if (query->isActive())
            query->finish();
    }
}

Result<void> Database::exec(QSqlQuery &query, const QVariantList &bindings)
{
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), bindings[i]);
    if (!query.exec())
        return sqlError(query.lastQuery().left(80), query.lastError());
    return {};
}

Result<void> Database::begin()
{
    if (m_transactionDepth == 0) {
        m_rollbackOnly = false;
        if (!m_db.transaction())
            return sqlError(QStringLiteral("begin"), m_db.lastError());
    }
    ++m_transactionDepth;
    return {};
}

Result<void> Database::commit()
{
    if (m_transactionDepth <= 0)
        return Error{ErrorCode::BadState, QStringLiteral("commit without a transaction"), {}};
    if (--m_transactionDepth > 0)
        return {}; // the outer transaction commits
    m_savepoints.clear(); // they end with their transaction
    if (m_rollbackOnly) {
        resetStatements();
        m_db.rollback();
        return Error::io(QStringLiteral("the transaction was rolled back by an inner failure"));
    }
    resetStatements();
    if (!m_db.commit()) {
        const QSqlError error = m_db.lastError();
        m_db.rollback();
        return sqlError(QStringLiteral("commit"), error);
    }
    return {};
}

void Database::rollback()
{
    if (m_transactionDepth <= 0)
        return;
    if (--m_transactionDepth > 0) {
        m_rollbackOnly = true; // an inner scope failed: the whole transaction must not commit
        return;
    }
    m_savepoints.clear();
    resetStatements();
    m_db.rollback();
}

// The savepoint's name only has to be unique among the open ones: its nesting level.
static QString savepointName(qsizetype level)
{
    return QStringLiteral("trellis_sp%1").arg(level);
}

Result<void> Database::savepoint()
{
    if (m_transactionDepth <= 0)
        return Error{ErrorCode::BadState, QStringLiteral("a savepoint outside a transaction"), {}};
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SAVEPOINT ") + savepointName(m_savepoints.size())))
        return sqlError(QStringLiteral("savepoint"), query.lastError());
    m_savepoints.append({m_transactionDepth, m_rollbackOnly});
    return {};
}

Result<void> Database::releaseSavepoint()
{
    if (m_savepoints.isEmpty())
        return Error{ErrorCode::BadState, QStringLiteral("release without a savepoint"), {}};
    m_savepoints.removeLast();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("RELEASE ") + savepointName(m_savepoints.size()))) {
        m_rollbackOnly = true; // what the savepoint held cannot be vouched for any more
        return sqlError(QStringLiteral("release savepoint"), query.lastError());
    }
    return {};
}

void Database::rollbackToSavepoint()
{
    if (m_savepoints.isEmpty())
        return;
    const SavedState saved = m_savepoints.takeLast();
    resetStatements();
    const QString name = savepointName(m_savepoints.size());
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK TO ") + name) || !query.exec(QStringLiteral("RELEASE ") + name)) {
        m_rollbackOnly = true; // the undo failed: the whole transaction must not commit
        return;
    }
    // Inner scopes that failed after the savepoint were undone with it.
    m_transactionDepth = saved.transactionDepth;
    m_rollbackOnly = saved.rollbackOnly;
}

Savepoint::Savepoint(Database &db) : m_db(db)
{
    auto begun = db.savepoint();
    m_ok = bool(begun);
    if (!begun)
        m_error = begun.error();
}

Savepoint::~Savepoint()
{
    if (m_ok && !m_done)
        m_db.rollbackToSavepoint();
}

Result<void> Savepoint::release()
{
    if (!m_ok)
        return m_error;
    m_done = true;
    return m_db.releaseSavepoint();
}

Transaction::Transaction(Database &db) : m_db(db)
{
    auto begun = db.begin();
    m_ok = bool(begun);
    if (!begun)
        m_error = begun.error();
}

Transaction::~Transaction()
{
    if (m_ok && !m_done)
        m_db.rollback();
}

Result<void> Transaction::commit()
{
    if (!m_ok)
        return m_error;
    m_done = true;
    return m_db.commit();
}

} // namespace trellis::storage
