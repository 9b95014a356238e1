// The signing key's home: the OS keychain where one exists, else a 0600 key file.
#include "core/crypto/KeyFile.h"
#include "core/server/SigningKeyVault.h"

#include <QFile>
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

private:
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

QTEST_GUILESS_MAIN(TestSigningKeyVault)
#include "tst_signingkeyvault.moc"
