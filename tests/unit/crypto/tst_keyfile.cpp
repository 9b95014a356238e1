// Signing keys, key IDs and key files ("ed25519 <version> <unpadded base64 seed>" per line).
// Expected public keys in tests/data/crypto/keyfiles.json come from make_vectors.py.
#include "core/crypto/KeyFile.h"
#include "core/crypto/KeyId.h"
#include "core/crypto/SigningKey.h"
#include "core/crypto/VerifyKey.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "tests/TestData.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace trellis;

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void formatRoundTrip();
    void generatedKeys();
    void seedAndVersionChecks();
    void verifyKeyChecks();
    void keyIds_data();
    void keyIds();
    void saveWritesMode0600Atomically();
    void saveReplacesAndIgnoresStaleTemporaryFile();
    void saveFailures();
    void loadErrors();
};

namespace {

const json::Object &fixture()
{
    static const json::Value value = test::readJson(QStringLiteral("crypto/keyfiles.json"));
    return value.toObject();
}

QByteArray bytes(const json::Value &value)
{
    return QByteArray::fromStdString(value.toString());
}

crypto::SigningKey specKey()
{
    return *crypto::SigningKey::fromSeed(
        *base64::decode("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"), QStringLiteral("1"));
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

void TestKeyFile::parseValid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QByteArrayList>("publicKeys");
    for (const json::Value &c : fixture()["valid"].toArray()) {
        QStringList versions;
        QByteArrayList keys;
        for (const json::Value &k : c.toObject()["keys"].toArray()) {
            versions.append(json::toQString(k.toObject()["version"].toString()));
            keys.append(bytes(k.toObject()["public_key"]));
        }
        QTest::newRow(c.toObject()["name"].toString().c_str())
            << bytes(c.toObject()["text"]) << versions << keys;
    }
}

void TestKeyFile::parseValid()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, versions);
    QFETCH(QByteArrayList, publicKeys);
    auto keys = crypto::keyfile::parse(text);
    QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
    QCOMPARE(keys->size(), versions.size());
    for (qsizetype i = 0; i < keys->size(); ++i) {
        QCOMPARE(keys->at(i).version(), versions[i]);
        QCOMPARE(base64::encode(keys->at(i).publicKey()), publicKeys[i]);
    }
}

void TestKeyFile::parseInvalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("contains");
    for (const json::Value &c : fixture()["invalid"].toArray()) {
        const json::Object &o = c.toObject();
        QTest::newRow(o["name"].toString().c_str())
            << bytes(o["text"]) << int(o["line"].toInteger())
            << json::toQString(o["contains"].toString());
    }
}

void TestKeyFile::parseInvalid()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, contains);
    auto keys = crypto::keyfile::parse(text);
    QVERIFY(!keys);
    QCOMPARE(keys.error().code, ErrorCode::InvalidParam);
    const QString message = keys.error().message;
    QVERIFY2(message.contains(contains), qPrintable(message));
    if (line > 0) {
        QVERIFY2(message.startsWith(QStringLiteral("key file line %1: ").arg(line)),
                 qPrintable(message));
    } else {
        QVERIFY2(!message.contains(QStringLiteral("line")), qPrintable(message));
    }
    // The secret never appears in the message.
    for (const QByteArray &field : text.simplified().split(' ')) {
        if (field.size() >= 40)
            QVERIFY2(!message.contains(QString::fromLatin1(field)), qPrintable(message));
    }
}

void TestKeyFile::formatRoundTrip()
{
    const crypto::SigningKey key = specKey();
    // The encoder writes the seed with zero trailing bits: "...XA0", not the appendix's "...XA1".
    QCOMPARE(crypto::keyfile::format(key),
             QByteArray("ed25519 1 YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA0\n"));

    const crypto::SigningKey other =
        *crypto::SigningKey::fromSeed(QByteArray(32, '\x07'), QStringLiteral("a_Z9_z"));
    const QByteArray file = crypto::keyfile::format(key) + "\n" + crypto::keyfile::format(other);
    auto keys = crypto::keyfile::parse(file);
    QVERIFY(keys);
    QCOMPARE(keys->size(), 2);
    QCOMPARE(keys->at(0).exportSeed(), key.exportSeed());
    QCOMPARE(keys->at(0).version(), QStringLiteral("1"));
    QCOMPARE(keys->at(1).exportSeed(), QByteArray(32, '\x07'));
    QCOMPARE(keys->at(1).version(), QStringLiteral("a_Z9_z"));
    QCOMPARE(keys->at(1).publicKey(), other.publicKey());
    QCOMPARE(crypto::keyfile::format(keys->at(0)) + "\n" + crypto::keyfile::format(keys->at(1)),
             file);
}

void TestKeyFile::generatedKeys()
{
    const QString version = crypto::randomKeyVersion();
    QVERIFY2(QRegularExpression(QStringLiteral("^a_[a-zA-Z0-9]{4}$")).match(version).hasMatch(),
             qPrintable(version));
    QVERIFY(crypto::isValidKeyVersion(version));
    auto a = crypto::SigningKey::generate(version);
    auto b = crypto::SigningKey::generate(version);
    QVERIFY(a && b);
    QCOMPARE(a->publicKey().size(), crypto::VerifyKey::kPublicKeyBytes);
    QVERIFY(a->publicKey() != b->publicKey());
    QVERIFY(a->exportSeed() != b->exportSeed());
    auto back = crypto::keyfile::parse(crypto::keyfile::format(*a));
    QVERIFY(back);
    QCOMPARE(back->first().publicKey(), a->publicKey());
    QCOMPARE(back->first().sign("m"), a->sign("m"));
    QVERIFY(a->verifyKey().verify("m", a->sign("m")));
    QVERIFY(!b->verifyKey().verify("m", a->sign("m")));
    QVERIFY(!crypto::SigningKey::generate(QStringLiteral("bad version")));
}

void TestKeyFile::seedAndVersionChecks()
{
    const QByteArray seed(32, 'k');
    QVERIFY(crypto::SigningKey::fromSeed(seed, QStringLiteral("abc_XYZ_09")));
    for (const QString &bad : {QString(), QStringLiteral("a-b"), QStringLiteral("a:b"),
                               QStringLiteral("é"), QStringLiteral("a b")}) {
        auto key = crypto::SigningKey::fromSeed(seed, bad);
        QVERIFY2(!key, qPrintable(bad));
        QCOMPARE(key.error().code, ErrorCode::InvalidParam);
    }
    for (qsizetype size : {0, 31, 33, 64}) {
        auto key = crypto::SigningKey::fromSeed(QByteArray(size, 'k'), QStringLiteral("1"));
        QVERIFY(!key);
        QVERIFY2(key.error().message.contains(QString::number(size)),
                 qPrintable(key.error().message));
    }
    QVERIFY(crypto::SigningKey().isNull());
    QVERIFY(crypto::SigningKey().exportSeed().isEmpty());
}

void TestKeyFile::verifyKeyChecks()
{
    const crypto::SigningKey key = specKey();
    const QByteArray publicBase64 = "XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI";
    auto unpadded = crypto::VerifyKey::fromBase64(QStringLiteral("ed25519:1"), publicBase64);
    auto padded =
        crypto::VerifyKey::fromBase64(QStringLiteral("ed25519:1"), QByteArray(publicBase64 + "="));
    QVERIFY(unpadded && padded);
    QCOMPARE(unpadded->publicKey(), key.publicKey());
    QCOMPARE(padded->publicKey(), key.publicKey());
    QCOMPARE(unpadded->publicKeyBase64(), publicBase64);
    QVERIFY(unpadded->verify("msg", key.sign("msg")));
    QVERIFY(!unpadded->verify("msG", key.sign("msg")));
    QVERIFY(!unpadded->verify("msg", key.sign("msg").left(63)));
    QVERIFY(!unpadded->verify("msg", QByteArray()));
    QVERIFY(!crypto::VerifyKey().verify("msg", key.sign("msg")));

    QVERIFY(!crypto::VerifyKey::fromBase64(QStringLiteral("ed25519:1"), "!!!!"));
    QVERIFY(!crypto::VerifyKey::fromBase64(QStringLiteral("ed25519:1"), publicBase64.left(40)));
    QVERIFY(!crypto::VerifyKey::fromBase64(QStringLiteral("curve25519:1"), publicBase64));
    QVERIFY(!crypto::VerifyKey::fromBase64(QStringLiteral("ed25519:a-b"), publicBase64));
    QVERIFY(!crypto::VerifyKey::fromBytes(QStringLiteral("ed25519:1"), QByteArray(31, 'x')));
}

void TestKeyFile::keyIds_data()
{
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("version"); // null: not an ed25519 key ID
    QTest::newRow("simple") << QStringLiteral("ed25519:1") << QStringLiteral("1");
    QTest::newRow("all classes") << QStringLiteral("ed25519:aZ_09") << QStringLiteral("aZ_09");
    QTest::newRow("no version") << QStringLiteral("ed25519:") << QString();
    QTest::newRow("no colon") << QStringLiteral("ed25519") << QString();
    QTest::newRow("other separator") << QStringLiteral("ed25519_1") << QString();
    QTest::newRow("other algorithm") << QStringLiteral("curve25519:1") << QString();
    QTest::newRow("prefix only") << QStringLiteral("ed25519x:1") << QString();
    QTest::newRow("upper case algorithm") << QStringLiteral("ED25519:1") << QString();
    QTest::newRow("dash in version") << QStringLiteral("ed25519:a-1") << QString();
    QTest::newRow("second colon") << QStringLiteral("ed25519:a:1") << QString();
    QTest::newRow("space") << QStringLiteral("ed25519: 1") << QString();
}

void TestKeyFile::keyIds()
{
    QFETCH(QString, keyId);
    QFETCH(QString, version);
    auto parsed = crypto::ed25519KeyVersion(keyId);
    QCOMPARE(bool(parsed), !version.isNull());
    if (parsed) {
        QCOMPARE(*parsed, version);
        QCOMPARE(crypto::ed25519KeyId(version), keyId);
    }
}

void TestKeyFile::saveWritesMode0600Atomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("server.signing.key"));
    const mode_t oldMask = ::umask(0); // the mode must not depend on a permissive umask
    auto saved = crypto::keyfile::save(path, specKey());
    ::umask(oldMask);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(modeOf(path), mode_t(0600));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), crypto::keyfile::format(specKey()));
    // Nothing else is left in the directory (no temporary file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("server.signing.key")});
    auto loaded = crypto::keyfile::load(path);
    QVERIFY(loaded);
    QCOMPARE(loaded->size(), 1);
    QCOMPARE(loaded->first().exportSeed(), specKey().exportSeed());
}

void TestKeyFile::saveReplacesAndIgnoresStaleTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("k.key"));
    // An existing key file readable by all, and a world-readable leftover where an earlier
    // implementation put its temporary file: neither may make the new key readable by others.
    const QStringList files{path, path + QStringLiteral(".tmp-%1").arg(::getpid())};
    for (const QString &p : files) {
        QFile old(p);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents\n");
        old.close();
        QVERIFY(::chmod(QFile::encodeName(p).constData(), 0644) == 0);
    }
    const crypto::SigningKey key =
        *crypto::SigningKey::fromSeed(QByteArray(32, '\x01'), QStringLiteral("v2"));
    auto saved = crypto::keyfile::save(path, key);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(modeOf(path), mode_t(0600));
    auto loaded = crypto::keyfile::load(path);
    QVERIFY(loaded);
    QCOMPARE(loaded->first().version(), QStringLiteral("v2"));
    QCOMPARE(loaded->first().exportSeed(), QByteArray(32, '\x01'));
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
        2);
}

void TestKeyFile::saveFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto noKey = crypto::keyfile::save(dir.filePath(QStringLiteral("k")), crypto::SigningKey());
    QVERIFY(!noKey);
    QCOMPARE(noKey.error().code, ErrorCode::InvalidParam);
    auto noDir = crypto::keyfile::save(dir.filePath(QStringLiteral("missing/k")), specKey());
    QVERIFY(!noDir);
    QCOMPARE(noDir.error().code, ErrorCode::Io);
    QVERIFY(QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());
    // The target is a directory: rename() fails, and the temporary file is removed again.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
    auto taken = crypto::keyfile::save(dir.filePath(QStringLiteral("taken")), specKey());
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, ErrorCode::Io);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("taken")});
}

void TestKeyFile::loadErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto missing = crypto::keyfile::load(dir.filePath(QStringLiteral("absent.key")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::Io);

    const QString big = dir.filePath(QStringLiteral("big.key"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line = crypto::keyfile::format(specKey());
    while (file.size() <= 64 * 1024)
        file.write(line);
    file.close();
    auto tooBig = crypto::keyfile::load(big);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().code, ErrorCode::TooLarge);

    const QString bad = dir.filePath(QStringLiteral("bad.key"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(line + "ed25519 x\n");
    badFile.close();
    auto broken = crypto::keyfile::load(bad);
    QVERIFY(!broken);
    QVERIFY2(broken.error().message.contains(QStringLiteral("line 2")),
             qPrintable(broken.error().message));
}

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
