#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"

#include <QStringView>

// Helpers shared by the identifier types (appendices.md, "Identifier Grammar").
namespace trellis::ids {

/// User IDs, room IDs, room aliases and event IDs must not exceed 255 bytes, sigil and
/// domain included (appendices.md, "User Identifiers", "Room IDs", "Room Aliases", "Event IDs").
inline constexpr qsizetype kMaxIdentifierBytes = 255;

/// The number of bytes `text` takes in UTF-8.
qsizetype utf8Length(QStringView text);

/// A localpart of the historical grammar: any non-surrogate code point except ':' and NUL
/// ("Historical User IDs"; also room ID and alias localparts). May be empty.
bool isHistoricalLocalpart(QStringView localpart);

/// The parts of a `<sigil>localpart:server_name` identifier.
struct LocalpartAndServer
{
    qsizetype localpartLength = 0;
    ServerName server;
};

/// Parses `<sigil>localpart:server_name` with a historical-grammar localpart, at most 255
/// bytes in all; `what` names the identifier in error messages ("user ID").
Result<LocalpartAndServer> parseLocalpartAndServer(QStringView text, char16_t sigil,
                                                   const QString &what);

} // namespace trellis::ids
