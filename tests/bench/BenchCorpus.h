#pragma once
#include "core/crypto/KeyRing.h"
#include "core/crypto/SigningKey.h"
#include "core/events/RoomVersion.h"

#include <QList>
#include <string>

namespace trellis::bench {

/// Signed PDUs as they would arrive over federation: a realistic mix of messages, membership
/// and other state events of 500-2,000 bytes in canonical JSON, deterministic for a seed.
struct PduCorpus
{
    const events::RoomVersion *version = nullptr;
    crypto::SigningKey key;
    crypto::StaticKeyRing keys;
    QList<std::string> wire; ///< the events' bytes

    static PduCorpus generate(int count, const events::RoomVersion &version, quint32 seed);
    qsizetype totalBytes() const;
};

} // namespace trellis::bench
