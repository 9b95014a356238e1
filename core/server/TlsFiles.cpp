#include "core/server/TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace trellis::server {

namespace {

Result<QByteArray> readFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read the TLS %1 %2").arg(QLatin1String(what), path),
                         file.errorString());
    // PEM files are small; a huge one is a mistake (or a device), not a certificate.
    QByteArray bytes = file.read(1024 * 1024);
    return bytes;
}

QSslKey parseKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath)
{
    auto certificateBytes = readFile(certificatePath, "certificate");
    if (!certificateBytes)
        return certificateBytes.error();
    auto keyBytes = readFile(keyPath, "key");
    if (!keyBytes)
        return keyBytes.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateBytes, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error::invalidParam(QStringLiteral("%1 holds no PEM certificate").arg(certificatePath));
    const QSslKey key = parseKey(*keyBytes);
    if (key.isNull())
        return Error::invalidParam(
            QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyPath));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace trellis::server
