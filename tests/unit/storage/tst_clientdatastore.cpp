// ClientDataStore: account data and receipt streams, end-to-end keys (claims are atomic and
// fall back), to-device delivery and acknowledgement, transaction dedup, media metadata,
// and that everything survives reopening the database file.
#include "core/storage/AccountStore.h"
#include "core/storage/ClientDataStore.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::storage;

class TestClientDataStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void accountDataStream();
    void accountDataLimits_data();
    void accountDataLimits();
    void receipts();
    void deviceKeys();
    void oneTimeKeyClaimAndFallback();
    void oneTimeKeyReuseRejected();
    void claimIsAtomic();
    void toDeviceDeliveryAndAck();
    void toDeviceWildcardAndUnknownDevices();
    void transactionDedup();
    void deviceDeletionCascades();
    void mediaMetadata();
    void syncReadsAreIndexed_data();
    void syncReadsAreIndexed();

private:
    void reopen();
    QString owner() const { return QStringLiteral("@alice:example.org"); }
    int rows(const QString &table);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<ClientDataStore> m_store;
};

void TestClientDataStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
    QVERIFY(m_accounts->createAccount(*UserId::parse(owner()), QByteArrayLiteral("$argon2id$"), 1));
    QVERIFY(m_accounts->createDevice(QStringLiteral("PHONE"), QString(), 1));
    QVERIFY(m_accounts->createDevice(QStringLiteral("LAPTOP"), QString(), 1));
}

void TestClientDataStore::cleanup()
{
    m_store.reset();
    m_accounts.reset();
    m_db.reset();
    m_dir.reset();
}

void TestClientDataStore::reopen()
{
    m_store.reset();
    m_accounts.reset();
    m_db.reset();
    auto db = Database::open(m_dir->filePath(QStringLiteral("trellis.db")));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(*db);
    auto accounts = AccountStore::open(*m_db);
    QVERIFY2(accounts, qPrintable(accounts ? QString() : accounts.error().message));
    m_accounts = std::move(*accounts);
    auto store = ClientDataStore::open(*m_db, *m_accounts);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
}

int TestClientDataStore::rows(const QString &table)
{
    QSqlQuery raw(m_db->connection());
    if (!raw.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !raw.next())
        return -1;
    return raw.value(0).toInt();
}

void TestClientDataStore::accountDataStream()
{
    const QString room = QStringLiteral("!room:example.org");
    QCOMPARE(m_store->currentAccountDataPosition(), 0);
    auto p1 = m_store->setAccountData(QString(), QStringLiteral("m.push_rules"), "{\"a\":1}");
    auto p2 =
        m_store->setAccountData(room, QStringLiteral("m.fully_read"), "{\"event_id\":\"$x\"}");
    QVERIFY(p1 && p2);
    QVERIFY(*p2 > *p1);
    QCOMPARE(m_store->currentAccountDataPosition(), *p2);
    auto p3 = m_store->setAccountData(QString(), QStringLiteral("m.push_rules"), "{\"a\":2}");
    QVERIFY(p3 && *p3 > *p2);

    auto all = m_store->accountDataAfter(0);
    QVERIFY(all);
    QCOMPARE(all->size(), 2); // the first push rules were replaced
    QCOMPARE(all->at(0).roomId, room);
    QCOMPARE(all->at(1).content, QByteArray("{\"a\":2}"));
    QCOMPARE(all->at(1).position, *p3);
    auto changed = m_store->accountDataAfter(*p2);
    QCOMPARE(changed->size(), 1);
    QCOMPARE(changed->at(0).type, QStringLiteral("m.push_rules"));
    QVERIFY(m_store->accountDataAfter(*p3)->isEmpty());

    reopen();
    QCOMPARE(m_store->currentAccountDataPosition(), *p3);
    QCOMPARE(**m_store->accountData(room, QStringLiteral("m.fully_read")),
             QByteArray("{\"event_id\":\"$x\"}"));
    QVERIFY(!*m_store->accountData(QString(), QStringLiteral("m.fully_read")));
    QVERIFY(*m_store->setAccountData(QString(), QStringLiteral("x"), "{}") > *p3);
}

void TestClientDataStore::accountDataLimits_data()
{
    QTest::addColumn<QString>("roomId");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::newRow("empty type") << QString() << QString() << QByteArray("{}")
                                << int(ErrorCode::InvalidParam);
    QTest::newRow("long type") << QString() << QString(256, u't') << QByteArray("{}")
                               << int(ErrorCode::TooLarge);
    QTest::newRow("long room") << QString(256, u'r') << QStringLiteral("t") << QByteArray("{}")
                               << int(ErrorCode::TooLarge);
    QTest::newRow("huge value") << QString() << QStringLiteral("t")
                                << QByteArray(1024 * 1024 + 1, ' ') << int(ErrorCode::TooLarge);
}

void TestClientDataStore::accountDataLimits()
{
    QFETCH(QString, roomId);
    QFETCH(QString, type);
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    auto set = m_store->setAccountData(roomId, type, content);
    QVERIFY(!set);
    QCOMPARE(int(set.error().code), code);
    QCOMPARE(m_store->currentAccountDataPosition(), 0);
}

void TestClientDataStore::receipts()
{
    const QString room = QStringLiteral("!room:example.org");
    Receipt mine{room, QStringLiteral("m.read"), owner(), QString(), QStringLiteral("$a"), 10, 0};
    Receipt threaded = mine;
    threaded.threadId = QStringLiteral("$thread");
    threaded.eventId = QStringLiteral("$t1");
    auto p1 = m_store->setReceipt(mine);
    auto p2 = m_store->setReceipt(threaded);
    QVERIFY(p1 && p2 && *p2 > *p1);
    mine.eventId = QStringLiteral("$b");
    auto p3 = m_store->setReceipt(mine);
    QVERIFY(p3 && *p3 > *p2);
    QCOMPARE(m_store->currentReceiptPosition(), *p3);

    auto changed = m_store->receiptsAfter(*p1);
    QCOMPARE(changed->size(), 2);
    QCOMPARE(changed->at(0).threadId, QStringLiteral("$thread"));
    QCOMPARE(changed->at(1).eventId, QStringLiteral("$b"));
    QCOMPARE(changed->at(1).position, *p3);
    Receipt bad = mine;
    bad.userId.clear();
    QCOMPARE(m_store->setReceipt(bad).error().code, ErrorCode::InvalidParam);
    reopen();
    QCOMPARE(m_store->currentReceiptPosition(), *p3);
    QCOMPARE(m_store->receiptsForRoom(room)->size(), 2);
    QVERIFY(m_store->receiptsForRoom(QStringLiteral("!other:example.org"))->isEmpty());
}

void TestClientDataStore::deviceKeys()
{
    const qint64 before = m_accounts->currentDeviceListPosition();
    QVERIFY(m_store->setDeviceKeys(QStringLiteral("PHONE"), "{\"keys\":1}"));
    const qint64 afterUpload = m_accounts->currentDeviceListPosition();
    QVERIFY(afterUpload > before);
    QVERIFY(m_store->setDeviceKeys(QStringLiteral("PHONE"), "{\"keys\":1}"));
    QCOMPARE(m_accounts->currentDeviceListPosition(), afterUpload); // same keys: no change
    QCOMPARE(m_store->setDeviceKeys(QStringLiteral("NOPE"), "{}").error().code,
             ErrorCode::NotFound);
    reopen();
    QCOMPARE(**m_store->deviceKeys(QStringLiteral("PHONE")), QByteArray("{\"keys\":1}"));
    QVERIFY(!*m_store->deviceKeys(QStringLiteral("LAPTOP")));
    QCOMPARE(m_store->allDeviceKeys()->keys(), QStringList{QStringLiteral("PHONE")});
}

void TestClientDataStore::oneTimeKeyClaimAndFallback()
{
    const QString curve = QStringLiteral("signed_curve25519");
    QVERIFY(m_store->addOneTimeKeys(QStringLiteral("PHONE"),
                                    {{curve, QStringLiteral("AAAA"), "{\"k\":\"a\"}"},
                                     {curve, QStringLiteral("AAAB"), "{\"k\":\"b\"}"},
                                     {QStringLiteral("other"), QStringLiteral("X"), "{}"}}));
    QVERIFY(m_store->setFallbackKeys(QStringLiteral("PHONE"),
                                     {{curve, QStringLiteral("FFFF"), "{\"k\":\"f\"}"}}));
    QMap<QString, int> expected{{curve, 2}, {QStringLiteral("other"), 1}};
    QCOMPARE(*m_store->oneTimeKeyCounts(QStringLiteral("PHONE")), expected);
    QCOMPARE(*m_store->unusedFallbackKeyAlgorithms(QStringLiteral("PHONE")), QStringList{curve});
    reopen();

    QStringList claimedIds;
    for (int i = 0; i < 4; ++i) {
        auto claimed = m_store->claimKeys({{QStringLiteral("PHONE"), curve}});
        QVERIFY(claimed);
        QCOMPARE(claimed->size(), 1);
        claimedIds << claimed->at(0).keyId;
        QCOMPARE(claimed->at(0).fallback, i >= 2);
    }
    QCOMPARE(claimedIds, (QStringList{QStringLiteral("AAAA"), QStringLiteral("AAAB"),
                                      QStringLiteral("FFFF"), QStringLiteral("FFFF")}));
    QCOMPARE(m_store->oneTimeKeyCounts(QStringLiteral("PHONE"))->value(curve), 0);
    QVERIFY(m_store->unusedFallbackKeyAlgorithms(QStringLiteral("PHONE"))->isEmpty());
    // A device with nothing to give is left out of the answer.
    QVERIFY(m_store->claimKeys({{QStringLiteral("LAPTOP"), curve}})->isEmpty());
    // A new fallback key is unused again.
    QVERIFY(m_store->setFallbackKeys(QStringLiteral("PHONE"),
                                     {{curve, QStringLiteral("GGGG"), "{\"k\":\"g\"}"}}));
    QCOMPARE(*m_store->unusedFallbackKeyAlgorithms(QStringLiteral("PHONE")), QStringList{curve});
}

void TestClientDataStore::oneTimeKeyReuseRejected()
{
    const QString curve = QStringLiteral("signed_curve25519");
    QVERIFY(
        m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("A"), "{1}"}}));
    // The same key again is a retried upload; a different key under the same ID is not, and
    // nothing of that upload is kept.
    QVERIFY(
        m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("A"), "{1}"}}));
    auto changed =
        m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("B"), "{2}"},
                                                          {curve, QStringLiteral("A"), "{other}"}});
    QVERIFY(!changed);
    QCOMPARE(changed.error().code, ErrorCode::InvalidParam);
    QCOMPARE(m_store->oneTimeKeyCounts(QStringLiteral("PHONE"))->value(curve), 1);
    QCOMPARE(m_store->addOneTimeKeys(QStringLiteral("NOPE"), {{curve, QStringLiteral("A"), "{}"}})
                 .error()
                 .code,
             ErrorCode::NotFound);
    QCOMPARE(m_store
                 ->addOneTimeKeys(QStringLiteral("PHONE"),
                                  {{curve, QStringLiteral("C"), QByteArray(5000, 'x')}})
                 .error()
                 .code,
             ErrorCode::TooLarge);
}

void TestClientDataStore::claimIsAtomic()
{
    const QString curve = QStringLiteral("signed_curve25519");
    QVERIFY(m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("A"), "{}"}}));
    QVERIFY(
        m_store->addOneTimeKeys(QStringLiteral("LAPTOP"), {{curve, QStringLiteral("B"), "{}"}}));
    // Two claims of one device in one request get two different keys or none: never the same.
    auto claimed = m_store->claimKeys({{QStringLiteral("PHONE"), curve},
                                       {QStringLiteral("PHONE"), curve},
                                       {QStringLiteral("LAPTOP"), curve}});
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 2);
    QCOMPARE(claimed->at(0).keyId, QStringLiteral("A"));
    QCOMPARE(claimed->at(1).deviceId, QStringLiteral("LAPTOP"));
    QCOMPARE(rows(QStringLiteral("one_time_keys")), 0);

    // A failing batch (the connection refuses writes midway) leaves every key in place.
    QVERIFY(m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("C"), "{}"},
                                                              {curve, QStringLiteral("D"), "{}"}}));
    QSqlQuery trigger(m_db->connection());
    QVERIFY(trigger.exec(QStringLiteral(
        "CREATE TEMP TRIGGER refuse BEFORE DELETE ON one_time_keys WHEN old.key_id = 'D'"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END")));
    QVERIFY(
        !m_store->claimKeys({{QStringLiteral("PHONE"), curve}, {QStringLiteral("PHONE"), curve}}));
    QCOMPARE(m_store->oneTimeKeyCounts(QStringLiteral("PHONE"))->value(curve), 2);
}

void TestClientDataStore::toDeviceDeliveryAndAck()
{
    const QString type = QStringLiteral("m.room_key_request");
    const qint64 start = m_store->currentToDevicePosition();
    QCOMPARE(*m_store->queueToDevice(owner(), type, {{QStringLiteral("PHONE"), "{\"n\":1}"}}), 1);
    QCOMPARE(*m_store->queueToDevice(
                 owner(), type,
                 {{QStringLiteral("PHONE"), "{\"n\":2}"}, {QStringLiteral("LAPTOP"), "{\"n\":3}"}}),
             2);
    QVERIFY(m_store->currentToDevicePosition() >= start + 3);

    auto first = m_store->toDeviceMessages(QStringLiteral("PHONE"), start, 1);
    QCOMPARE(first->size(), 1);
    QCOMPARE(first->at(0).content, QByteArray("{\"n\":1}"));
    QCOMPARE(first->at(0).sender, owner());
    QCOMPARE(first->at(0).type, type);
    auto rest = m_store->toDeviceMessages(QStringLiteral("PHONE"), first->at(0).streamId, 100);
    QCOMPARE(rest->size(), 1);
    QCOMPARE(rest->at(0).content, QByteArray("{\"n\":2}"));

    reopen();
    // Acknowledging the first leaves the second; the laptop's inbox is its own.
    QCOMPARE(*m_store->deleteToDeviceUpTo(QStringLiteral("PHONE"), first->at(0).streamId), 1);
    auto left = m_store->toDeviceMessages(QStringLiteral("PHONE"), 0, 100);
    QCOMPARE(left->size(), 1);
    QCOMPARE(left->at(0).streamId, rest->at(0).streamId);
    QCOMPARE(m_store->toDeviceMessages(QStringLiteral("LAPTOP"), 0, 100)->size(), 1);
    QCOMPARE(
        *m_store->deleteToDeviceUpTo(QStringLiteral("PHONE"), m_store->currentToDevicePosition()),
        1);
    QVERIFY(m_store->toDeviceMessages(QStringLiteral("PHONE"), 0, 100)->isEmpty());
}

void TestClientDataStore::toDeviceWildcardAndUnknownDevices()
{
    const QString type = QStringLiteral("m.new_device");
    QCOMPARE(*m_store->queueToDevice(owner(), type, {{QStringLiteral("*"), "{}"}}), 2);
    QCOMPARE(*m_store->queueToDevice(owner(), type, {{QStringLiteral("GONE"), "{}"}}), 0);
    QCOMPARE(rows(QStringLiteral("to_device_messages")), 2);
    QCOMPARE(m_store
                 ->queueToDevice(owner(), type,
                                 {{QStringLiteral("PHONE"), QByteArray(64 * 1024 + 1, ' ')}})
                 .error()
                 .code,
             ErrorCode::TooLarge);
    QCOMPARE(
        m_store->queueToDevice(owner(), QString(), {{QStringLiteral("PHONE"), "{}"}}).error().code,
        ErrorCode::InvalidParam);
}

void TestClientDataStore::transactionDedup()
{
    const QString txn = QStringLiteral("txn1");
    QCOMPARE(*m_store->markTransaction(QStringLiteral("PHONE"), txn, 100), true);
    QCOMPARE(*m_store->markTransaction(QStringLiteral("PHONE"), txn, 101), false);
    QCOMPARE(*m_store->markTransaction(QStringLiteral("LAPTOP"), txn, 102), true);
    reopen();
    QCOMPARE(*m_store->markTransaction(QStringLiteral("PHONE"), txn, 103), false);
    QCOMPARE(m_store->markTransaction(QStringLiteral("PHONE"), QString(300, u'x'), 1).error().code,
             ErrorCode::TooLarge);
    QCOMPARE(*m_store->pruneTransactions(102), 1);
    QCOMPARE(*m_store->markTransaction(QStringLiteral("PHONE"), txn, 104), true);
}

void TestClientDataStore::deviceDeletionCascades()
{
    const QString curve = QStringLiteral("signed_curve25519");
    QVERIFY(m_store->setDeviceKeys(QStringLiteral("PHONE"), "{}"));
    QVERIFY(m_store->addOneTimeKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("A"), "{}"}}));
    QVERIFY(
        m_store->setFallbackKeys(QStringLiteral("PHONE"), {{curve, QStringLiteral("F"), "{}"}}));
    QVERIFY(m_store->queueToDevice(owner(), QStringLiteral("t"), {{QStringLiteral("*"), "{}"}}));
    QVERIFY(m_store->markTransaction(QStringLiteral("PHONE"), QStringLiteral("t1"), 1));
    QVERIFY(m_accounts->deleteDevice(QStringLiteral("PHONE")));
    for (const QString &table : {QStringLiteral("device_keys"), QStringLiteral("one_time_keys"),
                                 QStringLiteral("fallback_keys"), QStringLiteral("to_device_txns")})
        QCOMPARE(rows(table), 0);
    QCOMPARE(rows(QStringLiteral("to_device_messages")), 1); // the laptop's
}

void TestClientDataStore::mediaMetadata()
{
    const QByteArray digest(32, '\x07');
    MediaInfo info{QStringLiteral("example.org"),
                   QStringLiteral("abc_DEF-123"),
                   QStringLiteral("image/png"),
                   QStringLiteral("cat.png"),
                   1234,
                   digest,
                   99,
                   owner()};
    QVERIFY(m_store->addMedia(info));
    QCOMPARE(m_store->addMedia(info).error().code, ErrorCode::BadState);
    MediaInfo remote{
        QStringLiteral("remote.example"), QStringLiteral("xyz"), {}, {}, 5, {}, 100, {}};
    QVERIFY(m_store->addMedia(remote));
    for (const QString &badId :
         {QStringLiteral("../etc"), QStringLiteral("a/b"), QString(), QString(256, u'a')}) {
        MediaInfo bad = info;
        bad.mediaId = badId;
        QCOMPARE(m_store->addMedia(bad).error().code, ErrorCode::InvalidParam);
    }
    reopen();
    auto stored = m_store->media(info.origin, info.mediaId);
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->contentType, info.contentType);
    QCOMPARE((*stored)->uploadName, info.uploadName);
    QCOMPARE((*stored)->size, 1234);
    QCOMPARE((*stored)->sha256, digest);
    QCOMPARE((*stored)->createdTs, 99);
    QCOMPARE((*stored)->uploader, owner());
    auto storedRemote = m_store->media(remote.origin, remote.mediaId);
    QVERIFY((*storedRemote)->sha256.isEmpty() && (*storedRemote)->uploader.isEmpty());
    QCOMPARE(*m_store->deleteMedia(info.origin, info.mediaId), true);
    QCOMPARE(*m_store->deleteMedia(info.origin, info.mediaId), false);
    QVERIFY(!*m_store->media(info.origin, info.mediaId));
}

void TestClientDataStore::syncReadsAreIndexed_data()
{
    // The statements /sync runs on every request (as the store writes them): none may scan a
    // table, however large the table grows.
    QTest::addColumn<QString>("statement");
    QTest::newRow("account data") << QStringLiteral(
        "SELECT room_id, type, content, stream_pos FROM account_data WHERE stream_pos > 1"
        " ORDER BY stream_pos");
    QTest::newRow("receipts") << QStringLiteral(
        "SELECT room_id FROM receipts WHERE stream_pos > 1 ORDER BY stream_pos");
    QTest::newRow("to-device") << QStringLiteral(
        "SELECT stream_id, sender, type, content FROM to_device_messages WHERE device_id = 'A'"
        " AND stream_id > 1 ORDER BY stream_id LIMIT 100");
    QTest::newRow("to-device ack") << QStringLiteral(
        "DELETE FROM to_device_messages WHERE device_id = 'A' AND stream_id <= 5");
    QTest::newRow("key counts") << QStringLiteral(
        "SELECT algorithm, COUNT(*) FROM one_time_keys WHERE device_id = 'A' GROUP BY algorithm");
    QTest::newRow("fallback") << QStringLiteral(
        "SELECT algorithm FROM fallback_keys WHERE device_id = 'A' AND used = 0"
        " ORDER BY algorithm");
    QTest::newRow("device lists") << QStringLiteral(
        "SELECT user_id FROM device_list_changes WHERE stream_pos > 1 ORDER BY stream_pos");
    QTest::newRow("token") << QStringLiteral(
        "SELECT d.device_id FROM access_tokens t JOIN devices d ON d.device_id = t.device_id"
        " WHERE t.token_hash = x'00'");
}

void TestClientDataStore::syncReadsAreIndexed()
{
    QFETCH(QString, statement);
    QSqlQuery plan(m_db->connection());
    QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement));
    int steps = 0;
    while (plan.next()) {
        const QString detail = plan.value(3).toString();
        ++steps;
        QVERIFY2(!detail.startsWith(u"SCAN"), qPrintable(detail));
        QVERIFY2(!detail.contains(u"TEMP B-TREE"), qPrintable(detail));
    }
    QVERIFY(steps > 0);
}

QTEST_GUILESS_MAIN(TestClientDataStore)
#include "tst_clientdatastore.moc"
