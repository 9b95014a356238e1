#pragma once
#include "core/base/Result.h"
#include "core/crypto/SigningKey.h"

#include <QList>

// The signing-key file format Matrix servers share (Synapse's and others' `*.signing.key`):
// one key per line, "ed25519 <version> <unpadded base64 seed>".
namespace trellis::crypto::keyfile {

/// Every key in `text`; blank lines are skipped, anything else malformed is an error naming
/// the line. An empty file is an error too.
Result<QList<SigningKey>> parse(QByteArrayView text);

/// One line, with its newline.
QByteArray format(const SigningKey &key);

/// Reads and parses a key file (at most 64 KiB).
Result<QList<SigningKey>> load(const QString &path);

/// Writes `key` to `path` atomically (temporary file, fsync, rename) with mode 0600, so the
/// secret is never readable by others, not even for a moment.
Result<void> save(const QString &path, const SigningKey &key);

} // namespace trellis::crypto::keyfile
