// Cross-signing key validation (client-server-api "Cross-signing", cross_signing_key.yaml):
// which uploads parseKey() accepts and with which errcode it refuses the others, signature
// checks with real ed25519 keys (good, tampered, by the wrong key, missing, malformed), and
// the comparisons /keys/signatures/upload relies on.
#include "core/crypto/JsonSigning.h"
#include "core/crypto/SigningKey.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Reader.h"
#include "core/services/CrossSigningKeys.h"

#include <QTest>

using namespace trellis;
namespace cs = trellis::services::crosssigning;

namespace {

const QString kOwner = QStringLiteral("@alice:example.org");

crypto::SigningKey newKey()
{
    auto key = crypto::SigningKey::generate(QStringLiteral("x"));
    if (!key)
        qFatal("cannot make a key");
    return *key;
}

QString publicOf(const crypto::SigningKey &key)
{
    return QString::fromLatin1(base64::encode(key.publicKey()));
}

/// A CrossSigningKey object for `key`, signed by `signer` when given (as "ed25519:<public>").
json::Object keyObject(const crypto::SigningKey &key, const QString &usage,
                       const crypto::SigningKey *signer = nullptr)
{
    json::Object keys;
    keys.insert(json::toUtf8(QStringLiteral("ed25519:") + publicOf(key)), json::Value(json::toUtf8(publicOf(key))));
    json::Object object;
    object.insert("user_id", json::Value(json::toUtf8(kOwner)));
    object.insert("usage", json::Value(json::Array{json::Value(json::toUtf8(usage))}));
    object.insert("keys", json::Value(std::move(keys)));
    if (signer) {
        const QByteArray signature = base64::encode(signer->sign(crypto::signingBytes(object)));
        cs::addSignature(object, kOwner, QStringLiteral("ed25519:") + publicOf(*signer), QString::fromLatin1(signature));
    }
    return object;
}

json::Object parse(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    auto object = json::parseObject(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!object)
        qFatal("bad test JSON");
    return *object;
}

} // namespace

class TestCrossSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWellFormedKey();
    void rejects_data();
    void rejects();
    void signatureChecks();
    void signedContentComparison();
    void deviceSigningKey();
    void invalidSignatureErrcode();
};

void TestCrossSigning::acceptsWellFormedKey()
{
    const crypto::SigningKey master = newKey();
    auto parsed = cs::parseKey(keyObject(master, QStringLiteral("master")), cs::Usage::Master, kOwner);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->publicKey, master.publicKey());
    QCOMPARE(parsed->keyId(), QStringLiteral("ed25519:") + publicOf(master));
    QCOMPARE(parsed->userId, kOwner);
}

void TestCrossSigning::rejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("usage");
    QTest::addColumn<QString>("errcode");
    const QString pub = publicOf(newKey());
    const auto key = [&](const QString &userId, const QString &usage, const QString &keys) {
        return QStringLiteral(R"({"user_id":%1,"usage":%2,"keys":%3})").arg(userId, usage, keys);
    };
    const QString owner = QStringLiteral("\"%1\"").arg(kOwner);
    const QString master = QStringLiteral(R"(["master"])");
    const QString keys = QStringLiteral(R"({"ed25519:%1":"%1"})").arg(pub);
    const int m = int(cs::Usage::Master);
    QTest::newRow("other user") << key(QStringLiteral("\"@bob:example.org\""), master, keys) << m << "M_INVALID_PARAM";
    QTest::newRow("user_id not a string") << key(QStringLiteral("7"), master, keys) << m << "M_BAD_JSON";
    QTest::newRow("no user_id") << QStringLiteral(R"({"usage":["master"],"keys":%1})").arg(keys) << m << "M_MISSING_PARAM";
    QTest::newRow("wrong usage") << key(owner, QStringLiteral(R"(["self_signing"])"), keys) << m << "M_INVALID_PARAM";
    QTest::newRow("usage not a list") << key(owner, QStringLiteral("\"master\""), keys) << m << "M_BAD_JSON";
    QTest::newRow("usage of numbers") << key(owner, QStringLiteral("[1]"), keys) << m << "M_BAD_JSON";
    QTest::newRow("no usage") << QStringLiteral(R"({"user_id":%1,"keys":%2})").arg(owner, keys) << m << "M_MISSING_PARAM";
    QTest::newRow("no keys") << QStringLiteral(R"({"user_id":%1,"usage":["master"]})").arg(owner) << m << "M_MISSING_PARAM";
    QTest::newRow("keys not an object") << key(owner, master, QStringLiteral("[]")) << m << "M_BAD_JSON";
    QTest::newRow("two keys") << key(owner, master, QStringLiteral(R"({"ed25519:%1":"%1","ed25519:b":"b"})").arg(pub)) << m << "M_INVALID_PARAM";
    QTest::newRow("zero keys") << key(owner, master, QStringLiteral("{}")) << m << "M_INVALID_PARAM";
    QTest::newRow("curve25519") << key(owner, master, QStringLiteral(R"({"curve25519:%1":"%1"})").arg(pub)) << m << "M_INVALID_PARAM";
    QTest::newRow("id and value differ") << key(owner, master, QStringLiteral(R"({"ed25519:%1":"AAAA"})").arg(pub)) << m << "M_INVALID_PARAM";
    QTest::newRow("not base64") << key(owner, master, QStringLiteral(R"({"ed25519:!!!!":"!!!!"})")) << m << "M_INVALID_PARAM";
    QTest::newRow("short key") << key(owner, master, QStringLiteral(R"({"ed25519:AAAA":"AAAA"})")) << m << "M_INVALID_PARAM";
    QTest::newRow("padded key") << key(owner, master, QStringLiteral(R"({"ed25519:%1=":"%1="})").arg(pub)) << m << "M_INVALID_PARAM";
    QTest::newRow("key value a number") << key(owner, master, QStringLiteral(R"({"ed25519:%1":5})").arg(pub)) << m << "M_BAD_JSON";
    QTest::newRow("signatures a string") << QStringLiteral(R"({"user_id":%1,"usage":["master"],"keys":%2,"signatures":"x"})").arg(owner, keys) << m << "M_BAD_JSON";
}

void TestCrossSigning::rejects()
{
    QFETCH(QString, json);
    QFETCH(int, usage);
    QFETCH(QString, errcode);
    const auto parsed = cs::parseKey(parse(json), cs::Usage(usage), kOwner);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().errcode(), errcode);
}

void TestCrossSigning::signatureChecks()
{
    const crypto::SigningKey master = newKey();
    const crypto::SigningKey selfSigning = newKey();
    const crypto::SigningKey stranger = newKey();
    const QString masterId = QStringLiteral("ed25519:") + publicOf(master);
    const json::Object good = keyObject(selfSigning, QStringLiteral("self_signing"), &master);
    QVERIFY(cs::checkSignedBy(good, kOwner, masterId, master.publicKey()));

    // The same signature on changed content, a signature by another key under the master's
    // ID, no signature, and signatures that are not base64 or not 64 bytes all fail.
    json::Object tampered = good;
    tampered.insert("usage", json::Value(json::Array{json::Value("user_signing")}));
    json::Object forged = keyObject(selfSigning, QStringLiteral("self_signing"));
    cs::addSignature(forged, kOwner, masterId,
                     QString::fromLatin1(base64::encode(stranger.sign(crypto::signingBytes(forged)))));
    json::Object unsignedKey = keyObject(selfSigning, QStringLiteral("self_signing"));
    json::Object garbage = unsignedKey;
    cs::addSignature(garbage, kOwner, masterId, QStringLiteral("@@@@"));
    json::Object shortSignature = unsignedKey;
    cs::addSignature(shortSignature, kOwner, masterId, QStringLiteral("AAAA"));
    json::Object otherSigner = unsignedKey;
    cs::addSignature(otherSigner, QStringLiteral("@bob:example.org"), masterId,
                     cs::signatureOf(good, kOwner, masterId));
    for (const json::Object &bad : {tampered, forged, unsignedKey, garbage, shortSignature, otherSigner}) {
        const auto checked = cs::checkSignedBy(bad, kOwner, masterId, master.publicKey());
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, ErrorCode::InvalidSignature);
    }
    // The right signature checked against the wrong public key.
    QVERIFY(!cs::checkSignedBy(good, kOwner, masterId, stranger.publicKey()));
    QVERIFY(!cs::checkSignedBy(good, kOwner, masterId, QByteArray(5, 'x')));
}

void TestCrossSigning::signedContentComparison()
{
    const crypto::SigningKey master = newKey();
    const crypto::SigningKey device = newKey();
    json::Object stored = keyObject(master, QStringLiteral("master"));
    json::Object withSignature = stored;
    cs::addSignature(withSignature, kOwner, QStringLiteral("ed25519:DEV"), QStringLiteral("sig"));
    QVERIFY(cs::sameSignedContent(stored, withSignature));
    json::Object withUnsigned = stored;
    withUnsigned.insert("unsigned", json::Value(json::Object{}));
    QVERIFY(cs::sameSignedContent(stored, withUnsigned));
    QVERIFY(!cs::sameSignedContent(stored, keyObject(device, QStringLiteral("master"))));
}

void TestCrossSigning::deviceSigningKey()
{
    const crypto::SigningKey device = newKey();
    const json::Object keys = parse(QStringLiteral(R"({"keys":{"ed25519:DEV":"%1","curve25519:DEV":"abc"}})").arg(publicOf(device)));
    QCOMPARE(cs::deviceSigningKey(keys, QStringLiteral("DEV")), std::optional<QByteArray>(device.publicKey()));
    QVERIFY(!cs::deviceSigningKey(keys, QStringLiteral("OTHER")));
    QVERIFY(!cs::deviceSigningKey(parse(QStringLiteral(R"({"keys":{"ed25519:DEV":"short"}})")), QStringLiteral("DEV")));
    QVERIFY(!cs::deviceSigningKey(parse(QStringLiteral(R"({"keys":[]})")), QStringLiteral("DEV")));
}

void TestCrossSigning::invalidSignatureErrcode()
{
    const Error error = cs::invalidSignature(QStringLiteral("bad"));
    QCOMPARE(error.errcode(), QStringLiteral("M_INVALID_SIGNATURE"));
    QCOMPARE(error.httpStatus(), 400);
}

QTEST_GUILESS_MAIN(TestCrossSigning)
#include "tst_crosssigning.moc"
