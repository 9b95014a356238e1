// trellis-cli's command line: --help and --version, and every kind of usage error, which must
// end with exit status 2 and exactly one "trellis-cli: ..." line on stderr.
#include "tests/cli/CliRunner.h"

#include <QRegularExpression>
#include <QTest>

using namespace trellis;
using test::cliData;
using test::exitProblem;
using test::runCli;
using test::usageErrorProblem;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// A valid ed25519 public key (of the spec's seed) for options that need one.
const QString kPublicKey = QStringLiteral("XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI");

QStringList verifyOptions()
{
    return {QStringLiteral("--server"),  QStringLiteral("domain"),       QStringLiteral("--key-id"),
            QStringLiteral("ed25519:1"), QStringLiteral("--public-key"), kPublicKey};
}

QStringList signOptions()
{
    return {QStringLiteral("--server"), QStringLiteral("domain"), QStringLiteral("--key"),
            cliData(QStringLiteral("spec/signing.key"))};
}

} // namespace

class TestCliUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void topLevelHelp_data();
    void topLevelHelp();
    void subcommandHelp_data();
    void subcommandHelp();
    void usageErrors_data();
    void usageErrors();
};

void TestCliUsage::version()
{
    const auto result = runCli({QStringLiteral("--version")});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QVERIFY2(QRegularExpression(QStringLiteral("^trellis-cli \\d+\\.\\d+\\.\\d+\n$"))
                 .match(QString::fromUtf8(result.out))
                 .hasMatch(),
             result.out.constData());
    QCOMPARE(result.err, QByteArray());
}

void TestCliUsage::topLevelHelp_data()
{
    QTest::addColumn<QString>("flag");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
    QTest::newRow("help") << QStringLiteral("help");
}

void TestCliUsage::topLevelHelp()
{
    QFETCH(QString, flag);
    const auto result = runCli({flag});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.err, QByteArray());
    for (const char *command :
         {"json canonical", "json sign", "json verify", "key generate", "key public", "event id",
          "event content-hash", "event redact", "event sign", "event verify"})
        QVERIFY2(result.out.contains(command), command);
    QVERIFY(result.out.contains("Exit status"));
}

void TestCliUsage::subcommandHelp_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QStringList>("options"); // what the help must mention
    const struct
    {
        const char *command;
        const char *options;
    } rows[] = {
        {"json canonical", "--room-version FILE"},
        {"json sign", "--server --key --pretty FILE"},
        {"json verify", "--server --key-id --public-key --pretty FILE"},
        {"key generate", "--version"},
        {"key public", "--base64 --pretty KEYFILE"},
        {"event id", "--room-version FILE"},
        {"event content-hash", "--room-version FILE"},
        {"event redact", "--room-version --pretty FILE"},
        {"event sign", "--room-version --server --key --pretty FILE"},
        {"event verify", "--room-version --server --key-id --public-key --pretty FILE"},
        {"auth", "--room-version --pretty FILE"},
        {"resolve", "--room-version --trace --pretty FILE"},
        {"state-at", "--room-version --after --trace --pretty FILE EVENT_ID..."},
        {"dag build", "--key --names --pretty SCRIPT"},
    };
    for (const auto &row : rows) {
        for (const char *flag : {"--help", "-h", "--help-all"})
            QTest::addRow("%s %s", row.command, flag)
                << (words(row.command) << QLatin1String(flag)) << words(row.options);
    }
    // --help wins over everything else on the line, even mistakes.
    QTest::newRow("event verify --help with other options")
        << QStringList{QStringLiteral("event"), QStringLiteral("verify"),
                       QStringLiteral("--room-version"), QStringLiteral("13"),
                       QStringLiteral("--help")}
        << words("--room-version");
}

void TestCliUsage::subcommandHelp()
{
    QFETCH(QStringList, command);
    QFETCH(QStringList, options);
    const auto result = runCli(command);
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.err, QByteArray());
    const QString help = QString::fromUtf8(result.out);
    // The usage line names the subcommand, not the binary's path.
    QStringList name;
    for (const QString &word : command) {
        if (word.startsWith(QLatin1Char('-')))
            break;
        name << word;
    }
    const QString usage = QStringLiteral("Usage: trellis-cli %1 ").arg(name.join(QLatin1Char(' ')));
    QVERIFY2(help.startsWith(usage), qPrintable(help));
    for (const QString &option : options)
        QVERIFY2(help.contains(option), qPrintable(option + QStringLiteral(" not in: ") + help));
}

void TestCliUsage::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("needle"); // what the one-line message must mention

    const QString missingKey = QStringLiteral("/nonexistent/trellis-test.key");
    QTest::newRow("no arguments") << QStringList() << QStringLiteral("missing command");
    QTest::newRow("unknown command") << words("frob") << QStringLiteral("unknown command 'frob'");
    QTest::newRow("group without command") << words("json") << QStringLiteral("unknown command");
    QTest::newRow("unknown subcommand")
        << words("event frob") << QStringLiteral("unknown command 'event frob'");
    QTest::newRow("unknown top-level option")
        << words("--frob") << QStringLiteral("unknown command");

    const char *commands[] = {"json canonical", "json sign",   "json verify",        "key generate",
                              "key public",     "event id",    "event content-hash", "event redact",
                              "event sign",     "event verify"};
    for (const char *command : commands) {
        QTest::addRow("%s: unknown option", command)
            << (words(command) << QStringLiteral("--frob")) << QStringLiteral("frob");
        QTest::addRow("%s: unknown single-dash option", command)
            << (words(command) << QStringLiteral("-x")) << QStringLiteral("'x'");
    }

    // Missing required options. Nothing on stdin: the command line must be refused before
    // any input is read.
    QTest::newRow("event id without --room-version")
        << words("event id") << QStringLiteral("--room-version");
    QTest::newRow("event content-hash without --room-version")
        << words("event content-hash") << QStringLiteral("--room-version");
    QTest::newRow("event redact without --room-version")
        << words("event redact") << QStringLiteral("--room-version");
    QTest::newRow("event sign without --room-version")
        << (words("event sign") + signOptions()) << QStringLiteral("--room-version");
    QTest::newRow("event verify without --room-version")
        << (words("event verify") + verifyOptions()) << QStringLiteral("--room-version");
    QTest::newRow("json sign without --server")
        << (words("json sign --key") << cliData(QStringLiteral("spec/signing.key")))
        << QStringLiteral("--server");
    QTest::newRow("json sign without --key")
        << words("json sign --server domain") << QStringLiteral("--key");
    QTest::newRow("event sign without --key")
        << words("event sign --room-version 1 --server domain") << QStringLiteral("--key");
    QTest::newRow("event sign without --server") << (words("event sign --room-version 1 --key")
                                                     << cliData(QStringLiteral("spec/signing.key")))
                                                 << QStringLiteral("--server");
    QTest::newRow("json verify without --public-key")
        << words("json verify --server domain --key-id ed25519:1")
        << QStringLiteral("--public-key");
    QTest::newRow("json verify without --server")
        << (words("json verify --key-id ed25519:1 --public-key") << kPublicKey)
        << QStringLiteral("--server");
    QTest::newRow("event verify without --server")
        << (words("event verify --room-version 10 --key-id ed25519:1 --public-key") << kPublicKey)
        << QStringLiteral("--server");
    QTest::newRow("event verify without --key-id")
        << (words("event verify --room-version 10 --server domain --public-key") << kPublicKey)
        << QStringLiteral("--key-id");
    QTest::newRow("key public without KEYFILE")
        << words("key public") << QStringLiteral("missing argument");
    QTest::newRow("option without its value")
        << words("event id --room-version") << QStringLiteral("room-version");

    // Too many arguments.
    QTest::newRow("json canonical a b")
        << words("json canonical a b") << QStringLiteral("too many arguments");
    QTest::newRow("event id a b") << words("event id --room-version 1 a b")
                                  << QStringLiteral("too many arguments");
    QTest::newRow("event verify a b")
        << (words("event verify --room-version 1") + verifyOptions() + words("a b"))
        << QStringLiteral("too many arguments");
    QTest::newRow("key generate x")
        << words("key generate x") << QStringLiteral("too many arguments");
    QTest::newRow("key public a b")
        << words("key public a b") << QStringLiteral("too many arguments");

    // Room versions Trellis does not know.
    for (const char *version : {"13", "abc", "0", "1.0", "", "v1"}) {
        for (const char *command :
             {"json canonical", "event id", "event content-hash", "event redact"})
            QTest::addRow("%s --room-version '%s'", command, version)
                << (words(command) << QStringLiteral("--room-version") << QLatin1String(version))
                << QStringLiteral("unsupported room version '%1'").arg(QLatin1String(version));
    }
    QTest::newRow("event sign --room-version 13")
        << (words("event sign --room-version 13") + signOptions())
        << QStringLiteral("room version '13'");
    QTest::newRow("event verify --room-version abc")
        << (words("event verify --room-version abc") + verifyOptions())
        << QStringLiteral("room version 'abc'");

    // Bad option values.
    QTest::newRow("key generate bad version")
        << words("key generate --version a-b") << QStringLiteral("a-b");
    QTest::newRow("key generate empty version")
        << QStringList{QStringLiteral("key"), QStringLiteral("generate"),
                       QStringLiteral("--version"), QString()}
        << QStringLiteral("key version");
    QTest::newRow("bad key ID") << (words("json verify --server domain --key-id foo --public-key")
                                    << kPublicKey)
                                << QStringLiteral("'foo'");
    QTest::newRow("bad public key")
        << words(
               "event verify --room-version 10 --server domain --key-id ed25519:1 --public-key !!!")
        << QStringLiteral("public key");
    QTest::newRow("short public key")
        << words("json verify --server domain --key-id ed25519:1 --public-key AAAA")
        << QStringLiteral("public key");
    QTest::newRow("unpaired --key-id")
        << (words("json verify") + verifyOptions()
            << QStringLiteral("--key-id") << QStringLiteral("ed25519:2"))
        << QStringLiteral("--key-id");
    QTest::newRow("json verify with two servers")
        << (words("json verify --server a --server b --key-id ed25519:1 --key-id ed25519:2 "
                  "--public-key")
            << kPublicKey << QStringLiteral("--public-key") << kPublicKey)
        << QStringLiteral("one --server");
    QTest::newRow("event sign bad server name")
        << (words("event sign --room-version 1 --server bad/name --key")
            << cliData(QStringLiteral("spec/signing.key")))
        << QStringLiteral("server name");
    QTest::newRow("missing key file") << (words("json sign --server domain --key") << missingKey)
                                      << QStringLiteral("cannot read key file");
    QTest::newRow("event sign missing key file")
        << (words("event sign --room-version 1 --server domain --key") << missingKey)
        << QStringLiteral("cannot read key file");
    QTest::newRow("key public missing key file")
        << (words("key public") << missingKey) << QStringLiteral("cannot read key file");
    QTest::newRow("key file is not a key file")
        << (words("key public") << cliData(QStringLiteral("spec/json_data.json")))
        << QStringLiteral("line 1");
    QTest::newRow("key file is a directory")
        << (words("key public") << cliData(QStringLiteral("spec"))) << QStringLiteral("directory");
}

void TestCliUsage::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, needle);
    const auto result = runCli(arguments);
    const QString problem = usageErrorProblem(result, needle);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
