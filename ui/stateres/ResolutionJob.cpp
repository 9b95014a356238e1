#include "ui/stateres/ResolutionJob.h"

#include "core/room/MergedStates.h"

#include <QSet>

namespace trellis::ui::resolution {

using trellis::stateres::StateSet;

namespace {

std::optional<EventId> parseId(const QString &id)
{
    auto parsed = EventId::parse(id);
    return parsed ? std::optional<EventId>(*parsed) : std::nullopt;
}

// The replay's index when there is one; before the explorer's replay ran, a scan of the dump.
std::optional<events::Pdu> findEvent(const ResolutionSource &source, const EventId &id)
{
    if (source.replay) {
        const events::Pdu *pdu = source.replay->events().event(id);
        return pdu ? std::optional<events::Pdu>(*pdu) : std::nullopt;
    }
    for (const events::Pdu &event : source.events) {
        if (event.eventId() == id)
            return event;
    }
    return std::nullopt;
}

// Whether `replay` can give the states after each of these prev events that is in the dump.
bool keptStatesAfter(const room::RoomReplay &replay, const QList<EventId> &prevEvents)
{
    for (const EventId &prev : prevEvents) {
        if (replay.events().event(prev) && !replay.stateAfter(prev))
            return false;
    }
    return true;
}

// The states after `inputs` merged with a trace (room::mergeStatesAfter, as RoomReplay merges
// prev events' states, so the trace resolves exactly what the replay resolved).
void resolveStatesAfter(const ResolutionSource &source, const QList<EventId> &inputs,
                        Explanation &out)
{
    std::shared_ptr<const room::RoomReplay> replay = source.replay;
    if (!replay || !keptStatesAfter(*replay, inputs)) {
        // Big dumps keep no states in the explorer's replay: replay again for these only.
        auto fresh = std::make_shared<room::RoomReplay>(*source.version);
        if (auto ran = fresh->run(source.events, QSet<EventId>(inputs.begin(), inputs.end()));
            !ran) {
            out.error = ran.error().message;
            return;
        }
        replay = std::move(fresh);
    }
    out.replay = replay;

    auto merged = room::mergeStatesAfter(*replay, *source.version, inputs, &out.trace);
    if (!merged) {
        out.error = merged.error().message;
        return;
    }
    for (const QList<EventId> &origins : std::as_const(merged->origins)) {
        QStringList ids;
        for (const EventId &id : origins)
            ids.append(id.toString());
        out.setOrigins.append(ids);
    }
    out.nothingToResolve = !merged->resolvedSeveral();
}

} // namespace

const events::Pdu *Explanation::event(const EventId &id) const
{
    return replay ? replay->events().event(id) : nullptr;
}

bool mergesStates(const ResolutionSource &source, const QString &eventId)
{
    const std::optional<EventId> id = parseId(eventId);
    const std::optional<events::Pdu> pdu = id ? findEvent(source, *id) : std::nullopt;
    if (!pdu)
        return false;
    const QList<EventId> &prevEvents = pdu->prevEvents();
    if (!source.replay || !keptStatesAfter(*source.replay, prevEvents))
        return prevEvents.size() >= 2;
    QList<StateSet> states;
    for (const EventId &prev : prevEvents) {
        if (auto after = source.replay->stateAfter(prev); after && !states.contains(*after))
            states.append(*after);
    }
    return states.size() >= 2;
}

Explanation explain(const ResolutionSource &source, const ResolutionRequest &request)
{
    Explanation out;
    out.request = request;
    out.version = source.version;
    if (!source.version) {
        out.error = QStringLiteral("the room version is unknown");
        return out;
    }
    QList<EventId> inputs;
    if (!request.isPick()) {
        const std::optional<EventId> id = parseId(request.stateBefore);
        const std::optional<events::Pdu> pdu = id ? findEvent(source, *id) : std::nullopt;
        if (!pdu) {
            out.error = QStringLiteral("the event is not in the dump");
            return out;
        }
        inputs = pdu->prevEvents();
    } else {
        for (const QString &picked : request.statesAfter) {
            const std::optional<EventId> id = parseId(picked);
            if (!id || !findEvent(source, *id)) {
                out.error = QStringLiteral("%1 is not in the dump").arg(picked);
                return out;
            }
            if (!inputs.contains(*id))
                inputs.append(*id);
        }
    }
    resolveStatesAfter(source, inputs, out);
    return out;
}

} // namespace trellis::ui::resolution
