// The database foundation: per-component migrations, nested transactions, refusal of a
// database written by a newer program.
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static Schema notes(int upTo = 2)
    {
        Schema schema{QStringLiteral("notes"), {}};
        schema.migrations.append({1, {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")}});
        if (upTo >= 2)
            schema.migrations.append({2, {QStringLiteral("ALTER TABLE notes ADD COLUMN ts INTEGER NOT NULL DEFAULT 0")}});
        return schema;
    }
    static int count(Database &db, const QString &table)
    {
        QSqlQuery query = db.prepare(QStringLiteral("SELECT count(*) FROM ") + table);
        return db.exec(query) && query.next() ? query.value(0).toInt() : -1;
    }
    static bool insert(Database &db, const QString &text)
    {
        QSqlQuery query = db.prepare(QStringLiteral("INSERT INTO notes (text) VALUES (?)"));
        return bool(db.exec(query, {text}));
    }

private Q_SLOTS:
    void migratesOnceAndReopens();
    void refusesNewerSchema();
    void failedMigrationChangesNothing();
    void nestedTransactions();
    void savepointsUndoOnlyTheirOwnWrites();
    void transactionRollsBackUnlessCommitted();
    void walMode();
};

void TestDatabase::migratesOnceAndReopens()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY((*db)->migrate(notes(1)));
        QCOMPARE((*db)->schemaVersion(QStringLiteral("notes")), 1);
        QVERIFY(insert(**db, QStringLiteral("kept")));
    }
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY((*db)->migrate(notes(2)));
    QVERIFY((*db)->migrate(notes(2))); // again: nothing to do
    QCOMPARE((*db)->schemaVersion(QStringLiteral("notes")), 2);
    QCOMPARE((*db)->schemaVersion(QStringLiteral("other")), 0);
    QCOMPARE(count(**db, QStringLiteral("notes")), 1);
}

void TestDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    {
        auto db = Database::open(path);
        QVERIFY((*db)->migrate(notes(2)));
    }
    auto db = Database::open(path);
    const auto migrated = (*db)->migrate(notes(1));
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::BadState);
}

void TestDatabase::failedMigrationChangesNothing()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db);
    Schema broken{QStringLiteral("broken"),
                  {{1, {QStringLiteral("CREATE TABLE a (x INTEGER)"), QStringLiteral("THIS IS NOT SQL")}}}};
    QVERIFY(!(*db)->migrate(broken));
    QCOMPARE((*db)->schemaVersion(QStringLiteral("broken")), 0);
    QSqlQuery query = (*db)->prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'a'"));
    QVERIFY((*db)->exec(query));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestDatabase::nestedTransactions()
{
    auto opened = Database::open(QStringLiteral(":memory:"));
    Database &db = **opened;
    QVERIFY(db.migrate(notes()));
    {
        Transaction outer(db);
        QVERIFY(insert(db, QStringLiteral("a")));
        {
            Transaction inner(db);
            QVERIFY(insert(db, QStringLiteral("b")));
            QVERIFY(inner.commit()); // joins the outer one
        }
        QVERIFY(outer.commit());
    }
    QCOMPARE(count(db, QStringLiteral("notes")), 2);
    {
        Transaction outer(db);
        QVERIFY(insert(db, QStringLiteral("c")));
        {
            Transaction inner(db); // fails: never committed
            QVERIFY(insert(db, QStringLiteral("d")));
        }
        QVERIFY(!outer.commit()); // an inner failure dooms the whole transaction
    }
    QCOMPARE(count(db, QStringLiteral("notes")), 2);
}

void TestDatabase::savepointsUndoOnlyTheirOwnWrites()
{
    auto opened = Database::open(QStringLiteral(":memory:"));
    Database &db = **opened;
    QVERIFY(db.migrate(notes()));
    {
        Savepoint outside(db);
        QVERIFY(!outside.ok()); // a savepoint needs a transaction
    }
    {
        Transaction batch(db);
        {
            Savepoint first(db);
            QVERIFY(first.ok());
            QVERIFY(insert(db, QStringLiteral("kept")));
            QVERIFY(first.release());
        }
        {
            Savepoint second(db);
            QVERIFY(insert(db, QStringLiteral("undone")));
            Transaction failedStep(db); // an inner failure, confined to the savepoint
            QVERIFY(insert(db, QStringLiteral("undone too")));
        }
        {
            Savepoint third(db);
            QVERIFY(insert(db, QStringLiteral("kept too")));
            {
                Savepoint nested(db); // rolled back alone
                QVERIFY(insert(db, QStringLiteral("nested, undone")));
            }
            QVERIFY(third.release());
        }
        QVERIFY(batch.commit());
    }
    QCOMPARE(count(db, QStringLiteral("notes")), 2);
    QVERIFY(!db.releaseSavepoint()); // none left open
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    auto opened = Database::open(QStringLiteral(":memory:"));
    Database &db = **opened;
    QVERIFY(db.migrate(notes()));
    {
        Transaction transaction(db);
        QVERIFY(transaction.ok());
        QVERIFY(insert(db, QStringLiteral("lost")));
    }
    QCOMPARE(count(db, QStringLiteral("notes")), 0);
    QVERIFY(!db.commit()); // nothing to commit
}

void TestDatabase::walMode()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.db")));
    QSqlQuery query = (*db)->prepare(QStringLiteral("PRAGMA journal_mode"));
    QVERIFY((*db)->exec(query));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
