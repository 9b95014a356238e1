// The explorer's DAG view (issue "desktop explorer"): a room dump opens off the GUI thread,
// the view's selection API (select, find, jump to depth or time, picks, keys, clicks) emits what it
// should, renders nodes where the geometry says at every zoom, auth chains are ringed, and the
// explorer's tool bar, export and tabs work. The details panel: tst_eventdetails.cpp.
#include "tests/TestData.h"
#include "tests/unit/ui/DagTestSupport.h"
#include "tests/unit/dag/DagGenerators.h"

#include "core/json/Writer.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomScript.h"
#include "ui/MainWindow.h"
#include "ui/dag/DagColors.h"
#include "ui/dag/DagExplorer.h"
#include "ui/dag/DagView.h"
#include "ui/dag/JumpTarget.h"
#include "ui/dag/RoomDumpDocument.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace trellis;
using namespace trellis::ui::dag;
using trellis::test::writeFile;
const auto load = trellis::test::loadSnapshot;

namespace {

QByteArray reference(const QString &id)
{
    return "[\"" + id.toUtf8() + "\",{\"sha256\":\"unchecked\"}]";
}

// Generated events as a room version 1 dump (IDs are given, so any DAG can be written).
QByteArray generatedDump(QList<trellis::dag::DagNodeInput> events)
{
    events[0].type = QStringLiteral("m.room.create");
    events[0].stateKey = QString();
    QByteArrayList items;
    for (const auto &event : events) {
        QByteArrayList prevs, auths;
        for (const QString &id : event.prevIds)
            prevs.append(reference(id));
        for (const QString &id : event.authIds)
            auths.append(reference(id));
        items.append(
            "{\"event_id\":\"" + event.id.toUtf8() +
            "\",\"room_id\":\"!r:s0.example\",\"sender\":\"" + event.sender.toUtf8() +
            "\",\"type\":\"" + event.type.toUtf8() + '"' +
            (event.stateKey ? ",\"state_key\":\"" + event.stateKey->toUtf8() + '"' : QByteArray()) +
            ",\"content\":{},\"prev_events\":[" + prevs.join(',') + "],\"auth_events\":[" +
            auths.join(',') + "],\"depth\":" + QByteArray::number(event.depth) +
            ",\"origin_server_ts\":" + QByteArray::number(event.ts) +
            ",\"hashes\":{\"sha256\":\"x\"},\"signatures\":{}}");
    }
    return "[" + items.join(",\n") + "]";
}

} // namespace

class TestDagView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsOffTheGuiThread();
    void badFileFails();
    void selectionApi();
    void keyboardAndMouse();
    void rendersNodesAtEveryZoom_data();
    void rendersNodesAtEveryZoom();
    void filterDimsAndExportWrites();
    void authChainOfTheSelection();
    void jumpTargetsParse();
    void jumpsToDepthOrTime();
    void keyboardReachesTheFields();
    void mainWindowOpensDumpsInTabs();

private:
    QTemporaryDir m_dir;
    room::BuiltRoom m_room;
    QString m_scriptPath;
    QString m_generatedPath;
};

void TestDagView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_scriptPath = m_dir.filePath(QStringLiteral("ban.json"));
    test::writeSampleRoom(m_scriptPath, m_room);
    m_generatedPath = m_dir.filePath(QStringLiteral("generated.json"));
    writeFile(m_generatedPath, generatedDump(test::dag::boundedRandomDag(2000, 8, 42)));
}

void TestDagView::loadsOffTheGuiThread()
{
    RoomDumpDocument document;
    QSignalSpy loaded(&document, &RoomDumpDocument::loaded);
    QSignalSpy replayed(&document, &RoomDumpDocument::replayed);
    document.open(m_scriptPath);
    // open() returns before the work is done: the GUI thread never waits for it.
    QVERIFY(!document.snapshot());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(document.snapshot()->layout.rowCount(), int(m_room.events.size()));
    QVERIFY(!document.snapshot()->replay);
    QVERIFY(replayed.wait(10000));
    const DagSnapshotPtr snapshot = document.snapshot();
    QVERIFY(snapshot->replay);
    const int late = snapshot->layout.rowOf(m_room.ids.value(QStringLiteral("late")).toString());
    QVERIFY(late >= 0);
    QVERIFY(snapshot->layout.node(late).flags.testFlag(trellis::dag::DagFlag::Rejected));
}

void TestDagView::badFileFails()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    writeFile(path, "[{\"type\": 1}");
    RoomDumpDocument document;
    QSignalSpy failed(&document, &RoomDumpDocument::failed);
    document.open(path);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(path));
    document.open(m_dir.filePath(QStringLiteral("does-not-exist.json")));
    QVERIFY(failed.wait(10000));
    // Well-formed PDUs whose prev events form a cycle: the layout refuses them.
    auto events = test::dag::linearChain(3);
    events[1].prevIds = {events[2].id};
    const QString cycle = m_dir.filePath(QStringLiteral("cycle.json"));
    writeFile(cycle, generatedDump(events));
    document.open(cycle);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.last().first().toString().contains(QStringLiteral("cycle")),
             qPrintable(failed.last().first().toString()));
    QVERIFY(!document.snapshot());
}

void TestDagView::selectionApi()
{
    const DagSnapshotPtr snapshot = load(m_scriptPath);
    QVERIFY(snapshot);
    DagView view;
    view.resize(600, 400);
    view.setSnapshot(snapshot);
    QSignalSpy selected(&view, &DagView::eventSelected);
    QSignalSpy picked(&view, &DagView::eventsPicked);

    view.selectRow(0);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.last().first().toString(),
             m_room.ids.value(QStringLiteral("create")).toString());
    QVERIFY(view.find(QStringLiteral("m.room.power_levels")));
    QCOMPARE(view.selectedEvent(), m_room.ids.value(QStringLiteral("pl")).toString());
    QVERIFY(view.find(QStringLiteral("@carol:")));
    QCOMPARE(snapshot->event(view.selectedEvent())->sender().toString(),
             QStringLiteral("@carol:example.org"));
    const QString topic = m_room.ids.value(QStringLiteral("topic")).toString();
    QVERIFY(view.find(topic.left(8))); // an event ID prefix
    QCOMPARE(view.selectedEvent(), topic);
    QVERIFY(!view.find(QStringLiteral("no such thing")));
    QCOMPARE(view.selectedEvent(), topic);

    QVERIFY(view.jumpToDepth(3));
    QCOMPARE(snapshot->layout.node(view.selectedRow()).depth, 3);
    QVERIFY(!view.jumpToDepth(1000));

    const QString a = m_room.ids.value(QStringLiteral("ban")).toString();
    const QString b = m_room.ids.value(QStringLiteral("topic")).toString();
    QVERIFY(view.pickEvents({a, b}));
    QCOMPARE(picked.size(), 1);
    QCOMPARE(picked.first().first().toStringList(), (QStringList{a, b}));
    QCOMPARE(view.selectedEvent(), a);
    QCOMPARE(view.pickedEvents(), (QStringList{a, b}));
    QVERIFY(!view.pickEvents({a, QStringLiteral("$nope")}));
    QVERIFY(!view.pickEvents({}));
    QCOMPARE(picked.size(), 1);
    QCOMPARE(view.pickedEvents(), (QStringList{a, b})); // a failed pick changes nothing

    // A third event joins the pick; toggling one out leaves the others, in order.
    const QString c = m_room.ids.value(QStringLiteral("pl")).toString();
    view.togglePicked(snapshot->layout.rowOf(c));
    QCOMPARE(view.pickedEvents(), (QStringList{a, b, c}));
    view.togglePicked(snapshot->layout.rowOf(a));
    QCOMPARE(view.pickedEvents(), (QStringList{b, c}));
    QCOMPARE(view.selectedEvent(), b);
    QCOMPARE(picked.size(), 3);
    // Down to one event, it is a plain selection again; the last one stays selected.
    view.togglePicked(snapshot->layout.rowOf(c));
    QCOMPARE(view.pickedEvents(), QStringList{b});
    QCOMPARE(selected.last().first().toString(), b);
    view.togglePicked(snapshot->layout.rowOf(b));
    QCOMPARE(view.pickedEvents(), QStringList{b});
    // The pick survives a new snapshot of the same room (a live room's reload).
    QVERIFY(view.pickEvents({a, b, c}));
    view.setSnapshot(snapshot);
    QCOMPARE(view.pickedEvents(), (QStringList{a, b, c}));
    // A plain selection ends the pick.
    view.selectEvent(c);
    QCOMPARE(view.pickedEvents(), QStringList{c});
}

void TestDagView::keyboardAndMouse()
{
    const DagSnapshotPtr snapshot = load(m_generatedPath);
    QVERIFY(snapshot);
    DagView view;
    view.resize(700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(snapshot);
    QSignalSpy selected(&view, &DagView::eventSelected);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedRow(), 0);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedRow(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.selectedRow(), snapshot->layout.rowCount() - 1);
    QVERIFY(view.verticalScrollBar()->value() > 0); // scrolled to the end
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.selectedRow(), 0);
    QCOMPARE(view.verticalScrollBar()->value(), 0);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.selectedRow(), 0);
    QCOMPARE(selected.size(), 5);

    // Click selects; Ctrl+click picks further events.
    QSignalSpy pair(&view, &DagView::eventsPicked);
    const QPoint third = view.nodeCenter(3).toPoint();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, third);
    QCOMPARE(view.selectedRow(), 3);
    const QPoint fifth = view.nodeCenter(5).toPoint();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, fifth);
    QCOMPARE(pair.size(), 1);
    QCOMPARE(pair.first().first().toStringList(),
             (QStringList{snapshot->layout.node(3).id, snapshot->layout.node(5).id}));

    // The same with the keyboard: Ctrl+Down moves the cursor alone, Ctrl+Space picks its row
    // (and again takes it out); a plain arrow selects again and ends the pick.
    QTest::keyClick(&view, Qt::Key_Up); // row 2, selected
    QCOMPARE(view.selectedRow(), 2);
    QTest::keyClick(&view, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(view.cursorRow(), 4);
    QCOMPARE(view.selectedRow(), 2); // the selection stays
    view.setSnapshot(snapshot); // a live room's reload keeps the cursor where it was
    QCOMPARE(view.cursorRow(), 4);
    QTest::keyClick(&view, Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(view.pickedEvents(),
             (QStringList{snapshot->layout.node(2).id, snapshot->layout.node(4).id}));
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(view.pickedEvents().size(), 3);
    QCOMPARE(view.pickedEvents().last(), snapshot->layout.node(snapshot->layout.rowCount() - 1).id);
    QTest::keyClick(&view, Qt::Key_Space, Qt::ControlModifier); // out again
    QCOMPARE(view.pickedEvents().size(), 2);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.pickedEvents(), QStringList{snapshot->layout.node(0).id});
    QCOMPARE(view.cursorRow(), 0);

    const double before = view.zoom();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.zoom() > before);
    QTest::keyClick(&view, Qt::Key_Minus);
    QCOMPARE(view.zoom(), before);
}

void TestDagView::rendersNodesAtEveryZoom_data()
{
    QTest::addColumn<double>("zoom");
    for (double zoom : {0.01, 0.05, 0.3, 1.0, 2.5, 8.0, 100.0})
        QTest::addRow("%g", zoom) << zoom;
}

void TestDagView::rendersNodesAtEveryZoom()
{
    QFETCH(double, zoom);
    const DagSnapshotPtr snapshot = load(m_generatedPath);
    QVERIFY(snapshot);
    DagView view;
    view.resize(800, 600);
    view.setSnapshot(snapshot);
    view.setZoom(zoom);
    QVERIFY(view.zoom() >= DagGeometry::kMinZoom && view.zoom() <= DagGeometry::kMaxZoom);
    view.selectRow(snapshot->layout.rowCount() / 2);
    const QImage image = view.renderVisible();
    QCOMPARE(image.size(), view.viewport()->size());
    // Every visible node has its fill colour at its centre (or, for tiny nodes, its outline).
    const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
    int checked = 0;
    for (int row = 0; row < snapshot->layout.rowCount(); ++row) {
        const QPoint at = view.nodeCenter(row).toPoint();
        if (!image.rect().contains(at))
            continue;
        ++checked;
        QVERIFY2(image.pixel(at) != background, qPrintable(QStringLiteral("row %1").arg(row)));
    }
    QVERIFY(checked > 0);
    if (view.geometry().rowHeight() >= 12) {
        const trellis::dag::DagNode &node = snapshot->layout.node(view.selectedRow() + 1);
        const QColor fill = DagColors::nodeFill(node.type, node.isState);
        const QColor got = image.pixelColor(view.nodeCenter(node.row).toPoint());
        QVERIFY2(std::abs(got.hue() - fill.hue()) <= 4 || node.flags,
                 qPrintable(QStringLiteral("%1 vs %2").arg(got.name(), fill.name())));
    }
}

void TestDagView::filterDimsAndExportWrites()
{
    const DagSnapshotPtr snapshot = load(m_scriptPath);
    QVERIFY(snapshot);
    DagView view;
    view.resize(600, 400);
    view.setSnapshot(snapshot);
    const int row = snapshot->layout.rowOf(m_room.ids.value(QStringLiteral("topic")).toString());
    const QPoint at = view.nodeCenter(row).toPoint();
    const QColor shown = view.renderVisible().pixelColor(at);
    view.setHiddenTypes({QStringLiteral("m.room.topic")});
    const QColor dimmed = view.renderVisible().pixelColor(at);
    QVERIFY(dimmed.saturation() < shown.saturation());
    QCOMPARE(view.rowAt(at), row); // the row stays

    const QImage all = view.renderAll();
    QVERIFY(all.height() >= snapshot->layout.rowCount() * 20);
    DagExplorer explorer;
    QSignalSpy loaded(&explorer, &DagExplorer::loaded);
    explorer.open(m_scriptPath);
    QVERIFY(loaded.wait(10000));
    const QString png = m_dir.filePath(QStringLiteral("graph.png"));
    const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
    QVERIFY(explorer.exportTo(png, false));
    QVERIFY(explorer.exportTo(svg, true));
    QVERIFY(!QImage(png).isNull());
    const auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray whole = read(svg);
    QVERIFY(whole.contains("<svg"));
    QCOMPARE(whole.count("<text"), snapshot->layout.rowCount());
    // The visible part as SVG: the rows the view shows, and no others.
    explorer.resize(900, 260);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    const auto [first, last] = explorer.view()->visibleRows();
    QVERIFY(first == 0 && last > 0 && last < snapshot->layout.rowCount() - 1);
    const QString visibleSvg = m_dir.filePath(QStringLiteral("visible.svg"));
    QVERIFY(explorer.exportTo(visibleSvg, false));
    QCOMPARE(read(visibleSvg).count("<text"), last - first + 1);
}

void TestDagView::authChainOfTheSelection()
{
    const DagSnapshotPtr snapshot = load(m_scriptPath);
    QVERIFY(snapshot);
    DagView view;
    view.resize(600, 400);
    view.setSnapshot(snapshot);
    const EventId late = m_room.ids.value(QStringLiteral("late"));
    QVERIFY(view.selectEvent(late.toString()));
    QCOMPARE(view.authChainSize(), 0); // auth edges hidden: nothing marked

    // The auth chain, found independently: auth events, theirs, and so on.
    QHash<EventId, const events::Pdu *> byId;
    for (const events::Pdu &event : m_room.events)
        byId.insert(event.eventId(), &event);
    QSet<EventId> chain;
    QList<EventId> queue = byId.value(late)->authEvents();
    while (!queue.isEmpty()) {
        const EventId id = queue.takeFirst();
        if (chain.contains(id) || !byId.contains(id))
            continue;
        chain.insert(id);
        queue.append(byId.value(id)->authEvents());
    }
    QVERIFY(chain.size() >= 3); // create, power levels, carol's membership at least
    const QImage plain = view.renderVisible();
    view.setAuthEdgesVisible(true);
    QCOMPARE(view.authChainSize(), int(chain.size()));
    QVERIFY(view.renderVisible() != plain);
    // It follows the selection: the create event has no auth chain.
    view.selectRow(0);
    QCOMPARE(view.authChainSize(), 0);
    view.setAuthEdgesVisible(false);
    QVERIFY(view.selectEvent(late.toString()));
    QCOMPARE(view.authChainSize(), 0);
}

void TestDagView::keyboardReachesTheFields()
{
    DagExplorer explorer;
    QSignalSpy loaded(&explorer, &DagExplorer::loaded);
    explorer.resize(1000, 600);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowActive(&explorer));
    explorer.open(m_scriptPath);
    QVERIFY(loaded.wait(10000));
    DagView *view = explorer.view();
    auto *search = explorer.findChild<QLineEdit *>(QStringLiteral("dagSearch"));
    auto *jump = explorer.findChild<QLineEdit *>(QStringLiteral("dagJump"));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    // Ctrl+F: the search field; Enter finds and gives the graph the keyboard back.
    QTest::keySequence(view, QKeySequence::Find);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("m.room.topic"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(view->snapshot()->layout.node(view->selectedRow()).type, QStringLiteral("m.room.topic"));
    QTRY_VERIFY(view->hasFocus());
    // Ctrl+G: the "Go to" field; a depth that is not there keeps the field for another try.
    QTest::keySequence(view, QKeySequence(Qt::CTRL | Qt::Key_G));
    QTRY_VERIFY(jump->hasFocus());
    QTest::keyClicks(jump, QStringLiteral("1000"));
    QTest::keyClick(jump, Qt::Key_Return);
    QVERIFY(jump->hasFocus());
    // Escape: back to the graph.
    QTest::keyClick(jump, Qt::Key_Escape);
    QTRY_VERIFY(view->hasFocus());
}

void TestDagView::jumpTargetsParse()
{
    using Kind = JumpTarget::Kind;
    const QDate day(2026, 12, 6);
    const auto at = [](QDate date, QTime time) { return QDateTime(date, time).toMSecsSinceEpoch(); };
    const auto parse = [day](const char *text) { return JumpTarget::parse(QLatin1String(text), day); };
    QCOMPARE(parse("42")->kind, Kind::Depth);
    QCOMPARE(parse(" 42 ")->value, 42);
    QVERIFY(!parse("-1"));
    QVERIFY(!parse("abc"));
    QVERIFY(!parse(""));
    QVERIFY(!parse("25:00"));
    QCOMPARE(parse("2026-12-24 14:30")->kind, Kind::Time);
    QCOMPARE(parse("2026-12-24 14:30")->value, at(QDate(2026, 12, 24), QTime(14, 30)));
    QCOMPARE(parse("2026-12-24T14:30:15")->value, at(QDate(2026, 12, 24), QTime(14, 30, 15)));
    QCOMPARE(parse("2026-12-24")->value, at(QDate(2026, 12, 24), QTime(0, 0)));
    QCOMPARE(parse("14:30")->value, at(day, QTime(14, 30)));
    QCOMPARE(parse("9:05")->value, at(day, QTime(9, 5)));
    QVERIFY(!JumpTarget::parse(QStringLiteral("14:30"), QDate()));
}

void TestDagView::jumpsToDepthOrTime()
{
    DagExplorer explorer;
    QSignalSpy loaded(&explorer, &DagExplorer::loaded);
    explorer.open(m_scriptPath);
    QVERIFY(loaded.wait(10000));
    DagView *view = explorer.view();
    const DagSnapshotPtr snapshot = view->snapshot();
    // The earliest event at or after the topic's time, found independently.
    const events::Pdu *topic = snapshot->event(m_room.ids.value(QStringLiteral("topic")).toString());
    QVERIFY(topic);
    qint64 expected = std::numeric_limits<qint64>::max();
    qint64 latest = 0;
    for (const events::Pdu &event : m_room.events) {
        if (event.originServerTs() >= topic->originServerTs())
            expected = std::min(expected, event.originServerTs());
        latest = std::max(latest, event.originServerTs());
    }
    QVERIFY(view->jumpToTime(topic->originServerTs()));
    QCOMPARE(snapshot->event(view->selectedEvent())->originServerTs(), expected);
    QVERIFY(!view->jumpToTime(latest + 1));

    // Through the tool bar's field, in local time as a user types it.
    view->selectRow(0);
    const QDateTime sent = QDateTime::fromMSecsSinceEpoch(topic->originServerTs());
    QVERIFY(explorer.goTo(sent.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QCOMPARE(snapshot->event(view->selectedEvent())->originServerTs(), expected);
    view->selectRow(0);
    QVERIFY(explorer.goTo(sent.toString(QStringLiteral("HH:mm:ss")))); // on the selection's day
    QCOMPARE(snapshot->event(view->selectedEvent())->originServerTs(), expected);
    QVERIFY(explorer.goTo(QStringLiteral("3")));
    QCOMPARE(snapshot->layout.node(view->selectedRow()).depth, 3);
    auto *status = explorer.findChild<QLabel *>(QStringLiteral("dagStatus"));
    QVERIFY(!explorer.goTo(QStringLiteral("yesterday")));
    QVERIFY(status->text().contains(QStringLiteral("neither a depth nor a time")));
    QVERIFY(!explorer.goTo(QStringLiteral("1000")));
    QVERIFY(status->text().contains(QStringLiteral("1000")));
    QVERIFY(!explorer.goTo(QDateTime::fromMSecsSinceEpoch(latest + 60000).toString(Qt::ISODate)));
    QVERIFY(status->text().startsWith(QStringLiteral("No event sent at")));
}

void TestDagView::mainWindowOpensDumpsInTabs()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 1); // the welcome tab
    window.openRoomDump(m_scriptPath);
    QCOMPARE(tabs->count(), 2);
    auto *explorer = qobject_cast<DagExplorer *>(tabs->currentWidget());
    QVERIFY(explorer);
    QTRY_VERIFY(explorer->view()->snapshot());
    QCOMPARE(explorer->view()->snapshot()->layout.rowCount(), int(m_room.events.size()));
    // With TRELLIS_SCREENSHOT_DIR set, the explorer is saved there (once replayed, an event
    // selected, its auth edges shown).
    const QByteArray screenshots = qgetenv("TRELLIS_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QTRY_VERIFY(explorer->view()->snapshot()->replay);
        window.resize(1100, 760);
        explorer->view()->setAuthEdgesVisible(true);
        explorer->view()->selectEvent(m_room.ids.value(QStringLiteral("late")).toString());
        QTRY_VERIFY(
            explorer->findChild<QTableWidget *>(QStringLiteral("stateBeforeTable"))->rowCount() >
            0);
        // Laid out again for the new texts: wrapped labels get the height they need.
        auto *verdict = explorer->findChild<QLabel *>(QStringLiteral("verdictLabel"));
        QTRY_VERIFY(verdict->height() >= verdict->heightForWidth(verdict->width()));
        QVERIFY(window.grab().save(QDir(QString::fromLocal8Bit(screenshots))
                                       .filePath(QStringLiteral("dag-explorer.png"))));
    }

    // Dropping a .json file opens it too; other files are refused.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_generatedPath)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(tabs->count(), 3);
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, {});
    refused.setAccepted(false);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

QTEST_MAIN(TestDagView)
#include "tst_dagview.moc"
