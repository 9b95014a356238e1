#include "ui/stateres/ResolutionExplainer.h"

#include "ui/stateres/ResolutionSteps.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace trellis::ui::resolution {

ResolutionExplainer::ResolutionExplainer(QObject *parent)
    : QObject(parent), m_watcher(new QFutureWatcher<Explanation>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ResolutionExplainer::onFinished);
}

// A job still running finishes on the pool with its own copy of the source; its result is
// discarded with the watcher.
ResolutionExplainer::~ResolutionExplainer() = default;

void ResolutionExplainer::explain(const ResolutionSource &source, const ResolutionRequest &request)
{
    const quint64 generation = ++m_generation;
    auto job = [source, request, generation] {
        Explanation explanation = resolution::explain(source, request);
        explanation.steps = ResolutionSteps::build(explanation); // tr() is thread-safe
        explanation.generation = generation;
        return explanation;
    };
    m_watcher->setFuture(QtConcurrent::run(job));
}

bool ResolutionExplainer::isBusy() const
{
    return m_watcher->isRunning();
}

void ResolutionExplainer::onFinished()
{
    const Explanation explanation = m_watcher->result();
    if (explanation.generation == m_generation)
        Q_EMIT explained(explanation);
}

} // namespace trellis::ui::resolution
