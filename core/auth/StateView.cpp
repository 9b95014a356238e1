#include "core/auth/StateView.h"

namespace trellis::auth {

const events::Pdu *StateMap::find(const QString &type, const QString &stateKey) const
{
    const auto it = m_events.constFind(StateKey{type, stateKey});
    return it == m_events.constEnd() ? nullptr : &*it;
}

void StateMap::insert(const events::Pdu &event)
{
    if (event.isState())
        m_events.insert(StateKey{event.type(), *event.stateKey()}, event);
}

} // namespace trellis::auth
