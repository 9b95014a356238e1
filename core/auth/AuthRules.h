#pragma once
#include "core/auth/AuthVerdict.h"
#include "core/auth/StateView.h"
#include "core/events/Pdu.h"

#include <QList>

// The authorisation rules of room versions 1-12 (rooms/v*.md "Authorisation rules";
// server-server-api "Checks performed on receipt of a PDU", checks 4-6). Pure functions:
// same inputs, same verdict, whatever their order.
namespace trellis::auth {

/// An event cited in `auth_events`, and whether it was itself rejected.
struct AuthEvent
{
    events::Pdu pdu;
    bool rejected = false;
};

/// The rules about the event and its auth events alone: the create event's own rules, in
/// version 12 the room ID naming an accepted create event, and the checks on `auth_events`
/// (duplicates, selection, rejected entries, the create event, the room). `authEvents` are the
/// events the event cites; `roomCreate` is the create event its room ID names (version 12
/// only; null when unknown).
AuthVerdict checkStateIndependent(const events::Pdu &event, const QList<AuthEvent> &authEvents,
                                  const AuthEvent *roomCreate = nullptr);

/// The rules that consult a room state: federation, membership, power levels, and so on.
/// `state` must hold the room's create event (in version 12 too).
AuthVerdict checkStateDependent(const events::Pdu &event, const StateView &state);

/// Check 4 of "Checks performed on receipt of a PDU": checkStateIndependent(), then
/// checkStateDependent() against the state the auth events (and the room's create event)
/// make up.
AuthVerdict checkAgainstAuthEvents(const events::Pdu &event, const QList<AuthEvent> &authEvents,
                                   const AuthEvent *roomCreate = nullptr);

} // namespace trellis::auth
