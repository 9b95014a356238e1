#pragma once
#include "core/room/RoomReplay.h"
#include "core/stateres/Trace.h"
#include "ui/stateres/ResolutionStep.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

// The state before an event, resolved again with a Trace for the step-through view
// (server-server-api "Room State Resolution": the state before an event is the resolution of
// the states after its prev events).
namespace trellis::ui::resolution {

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
    QString eventId;
    const events::RoomVersion *version = nullptr;
    /// For each state set of the trace, the prev events whose state after it is (prev events
    /// with equal states give one set, as in RoomReplay).
    QList<QStringList> setOrigins;
    trellis::stateres::Trace trace;
    /// The trace as the view shows it, built on the pool too (big rooms have big tables).
    QList<ResolutionStep> steps;
    /// Looks up the events the trace names, with their rejections.
    std::shared_ptr<const room::RoomReplay> replay;
    QString error;                 ///< developer English from the core, if it failed
    bool nothingToResolve = false; ///< fewer than two distinct states before the event
    quint64 generation = 0;        ///< which request of the explainer this answers

    bool resolved() const { return error.isEmpty() && !nothingToResolve; }
    const events::Pdu *event(const EventId &id) const;
};

/// Whether the state before `eventId` is a resolution of several differing states. Exact when
/// the source's replay kept the prev events' states; otherwise true when at least two of its
/// prev events are in the dump (the job will tell). Cheap enough for the GUI thread.
bool mergesStates(const ResolutionSource &source, const QString &eventId);

/// Resolves the states after `eventId`'s prev events again, with a Trace. Pure and slow (it may
/// replay the whole room): run it on the pool.
Explanation explainStateBefore(const ResolutionSource &source, const QString &eventId);

} // namespace trellis::ui::resolution
