#include "app/cli/ServeCommand.h"

#include "app/cli/CliSupport.h"
#include "app/cli/StopSignals.h"
#include "core/crypto/PasswordHash.h"
#include "app/imaging/Thumbnailer.h"
#include "core/server/HomeserverHost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace trellis::cli {

namespace {

struct ServeOptions
{
    server::ServerConfig config;
    std::optional<server::InitialAccount> account;
    bool keychain = true;
};

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("Configuration file (default: DIR/trellis.conf)."), QStringLiteral("FILE")},
        {QStringLiteral("data-dir"), QStringLiteral("Data directory (default: %1).").arg(server::ServerConfig::defaultDataDirectory()), QStringLiteral("DIR")},
        {QStringLiteral("server-name"), QStringLiteral("The server's name, e.g. example.org."), QStringLiteral("NAME")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on (repeatable), e.g. 127.0.0.1:8008 or [::1]:8008."), QStringLiteral("ADDR:PORT")},
        {QStringLiteral("init"), QStringLiteral("First run: create the owner's account (with --user and --password-file) and write the configuration file.")},
        {QStringLiteral("user"), QStringLiteral("With --init: the owner's user name (localpart)."), QStringLiteral("NAME")},
        {QStringLiteral("password-file"), QStringLiteral("With --init: a file whose first line is the owner's password."), QStringLiteral("FILE")},
        {QStringLiteral("no-keychain"), QStringLiteral("Keep the signing key in DIR/signing.key (mode 0600), not in the OS keychain.")},
    });
    parser.addHelpOption();
}

std::optional<QString> readPassword(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.read(4096).split('\n').value(0);
    return QString::fromUtf8(line.endsWith('\r') ? line.chopped(1) : line);
}

/// A line from the terminal; without echo for passwords.
QString promptLine(const char *prompt, bool secret)
{
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    termios saved{};
    const bool hide = secret && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (hide) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return read ? QString::fromUtf8(buffer).trimmed() : QString();
}

/// First run on a terminal without --init: ask for the owner's account rather than start a
/// server nobody can log into.
std::optional<server::InitialAccount> askForAccount(const server::ServerConfig &config)
{
    std::fprintf(stderr, "trellis: first run in %s: create the owner's account on %s\n",
                 qPrintable(config.dataDirectory), qPrintable(config.serverName.toString()));
    const QString user = promptLine("User name: ", false);
    const QString password = promptLine("Password: ", true);
    if (user.isEmpty() || password.isEmpty() || promptLine("Password again: ", true) != password)
        return std::nullopt;
    auto hash = crypto::hashPassword(password);
    if (!hash)
        return std::nullopt;
    return server::InitialAccount{user, *hash};
}

/// Reads the configuration, then lets the flags override it.
std::variant<ServeOptions, int> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("trellis-cli serve")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return int(Success);
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("serve takes no positional arguments"));

    const QString dataDir = parser.isSet(QStringLiteral("data-dir"))
                                ? QDir(parser.value(QStringLiteral("data-dir"))).absolutePath()
                                : server::ServerConfig::defaultDataDirectory();
    auto config = server::ServerConfig::load(dataDir, parser.value(QStringLiteral("config")));
    if (!config)
        return usageError(config.error().message);
    ServeOptions options{*config, std::nullopt, !parser.isSet(QStringLiteral("no-keychain"))};
    if (parser.isSet(QStringLiteral("server-name"))) {
        auto name = ServerName::parse(parser.value(QStringLiteral("server-name")));
        if (!name)
            return usageError(QStringLiteral("--server-name: %1").arg(name.error().message));
        options.config.serverName = *name;
    }
    if (parser.isSet(QStringLiteral("listen"))) {
        options.config.listen.clear();
        for (const QString &value : parser.values(QStringLiteral("listen"))) {
            auto address = server::ListenAddress::parse(value);
            if (!address)
                return usageError(QStringLiteral("--listen: %1").arg(address.error().message));
            options.config.listen.append(*address);
        }
    }
    if (parser.isSet(QStringLiteral("init"))) {
        const QString user = parser.value(QStringLiteral("user"));
        const QString passwordFile = parser.value(QStringLiteral("password-file"));
        if (user.isEmpty() || passwordFile.isEmpty())
            return usageError(QStringLiteral("--init needs --user and --password-file"));
        const auto password = readPassword(passwordFile);
        if (!password || password->isEmpty())
            return usageError(QStringLiteral("--password-file: cannot read a password from %1").arg(passwordFile));
        auto hash = crypto::hashPassword(*password);
        if (!hash)
            return inputError(hash.error());
        options.account = server::InitialAccount{user, *hash};
    } else if (parser.isSet(QStringLiteral("user")) || parser.isSet(QStringLiteral("password-file"))) {
        return usageError(QStringLiteral("--user and --password-file go with --init"));
    }
    return options;
}

} // namespace

int serveCommand(const QStringList &arguments)
{
    auto parsed = parseOptions(arguments);
    if (const int *status = std::get_if<int>(&parsed))
        return *status;
    ServeOptions options = std::get<ServeOptions>(std::move(parsed));

    if (!options.account && !QFile::exists(options.config.databasePath()) && ::isatty(STDIN_FILENO)) {
        options.account = askForAccount(options.config);
        if (!options.account)
            return usageError(QStringLiteral("no account created (the passwords must match and not be empty)"));
    }
    if (!QDir().mkpath(options.config.dataDirectory))
        return inputError(Error::io(QStringLiteral("cannot create the data directory %1")
                                        .arg(options.config.dataDirectory)));
    if (!QFile::exists(options.config.configPath())) {
        if (auto saved = options.config.save(); !saved)
            return inputError(saved.error());
    }

    server::HomeserverHost host;
    host.setKeychainEnabled(options.keychain);
    host.setThumbnailRenderer(imaging::Thumbnailer::renderer());
    int exitStatus = Success;
    QObject::connect(&host, &server::HomeserverHost::started, [](const server::ServerStatus &status) {
        // One line per listener on stdout, for scripts and tests that asked for port 0.
        for (const QString &address : status.listening)
            std::printf("listening %s\n", qPrintable(address));
        std::fflush(stdout);
        std::fprintf(stderr, "trellis: serving %s%s (%s) in %lld ms\n", qPrintable(status.serverName),
                     status.tls ? " over TLS" : "", qPrintable(status.userId.isEmpty() ? QStringLiteral("no account yet") : status.userId),
                     static_cast<long long>(status.startupMillis));
    });
    QObject::connect(&host, &server::HomeserverHost::failed, [&exitStatus](const Error &error) {
        std::fprintf(stderr, "trellis: %s\n", qPrintable(error.message));
        if (!error.internalDetail.isEmpty())
            std::fprintf(stderr, "trellis: (%s)\n", qPrintable(error.internalDetail));
        exitStatus = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&host, &server::HomeserverHost::stopped, [] { QCoreApplication::exit(0); });

    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &host, [&host](int signal) {
        std::fprintf(stderr, "trellis: signal %d, stopping\n", signal);
        host.stop();
    });
    host.start(options.config, options.account);
    const int loopStatus = QCoreApplication::exec();
    return exitStatus != Success ? exitStatus : loopStatus;
}

} // namespace trellis::cli
