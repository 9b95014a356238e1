#pragma once
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace trellis::services {

/// Long-polling /sync requests waiting for something to happen (client-server-api "Syncing":
/// `timeout`). Whatever changes a stream calls notify(); every waiter is woken once and
/// decides for itself whether the change concerns it (if not, it waits again).
class SyncNotifier : public QObject
{
    Q_OBJECT
public:
    /// `timedOut` says why the waiter runs.
    using Wake = std::function<void(bool timedOut)>;

    explicit SyncNotifier(QObject *parent = nullptr);
    ~SyncNotifier() override;

    /// Registers a waiter; it runs exactly once, on the next notify() or after `timeoutMs`,
    /// unless cancelled first. Returns its ID.
    quint64 wait(int timeoutMs, Wake wake);
    void cancel(quint64 id);
    /// Wakes every current waiter (those registered during the wake-up wait for the next).
    void notify();
    int waitingCount() const { return int(m_waiters.size()); }

private:
    struct Waiter
    {
        Wake wake;
        QTimer *timer;
    };
    void fire(quint64 id, bool timedOut);

    QHash<quint64, Waiter> m_waiters;
    quint64 m_nextId = 1;
};

} // namespace trellis::services
