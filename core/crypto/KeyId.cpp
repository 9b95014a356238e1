#include "core/crypto/KeyId.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace trellis::crypto {

bool isValidKeyVersion(QStringView version)
{
    if (version.isEmpty())
        return false;
    for (QChar qc : version) {
        const char16_t c = qc.unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                        || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QString randomKeyVersion()
{
    static constexpr char kAlphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    ensureSodium();
    QString version = QStringLiteral("a_");
    for (int i = 0; i < 4; ++i)
        version.append(QLatin1Char(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]));
    return version;
}

QString ed25519KeyId(const QString &version)
{
    return QStringView(kEd25519) + QLatin1Char(':') + version;
}

Result<QString> ed25519KeyVersion(QStringView keyId)
{
    const QStringView prefix(kEd25519);
    if (!keyId.startsWith(prefix) || keyId.size() <= prefix.size() || keyId[prefix.size()] != u':')
        return Error::invalidParam(
            QStringLiteral("key ID '%1' is not of the form ed25519:<version>").arg(keyId));
    const QStringView version = keyId.mid(prefix.size() + 1);
    if (!isValidKeyVersion(version))
        return Error::invalidParam(
            QStringLiteral("key ID '%1': a version may only use [a-zA-Z0-9_]").arg(keyId));
    return version.toString();
}

} // namespace trellis::crypto
