// The state-resolution step-through (ui/stateres): on a forked room in each algorithm (v1, v2,
// v2.1), the view resolves the merge event's state before off the GUI thread, its steps are the
// Trace's (conflicted set, auth checks with their verdicts, resolved state) and agree with an
// independent replay; Back/Next and the step list navigate; clicking an event emits it, and in
// the explorer selects it in the DAG view. Events picked together (Ctrl+click) resolve as the
// prev events of one new event would. With TRELLIS_SCREENSHOT_DIR set, the explorer with the
// step-through is saved there as stateres-stepthrough.png.
#include "tests/TestData.h"

#include "core/auth/AuthRule.h"
#include "core/json/Writer.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"
#include "core/room/RoomScript.h"
#include "core/stateres/Resolver.h"
#include "ui/MainWindow.h"
#include "ui/dag/DagExplorer.h"
#include "ui/dag/DagView.h"
#include "ui/dag/EventDetailsPanel.h"
#include "ui/dag/RoomDumpDocument.h"
#include "ui/stateres/ResolutionSteps.h"
#include "ui/stateres/StateResView.h"
#include "ui/stateres/StepTable.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace trellis;
using namespace trellis::ui::resolution;
using trellis::stateres::StateSet;

namespace {

// Bob (a moderator) bans carol on one fork while carol sets the topic on the other; an event of
// alice's merges them. Versions before 12 need alice in the power levels and a creator.
json::Object forkedRoomScript(const QString &version)
{
    const bool v12 = version == QLatin1String("12");
    const QString users = v12 ? QStringLiteral(R"({"@bob:example.org": 50})")
                              : QStringLiteral(R"({"@alice:example.org": 100, "@bob:example.org": 50})");
    const QString create = v12 ? QStringLiteral(R"({"room_version": "12"})")
                               : QStringLiteral(R"({"creator": "@alice:example.org"})");
    const QString script = QStringLiteral(R"({"room_version": "%1", "events": [
  {"name": "create", "type": "m.room.create", "sender": "@alice:example.org", "state_key": "", "content": %2},
  {"name": "alice", "type": "m.room.member", "sender": "@alice:example.org", "state_key": "@alice:example.org", "content": {"membership": "join"}},
  {"name": "pl", "type": "m.room.power_levels", "sender": "@alice:example.org", "state_key": "", "content": {"users": %3, "events": {"m.room.topic": 0}}},
  {"name": "public", "type": "m.room.join_rules", "sender": "@alice:example.org", "state_key": "", "content": {"join_rule": "public"}},
  {"name": "bob", "type": "m.room.member", "sender": "@bob:example.org", "state_key": "@bob:example.org", "content": {"membership": "join"}},
  {"name": "carol", "type": "m.room.member", "sender": "@carol:example.org", "state_key": "@carol:example.org", "content": {"membership": "join"}},
  {"name": "ban", "type": "m.room.member", "sender": "@bob:example.org", "state_key": "@carol:example.org", "content": {"membership": "ban"}, "prev": ["carol"]},
  {"name": "topic", "type": "m.room.topic", "sender": "@carol:example.org", "state_key": "", "content": {"topic": "carol was here"}, "prev": ["carol"]},
  {"name": "merge", "type": "m.room.message", "sender": "@alice:example.org", "content": {"msgtype": "m.text", "body": "hi"}, "prev": ["ban", "topic"]},
  {"name": "late", "type": "m.room.message", "sender": "@carol:example.org", "content": {"msgtype": "m.text", "body": "still here?"}, "prev": ["merge"]}
 ]})")
                               .arg(version, create, users);
    return test::parseJson(script.toUtf8()).toObject();
}

room::BuiltRoom buildForkedRoom(const QString &version)
{
    auto built = room::buildRoom(forkedRoomScript(version));
    if (!built)
        qFatal("cannot build the forked room: %s", qPrintable(built.error().message));
    return std::move(*built);
}

QStringList idStrings(const QList<EventId> &ids)
{
    QStringList out;
    for (const EventId &id : ids)
        out.append(id.toString());
    return out;
}

const ResolutionStep *stepOf(const QList<ResolutionStep> &steps, StepKind kind)
{
    const auto it = std::find_if(steps.begin(), steps.end(),
                                 [kind](const ResolutionStep &step) { return step.kind == kind; });
    return it == steps.end() ? nullptr : &*it;
}

// The shown table's column as event IDs (cells that name an event) or texts.
QStringList column(const StepTable *table, int column, bool ids)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out.append(ids ? table->eventAt(row, column) : table->item(row, column)->text());
    return out;
}

// Shows the step of `kind` and checks that its auth checks are the trace's, with verdicts.
void verifyChecks(StateResView &view, StepKind kind,
                  const QList<trellis::stateres::AuthCheckStep> &checks,
                  const events::RoomVersion &version)
{
    const auto it = std::find_if(view.steps().begin(), view.steps().end(),
                                 [kind](const ResolutionStep &step) { return step.kind == kind; });
    QVERIFY(it != view.steps().end());
    view.setCurrentStep(int(it - view.steps().begin()));
    const auto *table = view.findChild<StepTable *>();
    QCOMPARE(table->rowCount(), int(checks.size()));
    for (int row = 0; row < checks.size(); ++row) {
        QCOMPARE(table->eventAt(row, 1), checks[row].event.toString());
        const QString verdict = table->item(row, 4)->text();
        if (checks[row].verdict.allowed()) {
            QCOMPARE(verdict, QStringLiteral("accepted"));
        } else {
            const QString rule = auth::ruleNumber(checks[row].verdict.failedRule, version);
            QVERIFY2(verdict.startsWith(QStringLiteral("rejected by rule %1 (").arg(rule)),
                     qPrintable(verdict));
            QVERIFY(verdict.contains(auth::ruleName(checks[row].verdict.failedRule)));
        }
    }
}

} // namespace

class TestStateRes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stepsMatchTheTrace_data();
    void stepsMatchTheTrace();
    void navigation();
    void clickingAnEventEmitsIt();
    void eventsWithoutAResolution();
    void bigDumpsReplayAgain();
    void pickedEventsResolve();
    void specSectionsLinkToTheSpec();
    void explorerExplainsTheMergeAndSelectsClickedEvents();
    void explorerResolvesPickedEvents();

private:
    QTemporaryDir m_dir;
    room::BuiltRoom m_room; ///< version 12
    QString m_dumpPath;
};

void TestStateRes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_room = buildForkedRoom(QStringLiteral("12"));
    m_dumpPath = m_dir.filePath(QStringLiteral("forked.json"));
    QFile file(m_dumpPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json::toCanonicalBytes(json::Value(room::roomDumpToJson(m_room.events))));
}

void TestStateRes::stepsMatchTheTrace_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("algorithm");
    QTest::addRow("v1") << QStringLiteral("1") << QStringLiteral("v1");
    QTest::addRow("v2") << QStringLiteral("10") << QStringLiteral("v2");
    QTest::addRow("v2.1") << QStringLiteral("12") << QStringLiteral("v2.1");
}

void TestStateRes::stepsMatchTheTrace()
{
    QFETCH(QString, version);
    QFETCH(QString, algorithm);
    const room::BuiltRoom built = buildForkedRoom(version);
    const EventId merge = built.ids.value(QStringLiteral("merge"));
    const EventId ban = built.ids.value(QStringLiteral("ban"));
    const EventId topic = built.ids.value(QStringLiteral("topic"));
    const ResolutionSource source{built.version, built.events, nullptr};
    QVERIFY(mergesStates(source, merge.toString()));

    StateResView view;
    QSignalSpy explained(&view, &StateResView::explained);
    view.explain(source, merge.toString());
    // explain() returns before the job is done: the GUI thread never waits for it.
    QCOMPARE(explained.size(), 0);
    QVERIFY(explained.wait(20000));
    const Explanation &explanation = view.explanation();
    QVERIFY2(explanation.resolved(), qPrintable(explanation.error));
    const trellis::stateres::Trace &trace = explanation.trace;
    QCOMPARE(trace.algorithm, algorithm);
    QCOMPARE(explanation.setOrigins, (QList<QStringList>{{ban.toString()}, {topic.toString()}}));

    // An independent replay: the same result as the state before the merge event, and the same
    // trace as a resolution of the states after its prev events.
    room::RoomReplay replay(*built.version);
    QVERIFY(replay.run(built.events, {merge, ban, topic}).hasValue());
    QCOMPARE(trace.resolved, *replay.stateBefore(merge));
    trellis::stateres::Trace expected;
    QVERIFY(trellis::stateres::resolve(*built.version,
                                       {*replay.stateAfter(topic), *replay.stateAfter(ban)},
                                       replay.events(), &expected)
                .hasValue());
    QCOMPARE(idStrings(trace.conflicted), idStrings(expected.conflicted));
    QCOMPARE(trace.resolved, expected.resolved);
    // Bob's ban wins everywhere; carol's topic survives in v1 only (there a key that one state
    // lacks is no conflict), while v2 rejects it: carol is banned when it is checked.
    QCOMPARE(trace.resolved.value({QStringLiteral("m.room.member"), QStringLiteral("@carol:example.org")}),
             ban);
    QCOMPARE(trace.resolved.contains({QStringLiteral("m.room.topic"), QString()}), version == QLatin1String("1"));

    // The steps, in the algorithm's order, each explained with its spec section.
    QList<StepKind> kinds;
    for (const ResolutionStep &step : view.steps()) {
        kinds.append(step.kind);
        QVERIFY(!step.title.isEmpty());
        QVERIFY(!step.explanation.isEmpty());
        QVERIFY(!step.specSection.isEmpty());
    }
    QList<StepKind> expectedKinds{StepKind::StateSets, StepKind::Unconflicted, StepKind::Conflicted};
    if (algorithm == QLatin1String("v1")) {
        for (qsizetype i = 0; i < trace.passes.size(); ++i)
            expectedKinds.append(StepKind::V1Pass);
    } else {
        expectedKinds.append(StepKind::AuthDifference);
        if (algorithm == QLatin1String("v2.1"))
            expectedKinds.append(StepKind::ConflictedSubgraph);
        expectedKinds.append({StepKind::FullConflicted, StepKind::PowerEvents,
                              StepKind::PowerChecks, StepKind::PartialState, StepKind::Mainline,
                              StepKind::OtherEvents, StepKind::OtherChecks});
        QVERIFY(view.steps()[0].specSection.startsWith(
            algorithm == QLatin1String("v2") ? QLatin1String("v2-state-res")
                                              : QLatin1String("rooms/v12")));
    }
    expectedKinds.append(StepKind::Resolved);
    QCOMPARE(kinds, expectedKinds);
    QCOMPARE(view.findChild<QListWidget *>()->count(), int(expectedKinds.size()));

    // The conflicted set as the table shows it.
    const ResolutionStep *conflicted = stepOf(view.steps(), StepKind::Conflicted);
    view.setCurrentStep(int(conflicted - view.steps().data()));
    const auto *table = view.findChild<StepTable *>();
    QCOMPARE(column(table, 0, true), idStrings(trace.conflicted));

    // The auth checks with their verdicts.
    if (algorithm == QLatin1String("v1")) {
        QCOMPARE(trace.passes.size(), 1);
        const ResolutionStep *pass = stepOf(view.steps(), StepKind::V1Pass);
        QCOMPARE(pass->eventIds, idStrings(trace.passes[0].order));
        view.setCurrentStep(int(pass - view.steps().data()));
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("accepted"));
        QCOMPARE(table->item(1, 5)->text(), QStringLiteral("in R"));
        QCOMPARE(table->eventAt(1, 1), trace.passes[0].chosen.toString());
    } else {
        verifyChecks(view, StepKind::PowerChecks, trace.powerChecks, *built.version);
        verifyChecks(view, StepKind::OtherChecks, trace.otherChecks, *built.version);
        QVERIFY(std::any_of(trace.otherChecks.begin(), trace.otherChecks.end(),
                            [&](const auto &check) {
                                return check.event == topic && !check.verdict.allowed();
                            }));
    }

    // The resolved state, row by row.
    view.setCurrentStep(int(view.steps().size()) - 1);
    QList<auth::StateKey> keys = trace.resolved.keys();
    std::sort(keys.begin(), keys.end());
    QCOMPARE(table->rowCount(), int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        QCOMPARE(table->item(row, 0)->text(), keys[row].type);
        QCOMPARE(table->item(row, 1)->text(), keys[row].stateKey);
        QCOMPARE(table->eventAt(row, 2), trace.resolved.value(keys[row]).toString());
    }
}

void TestStateRes::navigation()
{
    StateResView view;
    QSignalSpy explained(&view, &StateResView::explained);
    view.explain({m_room.version, m_room.events, nullptr},
                 m_room.ids.value(QStringLiteral("merge")).toString());
    QVERIFY(explained.wait(20000));
    auto *back = view.findChild<QPushButton *>(QStringLiteral("stateResBack"));
    auto *next = view.findChild<QPushButton *>(QStringLiteral("stateResNext"));
    auto *list = view.findChild<QListWidget *>();
    auto *title = view.findChild<QLabel *>(QStringLiteral("stateResStepTitle"));
    auto *spec = view.findChild<QLabel *>(QStringLiteral("stateResStepSpec"));
    QCOMPARE(view.currentStep(), 0);
    QVERIFY(!back->isEnabled());
    QVERIFY(next->isEnabled());
    QSignalSpy changed(&view, &StateResView::currentStepChanged);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(view.currentStep(), 1);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(title->text(), view.steps()[1].title);
    QVERIFY(spec->text().contains(view.steps()[1].specSection));
    QVERIFY(back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(view.currentStep(), 0);
    list->setCurrentRow(5);
    QCOMPARE(view.currentStep(), 5);
    QCOMPARE(changed.size(), 3);
    const int last = int(view.steps().size()) - 1;
    view.setCurrentStep(last + 10); // clamped
    QCOMPARE(view.currentStep(), last);
    QVERIFY(!next->isEnabled());
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("stateResPosition"))->text(),
             QStringLiteral("Step %1 of %1").arg(last + 1));
}

void TestStateRes::clickingAnEventEmitsIt()
{
    StateResView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy explained(&view, &StateResView::explained);
    view.explain({m_room.version, m_room.events, nullptr},
                 m_room.ids.value(QStringLiteral("merge")).toString());
    QVERIFY(explained.wait(20000));
    const ResolutionStep *conflicted = stepOf(view.steps(), StepKind::Conflicted);
    view.setCurrentStep(int(conflicted - view.steps().data()));
    auto *table = view.findChild<StepTable *>();
    QSignalSpy activated(&view, &StateResView::eventActivated);
    // A cell that names no event emits nothing; an event's cell emits its ID.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 1)).center());
    QCOMPARE(activated.size(), 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(1, 0)).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), view.explanation().trace.conflicted[1].toString());
}

void TestStateRes::eventsWithoutAResolution()
{
    const ResolutionSource source{m_room.version, m_room.events, nullptr};
    const QString late = m_room.ids.value(QStringLiteral("late")).toString();
    QVERIFY(!mergesStates(source, late));
    QVERIFY(!mergesStates(source, QStringLiteral("$unknown")));
    StateResView view;
    QSignalSpy explained(&view, &StateResView::explained);
    view.explain(source, late);
    QVERIFY(explained.wait(20000));
    QVERIFY(view.explanation().nothingToResolve);
    QVERIFY(view.steps().isEmpty());
    view.explain(source, QStringLiteral("$unknown"));
    QVERIFY(explained.wait(20000));
    QVERIFY(!view.explanation().error.isEmpty());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("stateResSummary"))
                ->text()
                .contains(view.explanation().error));
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("stateResNext"))->isEnabled());
}

void TestStateRes::bigDumpsReplayAgain()
{
    // The explorer's replay of a big dump keeps no states: the job replays the room again and
    // finds what a replay that kept every state gives.
    const QString merge = m_room.ids.value(QStringLiteral("merge")).toString();
    auto lean = std::make_shared<room::RoomReplay>(*m_room.version);
    QVERIFY(lean->run(m_room.events).hasValue());
    QVERIFY(!lean->stateAfter(m_room.ids.value(QStringLiteral("ban"))));
    const ResolutionSource leanSource{m_room.version, m_room.events, lean};
    QVERIFY(mergesStates(leanSource, merge));
    const Explanation again = explainStateBefore(leanSource, merge);
    QVERIFY2(again.resolved(), qPrintable(again.error));
    QVERIFY(again.replay != lean);

    auto full = std::make_shared<room::RoomReplay>(*m_room.version,
                                                   room::RoomReplay::KeepStates::All);
    const EventId mergeId = m_room.ids.value(QStringLiteral("merge"));
    QVERIFY(full->run(m_room.events, {mergeId}).hasValue());
    const Explanation kept = explainStateBefore({m_room.version, m_room.events, full}, merge);
    QVERIFY(kept.resolved());
    QVERIFY(kept.replay == full);
    QCOMPARE(idStrings(kept.trace.fullConflicted), idStrings(again.trace.fullConflicted));
    QCOMPARE(idStrings(kept.trace.powerEvents), idStrings(again.trace.powerEvents));
    QCOMPARE(kept.trace.resolved, again.trace.resolved);
    QCOMPARE(full->stateBefore(mergeId), std::optional<StateSet>(kept.trace.resolved));
}

void TestStateRes::pickedEventsResolve()
{
    const ResolutionSource source{m_room.version, m_room.events, nullptr};
    const auto id = [this](const char *name) { return m_room.ids.value(QLatin1String(name)); };
    room::RoomReplay replay(*m_room.version);
    QVERIFY(replay.run(m_room.events, {id("merge"), id("ban"), id("topic"), id("carol")}).hasValue());

    // The merge's own prev events, picked: the same resolution as the state before the merge.
    const Explanation pair =
        explain(source, ResolutionRequest::after({id("ban").toString(), id("topic").toString()}));
    QVERIFY2(pair.resolved(), qPrintable(pair.error));
    QCOMPARE(pair.trace.resolved, *replay.stateBefore(id("merge")));
    QVERIFY(!ResolutionSteps::build(pair).isEmpty());

    // Three states (carol's join, the ban on it, the topic on it): what the resolver gives them.
    const QStringList three{id("carol").toString(), id("ban").toString(), id("topic").toString()};
    const Explanation picked = explain(source, ResolutionRequest::after(three));
    QVERIFY2(picked.resolved(), qPrintable(picked.error));
    QCOMPARE(picked.setOrigins, (QList<QStringList>{{three[0]}, {three[1]}, {three[2]}}));
    QCOMPARE(picked.trace.stateSets.size(), 3);
    trellis::stateres::Trace expected;
    QVERIFY(trellis::stateres::resolve(*m_room.version,
                                       {*replay.stateAfter(id("carol")), *replay.stateAfter(id("ban")),
                                        *replay.stateAfter(id("topic"))},
                                       replay.events(), &expected)
                .hasValue());
    QCOMPARE(picked.trace.resolved, expected.resolved);
    QCOMPARE(idStrings(picked.trace.conflicted), idStrings(expected.conflicted));
    const QList<ResolutionStep> steps = ResolutionSteps::build(picked);
    QCOMPARE(steps.first().kind, StepKind::StateSets);
    QCOMPARE(steps.first().headers.size(), 2 + 3); // type, state key, one column per state
    QVERIFY(steps.last().explanation.contains(QStringLiteral("picked events")));

    // The rejected message changes nothing: the states after it and after the merge are one.
    const Explanation same = explain(
        source, ResolutionRequest::after({id("merge").toString(), id("late").toString()}));
    QVERIFY(same.nothingToResolve);
    QCOMPARE(same.setOrigins, (QList<QStringList>{{id("merge").toString(), id("late").toString()}}));
    const Explanation unknown =
        explain(source, ResolutionRequest::after({id("merge").toString(), QStringLiteral("$nope")}));
    QVERIFY(unknown.error.contains(QStringLiteral("$nope")));
}

void TestStateRes::specSectionsLinkToTheSpec()
{
    const auto url = [](const char *section) {
        return ResolutionSteps::specUrl(QLatin1String(section)).toString();
    };
    QCOMPARE(url("rooms/v1, State resolution"),
             QStringLiteral("https://spec.matrix.org/latest/rooms/v1/#state-resolution"));
    QCOMPARE(url("v2-state-res, Definitions, Auth difference"),
             QStringLiteral("https://spec.matrix.org/latest/rooms/v2/#definitions"));
    QCOMPARE(url("v2-state-res, Algorithm, step 1"),
             QStringLiteral("https://spec.matrix.org/latest/rooms/v2/#algorithm"));
    QCOMPARE(url("v2-state-res"), QStringLiteral("https://spec.matrix.org/latest/rooms/v2/#state-resolution"));
    QCOMPARE(url("rooms/v12, State resolution, Algorithm, step 4; Definitions, Iterative auth checks"),
             QStringLiteral("https://spec.matrix.org/latest/rooms/v12/#algorithm"));
    QVERIFY(!ResolutionSteps::specUrl(QStringLiteral("something else")).isValid());

    // Every step the view shows links its section.
    const ResolutionSource source{m_room.version, m_room.events, nullptr};
    StateResView view;
    QSignalSpy explained(&view, &StateResView::explained);
    view.explain(source, m_room.ids.value(QStringLiteral("merge")).toString());
    QVERIFY(explained.wait(20000));
    auto *spec = view.findChild<QLabel *>(QStringLiteral("stateResStepSpec"));
    for (int step = 0; step < view.steps().size(); ++step) {
        view.setCurrentStep(step);
        QVERIFY2(spec->text().contains(QStringLiteral("<a href=\"https://spec.matrix.org/latest/rooms/v12/#")),
                 qPrintable(spec->text()));
    }
}

void TestStateRes::explorerExplainsTheMergeAndSelectsClickedEvents()
{
    ui::MainWindow window;
    window.resize(1400, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRoomDump(m_dumpPath);
    auto *explorer = window.findChild<ui::dag::DagExplorer *>();
    QVERIFY(explorer);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->view()->snapshot() && explorer->view()->snapshot()->replay,
                             20000);
    auto *button = explorer->details()->findChild<QPushButton *>(
        QStringLiteral("explainStateResButton"));
    QVERIFY(button);
    const QString merge = m_room.ids.value(QStringLiteral("merge")).toString();
    const QString ban = m_room.ids.value(QStringLiteral("ban")).toString();
    // Only events whose state before resolves several states can be explained.
    QVERIFY(explorer->view()->selectEvent(ban));
    QVERIFY(!button->isEnabled());
    QVERIFY(explorer->view()->selectEvent(m_room.ids.value(QStringLiteral("late")).toString()));
    QVERIFY(!button->isEnabled());
    QVERIFY(explorer->view()->selectEvent(merge));
    QVERIFY(button->isEnabled());

    StateResView *view = explorer->stateResView();
    QVERIFY(view->isHidden());
    QSignalSpy explained(view, &StateResView::explained);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!view->isHidden());
    QVERIFY(explained.wait(20000));
    QCOMPARE(view->eventId(), merge);
    QVERIFY(view->explanation().resolved());

    // Clicking the ban in the conflicted set selects it in the DAG view; the step-through stays.
    const ResolutionStep *conflicted = stepOf(view->steps(), StepKind::Conflicted);
    view->setCurrentStep(int(conflicted - view->steps().data()));
    // The step's events are marked in the DAG.
    QVERIFY(!conflicted->eventIds.isEmpty());
    QCOMPARE(explorer->view()->highlightedCount(), int(conflicted->eventIds.size()));
    auto *table = view->findChild<StepTable *>();
    const int row = int(column(table, 0, true).indexOf(ban));
    QVERIFY(row >= 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(row, 0)).center());
    QCOMPARE(explorer->view()->selectedEvent(), ban);
    QCOMPARE(explorer->details()->eventId(), ban);
    QCOMPARE(view->eventId(), merge);
    QVERIFY(!view->isHidden());

    // With TRELLIS_SCREENSHOT_DIR set, the explorer is saved there on the other events' checks.
    const QByteArray screenshots = qgetenv("TRELLIS_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        explorer->view()->selectEvent(merge);
        const ResolutionStep *checks = stepOf(view->steps(), StepKind::OtherChecks);
        view->setCurrentStep(int(checks - view->steps().data()));
        // Laid out again for the new texts: wrapped labels get the height they need.
        for (const char *name : {"stateResSummary", "stateResStepText", "stateResStepSpec"}) {
            auto *label = view->findChild<QLabel *>(QString::fromLatin1(name));
            QTRY_VERIFY(label->height() >= label->heightForWidth(label->width()));
        }
        QVERIFY(window.grab().save(QDir(QString::fromLocal8Bit(screenshots))
                                       .filePath(QStringLiteral("stateres-stepthrough.png"))));
    }
    QTest::mouseClick(view->findChild<QToolButton *>(QStringLiteral("stateResClose")),
                      Qt::LeftButton);
    QVERIFY(view->isHidden());
    QCOMPARE(explorer->view()->highlightedCount(), 0); // closing clears the marks
}

void TestStateRes::explorerResolvesPickedEvents()
{
    ui::dag::DagExplorer explorer;
    explorer.resize(1400, 800);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    QSignalSpy states(explorer.document(), &ui::dag::RoomDumpDocument::statesReady);
    explorer.open(m_dumpPath);
    QTRY_VERIFY_WITH_TIMEOUT(explorer.view()->snapshot() && explorer.view()->snapshot()->replay,
                             20000);
    const QString carol = m_room.ids.value(QStringLiteral("carol")).toString();
    const QString ban = m_room.ids.value(QStringLiteral("ban")).toString();
    const QString topic = m_room.ids.value(QStringLiteral("topic")).toString();
    // Click carol's join, Ctrl+click the ban and the topic.
    ui::dag::DagView *dag = explorer.view();
    const auto rowOf = [dag](const QString &id) { return dag->snapshot()->layout.rowOf(id); };
    QTest::mouseClick(dag->viewport(), Qt::LeftButton, {}, dag->nodeCenter(rowOf(carol)).toPoint());
    for (const QString &id : {ban, topic})
        QTest::mouseClick(dag->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          dag->nodeCenter(rowOf(id)).toPoint());
    QCOMPARE(dag->pickedEvents(), (QStringList{carol, ban, topic}));
    QCOMPARE(explorer.details()->pickedEvents(), (QStringList{carol, ban, topic}));

    // The difference has a column per picked event and the rows where they disagree: carol's
    // membership (join, ban, join) and the topic (none, none, set).
    auto *difference = explorer.findChild<QTableWidget *>(QStringLiteral("stateDifferenceTable"));
    QCOMPARE(difference->columnCount(), 5);
    QTRY_COMPARE(difference->rowCount(), 2);

    auto *button = explorer.details()->findChild<QPushButton *>(
        QStringLiteral("explainStateResButton"));
    QVERIFY(button->isEnabled());
    StateResView *view = explorer.stateResView();
    QSignalSpy explained(view, &StateResView::explained);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(explained.wait(20000));
    QVERIFY(view->request().isPick());
    QCOMPARE(view->request().statesAfter, (QStringList{carol, ban, topic}));
    QVERIFY2(view->explanation().resolved(), qPrintable(view->explanation().error));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("stateResTitle"))
                ->text()
                .startsWith(QStringLiteral("How the states after")));
    // The first step marks the picked events in the DAG.
    QCOMPARE(view->currentStep(), 0);
    QCOMPARE(dag->highlightedCount(), 3);
}

QTEST_MAIN(TestStateRes)
#include "tst_stateresview.moc"
