#pragma once
#include "core/events/Pdu.h"

#include <QList>

// Rooms grown at random from a seed, for property tests and benchmarks of state resolution
// and room replay.
namespace trellis::test {

struct RandomRoomOptions
{
    int users = 7;        ///< besides the creator, spread over three servers
    int events = 60;      ///< events after the room's set-up
    int maxBranches = 3;  ///< forward extremities at once
    double rogue = 0.12;  ///< share of events a careful server would not send
};

/// A room of any version grown from `seed`: users join, leave, are invited, kicked, banned and
/// unbanned; power levels and join rules change; topics are set; on branches that fork from
/// recent events and merge again. Senders are mostly chosen among those the state before the
/// event allows; a `rogue` share is sent by anyone, or cites the auth events of an older state
/// (as an event that evades a ban does), so that some are rejected. Timestamps sometimes tie or
/// run backwards. The last event merges every branch. Same seed, same room.
struct RandomRoom
{
    const events::RoomVersion *version = nullptr;
    QList<events::Pdu> events; ///< in the order created
};

RandomRoom makeRandomRoom(const events::RoomVersion &version, quint64 seed,
                          const RandomRoomOptions &options = {});

} // namespace trellis::test
