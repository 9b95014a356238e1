#pragma once
#include "app/cli/CliSupport.h"
#include "core/crypto/KeyRing.h"
#include "core/crypto/SigningKey.h"

// Options that name keys: --key KEYFILE for signing, and --server/--key-id/--public-key for
// verifying.
namespace trellis::cli {

/// Adds --server NAME and --key KEYFILE.
void addSigningOptions(CommandLine &commandLine, const QString &serverHelp);
/// The first key of the --key file; prints the error and returns nullopt on failure.
std::optional<crypto::SigningKey> signingKeyFromOptions(const CommandLine &commandLine);

/// Adds --server NAME, --key-id ed25519:V and --public-key B64, each repeatable: the n-th
/// key ID and public key belong to the n-th server (or to the only one).
void addVerifyOptions(CommandLine &commandLine);
/// The keys given; prints the error and returns nullopt on failure.
std::optional<crypto::StaticKeyRing> keyRingFromOptions(const CommandLine &commandLine);

} // namespace trellis::cli
