#include "app/cli/KeyCommands.h"

#include "app/cli/CliSupport.h"
#include "core/crypto/KeyFile.h"
#include "core/crypto/KeyId.h"
#include "core/json/QtStrings.h"

#include <cstdio>

namespace trellis::cli {

int keyGenerate(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("key generate"),
                   QStringLiteral("Generate an ed25519 signing key and print it as a key-file "
                                  "line: 'ed25519 <version> <unpadded base64 seed>'. Keep it "
                                  "secret (e.g. redirect to a file with mode 0600)."));
    cl.addOption({QStringLiteral("version"),
                  QStringLiteral("Key version ([a-zA-Z0-9_]); default a_ and four random "
                                 "characters."),
                  QStringLiteral("V")});
    if (auto stop = cl.parse(arguments, 0, 0))
        return *stop;
    const QString version = cl.isSet(QStringLiteral("version")) ? cl.value(QStringLiteral("version"))
                                                                : crypto::randomKeyVersion();
    auto key = crypto::SigningKey::generate(version);
    if (!key)
        return inputError(key.error());
    const QByteArray line = crypto::keyfile::format(*key);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    return Success;
}

int keyPublic(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("key public"),
                   QStringLiteral("Print the public keys of a signing-key file in the shape of "
                                  "the key API's verify_keys: {\"ed25519:V\": {\"key\": B64}}."));
    cl.addOption({QStringLiteral("base64"),
                  QStringLiteral("Print only the first key's public key in unpadded base64.")});
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("KEYFILE"), QStringLiteral("Signing-key file."),
                     QStringLiteral("KEYFILE"));
    if (auto stop = cl.parse(arguments, 1, 1))
        return *stop;
    auto keys = crypto::keyfile::load(cl.positional().first());
    if (!keys)
        return inputError(keys.error());
    if (cl.isSet(QStringLiteral("base64"))) {
        writeLine(QString::fromLatin1(keys->first().verifyKey().publicKeyBase64()));
        return Success;
    }
    json::Object verifyKeys;
    for (const crypto::SigningKey &key : std::as_const(*keys)) {
        json::Object entry;
        entry.insert("key", key.verifyKey().publicKeyBase64().toStdString());
        verifyKeys.insert(json::toUtf8(key.keyId()), std::move(entry));
    }
    writeJson(std::move(verifyKeys), cl.pretty());
    return Success;
}

} // namespace trellis::cli
