#pragma once
#include <QString>

namespace trellis::test {

/// Opens a stopped server's database and checks a room's DAG: every event has its prev and
/// auth events and its states, and the room has exactly one forward extremity. An empty
/// string when all is well, else what is wrong.
QString checkRoomDag(const QString &databasePath, const QString &roomId);

} // namespace trellis::test
