// Fuzzes the identifier grammars and base64 decoding with arbitrary UTF-8 text.
#include "core/base/EventId.h"
#include "core/base/RoomAlias.h"
#include "core/base/RoomId.h"
#include "core/base/ServerName.h"
#include "core/base/UserId.h"
#include "core/json/Base64.h"

#include <cstdint>
#include <cstdlib>

using namespace trellis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    if (auto server = ServerName::parse(text)) {
        if (server->toString() != text || !text.startsWith(server->host()))
            std::abort();
    }
    if (auto user = UserId::parse(text)) {
        // A parsed user ID splits into its parts and parses again to the same.
        const QString rebuilt = QLatin1Char('@') + user->localpart() + QLatin1Char(':') + user->serverName().toString();
        if (rebuilt != text || !UserId::parse(rebuilt))
            std::abort();
    }
    (void)RoomId::parse(text);
    (void)RoomAlias::parse(text);
    (void)EventId::parse(text);

    for (auto alphabet : {base64::Alphabet::Standard, base64::Alphabet::UrlSafe}) {
        if (auto decoded = base64::decode(bytes, alphabet)) {
            // Re-encoding gives the input without padding, up to unused trailing bits.
            if (base64::decode(base64::encode(*decoded, alphabet), alphabet) != decoded)
                std::abort();
        }
    }
    return 0;
}
