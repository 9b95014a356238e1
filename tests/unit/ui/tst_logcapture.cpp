// The GUI's log capture: messages from any thread reach the GUI-thread object in order, still
// reach the handler it replaced, the backlog stays bounded, and uninstalling puts the old
// handler back and is safe while other threads keep logging.
#include "app/gui/LogCapture.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QScopeGuard>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using trellis::api::LogEntry;
using trellis::api::LogLevel;
using trellis::app::LogCapture;

Q_LOGGING_CATEGORY(lcCaptureTest, "trellis.capturetest")

namespace {

// The "previous" handler of the tests: records what it is passed (from any thread, hence
// the lock, which is the test's own business) without printing it.
QMutex g_recordedLock;
QStringList g_recorded;
std::atomic<int> g_recordedCount{0};

void recorder(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_recordedCount.fetch_add(1);
    if (qstrcmp(context.category, "trellis.capturetest") != 0)
        return;
    QMutexLocker locked(&g_recordedLock);
    g_recorded.append(message);
}

QStringList recorded()
{
    QMutexLocker locked(&g_recordedLock);
    return g_recorded;
}

// The test's own lines (a stray warning of Qt's, say, is not counted).
QStringList messagesOf(const QList<LogEntry> &lines)
{
    QStringList messages;
    for (const LogEntry &line : lines) {
        if (line.category == QLatin1String("trellis.capturetest"))
            messages.append(line.message);
    }
    return messages;
}

} // namespace

class TestLogCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void forwardsFromAnotherThreadInOrder();
    void backlogIsBounded();
    void uninstallRestoresThePreviousHandler();
    void oneCaptureAtATime();
    void aLaterHandlerKeepsItsChain();
    void destroyingWhileAnotherThreadLogsIsSafe();

private:
    QtMessageHandler m_testLibHandler = nullptr;
};

void TestLogCapture::init()
{
    {
        QMutexLocker locked(&g_recordedLock);
        g_recorded.clear();
    }
    g_recordedCount.store(0);
    m_testLibHandler = qInstallMessageHandler(recorder);
}

void TestLogCapture::cleanup()
{
    qInstallMessageHandler(m_testLibHandler);
}

void TestLogCapture::forwardsFromAnotherThreadInOrder()
{
    LogCapture capture;
    QSignalSpy logged(&capture, &LogCapture::logged);
    QVERIFY(capture.install());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList expected;
    for (int i = 0; i < 100; ++i)
        expected.append(QStringLiteral("line %1").arg(i));
    expected.append(QStringLiteral("the last one warns"));

    std::unique_ptr<QThread> worker(QThread::create([] {
        for (int i = 0; i < 100; ++i)
            qCInfo(lcCaptureTest, "line %d", i);
        qCWarning(lcCaptureTest, "the last one warns");
    }));
    worker->start();
    QVERIFY(worker->wait(10'000));
    QTRY_COMPARE(messagesOf(capture.backlog()).size(), expected.size());

    QCOMPARE(messagesOf(capture.backlog()), expected);
    QCOMPARE(recorded(), expected); // the replaced handler still saw every line, in order
    const LogEntry &first = capture.backlog().constFirst();
    QCOMPARE(first.level, LogLevel::Info);
    QCOMPARE(first.category, QStringLiteral("trellis.capturetest"));
    QVERIFY(first.atMs >= before && first.atMs <= QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(capture.backlog().constLast().level, LogLevel::Warning);

    // What logged() passed on is exactly the backlog, batch after batch.
    QList<LogEntry> signalled;
    for (const QList<QVariant> &arguments : std::as_const(logged))
        signalled += arguments.constFirst().value<QList<LogEntry>>();
    QCOMPARE(messagesOf(signalled), expected);
}

void TestLogCapture::backlogIsBounded()
{
    LogCapture capture(10);
    QSignalSpy logged(&capture, &LogCapture::logged);
    QVERIFY(capture.install());
    for (int i = 0; i < 25; ++i)
        qCInfo(lcCaptureTest, "%d", i);
    QTRY_VERIFY(!logged.isEmpty() && messagesOf(capture.backlog()).endsWith(QStringLiteral("24")));
    QCOMPARE(capture.backlog().size(), 10);
    QCOMPARE(capture.backlog().constFirst().message, QStringLiteral("15"));
    // The bound is the backlog's only: a view that listens gets every line.
    int signalled = 0;
    for (const QList<QVariant> &arguments : std::as_const(logged))
        signalled += int(arguments.constFirst().value<QList<LogEntry>>().size());
    QCOMPARE(signalled, 25);
}

void TestLogCapture::uninstallRestoresThePreviousHandler()
{
    LogCapture capture;
    QVERIFY(capture.install());
    QVERIFY(capture.isInstalled());
    qCInfo(lcCaptureTest, "caught");
    QTRY_COMPARE(capture.backlog().size(), 1);

    capture.uninstall();
    QVERIFY(!capture.isInstalled());
    const QtMessageHandler current = qInstallMessageHandler(recorder);
    QVERIFY(current == &recorder);
    qCInfo(lcCaptureTest, "not caught");
    QTest::qWait(100); // nothing may arrive: give a stray queued line the chance to show up
    QCOMPARE(capture.backlog().size(), 1);
    QCOMPARE(recorded(), (QStringList{QStringLiteral("caught"), QStringLiteral("not caught")}));
}

void TestLogCapture::oneCaptureAtATime()
{
    auto first = std::make_unique<LogCapture>();
    LogCapture second;
    QVERIFY(first->install());
    QVERIFY(!second.install());
    first.reset(); // the destructor uninstalls
    QVERIFY(second.install());
    qCInfo(lcCaptureTest, "to the second");
    QTRY_COMPARE(second.backlog().size(), 1);
}

namespace {
QtMessageHandler g_belowLater = nullptr;
void laterHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_belowLater(type, context, message);
}
} // namespace

void TestLogCapture::aLaterHandlerKeepsItsChain()
{
    {
        LogCapture capture;
        QVERIFY(capture.install());
        g_belowLater = qInstallMessageHandler(laterHandler); // someone chains over the capture
        capture.uninstall();
        // Theirs stays installed, ours below it only passes lines on.
        QVERIFY(qInstallMessageHandler(laterHandler) == &laterHandler);
        qCInfo(lcCaptureTest, "through the chain");
        QCOMPARE(recorded(), QStringList{QStringLiteral("through the chain")});

        LogCapture again; // takes its place in the chain instead of installing a second handler
        QVERIFY(again.install());
        qCInfo(lcCaptureTest, "caught again");
        QTRY_COMPARE(again.backlog().size(), 1);
    }
    qInstallMessageHandler(g_belowLater); // the later handler goes, putting ours back on top
    LogCapture last;
    QVERIFY(last.install());
    qCInfo(lcCaptureTest, "caught at the top");
    QTRY_COMPARE(last.backlog().size(), 1);
    last.uninstall();
    QVERIFY(qInstallMessageHandler(recorder) == &recorder); // the handler it first replaced
}

void TestLogCapture::destroyingWhileAnotherThreadLogsIsSafe()
{
    // Info, not debug: a system's logging rules may switch debug lines off.
    std::atomic<bool> stop{false};
    std::unique_ptr<QThread> worker(QThread::create([&stop] {
        while (!stop.load())
            qCInfo(lcCaptureTest, "busy");
    }));
    worker->start();
    // However the test ends (a failed check returns early), the worker stops first: it reads
    // `stop`, which lives on this stack.
    const auto stopWorker = qScopeGuard([&] {
        stop.store(true);
        worker->wait();
    });
    // The handler passes a line on (counted by the recorder) just before it posts it: a
    // capture destroyed right after the count moves is destroyed while a post is under way.
    auto anotherLineIsUnderWay = [] {
        const int seen = g_recordedCount.load();
        const QDeadlineTimer deadline(10'000);
        while (g_recordedCount.load() == seen && !deadline.hasExpired())
            std::this_thread::yield();
        return g_recordedCount.load() != seen;
    };
    for (int round = 0; round < 1000; ++round) {
        auto capture = std::make_unique<LogCapture>();
        QVERIFY(capture->install());
        QVERIFY(anotherLineIsUnderWay());
        capture.reset();
        QCoreApplication::processEvents(); // posts to the deleted capture must have been dropped
    }
}

QTEST_GUILESS_MAIN(TestLogCapture)
#include "tst_logcapture.moc"
