#pragma once
#include "core/crypto/VerifyKey.h"

#include <QHash>
#include <QList>
#include <optional>

namespace trellis::crypto {

/// Where signature checks find servers' public keys. The federation layer implements it over
/// its key store and fetcher; tools and tests use StaticKeyRing.
class KeyRing
{
public:
    virtual ~KeyRing() = default;

    /// The key `keyId` of `server` if it is known and, when `validAtMs` is set, was valid at
    /// that time (Unix ms; rooms/v5 "Signing key validity period"). Unknown keys are skipped
    /// by signature checks, so absence is not an error.
    virtual std::optional<VerifyKey> find(const QString &server, QStringView keyId,
                                          std::optional<qint64> validAtMs) const = 0;
};

/// A fixed set of keys that never expire.
class StaticKeyRing final : public KeyRing
{
public:
    void add(const QString &server, const VerifyKey &key);
    std::optional<VerifyKey> find(const QString &server, QStringView keyId,
                                  std::optional<qint64> validAtMs) const override;

private:
    QHash<QString, QList<VerifyKey>> m_keys;
};

} // namespace trellis::crypto
