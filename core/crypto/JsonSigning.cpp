#include "core/crypto/JsonSigning.h"

#include "core/crypto/KeyId.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

namespace trellis::crypto {

namespace {
constexpr std::string_view kSignaturesKey = "signatures";
constexpr std::string_view kUnsignedKey = "unsigned";
} // namespace

std::string signingBytes(const json::Object &object)
{
    std::string bytes;
    json::writeCanonicalWithout(object, {kSignaturesKey, kUnsignedKey}, bytes);
    return bytes;
}

void signJson(json::Object &object, const QString &entity, const SigningKey &key)
{
    const QByteArray signature = base64::encode(key.sign(signingBytes(object)));
    json::Value *signatures = object.find(kSignaturesKey);
    if (!signatures || !signatures->isObject())
        signatures = &object.insert(kSignaturesKey, json::Object());
    json::Object &byEntity = *signatures->asObject();
    const std::string entityKey = json::toUtf8(entity);
    json::Value *mine = byEntity.find(entityKey);
    if (!mine || !mine->isObject())
        mine = &byEntity.insert(entityKey, json::Object());
    mine->asObject()->insert(json::toUtf8(key.keyId()), json::Value(signature.toStdString()));
}

SignatureCheck checkSignatures(std::string_view signedBytes, const json::Value &signatures,
                               const QString &entity, const KeyRing &keys,
                               std::optional<qint64> validAtMs)
{
    const json::Value *byEntity = signatures.toObject().find(json::toUtf8(entity));
    if (!byEntity || !byEntity->isObject() || byEntity->toObject().isEmpty())
        return {SignatureStatus::NotSigned, QStringLiteral("no signature from %1").arg(entity)};

    int verified = 0;
    for (const json::Member &signature : byEntity->toObject()) {
        const QString keyId = json::toQString(signature.key);
        if (!ed25519KeyVersion(keyId))
            continue; // an algorithm we do not understand (step 2)
        const std::optional<VerifyKey> key = keys.find(entity, keyId, validAtMs);
        if (!key)
            continue; // unknown or expired key: skipped
        const std::string *encoded = signature.value.asString();
        const std::optional<QByteArray> raw =
            encoded ? base64::decode(QByteArrayView(encoded->data(), qsizetype(encoded->size())))
                    : std::nullopt;
        if (!raw)
            return {SignatureStatus::Invalid,
                    QStringLiteral("signature %1 of %2 is not valid base64").arg(keyId, entity)};
        if (!key->verify(signedBytes, *raw))
            return {SignatureStatus::Invalid,
                    QStringLiteral("signature %1 of %2 does not verify").arg(keyId, entity)};
        ++verified;
    }
    if (verified == 0)
        return {SignatureStatus::NoKnownKey,
                QStringLiteral("no signature of %1 by a known ed25519 key").arg(entity)};
    return {SignatureStatus::Valid, {}};
}

SignatureCheck verifyJson(const json::Object &object, const QString &entity, const KeyRing &keys,
                          std::optional<qint64> validAtMs)
{
    return checkSignatures(signingBytes(object), object[kSignaturesKey], entity, keys,
                           validAtMs);
}

QString statusName(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Valid:
        return QStringLiteral("valid");
    case SignatureStatus::NotSigned:
        return QStringLiteral("not signed");
    case SignatureStatus::NoKnownKey:
        return QStringLiteral("no known key");
    case SignatureStatus::Invalid:
        return QStringLiteral("bad signature");
    }
    return {};
}

} // namespace trellis::crypto
