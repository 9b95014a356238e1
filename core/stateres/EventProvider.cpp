#include "core/stateres/EventProvider.h"

namespace trellis::stateres {

void MapEventProvider::add(const events::Pdu &event, Rejection rejection)
{
    m_events.insert(event.eventId(), event);
    setRejection(event.eventId(), rejection);
}

void MapEventProvider::setRejection(const EventId &id, Rejection rejection)
{
    if (rejection == Rejection::None)
        m_rejections.remove(id);
    else
        m_rejections.insert(id, rejection);
}

const events::Pdu *MapEventProvider::event(const EventId &id) const
{
    const auto it = m_events.constFind(id);
    return it == m_events.constEnd() ? nullptr : &*it;
}

Rejection MapEventProvider::rejection(const EventId &id) const
{
    return m_rejections.value(id, Rejection::None);
}

} // namespace trellis::stateres
