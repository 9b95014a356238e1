#pragma once
#include "core/base/Result.h"

#include <QString>

namespace trellis::crypto {

/// The signing algorithm Matrix uses (appendices.md, "Signing Details").
inline constexpr char16_t kEd25519[] = u"ed25519";

/// A key version may only use `[a-zA-Z0-9_]` (server-server keys.yaml, "verify_keys").
bool isValidKeyVersion(QStringView version);

/// A fresh version for a new key: "a_" and four random letters or digits, the shape other
/// servers' tools also use.
QString randomKeyVersion();

/// "ed25519:<version>".
QString ed25519KeyId(const QString &version);

/// The version of an "ed25519:<version>" key ID; an error for other algorithms or a bad
/// version.
Result<QString> ed25519KeyVersion(QStringView keyId);

} // namespace trellis::crypto
