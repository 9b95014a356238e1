#pragma once
#include "core/base/Error.h"
#include "core/events/RoomVersion.h"
#include "core/json/Reader.h"
#include "core/json/Value.h"

#include <QCommandLineParser>
#include <QStringList>
#include <optional>

// What every trellis-cli subcommand shares: options, input, output, exit status.
namespace trellis::cli {

/// 0: success or a positive verdict; 1: a negative verdict; 2: usage error or bad input.
enum Exit : int { Success = 0, NegativeVerdict = 1, UsageError = 2 };

/// A subcommand's command line: a QCommandLineParser that answers --help itself and turns
/// every mistake into a one-line message and exit status 2.
class CommandLine
{
public:
    /// `command` is "json canonical"; `usage` the positional part, e.g. "[FILE]".
    CommandLine(const QString &command, const QString &description);

    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax);
    /// Adds --room-version V; `required` makes it mandatory.
    void addRoomVersionOption(bool required);
    /// Adds --pretty.
    void addPrettyOption();

    /// Parses; returns an exit code if the command must stop now (--help: 0, error: 2).
    std::optional<int> parse(const QStringList &arguments, int minPositional, int maxPositional);

    QCommandLineParser &parser() { return m_parser; }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    /// The room version given (or the default for optional --room-version: nullptr).
    const events::RoomVersion *roomVersion() const { return m_roomVersion; }
    bool pretty() const { return m_pretty; }

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_roomVersionRequired = false;
    bool m_hasRoomVersion = false;
    bool m_hasPretty = false;
    bool m_pretty = false;
    const events::RoomVersion *m_roomVersion = nullptr;
};

/// The bytes of FILE, or of stdin for "-" or no FILE; at most 64 MiB.
std::optional<QByteArray> readInput(const QStringList &positional, int index = 0);

/// Reads the input as one JSON object with the given number rules.
std::optional<json::Object> readObject(const QStringList &positional, json::NumberPolicy numbers,
                                       int index = 0);

/// Writes JSON (canonical, or indented with --pretty) and a newline to stdout.
void writeJson(const json::Value &value, bool pretty);
/// Writes a line of text to stdout.
void writeLine(const QString &text);

/// Prints "trellis-cli: message" to stderr and returns UsageError.
int usageError(const QString &message);
int inputError(const Error &error);

} // namespace trellis::cli
