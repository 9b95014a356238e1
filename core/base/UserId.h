#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/base/StringId.h"

namespace trellis {

/// `@localpart:server_name` (appendices.md, "User Identifiers"). Parsing accepts the
/// historical grammar, which servers MUST accept in events; isCompliant() tells whether the
/// localpart also fits the current grammar.
class UserId : public StringId<UserId>
{
public:
    UserId() = default;
    static Result<UserId> parse(QStringView text);

    QStringView localpart() const { return QStringView(toString()).mid(1, m_localpartLength); }
    const ServerName &serverName() const { return m_server; }
    /// The localpart is non-empty and only of `a-z 0-9 . _ = - / +` (spec v1.8 grammar).
    bool isCompliant() const;
    /// The localpart uses only U+0021..U+007E and is non-empty ("Historical User IDs").
    bool isWithinPrintableAscii() const;

private:
    qsizetype m_localpartLength = 0;
    ServerName m_server;
};

} // namespace trellis
