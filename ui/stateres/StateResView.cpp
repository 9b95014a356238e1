#include "ui/stateres/StateResView.h"

#include "ui/stateres/ResolutionExplainer.h"
#include "ui/stateres/ResolutionSteps.h"
#include "ui/stateres/StepCells.h"
#include "ui/stateres/StepTable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace trellis::ui::resolution {

namespace {

// About eight steps of the list, enough for most of v2's fourteen without hiding the step.
constexpr int kListHeight = 150;

QLabel *wrappedLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // verdicts and errors may hold '<'
    // Word-wrapped labels need their height for the width they get (see EventDetailsPanel).
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

} // namespace

StateResView::StateResView(QWidget *parent)
    : QWidget(parent), m_explainer(new ResolutionExplainer(this))
{
    setObjectName(QStringLiteral("stateResView"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    // The list above the step, both full width: step titles and tables both need it more than
    // height (the explorer's panes are narrow).
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_stepList = new QListWidget(splitter);
    m_stepList->setObjectName(QStringLiteral("stateResStepList"));
    splitter->addWidget(m_stepList);
    splitter->addWidget(createStepPane());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({kListHeight, 2 * kListHeight});
    layout->addWidget(splitter, 1);
    layout->addWidget(createNavigation());

    connect(m_stepList, &QListWidget::currentRowChanged, this, &StateResView::setCurrentStep);
    connect(m_table, &StepTable::eventClicked, this, &StateResView::eventActivated);
    connect(m_explainer, &ResolutionExplainer::explained, this, &StateResView::setExplanation);
    showMessage(tr("Select a merge event and choose “Explain state resolution”."));
}

QWidget *StateResView::createHeader()
{
    auto *header = new QWidget(this);
    auto *grid = new QVBoxLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_title = wrappedLabel(QStringLiteral("stateResTitle"), header);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setText(tr("State resolution"));
    auto *close = new QToolButton(header);
    close->setObjectName(QStringLiteral("stateResClose"));
    close->setText(tr("Close"));
    connect(close, &QToolButton::clicked, this, &StateResView::closeRequested);
    row->addWidget(m_title, 1);
    row->addWidget(close);
    grid->addLayout(row);
    m_summary = wrappedLabel(QStringLiteral("stateResSummary"), header);
    grid->addWidget(m_summary);
    return header;
}

QWidget *StateResView::createStepPane()
{
    auto *pane = new QWidget(this);
    auto *column = new QVBoxLayout(pane);
    column->setContentsMargins(0, 4, 0, 0);
    m_stepTitle = wrappedLabel(QStringLiteral("stateResStepTitle"), pane);
    QFont bold = m_stepTitle->font();
    bold.setBold(true);
    m_stepTitle->setFont(bold);
    m_stepText = wrappedLabel(QStringLiteral("stateResStepText"), pane);
    m_stepText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stepSpec = wrappedLabel(QStringLiteral("stateResStepSpec"), pane);
    // A link to the section on spec.matrix.org (in the user's browser).
    m_stepSpec->setTextFormat(Qt::RichText);
    m_stepSpec->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_stepSpec->setOpenExternalLinks(true);
    m_stepSpec->setForegroundRole(QPalette::PlaceholderText);
    m_table = new StepTable(pane);
    column->addWidget(m_stepTitle);
    column->addWidget(m_stepText);
    column->addWidget(m_stepSpec);
    column->addWidget(m_table, 1);
    return pane;
}

QWidget *StateResView::createNavigation()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_back = new QPushButton(tr("◀ Back"), bar);
    m_back->setObjectName(QStringLiteral("stateResBack"));
    m_next = new QPushButton(tr("Next ▶"), bar);
    m_next->setObjectName(QStringLiteral("stateResNext"));
    m_position = new QLabel(bar);
    m_position->setObjectName(QStringLiteral("stateResPosition"));
    m_position->setAlignment(Qt::AlignCenter);
    connect(m_back, &QPushButton::clicked, this, &StateResView::back);
    connect(m_next, &QPushButton::clicked, this, &StateResView::next);
    row->addWidget(m_back);
    row->addWidget(m_position, 1);
    row->addWidget(m_next);
    return bar;
}

void StateResView::explain(const ResolutionSource &source, const ResolutionRequest &request)
{
    m_request = request;
    m_explanation = Explanation();
    showTitle();
    showMessage(request.isPick() ? tr("Resolving the states after the picked events…")
                                 : tr("Resolving the states after its prev events again…"));
    m_explainer->explain(source, request);
}

void StateResView::showTitle()
{
    if (m_request.isPick()) {
        QStringList names;
        for (const QString &id : std::as_const(m_request.statesAfter))
            names.append(StepCells::shortId(id));
        m_title->setText(tr("How the states after %1 resolve").arg(names.join(QStringLiteral(", "))));
        m_title->setToolTip(m_request.statesAfter.join(u'\n'));
    } else {
        m_title->setText(
            tr("Why the state before %1 is what it is").arg(StepCells::shortId(m_request.stateBefore)));
        m_title->setToolTip(m_request.stateBefore);
    }
}

bool StateResView::isBusy() const
{
    return m_explainer->isBusy();
}

void StateResView::setExplanation(const Explanation &explanation)
{
    m_request = explanation.request;
    m_explanation = explanation;
    showTitle();
    const bool pick = m_request.isPick();
    if (!explanation.error.isEmpty()) {
        showMessage((pick ? tr("The states after the picked events could not be resolved: %1")
                          : tr("The state before this event could not be resolved again: %1"))
                        .arg(explanation.error));
    } else if (explanation.nothingToResolve) {
        showMessage(pick ? tr("The states after the picked events are the same: there is "
                              "nothing to resolve.")
                         : tr("The states after this event's prev events are the same (or it "
                              "has one prev event): the state before it needs no resolution."));
    } else {
        m_steps = explanation.steps;
        m_summary->setText(summary());
        {
            const QSignalBlocker blocker(m_stepList);
            m_stepList->clear();
            for (qsizetype i = 0; i < m_steps.size(); ++i)
                m_stepList->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(m_steps[i].title));
        }
        m_current = -1;
        setCurrentStep(0);
    }
    Q_EMIT explained();
}

QString StateResView::summary() const
{
    const trellis::stateres::Trace &trace = m_explanation.trace;
    int rejected = 0;
    int checked = 0;
    const auto count = [&](const QList<trellis::stateres::AuthCheckStep> &checks) {
        for (const trellis::stateres::AuthCheckStep &check : checks) {
            ++checked;
            rejected += check.verdict.allowed() ? 0 : 1;
        }
    };
    count(trace.powerChecks);
    count(trace.otherChecks);
    for (const trellis::stateres::V1Pass &pass : trace.passes)
        count(pass.checks);
    return tr("Algorithm %1 (room version %2): %3 states, %4 conflicted events, %5 of %6 auth "
              "checks rejected.")
        .arg(trace.algorithm, m_explanation.version ? m_explanation.version->id : QString())
        .arg(trace.stateSets.size())
        .arg(trace.conflicted.size())
        .arg(rejected)
        .arg(checked);
}

void StateResView::showMessage(const QString &message)
{
    m_steps.clear();
    m_current = -1;
    {
        const QSignalBlocker blocker(m_stepList);
        m_stepList->clear();
    }
    m_summary->setText(message);
    m_stepTitle->clear();
    m_stepText->clear();
    m_stepSpec->clear();
    m_table->setStep({});
    m_position->clear();
    m_back->setEnabled(false);
    m_next->setEnabled(false);
}

void StateResView::setCurrentStep(int index)
{
    if (m_steps.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_steps.size()) - 1);
    if (index == m_current)
        return;
    m_current = index;
    const ResolutionStep &step = m_steps[index];
    {
        const QSignalBlocker blocker(m_stepList);
        m_stepList->setCurrentRow(index);
    }
    m_stepTitle->setText(step.title);
    m_stepText->setText(step.explanation);
    const QUrl url = ResolutionSteps::specUrl(step.specSection);
    const QString section = step.specSection.toHtmlEscaped();
    m_stepSpec->setText(tr("Spec: %1").arg(url.isValid() ? QStringLiteral("<a href=\"%1\">%2</a>")
                                                               .arg(url.toString(QUrl::FullyEncoded), section)
                                                         : section));
    m_stepSpec->setToolTip(url.toString());
    m_table->setStep(step);
    m_position->setText(tr("Step %1 of %2").arg(index + 1).arg(m_steps.size()));
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < m_steps.size());
    Q_EMIT currentStepChanged(index);
}

} // namespace trellis::ui::resolution
