#include "ui/dag/RoomDumpDocument.h"

#include "core/dag/DagLayoutBuilder.h"
#include "core/dag/DagPduInput.h"
#include "core/room/RoomDump.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace trellis::ui::dag {

/// What a background job hands back to the GUI thread.
struct LoadResult
{
    quint64 generation = 0;
    DagSnapshotPtr snapshot;
    QString error; ///< developer English from the core, shown after a translated prefix
};

namespace {

// Rooms as big as the bench's have a few hundred MB of JSON at most; readRoomDump's own limit
// is 1 GiB.
constexpr qint64 kMaxDumpBytes = 1024LL * 1024 * 1024;

Result<void> indexAndLayout(DagSnapshot &snapshot, const trellis::dag::DagMarks &marks)
{
    snapshot.inputs = trellis::dag::dagInputFromPdus(snapshot.events, marks);
    snapshot.eventIndex.clear();
    snapshot.eventIndex.reserve(snapshot.inputs.size());
    for (qsizetype i = 0; i < snapshot.inputs.size(); ++i)
        snapshot.eventIndex.insert(snapshot.inputs[i].id, int(i));
    auto layout = trellis::dag::layoutDag(snapshot.inputs);
    if (!layout)
        return layout.error();
    snapshot.layout = std::move(*layout);
    return {};
}

LoadResult loadDumpBytes(const QByteArray &bytes, const QString &label, quint64 generation);

LoadResult loadDump(const QString &path, quint64 generation)
{
    LoadResult result{generation, nullptr, {}};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    if (file.size() > kMaxDumpBytes) {
        result.error = QStringLiteral("the file is larger than 1 GiB");
        return result;
    }
    return loadDumpBytes(file.readAll(), path, generation);
}

LoadResult loadDumpBytes(const QByteArray &bytes, const QString &label, quint64 generation)
{
    LoadResult result{generation, nullptr, {}};
    auto dump = room::readRoomDump(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!dump) {
        result.error = dump.error().message;
        return result;
    }
    auto snapshot = std::make_shared<DagSnapshot>();
    snapshot->path = label;
    snapshot->version = dump->version;
    snapshot->events = std::move(dump->events);
    if (auto laidOut = indexAndLayout(*snapshot, {}); !laidOut) {
        result.error = laidOut.error().message;
        return result;
    }
    result.snapshot = std::move(snapshot);
    return result;
}

// Replays the room (server-server-api checks 4 and 5 for each event) and lays it out again
// with the rejected events marked.
LoadResult replayDump(const DagSnapshotPtr &base, quint64 generation, bool keepAll)
{
    LoadResult result{generation, nullptr, {}};
    auto replay = std::make_shared<room::RoomReplay>(
        *base->version,
        keepAll ? room::RoomReplay::KeepStates::All : room::RoomReplay::KeepStates::WhileNeeded);
    QSet<EventId> keep;
    if (keepAll) {
        for (const events::Pdu &event : base->events)
            keep.insert(event.eventId());
    }
    auto next = std::make_shared<DagSnapshot>(*base);
    if (auto ran = replay->run(base->events, keep); !ran) {
        next->replayError = ran.error().message;
        result.snapshot = std::move(next);
        return result;
    }
    trellis::dag::DagMarks marks;
    for (const events::Pdu &event : base->events) {
        const room::EventOutcome *outcome = replay->outcome(event.eventId());
        if (outcome && outcome->rejection != stateres::Rejection::None)
            marks.rejected.insert(event.eventId().toString());
    }
    if (auto laidOut = indexAndLayout(*next, marks); !laidOut) {
        result.error = laidOut.error().message;
        return result;
    }
    next->replay = std::move(replay);
    result.snapshot = std::move(next);
    return result;
}

EventStates computeStates(const DagSnapshotPtr &snapshot, const QStringList &ids)
{
    EventStates states;
    states.eventIds = ids;
    QSet<EventId> keep;
    for (const QString &id : ids) {
        if (const events::Pdu *event = snapshot->event(id))
            keep.insert(event->eventId());
    }
    room::RoomReplay replay(*snapshot->version);
    if (auto ran = replay.run(snapshot->events, keep); !ran) {
        states.error = ran.error().message;
        return states;
    }
    for (const EventId &id : keep) {
        if (auto before = replay.stateBefore(id))
            states.before.insert(id.toString(), *before);
        if (auto after = replay.stateAfter(id))
            states.after.insert(id.toString(), *after);
    }
    return states;
}

} // namespace

RoomDumpDocument::RoomDumpDocument(QObject *parent) : RoomDumpDocument(Options{}, parent) {}

RoomDumpDocument::RoomDumpDocument(Options options, QObject *parent)
    : QObject(parent), m_options(options), m_loadWatcher(new QFutureWatcher<LoadResult>(this)),
      m_replayWatcher(new QFutureWatcher<LoadResult>(this)),
      m_statesWatcher(new QFutureWatcher<EventStates>(this))
{
    connect(m_loadWatcher, &QFutureWatcherBase::finished, this, &RoomDumpDocument::onLoaded);
    connect(m_replayWatcher, &QFutureWatcherBase::finished, this, &RoomDumpDocument::onReplayed);
    connect(m_statesWatcher, &QFutureWatcherBase::finished, this, &RoomDumpDocument::onStates);
}

// The watchers go with the document; jobs still running finish on the pool with their own
// copies of the inputs and their results are discarded.
RoomDumpDocument::~RoomDumpDocument() = default;

void RoomDumpDocument::open(const QString &path)
{
    m_path = path;
    const quint64 generation = ++m_generation;
    m_loadWatcher->setFuture(QtConcurrent::run(loadDump, path, generation));
}

void RoomDumpDocument::openData(const QByteArray &dump, const QString &label)
{
    m_path = label;
    const quint64 generation = ++m_generation;
    m_loadWatcher->setFuture(QtConcurrent::run(loadDumpBytes, dump, label, generation));
}

bool RoomDumpDocument::isBusy() const
{
    return m_loadWatcher->isRunning() || m_replayWatcher->isRunning() ||
           m_statesWatcher->isRunning();
}

void RoomDumpDocument::onLoaded()
{
    const LoadResult result = m_loadWatcher->result();
    if (result.generation != m_generation)
        return;
    if (!result.snapshot) {
        Q_EMIT failed(tr("Cannot open the room dump %1: %2").arg(m_path, result.error));
        return;
    }
    m_snapshot = result.snapshot;
    Q_EMIT loaded(m_snapshot);
    if (m_options.replay)
        startReplay();
}

void RoomDumpDocument::startReplay()
{
    const bool keepAll = m_snapshot->events.size() <= m_options.keepAllStatesUpTo;
    m_replayWatcher->setFuture(QtConcurrent::run(replayDump, m_snapshot, m_generation, keepAll));
}

void RoomDumpDocument::onReplayed()
{
    const LoadResult result = m_replayWatcher->result();
    if (result.generation != m_generation)
        return;
    if (!result.snapshot) {
        Q_EMIT failed(tr("Cannot replay the room dump %1: %2").arg(m_path, result.error));
        return;
    }
    m_snapshot = result.snapshot;
    Q_EMIT replayed(m_snapshot);
}

void RoomDumpDocument::requestStates(const QStringList &eventIds)
{
    ++m_statesGeneration;
    if (!m_snapshot || statesFromSnapshot(eventIds))
        return;
    const quint64 generation = m_statesGeneration;
    auto job = [snapshot = m_snapshot, eventIds, generation] {
        EventStates states = computeStates(snapshot, eventIds);
        states.generation = generation;
        return states;
    };
    m_statesWatcher->setFuture(QtConcurrent::run(job));
}

bool RoomDumpDocument::statesFromSnapshot(const QStringList &eventIds)
{
    const room::RoomReplay *replay = m_snapshot->replay.get();
    if (!replay)
        return false;
    EventStates states;
    states.eventIds = eventIds;
    states.generation = m_statesGeneration;
    for (const QString &id : eventIds) {
        const events::Pdu *event = m_snapshot->event(id);
        if (!event)
            continue; // a placeholder: no state to show
        auto before = replay->stateBefore(event->eventId());
        auto after = replay->stateAfter(event->eventId());
        if (!before || !after)
            return false;
        states.before.insert(id, *before);
        states.after.insert(id, *after);
    }
    Q_EMIT statesReady(states);
    return true;
}

void RoomDumpDocument::onStates()
{
    const EventStates states = m_statesWatcher->result();
    if (states.generation == m_statesGeneration)
        Q_EMIT statesReady(states);
}

} // namespace trellis::ui::dag
