#include "core/services/StoreEventProvider.h"

#include "core/storage/EventStore.h"

namespace trellis::services {

const StoreEventProvider::Entry *StoreEventProvider::load(const EventId &id) const
{
    if (const auto it = m_cache.constFind(id); it != m_cache.cend())
        return it->get();
    auto stored = m_store.event(id);
    if (!stored || !*stored)
        return nullptr;
    auto entry = std::make_shared<Entry>(Entry{(*stored)->pdu, (*stored)->rejection});
    m_cache.insert(id, entry);
    return entry.get();
}

const events::Pdu *StoreEventProvider::event(const EventId &id) const
{
    const Entry *entry = load(id);
    return entry ? &entry->pdu : nullptr;
}

stateres::Rejection StoreEventProvider::rejection(const EventId &id) const
{
    const Entry *entry = load(id);
    return entry ? entry->rejection : stateres::Rejection::None;
}

void StoreEventProvider::add(const events::Pdu &event)
{
    m_cache.insert(event.eventId(), std::make_shared<Entry>(Entry{event, stateres::Rejection::None}));
}

} // namespace trellis::services
