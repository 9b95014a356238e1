#include "core/services/CrossSigningKeys.h"

#include "core/crypto/JsonSigning.h"
#include "core/crypto/VerifyKey.h"
#include "core/json/Base64.h"
#include "core/json/Fields.h"
#include "core/json/QtStrings.h"

namespace trellis::services::crosssigning {

namespace {

constexpr qsizetype kEd25519KeyBytes = 32;

/// The 32 raw bytes of an unpadded base64 ed25519 public key.
std::optional<QByteArray> decodePublicKey(const QString &base64)
{
    const QByteArray text = base64.toLatin1();
    auto raw = base64::decode(text);
    // Padded input is refused: the key ID names the unpadded form (appendices "Unpadded Base64").
    if (!raw || raw->size() != kEd25519KeyBytes || text.contains('='))
        return std::nullopt;
    return raw;
}

Result<ParsedKey> parsePublicKey(const json::Object &keys, ParsedKey parsed)
{
    if (keys.size() != 1)
        return Error::invalidParam(QStringLiteral("keys must hold exactly one public key"));
    const json::Member &only = *keys.begin();
    const QString keyId = json::toQString(only.key);
    if (!keyId.startsWith(QStringLiteral("ed25519:")))
        return Error::invalidParam(QStringLiteral("cross-signing keys are ed25519 keys"));
    if (!only.value.isString())
        return Error::badJson(QStringLiteral("keys: the public key must be a string"));
    const QString value = json::toQString(only.value.toString());
    if (keyId.mid(8) != value)
        return Error::invalidParam(QStringLiteral("the key ID must name the public key itself"));
    auto raw = decodePublicKey(value);
    if (!raw)
        return Error::invalidParam(
            QStringLiteral("the public key is not 32 bytes of unpadded base64"));
    parsed.publicKeyBase64 = value;
    parsed.publicKey = *raw;
    return parsed;
}

} // namespace

QString usageName(Usage usage)
{
    switch (usage) {
    case Usage::Master:
        return QStringLiteral("master");
    case Usage::SelfSigning:
        return QStringLiteral("self_signing");
    case Usage::UserSigning:
        return QStringLiteral("user_signing");
    }
    return {};
}

Error invalidSignature(QString message)
{
    return Error{ErrorCode::InvalidSignature, std::move(message), {}};
}

Result<ParsedKey> parseKey(const json::Object &object, Usage expected, const QString &ownerUserId)
{
    auto userId = json::requiredString(object, "user_id");
    if (!userId)
        return userId.error();
    if (*userId != ownerUserId)
        return Error::invalidParam(QStringLiteral("user_id must be %1").arg(ownerUserId));
    auto usage = json::optionalStringList(object, "usage");
    if (!usage)
        return usage.error();
    if (!*usage)
        return Error::missingParam(QStringLiteral("usage is required"));
    if (!(*usage)->contains(usageName(expected)))
        return Error::invalidParam(QStringLiteral("usage must name %1").arg(usageName(expected)));
    auto keys = json::requiredObject(object, "keys");
    if (!keys)
        return keys.error();
    if (const json::Value *signatures = object.find("signatures");
        signatures && !signatures->isObject())
        return Error::badJson(QStringLiteral("signatures must be an object"));
    ParsedKey parsed;
    parsed.usage = expected;
    parsed.userId = *userId;
    parsed.object = object;
    return parsePublicKey(*keys, std::move(parsed));
}

QString signatureOf(const json::Object &object, const QString &signerUserId, const QString &keyId)
{
    const json::Value &bySigner = object["signatures"].toObject()[json::toUtf8(signerUserId)];
    const json::Value &signature = bySigner.toObject()[json::toUtf8(keyId)];
    return signature.isString() ? json::toQString(signature.toString()) : QString();
}

Result<void> checkSignedBy(const json::Object &object, const QString &signerUserId,
                           const QString &keyId, QByteArrayView publicKey)
{
    const QString signature = signatureOf(object, signerUserId, keyId);
    if (signature.isEmpty())
        return invalidSignature(QStringLiteral("no signature by %1").arg(keyId.left(100)));
    const auto raw = base64::decode(signature.toLatin1());
    // VerifyKey wants a key ID of its own grammar; only the raw key matters for verify().
    auto key = crypto::VerifyKey::fromBytes(QStringLiteral("ed25519:cross_signing"), publicKey);
    if (!raw || !key || !key->verify(crypto::signingBytes(object), *raw))
        return invalidSignature(
            QStringLiteral("the signature by %1 does not verify").arg(keyId.left(100)));
    return {};
}

bool sameSignedContent(const json::Object &a, const json::Object &b)
{
    return crypto::signingBytes(a) == crypto::signingBytes(b);
}

std::optional<QByteArray> deviceSigningKey(const json::Object &deviceKeys, const QString &deviceId)
{
    const json::Value &key =
        deviceKeys["keys"].toObject()[json::toUtf8(QStringLiteral("ed25519:") + deviceId)];
    if (!key.isString())
        return std::nullopt;
    return decodePublicKey(json::toQString(key.toString()));
}

void addSignature(json::Object &object, const QString &signerUserId, const QString &keyId,
                  const QString &signature)
{
    json::Value *signatures = object.find("signatures");
    if (!signatures || !signatures->isObject())
        signatures = &object.insert("signatures", json::Object());
    const std::string signer = json::toUtf8(signerUserId);
    json::Value *bySigner = signatures->asObject()->find(signer);
    if (!bySigner || !bySigner->isObject())
        bySigner = &signatures->asObject()->insert(signer, json::Object());
    bySigner->asObject()->insert(json::toUtf8(keyId), json::Value(json::toUtf8(signature)));
}

} // namespace trellis::services::crosssigning
