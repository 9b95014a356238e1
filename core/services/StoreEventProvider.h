#pragma once
#include "core/stateres/EventProvider.h"

#include <QHash>
#include <memory>

namespace trellis::storage {
class EventStore;
}

namespace trellis::services {

/// The events state resolution and the auth rules ask for, read from the event store on
/// demand and kept for the lifetime of this object (one request, one room operation), so
/// that pointers it hands out stay valid.
class StoreEventProvider final : public stateres::EventProvider
{
public:
    explicit StoreEventProvider(storage::EventStore &store) : m_store(store) {}

    const events::Pdu *event(const EventId &id) const override;
    stateres::Rejection rejection(const EventId &id) const override;
    /// An event just built, known before it is stored.
    void add(const events::Pdu &event);

private:
    struct Entry
    {
        events::Pdu pdu;
        stateres::Rejection rejection = stateres::Rejection::None;
    };
    const Entry *load(const EventId &id) const;

    storage::EventStore &m_store;
    mutable QHash<EventId, std::shared_ptr<Entry>> m_cache; // shared_ptr: stable addresses
};

} // namespace trellis::services
