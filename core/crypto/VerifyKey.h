#pragma once
#include "core/base/Result.h"

#include <QByteArray>
#include <QString>
#include <string_view>

namespace trellis::crypto {

/// An ed25519 public key and its key ID, for checking signatures.
class VerifyKey
{
public:
    static constexpr qsizetype kPublicKeyBytes = 32;

    VerifyKey() = default;
    /// `keyId` must be "ed25519:<version>"; `publicKey` the raw 32 bytes.
    static Result<VerifyKey> fromBytes(const QString &keyId, QByteArrayView publicKey);
    /// The same, with the key in unpadded (or padded) standard base64, as key files and
    /// `/_matrix/key/v2/server` carry it.
    static Result<VerifyKey> fromBase64(const QString &keyId, QByteArrayView publicKeyBase64);

    bool isNull() const { return m_publicKey.isEmpty(); }
    const QString &keyId() const { return m_keyId; }
    const QByteArray &publicKey() const { return m_publicKey; }
    QByteArray publicKeyBase64() const;

    /// Whether `signature` (64 raw bytes) is a valid signature of `message` by this key.
    bool verify(std::string_view message, QByteArrayView signature) const;

private:
    QString m_keyId;
    QByteArray m_publicKey;
};

} // namespace trellis::crypto
