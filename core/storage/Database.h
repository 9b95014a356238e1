#pragma once
#include "core/base/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <unordered_map>

namespace trellis::storage {

/// One step of a schema: statements run together in one transaction, after which the
/// component's recorded version becomes `version`.
struct Migration
{
    int version;
    QStringList statements;
};

/// The tables of one store, versioned on their own (table `schema_versions`: component ->
/// version), so that stores can evolve independently. Migrations are listed in ascending
/// version order and never edited once released: a change is a new migration.
struct Schema
{
    QString component;
    QList<Migration> migrations;
};

/// The one SQLite connection of the server (WAL, foreign keys on, synchronous=NORMAL: a
/// process crash loses no committed transaction). It belongs to the thread that opened it;
/// every store is a thin object over it, used on that thread only.
class Database
{
public:
    /// Opens (creating if needed) the database file; ":memory:" for a private in-memory one.
    static Result<std::unique_ptr<Database>> open(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Brings `schema` to its latest version, each pending migration in its own transaction.
    /// Fails (and changes nothing further) if a migration fails or the file holds a newer
    /// version than this program knows.
    Result<void> migrate(const Schema &schema);
    /// The component's current version, 0 if it has none yet.
    int schemaVersion(const QString &component) const;

    QSqlDatabase &connection() { return m_db; }
    /// A query prepared on this connection.
    QSqlQuery prepare(const QString &sql);
    /// The same, prepared once and kept (keyed by its text) for statements on hot paths:
    /// a caller must finish reading one result before running the same statement again.
    QSqlQuery &cached(const QString &sql);
    /// Ends every statement's current result (SQLite then holds no read snapshot open between
    /// requests, and checkpoints can complete). Called at the end of each request and commit.
    void resetStatements();
    /// Runs a prepared query with positional bindings; an Io error on failure.
    Result<void> exec(QSqlQuery &query, const QVariantList &bindings = {});

    /// Begins a transaction; nested calls join the outer one (a depth counter), so a store
    /// method may open one whether or not its caller did.
    Result<void> begin();
    Result<void> commit();
    void rollback();

    /// Inside a transaction: marks a point that rollbackToSavepoint() returns to, undoing only
    /// what came after it (SQLite "SAVEPOINT"), so one failed step of a batch spares the rest.
    /// Savepoints nest; each is ended by exactly one release or rollback, innermost first.
    Result<void> savepoint();
    Result<void> releaseSavepoint();
    void rollbackToSavepoint();

    const QString &path() const { return m_path; }

private:
    Database(QSqlDatabase db, QString path);
    QSqlDatabase m_db;
    QString m_path;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    /// Per open savepoint, innermost last: the depth and rollback-only flag to restore when
    /// it is rolled back to.
    struct SavedState
    {
        int transactionDepth;
        bool rollbackOnly;
    };
    QList<SavedState> m_savepoints;
};

/// Scope guard for a savepoint: rolls back to it on destruction unless released.
class Savepoint
{
public:
    explicit Savepoint(Database &db);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    bool ok() const { return m_ok; }
    const Error &error() const { return m_error; }
    Result<void> release();

private:
    Database &m_db;
    bool m_ok = false;
    bool m_done = false;
    Error m_error;
};

/// Scope guard: begins on construction, rolls back on destruction unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False if begin() failed; check before writing.
    bool ok() const { return m_ok; }
    const Error &error() const { return m_error; }
    Result<void> commit();

private:
    Database &m_db;
    bool m_ok = false;
    bool m_done = false;
    Error m_error;
};

} // namespace trellis::storage
