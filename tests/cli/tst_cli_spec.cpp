// trellis-cli against the spec's examples (appendices.md "Canonical JSON" examples and
// "Cryptographic Test Vectors"), and the ways it takes its input: FILE, stdin, '-'.
// Fixtures: tests/data/cli (written by make_fixtures.py, which checks them independently).
#include "core/json/Writer.h"
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QTest>

using namespace trellis;
using test::cliData;
using test::exitProblem;
using test::readCliData;
using test::runCli;

namespace {

const QString kSpecKey = QStringLiteral("spec/signing.key");

QStringList specSigningArguments()
{
    return {QStringLiteral("--server"), QStringLiteral("domain"), QStringLiteral("--key"),
            cliData(kSpecKey)};
}

// The spec key's public key, from the fixture (not from the CLI under test).
QString specPublicKey()
{
    return QString::fromLatin1(
        readCliData(QStringLiteral("spec/public_base64.expected")).trimmed());
}

} // namespace

class TestCliSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalExamples_data();
    void canonicalExamples();
    void publicKeyOfSpecSeed();
    void jsonSigningVectors_data();
    void jsonSigningVectors();
    void eventSigningVectors_data();
    void eventSigningVectors();
    void eventIdOfVersion1Event();
    void inputSources_data();
    void inputSources();
    void stdinInPieces();
    void pretty_data();
    void pretty();
};

void TestCliSpec::canonicalExamples_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    const QDir dir(cliData(QStringLiteral("canonical")));
    const QStringList inputs = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(inputs.size(), 10); // every example of the spec's list
    for (const QString &name : inputs) {
        const QString base = name.chopped(5);
        QTest::newRow(qPrintable(base))
            << dir.filePath(name) << readCliData(QStringLiteral("canonical/%1.expected").arg(base));
    }
}

void TestCliSpec::canonicalExamples()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    const auto result = runCli({QStringLiteral("json"), QStringLiteral("canonical"), input});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, expected);
    QCOMPARE(result.err, QByteArray());
}

void TestCliSpec::publicKeyOfSpecSeed()
{
    const QString keyFile = cliData(kSpecKey);
    auto result = runCli({QStringLiteral("key"), QStringLiteral("public"), keyFile});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, readCliData(QStringLiteral("spec/public.expected")));

    result = runCli(
        {QStringLiteral("key"), QStringLiteral("public"), QStringLiteral("--base64"), keyFile});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, readCliData(QStringLiteral("spec/public_base64.expected")));
}

void TestCliSpec::jsonSigningVectors_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty object") << QStringLiteral("json_empty");
    QTest::newRow("object with data") << QStringLiteral("json_data");
}

void TestCliSpec::jsonSigningVectors()
{
    QFETCH(QString, name);
    const QByteArray expected = readCliData(QStringLiteral("spec/%1.signed.expected").arg(name));
    auto result = runCli(QStringList{QStringLiteral("json"), QStringLiteral("sign")} +
                         specSigningArguments() +
                         QStringList{cliData(QStringLiteral("spec/%1.json").arg(name))});
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, expected);

    // The spec's signed object verifies with the public key of the seed.
    result = runCli({QStringLiteral("json"), QStringLiteral("verify"), QStringLiteral("--server"),
                     QStringLiteral("domain"), QStringLiteral("--key-id"),
                     QStringLiteral("ed25519:1"), QStringLiteral("--public-key"), specPublicKey()},
                    expected);
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, QByteArray("{\"valid\":true}\n"));
}

void TestCliSpec::eventSigningVectors_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("minimal event") << QStringLiteral("event_minimal");
    QTest::newRow("redactable event") << QStringLiteral("event_redactable");
}

void TestCliSpec::eventSigningVectors()
{
    QFETCH(QString, name);
    const QString input = cliData(QStringLiteral("spec/%1.json").arg(name));
    const QStringList v1 = {QStringLiteral("--room-version"), QStringLiteral("1")};
    const struct
    {
        const char *command;
        QStringList extra;
        const char *expected;
    } checks[] = {
        {"sign", specSigningArguments(), "signed"},
        {"content-hash", {}, "content_hash"},
        {"redact", {}, "redacted"},
    };
    for (const auto &check : checks) {
        const auto result =
            runCli(QStringList{QStringLiteral("event"), QLatin1String(check.command)} + v1 +
                   check.extra + QStringList{input});
        QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        QCOMPARE(
            result.out,
            readCliData(
                QStringLiteral("spec/%1.%2.expected").arg(name, QLatin1String(check.expected))));
    }
}

void TestCliSpec::eventIdOfVersion1Event()
{
    // Room versions 1 and 2: the ID is the event_id the event carries.
    for (const QString &version : {QStringLiteral("1"), QStringLiteral("2")}) {
        const auto result =
            runCli({QStringLiteral("event"), QStringLiteral("id"), QStringLiteral("--room-version"),
                    version, cliData(QStringLiteral("spec/event_redactable.json"))});
        QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        QCOMPARE(result.out,
                 readCliData(QStringLiteral("spec/event_redactable.event_id.expected")));
    }
}

void TestCliSpec::inputSources_data()
{
    // The same command reads FILE, stdin when FILE is missing, and stdin for '-'.
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QStringList v1 = {QStringLiteral("--room-version"), QStringLiteral("1")};
    const struct
    {
        const char *name;
        QStringList command;
        QString input;
        QString expected;
    } commands[] = {
        {"json canonical",
         {QStringLiteral("json"), QStringLiteral("canonical")},
         QStringLiteral("canonical/05-nested.json"),
         QStringLiteral("canonical/05-nested.expected")},
        {"json sign",
         QStringList{QStringLiteral("json"), QStringLiteral("sign")} + specSigningArguments(),
         QStringLiteral("spec/json_data.json"), QStringLiteral("spec/json_data.signed.expected")},
        {"event content-hash",
         QStringList{QStringLiteral("event"), QStringLiteral("content-hash")} + v1,
         QStringLiteral("spec/event_minimal.json"),
         QStringLiteral("spec/event_minimal.content_hash.expected")},
        {"event redact", QStringList{QStringLiteral("event"), QStringLiteral("redact")} + v1,
         QStringLiteral("spec/event_redactable.json"),
         QStringLiteral("spec/event_redactable.redacted.expected")},
        {"event sign",
         QStringList{QStringLiteral("event"), QStringLiteral("sign")} + v1 + specSigningArguments(),
         QStringLiteral("spec/event_minimal.json"),
         QStringLiteral("spec/event_minimal.signed.expected")},
    };
    for (const auto &c : commands) {
        QTest::addRow("%s FILE", c.name)
            << (c.command + QStringList{cliData(c.input)}) << QString() << c.expected;
        QTest::addRow("%s stdin", c.name) << c.command << c.input << c.expected;
        QTest::addRow("%s -", c.name)
            << (c.command + QStringList{QStringLiteral("-")}) << c.input << c.expected;
        QTest::addRow("%s -- -", c.name)
            << (c.command + QStringList{QStringLiteral("--"), QStringLiteral("-")}) << c.input
            << c.expected;
    }
}

void TestCliSpec::inputSources()
{
    QFETCH(QStringList, command);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = runCli(command, input.isEmpty() ? QByteArray() : readCliData(input));
    QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
    QCOMPARE(result.out, readCliData(expected));
    QCOMPARE(result.err, QByteArray());
}

void TestCliSpec::stdinInPieces()
{
    // A pipe delivers its data in parts; the CLI must read to the end, not one read()'s worth.
    const QByteArray input = readCliData(QStringLiteral("canonical/05-nested.json"));
    const QByteArray large = "{\"a\":\"" + QByteArray(300000, 'x') + "\"}";
    const QList<std::pair<QList<QByteArray>, QByteArray>> cases = {
        {{input.left(20), input.mid(20)},
         readCliData(QStringLiteral("canonical/05-nested.expected"))},
        {{large.left(100000), large.mid(100000, 150000), large.mid(250000)}, large + '\n'},
    };
    for (const auto &[pieces, expected] : cases) {
        const auto result =
            test::runCliPieces({QStringLiteral("json"), QStringLiteral("canonical")}, pieces);
        QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        QCOMPARE(result.out, expected);
    }
}

void TestCliSpec::pretty_data()
{
    // --pretty indents the same JSON object the command prints without it.
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("input");
    const QStringList v1 = {QStringLiteral("--room-version"), QStringLiteral("1")};
    QTest::newRow("json sign") << (QStringList{QStringLiteral("json"), QStringLiteral("sign")} +
                                   specSigningArguments())
                               << QStringLiteral("spec/json_data.json");
    QTest::newRow("json verify")
        << QStringList{QStringLiteral("json"),         QStringLiteral("verify"),
                       QStringLiteral("--server"),     QStringLiteral("domain"),
                       QStringLiteral("--key-id"),     QStringLiteral("ed25519:1"),
                       QStringLiteral("--public-key"), specPublicKey()}
        << QStringLiteral("spec/json_data.signed.expected");
    QTest::newRow("key public") << QStringList{QStringLiteral("key"), QStringLiteral("public"),
                                               cliData(kSpecKey)}
                                << QString();
    QTest::newRow("event redact")
        << (QStringList{QStringLiteral("event"), QStringLiteral("redact")} + v1)
        << QStringLiteral("spec/event_redactable.json");
    QTest::newRow("event sign") << (QStringList{QStringLiteral("event"), QStringLiteral("sign")} +
                                    v1 + specSigningArguments())
                                << QStringLiteral("spec/event_redactable.json");
}

void TestCliSpec::pretty()
{
    QFETCH(QStringList, command);
    QFETCH(QString, input);
    const QByteArray stdinBytes = input.isEmpty() ? QByteArray() : readCliData(input);
    const auto plain = runCli(command, stdinBytes);
    QVERIFY2(exitProblem(plain, 0).isEmpty(), qPrintable(exitProblem(plain, 0)));
    const auto pretty = runCli(command + QStringList{QStringLiteral("--pretty")}, stdinBytes);
    QVERIFY2(exitProblem(pretty, 0).isEmpty(), qPrintable(exitProblem(pretty, 0)));
    QVERIFY2(pretty.out.count('\n') > 2, pretty.out.constData());
    QVERIFY(pretty.out.contains("\n  \""));
    QCOMPARE(QByteArray::fromStdString(json::toCanonical(test::parseJson(pretty.out))) + '\n',
             plain.out);
}

QTEST_GUILESS_MAIN(TestCliSpec)
#include "tst_cli_spec.moc"
