#pragma once
#include "ui/stateres/ResolutionJob.h"
#include "ui/stateres/ResolutionStep.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace trellis::ui::resolution {

class ResolutionExplainer;
class StepTable;

/// The explorer's state-resolution step-through: why the state before a merge event is what
/// it is, or how the states after events the user picked resolve. It resolves the states after
/// the event's prev events (or the picked events) again with a Trace (off the GUI thread) and shows the algorithm's steps in order, in a list and with Back/Next: the input
/// states, the conflicted set, ... the iterative auth checks with their verdicts, the result.
/// Each step explains itself and names its spec section; clicking an event in a step's table
/// emits eventActivated(), for the DAG view to select it.
class StateResView : public QWidget
{
    Q_OBJECT

public:
    explicit StateResView(QWidget *parent = nullptr);

    /// Starts explaining the state before an event, or the resolution of the states after
    /// picked events, and returns at once; explained() follows.
    void explain(const ResolutionSource &source, const ResolutionRequest &request);
    void explain(const ResolutionSource &source, const QString &eventId)
    {
        explain(source, ResolutionRequest::before(eventId));
    }
    /// Shows a finished explanation, steps built (what explain() does when its job is done).
    void setExplanation(const Explanation &explanation);

    /// The event whose state before is explained; empty for picked events.
    QString eventId() const { return m_request.stateBefore; }
    const ResolutionRequest &request() const { return m_request; }
    bool isBusy() const;
    const Explanation &explanation() const { return m_explanation; }
    const QList<ResolutionStep> &steps() const { return m_steps; }
    int currentStep() const { return m_current; }
    /// Shows step `index` (clamped); emits currentStepChanged().
    void setCurrentStep(int index);
    void next() { setCurrentStep(m_current + 1); }
    void back() { setCurrentStep(m_current - 1); }

Q_SIGNALS:
    void explained();
    void currentStepChanged(int index);
    void eventActivated(const QString &eventId);
    void closeRequested();

private:
    QWidget *createHeader();
    QWidget *createStepPane();
    QWidget *createNavigation();
    QString summary() const;
    void showMessage(const QString &message);
    void showTitle();

    ResolutionExplainer *m_explainer;
    ResolutionRequest m_request;
    Explanation m_explanation;
    QList<ResolutionStep> m_steps;
    int m_current = -1;
    QLabel *m_title;
    QLabel *m_summary;
    QListWidget *m_stepList;
    QLabel *m_stepTitle;
    QLabel *m_stepText;
    QLabel *m_stepSpec;
    StepTable *m_table;
    QPushButton *m_back;
    QPushButton *m_next;
    QLabel *m_position;
};

} // namespace trellis::ui::resolution
