// The owner's rooms in the GUI: the Rooms panel shows what it is given and asks for actions
// only through signals; the main window shows a live room's dump in one DAG tab per room,
// reloaded in place on the next dump.
#include "tests/TestData.h"
#include "core/events/RoomVersion.h"
#include "core/json/Writer.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomScript.h"
#include "ui/MainWindow.h"
#include "ui/dag/DagExplorer.h"
#include "ui/dag/DagView.h"
#include "ui/rooms/NewRoomDialog.h"
#include "ui/rooms/RoomComposer.h"
#include "ui/rooms/RoomSettingsDialog.h"
#include "ui/rooms/RoomTimeline.h"
#include "ui/rooms/RoomsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace trellis;

class TestRoomsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsRoomsAndKeepsTheSelection();
    void asksForActionsThroughSignals();
    void liveRoomTabIsReusedAndReloaded();
    void settingsDialogAnswersWithStateEvents();
    void composerWritesRepliesAndEdits();
    void joinShowsProgressThenSelectsTheRoom();
    void newRoomDialogOffersEveryVersion();

private:
    static QList<api::RoomListEntry> sampleRooms();
};

QList<api::RoomListEntry> TestRoomsPanel::sampleRooms()
{
    return {{QStringLiteral("!a:x.test"), QStringLiteral("Planning"), QStringLiteral("dates"), {}, QStringLiteral("invite"),
             QByteArray("{\"ban\":50,\"users\":{\"@bob:x.test\":50},\"users_default\":0,\"state_default\":50}"), QStringLiteral("12"),
             QStringLiteral("join"), 3, true},
            {QStringLiteral("!b:x.test"), {}, {}, QStringLiteral("#alias:x.test"), QStringLiteral("public"), {}, QStringLiteral("10"),
             QStringLiteral("join"), 1, true, 4},
            {QStringLiteral("!c:x.test"), {}, {}, {}, QStringLiteral("invite"), {}, QStringLiteral("11"), QStringLiteral("invite"), 0, false}};
}

void TestRoomsPanel::showsRoomsAndKeepsTheSelection()
{
    ui::RoomsPanel panel;
    panel.setRooms(sampleRooms());
    QCOMPARE(panel.roomCount(), 3);
    auto *list = panel.findChild<QListWidget *>();
    QVERIFY(list);
    // The name, else the alias, else the ID; the version, members or the invite below it.
    // Invites first, then by title, whatever order the server lists them in.
    QCOMPARE(list->item(0)->text(), QStringLiteral("!c:x.test\ninvited · version 11 · remote"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("#alias:x.test\nversion 10 · 1 member · 4 unread"));
    QVERIFY(list->item(1)->font().bold()); // unread messages
    QVERIFY(!list->item(2)->font().bold());
    QCOMPARE(list->item(2)->text(), QStringLiteral("Planning\nversion 12 · 3 members"));
    QVERIFY(!list->item(2)->icon().isNull());
    QVERIFY(list->item(2)->toolTip().contains(QStringLiteral("dates")));

    list->setCurrentRow(1);
    QCOMPARE(panel.selectedRoomId(), QStringLiteral("!b:x.test"));
    auto refreshed = sampleRooms();
    refreshed.removeFirst();
    panel.setRooms(refreshed); // a room went away: the selection stays on its room
    QCOMPARE(panel.selectedRoomId(), QStringLiteral("!b:x.test"));
    panel.setRooms({});
    QCOMPARE(panel.selectedRoomId(), QString());
}

void TestRoomsPanel::asksForActionsThroughSignals()
{
    ui::RoomsPanel panel;
    panel.setRooms(sampleRooms());
    QSignalSpy open(&panel, &ui::RoomsPanel::openRequested);
    QSignalSpy join(&panel, &ui::RoomsPanel::joinRequested);

    // Messages are written in the room's own tab: the list has no composer of its own.
    const QList<QLineEdit *> fields = panel.findChildren<QLineEdit *>();
    QCOMPARE(fields.size(), 1);
    QLineEdit *joinField = fields.first();

    panel.openRow(2);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(), QStringLiteral("!a:x.test"));
    QCOMPARE(open.first().at(1).toString(), QStringLiteral("Planning"));

    QTest::keyClicks(joinField, QStringLiteral("  #room:x.test "));
    QTest::keyClick(joinField, Qt::Key_Return);
    QCOMPARE(join.size(), 1);
    QCOMPARE(join.first().first().toString(), QStringLiteral("#room:x.test"));
    panel.joinSucceeded(QStringLiteral("#room:x.test"), QStringLiteral("!b:x.test"));

    panel.openRow(7); // no such row: nothing
    QCOMPARE(open.size(), 1);

    // An invite: accept (join) or reject (leave); nothing to read or write in it yet.
    QSignalSpy leave(&panel, &ui::RoomsPanel::leaveRequested);
    QPushButton *accept = nullptr;
    QPushButton *reject = nullptr;
    QPushButton *openButton = nullptr;
    for (auto *button : panel.findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("Open"))
            openButton = button;
        if (button->text() == QStringLiteral("Accept"))
            accept = button;
        if (button->text() == QStringLiteral("Leave"))
            reject = button;
    }
    QVERIFY(accept && reject && openButton);
    panel.findChild<QListWidget *>()->setCurrentRow(0);
    QVERIFY(!accept->isHidden());
    QCOMPARE(reject->text(), QStringLiteral("Reject"));
    QVERIFY(!openButton->isEnabled());
    accept->click();
    QCOMPARE(join.size(), 2);
    QCOMPARE(join.last().first().toString(), QStringLiteral("!c:x.test"));
    reject->click();
    QCOMPARE(leave.size(), 1);
    QCOMPARE(leave.first().first().toString(), QStringLiteral("!c:x.test"));
    panel.findChild<QListWidget *>()->setCurrentRow(2);
    QVERIFY(accept->isHidden());
    QCOMPARE(reject->text(), QStringLiteral("Leave"));
}

void TestRoomsPanel::liveRoomTabIsReusedAndReloaded()
{
    const json::Value script = test::readJson(QStringLiteral("cli/room/ban_races_topic.json"));
    auto built = room::buildRoom(script.toObject());
    QVERIFY(built);
    const QByteArray dump = json::toCanonicalBytes(json::Value(room::roomDumpToJson(built->events)));

    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int before = tabs->count();
    window.showLiveRoom(QStringLiteral("!live:x.test"), QStringLiteral("Live"), dump, true);
    QCOMPARE(tabs->count(), before + 1);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Live (live)"));
    QCOMPARE(window.liveRooms(), QStringList{QStringLiteral("!live:x.test")});
    auto *explorer = tabs->currentWidget()->findChild<ui::dag::DagExplorer *>();
    auto *timeline = tabs->currentWidget()->findChild<ui::RoomTimeline *>();
    QVERIFY(explorer && timeline);
    QTRY_VERIFY(explorer->view()->snapshot() != nullptr);
    QCOMPARE(explorer->view()->snapshot()->events.size(), built->events.size());
    // The timeline beside it reads the same events as the room's members would.
    QTRY_VERIFY(!timeline->items().isEmpty());
    QVERIFY(timeline->items().size() <= built->events.size());

    // The composer under the timeline writes to this room; a reply from the timeline's menu
    // answers the event it was opened on.
    QSignalSpy written(&window, &ui::MainWindow::messageWritten);
    auto *composer = tabs->currentWidget()->findChild<ui::RoomComposer *>();
    QVERIFY(composer);
    QTRY_VERIFY(composer->field()->hasFocus()); // opened to write in
    window.setOwnUserId(QStringLiteral("@alice:example.org"));
    int aliceMessage = -1;
    for (int row = 0; row < timeline->items().size(); ++row) {
        if (timeline->actionsFor(row).contains(QStringLiteral("edit")))
            aliceMessage = row;
    }
    QVERIFY(aliceMessage >= 0);
    QVERIFY(timeline->actionsFor(0).isEmpty()); // the room's creation: nothing to answer
    timeline->trigger(aliceMessage, QStringLiteral("reply"));
    QTest::keyClicks(composer->field(), QStringLiteral("agreed"));
    QTest::keyClick(composer->field(), Qt::Key_Return);
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().at(0).toString(), QStringLiteral("!live:x.test"));
    const QJsonObject reply = QJsonDocument::fromJson(written.first().at(1).toByteArray()).object();
    QCOMPARE(reply.value(QStringLiteral("body")).toString(), QStringLiteral("agreed"));
    QCOMPARE(reply.value(QStringLiteral("m.relates_to")).toObject().value(QStringLiteral("m.in_reply_to")).toObject()
                 .value(QStringLiteral("event_id")).toString(),
             timeline->items()[aliceMessage].eventId);

    // The next dump of the same room reloads its tab; it does not open another.
    tabs->setCurrentIndex(0);
    window.showLiveRoom(QStringLiteral("!live:x.test"), QStringLiteral("Live"), dump, false);
    QCOMPARE(tabs->count(), before + 1);
    QCOMPARE(tabs->currentIndex(), 0); // a refresh does not steal the focus
}

void TestRoomsPanel::settingsDialogAnswersWithStateEvents()
{
    const api::RoomListEntry room = sampleRooms().first(); // "Planning", topic "dates", invite only
    ui::RoomSettingsDialog unchanged(room);
    QVERIFY(unchanged.changes().isEmpty());
    QCOMPARE(unchanged.joinRuleField()->currentData().toString(), QStringLiteral("invite"));

    ui::RoomSettingsDialog dialog(room);
    dialog.nameField()->setText(QStringLiteral("  Planning 2027 "));
    dialog.topicField()->setPlainText(QStringLiteral("dates \"and\" places"));
    dialog.joinRuleField()->setCurrentIndex(dialog.joinRuleField()->findData(QStringLiteral("public")));
    const auto changes = dialog.changes();
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes[0].type, QStringLiteral("m.room.name"));
    QCOMPARE(changes[0].content, QByteArray("{\"name\":\"Planning 2027\"}"));
    QCOMPARE(changes[1].type, QStringLiteral("m.room.topic"));
    QCOMPARE(changes[1].content, QByteArray("{\"topic\":\"dates \\\"and\\\" places\"}"));
    QCOMPARE(changes[2].type, QStringLiteral("m.room.join_rules"));
    QCOMPARE(changes[2].content, QByteArray("{\"join_rule\":\"public\"}"));

    // Power levels: only the edited level changes; everything else in the content stays.
    ui::RoomSettingsDialog levels(room);
    QVERIFY(levels.levelField(QStringLiteral("ban")));
    QCOMPARE(levels.levelField(QStringLiteral("ban"))->value(), 50);
    QCOMPARE(levels.levelField(QStringLiteral("redact"))->value(), 50); // absent: the spec's default
    levels.levelField(QStringLiteral("ban"))->setValue(75);
    const auto levelChanges = levels.changes();
    QCOMPARE(levelChanges.size(), 1);
    QCOMPARE(levelChanges[0].type, QStringLiteral("m.room.power_levels"));
    const QJsonObject content = QJsonDocument::fromJson(levelChanges[0].content).object();
    QCOMPARE(content.value(QStringLiteral("ban")).toInt(), 75);
    QCOMPARE(content.value(QStringLiteral("users")).toObject().value(QStringLiteral("@bob:x.test")).toInt(), 50);
    QCOMPARE(content.value(QStringLiteral("state_default")).toInt(), 50);
    QVERIFY(!content.contains(QStringLiteral("redact"))); // not touched, not added
    // With TRELLIS_SCREENSHOT_DIR set, the dialog is saved there.
    if (const QByteArray dir = qgetenv("TRELLIS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        levels.adjustSize();
        QVERIFY(levels.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/room-settings.png")));
    }
    QVERIFY(!ui::RoomSettingsDialog(sampleRooms()[1]).levelField(QStringLiteral("ban"))); // no power levels known

    // A join rule the dialog has no words for is shown and kept as it is.
    api::RoomListEntry restricted = room;
    restricted.joinRule = QStringLiteral("restricted");
    ui::RoomSettingsDialog other(restricted);
    QCOMPARE(other.joinRuleField()->currentData().toString(), QStringLiteral("restricted"));
    QVERIFY(other.changes().isEmpty());
}

void TestRoomsPanel::composerWritesRepliesAndEdits()
{
    ui::RoomComposer composer;
    const auto object = [&](const QString &text) { return QJsonDocument::fromJson(composer.contentFor(text)).object(); };
    QCOMPARE(object(QStringLiteral("hi")), (QJsonObject{{QStringLiteral("msgtype"), QStringLiteral("m.text")},
                                                        {QStringLiteral("body"), QStringLiteral("hi")}}));
    composer.startEdit(QStringLiteral("$orig"), QStringLiteral("helo"));
    QCOMPARE(composer.field()->text(), QStringLiteral("helo"));
    const QJsonObject edit = object(QStringLiteral("hello"));
    QCOMPARE(edit.value(QStringLiteral("body")).toString(), QStringLiteral("* hello"));
    QCOMPARE(edit.value(QStringLiteral("m.new_content")).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
    QCOMPARE(edit.value(QStringLiteral("m.relates_to")).toObject().value(QStringLiteral("rel_type")).toString(), QStringLiteral("m.replace"));
    QCOMPARE(edit.value(QStringLiteral("m.relates_to")).toObject().value(QStringLiteral("event_id")).toString(), QStringLiteral("$orig"));
    composer.cancel();
    QVERIFY(!object(QStringLiteral("x")).contains(QStringLiteral("m.relates_to")));

    QSignalSpy ready(&composer, &ui::RoomComposer::contentReady);
    composer.field()->clear();
    QTest::keyClick(composer.field(), Qt::Key_Return); // nothing to send
    QCOMPARE(ready.size(), 0);
    composer.startReply(QStringLiteral("$q"), QStringLiteral("@bob:x.test"), QStringLiteral("question"));
    QTest::keyClicks(composer.field(), QStringLiteral("answer"));
    QTest::keyClick(composer.field(), Qt::Key_Return);
    QCOMPARE(ready.size(), 1);
    QVERIFY(composer.field()->text().isEmpty());
    QVERIFY(!QJsonDocument::fromJson(composer.contentFor(QStringLiteral("y"))).object().contains(QStringLiteral("m.relates_to")));
}

void TestRoomsPanel::joinShowsProgressThenSelectsTheRoom()
{
    ui::RoomsPanel panel;
    panel.setRooms(sampleRooms());
    QSignalSpy join(&panel, &ui::RoomsPanel::joinRequested);
    auto *field = panel.findChild<QLineEdit *>();
    auto *progress = panel.findChild<QProgressBar *>();
    QVERIFY(field && progress);
    QVERIFY(progress->isHidden());

    // Asked for, the join shows its progress and takes no other until the server answers.
    QTest::keyClicks(field, QStringLiteral("#new:x.test"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(join.size(), 1);
    QVERIFY(panel.isJoining());
    QVERIFY(!progress->isHidden());
    QVERIFY(!field->isEnabled());
    bool saysSo = false;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        saysSo = saysSo || (!label->isHidden() && label->text() == QStringLiteral("Joining #new:x.test…"));
    QVERIFY(saysSo);
    // A room list arriving meanwhile (another change) keeps the progress.
    panel.setRooms(sampleRooms());
    QVERIFY(!progress->isHidden());

    // Joined: the wait ends; the room is selected once the list has it.
    panel.joinSucceeded(QStringLiteral("#new:x.test"), QStringLiteral("!new:x.test"));
    QVERIFY(!panel.isJoining());
    QVERIFY(progress->isHidden());
    QVERIFY(field->isEnabled());
    auto withNew = sampleRooms();
    withNew.append({QStringLiteral("!new:x.test"), QStringLiteral("New"), {}, QStringLiteral("#new:x.test"),
                    QStringLiteral("public"), {}, QStringLiteral("12"), QStringLiteral("join"), 2, true});
    panel.setRooms(withNew);
    QCOMPARE(panel.selectedRoomId(), QStringLiteral("!new:x.test"));

    // A failed join ends the wait too, with the reason.
    QTest::keyClicks(field, QStringLiteral("#gone:x.test"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(panel.isJoining());
    panel.showError(QStringLiteral("Could not join the room: no such alias"));
    QVERIFY(!panel.isJoining());
    QVERIFY(progress->isHidden());
    QVERIFY(field->isEnabled());

    // The server stops while a join is on its way: no answer will come, the wait ends, and
    // nothing can be joined until it runs again.
    QTest::keyClicks(field, QStringLiteral("#late:x.test"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(panel.isJoining());
    panel.setServerRunning(false);
    QVERIFY(!panel.isJoining());
    QVERIFY(progress->isHidden());
    QVERIFY(!field->isEnabled());
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(join.size(), 3); // the three asked for while it ran
    panel.setServerRunning(true);
    QVERIFY(field->isEnabled());
}

void TestRoomsPanel::newRoomDialogOffersEveryVersion()
{
    ui::NewRoomDialog dialog(QStringLiteral("10"));
    QComboBox *versions = dialog.versionField();
    QCOMPARE(versions->count(), int(events::RoomVersion::all().size()));
    QCOMPARE(versions->itemData(0).toString(), QStringLiteral("12")); // newest first
    QCOMPARE(versions->currentData().toString(), QStringLiteral("10")); // the server's default
    QVERIFY(versions->currentText().contains(QStringLiteral("default")));
    QTest::keyClicks(dialog.nameField(), QStringLiteral("  Lab  "));
    api::NewRoom room = dialog.request();
    QCOMPARE(room.name, QStringLiteral("Lab"));
    QCOMPARE(room.version, QStringLiteral("10"));
    QVERIFY(!room.isPublic);
    versions->setCurrentIndex(versions->findData(QStringLiteral("1")));
    dialog.publicField()->setChecked(true);
    room = dialog.request();
    QCOMPARE(room.version, QStringLiteral("1"));
    QVERIFY(room.isPublic);
    const QImage shot = dialog.grab().toImage();
    QVERIFY(!shot.isNull() && shot.width() > 200);
}

QTEST_MAIN(TestRoomsPanel)
#include "tst_roomspanel.moc"
