#pragma once
#include "core/base/Result.h"

#include <QByteArray>
#include <QString>

// Password hashing for the owner's account: argon2id through libsodium (crypto_pwhash_str),
// so a stolen database does not give the password away.
namespace trellis::crypto {

/// The encoded hash ("$argon2id$v=19$m=...,t=...,p=...$salt$hash") of `password`, with
/// libsodium's interactive limits (fast enough for a login, costly for guessing).
Result<QByteArray> hashPassword(const QString &password);

/// Whether `password` matches `encodedHash`. Takes constant time with respect to the
/// password; false for a malformed hash.
bool verifyPassword(const QString &password, const QByteArray &encodedHash);

} // namespace trellis::crypto
