#pragma once
#include "core/api/LogEntry.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace trellis::app {

/// Catches what the process logs (qCInfo(lcServer) on the core thread, qWarning() anywhere) for
/// the dashboard's log view. It installs a Qt message handler that passes each message on to
/// the handler it replaced (so stderr keeps it) and queues a copy to this object on the GUI
/// thread. This object alone owns the lines: the handler shares nothing with it but the address
/// to post to, and uninstall() (or the destructor) waits until no handler call can still post
/// there. It keeps the last lines in a backlog, so that a view made later shows the start-up.
///
/// One capture at a time: while one is installed, install() of another returns false.
class LogCapture : public QObject
{
    Q_OBJECT
public:
    /// How many lines the backlog keeps by default.
    static constexpr int kBacklogLines = 2000;

    explicit LogCapture(int backlogLines = kBacklogLines, QObject *parent = nullptr);
    ~LogCapture() override; // uninstalls

    /// Starts catching messages; false if another capture is installed already.
    bool install();
    /// Stops catching and puts back the handler install() replaced, unless a later handler
    /// was installed on top of this one (then ours stays in its chain and only passes on).
    void uninstall();
    bool isInstalled() const { return m_installed; }

    /// The lines logged so far, oldest first, at most the backlog's size. Lines still waiting
    /// for the next logged() are not in it yet: read it, then connect, and nothing is missed
    /// or seen twice.
    const QList<api::LogEntry> &backlog() const { return m_backlog; }

Q_SIGNALS:
    /// New lines in the order they were logged; several at once during a burst, so that a
    /// view inserts them in one go.
    void logged(const QList<trellis::api::LogEntry> &entries);

private:
    friend struct LogCaptureHandler; // the message handler; posts receive() calls

    void receive(api::LogEntry entry);
    void flush();

    const int m_backlogLines;
    bool m_installed = false;
    QList<api::LogEntry> m_backlog;
    QList<api::LogEntry> m_pending; ///< received since the last logged()
    QTimer m_flush;                 ///< gathers a burst into one logged()
};

} // namespace trellis::app
