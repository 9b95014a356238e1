#include "ui/dag/DagExplorer.h"

#include "core/dag/DagSvgWriter.h"
#include "ui/dag/DagView.h"
#include "ui/dag/EventDetailsPanel.h"
#include "ui/dag/JumpTarget.h"
#include "ui/dag/RoomDumpDocument.h"
#include "ui/stateres/StateResView.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace trellis::ui::dag {

DagExplorer::DagExplorer(QWidget *parent)
    : QWidget(parent), m_document(new RoomDumpDocument(this)), m_view(new DagView(this)),
      m_details(new EventDetailsPanel(this)), m_stateRes(new resolution::StateResView(this))
{
    setObjectName(QStringLiteral("dagExplorer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createToolBar());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->addWidget(m_stateRes);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    m_stateRes->hide();
    layout->addWidget(m_splitter, 1);

    connect(m_document, &RoomDumpDocument::loaded, this, [this](DagSnapshotPtr snapshot) {
        showSnapshot(std::move(snapshot));
        m_status->setText(
            tr("Events: %1; checking the room…").arg(m_view->snapshot()->events.size()));
        Q_EMIT loaded(m_document->path());
    });
    connect(m_document, &RoomDumpDocument::replayed, this, [this](DagSnapshotPtr snapshot) {
        showSnapshot(std::move(snapshot));
        m_status->setText(tr("Events: %1").arg(m_view->snapshot()->events.size()));
    });
    connect(m_document, &RoomDumpDocument::failed, this, [this](const QString &message) {
        m_status->setText(message);
        Q_EMIT failed(message);
    });
    connect(m_document, &RoomDumpDocument::statesReady, m_details, &EventDetailsPanel::setStates);
    connect(m_view, &DagView::eventSelected, this, &DagExplorer::onEventSelected);
    connect(m_view, &DagView::eventsPicked, this, &DagExplorer::onEventsPicked);
    connect(m_details, &EventDetailsPanel::explainRequested, this,
            &DagExplorer::explainStateResolution);
    connect(m_details, &EventDetailsPanel::resolvePickedRequested, this,
            &DagExplorer::resolvePickedStates);
    // An event named in a step is selected and centred in the graph; the step-through stays.
    connect(m_stateRes, &resolution::StateResView::eventActivated, m_view, &DagView::selectEvent);
    connect(m_stateRes, &resolution::StateResView::closeRequested, m_stateRes, &QWidget::hide);
    // The step shown marks its events in the DAG (the conflicted set, the power events, …).
    connect(m_stateRes, &resolution::StateResView::currentStepChanged, m_view, [this](int index) {
        const auto &steps = m_stateRes->steps();
        m_view->setHighlightedEvents(index >= 0 && index < steps.size() ? steps[index].eventIds : QStringList());
    });
    connect(m_stateRes, &resolution::StateResView::closeRequested, m_view, [this] { m_view->setHighlightedEvents({}); });
}

QWidget *DagExplorer::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 4, 4, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("dagSearch"));
    m_search->setPlaceholderText(tr("Find…"));
    m_search->setClearButtonEnabled(true);
    // Narrow panes (a live room's tab) must not squeeze the fields below their placeholders.
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
    connect(m_search, &QLineEdit::returnPressed, this, &DagExplorer::search);
    auto *jump = new QLineEdit(bar);
    jump->setObjectName(QStringLiteral("dagJump"));
    jump->setPlaceholderText(tr("Depth or time…"));
    jump->setToolTip(tr("Go to (Ctrl+G) a depth (42), a time (14:30, on the selected event's day), a day "
                        "(2026-12-06) or both (2026-12-06 14:30); times are the senders' "
                        "clocks, in local time"));
    jump->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    jump->setMaximumWidth(jump->minimumWidth() + 40);
    connect(jump, &QLineEdit::returnPressed, this, [this, jump] {
        if (goTo(jump->text()))
            m_view->setFocus();
    });
    auto *auth = new QToolButton(bar);
    auth->setText(tr("Auth edges"));
    auth->setCheckable(true);
    auth->setToolTip(tr("Draw the selected event's auth events and ring its whole auth chain"));
    connect(auth, &QToolButton::toggled, m_view, &DagView::setAuthEdgesVisible);
    m_filterButton = new QToolButton(bar);
    m_filterButton->setText(tr("Types"));
    m_filterButton->setPopupMode(QToolButton::InstantPopup);
    m_filterButton->setMenu(new QMenu(m_filterButton));
    auto *zoomOut = new QToolButton(bar);
    zoomOut->setText(tr("−"));
    connect(zoomOut, &QToolButton::clicked, m_view, &DagView::zoomOut);
    auto *zoomIn = new QToolButton(bar);
    zoomIn->setText(tr("+"));
    connect(zoomIn, &QToolButton::clicked, m_view, &DagView::zoomIn);
    auto *save = new QToolButton(bar);
    save->setText(tr("Export…"));
    connect(save, &QToolButton::clicked, this, &DagExplorer::exportInteractively);
    // Keyboard: Ctrl+F finds, Ctrl+G goes to a depth or time; Enter runs it and, when it found
    // an event, the graph (arrows, Ctrl+Space) has the keyboard again; Escape returns to it.
    const auto shortcut = [this](const QKeySequence &keys, QLineEdit *field) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, field, [field] {
            field->setFocus(Qt::ShortcutFocusReason);
            field->selectAll();
        });
        addAction(action);
        auto *escape = new QAction(field);
        escape->setShortcut(Qt::Key_Escape);
        escape->setShortcutContext(Qt::WidgetShortcut);
        connect(escape, &QAction::triggered, m_view, qOverload<>(&QWidget::setFocus));
        field->addAction(escape);
    };
    shortcut(QKeySequence::Find, m_search);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_G), jump);
    m_search->setToolTip(tr("Find an event (Ctrl+F): an event ID prefix, a sender or a type"));
    m_status = new QLabel(tr("Loading…"), bar);
    m_status->setObjectName(QStringLiteral("dagStatus"));
    for (QWidget *widget : std::initializer_list<QWidget *>{m_search, jump, auth, m_filterButton,
                                                            zoomOut, zoomIn, save})
        row->addWidget(widget);
    row->addWidget(m_status, 1);
    return bar;
}

void DagExplorer::setServerKeys(std::shared_ptr<const crypto::KeyRing> keys)
{
    m_details->setServerKeys(std::move(keys));
}

void DagExplorer::open(const QString &path)
{
    m_status->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_document->open(path);
}

void DagExplorer::openData(const QByteArray &dump, const QString &label)
{
    m_status->setText(tr("Loading %1…").arg(label));
    m_document->openData(dump, label);
}

void DagExplorer::showSnapshot(DagSnapshotPtr snapshot)
{
    m_view->setSnapshot(snapshot);
    m_details->setSnapshot(snapshot);
    // The type filter lists the dump's types, sorted, each checked while shown.
    std::set<QString> types;
    for (const trellis::dag::DagNodeInput &input : snapshot->inputs)
        types.insert(input.type);
    QMenu *menu = m_filterButton->menu();
    menu->clear();
    for (const QString &type : types) {
        QAction *action = menu->addAction(type);
        action->setCheckable(true);
        action->setChecked(!m_view->hiddenTypes().contains(type));
        connect(action, &QAction::toggled, this, &DagExplorer::chooseHiddenTypes);
    }
    if (!m_view->selectedEvent().isEmpty())
        m_document->requestStates({m_view->selectedEvent()});
}

void DagExplorer::chooseHiddenTypes()
{
    QSet<QString> hidden;
    for (const QAction *action : m_filterButton->menu()->actions()) {
        if (!action->isChecked())
            hidden.insert(action->text());
    }
    m_view->setHiddenTypes(hidden);
}

void DagExplorer::onEventSelected(const QString &eventId)
{
    m_details->setEvent(eventId);
    m_document->requestStates({eventId});
}

void DagExplorer::onEventsPicked(const QStringList &eventIds)
{
    m_details->setPicked(eventIds);
    m_document->requestStates(eventIds);
}

void DagExplorer::explainStateResolution(const QString &eventId)
{
    showResolution(resolution::ResolutionRequest::before(eventId));
}

void DagExplorer::resolvePickedStates(const QStringList &eventIds)
{
    showResolution(resolution::ResolutionRequest::after(eventIds));
}

void DagExplorer::showResolution(const resolution::ResolutionRequest &request)
{
    const DagSnapshotPtr snapshot = m_view->snapshot();
    if (!snapshot)
        return;
    m_stateRes->explain({snapshot->version, snapshot->events, snapshot->replay}, request);
    if (m_stateRes->isHidden()) {
        // Room for the step tables: the graph gives up some of its width.
        const int width = m_splitter->width();
        m_stateRes->show();
        m_splitter->setSizes({width * 3 / 10, width / 4, width * 9 / 20});
    }
}

bool DagExplorer::goTo(const QString &text)
{
    // A bare time means the selected event's day (or, with none, today).
    const DagSnapshotPtr snapshot = m_view->snapshot();
    const QString selected = m_view->selectedEvent();
    const int row = snapshot && !selected.isEmpty() ? snapshot->layout.rowOf(selected) : -1;
    const QDate day = row >= 0 ? QDateTime::fromMSecsSinceEpoch(snapshot->layout.node(row).ts).date()
                               : QDate::currentDate();
    const std::optional<JumpTarget> target = JumpTarget::parse(text, day);
    if (!target) {
        m_status->setText(tr("“%1” is neither a depth nor a time").arg(text));
        return false;
    }
    if (target->kind == JumpTarget::Kind::Depth) {
        if (m_view->jumpToDepth(target->value))
            return true;
        m_status->setText(tr("No event at depth %1 or deeper").arg(target->value));
        return false;
    }
    if (m_view->jumpToTime(target->value))
        return true;
    m_status->setText(tr("No event sent at %1 or later")
                          .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(target->value),
                                                  QLocale::ShortFormat)));
    return false;
}

void DagExplorer::search()
{
    if (m_view->find(m_search->text()))
        m_view->setFocus();
    else
        m_status->setText(tr("No event matches “%1”").arg(m_search->text()));
}

bool DagExplorer::exportTo(const QString &path, bool wholeGraph, QString *error)
{
    const DagSnapshotPtr snapshot = m_view->snapshot();
    if (!snapshot)
        return false;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok && path.endsWith(u".svg", Qt::CaseInsensitive)) {
        const auto [first, last] =
            wholeGraph ? std::pair{0, snapshot->layout.rowCount() - 1} : m_view->visibleRows();
        ok = file.write(trellis::dag::DagSvgWriter::write(snapshot->layout, first, last)) >= 0;
    } else if (ok) {
        ok = (wholeGraph ? m_view->renderAll() : m_view->renderVisible()).save(&file, "PNG");
    }
    ok = ok && file.commit();
    if (!ok && error)
        *error = file.errorString();
    return ok;
}

void DagExplorer::exportInteractively()
{
    const QStringList filters{tr("Visible part as PNG (*.png)"), tr("Visible part as SVG (*.svg)"),
                              tr("Whole graph as PNG (*.png)"), tr("Whole graph as SVG (*.svg)")};
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the graph"), QString(),
                                                      filters.join(u";;"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool whole = filters.indexOf(filter) >= 2; // the "Whole graph" filters
    if (!exportTo(path, whole, &error))
        QMessageBox::warning(this, tr("Export the graph"),
                             tr("Cannot write %1: %2").arg(path, error));
}

} // namespace trellis::ui::dag
