#include "core/base/RoomAlias.h"

#include "core/base/Identifiers.h"

namespace trellis {

Result<RoomAlias> RoomAlias::parse(QStringView text)
{
    auto parts = ids::parseLocalpartAndServer(text, u'#', QStringLiteral("room alias"));
    if (!parts)
        return parts.error();
    RoomAlias alias;
    alias.setText(text.toString());
    alias.m_localpartLength = parts->localpartLength;
    alias.m_server = std::move(parts->server);
    return alias;
}

} // namespace trellis
