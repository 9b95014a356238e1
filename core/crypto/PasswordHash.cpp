#include "core/crypto/PasswordHash.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace trellis::crypto {

Result<QByteArray> hashPassword(const QString &password)
{
    if (!ensureSodium())
        return Error::crypto(QStringLiteral("libsodium could not be initialised"));
    QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    const int failed = crypto_pwhash_str(encoded, utf8.constData(), quint64(utf8.size()),
                                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    if (failed)
        return Error::crypto(QStringLiteral("out of memory while hashing a password"));
    return QByteArray(encoded);
}

bool verifyPassword(const QString &password, const QByteArray &encodedHash)
{
    if (!ensureSodium() || encodedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(encodedHash.constData(), utf8.constData(),
                                             quint64(utf8.size()))
                    == 0;
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    return ok;
}

} // namespace trellis::crypto
