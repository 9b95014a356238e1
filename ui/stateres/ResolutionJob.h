#pragma once
#include "core/room/RoomReplay.h"
#include "core/stateres/Trace.h"
#include "ui/stateres/ResolutionStep.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

// The state before an event, or the states after events the user picked, resolved again with
// a Trace for the step-through view (server-server-api "Room State Resolution": the state
// before an event is the resolution of the states after its prev events).
namespace trellis::ui::resolution {

/// What a resolution explains: the state before one event, or the states after a set of events
/// the user picked, resolved as if they were the prev events of one new event (what the next
/// event a server sends on top of them would see).
struct ResolutionRequest
{
    QString stateBefore;     ///< the event whose state before is explained; empty for a pick
    QStringList statesAfter; ///< the picked events, when stateBefore is empty

    static ResolutionRequest before(const QString &eventId) { return {eventId, {}}; }
    static ResolutionRequest after(const QStringList &eventIds) { return {{}, eventIds}; }
    bool isPick() const { return stateBefore.isEmpty(); }
};

/// The room an explanation is computed from: what the explorer's snapshot holds. Copies are
/// cheap (implicitly shared events, a shared const replay), so a job can take its own.
struct ResolutionSource
{
    const events::RoomVersion *version = nullptr;
    QList<events::Pdu> events;
    /// The explorer's replay, once it ran; it may not have kept the states a job needs (big
    /// dumps), in which case the job replays the room again.
    std::shared_ptr<const room::RoomReplay> replay;
};

/// One resolution, recorded step by step, and what the view needs to describe its events.
struct Explanation
{
    ResolutionRequest request;
    const events::RoomVersion *version = nullptr;
    /// For each state set of the trace, the events whose state after it is (events with equal
    /// states give one set, as in RoomReplay).
    QList<QStringList> setOrigins;
    trellis::stateres::Trace trace;
    /// The trace as the view shows it, built on the pool too (big rooms have big tables).
    QList<ResolutionStep> steps;
    /// Looks up the events the trace names, with their rejections.
    std::shared_ptr<const room::RoomReplay> replay;
    QString error;                 ///< developer English from the core, if it failed
    bool nothingToResolve = false; ///< fewer than two distinct states to resolve
    quint64 generation = 0;        ///< which request of the explainer this answers

    bool resolved() const { return error.isEmpty() && !nothingToResolve; }
    const events::Pdu *event(const EventId &id) const;
};

/// Whether the state before `eventId` is a resolution of several differing states. Exact when
/// the source's replay kept the prev events' states; otherwise true when at least two of its
/// prev events are in the dump (the job will tell). Cheap enough for the GUI thread.
bool mergesStates(const ResolutionSource &source, const QString &eventId);

/// Resolves the states the request names again, with a Trace: the states after the prev events
/// of its event, or after its picked events. Pure and slow (it may replay the whole room): run
/// it on the pool.
Explanation explain(const ResolutionSource &source, const ResolutionRequest &request);
inline Explanation explainStateBefore(const ResolutionSource &source, const QString &eventId)
{
    return explain(source, ResolutionRequest::before(eventId));
}

} // namespace trellis::ui::resolution
