#include "core/crypto/KeyRing.h"

namespace trellis::crypto {

void StaticKeyRing::add(const QString &server, const VerifyKey &key) { m_keys[server].append(key); }

std::optional<VerifyKey> StaticKeyRing::find(const QString &server, QStringView keyId,
                                             std::optional<qint64>) const
{
    const auto it = m_keys.constFind(server);
    if (it == m_keys.constEnd())
        return std::nullopt;
    for (const VerifyKey &key : *it) {
        if (key.keyId() == keyId)
            return key;
    }
    return std::nullopt;
}

} // namespace trellis::crypto
