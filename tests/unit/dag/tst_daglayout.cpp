// The DAG layout (core/dag): the invariants of core/dag/README.md on generated DAGs, input
// order independence, viewport queries against brute force, hostile input, JSON and SVG.
#include "tests/unit/dag/DagGenerators.h"

#include "core/dag/DagAuthEdges.h"
#include "core/dag/DagLayoutBuilder.h"
#include "core/dag/DagLayoutJson.h"
#include "core/dag/DagSvgWriter.h"

#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <limits>
#include <random>

using namespace trellis;
using namespace trellis::dag;
namespace gen = trellis::test::dag;

namespace {

DagLayout layoutOf(const QList<DagNodeInput> &events)
{
    auto layout = layoutDag(events);
    if (!layout)
        qFatal("layout failed: %s", qPrintable(layout.error().message));
    return std::move(*layout);
}

QList<DagNodeInput> shuffled(QList<DagNodeInput> events, quint32 seed)
{
    std::mt19937 random(seed);
    std::shuffle(events.begin(), events.end(), random);
    for (DagNodeInput &event : events)
        std::shuffle(event.prevIds.begin(), event.prevIds.end(), random);
    return events;
}

// A canonical text of a whole layout, to compare two of them.
QStringList describe(const DagLayout &layout)
{
    QStringList lines{QString::number(layout.laneCount())};
    for (const DagNode &node : layout.nodes())
        lines.append(QStringLiteral("%1 %2 %3 %4")
                         .arg(node.row)
                         .arg(node.lane)
                         .arg(node.id)
                         .arg(int(node.flags)));
    for (const DagEdge &edge : layout.edges())
        lines.append(QStringLiteral("%1,%2 -> %3,%4 via %5")
                         .arg(edge.fromRow)
                         .arg(edge.fromLane)
                         .arg(edge.toRow)
                         .arg(edge.toLane)
                         .arg(edge.runLane));
    return lines;
}

// The "open branches" bound: at each row, the events above it still waiting for a child at
// or below it, plus the event itself.
int openBranchBound(const DagLayout &layout)
{
    std::vector<int> delta(size_t(layout.rowCount()) + 2, 0);
    std::vector<int> lastChild(size_t(layout.rowCount()), -1);
    for (const DagEdge &edge : layout.edges())
        lastChild[size_t(edge.toRow)] = std::max(lastChild[size_t(edge.toRow)], edge.fromRow);
    for (int row = 0; row < layout.rowCount(); ++row) {
        if (lastChild[size_t(row)] >= 0) {
            ++delta[size_t(row) + 1];
            --delta[size_t(lastChild[size_t(row)]) + 1];
        }
    }
    int open = 0, widest = 0;
    for (int row = 0; row < layout.rowCount(); ++row) {
        open += delta[size_t(row)];
        widest = std::max(widest, open + 1);
    }
    return widest;
}

// True if the segment a-b passes through the cell of a node other than its endpoints'.
bool segmentHitsNode(const DagLayout &layout, DagPoint a, DagPoint b, QString &why)
{
    const int top = std::min(a.row, b.row);
    const int bottom = std::max(a.row, b.row);
    for (int row = top; row <= bottom; ++row) {
        const double t = a.row == b.row ? 0.0 : double(row - a.row) / double(b.row - a.row);
        const double lane = a.lane + t * (b.lane - a.lane);
        const DagNode &node = layout.node(row);
        const bool endpoint =
            (row == a.row && node.lane == a.lane) || (row == b.row && node.lane == b.lane);
        if (!endpoint && std::abs(lane - node.lane) < 1e-9) {
            why = QStringLiteral("passes through %1 at row %2").arg(node.id).arg(row);
            return true;
        }
    }
    return false;
}

} // namespace

class TestDagLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invariants_data();
    void invariants();
    void shuffledInputGivesTheSameLayout_data() { invariants_data(); }
    void shuffledInputGivesTheSameLayout();
    void viewportQueriesMatchBruteForce_data() { invariants_data(); }
    void viewportQueriesMatchBruteForce();
    void linearChainIsOneLane();
    void wideMergeUsesOneLanePerBranch();
    void forksNeedOneLaneEach();
    void missingPrevEventsArePlaceholders();
    void tieBreakIsDepthThenTsThenId();
    void flagsFromInput();
    void hostileInput_data();
    void hostileInput();
    void emptyInput();
    void extremeNumbers();
    void authEdges();
    void json();
    void svgIsWellFormedXml();
    void svgOfSomeRows();
    void svgEscapesText();
};

void TestDagLayout::invariants_data()
{
    QTest::addColumn<QList<DagNodeInput>>("events");
    QTest::newRow("single") << gen::linearChain(1);
    QTest::newRow("linear chain") << gen::linearChain(300);
    QTest::newRow("forks and merges") << gen::forksAndMerges(40, 5);
    QTest::newRow("wide merge of 20") << gen::wideMerge(20, 6);
    QTest::newRow("random width 4") << gen::boundedRandomDag(3000, 4, 1);
    QTest::newRow("random width 12") << gen::boundedRandomDag(4000, 12, 2);
    QTest::newRow("random width 30, wide merges") << gen::boundedRandomDag(2000, 30, 3, 20);
    QTest::newRow("random with gaps") << gen::withGaps(gen::boundedRandomDag(2000, 8, 4), 7);
    QTest::newRow("merges with gaps") << gen::withGaps(gen::forksAndMerges(20, 6), 3);
    QList<DagNodeInput> repeated = gen::boundedRandomDag(500, 6, 6);
    for (qsizetype i = 1; i < repeated.size(); i += 3)
        repeated[i].prevIds.append(repeated[i].prevIds.first()); // cited twice: one edge
    QTest::newRow("repeated prev events") << repeated;
}

void TestDagLayout::invariants()
{
    QFETCH(QList<DagNodeInput>, events);
    const DagLayout layout = layoutOf(events);

    // One node per present or cited event, one per row, each in a lane of the layout.
    QSet<QString> cited;
    QSet<QString> present;
    for (const DagNodeInput &event : events) {
        present.insert(event.id);
        for (const QString &prev : event.prevIds)
            cited.insert(prev);
    }
    QCOMPARE(layout.rowCount(), (present | cited).size());
    QSet<QPair<int, int>> cells;
    for (int row = 0; row < layout.rowCount(); ++row) {
        const DagNode &node = layout.node(row);
        QCOMPARE(node.row, row);
        QVERIFY(node.lane >= 0 && node.lane < layout.laneCount());
        QVERIFY2(!cells.contains({node.row, node.lane}), "two nodes share a cell");
        cells.insert({node.row, node.lane});
        QCOMPARE(layout.rowOf(node.id), row);
        QCOMPARE(node.flags.testFlag(DagFlag::Missing), !present.contains(node.id));
        QCOMPARE(node.flags.testFlag(DagFlag::ForwardExtremity),
                 present.contains(node.id) && !cited.contains(node.id));
    }

    // Every prev edge, exactly once, from the child up to its prev event.
    QSet<QPair<int, int>> expected;
    for (const DagNodeInput &event : events) {
        for (const QString &prev : event.prevIds)
            expected.insert({layout.rowOf(event.id), layout.rowOf(prev)});
    }
    QSet<QPair<int, int>> drawn;
    for (const DagEdge &edge : layout.edges()) {
        QVERIFY2(edge.toRow < edge.fromRow, "a prev event is not above its child");
        QCOMPARE(edge.fromLane, layout.node(edge.fromRow).lane);
        QCOMPARE(edge.toLane, layout.node(edge.toRow).lane);
        QVERIFY(!drawn.contains({edge.fromRow, edge.toRow}));
        drawn.insert({edge.fromRow, edge.toRow});
        const QList<DagPoint> path = edge.path();
        QCOMPARE(path.first(), (DagPoint{edge.fromRow, edge.fromLane}));
        QCOMPARE(path.last(), (DagPoint{edge.toRow, edge.toLane}));
        QString why;
        for (qsizetype i = 0; i + 1 < path.size(); ++i)
            QVERIFY2(!segmentHitsNode(layout, path[i], path[i + 1], why), qPrintable(why));
    }
    QCOMPARE(drawn, expected);
    for (int row = 0; row < layout.rowCount(); ++row) {
        QCOMPARE(int(layout.prevEdges(row).size()), layout.node(row).prevCount);
        for (const DagEdge &edge : layout.prevEdges(row))
            QCOMPARE(edge.fromRow, row);
    }

    // Lanes grow with the number of open branches, never with the number of events.
    QVERIFY2(layout.laneCount() <= openBranchBound(layout),
             qPrintable(QStringLiteral("%1 lanes, bound %2")
                            .arg(layout.laneCount())
                            .arg(openBranchBound(layout))));
}

void TestDagLayout::shuffledInputGivesTheSameLayout()
{
    QFETCH(QList<DagNodeInput>, events);
    const QStringList reference = describe(layoutOf(events));
    for (quint32 seed = 1; seed <= 3; ++seed)
        QCOMPARE(describe(layoutOf(shuffled(events, seed))), reference);
}

void TestDagLayout::viewportQueriesMatchBruteForce()
{
    QFETCH(QList<DagNodeInput>, events);
    const DagLayout layout = layoutOf(events);
    QRandomGenerator random(42);
    const int rows = layout.rowCount();
    for (int query = 0; query < 200; ++query) {
        int first = int(random.bounded(rows + 20)) - 10;
        int last = first + int(random.bounded(query % 4 == 0 ? rows + 1 : 40)) - 2;
        std::vector<int> expected;
        for (size_t i = 0; i < layout.edges().size(); ++i) {
            const DagEdge &edge = layout.edges()[i];
            if (first <= last && edge.toRow <= last && edge.fromRow >= first)
                expected.push_back(int(i));
        }
        std::vector<int> found = layout.edgesCrossingRows(first, last);
        std::sort(found.begin(), found.end());
        QCOMPARE(found, expected);

        QStringList nodesExpected, nodesFound;
        for (const DagNode &node : layout.nodes()) {
            if (node.row >= first && node.row <= last)
                nodesExpected.append(node.id);
        }
        for (const DagNode &node : layout.nodesInRows(first, last))
            nodesFound.append(node.id);
        QCOMPARE(nodesFound, nodesExpected);
    }
}

void TestDagLayout::linearChainIsOneLane()
{
    const DagLayout layout = layoutOf(gen::linearChain(1000));
    QCOMPARE(layout.laneCount(), 1);
    QCOMPARE(layout.node(0).id, gen::eventName(0));
    QCOMPARE(layout.node(999).id, gen::eventName(999));
    QCOMPARE(layout.node(999).flags, DagFlags(DagFlag::ForwardExtremity));
    for (const DagEdge &edge : layout.edges())
        QCOMPARE(edge.path().size(), 2);
}

void TestDagLayout::wideMergeUsesOneLanePerBranch()
{
    const QList<DagNodeInput> events = gen::wideMerge(20, 5);
    const DagLayout layout = layoutOf(events);
    QCOMPARE(layout.laneCount(), 20);
    const DagNode &merge = layout.node(layout.rowCount() - 1);
    QCOMPARE(merge.id, events.last().id);
    QCOMPARE(merge.prevCount, 20);
    QCOMPARE(int(layout.prevEdges(merge.row).size()), 20);
}

void TestDagLayout::forksNeedOneLaneEach()
{
    // However long the history, the lanes are those of one round of concurrent branches.
    for (int forks : {2, 5, 9})
        QCOMPARE(layoutOf(gen::forksAndMerges(200, forks)).laneCount(), forks);
}

void TestDagLayout::missingPrevEventsArePlaceholders()
{
    QList<DagNodeInput> events = gen::linearChain(5);
    events.removeAt(2); // $e3 cites the missing $e2
    events[0].prevIds = {QStringLiteral("$before:s0.example")};
    const DagLayout layout = layoutOf(events);
    QCOMPARE(layout.rowCount(), 6);
    const DagNode &gap = layout.node(layout.rowOf(gen::eventName(2)));
    QCOMPARE(gap.flags, DagFlags(DagFlag::Missing));
    QVERIFY(gap.type.isEmpty());
    QCOMPARE(gap.depth, 3); // one above $e3 at depth 4
    QCOMPARE(gap.childCount, 1);
    QVERIFY(layout.rowOf(gen::eventName(2)) < layout.rowOf(gen::eventName(3)));
    QCOMPARE(layout.node(0).id, QStringLiteral("$before:s0.example"));
    QVERIFY(layout.node(0).flags.testFlag(DagFlag::Missing));
    // A missing event is not a forward extremity, whatever it looks like.
    QVERIFY(!gap.flags.testFlag(DagFlag::ForwardExtremity));
}

void TestDagLayout::tieBreakIsDepthThenTsThenId()
{
    QList<DagNodeInput> events = gen::linearChain(1);
    auto child = [&](const QString &id, qint64 depth, qint64 ts) {
        DagNodeInput event;
        event.id = id;
        event.prevIds = {events[0].id};
        event.depth = depth;
        event.ts = ts;
        events.append(event);
    };
    child(QStringLiteral("$d"), 2, 10);
    child(QStringLiteral("$c"), 2, 5);
    child(QStringLiteral("$b"), 3, 1);
    child(QStringLiteral("$a"), 2, 10);
    const DagLayout layout = layoutOf(events);
    QStringList order;
    for (const DagNode &node : layout.nodes())
        order.append(node.id);
    QCOMPARE(order, (QStringList{events[0].id, QStringLiteral("$c"), QStringLiteral("$a"),
                                 QStringLiteral("$d"), QStringLiteral("$b")}));
    // A child lower in depth than its prev event (hostile depth) still comes after it.
    events[1].depth = -50;
    QCOMPARE(layoutOf(events).node(0).id, events[0].id);
}

void TestDagLayout::flagsFromInput()
{
    QList<DagNodeInput> events = gen::linearChain(3);
    events[1].flags = DagFlag::Rejected | DagFlag::Missing | DagFlag::ForwardExtremity;
    events[2].flags = DagFlag::SoftFailed | DagFlag::Outlier;
    const DagLayout layout = layoutOf(events);
    QCOMPARE(layout.node(1).flags, DagFlags(DagFlag::Rejected));
    QCOMPARE(layout.node(2).flags,
             DagFlag::SoftFailed | DagFlag::Outlier | DagFlag::ForwardExtremity);
    QCOMPARE(layout.node(2).server, QStringLiteral("s0.example"));
    QCOMPARE(layout.node(0).isState, true);
    QCOMPARE(layout.node(1).isState, false);
}

void TestDagLayout::hostileInput_data()
{
    QTest::addColumn<QList<DagNodeInput>>("events");
    QTest::addColumn<QString>("message");
    QList<DagNodeInput> chain = gen::linearChain(4);
    QList<DagNodeInput> duplicate = chain;
    duplicate.append(chain[2]);
    QTest::newRow("duplicate") << duplicate << QStringLiteral("appears twice");
    QList<DagNodeInput> cycle = chain;
    cycle[0].prevIds = {chain[3].id};
    QTest::newRow("cycle") << cycle << QStringLiteral("cycle through $e0");
    QList<DagNodeInput> self = chain;
    self[1].prevIds.append(self[1].id);
    QTest::newRow("own prev") << self << QStringLiteral("its own prev");
    QList<DagNodeInput> empty = chain;
    empty[2].id.clear();
    QTest::newRow("empty id") << empty << QStringLiteral("empty ID");
    QList<DagNodeInput> emptyPrev = chain;
    emptyPrev[2].prevIds.append(QString());
    QTest::newRow("empty prev id") << emptyPrev << QStringLiteral("empty prev");
}

void TestDagLayout::hostileInput()
{
    QFETCH(QList<DagNodeInput>, events);
    QFETCH(QString, message);
    const auto layout = layoutDag(events);
    QVERIFY(!layout);
    QVERIFY2(layout.error().message.contains(message), qPrintable(layout.error().message));
}

void TestDagLayout::emptyInput()
{
    const DagLayout layout = layoutOf({});
    QCOMPARE(layout.rowCount(), 0);
    QCOMPARE(layout.laneCount(), 0);
    QVERIFY(layout.nodesInRows(0, 10).empty());
    QVERIFY(layout.edgesCrossingRows(0, 10).empty());
    QVERIFY(layout.prevEdges(0).empty());
    QCOMPARE(layout.rowOf(QStringLiteral("$x")), -1);
}

void TestDagLayout::extremeNumbers()
{
    QList<DagNodeInput> events = gen::linearChain(4);
    events[0].prevIds = {QStringLiteral("$gap")};
    events[0].depth = std::numeric_limits<qint64>::min();
    events[0].ts = std::numeric_limits<qint64>::min();
    events[1].depth = std::numeric_limits<qint64>::max();
    events[2].ts = std::numeric_limits<qint64>::max();
    const DagLayout layout = layoutOf(events);
    QCOMPARE(layout.rowCount(), 5);
    QCOMPARE(layout.node(0).id, QStringLiteral("$gap"));
    QCOMPARE(layout.node(0).depth, std::numeric_limits<qint64>::min());
    QVERIFY(dagLayoutToJson(layout).isObject());
    QXmlStreamReader reader(DagSvgWriter::write(layout));
    while (!reader.atEnd())
        reader.readNext();
    QVERIFY(!reader.hasError());
}

void TestDagLayout::authEdges()
{
    QList<DagNodeInput> events = gen::linearChain(4);
    events[3].authIds = {events[0].id, events[1].id, events[0].id, QStringLiteral("$gone:x")};
    const DagLayout layout = layoutOf(events);
    const QList<DagAuthEdge> edges = dagAuthEdges(layout, events[3]);
    QCOMPARE(edges.size(), 3);
    QCOMPARE(edges[0].toRow, 0);
    QCOMPARE(edges[1].toRow, 1);
    QCOMPARE(edges[2].toRow, -1);
    QCOMPARE(edges[2].toId, QStringLiteral("$gone:x"));
    // Auth edges are not part of the layout's prev edges.
    QCOMPARE(layout.edges().size(), size_t(3));
    QCOMPARE(dagAuthEdges(layout, events).size(), size_t(1 + 1 + 3)); // $e1..$e3 cite $e0
    const auto all = dagAuthEdges(layout, shuffled(events, 9));
    QCOMPARE(all.front().fromRow, 1);
    QCOMPARE(all.back().fromRow, 3);
}

void TestDagLayout::json()
{
    QList<DagNodeInput> events = gen::linearChain(3);
    events.removeAt(0);
    const json::Object object = dagLayoutToJson(layoutOf(events)).toObject();
    QCOMPARE(object["rows"].toInteger(), 3);
    QCOMPARE(object["lanes"].toInteger(), 1);
    const json::Array &nodes = object["nodes"].toArray();
    QCOMPARE(nodes.size(), size_t(3));
    QCOMPARE(nodes[0].toObject()["flags"].toArray().front().toString(), std::string("missing"));
    QVERIFY(!nodes[0].toObject().contains("type"));
    QCOMPARE(nodes[2].toObject()["type"].toString(), std::string("m.room.message"));
    QCOMPARE(nodes[2].toObject()["flags"].toArray().front().toString(),
             std::string("forward_extremity"));
    const json::Array &edges = object["edges"].toArray();
    QCOMPARE(edges.size(), size_t(2));
    QCOMPARE(edges[1].toObject()["from"].toInteger(), 2);
    QCOMPARE(edges[1].toObject()["to"].toInteger(), 1);
    QCOMPARE(edges[1].toObject()["path"].toArray().size(), size_t(2));
}

namespace {

// What an SVG picture of a layout holds: edges, labels and node shapes, and its view box.
struct SvgCounts
{
    int paths = 0;
    int texts = 0;
    int nodes = 0;
    QString viewBox;
    QString error;
};

SvgCounts countSvg(const QByteArray &svg)
{
    SvgCounts counts;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QStringLiteral("svg"))
            counts.viewBox = reader.attributes().value(QStringLiteral("viewBox")).toString();
        else if (reader.name() == QStringLiteral("path"))
            ++counts.paths;
        else if (reader.name() == QStringLiteral("text"))
            ++counts.texts;
        else if ((reader.name() == QStringLiteral("circle") ||
                  reader.name() == QStringLiteral("rect")) &&
                 reader.attributes().value(QStringLiteral("fill")) != QStringLiteral("none") &&
                 reader.attributes().value(QStringLiteral("width")) != QStringLiteral("100%"))
            ++counts.nodes;
    }
    if (reader.hasError())
        counts.error = reader.errorString();
    return counts;
}

} // namespace

void TestDagLayout::svgIsWellFormedXml()
{
    const DagLayout layout = layoutOf(gen::withGaps(gen::boundedRandomDag(300, 6, 5), 11));
    const SvgCounts counts = countSvg(DagSvgWriter::write(layout));
    QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
    QCOMPARE(counts.paths, int(layout.edges().size()));
    QCOMPARE(counts.texts, layout.rowCount());
    QCOMPARE(counts.nodes, layout.rowCount());
}

void TestDagLayout::svgOfSomeRows()
{
    const DagLayout layout = layoutOf(gen::withGaps(gen::boundedRandomDag(300, 6, 5), 11));
    // Rows 100..149: their nodes and labels, every edge that crosses them, the view box on them.
    const SvgCounts part = countSvg(DagSvgWriter::write(layout, 100, 149));
    QVERIFY2(part.error.isEmpty(), qPrintable(part.error));
    QCOMPARE(part.nodes, 50);
    QCOMPARE(part.texts, 50);
    QCOMPARE(part.paths, int(layout.edgesCrossingRows(100, 149).size()));
    QVERIFY(part.paths < int(layout.edges().size()));
    const QStringList box = part.viewBox.split(QLatin1Char(' '));
    QCOMPARE(box.size(), 4);
    QCOMPARE(box[1].toInt(), 100 * 24);
    // Out-of-range rows are clamped; an empty range is an empty, well-formed picture.
    QCOMPARE(DagSvgWriter::write(layout, -5, 1'000'000), DagSvgWriter::write(layout));
    const SvgCounts none = countSvg(DagSvgWriter::write(layout, 10, 5));
    QVERIFY(none.error.isEmpty());
    QCOMPARE(none.nodes + none.texts + none.paths, 0);
}

void TestDagLayout::svgEscapesText()
{
    QList<DagNodeInput> events = gen::linearChain(2);
    events[1].type = QStringLiteral("<evil & \"type\">\x01\x1f'");
    events[1].sender = QStringLiteral("@a:]]></svg>");
    const QByteArray svg = DagSvgWriter::write(layoutOf(events));
    QXmlStreamReader reader(svg);
    QString text;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement &&
            reader.name() == QStringLiteral("text"))
            text = reader.readElementText();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(text, QStringLiteral("$e1:s0.ex <evil & \"type\">\uFFFD\uFFFD'"));
    QCOMPARE(DagSvgWriter::serverHue(QStringLiteral("a.example")),
             DagSvgWriter::serverHue(QStringLiteral("a.example")));
}

QTEST_GUILESS_MAIN(TestDagLayout)
#include "tst_daglayout.moc"
