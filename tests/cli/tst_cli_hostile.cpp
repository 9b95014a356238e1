// trellis-cli on hostile input: every malformed document is refused with exit status 2 and one
// line naming the problem, by every subcommand that reads it; nothing crashes or hangs.
#include "core/json/Writer.h"
#include "tests/cli/CliRunner.h"

#include <QRandomGenerator>
#include <QTest>

using namespace trellis;
using test::cliData;
using test::exitProblem;
using test::runCli;
using test::usageErrorProblem;

namespace {

const QString kPublicKey = QStringLiteral("XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI");
const QString kOriginPublicKey = QStringLiteral("QiJalltdTnKVKDtkKkDl7CzFkqElXYbJ7OKObwvwigk");

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Every subcommand that reads a JSON object, with the options it needs.
QList<std::pair<QString, QStringList>> objectReaders(const QString &version)
{
    const QStringList sign = {QStringLiteral("--server"), QStringLiteral("domain"),
                              QStringLiteral("--key"), cliData(QStringLiteral("spec/signing.key"))};
    const QStringList verify = {QStringLiteral("--server"),     QStringLiteral("domain"),
                                QStringLiteral("--key-id"),     QStringLiteral("ed25519:1"),
                                QStringLiteral("--public-key"), kPublicKey};
    const QStringList rv = {QStringLiteral("--room-version"), version};
    return {
        {QStringLiteral("json sign"), words("json sign") + sign},
        {QStringLiteral("json verify"), words("json verify") + verify},
        {QStringLiteral("event id"), words("event id") + rv},
        {QStringLiteral("event content-hash"), words("event content-hash") + rv},
        {QStringLiteral("event redact"), words("event redact") + rv},
        {QStringLiteral("event sign"), words("event sign") + rv + sign},
        {QStringLiteral("event verify"), words("event verify") + rv + verify},
    };
}

// A well-formed, signed room version 10 event from the round-trip fixture.
QByteArray signedV10Event()
{
    const json::Object doc = test::readJson(QStringLiteral("cli/roundtrip_events.json")).toObject();
    for (const json::Value &c : doc["cases"].toArray()) {
        if (c.toObject()["name"].toString() == "message v10")
            return QByteArray::fromStdString(c.toObject()["signed"].toString());
    }
    qFatal("no 'message v10' case in roundtrip_events.json");
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformedInput_data();
    void malformedInput();
    void missingAndUnreadableFiles_data();
    void missingAndUnreadableFiles();
    void floatsByRoomVersion_data();
    void floatsByRoomVersion();
    void hugeEvent();
    void malformedEvents_data();
    void malformedEvents();
    void inputOver64MiB();
    void mutatedEventsNeverCrash();
    void unwritableOutput_data();
    void unwritableOutput();
};

void TestCliHostile::malformedInput_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("needle");
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const QByteArray deepInObject =
        "{\"content\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}";
    const struct
    {
        const char *name;
        QByteArray input;
        const char *needle;
        bool objectOnly; // json canonical accepts it
    } inputs[] = {
        {"truncated", R"({"type":"m.room.message","content":{"body":"hel)", "unterminated", false},
        {"truncated after colon", R"({"a":)", "invalid JSON", false},
        {"non-UTF-8 in string", "{\"a\":\"\xff\xfe\"}", "UTF-8", false},
        {"overlong UTF-8", "{\"a\":\"\xc0\xaf\"}", "UTF-8", false},
        {"non-UTF-8 in key", "{\"\xe9t\xe9\":1}", "UTF-8", false},
        {"lone surrogate escape", R"({"a":"\ud800"})", "surrogate", false},
        {"raw control character", QByteArray("{\"a\":\"\0\"}", 9), "control character", false},
        {"byte order mark", "\xef\xbb\xbf{}", "byte order mark", false},
        {"duplicate keys", R"({"a":1,"b":2,"a":3})", "duplicate key \"a\"", false},
        {"nested duplicate keys", R"({"content":{"body":"x","body":"y"}})",
         "duplicate key \"body\"", false},
        {"deep nesting", deep, "nested too deeply", false},
        {"deep nesting in an object", deepInObject, "nested too deeply", false},
        {"trailing data", "{} {}", "after the JSON value", false},
        {"empty", "", "empty input", false},
        {"only whitespace", " \n\t ", "invalid JSON", false},
        {"binary", QByteArray::fromHex("00ff10a5c3"), "invalid JSON", false},
        {"single quotes", "{'a':1}", "invalid JSON", false},
        {"NaN", R"({"a":NaN})", "invalid JSON", false},
        {"integer beyond 2^53", R"({"a":9007199254740992})", "integer", false},
        {"array", "[1,2,3]", "expected a JSON object", true},
        {"string", R"("text")", "expected a JSON object", true},
        {"number", "42", "expected a JSON object", true},
        {"null", "null", "expected a JSON object", true},
    };
    for (const auto &in : inputs) {
        if (!in.objectOnly)
            QTest::addRow("json canonical: %s", in.name)
                << words("json canonical") << in.input << QString::fromUtf8(in.needle);
        for (const auto &[name, command] : objectReaders(QStringLiteral("10")))
            QTest::addRow("%s: %s", qPrintable(name), in.name)
                << command << in.input << QString::fromUtf8(in.needle);
    }
}

void TestCliHostile::malformedInput()
{
    QFETCH(QStringList, command);
    QFETCH(QByteArray, input);
    QFETCH(QString, needle);
    const auto result = runCli(command, input);
    const QString problem = usageErrorProblem(result, needle);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliHostile::missingAndUnreadableFiles_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("needle");
    const QString missing = QStringLiteral("/nonexistent/trellis-cli-test.json");
    const QString directory = cliData(QStringLiteral("spec"));
    QTest::newRow("json canonical: missing")
        << words("json canonical") << missing << QStringLiteral("cannot read");
    QTest::newRow("json canonical: directory")
        << words("json canonical") << directory << QStringLiteral("cannot read");
    for (const auto &[name, command] : objectReaders(QStringLiteral("1"))) {
        QTest::addRow("%s: missing", qPrintable(name))
            << command << missing << QStringLiteral("cannot read");
        QTest::addRow("%s: directory", qPrintable(name))
            << command << directory << QStringLiteral("cannot read");
    }
}

void TestCliHostile::missingAndUnreadableFiles()
{
    QFETCH(QStringList, command);
    QFETCH(QString, file);
    QFETCH(QString, needle);
    const auto result = runCli(command + QStringList{file});
    const QString problem = usageErrorProblem(result, needle);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(result.err.contains(file.toUtf8()), result.err.constData()); // names the file
}

void TestCliHostile::floatsByRoomVersion_data()
{
    // Room versions 6+ enforce canonical JSON: no fraction or exponent; 1-5 accept any number.
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QString>("needle");     // of the v6+ refusal
    QTest::addColumn<QByteArray>("lenient"); // v1-5: as Python's json prints it
    const struct
    {
        const char *number;
        const char *needle;
        const char *lenient;
    } numbers[] = {{"1.5", "integers", "1.5"},
                   {"1e3", "integers", "1000.0"},
                   {"2.0", "integers", "2.0"},
                   {"-0", "-0 is not allowed", "0"},
                   {"-0.0", "integers", "-0.0"}};
    for (int v = 1; v <= 12; ++v) {
        for (const auto &n : numbers)
            QTest::addRow("v%d %s", v, n.number)
                << QString::number(v) << QByteArray(n.number) << QString::fromLatin1(n.needle)
                << QByteArray(n.lenient);
    }
}

void TestCliHostile::floatsByRoomVersion()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, number);
    QFETCH(QString, needle);
    QFETCH(QByteArray, lenient);
    json::Object event = test::parseJson(signedV10Event()).toObject();
    event.insert("event_id", "$float:origin.example"); // versions 1 and 2 need one
    const QByteArray input =
        QByteArray::fromStdString(json::toCanonical(event))
            .replace("\"depth\":7", QByteArray("\"depth\":7,\"float\":").append(number));
    const bool strict = version.toInt() >= 6;
    for (const char *command : {"id", "content-hash", "redact"}) {
        const auto result = runCli({QStringLiteral("event"), QLatin1String(command),
                                    QStringLiteral("--room-version"), version},
                                   input);
        if (strict) {
            const QString problem = usageErrorProblem(result, needle);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        } else {
            QVERIFY2(exitProblem(result, 0).isEmpty(), qPrintable(exitProblem(result, 0)));
        }
    }
    const auto canonical = runCli({QStringLiteral("json"), QStringLiteral("canonical"),
                                   QStringLiteral("--room-version"), version},
                                  "[" + number + "]");
    if (strict)
        QVERIFY2(usageErrorProblem(canonical, needle).isEmpty(),
                 qPrintable(usageErrorProblem(canonical, needle)));
    else {
        QVERIFY2(exitProblem(canonical, 0).isEmpty(), qPrintable(exitProblem(canonical, 0)));
        QCOMPARE(canonical.out, "[" + lenient + "]\n");
    }
}

void TestCliHostile::hugeEvent()
{
    // Over the 64 KiB PDU limit: event sign still works (it is a tool), event verify refuses it.
    json::Object event = test::parseJson(signedV10Event()).toObject();
    json::Object content;
    content.insert("body", std::string(70000, 'x'));
    event.insert("content", content);
    const auto signedEvent =
        runCli({QStringLiteral("event"), QStringLiteral("sign"), QStringLiteral("--room-version"),
                QStringLiteral("10"), QStringLiteral("--server"), QStringLiteral("origin.example"),
                QStringLiteral("--key"), cliData(QStringLiteral("origin.signing.key"))},
               QByteArray::fromStdString(json::toCanonical(event)));
    QVERIFY2(exitProblem(signedEvent, 0).isEmpty(), qPrintable(exitProblem(signedEvent, 0)));
    QVERIFY(signedEvent.out.size() > 70000);
    const auto result =
        runCli({QStringLiteral("event"), QStringLiteral("verify"), QStringLiteral("--room-version"),
                QStringLiteral("10"), QStringLiteral("--server"), QStringLiteral("origin.example"),
                QStringLiteral("--key-id"), QStringLiteral("ed25519:k1"),
                QStringLiteral("--public-key"), kOriginPublicKey},
               signedEvent.out);
    const QString problem = usageErrorProblem(result, QStringLiteral("65536"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(result.err.contains("malformed event"), result.err.constData());
}

void TestCliHostile::malformedEvents_data()
{
    // Well-formed JSON, but not an event of the room version: event verify says so (exit 2).
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("needle");
    QTest::newRow("no depth") << QStringLiteral("10") << QByteArray("\"depth\":7,") << QByteArray()
                              << QStringLiteral("depth");
    QTest::newRow("string depth") << QStringLiteral("10") << QByteArray("\"depth\":7")
                                  << QByteArray("\"depth\":\"7\"") << QStringLiteral("depth");
    QTest::newRow("no hashes") << QStringLiteral("10") << QByteArray("\"hashes\":")
                               << QByteArray("\"hashes_\":") << QStringLiteral("hashes");
    QTest::newRow("content not an object")
        << QStringLiteral("10") << QByteArray("\"content\":{")
        << QByteArray("\"content\":\"text\",\"c\":{") << QStringLiteral("content");
    QTest::newRow("bad sender") << QStringLiteral("10") << QByteArray("@alice:")
                                << QByteArray("alice:") << QStringLiteral("sender");
    QTest::newRow("v10 event in a v12 room")
        << QStringLiteral("12") << QByteArray() << QByteArray() << QStringLiteral("room_id");
    QTest::newRow("v10 event in a v1 room")
        << QStringLiteral("1") << QByteArray() << QByteArray() << QStringLiteral("event_id");
}

void TestCliHostile::malformedEvents()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, needle);
    QByteArray event = signedV10Event();
    if (!from.isEmpty()) {
        QVERIFY(event.contains(from));
        event.replace(from, to);
    }
    const auto result =
        runCli({QStringLiteral("event"), QStringLiteral("verify"), QStringLiteral("--room-version"),
                version, QStringLiteral("--server"), QStringLiteral("origin.example"),
                QStringLiteral("--key-id"), QStringLiteral("ed25519:k1"),
                QStringLiteral("--public-key"), kPublicKey},
               event);
    const QString problem = usageErrorProblem(result, needle);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliHostile::inputOver64MiB()
{
    const QByteArray input = QByteArray(64 * 1024 * 1024 + 1, ' ');
    const auto result = runCli(words("json canonical"), input);
    const QString problem = usageErrorProblem(result, QStringLiteral("64 MiB"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliHostile::mutatedEventsNeverCrash()
{
    // Random byte edits of a signed event: whatever the verdict, the CLI answers with 0, 1 or
    // 2 (and one stderr line for 2), never a signal or a hang.
    const QByteArray event = signedV10Event();
    QRandomGenerator random(20240601);
    const QByteArray alphabet = "{}[]\",:\\0123456789.eE-+tfnul \x80\xff";
    for (int round = 0; round < 150; ++round) {
        QByteArray mutated = event;
        const int edits = 1 + random.bounded(4);
        for (int i = 0; i < edits; ++i) {
            const int at = random.bounded(int(mutated.size()));
            switch (random.bounded(3)) {
            case 0:
                mutated[at] = alphabet[random.bounded(int(alphabet.size()))];
                break;
            case 1:
                mutated.remove(at, 1 + random.bounded(8));
                break;
            default:
                mutated.insert(at, alphabet[random.bounded(int(alphabet.size()))]);
            }
        }
        const QString version = QString::number(1 + random.bounded(12));
        const auto result =
            runCli({QStringLiteral("event"), QStringLiteral("verify"),
                    QStringLiteral("--room-version"), version, QStringLiteral("--server"),
                    QStringLiteral("origin.example"), QStringLiteral("--key-id"),
                    QStringLiteral("ed25519:k1"), QStringLiteral("--public-key"), kOriginPublicKey},
                   mutated);
        const QString context = QStringLiteral("round %1, v%2: ").arg(round).arg(version);
        QVERIFY2(!result.crashed && !result.timedOut,
                 qPrintable(context + QString::fromUtf8(result.err)));
        QVERIFY2(result.exitCode >= 0 && result.exitCode <= 2,
                 qPrintable(context + QString::number(result.exitCode)));
        if (result.exitCode == 2)
            QVERIFY2(usageErrorProblem(result, QString()).isEmpty(),
                     qPrintable(context + usageErrorProblem(result, QString())));
    }
}

void TestCliHostile::unwritableOutput_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("json canonical")
        << QStringList{QStringLiteral("json"), QStringLiteral("canonical"),
                       cliData(QStringLiteral("canonical/05-nested.json"))};
    QTest::newRow("key generate") << words("key generate");
    QTest::newRow("--help") << words("--help");
}

void TestCliHostile::unwritableOutput()
{
    // Output lost to a full disk is not success: exit status 2 and one line saying so.
    QFETCH(QStringList, command);
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    QProcess process;
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(TRELLIS_CLI), command);
    QVERIFY(process.waitForFinished(test::kCliTimeoutMs));
    test::CliResult result;
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.err = process.readAllStandardError();
    const QString problem = usageErrorProblem(result, QStringLiteral("cannot write"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
