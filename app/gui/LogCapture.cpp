#include "app/gui/LogCapture.h"

#include <QDateTime>
#include <QThread>
#include <atomic>
#include <thread>

namespace trellis::app {

namespace {

// What the message handler, which runs on whichever thread logs, shares with the GUI thread.
// No buffer and no lock: only the address to post to (set and cleared on the GUI thread), the
// number of handler calls between reading that address and posting to it (so that uninstall()
// can wait for them), and the handler to pass messages on to.
std::atomic<LogCapture *> g_target{nullptr};
std::atomic<int> g_posting{0};
std::atomic<QtMessageHandler> g_previous{nullptr};
// GUI thread only: a later handler was installed over ours and passes messages down to it, so
// ours stays in that chain (passing messages on) after uninstall(); install() then only sets
// the target again.
bool g_stranded = false;

// Lines arriving within this time reach logged() together: a burst of thousands of lines
// becomes a few insertions into the view, not thousands.
constexpr int kFlushMs = 50;

} // namespace

struct LogCaptureHandler
{
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (const QtMessageHandler previous = g_previous.load())
            previous(type, context, message);
        api::LogEntry entry{QDateTime::currentMSecsSinceEpoch(), api::logLevelOf(type),
                            QString::fromUtf8(context.category ? context.category : "default"),
                            message};
        // Between the increment and the decrement the target cannot be destroyed: uninstall()
        // clears it, then waits for the count to fall to zero. A call posted before that is
        // safe too: Qt drops the posted calls of an object that is deleted.
        g_posting.fetch_add(1);
        if (LogCapture *target = g_target.load()) {
            QMetaObject::invokeMethod(
                target,
                [target, line = std::move(entry)]() mutable { target->receive(std::move(line)); },
                Qt::QueuedConnection);
        }
        g_posting.fetch_sub(1);
    }
};

LogCapture::LogCapture(int backlogLines, QObject *parent)
    : QObject(parent), m_backlogLines(backlogLines)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(kFlushMs);
    connect(&m_flush, &QTimer::timeout, this, &LogCapture::flush);
}

LogCapture::~LogCapture()
{
    uninstall();
}

bool LogCapture::install()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_installed)
        return true;
    LogCapture *none = nullptr;
    if (!g_target.compare_exchange_strong(none, this))
        return false;
    if (g_stranded) {
        // Is ours back on top (the later handler went and put it back)? Then nothing is
        // stranded any more. If not, ours still serves the later handler's chain, or someone
        // dropped it; either way installing it a second time could make a loop, so only the
        // target is set.
        const QtMessageHandler top = qInstallMessageHandler(nullptr);
        qInstallMessageHandler(top);
        g_stranded = top != &LogCaptureHandler::handle;
    } else {
        // Between these two calls a message goes to Qt's default handler: to stderr, not lost.
        g_previous.store(qInstallMessageHandler(nullptr));
        qInstallMessageHandler(&LogCaptureHandler::handle);
    }
    m_installed = true;
    return true;
}

void LogCapture::uninstall()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_installed)
        return;
    m_installed = false;
    g_target.store(nullptr);
    const QtMessageHandler replaced = qInstallMessageHandler(g_previous.load());
    g_stranded = replaced != &LogCaptureHandler::handle;
    if (g_stranded) // taking ours out would cut the later handler's chain: put it back
        qInstallMessageHandler(replaced);
    // A handler call on another thread may have read our address just before it was cleared.
    // Each such call only posts one event, so this wait is short.
    while (g_posting.load() != 0)
        std::this_thread::yield();
}

void LogCapture::receive(api::LogEntry entry)
{
    // Not bounded: the lines of one flush interval, which the event queue held anyway.
    m_pending.append(std::move(entry));
    if (!m_flush.isActive())
        m_flush.start();
}

void LogCapture::flush()
{
    const QList<api::LogEntry> batch = std::exchange(m_pending, {});
    m_backlog.append(batch);
    if (m_backlog.size() > m_backlogLines)
        m_backlog.remove(0, m_backlog.size() - m_backlogLines);
    Q_EMIT logged(batch);
}

} // namespace trellis::app
