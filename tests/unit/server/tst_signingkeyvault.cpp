// The signing key's home: the OS keychain where one exists, else a 0600 key file. The keychain
// cases run against a real Secret Service (gnome-keyring on a throwaway D-Bus session and data
// directory, see with_keyring.sh: ctest's signingkeyvault_keyring); elsewhere they skip.
#include "core/crypto/KeyFile.h"
#include "core/server/SigningKeyVault.h"

#include <QFile>
#include <QUuid>
#include <qt6keychain/keychain.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace trellis;
using server::SigningKeyVault;

class TestSigningKeyVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileFallbackCreatesThenReusesTheKey();
    void existingKeyFileWins();
    void brokenKeyFileFails();
    void keychainWithoutServiceFallsBack();
    void keychainCreatesThenReusesTheKey();
    void keychainMovesTheLegacyEntry();

private:
    static bool keyringAvailable() { return qEnvironmentVariable("TRELLIS_TEST_KEYRING") == u"1"; }
    /// A server name no other run has used: entries of earlier runs cannot interfere.
    static QString freshAccount()
    {
        return QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".example");
    }
    static std::optional<std::pair<crypto::SigningKey, SigningKeyVault::Storage>> load(SigningKeyVault &vault);
};

std::optional<std::pair<crypto::SigningKey, SigningKeyVault::Storage>>
TestSigningKeyVault::load(SigningKeyVault &vault)
{
    std::optional<std::pair<crypto::SigningKey, SigningKeyVault::Storage>> result;
    bool done = false;
    QObject::connect(&vault, &SigningKeyVault::ready, &vault,
                     [&](const crypto::SigningKey &key, SigningKeyVault::Storage storage) {
                         result = std::pair{key, storage};
                         done = true;
                     });
    QObject::connect(&vault, &SigningKeyVault::failed, &vault, [&](const Error &) { done = true; });
    vault.load();
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return std::nullopt;
    return result;
}

void TestSigningKeyVault::fileFallbackCreatesThenReusesTheKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    SigningKeyVault first(QStringLiteral("example.org"), path);
    first.setKeychainEnabled(false);
    const auto created = load(first);
    QVERIFY(created);
    QCOMPARE(created->second, SigningKeyVault::Storage::File);
    QVERIFY(created->first.keyId().startsWith(QStringLiteral("ed25519:a_")));
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);

    SigningKeyVault second(QStringLiteral("example.org"), path);
    second.setKeychainEnabled(false);
    const auto reused = load(second);
    QVERIFY(reused);
    QCOMPARE(reused->first.publicKey(), created->first.publicKey());
    QCOMPARE(reused->first.keyId(), created->first.keyId());
}

void TestSigningKeyVault::existingKeyFileWins()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    const auto key = crypto::SigningKey::fromSeed(QByteArray(32, 'k'), QStringLiteral("old"));
    QVERIFY(crypto::keyfile::save(path, *key));
    // Even with the keychain enabled, an existing key file is used as it is.
    SigningKeyVault vault(QStringLiteral("example.org"), path);
    const auto loaded = load(vault);
    QVERIFY(loaded);
    QCOMPARE(loaded->second, SigningKeyVault::Storage::File);
    QCOMPARE(loaded->first.keyId(), QStringLiteral("ed25519:old"));
}

void TestSigningKeyVault::brokenKeyFileFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a key\n");
    file.close();
    SigningKeyVault vault(QStringLiteral("example.org"), path);
    vault.setKeychainEnabled(false);
    QSignalSpy failed(&vault, &SigningKeyVault::failed);
    vault.load();
    QVERIFY(failed.wait(5000) || failed.count() == 1);
    // The broken file is left for the owner to look at, not replaced.
    QVERIFY(QFile::exists(path));
}

void TestSigningKeyVault::keychainWithoutServiceFallsBack()
{
    // The test machine has no Secret Service or KWallet on D-Bus: the vault must notice and
    // use the file, not hang or fail.
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a D-Bus session is present; this test needs a machine without a keychain service");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    SigningKeyVault vault(QStringLiteral("example.org"), path);
    const auto loaded = load(vault);
    QVERIFY(loaded);
    QCOMPARE(loaded->second, SigningKeyVault::Storage::File);
    QVERIFY(QFile::exists(path));
}

namespace {

// The keychain entry's bytes (a key-file line); nothing when there is no entry; an empty
// array when the keychain failed otherwise (so that "no entry" is not mistaken for it).
std::optional<QByteArray> readEntry(const QString &service, const QString &account)
{
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(account);
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    if (!finished.wait(30000))
        return QByteArray();
    if (job.error() == QKeychain::EntryNotFound)
        return std::nullopt;
    return job.error() == QKeychain::NoError ? job.binaryData() : QByteArray();
}

bool writeEntry(const QString &service, const QString &account, const QByteArray &data)
{
    QKeychain::WritePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(account);
    job.setBinaryData(data);
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    return finished.wait(30000) && job.error() == QKeychain::NoError;
}

} // namespace

void TestSigningKeyVault::keychainCreatesThenReusesTheKey()
{
    if (!keyringAvailable())
        QSKIP("needs a Secret Service: run by ctest as signingkeyvault_keyring");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    const QString account = freshAccount();
    SigningKeyVault first(account, path);
    const auto created = load(first);
    QVERIFY(created);
    QCOMPARE(created->second, SigningKeyVault::Storage::Keychain);
    QVERIFY(!QFile::exists(path)); // in the keychain only
    const auto entry = readEntry(SigningKeyVault::serviceName(), account);
    QVERIFY(entry && !entry->isEmpty());
    QCOMPARE(crypto::keyfile::parse(*entry)->first().keyId(), created->first.keyId());

    SigningKeyVault second(account, path);
    const auto reused = load(second);
    QVERIFY(reused);
    QCOMPARE(reused->second, SigningKeyVault::Storage::Keychain);
    QCOMPARE(reused->first.publicKey(), created->first.publicKey());
}

void TestSigningKeyVault::keychainMovesTheLegacyEntry()
{
    if (!keyringAvailable())
        QSKIP("needs a Secret Service: run by ctest as signingkeyvault_keyring");
    QTemporaryDir dir;
    const QString account = freshAccount();
    const auto key = crypto::SigningKey::fromSeed(QByteArray(32, 'm'), QStringLiteral("moved"));
    QVERIFY(writeEntry(SigningKeyVault::legacyServiceName(), account, crypto::keyfile::format(*key)));

    SigningKeyVault vault(account, dir.filePath(QStringLiteral("signing.key")));
    const auto loaded = load(vault);
    QVERIFY(loaded);
    QCOMPARE(loaded->second, SigningKeyVault::Storage::Keychain);
    QCOMPARE(loaded->first.keyId(), QStringLiteral("ed25519:moved"));
    QCOMPARE(loaded->first.publicKey(), key->publicKey());
    // Under the new name now, and the old entry is gone (its deletion may finish just after).
    const auto moved = readEntry(SigningKeyVault::serviceName(), account);
    QVERIFY(moved && !moved->isEmpty());
    QCOMPARE(crypto::keyfile::parse(*moved)->first().publicKey(), key->publicKey());
    QTRY_VERIFY_WITH_TIMEOUT(!readEntry(SigningKeyVault::legacyServiceName(), account), 10000);
}

QTEST_GUILESS_MAIN(TestSigningKeyVault)
#include "tst_signingkeyvault.moc"
