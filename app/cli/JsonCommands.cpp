#include "app/cli/JsonCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeyOptions.h"
#include "core/crypto/JsonSigning.h"
#include "core/json/QtStrings.h"

namespace trellis::cli {
namespace {

const QString kFileHelp = QStringLiteral("JSON input; '-' or nothing reads stdin.");

} // namespace

int jsonCanonical(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("json canonical"),
                   QStringLiteral("Print the canonical JSON form of the input (appendices, "
                                  "\"Canonical JSON\"). Numbers must be integers in "
                                  "[-(2^53)+1, 2^53-1]; with --room-version 1-5 any number is "
                                  "accepted, with 6-12 only integer literals."));
    cl.addRoomVersionOption(false);
    cl.addPositional(QStringLiteral("FILE"), kFileHelp, QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const auto numbers = cl.roomVersion() ? cl.roomVersion()->numbers : json::NumberPolicy::Canonical;
    const auto bytes = readInput(cl.positional());
    if (!bytes)
        return UsageError;
    json::ReadOptions options;
    options.numbers = numbers;
    options.maxBytes = bytes->size();
    auto value = json::parse(std::string_view(bytes->constData(), size_t(bytes->size())), options);
    if (!value)
        return inputError(value.error());
    writeJson(*value, false);
    return Success;
}

int jsonSign(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("json sign"),
                   QStringLiteral("Sign a JSON object (appendices, \"Signing Details\"): adds "
                                  "signatures.NAME.<key ID>, keeping other signatures and "
                                  "'unsigned'."));
    addSigningOptions(cl, QStringLiteral("The signing entity (usually a server name)."));
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"), kFileHelp, QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const auto key = signingKeyFromOptions(cl);
    if (!key)
        return UsageError;
    auto object = readObject(cl.positional(), json::NumberPolicy::Canonical);
    if (!object)
        return UsageError;
    crypto::signJson(*object, cl.value(QStringLiteral("server")), *key);
    writeJson(std::move(*object), cl.pretty());
    return Success;
}

int jsonVerify(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("json verify"),
                   QStringLiteral("Check NAME's signature on a JSON object (appendices, "
                                  "\"Checking for a Signature\"). Prints {\"valid\": ...}; exit "
                                  "status 0 when valid, 1 when not."));
    addVerifyOptions(cl);
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"), kFileHelp, QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const auto ring = keyRingFromOptions(cl);
    if (!ring)
        return UsageError;
    if (cl.values(QStringLiteral("server")).size() != 1)
        return usageError(QStringLiteral("json verify checks one --server"));
    const auto object = readObject(cl.positional(), json::NumberPolicy::Canonical);
    if (!object)
        return UsageError;
    const QString server = cl.value(QStringLiteral("server"));
    const crypto::SignatureCheck check = crypto::verifyJson(*object, server, *ring);
    json::Object verdict;
    verdict.insert("valid", check.isValid());
    if (!check.isValid()) {
        verdict.insert("status", json::toUtf8(crypto::statusName(check.status)));
        verdict.insert("detail", json::toUtf8(check.detail));
    }
    writeJson(std::move(verdict), cl.pretty());
    return check.isValid() ? Success : NegativeVerdict;
}

} // namespace trellis::cli
