// DAG layout throughput (issue "desktop explorer"): layout of generated room dumps of 1k, 10k
// and 100k events (target: 100k in <= 1 s), and `trellis-cli dag layout --format svg` against
// graphviz `dot -Tsvg` on the same 3,000-event DAG, as a ratio measured in the same run.
#include "tests/unit/dag/DagGenerators.h"

#include "core/dag/DagLayoutBuilder.h"
#include "core/dag/DagPduInput.h"
#include "core/room/RoomDump.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace trellis;
using trellis::dag::DagNodeInput;

namespace {

constexpr int kWidth = 16; // concurrent branches of the generated rooms

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

QByteArray reference(const QString &id)
{
    return "[\"" + id.toUtf8() + "\",{\"sha256\":\"unchecked\"}]";
}

// The events as a room dump of version 1 (event IDs are given, so any DAG can be written).
QByteArray toDump(QList<DagNodeInput> events)
{
    events[0].type = QStringLiteral("m.room.create");
    events[0].stateKey = QString();
    QByteArray out = "[\n";
    for (const DagNodeInput &event : events) {
        QByteArrayList prevs, auths;
        for (const QString &id : event.prevIds)
            prevs.append(reference(id));
        for (const QString &id : event.authIds)
            auths.append(reference(id));
        out +=
            "{\"event_id\":\"" + event.id.toUtf8() +
            "\",\"room_id\":\"!r:s0.example\",\"sender\":\"" + event.sender.toUtf8() +
            "\",\"type\":\"" + event.type.toUtf8() + '"' +
            (event.stateKey ? ",\"state_key\":\"" + event.stateKey->toUtf8() + '"' : QByteArray()) +
            ",\"content\":{\"body\":\"hello\"},\"prev_events\":[" + prevs.join(',') +
            "],\"auth_events\":[" + auths.join(',') +
            "],\"depth\":" + QByteArray::number(event.depth) +
            ",\"origin_server_ts\":" + QByteArray::number(event.ts) +
            ",\"hashes\":{\"sha256\":\"unchecked\"},\"signatures\":{}},\n";
    }
    out.chop(2);
    return out + "\n]\n";
}

QByteArray toDot(const QList<DagNodeInput> &events)
{
    QByteArray out = "digraph dag {\n  node [shape=box, fontsize=10];\n";
    for (const DagNodeInput &event : events) {
        out += "  \"" + event.id.toUtf8() + "\" [label=\"" + event.id.left(9).toUtf8() + ' ' +
               event.type.toUtf8() + "\"];\n";
        for (const QString &prev : event.prevIds)
            out += "  \"" + prev.toUtf8() + "\" -> \"" + event.id.toUtf8() + "\";\n";
    }
    return out + "}\n";
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// Wall time of one run of a program, in ms; aborts the bench if it fails.
double runMs(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return double(timer.nsecsElapsed()) / 1e6;
}

void layoutRow(int count)
{
    const QByteArray dump = toDump(test::dag::boundedRandomDag(count, kWidth, quint32(count)));
    room::RoomDump read;
    const double readMs = medianMs(1, [&] {
        auto parsed = room::readRoomDump(std::string_view(dump.constData(), size_t(dump.size())));
        if (!parsed)
            qFatal("generated dump rejected: %s", qPrintable(parsed.error().message));
        read = std::move(*parsed);
    });
    const QList<DagNodeInput> inputs = dag::dagInputFromPdus(read.events);
    int lanes = 0;
    const double layoutMs = medianMs(5, [&] {
        auto layout = dag::layoutDag(inputs);
        if (!layout)
            qFatal("layout failed: %s", qPrintable(layout.error().message));
        lanes = layout->laneCount();
    });
    const bool target = count < 100000 || layoutMs <= 1000;
    std::printf("  %8d %6d %14.1f %12.1f   %s\n", count, lanes, readMs, layoutMs,
                count == 100000 ? (target ? "target <= 1000 ms: met" : "target <= 1000 ms: NOT met")
                                : "");
}

void dotComparison()
{
    constexpr int kCount = 3000;
    std::printf("\n`trellis-cli dag layout --format svg` against graphviz `dot -Tsvg`, same "
                "%d-event DAG:\n",
                kCount);
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dot.isEmpty()) {
        std::printf("  skipped: graphviz `dot` is not installed (apt-get install graphviz)\n");
        return;
    }
    QTemporaryDir dir;
    const QList<DagNodeInput> events = test::dag::boundedRandomDag(kCount, kWidth, 3);
    const QString dumpPath = dir.filePath(QStringLiteral("dump.json"));
    const QString dotPath = dir.filePath(QStringLiteral("dag.dot"));
    writeFile(dumpPath, toDump(events));
    writeFile(dotPath, toDot(events));
    const QString cli = QStringLiteral(TRELLIS_CLI);
    const QStringList cliArgs{QStringLiteral("dag"), QStringLiteral("layout"),
                              QStringLiteral("--format"), QStringLiteral("svg"), dumpPath};
    std::vector<double> cliTimes, dotTimes;
    for (int i = 0; i < 3; ++i) {
        cliTimes.push_back(runMs(cli, cliArgs));
        dotTimes.push_back(runMs(dot, {QStringLiteral("-Tsvg"), dotPath}));
    }
    std::sort(cliTimes.begin(), cliTimes.end());
    std::sort(dotTimes.begin(), dotTimes.end());
    std::printf("  trellis-cli: %9.1f ms   dot: %9.1f ms   (medians of 3; whole processes, reading "
                "included)\n",
                cliTimes[1], dotTimes[1]);
    std::printf("  dot / trellis-cli: %.1fx\n", dotTimes[1] / cliTimes[1]);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf(
        "Trellis DAG layout bench: generated rooms of room version 1, at most %d concurrent "
        "branches, 1-3 prev events each; one core.\n\n",
        kWidth);
    std::printf("  %8s %6s %14s %12s\n", "events", "lanes", "read dump ms", "layout ms");
    for (int count : {1000, 10000, 100000})
        layoutRow(count);
    std::printf(
        "  (layout: median of 5 runs of layoutDag() on the dump's events; read dump: one run of "
        "readRoomDump, PDU checks and event IDs included)\n");
    dotComparison();
    return 0;
}
