#pragma once
#include "core/base/Result.h"
#include "core/crypto/VerifyKey.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <string_view>

namespace trellis::crypto {

class SecretBytes;

/// An ed25519 signing key with its version ("ed25519:<version>" is its key ID). The secret
/// lives in guarded memory (SecretBytes) shared by copies of this object.
class SigningKey
{
public:
    static constexpr qsizetype kSeedBytes = 32;
    static constexpr qsizetype kSignatureBytes = 64;

    SigningKey() = default;
    static Result<SigningKey> generate(const QString &version);
    static Result<SigningKey> fromSeed(QByteArrayView seed, const QString &version);

    bool isNull() const { return !m_secret; }
    const QString &version() const { return m_version; }
    QString keyId() const;
    /// The 32-byte public key.
    const QByteArray &publicKey() const { return m_publicKey; }
    VerifyKey verifyKey() const;

    /// The 64-byte detached signature of `message`.
    QByteArray sign(std::string_view message) const;

    /// The 32-byte seed, for writing a key file or the keychain; handle with care.
    QByteArray exportSeed() const;

private:
    std::shared_ptr<SecretBytes> m_secret; // libsodium's 64-byte secret key: seed || public
    QByteArray m_publicKey;
    QString m_version;
};

} // namespace trellis::crypto
