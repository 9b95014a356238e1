// AccountStore: one account, devices and their tokens (stored hashed), filters, the
// device-list stream, and that all of it survives reopening the database file.
#include "core/crypto/PasswordHash.h"
#include "core/storage/AccountStore.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

namespace {

UserId owner()
{
    return *UserId::parse(u"@alice:example.org");
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void singleAccount();
    void accountPersists();
    void deviceLifecycle();
    void generatedDeviceIds();
    void hostileDeviceIds_data();
    void hostileDeviceIds();
    void tokensAreHashedAtRest();
    void revokeTokens();
    void deletingDeviceRevokesItsTokens();
    void filters();
    void deviceListStream();

private:
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountStore> m_store;
};

void TestAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void TestAccountStore::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TestAccountStore::reopen()
{
    m_store.reset();
    m_db.reset();
    auto db = Database::open(m_dir->filePath(QStringLiteral("trellis.db")));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(*db);
    auto store = AccountStore::open(*m_db);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
}

void TestAccountStore::singleAccount()
{
    QVERIFY(!m_store->account());
    const QByteArray hash = *crypto::hashPassword(QStringLiteral("secret"));
    auto created = m_store->createAccount(owner(), hash, 1000);
    QVERIFY(created);
    QCOMPARE(created->userId, owner());
    auto second = m_store->createAccount(*UserId::parse(u"@bob:example.org"), hash, 2000);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::BadState);
    // Not even behind the store's back: the table allows one row.
    QSqlQuery raw(m_db->connection());
    QVERIFY(!raw.exec(QStringLiteral("INSERT INTO account (id, user_id, password_hash,"
                                     " created_ts) VALUES (2, 'x', 'y', 0)")));
    QVERIFY(crypto::verifyPassword(QStringLiteral("secret"), m_store->account()->passwordHash));
}

void TestAccountStore::accountPersists()
{
    const QByteArray hash = *crypto::hashPassword(QStringLiteral("secret"));
    QVERIFY(m_store->createAccount(owner(), hash, 1000));
    QVERIFY(m_store->setDisplayName(QStringLiteral("Alice")));
    QVERIFY(m_store->setAvatarUrl(QStringLiteral("mxc://example.org/abc")));
    reopen();
    QVERIFY(m_store->account());
    QCOMPARE(m_store->account()->userId, owner());
    QCOMPARE(m_store->account()->createdTs, 1000);
    QCOMPARE(m_store->account()->displayName, QStringLiteral("Alice"));
    QCOMPARE(m_store->account()->avatarUrl, QStringLiteral("mxc://example.org/abc"));
    QVERIFY(crypto::verifyPassword(QStringLiteral("secret"), m_store->account()->passwordHash));
    QVERIFY(m_store->setDisplayName(QString()));
    reopen();
    QVERIFY(m_store->account()->displayName.isEmpty());
    QVERIFY(!m_store->createAccount(owner(), hash, 2000));
}

void TestAccountStore::deviceLifecycle()
{
    QVERIFY(m_store->createDevice(QStringLiteral("PHONE"), QStringLiteral("My phone"), 10));
    QVERIFY(m_store->createDevice(QStringLiteral("LAPTOP"), QString(), 20));
    auto duplicate = m_store->createDevice(QStringLiteral("PHONE"), QString(), 30);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, ErrorCode::BadState);
    auto reused = m_store->ensureDevice(QStringLiteral("PHONE"), QStringLiteral("other"), 40);
    QVERIFY(reused);
    QCOMPARE(reused->displayName, QStringLiteral("My phone"));
    QCOMPARE(reused->createdTs, 10);

    QVERIFY(m_store->setDeviceDisplayName(QStringLiteral("LAPTOP"), QStringLiteral("Work")));
    QCOMPARE(m_store->setDeviceDisplayName(QStringLiteral("NOPE"), QString()).error().code,
             ErrorCode::NotFound);
    QVERIFY(m_store->touchDevice(QStringLiteral("PHONE"), 500, QStringLiteral("10.0.0.1")));
    reopen();
    auto devices = m_store->devices();
    QVERIFY(devices);
    QCOMPARE(devices->size(), 2);
    QCOMPARE(devices->at(0).deviceId, QStringLiteral("PHONE"));
    QCOMPARE(devices->at(0).lastSeenTs, std::optional<qint64>(500));
    QCOMPARE(devices->at(0).lastSeenIp, QStringLiteral("10.0.0.1"));
    QCOMPARE(devices->at(1).displayName, QStringLiteral("Work"));
    QVERIFY(!devices->at(1).lastSeenTs);

    QVERIFY(m_store->deleteDevice(QStringLiteral("PHONE")));
    QCOMPARE(m_store->deleteDevice(QStringLiteral("PHONE")).error().code, ErrorCode::NotFound);
    QVERIFY(!*m_store->device(QStringLiteral("PHONE")));
    QCOMPARE(*m_store->deleteDevices({QStringLiteral("LAPTOP"), QStringLiteral("GONE")}), 1);
    QVERIFY(m_store->devices()->isEmpty());
}

void TestAccountStore::generatedDeviceIds()
{
    auto a = m_store->createDevice(QString(), QString(), 1);
    auto b = m_store->createDevice(QString(), QString(), 1);
    QVERIFY(a && b);
    QCOMPARE(a->deviceId.size(), 10);
    QVERIFY(a->deviceId != b->deviceId);
    for (QChar c : a->deviceId)
        QVERIFY(c >= u'A' && c <= u'Z');
}

void TestAccountStore::hostileDeviceIds_data()
{
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<int>("code");
    QTest::newRow("too long") << QString(256, u'A') << int(ErrorCode::TooLarge);
    QTest::newRow("multibyte too long") << QString(128, u'é') << int(ErrorCode::TooLarge);
    QTest::newRow("nul") << QStringLiteral("AB") + QChar(u'\0') << int(ErrorCode::InvalidParam);
}

void TestAccountStore::hostileDeviceIds()
{
    QFETCH(QString, deviceId);
    QFETCH(int, code);
    auto created = m_store->createDevice(deviceId, QString(), 1);
    QVERIFY(!created);
    QCOMPARE(int(created.error().code), code);
    // SQL text is never built from input: a quote is just a character.
    QVERIFY(m_store->createDevice(QStringLiteral("x'); DROP TABLE devices; --"), QString(), 1));
    QCOMPARE(m_store->devices()->size(), 1);
}

void TestAccountStore::tokensAreHashedAtRest()
{
    QVERIFY(m_store->createDevice(QStringLiteral("PHONE"), QString(), 1));
    auto token = m_store->issueToken(QStringLiteral("PHONE"), 2);
    QVERIFY(token);
    QVERIFY(token->startsWith("trl_"));
    QCOMPARE(token->size(), 4 + 43);
    QVERIFY(*m_store->issueToken(QStringLiteral("PHONE"), 3) != *token);

    auto device = m_store->deviceForToken(*token);
    QVERIFY(device && *device);
    QCOMPARE((*device)->deviceId, QStringLiteral("PHONE"));
    QVERIFY(!*m_store->deviceForToken(QByteArrayLiteral("trl_unknown")));
    QVERIFY(!*m_store->deviceForToken(QByteArray()));
    QVERIFY(!*m_store->deviceForToken(QByteArray(100000, 'x')));
    QCOMPARE(m_store->issueToken(QStringLiteral("NOPE"), 1).error().code, ErrorCode::NotFound);

    QSqlQuery raw(m_db->connection());
    QVERIFY(raw.exec(QStringLiteral("SELECT token_hash FROM access_tokens")));
    int rows = 0;
    bool sawHash = false;
    while (raw.next()) {
        ++rows;
        const QByteArray stored = raw.value(0).toByteArray();
        QVERIFY(!stored.contains(*token));
        QVERIFY(!stored.contains(token->mid(4)));
        sawHash = sawHash || stored == AccountStore::tokenHash(*token);
    }
    QCOMPARE(rows, 2);
    QVERIFY(sawHash);
    m_store.reset();
    m_db.reset();
    QFile file(m_dir->filePath(QStringLiteral("trellis.db")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(token->mid(4)));
    reopen();
    QVERIFY(*m_store->deviceForToken(*token));
}

void TestAccountStore::revokeTokens()
{
    QVERIFY(m_store->createDevice(QStringLiteral("PHONE"), QString(), 1));
    const QByteArray one = *m_store->issueToken(QStringLiteral("PHONE"), 2);
    const QByteArray two = *m_store->issueToken(QStringLiteral("PHONE"), 3);
    const QByteArray three = *m_store->issueToken(QStringLiteral("PHONE"), 4);
    QCOMPARE(*m_store->revokeToken(one), true);
    QCOMPARE(*m_store->revokeToken(one), false);
    QVERIFY(!*m_store->deviceForToken(one));
    QVERIFY(*m_store->deviceForToken(two));
    QCOMPARE(*m_store->revokeDeviceTokens(QStringLiteral("PHONE")), 2);
    QVERIFY(!*m_store->deviceForToken(two));
    QVERIFY(!*m_store->deviceForToken(three));
    QVERIFY(*m_store->device(QStringLiteral("PHONE"))); // the device itself stays
}

void TestAccountStore::deletingDeviceRevokesItsTokens()
{
    QVERIFY(m_store->createDevice(QStringLiteral("PHONE"), QString(), 1));
    QVERIFY(m_store->createDevice(QStringLiteral("LAPTOP"), QString(), 1));
    const QByteArray phone = *m_store->issueToken(QStringLiteral("PHONE"), 2);
    const QByteArray laptop = *m_store->issueToken(QStringLiteral("LAPTOP"), 2);
    QVERIFY(m_store->deleteDevice(QStringLiteral("PHONE")));
    QVERIFY(!*m_store->deviceForToken(phone));
    QVERIFY(*m_store->deviceForToken(laptop));
    QSqlQuery raw(m_db->connection());
    QVERIFY(raw.exec(QStringLiteral("SELECT COUNT(*) FROM access_tokens")));
    QVERIFY(raw.next());
    QCOMPARE(raw.value(0).toInt(), 1);
}

void TestAccountStore::filters()
{
    const QByteArray a = QByteArrayLiteral(R"({"room":{"timeline":{"limit":10}}})");
    const QByteArray b = QByteArrayLiteral(R"({"presence":{"not_types":["*"]}})");
    auto idA = m_store->addFilter(a);
    auto idB = m_store->addFilter(b);
    QVERIFY(idA && idB);
    QCOMPARE(*idA, QStringLiteral("1"));
    QCOMPARE(*idB, QStringLiteral("2"));
    QCOMPARE(*m_store->addFilter(a), QStringLiteral("1"));
    QCOMPARE(m_store->addFilter(QByteArray(64 * 1024 + 1, ' ')).error().code, ErrorCode::TooLarge);
    reopen();
    QCOMPARE(**m_store->filter(u"2"), b);
    for (QStringView bad : {u"", u"3", u"01", u"-1", u"1 OR 1=1", u"99999999999999999999"})
        QVERIFY(!*m_store->filter(bad));
    QCOMPARE(*m_store->addFilter(QByteArrayLiteral("{}")), QStringLiteral("3"));
}

void TestAccountStore::deviceListStream()
{
    QVERIFY(m_store->createAccount(owner(), QByteArrayLiteral("$argon2id$x"), 1));
    const qint64 start = m_store->currentDeviceListPosition();
    QVERIFY(m_store->createDevice(QStringLiteral("PHONE"), QString(), 1));
    const qint64 afterCreate = m_store->currentDeviceListPosition();
    QVERIFY(afterCreate > start);
    QCOMPARE(*m_store->deviceListChangesAfter(start), QStringList{owner().toString()});
    QVERIFY(m_store->deviceListChangesAfter(afterCreate)->isEmpty());

    auto remote = m_store->noteDeviceListChange(QStringLiteral("@bob:remote.example"));
    QVERIFY(remote);
    QCOMPARE(*remote, m_store->currentDeviceListPosition());
    QVERIFY(m_store->deleteDevice(QStringLiteral("PHONE")));
    // Only the latest change per user is kept, ordered by position.
    QCOMPARE(*m_store->deviceListChangesAfter(afterCreate),
             (QStringList{QStringLiteral("@bob:remote.example"), owner().toString()}));
    const qint64 last = m_store->currentDeviceListPosition();
    reopen();
    QCOMPARE(m_store->currentDeviceListPosition(), last);
    QVERIFY(m_store->createDevice(QStringLiteral("NEW"), QString(), 1));
    QVERIFY(m_store->currentDeviceListPosition() > last);
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
