// DAG view speed (issue "desktop explorer"), on generated room dumps of 100,000 events:
// open to first paint (read + layout off the GUI thread, then one 1920x1080 viewport rendered
// into a QImage; target <= 2 s) and the paint of a full viewport at several zoom levels
// (target <= 16 ms, one frame at 60 Hz). Medians; the offscreen platform unless one is set.
#include "tests/unit/dag/DagGenerators.h"

#include "core/dag/DagLayoutBuilder.h"
#include "core/dag/DagPduInput.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"
#include "ui/dag/DagView.h"
#include "ui/dag/RoomDumpDocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace trellis;
using trellis::dag::DagNodeInput;
using trellis::ui::dag::DagSnapshotPtr;
using trellis::ui::dag::DagView;
using trellis::ui::dag::RoomDumpDocument;

namespace {

constexpr int kEvents = 100000;
constexpr int kWidth = 16;

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

// Opens the dump as the explorer does (without the replay) and waits for the snapshot.
DagSnapshotPtr openAndWait(const QString &path)
{
    RoomDumpDocument document(RoomDumpDocument::Options{false, 0});
    QEventLoop loop;
    QObject::connect(&document, &RoomDumpDocument::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&document, &RoomDumpDocument::failed, &loop, [](const QString &message) {
        qFatal("cannot open the dump: %s", qPrintable(message));
    });
    document.open(path);
    loop.exec();
    return document.snapshot();
}

// Where the first paint's time goes: the core's reading and layout, timed on their own.
void printBreakdown(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the dump");
    const QByteArray bytes = file.readAll();
    room::RoomDump dump;
    const double readMs = medianMs(3, [&] {
        auto read = room::readRoomDump(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (!read)
            qFatal("dump rejected: %s", qPrintable(read.error().message));
        dump = std::move(*read);
    });
    const QList<DagNodeInput> inputs = dag::dagInputFromPdus(dump.events);
    const double layoutMs = medianMs(3, [&] {
        if (!dag::layoutDag(inputs))
            qFatal("layout failed");
    });
    QElapsedTimer timer;
    timer.start();
    room::RoomReplay replay(*dump.version);
    if (!replay.run(dump.events))
        qFatal("replay failed");
    const double replayMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("    of which readRoomDump %.1f ms (%.1f MB), layoutDag %.1f ms\n", readMs,
                double(bytes.size()) / 1e6, layoutMs);
    std::printf(
        "  then, in the background, RoomReplay (rejections; view already usable): %.1f ms\n\n",
        replayMs);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dump.json"));
    {
        QFile file(path);
        const QByteArray dump = toDump(test::dag::boundedRandomDag(kEvents, kWidth, 7));
        if (!file.open(QIODevice::WriteOnly) || file.write(dump) != dump.size())
            qFatal("cannot write the dump");
    }
    std::printf("Trellis DAG view bench: a generated room of %d events (room version 1, at most "
                "%d concurrent branches), a 1920x1080 viewport.\n\n",
                kEvents, kWidth);

    DagView view;
    // Without scroll bars the viewport keeps its size as the content grows and shrinks.
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(1920 + 20, 1080 + 20);
    view.show();
    QApplication::processEvents();
    DagSnapshotPtr snapshot;
    const double firstPaintMs = medianMs(3, [&] {
        snapshot = openAndWait(path);
        view.setSnapshot(snapshot);
        view.setZoom(1.0);
        if (view.renderVisible().isNull())
            qFatal("nothing rendered");
    });
    std::printf("  open to first paint (read, layout, one viewport): %8.1f ms   target <= 2000 ms: "
                "%s\n",
                firstPaintMs, firstPaintMs <= 2000 ? "met" : "NOT met");
    printBreakdown(path);

    std::printf("  %8s %10s %10s %12s\n", "zoom", "row px", "rows", "paint ms");
    bool allMet = true;
    for (double zoom : {0.05, 0.25, 0.5, 1.0, 2.0, 4.0}) {
        view.setZoom(zoom);
        // The viewport itself is 1920x1080, whatever the frame and scroll bars take.
        view.resize(view.size() + QSize(1920, 1080) - view.viewport()->size());
        QApplication::processEvents();
        view.selectRow(snapshot->layout.rowCount() / 2); // the middle of the room
        const int rows = int(view.viewport()->height() / view.geometry().rowHeight()) + 1;
        const double paintMs = medianMs(21, [&] { (void)view.renderVisible(); });
        allMet = allMet && paintMs <= 16;
        std::printf("  %8.2f %10.1f %10d %12.2f\n", zoom, view.geometry().rowHeight(),
                    std::min(rows, snapshot->layout.rowCount()), paintMs);
    }
    std::printf("  (medians of 21 renders of the viewport %dx%d into a new QImage; target <= 16 "
                "ms: %s)\n",
                view.viewport()->width(), view.viewport()->height(), allMet ? "met" : "NOT met");
    return 0;
}
