#pragma once
#include <QString>

// Event types and membership values the authorisation rules name (client-server-api
// "Room Events"), as QStrings for comparing with Pdu::type().
namespace trellis::auth {

namespace types {
inline const QString create = QStringLiteral("m.room.create");
inline const QString member = QStringLiteral("m.room.member");
inline const QString joinRules = QStringLiteral("m.room.join_rules");
inline const QString powerLevels = QStringLiteral("m.room.power_levels");
inline const QString thirdPartyInvite = QStringLiteral("m.room.third_party_invite");
inline const QString aliases = QStringLiteral("m.room.aliases");
inline const QString redaction = QStringLiteral("m.room.redaction");
} // namespace types

namespace memberships {
inline const QString join = QStringLiteral("join");
inline const QString invite = QStringLiteral("invite");
inline const QString leave = QStringLiteral("leave");
inline const QString ban = QStringLiteral("ban");
inline const QString knock = QStringLiteral("knock");
} // namespace memberships

namespace joinrules {
inline const QString publicRule = QStringLiteral("public");
inline const QString invite = QStringLiteral("invite");
inline const QString knock = QStringLiteral("knock");
inline const QString restricted = QStringLiteral("restricted");
inline const QString knockRestricted = QStringLiteral("knock_restricted");
inline const QString privateRule = QStringLiteral("private");
} // namespace joinrules

} // namespace trellis::auth
