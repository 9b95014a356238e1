// Signing JSON and checking signatures: appendices.md "Signing JSON" ("Signing Details",
// "Checking for a Signature") and "Cryptographic Test Vectors". The expected signatures in
// tests/data/crypto/json_signing.json come from tests/data/crypto/make_vectors.py (Python's
// json and the `cryptography` package), never from this code.
#include "core/crypto/JsonSigning.h"
#include "core/crypto/KeyId.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"
#include "tests/TestData.h"

#include <QTest>

#include <functional>

using namespace trellis;
using crypto::SignatureStatus;

Q_DECLARE_METATYPE(trellis::json::Object)
Q_DECLARE_METATYPE(trellis::crypto::SignatureStatus)

class TestJsonSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specSeedPublicKey();
    void specVectors_data();
    void specVectors();
    void multiSigner_data();
    void multiSigner();
    void signingBytesLeaveOutSignaturesAndUnsigned();
    void unsignedAndOtherSignaturesNotCovered();
    void tamperingBreaksVerification_data();
    void tamperingBreaksVerification();
    void signatureStatuses_data();
    void signatureStatuses();
    void validityTimePassedToKeyRing();
    void statusNames();
};

namespace {

const json::Object &fixture()
{
    static const json::Value value = test::readJson(QStringLiteral("crypto/json_signing.json"));
    return value.toObject();
}

QString str(const json::Value &value)
{
    return json::toQString(value.toString());
}

QByteArray canonical(const json::Value &value)
{
    return json::toCanonicalBytes(value);
}

crypto::SigningKey keyFrom(const QString &seedBase64, const QString &keyId)
{
    const auto seed = base64::decode(seedBase64.toLatin1());
    if (!seed)
        qFatal("bad seed in fixture");
    auto key = crypto::SigningKey::fromSeed(*seed, *crypto::ed25519KeyVersion(keyId));
    if (!key)
        qFatal("%s", qPrintable(key.error().message));
    return *key;
}

crypto::SigningKey specKey()
{
    return keyFrom(str(fixture()["seed"]), str(fixture()["key_id"]));
}

// The public keys the fixture states (computed by Python), not derived by the code under test.
crypto::StaticKeyRing fixtureRing()
{
    crypto::StaticKeyRing ring;
    ring.add(str(fixture()["entity"]),
             *crypto::VerifyKey::fromBase64(
                 str(fixture()["key_id"]),
                 QByteArray::fromStdString(fixture()["public_key"].toString())));
    for (const json::Value &s : fixture()["signers"].toArray()) {
        const json::Object &signer = s.toObject();
        ring.add(
            str(signer["entity"]),
            *crypto::VerifyKey::fromBase64(
                str(signer["key_id"]), QByteArray::fromStdString(signer["public_key"].toString())));
    }
    return ring;
}

QStringList entities(const json::Object &signed_)
{
    QStringList out;
    for (const json::Member &m : signed_["signatures"].toObject())
        out.append(json::toQString(m.key));
    return out;
}

// Every way of changing one value of `value` (recursively): strings get a character more,
// numbers one more, booleans flip, null becomes 0, objects gain or lose a member, arrays an
// element. Each result is returned with a description.
void mutations(const json::Value &value, const QString &path,
               const std::function<void(const QString &, const json::Value &)> &emit)
{
    if (const std::string *s = value.asString()) {
        emit(path + QStringLiteral(" +char"), json::Value(*s + "x"));
        if (!s->empty())
            emit(path + QStringLiteral(" -char"), json::Value(s->substr(1)));
    } else if (value.isInteger()) {
        emit(path + QStringLiteral(" +1"), json::Value(value.toInteger() + 1));
    } else if (value.isBool()) {
        emit(path + QStringLiteral(" flipped"), json::Value(!value.toBool()));
    } else if (value.isNull()) {
        emit(path + QStringLiteral(" null->0"), json::Value(0));
    } else if (const json::Array *array = value.asArray()) {
        json::Array longer = *array;
        longer.push_back(json::Value(nullptr));
        emit(path + QStringLiteral(" +element"), json::Value(std::move(longer)));
        for (size_t i = 0; i < array->size(); ++i) {
            mutations((*array)[i], path + QStringLiteral("[%1]").arg(i),
                      [&](const QString &what, const json::Value &changed) {
                          json::Array copy = *array;
                          copy[i] = changed;
                          emit(what, json::Value(std::move(copy)));
                      });
        }
    } else if (const json::Object *object = value.asObject()) {
        json::Object wider = *object;
        wider.insert("added", json::Value(true));
        emit(path + QStringLiteral(" +member"), json::Value(std::move(wider)));
        for (const json::Member &m : *object) {
            json::Object fewer = *object;
            fewer.remove(m.key);
            emit(path + QLatin1Char('/') + json::toQString(m.key) + QStringLiteral(" removed"),
                 json::Value(std::move(fewer)));
            mutations(m.value, path + QLatin1Char('/') + json::toQString(m.key),
                      [&](const QString &what, const json::Value &changed) {
                          json::Object copy = *object;
                          copy.insert(m.key, changed);
                          emit(what, json::Value(std::move(copy)));
                      });
        }
    }
}

} // namespace

void TestJsonSigning::specSeedPublicKey()
{
    const crypto::SigningKey key = specKey();
    QCOMPARE(key.keyId(), QStringLiteral("ed25519:1"));
    QCOMPARE(key.version(), QStringLiteral("1"));
    QCOMPARE(base64::encode(key.publicKey()),
             QByteArray::fromStdString(fixture()["public_key"].toString()));
    QCOMPARE(key.verifyKey().publicKeyBase64(),
             QByteArray::fromStdString(fixture()["public_key"].toString()));
    QCOMPARE(key.verifyKey().keyId(), QStringLiteral("ed25519:1"));
    QCOMPARE(base64::encode(key.exportSeed()),
             QByteArray::fromStdString(fixture()["seed_canonical_base64"].toString()));
    // Copies share the key.
    const crypto::SigningKey copy = key;
    QCOMPARE(copy.sign("abc"), key.sign("abc"));
    QCOMPARE(copy.sign("abc").size(), crypto::SigningKey::kSignatureBytes);
    QVERIFY(crypto::SigningKey().sign("abc").isEmpty());
}

void TestJsonSigning::specVectors_data()
{
    QTest::addColumn<json::Object>("input");
    QTest::addColumn<json::Object>("expected");
    for (const json::Value &c : fixture()["spec_cases"].toArray())
        QTest::newRow(c.toObject()["name"].toString().c_str())
            << c.toObject()["input"].toObject() << c.toObject()["signed"].toObject();
}

void TestJsonSigning::specVectors()
{
    QFETCH(json::Object, input);
    QFETCH(json::Object, expected);
    json::Object signed_ = input;
    crypto::signJson(signed_, QStringLiteral("domain"), specKey());
    QCOMPARE(canonical(signed_), canonical(expected));

    const crypto::StaticKeyRing ring = fixtureRing();
    const crypto::SignatureCheck check =
        crypto::verifyJson(expected, QStringLiteral("domain"), ring);
    QCOMPARE(check.status, SignatureStatus::Valid);
    QVERIFY(check.detail.isEmpty());
    // Signing again with the same key replaces the signature by the same bytes (ed25519 is
    // deterministic) and leaves the object unchanged.
    crypto::signJson(signed_, QStringLiteral("domain"), specKey());
    QCOMPARE(canonical(signed_), canonical(expected));
}

void TestJsonSigning::multiSigner_data()
{
    QTest::addColumn<json::Object>("input");
    QTest::addColumn<json::Object>("expected");
    for (const json::Value &c : fixture()["multi_signer_cases"].toArray())
        QTest::newRow(c.toObject()["name"].toString().c_str())
            << c.toObject()["input"].toObject() << c.toObject()["signed"].toObject();
}

void TestJsonSigning::multiSigner()
{
    QFETCH(json::Object, input);
    QFETCH(json::Object, expected);
    const json::Array &signers = fixture()["signers"].toArray();

    // In order, then in reverse: a signature does not cover the others.
    for (bool reverse : {false, true}) {
        json::Object signed_ = input;
        for (size_t i = 0; i < signers.size(); ++i) {
            const json::Object &s = signers[reverse ? signers.size() - 1 - i : i].toObject();
            crypto::signJson(signed_, str(s["entity"]), keyFrom(str(s["seed"]), str(s["key_id"])));
        }
        QCOMPARE(canonical(signed_), canonical(expected));
    }

    const crypto::StaticKeyRing ring = fixtureRing();
    for (const json::Value &s : signers)
        QCOMPARE(crypto::verifyJson(expected, str(s.toObject()["entity"]), ring).status,
                 SignatureStatus::Valid);
    // What was there before signing is kept: `unsigned` as it was, others' signatures too.
    QCOMPARE(canonical(expected["unsigned"]), canonical(input["unsigned"]));
    for (const json::Member &m : input["signatures"].toObject())
        QCOMPARE(canonical(expected["signatures"].toObject()[m.key]), canonical(m.value));
    QCOMPARE(entities(expected).size(),
             qsizetype(signers.size()) + input["signatures"].toObject().size());
    // z.example signed with a key nobody knows.
    if (input["signatures"].toObject().contains("z.example"))
        QCOMPARE(crypto::verifyJson(expected, QStringLiteral("z.example"), ring).status,
                 SignatureStatus::NoKnownKey);
}

void TestJsonSigning::signingBytesLeaveOutSignaturesAndUnsigned()
{
    for (const json::Value &c : fixture()["multi_signer_cases"].toArray()) {
        const json::Object &signed_ = c.toObject()["signed"].toObject();
        json::Object bare = signed_;
        bare.remove("signatures");
        bare.remove("unsigned");
        QCOMPARE(crypto::signingBytes(signed_), json::toCanonical(bare));
        QVERIFY(crypto::signingBytes(signed_).find("\"signatures\"") == std::string::npos);
    }
    // Only the top level: nested `signatures` and `unsigned` are covered.
    const json::Object nested =
        test::parseJson(R"({"a":{"signatures":1,"unsigned":2}})").toObject();
    QCOMPARE(crypto::signingBytes(nested), json::toCanonical(nested));
}

void TestJsonSigning::unsignedAndOtherSignaturesNotCovered()
{
    const crypto::StaticKeyRing ring = fixtureRing();
    for (const json::Value &c : fixture()["multi_signer_cases"].toArray()) {
        json::Object signed_ = c.toObject()["signed"].toObject();
        signed_.insert("unsigned", test::parseJson(R"({"age_ts":1,"anything":[true]})"));
        json::Object *sigs = signed_.find("signatures")->asObject();
        sigs->insert("late.example", test::parseJson(R"({"ed25519:x":"c2ln"})"));
        for (const QString &entity : entities(c.toObject()["signed"].toObject())) {
            if (entity != QStringLiteral("z.example"))
                QCOMPARE(crypto::verifyJson(signed_, entity, ring).status, SignatureStatus::Valid);
        }
        signed_.remove("unsigned");
        QCOMPARE(crypto::verifyJson(signed_, QStringLiteral("a.example"), ring).status,
                 SignatureStatus::Valid);
    }
}

void TestJsonSigning::tamperingBreaksVerification_data()
{
    QTest::addColumn<json::Object>("tampered");
    QTest::addColumn<QStringList>("signers");
    const auto addCases = [](const QString &name, const json::Object &signed_) {
        QStringList signers = entities(signed_);
        signers.removeAll(QStringLiteral("z.example"));
        for (const json::Member &m : signed_) {
            if (m.key == "signatures" || m.key == "unsigned")
                continue;
            json::Object without = signed_;
            without.remove(m.key);
            QTest::addRow("%s: %s removed", qPrintable(name), m.key.c_str()) << without << signers;
            mutations(m.value, json::toQString(m.key),
                      [&](const QString &what, const json::Value &changed) {
                          json::Object copy = signed_;
                          copy.insert(m.key, changed);
                          QTest::addRow("%s: %s", qPrintable(name), qPrintable(what))
                              << copy << signers;
                      });
        }
        json::Object added = signed_;
        added.insert("new_key", json::Value("x"));
        QTest::addRow("%s: member added", qPrintable(name)) << added << signers;
    };
    for (const json::Value &c : fixture()["multi_signer_cases"].toArray())
        addCases(str(c.toObject()["name"]), c.toObject()["signed"].toObject());
    for (const json::Value &c : fixture()["spec_cases"].toArray())
        addCases(str(c.toObject()["name"]), c.toObject()["signed"].toObject());
}

void TestJsonSigning::tamperingBreaksVerification()
{
    QFETCH(json::Object, tampered);
    QFETCH(QStringList, signers);
    const crypto::StaticKeyRing ring = fixtureRing();
    QVERIFY(!signers.isEmpty());
    for (const QString &entity : signers) {
        const crypto::SignatureCheck check = crypto::verifyJson(tampered, entity, ring);
        QCOMPARE(check.status, SignatureStatus::Invalid);
        QVERIFY2(check.detail.contains(entity), qPrintable(check.detail));
    }
}

void TestJsonSigning::signatureStatuses_data()
{
    QTest::addColumn<QByteArray>("signatures"); // %1: the good signature of the object
    QTest::addColumn<SignatureStatus>("status");
    QTest::newRow("good") << QByteArray(R"({"domain":{"ed25519:1":"%1"}})")
                          << SignatureStatus::Valid;
    QTest::newRow("good, padded") << QByteArray(R"({"domain":{"ed25519:1":"%1=="}})")
                                  << SignatureStatus::Valid;
    QTest::newRow("no signatures member") << QByteArray() << SignatureStatus::NotSigned;
    QTest::newRow("signatures not an object") << QByteArray(R"("x")") << SignatureStatus::NotSigned;
    QTest::newRow("empty") << QByteArray("{}") << SignatureStatus::NotSigned;
    QTest::newRow("other entity only")
        << QByteArray(R"({"other":{"ed25519:1":"%1"}})") << SignatureStatus::NotSigned;
    QTest::newRow("entity entry empty")
        << QByteArray(R"({"domain":{}})") << SignatureStatus::NotSigned;
    QTest::newRow("entity entry not an object")
        << QByteArray(R"({"domain":"%1"})") << SignatureStatus::NotSigned;
    QTest::newRow("unknown algorithm")
        << QByteArray(R"({"domain":{"curve25519:1":"%1"}})") << SignatureStatus::NoKnownKey;
    QTest::newRow("no algorithm") << QByteArray(R"({"domain":{"1":"%1"}})")
                                  << SignatureStatus::NoKnownKey;
    QTest::newRow("bad key version")
        << QByteArray(R"({"domain":{"ed25519:1-1":"%1"}})") << SignatureStatus::NoKnownKey;
    QTest::newRow("unknown key ID")
        << QByteArray(R"({"domain":{"ed25519:7":"%1"}})") << SignatureStatus::NoKnownKey;
    QTest::newRow("unknown key ID, bad base64")
        << QByteArray(R"({"domain":{"ed25519:7":"!!"}})") << SignatureStatus::NoKnownKey;
    QTest::newRow("good and unknown algorithm")
        << QByteArray(R"({"domain":{"ed25519:1":"%1","hmac:1":"!!"}})") << SignatureStatus::Valid;
    QTest::newRow("good and unknown key")
        << QByteArray(R"({"domain":{"ed25519:1":"%1","ed25519:9":"AAAA"}})")
        << SignatureStatus::Valid;
    QTest::newRow("bad base64") << QByteArray(R"({"domain":{"ed25519:1":"!%1"}})")
                                << SignatureStatus::Invalid;
    QTest::newRow("impossible base64 length")
        << QByteArray(R"({"domain":{"ed25519:1":"%1A"}})") << SignatureStatus::Invalid;
    QTest::newRow("URL-safe alphabet")
        << QByteArray(R"({"domain":{"ed25519:1":"%2"}})") << SignatureStatus::Invalid;
    QTest::newRow("not a string") << QByteArray(R"({"domain":{"ed25519:1":5}})")
                                  << SignatureStatus::Invalid;
    QTest::newRow("63 bytes") << QByteArray(R"({"domain":{"ed25519:1":"%3"}})")
                              << SignatureStatus::Invalid;
    QTest::newRow("empty string") << QByteArray(R"({"domain":{"ed25519:1":""}})")
                                  << SignatureStatus::Invalid;
    QTest::newRow("signature of something else")
        << QByteArray(R"({"domain":{"ed25519:1":"%4"}})") << SignatureStatus::Invalid;
    QTest::newRow("good, and a known key that fails")
        << QByteArray(R"({"domain":{"ed25519:1":"%1","ed25519:2":"%4"}})")
        << SignatureStatus::Invalid;
    QTest::newRow("good by the second key")
        << QByteArray(R"({"domain":{"ed25519:2":"%5"}})") << SignatureStatus::Valid;
    QTest::newRow("both keys good")
        << QByteArray(R"({"domain":{"ed25519:1":"%1","ed25519:2":"%5"}})")
        << SignatureStatus::Valid;
}

void TestJsonSigning::signatureStatuses()
{
    QFETCH(QByteArray, signatures);
    QFETCH(SignatureStatus, status);
    // The object is the appendix's second example; key 2 is a made-up second key of "domain".
    const json::Object &spec = fixture()["spec_cases"].toArray()[1].toObject();
    const QByteArray good = QByteArray::fromStdString(spec["signed"]
                                                          .toObject()["signatures"]
                                                          .toObject()["domain"]
                                                          .toObject()["ed25519:1"]
                                                          .toString());
    const crypto::SigningKey second = keyFrom(
        str(fixture()["signers"].toArray()[0].toObject()["seed"]), QStringLiteral("ed25519:2"));
    json::Object object = spec["input"].toObject();
    const QByteArray bySecond = base64::encode(second.sign(crypto::signingBytes(object)));
    const QByteArray ofOther = base64::encode(second.sign("something else"));
    QByteArray urlSafe = good;
    urlSafe.replace('+', '-').replace('/', '_');
    QVERIFY(urlSafe != good);
    const QByteArray short63 = base64::encode(base64::decode(good)->left(63));

    QByteArray text = signatures;
    text.replace("%1", good)
        .replace("%2", urlSafe)
        .replace("%3", short63)
        .replace("%4", ofOther)
        .replace("%5", bySecond);
    if (!signatures.isEmpty())
        object.insert("signatures", test::parseJson(text));

    crypto::StaticKeyRing ring = fixtureRing();
    ring.add(QStringLiteral("domain"), second.verifyKey());
    const crypto::SignatureCheck check = crypto::verifyJson(object, QStringLiteral("domain"), ring);
    QCOMPARE(check.status, status);
    QCOMPARE(check.isValid(), status == SignatureStatus::Valid);
    QCOMPARE(check.detail.isEmpty(), status == SignatureStatus::Valid);
    // checkSignatures() on the bytes is what verifyJson() does.
    QCOMPARE(crypto::checkSignatures(crypto::signingBytes(object), object["signatures"],
                                     QStringLiteral("domain"), ring)
                 .status,
             status);
}

void TestJsonSigning::validityTimePassedToKeyRing()
{
    // A key ring that knows the spec key only until t = 1000.
    class ExpiringRing final : public crypto::KeyRing
    {
    public:
        std::optional<crypto::VerifyKey> find(const QString &server, QStringView keyId,
                                              std::optional<qint64> validAtMs) const override
        {
            asked.append(validAtMs);
            if (server != QStringLiteral("domain") || keyId != QStringLiteral("ed25519:1") ||
                (validAtMs && *validAtMs > 1000))
                return std::nullopt;
            return specKey().verifyKey();
        }
        mutable QList<std::optional<qint64>> asked;
    } ring;
    const json::Object &signed_ =
        fixture()["spec_cases"].toArray()[1].toObject()["signed"].toObject();
    QCOMPARE(crypto::verifyJson(signed_, QStringLiteral("domain"), ring).status,
             SignatureStatus::Valid);
    QCOMPARE(crypto::verifyJson(signed_, QStringLiteral("domain"), ring, 1000).status,
             SignatureStatus::Valid);
    QCOMPARE(crypto::verifyJson(signed_, QStringLiteral("domain"), ring, 1001).status,
             SignatureStatus::NoKnownKey);
    QCOMPARE(ring.asked, (QList<std::optional<qint64>>{std::nullopt, 1000, 1001}));
}

void TestJsonSigning::statusNames()
{
    QCOMPARE(crypto::statusName(SignatureStatus::Valid), QStringLiteral("valid"));
    QCOMPARE(crypto::statusName(SignatureStatus::NotSigned), QStringLiteral("not signed"));
    QCOMPARE(crypto::statusName(SignatureStatus::NoKnownKey), QStringLiteral("no known key"));
    QCOMPARE(crypto::statusName(SignatureStatus::Invalid), QStringLiteral("bad signature"));
}

QTEST_GUILESS_MAIN(TestJsonSigning)
#include "tst_jsonsigning.moc"
