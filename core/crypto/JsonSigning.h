#pragma once
#include "core/crypto/KeyRing.h"
#include "core/crypto/SigningKey.h"
#include "core/json/Value.h"

#include <QString>
#include <optional>
#include <string>

// Signing JSON objects and checking their signatures (appendices.md, "Signing JSON").
namespace trellis::crypto {

/// The bytes a signature on `object` covers: its canonical JSON without `signatures` and
/// `unsigned` ("Signing Details").
std::string signingBytes(const json::Object &object);

/// Adds `signatures.<entity>.<key ID>` to `object`, keeping other signatures and `unsigned`.
void signJson(json::Object &object, const QString &entity, const SigningKey &key);

enum class SignatureStatus {
    Valid,      ///< every signature by a known key of the entity verified, and there was one
    NotSigned,  ///< no signature from the entity at all ("Checking for a Signature", step 1)
    NoKnownKey, ///< signatures exist, but none by an ed25519 key we know (steps 2 and 3)
    Invalid,    ///< a signature is malformed or does not verify (steps 4 and 7)
};

struct SignatureCheck
{
    SignatureStatus status = SignatureStatus::NotSigned;
    QString detail; ///< which key failed and how, for people

    bool isValid() const { return status == SignatureStatus::Valid; }
};

/// Checks `entity`'s signatures in the `signatures` value of an object whose signing bytes
/// are `signedBytes`. Signatures by unknown keys or algorithms are skipped; one by a known
/// key that fails makes the whole check fail.
SignatureCheck checkSignatures(std::string_view signedBytes, const json::Value &signatures,
                               const QString &entity, const KeyRing &keys,
                               std::optional<qint64> validAtMs = std::nullopt);

/// checkSignatures() on `object` itself.
SignatureCheck verifyJson(const json::Object &object, const QString &entity, const KeyRing &keys,
                          std::optional<qint64> validAtMs = std::nullopt);

/// "valid", "not signed", ... for messages and JSON verdicts.
QString statusName(SignatureStatus status);

} // namespace trellis::crypto
