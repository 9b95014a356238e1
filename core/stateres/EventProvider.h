#pragma once
#include "core/base/EventId.h"
#include "core/events/Pdu.h"

#include <QHash>

namespace trellis::stateres {

/// Why an event was rejected, if it was (server-server-api "Rejection"): against its auth
/// events, or against the state before it. State resolution treats them differently
/// (rooms/v2 "Rejected events").
enum class Rejection : quint8 { None, AuthEvents, StateBefore };

/// What state resolution may ask of the rest of the server: events by ID.
class EventProvider
{
public:
    virtual ~EventProvider() = default;
    /// The event, or nullptr when it is not known.
    virtual const events::Pdu *event(const EventId &id) const = 0;
    virtual Rejection rejection(const EventId &id) const = 0;
};

/// Events held in memory, e.g. read from a room dump.
class MapEventProvider final : public EventProvider
{
public:
    void add(const events::Pdu &event, Rejection rejection = Rejection::None);
    void setRejection(const EventId &id, Rejection rejection);

    const events::Pdu *event(const EventId &id) const override;
    Rejection rejection(const EventId &id) const override;
    qsizetype size() const { return m_events.size(); }

private:
    QHash<EventId, events::Pdu> m_events;
    QHash<EventId, Rejection> m_rejections;
};

} // namespace trellis::stateres
