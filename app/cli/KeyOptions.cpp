#include "app/cli/KeyOptions.h"

#include "core/crypto/KeyFile.h"

namespace trellis::cli {

void addSigningOptions(CommandLine &commandLine, const QString &serverHelp)
{
    commandLine.addOption({QStringLiteral("server"), serverHelp, QStringLiteral("NAME")});
    commandLine.addOption({QStringLiteral("key"),
                           QStringLiteral("Signing key file ('ed25519 <version> <seed>' lines; "
                                          "the first key signs)."),
                           QStringLiteral("KEYFILE")});
}

std::optional<crypto::SigningKey> signingKeyFromOptions(const CommandLine &commandLine)
{
    if (!commandLine.isSet(QStringLiteral("server")) || !commandLine.isSet(QStringLiteral("key"))) {
        usageError(QStringLiteral("--server and --key are required"));
        return std::nullopt;
    }
    auto keys = crypto::keyfile::load(commandLine.value(QStringLiteral("key")));
    if (!keys) {
        inputError(keys.error());
        return std::nullopt;
    }
    return keys->first();
}

void addVerifyOptions(CommandLine &commandLine)
{
    commandLine.addOption({QStringLiteral("server"),
                           QStringLiteral("Server (or other entity) whose signature to check."),
                           QStringLiteral("NAME")});
    commandLine.addOption({QStringLiteral("key-id"),
                           QStringLiteral("Key ID of the public key, e.g. ed25519:1."),
                           QStringLiteral("ID")});
    commandLine.addOption({QStringLiteral("public-key"),
                           QStringLiteral("The ed25519 public key in unpadded base64."),
                           QStringLiteral("B64")});
}

std::optional<crypto::StaticKeyRing> keyRingFromOptions(const CommandLine &commandLine)
{
    const QStringList servers = commandLine.values(QStringLiteral("server"));
    const QStringList keyIds = commandLine.values(QStringLiteral("key-id"));
    const QStringList publicKeys = commandLine.values(QStringLiteral("public-key"));
    if (servers.isEmpty() || keyIds.isEmpty() || keyIds.size() != publicKeys.size()
        || (servers.size() != 1 && servers.size() != keyIds.size())) {
        usageError(QStringLiteral("give --server, --key-id and --public-key (repeat --key-id "
                                  "and --public-key together; repeat --server once per key "
                                  "or give it once)"));
        return std::nullopt;
    }
    crypto::StaticKeyRing ring;
    for (qsizetype i = 0; i < keyIds.size(); ++i) {
        auto key = crypto::VerifyKey::fromBase64(keyIds[i], publicKeys[i].toLatin1());
        if (!key) {
            inputError(key.error());
            return std::nullopt;
        }
        ring.add(servers.size() == 1 ? servers.first() : servers[i], *key);
    }
    return ring;
}

} // namespace trellis::cli
