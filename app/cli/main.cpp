// trellis-cli: the headless side of Trellis. For now the protocol toolbox; every subcommand
// reads FILE or stdin, writes JSON to stdout, and exits 0 (success / positive verdict),
// 1 (negative verdict) or 2 (usage error or malformed input).
#include "app/cli/CliSupport.h"
#include "app/cli/DagExportCommand.h"
#include "app/cli/DagLayoutCommand.h"
#include "app/cli/EventCommands.h"
#include "app/cli/JsonCommands.h"
#include "app/cli/KeyCommands.h"
#include "app/cli/RoomCommands.h"
#include "app/cli/ServeCommand.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

using namespace trellis::cli;

struct Subcommand
{
    const char *group;
    const char *name;
    int (*run)(const QStringList &arguments);
    const char *summary;
};

constexpr Subcommand kSubcommands[] = {
    {"json", "canonical", jsonCanonical, "print the canonical JSON form of a document"},
    {"json", "sign", jsonSign, "sign a JSON object"},
    {"json", "verify", jsonVerify, "check a signature on a JSON object"},
    {"key", "generate", keyGenerate, "generate an ed25519 signing key (key-file line)"},
    {"key", "public", keyPublic, "print the public keys of a key file"},
    {"event", "id", eventId, "print an event's ID"},
    {"event", "content-hash", eventContentHash, "print an event's content hash"},
    {"event", "redact", eventRedact, "redact an event by its room version's rules"},
    {"event", "sign", eventSign, "add content hash and signature to an event"},
    {"event", "verify", eventVerify, "check a received event's signatures and hashes"},
    {"auth", nullptr, authCommand, "check an event against its auth events"},
    {"resolve", nullptr, resolveCommand, "resolve state sets (state resolution)"},
    {"state-at", nullptr, stateAtCommand, "the state before an event of a room dump"},
    {"dag", "build", dagBuildCommand, "build a room dump from a room script"},
    {"dag", "export", dagExportCommand, "write a room of the server's database as a room dump"},
    {"dag", "layout", dagLayoutCommand, "lay out a room dump's event DAG (JSON or SVG)"},
    {"serve", nullptr, serveCommand, "run the homeserver headless until SIGINT or SIGTERM"},
};

void printUsage(FILE *to)
{
    std::fputs("Usage: trellis-cli <command> [options] [FILE]\n"
               "       trellis-cli <command> --help\n"
               "       trellis-cli --version\n\nCommands:\n",
               to);
    for (const Subcommand &command : kSubcommands)
        std::fprintf(to, "  %-20s %s\n",
                     command.name ? QByteArray(QByteArray(command.group) + ' ' + command.name).constData()
                                  : command.group,
                     command.summary);
    std::fputs("\nExit status: 0 success or positive verdict, 1 negative verdict, "
               "2 usage error or malformed input.\n",
               to);
}

int run(const QStringList &args)
{
    // A usage error is one line on stderr, like every other; the full usage is on --help.
    if (args.isEmpty())
        return usageError(QStringLiteral("missing command (see trellis-cli --help)"));
    const QString first = args.first();
    if (first == QStringLiteral("--version") || first == QStringLiteral("-v")) {
        std::printf("trellis-cli %s\n", TRELLIS_VERSION);
        return Success;
    }
    if (first == QStringLiteral("--help") || first == QStringLiteral("-h") || first == QStringLiteral("help")) {
        printUsage(stdout);
        return Success;
    }
    for (const Subcommand &command : kSubcommands) {
        if (first != QLatin1String(command.group))
            continue;
        if (!command.name)
            return command.run(args.mid(1));
        if (args.size() >= 2 && args[1] == QLatin1String(command.name))
            return command.run(args.mid(2));
    }
    return usageError(QStringLiteral("unknown command '%1' (see trellis-cli --help)")
                          .arg(args.mid(0, 2).join(QLatin1Char(' '))));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trellis-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRELLIS_VERSION));

    const int status = run(app.arguments().mid(1));
    // Output that never arrived (a full disk, a closed file) must not pass for success: a
    // script would take the missing or cut-off JSON for the answer.
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        return usageError(QStringLiteral("cannot write the output to stdout"));
    return status;
}
