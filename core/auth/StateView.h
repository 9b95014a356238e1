#pragma once
#include "core/auth/StateKey.h"
#include "core/events/Pdu.h"

#include <QHash>

namespace trellis::auth {

/// Read access to a room state by (type, state_key): the state before an event, the current
/// state, or the state its auth events make up. The rules ask it for the few events they need.
class StateView
{
public:
    virtual ~StateView() = default;
    virtual const events::Pdu *find(const QString &type, const QString &stateKey) const = 0;
};

/// A state map holding the events themselves (Pdus are shared, so copies are cheap).
class StateMap final : public StateView
{
public:
    StateMap() = default;

    const events::Pdu *find(const QString &type, const QString &stateKey) const override;
    /// Puts `event` (a state event) under its key, replacing what was there.
    void insert(const events::Pdu &event);
    void remove(const StateKey &key) { m_events.remove(key); }
    qsizetype size() const { return m_events.size(); }
    const QHash<StateKey, events::Pdu> &events() const { return m_events; }

private:
    QHash<StateKey, events::Pdu> m_events;
};

} // namespace trellis::auth
