#include "core/crypto/Sha256.h"

#include <openssl/sha.h>

namespace trellis::crypto {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where present; libsodium's is portable C
// and several times slower on event-sized inputs (see the kernel bench).
Sha256Digest sha256(std::string_view data)
{
    Sha256Digest digest;
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest.data());
    return digest;
}

QByteArray sha256Bytes(QByteArrayView data)
{
    return digestView(sha256(std::string_view(data.data(), size_t(data.size())))).toByteArray();
}

} // namespace trellis::crypto
