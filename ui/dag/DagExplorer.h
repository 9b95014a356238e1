#pragma once
#include "ui/dag/DagSnapshot.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSplitter;
class QToolButton;

namespace trellis::crypto {
class KeyRing;
}

namespace trellis::ui::resolution {
class StateResView;
struct ResolutionRequest;
}

namespace trellis::ui::dag {

class DagView;
class EventDetailsPanel;
class RoomDumpDocument;

/// One room dump in the explorer: a tool bar (search, depth, auth edges, type filter, zoom,
/// export), the DAG view on the left and the selected event's details on the right; for a merge
/// event, the state-resolution step-through beside them (hidden until asked for).
class DagExplorer : public QWidget
{
    Q_OBJECT

public:
    explicit DagExplorer(QWidget *parent = nullptr);

    /// Opens a room dump in the background; loaded() or failed() follows.
    void open(const QString &path);
    /// The same for a dump in memory: a live room from the server, again on every change.
    void openData(const QByteArray &dump, const QString &label);

    DagView *view() const { return m_view; }
    EventDetailsPanel *details() const { return m_details; }
    RoomDumpDocument *document() const { return m_document; }
    resolution::StateResView *stateResView() const { return m_stateRes; }

    /// Shows the state-resolution step-through for the state before `eventId`.
    void explainStateResolution(const QString &eventId);
    /// Shows the step-through for the resolution of the states after these picked events.
    void resolvePickedStates(const QStringList &eventIds);

    /// The tool bar's "Go to" field: selects the event at a depth or time (JumpTarget); false,
    /// with a word in the status, when the text is neither or no event is that deep or late.
    bool goTo(const QString &text);

    /// Keys to check the events' signatures with (a live room: its server's own).
    void setServerKeys(std::shared_ptr<const crypto::KeyRing> keys);

    /// Saves the visible part (or all) of the graph as PNG or SVG (by the path's suffix).
    bool exportTo(const QString &path, bool wholeGraph, QString *error = nullptr);

Q_SIGNALS:
    void loaded(const QString &path);
    void failed(const QString &message);

private:
    QWidget *createToolBar();
    void showSnapshot(DagSnapshotPtr snapshot);
    void onEventSelected(const QString &eventId);
    void onEventsPicked(const QStringList &eventIds);
    void showResolution(const resolution::ResolutionRequest &request);
    void search();
    void chooseHiddenTypes();
    void exportInteractively();

    RoomDumpDocument *m_document;
    DagView *m_view;
    EventDetailsPanel *m_details;
    resolution::StateResView *m_stateRes;
    QSplitter *m_splitter;
    QLineEdit *m_search;
    QLabel *m_status;
    QToolButton *m_filterButton;
};

} // namespace trellis::ui::dag
