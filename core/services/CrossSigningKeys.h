#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Validation of cross-signing keys and of the signatures made with them (client-server-api
// "Cross-signing"; cross_signing.yaml, definitions/cross_signing_key.yaml). Pure functions
// over untrusted JSON: the endpoints decide what to store.
namespace trellis::services::crosssigning {

enum class Usage { Master, SelfSigning, UserSigning };

/// "master", "self_signing", "user_signing".
QString usageName(Usage usage);

/// M_INVALID_SIGNATURE (400) with `message`.
Error invalidSignature(QString message);

/// A cross-signing key that passed parseKey().
struct ParsedKey
{
    Usage usage = Usage::Master;
    QString userId;
    QString publicKeyBase64; ///< unpadded, as in the key ID "ed25519:<publicKeyBase64>"
    QByteArray publicKey;    ///< 32 raw bytes
    json::Object object;     ///< the key as uploaded

    QString keyId() const { return QStringLiteral("ed25519:") + publicKeyBase64; }
};

/// Checks a CrossSigningKey: `user_id` is `ownerUserId` (M_INVALID_PARAM otherwise),
/// `usage` is a list of strings naming `expected` (M_INVALID_PARAM), `keys` holds exactly one
/// "ed25519:<key>" whose value is that same unpadded base64 of 32 bytes (M_INVALID_PARAM);
/// values of the wrong JSON type are M_BAD_JSON, missing members M_MISSING_PARAM.
Result<ParsedKey> parseKey(const json::Object &object, Usage expected, const QString &ownerUserId);

/// Whether `object` carries `signerUserId`'s signature by the ed25519 key `keyId` with the
/// raw public key `publicKey` that verifies over its signing bytes (appendices "Signing
/// JSON"). A missing, malformed or failing signature is M_INVALID_SIGNATURE.
Result<void> checkSignedBy(const json::Object &object, const QString &signerUserId,
                           const QString &keyId, QByteArrayView publicKey);

/// The unpadded base64 signature string `object` carries at signatures.<user>.<keyId>, or
/// an empty string.
QString signatureOf(const json::Object &object, const QString &signerUserId, const QString &keyId);

/// Whether two key objects are the same key apart from their `signatures` and `unsigned`
/// (keys.yaml: a signed object uploaded to /keys/signatures/upload must match the stored key).
bool sameSignedContent(const json::Object &a, const json::Object &b);

/// The raw ed25519 public key a device published in its device keys ("ed25519:<device>").
std::optional<QByteArray> deviceSigningKey(const json::Object &deviceKeys, const QString &deviceId);

/// Adds signatures.<signer>.<keyId> = signature to `object` (keeping the others).
void addSignature(json::Object &object, const QString &signerUserId, const QString &keyId,
                  const QString &signature);

} // namespace trellis::services::crosssigning
