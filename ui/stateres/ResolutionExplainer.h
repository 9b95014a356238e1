#pragma once
#include "ui/stateres/ResolutionJob.h"

#include <QObject>

template <typename T> class QFutureWatcher;

namespace trellis::ui::resolution {

/// Resolves the state before an event (or after picked events) again, with a Trace, on the compute pool (the GUI never
/// waits for it). Only the latest request is answered: an older result is dropped.
class ResolutionExplainer : public QObject
{
    Q_OBJECT

public:
    explicit ResolutionExplainer(QObject *parent = nullptr);
    ~ResolutionExplainer() override;

    /// Starts the job and returns at once; explained() follows.
    void explain(const ResolutionSource &source, const ResolutionRequest &request);
    bool isBusy() const;

Q_SIGNALS:
    void explained(const trellis::ui::resolution::Explanation &explanation);

private:
    void onFinished();

    quint64 m_generation = 0;
    QFutureWatcher<Explanation> *m_watcher;
};

} // namespace trellis::ui::resolution
