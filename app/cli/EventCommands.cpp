#include "app/cli/EventCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeyOptions.h"
#include "core/base/ServerName.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/events/Redaction.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"

namespace trellis::cli {
namespace {

// The shared shape of the event subcommands: --room-version V (required) and [FILE] holding
// one event. Parses the command line; returns an exit code if the command must stop.
std::optional<int> parseEventCommandLine(CommandLine &cl, const QStringList &arguments)
{
    cl.addRoomVersionOption(true);
    cl.addPositional(QStringLiteral("FILE"),
                     QStringLiteral("The event (PDU JSON); '-' or nothing reads stdin."),
                     QStringLiteral("[FILE]"));
    return cl.parse(arguments, 0, 1);
}

// Reads the event with the version's number rules. Called only once every option has been
// checked, so that a bad command line is reported at once instead of after waiting for stdin.
std::optional<int> readEventInput(const CommandLine &cl, json::Object &event)
{
    auto object = readObject(cl.positional(), cl.roomVersion()->numbers);
    if (!object)
        return UsageError;
    event = std::move(*object);
    return std::nullopt;
}

std::optional<int> readEvent(CommandLine &cl, const QStringList &arguments, json::Object &event)
{
    if (auto stop = parseEventCommandLine(cl, arguments))
        return stop;
    return readEventInput(cl, event);
}

} // namespace

int eventId(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("event id"),
                   QStringLiteral("Print the event's ID: the 'event_id' it carries in room "
                                  "versions 1 and 2, its reference hash from version 3 on."));
    json::Object event;
    if (auto stop = readEvent(cl, arguments, event))
        return *stop;
    auto id = events::computeEventId(event, *cl.roomVersion());
    if (!id)
        return inputError(id.error());
    writeLine(id->toString());
    return Success;
}

int eventContentHash(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("event content-hash"),
                   QStringLiteral("Print the event's content hash (SHA-256 of its canonical JSON "
                                  "without unsigned, signatures and hashes) in unpadded base64."));
    json::Object event;
    if (auto stop = readEvent(cl, arguments, event))
        return *stop;
    writeLine(QString::fromLatin1(base64::encode(crypto::digestView(events::contentHash(event)))));
    return Success;
}

int eventRedact(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("event redact"),
                   QStringLiteral("Print the event as the room version's redaction algorithm "
                                  "leaves it."));
    cl.addPrettyOption();
    json::Object event;
    if (auto stop = readEvent(cl, arguments, event))
        return *stop;
    writeJson(events::redact(event, *cl.roomVersion()), cl.pretty());
    return Success;
}

int eventSign(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("event sign"),
                   QStringLiteral("Add the content hash and NAME's signature to an event, as a "
                                  "server does before sending it."));
    addSigningOptions(cl, QStringLiteral("The signing server's name."));
    cl.addPrettyOption();
    if (auto stop = parseEventCommandLine(cl, arguments))
        return *stop;
    const auto key = signingKeyFromOptions(cl);
    if (!key)
        return UsageError;
    const QString server = cl.value(QStringLiteral("server"));
    if (auto name = ServerName::parse(server); !name)
        return inputError(name.error());
    json::Object event;
    if (auto stop = readEventInput(cl, event))
        return *stop;
    events::hashAndSignEvent(event, *cl.roomVersion(), server, *key);
    writeJson(std::move(event), cl.pretty());
    return Success;
}

int eventVerify(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("event verify"),
                   QStringLiteral("Check a received event as a server does: its format, the "
                                  "signatures of every server that must have signed it, and its "
                                  "content hash. Prints the verdict; exit status 0 when valid, 1 "
                                  "for a bad or missing signature or a content-hash mismatch "
                                  "(the verdict then holds the redacted event to use), 2 when "
                                  "the event is malformed."));
    addVerifyOptions(cl);
    cl.addPrettyOption();
    if (auto stop = parseEventCommandLine(cl, arguments))
        return *stop;
    const auto ring = keyRingFromOptions(cl);
    if (!ring)
        return UsageError;
    json::Object event;
    if (auto stop = readEventInput(cl, event))
        return *stop;

    const events::EventCheck check = events::verifyEvent(std::move(event), *cl.roomVersion(), *ring);
    if (check.verdict == events::EventVerdict::Malformed)
        return usageError(QStringLiteral("malformed event: ") + check.detail);

    json::Object verdict;
    verdict.insert("verdict", json::toUtf8(events::verdictName(check.verdict)));
    if (!check.detail.isEmpty())
        verdict.insert("detail", json::toUtf8(check.detail));
    if (!check.pdu.isNull())
        verdict.insert("event_id", json::toUtf8(check.pdu.eventId().toString()));
    json::Array signers;
    for (const events::SignerCheck &signer : check.signers) {
        json::Object entry;
        entry.insert("server", json::toUtf8(signer.server));
        entry.insert("required_as", json::toUtf8(signer.why));
        entry.insert("status", json::toUtf8(crypto::statusName(signer.check.status)));
        signers.push_back(std::move(entry));
    }
    verdict.insert("signers", std::move(signers));
    if (check.verdict == events::EventVerdict::Redacted)
        verdict.insert("redacted_event", check.pdu.json());
    writeJson(std::move(verdict), cl.pretty());
    return check.verdict == events::EventVerdict::Valid ? Success : NegativeVerdict;
}

} // namespace trellis::cli
