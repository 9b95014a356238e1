#include "core/crypto/SecretBytes.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace trellis::crypto {

SecretBytes::SecretBytes(std::size_t size) : m_size(size)
{
    if (ensureSodium())
        m_data = static_cast<unsigned char *>(sodium_malloc(size));
}

SecretBytes::~SecretBytes()
{
    if (m_data)
        sodium_free(m_data); // makes the pages writable, wipes them, then frees
}

void SecretBytes::seal()
{
    if (m_data)
        sodium_mprotect_readonly(m_data);
}

} // namespace trellis::crypto
