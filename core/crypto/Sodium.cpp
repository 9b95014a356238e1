#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace trellis::crypto {

bool ensureSodium()
{
    // sodium_init() is itself thread-safe; the static caches its answer.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace trellis::crypto
