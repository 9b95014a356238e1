#include "app/cli/CliSupport.h"

#include "core/json/Writer.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace trellis::cli {
namespace {

constexpr qint64 kMaxInputBytes = 64 * 1024 * 1024;

const QString kRoomVersionOption = QStringLiteral("room-version");
const QString kPrettyOption = QStringLiteral("pretty");

} // namespace

CommandLine::CommandLine(const QString &command, const QString &description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

void CommandLine::addPositional(const QString &name, const QString &description,
                                const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

void CommandLine::addRoomVersionOption(bool required)
{
    m_hasRoomVersion = true;
    m_roomVersionRequired = required;
    m_parser.addOption({kRoomVersionOption,
                        required ? QStringLiteral("Room version (1-12) whose rules apply.")
                                 : QStringLiteral("Apply the number rules of this room version "
                                                  "(1-12) instead of plain canonical JSON."),
                        QStringLiteral("V")});
}

void CommandLine::addPrettyOption()
{
    m_hasPretty = true;
    m_parser.addOption({kPrettyOption, QStringLiteral("Indent the JSON output.")});
}

std::optional<int> CommandLine::parse(const QStringList &arguments, int minPositional,
                                      int maxPositional)
{
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("trellis-cli ") + m_command);
    if (!m_parser.parse(argv))
        return usageError(m_command + QStringLiteral(": ") + m_parser.errorText());
    // addHelpOption() also adds --help-all, which parse() accepts but does not act on.
    if (m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))) {
        QString help = m_parser.helpText();
        // Qt names the program after argv[0] (the binary's path); show the subcommand instead.
        const QString usage = QStringLiteral("Usage: ");
        const QString program = QCoreApplication::arguments().value(0);
        if (help.startsWith(usage + program))
            help.replace(usage.size(), program.size(), QStringLiteral("trellis-cli ") + m_command);
        std::fputs(help.toLocal8Bit().constData(), stdout);
        return Success;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositional)
        return usageError(m_command + QStringLiteral(": missing argument (see --help)"));
    if (count > maxPositional)
        return usageError(m_command + QStringLiteral(": too many arguments (see --help)"));
    if (m_hasRoomVersion) {
        if (m_parser.isSet(kRoomVersionOption)) {
            const QString id = m_parser.value(kRoomVersionOption);
            m_roomVersion = events::RoomVersion::find(id);
            if (!m_roomVersion)
                return usageError(
                    QStringLiteral("%1: unsupported room version '%2' (Trellis knows 1-12)")
                        .arg(m_command, id));
        } else if (m_roomVersionRequired) {
            return usageError(m_command + QStringLiteral(": --room-version is required"));
        }
    }
    m_pretty = m_hasPretty && m_parser.isSet(kPrettyOption);
    return std::nullopt;
}

std::optional<QByteArray> readInput(const QStringList &positional, int index)
{
    const QString path = index < positional.size() ? positional[index] : QStringLiteral("-");
    QFile file;
    const bool opened = path == QStringLiteral("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        usageError(QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    // A pipe hands over its data in pieces: read until end of input (or past the limit), not
    // just what one read() returns.
    QByteArray bytes;
    while (bytes.size() <= kMaxInputBytes) {
        const QByteArray chunk = file.read(kMaxInputBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError) {
        usageError(QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (bytes.size() > kMaxInputBytes) {
        usageError(QStringLiteral("'%1' is larger than 64 MiB").arg(path));
        return std::nullopt;
    }
    return bytes;
}

std::optional<json::Object> readObject(const QStringList &positional, json::NumberPolicy numbers,
                                       int index)
{
    const auto bytes = readInput(positional, index);
    if (!bytes)
        return std::nullopt;
    json::ReadOptions options;
    options.numbers = numbers;
    options.maxBytes = kMaxInputBytes;
    auto object = json::parseObject(std::string_view(bytes->constData(), size_t(bytes->size())),
                                    options);
    if (!object) {
        inputError(object.error());
        return std::nullopt;
    }
    return std::move(*object);
}

void writeJson(const json::Value &value, bool pretty)
{
    std::string out = pretty ? json::toIndented(value) : json::toCanonical(value);
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
}

void writeLine(const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int usageError(const QString &message)
{
    // One line, whatever the message holds.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "trellis-cli: %s\n", line.toLocal8Bit().constData());
    return UsageError;
}

int inputError(const Error &error)
{
    return usageError(QStringLiteral("%1 (%2)").arg(error.message, error.errcode()));
}

} // namespace trellis::cli
