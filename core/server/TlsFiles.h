#pragma once
#include "core/base/Result.h"

#include <QSslConfiguration>

namespace trellis::server {

/// The server's TLS configuration from PEM files: a certificate (followed by its chain) and
/// an unencrypted private key (RSA, EC or Ed25519). Fails with a message naming the file.
Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath);

} // namespace trellis::server
