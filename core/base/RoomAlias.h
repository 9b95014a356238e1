#pragma once
#include "core/base/Result.h"
#include "core/base/ServerName.h"
#include "core/base/StringId.h"

namespace trellis {

/// `#localpart:server_name` (appendices.md, "Room Aliases").
class RoomAlias : public StringId<RoomAlias>
{
public:
    RoomAlias() = default;
    static Result<RoomAlias> parse(QStringView text);

    QStringView localpart() const { return QStringView(toString()).mid(1, m_localpartLength); }
    const ServerName &serverName() const { return m_server; }

private:
    qsizetype m_localpartLength = 0;
    ServerName m_server;
};

} // namespace trellis
