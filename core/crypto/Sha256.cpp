#include "core/crypto/Sha256.h"

#include <openssl/evp.h>

#include <memory>

namespace trellis::crypto {
namespace {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where present; libsodium's is portable C
// and several times slower on event-sized inputs. The one-shot SHA256() looks the algorithm
// up on every call, which costs as much as hashing a small event: fetch it once, and keep
// one digest context per thread.
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

struct ContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

} // namespace

Sha256Digest sha256(std::string_view data)
{
    thread_local const std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
    Sha256Digest digest;
    unsigned int length = 0;
    EVP_DigestInit_ex(context.get(), sha256Algorithm(), nullptr);
    EVP_DigestUpdate(context.get(), data.data(), data.size());
    EVP_DigestFinal_ex(context.get(), digest.data(), &length);
    return digest;
}

QByteArray sha256Bytes(QByteArrayView data)
{
    return digestView(sha256(std::string_view(data.data(), size_t(data.size())))).toByteArray();
}

} // namespace trellis::crypto
