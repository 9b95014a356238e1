// trellis-cli dag layout end to end: JSON and SVG layouts of a hand-written version 2 dump
// and of a scripted version 12 room, input order independence, usage errors.
#include "CliRunner.h"

#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace trellis;
using test::CliResult;
using test::runCli;

class TestCliDagLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonLayoutOfADump_data();
    void jsonLayoutOfADump();
    void stdinAndShuffledDumpGiveTheSameLayout();
    void replayFlagsRejectedEvents();
    void svgIsWellFormedXml();
    void usageErrors_data();
    void usageErrors();
    void help();

private:
    QByteArray run(const QStringList &arguments, const QByteArray &input = {});

    QTemporaryDir m_dir;
    QString m_built; ///< the scripted version 12 room as a dump
    QString m_handwritten;
};

QByteArray TestCliDagLayout::run(const QStringList &arguments, const QByteArray &input)
{
    const CliResult result = runCli(arguments, input);
    const QString problem = test::exitProblem(result, 0);
    if (!problem.isEmpty())
        qFatal("%s: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(problem));
    return result.out;
}

void TestCliDagLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_handwritten = test::cliData(QStringLiteral("room/handwritten_v2.json"));
    const QByteArray dump = run({QStringLiteral("dag"), QStringLiteral("build"),
                                 test::cliData(QStringLiteral("room/ban_races_topic.json"))});
    m_built = test::writeFile(m_dir, QStringLiteral("built.json"), dump);
}

void TestCliDagLayout::jsonLayoutOfADump_data()
{
    QTest::addColumn<QString>("dump");
    QTest::newRow("hand-written, version 2") << m_handwritten;
    QTest::newRow("scripted, version 12") << m_built;
}

void TestCliDagLayout::jsonLayoutOfADump()
{
    QFETCH(QString, dump);
    const json::Array events = test::parseJson(test::readData(dump)).toArray();
    const json::Object layout =
        test::parseJson(run({QStringLiteral("dag"), QStringLiteral("layout"), dump}),
                        json::NumberPolicy::Strict)
            .toObject();
    const json::Array &nodes = layout["nodes"].toArray();
    QCOMPARE(nodes.size(), events.size());
    QCOMPARE(layout["rows"].toInteger(), qint64(events.size()));
    QVERIFY(layout["lanes"].toInteger() >= 1);

    // Each node in its row; every prev event of the dump is an edge to a row above.
    QHash<QString, qint64> rows;
    QSet<QPair<qint64, qint64>> cells;
    for (const json::Value &node : nodes) {
        const json::Object &object = node.toObject();
        QCOMPARE(object["row"].toInteger(), qint64(rows.size()));
        rows.insert(json::toQString(object["id"].toString()), object["row"].toInteger());
        QVERIFY(!cells.contains({object["row"].toInteger(), object["lane"].toInteger()}));
        cells.insert({object["row"].toInteger(), object["lane"].toInteger()});
    }
    QSet<QPair<qint64, qint64>> edges;
    for (const json::Value &edge : layout["edges"].toArray()) {
        const qint64 from = edge.toObject()["from"].toInteger();
        const qint64 to = edge.toObject()["to"].toInteger();
        QVERIFY(to < from);
        QVERIFY(edge.toObject()["path"].toArray().size() >= 2);
        edges.insert({from, to});
    }
    QSet<QPair<qint64, qint64>> expected;
    qsizetype prevCount = 0;
    for (const json::Value &event : events) {
        const QString id = json::toQString(event.toObject()["event_id"].toString());
        for (const json::Value &prev : event.toObject()["prev_events"].toArray()) {
            // Version 1 and 2 cite [id, hashes]; later versions cite the ID alone.
            const json::Value &prevId = prev.isArray() ? prev.toArray().front() : prev;
            expected.insert(
                {rows.value(id, -1), rows.value(json::toQString(prevId.toString()), -1)});
            ++prevCount;
        }
    }
    QCOMPARE(qsizetype(edges.size()), prevCount);
    if (dump == m_handwritten) // version 12 events carry no event_id: the count must do
        QCOMPARE(edges, expected);
}

void TestCliDagLayout::stdinAndShuffledDumpGiveTheSameLayout()
{
    const QByteArray fromFile = run({QStringLiteral("dag"), QStringLiteral("layout"), m_built});
    const QByteArray bytes = test::readData(m_built);
    QCOMPARE(run({QStringLiteral("dag"), QStringLiteral("layout"), QStringLiteral("-")}, bytes),
             fromFile);
    QCOMPARE(run({QStringLiteral("dag"), QStringLiteral("layout")}, bytes), fromFile);

    json::Array events = test::parseJson(bytes).toArray();
    std::reverse(events.begin(), events.end());
    std::rotate(events.begin(), events.begin() + 3, events.end());
    const QString shuffled =
        test::writeFile(m_dir, QStringLiteral("shuffled.json"),
                        QByteArray::fromStdString(json::toCanonical(json::Value(events))));
    QCOMPARE(run({QStringLiteral("dag"), QStringLiteral("layout"), shuffled}), fromFile);
}

void TestCliDagLayout::replayFlagsRejectedEvents()
{
    // carol's late message is rejected against the state before it (see tst_cli_room).
    const json::Object layout =
        test::parseJson(run({QStringLiteral("dag"), QStringLiteral("layout"),
                             QStringLiteral("--replay"), m_built}))
            .toObject();
    int rejected = 0;
    for (const json::Value &node : layout["nodes"].toArray()) {
        for (const json::Value &flag : node.toObject()["flags"].toArray())
            rejected += flag.toString() == "rejected" ? 1 : 0;
    }
    QVERIFY(rejected >= 1);
    const json::Object plain =
        test::parseJson(run({QStringLiteral("dag"), QStringLiteral("layout"), m_built})).toObject();
    QVERIFY(!json::toCanonicalBytes(json::Value(plain)).contains("\"rejected\""));
}

void TestCliDagLayout::svgIsWellFormedXml()
{
    for (const QString &dump : {m_handwritten, m_built}) {
        const QByteArray svg = run({QStringLiteral("dag"), QStringLiteral("layout"),
                                    QStringLiteral("--format"), QStringLiteral("svg"), dump});
        const qsizetype eventCount =
            qsizetype(test::parseJson(test::readData(dump)).toArray().size());
        QXmlStreamReader reader(svg);
        QString root;
        int labels = 0;
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (root.isEmpty())
                root = reader.name().toString();
            if (reader.name() == QStringLiteral("text"))
                ++labels;
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QCOMPARE(labels, eventCount);
    }
}

void TestCliDagLayout::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("needle");
    const QString layout = QStringLiteral("layout");
    const QString dag = QStringLiteral("dag");
    QTest::newRow("unknown format") << QStringList{dag, layout, QStringLiteral("--format"),
                                                   QStringLiteral("png"), m_handwritten}
                                    << QByteArray() << QStringLiteral("unknown format 'png'");
    QTest::newRow("no such file") << QStringList{dag, layout,
                                                 QStringLiteral("/nonexistent/dump.json")}
                                  << QByteArray() << QStringLiteral("cannot read");
    QTest::newRow("two files") << QStringList{dag, layout, m_handwritten, m_handwritten}
                               << QByteArray() << QStringLiteral("dag layout");
    QTest::newRow("not json") << QStringList{dag, layout} << QByteArray("{nope")
                              << QStringLiteral("M_NOT_JSON");
    QTest::newRow("not an array") << QStringList{dag, layout} << QByteArray("{}")
                                  << QStringLiteral("array");
    QTest::newRow("not a pdu") << QStringList{dag, layout} << QByteArray("[{\"type\": 1}]")
                               << QStringLiteral("event 0 of the dump");
    QByteArray twice = test::readData(m_handwritten).trimmed();
    twice.chop(1); // "]"
    twice += ",\n" + test::readData(m_handwritten).trimmed().mid(1);
    QTest::newRow("duplicate event")
        << QStringList{dag, layout} << twice << QStringLiteral("appears twice");
}

void TestCliDagLayout::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, needle);
    const QString problem = test::usageErrorProblem(runCli(arguments, input), needle);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliDagLayout::help()
{
    const CliResult result =
        runCli({QStringLiteral("dag"), QStringLiteral("layout"), QStringLiteral("--help")});
    QVERIFY2(test::exitProblem(result, 0).isEmpty(), qPrintable(test::exitProblem(result, 0)));
    const QString help = QString::fromUtf8(result.out);
    QVERIFY2(help.startsWith(QStringLiteral("Usage: trellis-cli dag layout ")), qPrintable(help));
    for (const char *option : {"--format", "--replay", "--room-version", "--pretty", "FILE"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    const CliResult usage = runCli({QStringLiteral("--help")});
    QVERIFY(usage.out.contains("dag layout"));
}

QTEST_GUILESS_MAIN(TestCliDagLayout)
#include "tst_cli_daglayout.moc"
