#include "core/services/SyncNotifier.h"

#include <QTimer>

namespace trellis::services {

SyncNotifier::SyncNotifier(QObject *parent) : QObject(parent) {}

SyncNotifier::~SyncNotifier()
{
    for (const Waiter &waiter : std::as_const(m_waiters))
        delete waiter.timer;
}

quint64 SyncNotifier::wait(int timeoutMs, Wake wake)
{
    const quint64 id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { fire(id, true); });
    timer->start(std::max(0, timeoutMs));
    m_waiters.insert(id, {std::move(wake), timer});
    return id;
}

void SyncNotifier::cancel(quint64 id)
{
    const auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    it->timer->deleteLater();
    m_waiters.erase(it);
}

void SyncNotifier::notify()
{
    const QList<quint64> ids = m_waiters.keys();
    for (quint64 id : ids)
        fire(id, false);
}

void SyncNotifier::fire(quint64 id, bool timedOut)
{
    const auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    Waiter waiter = std::move(*it);
    m_waiters.erase(it);
    waiter.timer->stop();
    waiter.timer->deleteLater();
    waiter.wake(timedOut);
}

} // namespace trellis::services
