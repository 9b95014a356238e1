#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"

#include <QString>

namespace trellis::server {

/// Writes a new self-signed certificate for `serverName` (an EC P-256 key; the name as subject
/// and as its DNS or IP subject alternative name; valid for a year) and its private key as PEM
/// files, the key with mode 0600. For local experiments only: other servers and clients do not
/// trust it (server-server-api "Server discovery" wants a certificate from a trusted CA).
Result<void> writeSelfSignedCertificate(const ServerName &serverName, const QString &certificatePath,
                                        const QString &keyPath);

} // namespace trellis::server
