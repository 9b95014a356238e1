#pragma once
#include <cstddef>

namespace trellis::crypto {

/// A fixed-size secret in libsodium's guarded memory: locked out of swap, fenced by guard
/// pages and a canary, read-only once filled, wiped when freed.
class SecretBytes
{
public:
    explicit SecretBytes(std::size_t size);
    ~SecretBytes();
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    bool isValid() const { return m_data != nullptr; }
    std::size_t size() const { return m_size; }
    /// Writable until seal() is called.
    unsigned char *data() { return m_data; }
    const unsigned char *constData() const { return m_data; }
    /// Makes the memory read-only; any later write faults instead of corrupting the key.
    void seal();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace trellis::crypto
