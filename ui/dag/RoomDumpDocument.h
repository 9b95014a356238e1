#pragma once
#include "ui/dag/DagSnapshot.h"
#include "ui/dag/EventStates.h"

#include <QObject>
#include <QString>

template <typename T> class QFutureWatcher;

namespace trellis::ui::dag {

struct LoadResult;

/// A room dump opened in the explorer. Everything slow happens off the GUI thread
/// (QtConcurrent): reading and checking the PDUs and the layout first (loaded()), then a
/// replay of the room for each event's rejection (replayed()), then, on demand, the states
/// around selected events (statesReady()). Each result is an immutable snapshot; a result
/// that arrives after the document moved on (another file, another selection) is dropped.
class RoomDumpDocument : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool replay = true; ///< run the replay after the layout
        /// Dumps up to this size keep every event's states in the first replay; bigger ones
        /// replay again for the selected events only.
        int keepAllStatesUpTo = 5000;
    };

    explicit RoomDumpDocument(QObject *parent = nullptr);
    explicit RoomDumpDocument(Options options, QObject *parent = nullptr);
    ~RoomDumpDocument() override;

    /// Starts loading `path`; loaded() or failed() follows.
    void open(const QString &path);
    /// The same for a dump in memory (a live room from the server); `label` names it where
    /// a path would.
    void openData(const QByteArray &dump, const QString &label);
    QString path() const { return m_path; }
    /// The latest snapshot (null until loaded()).
    DagSnapshotPtr snapshot() const { return m_snapshot; }
    bool isBusy() const;

    /// The states before and after these events: at once from the snapshot's replay when it
    /// kept them (statesReady() is emitted before this returns), else from a new replay in
    /// the background.
    void requestStates(const QStringList &eventIds);

Q_SIGNALS:
    void loaded(trellis::ui::dag::DagSnapshotPtr snapshot);
    void replayed(trellis::ui::dag::DagSnapshotPtr snapshot);
    void statesReady(const trellis::ui::dag::EventStates &states);
    void failed(const QString &message);

private:
    void onLoaded();
    void onReplayed();
    void onStates();
    void startReplay();
    bool statesFromSnapshot(const QStringList &eventIds);

    Options m_options;
    QString m_path;
    DagSnapshotPtr m_snapshot;
    quint64 m_generation = 0;       ///< bumped by open(): results of older files are dropped
    quint64 m_statesGeneration = 0; ///< bumped by requestStates()
    QFutureWatcher<LoadResult> *m_loadWatcher;
    QFutureWatcher<LoadResult> *m_replayWatcher;
    QFutureWatcher<EventStates> *m_statesWatcher;
};

} // namespace trellis::ui::dag
