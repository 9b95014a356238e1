// ClientDataStore, schema version 2: cross-signing keys and uploaded signatures (a changed
// key drops the signatures it made and is a device-list change), presence (only visible
// changes move the stream), thumbnail metadata (cascading with its media row), and the
// migration of a version-1 database that already holds data.
#include "core/storage/AccountSchema.h"
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataSchema.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

class TestClientDataE2ee : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void crossSigningKeys();
    void keySignatures();
    void presence();
    void presenceRejects();
    void thumbnails();
    void migratesVersionOne();

private:
    void open();
    QString owner() const { return QStringLiteral("@alice:example.org"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<ClientDataStore> m_store;
};

void TestClientDataE2ee::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    open();
    QVERIFY(m_accounts->createAccount(*UserId::parse(owner()), QByteArrayLiteral("$argon2id$"), 1));
    QVERIFY(m_accounts->createDevice(QStringLiteral("PHONE"), QString(), 1));
}

void TestClientDataE2ee::cleanup()
{
    m_store.reset();
    m_accounts.reset();
    m_db.reset();
    m_dir.reset();
}

void TestClientDataE2ee::open()
{
    m_store.reset();
    m_accounts.reset();
    m_db.reset();
    auto db = Database::open(m_dir->filePath(QStringLiteral("trellis.db")));
    QVERIFY(db);
    m_db = std::move(*db);
    auto accounts = AccountStore::open(*m_db);
    QVERIFY(accounts);
    m_accounts = std::move(*accounts);
    auto store = ClientDataStore::open(*m_db, *m_accounts);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
}

void TestClientDataE2ee::crossSigningKeys()
{
    const qint64 before = m_accounts->currentDeviceListPosition();
    const CrossSigningKeyRecord master{owner(), QStringLiteral("master"), QStringLiteral("MPUB"), "{\"m\":1}"};
    const CrossSigningKeyRecord ssk{owner(), QStringLiteral("self_signing"), QStringLiteral("SPUB"), "{\"s\":1}"};
    QVERIFY(m_store->setCrossSigningKeys({master, ssk}));
    const qint64 afterFirst = m_accounts->currentDeviceListPosition();
    QVERIFY(afterFirst > before);
    QCOMPARE(*m_accounts->deviceListChangesAfter(before), QStringList{owner()});
    // The same keys again change nothing, not even the device-list stream.
    QVERIFY(m_store->setCrossSigningKeys({master, ssk}));
    QCOMPARE(m_accounts->currentDeviceListPosition(), afterFirst);
    auto keys = m_store->crossSigningKeys(owner());
    QVERIFY(keys);
    QCOMPARE(keys->size(), 2);
    QCOMPARE(keys->value(QStringLiteral("self_signing")).publicKey, QStringLiteral("SPUB"));
    QVERIFY(m_store->crossSigningKeys(QStringLiteral("@bob:example.org"))->isEmpty());
    // Bad records are refused before anything is written.
    QVERIFY(!m_store->setCrossSigningKeys({{owner(), QStringLiteral("other"), QStringLiteral("X"), "{}"}}));
    QVERIFY(!m_store->setCrossSigningKeys({{owner(), QStringLiteral("master"), QString(), "{}"}}));
}

void TestClientDataE2ee::keySignatures()
{
    QVERIFY(m_store->setCrossSigningKeys({{owner(), QStringLiteral("self_signing"), QStringLiteral("SPUB"), "{}"}}));
    const qint64 before = m_accounts->currentDeviceListPosition();
    const KeySignature byOldSsk{owner(), QStringLiteral("PHONE"), owner(), QStringLiteral("ed25519:SPUB"), QStringLiteral("sig1")};
    const KeySignature byDevice{owner(), QStringLiteral("MPUB"), owner(), QStringLiteral("ed25519:PHONE"), QStringLiteral("sig2")};
    QVERIFY(m_store->addKeySignatures({byOldSsk, byDevice}));
    QVERIFY(m_accounts->currentDeviceListPosition() > before);
    QCOMPARE(m_store->keySignatures(owner())->size(), 2);
    QVERIFY(!m_store->addKeySignatures({{owner(), QStringLiteral("PHONE"), owner(), QStringLiteral("k"), QString(200, u'A')}}));
    // A new self-signing key: the old key's signatures go, the device's stay.
    QVERIFY(m_store->setCrossSigningKeys({{owner(), QStringLiteral("self_signing"), QStringLiteral("SPUB2"), "{\"new\":1}"}}));
    auto left = m_store->keySignatures(owner());
    QVERIFY(left);
    QCOMPARE(left->size(), 1);
    QCOMPARE(left->first().signerKeyId, QStringLiteral("ed25519:PHONE"));
}

void TestClientDataE2ee::presence()
{
    QVERIFY(!*m_store->presence(owner()));
    const qint64 start = m_store->currentAccountDataPosition();
    PresenceState state{owner(), QStringLiteral("online"), QStringLiteral("here"), 1000, true, 0};
    QCOMPARE(*m_store->setPresence(state), true);
    const qint64 first = m_store->currentAccountDataPosition();
    QVERIFY(first > start);
    // Only the activity time moved: stored, but no new position.
    state.lastActiveTs = 2000;
    QCOMPARE(*m_store->setPresence(state), false);
    QCOMPARE(m_store->currentAccountDataPosition(), first);
    QCOMPARE((*m_store->presence(owner()))->lastActiveTs, 2000);
    QCOMPARE(m_store->presenceAfter(start)->size(), 1);
    QVERIFY(m_store->presenceAfter(first)->isEmpty());
    state.presence = QStringLiteral("unavailable");
    state.currentlyActive = false;
    QCOMPARE(*m_store->setPresence(state), true);
    QCOMPARE(m_store->presenceAfter(first)->size(), 1);
    open(); // survives reopening
    auto stored = m_store->presence(owner());
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->presence, QStringLiteral("unavailable"));
    QCOMPARE((*stored)->statusMsg, QStringLiteral("here"));
    QVERIFY(!(*stored)->currentlyActive);
}

void TestClientDataE2ee::presenceRejects()
{
    QVERIFY(!m_store->setPresence({owner(), QStringLiteral("busy"), {}, 1, false, 0}));
    QVERIFY(!m_store->setPresence({QString(), QStringLiteral("online"), {}, 1, false, 0}));
    QVERIFY(!m_store->setPresence({owner(), QStringLiteral("online"), QString(5000, u'x'), 1, false, 0}));
}

void TestClientDataE2ee::thumbnails()
{
    QVERIFY(m_store->addMedia({QStringLiteral("example.org"), QStringLiteral("abc"), QStringLiteral("image/png"), {}, 10, {}, 1, owner()}));
    const ThumbnailInfo info{QStringLiteral("example.org"), QStringLiteral("abc"), 32, 32, QStringLiteral("crop"), QStringLiteral("image/png"), 99, 5};
    QVERIFY(m_store->addThumbnail(info));
    QVERIFY(m_store->addThumbnail(info)); // a second render of the same key replaces the row
    QCOMPARE(*m_store->thumbnailCount(info.origin, info.mediaId), 1);
    auto found = m_store->thumbnail(info.origin, info.mediaId, 32, 32, QStringLiteral("crop"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->size, 99);
    QVERIFY(!*m_store->thumbnail(info.origin, info.mediaId, 32, 32, QStringLiteral("scale")));
    QVERIFY(!m_store->addThumbnail({info.origin, info.mediaId, 0, 32, QStringLiteral("crop"), QStringLiteral("image/png"), 1, 1}));
    QVERIFY(!m_store->addThumbnail({info.origin, info.mediaId, 32, 32, QStringLiteral("zoom"), QStringLiteral("image/png"), 1, 1}));
    QVERIFY(!m_store->addThumbnail({info.origin, QStringLiteral("unknown"), 32, 32, QStringLiteral("crop"), QStringLiteral("image/png"), 1, 1}));
    QVERIFY(*m_store->deleteMedia(info.origin, info.mediaId));
    QCOMPARE(*m_store->thumbnailCount(info.origin, info.mediaId), 0);
}

void TestClientDataE2ee::migratesVersionOne()
{
    cleanup();
    m_dir = std::make_unique<QTemporaryDir>();
    {
        auto db = Database::open(m_dir->filePath(QStringLiteral("trellis.db")));
        QVERIFY(db);
        QVERIFY((*db)->migrate(accountSchema()));
        const Schema full = clientDataSchema();
        QVERIFY((*db)->migrate(Schema{full.component, {full.migrations.first()}}));
        QCOMPARE((*db)->schemaVersion(full.component), 1);
        QSqlQuery insert = (*db)->prepare(QStringLiteral("INSERT INTO account_data VALUES ('', 't', '{}', 7)"));
        QVERIFY((*db)->exec(insert));
    }
    open();
    QCOMPARE(m_db->schemaVersion(QStringLiteral("clientdata")), 2);
    QCOMPARE(m_store->accountDataAfter(0)->size(), 1);
    QVERIFY(m_accounts->createAccount(*UserId::parse(owner()), QByteArrayLiteral("$argon2id$"), 1));
    QVERIFY(m_store->setPresence({owner(), QStringLiteral("online"), {}, 1, true, 0}));
}

QTEST_GUILESS_MAIN(TestClientDataE2ee)
#include "tst_clientdata_e2ee.moc"
