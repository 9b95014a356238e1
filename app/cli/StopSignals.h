#pragma once
#include <QObject>

class QSocketNotifier;

namespace trellis::cli {

/// Turns SIGINT and SIGTERM into a Qt signal (through a self-pipe: a signal handler may only
/// write to a file descriptor), so that the server can stop cleanly from the event loop.
class StopSignals : public QObject
{
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void received(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace trellis::cli
