#include "core/base/RoomId.h"

#include "core/base/Identifiers.h"

namespace trellis {
namespace {

bool isUrlSafeBase64Char(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
           || c == u'-' || c == u'_';
}

} // namespace

Result<RoomId> RoomId::parse(QStringView text)
{
    RoomId id;
    if (text.contains(u':')) {
        auto parts = ids::parseLocalpartAndServer(text, u'!', QStringLiteral("room ID"));
        if (!parts)
            return parts.error();
        id.m_opaqueLength = parts->localpartLength;
        id.m_server = std::move(parts->server);
    } else {
        // The domain-less form is an event ID of the create event with '!' for '$': URL-safe
        // unpadded base64 of a SHA-256 reference hash.
        const auto invalid = [&](const QString &why) {
            return Error::invalidParam(QStringLiteral("invalid room ID '%1': %2").arg(text, why));
        };
        if (!text.startsWith(u'!'))
            return invalid(QStringLiteral("must start with '!'"));
        if (text.size() < 2)
            return invalid(QStringLiteral("empty"));
        if (text.size() > ids::kMaxIdentifierBytes)
            return invalid(QStringLiteral("longer than 255 bytes"));
        for (QChar c : text.mid(1)) {
            if (!isUrlSafeBase64Char(c.unicode()))
                return invalid(QStringLiteral("a room ID without ':domain' must be URL-safe "
                                              "base64"));
        }
        id.m_opaqueLength = text.size() - 1;
    }
    id.setText(text.toString());
    return id;
}

} // namespace trellis
