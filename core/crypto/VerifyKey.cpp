#include "core/crypto/VerifyKey.h"

#include "core/crypto/KeyId.h"
#include "core/crypto/Sodium.h"
#include "core/json/Base64.h"

#include <sodium.h>

namespace trellis::crypto {

Result<VerifyKey> VerifyKey::fromBytes(const QString &keyId, QByteArrayView publicKey)
{
    auto version = ed25519KeyVersion(keyId);
    if (!version)
        return version.error();
    if (publicKey.size() != kPublicKeyBytes)
        return Error::invalidParam(QStringLiteral("an ed25519 public key has 32 bytes, not %1")
                                       .arg(publicKey.size()));
    VerifyKey key;
    key.m_keyId = keyId;
    key.m_publicKey = publicKey.toByteArray();
    return key;
}

Result<VerifyKey> VerifyKey::fromBase64(const QString &keyId, QByteArrayView publicKeyBase64)
{
    const auto bytes = base64::decode(publicKeyBase64);
    if (!bytes)
        return Error::invalidParam(QStringLiteral("the public key is not valid base64"));
    return fromBytes(keyId, *bytes);
}

QByteArray VerifyKey::publicKeyBase64() const { return base64::encode(m_publicKey); }

bool VerifyKey::verify(std::string_view message, QByteArrayView signature) const
{
    if (!ensureSodium() || signature.size() != crypto_sign_BYTES
        || m_publicKey.size() != kPublicKeyBytes)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.data()),
               reinterpret_cast<const unsigned char *>(message.data()), message.size(),
               reinterpret_cast<const unsigned char *>(m_publicKey.constData()))
           == 0;
}

} // namespace trellis::crypto
