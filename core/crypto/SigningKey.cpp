#include "core/crypto/SigningKey.h"

#include "core/crypto/KeyId.h"
#include "core/crypto/SecretBytes.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace trellis::crypto {

static_assert(crypto_sign_SEEDBYTES == SigningKey::kSeedBytes);
static_assert(crypto_sign_BYTES == SigningKey::kSignatureBytes);
static_assert(crypto_sign_PUBLICKEYBYTES == VerifyKey::kPublicKeyBytes);

Result<SigningKey> SigningKey::generate(const QString &version)
{
    if (!ensureSodium())
        return Error::crypto(QStringLiteral("libsodium could not be initialised"));
    SecretBytes seed(crypto_sign_SEEDBYTES);
    if (!seed.isValid())
        return Error::crypto(QStringLiteral("could not allocate guarded memory for a key"));
    randombytes_buf(seed.data(), seed.size());
    return fromSeed(QByteArrayView(reinterpret_cast<const char *>(seed.constData()),
                                   qsizetype(seed.size())),
                    version);
}

Result<SigningKey> SigningKey::fromSeed(QByteArrayView seed, const QString &version)
{
    if (!isValidKeyVersion(version))
        return Error::invalidParam(
            QStringLiteral("key version '%1' may only use [a-zA-Z0-9_]").arg(version));
    if (seed.size() != kSeedBytes)
        return Error::invalidParam(
            QStringLiteral("an ed25519 seed has 32 bytes, not %1").arg(seed.size()));
    if (!ensureSodium())
        return Error::crypto(QStringLiteral("libsodium could not be initialised"));

    auto secret = std::make_shared<SecretBytes>(crypto_sign_SECRETKEYBYTES);
    if (!secret->isValid())
        return Error::crypto(QStringLiteral("could not allocate guarded memory for a key"));
    SigningKey key;
    key.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                             secret->data(),
                             reinterpret_cast<const unsigned char *>(seed.data()));
    secret->seal();
    key.m_secret = std::move(secret);
    key.m_version = version;
    return key;
}

QString SigningKey::keyId() const { return ed25519KeyId(m_version); }

VerifyKey SigningKey::verifyKey() const
{
    auto key = VerifyKey::fromBytes(keyId(), m_publicKey);
    return key ? *key : VerifyKey();
}

QByteArray SigningKey::sign(std::string_view message) const
{
    if (!m_secret)
        return {};
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()), message.size(),
                         m_secret->constData());
    return signature;
}

QByteArray SigningKey::exportSeed() const
{
    if (!m_secret)
        return {};
    // libsodium's secret key starts with the seed.
    return QByteArray(reinterpret_cast<const char *>(m_secret->constData()), crypto_sign_SEEDBYTES);
}

} // namespace trellis::crypto
