// Fuzzes PDU parsing and event verification for every room version: malformed input is
// rejected with a message; a well-formed event never verifies without keys, and verifies
// once signed.
#include "core/crypto/KeyRing.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/events/Pdu.h"
#include "core/events/Redaction.h"

#include <cstdint>
#include <cstdlib>

using namespace trellis;

namespace {

const crypto::SigningKey &fuzzKey()
{
    static const crypto::SigningKey key = *crypto::SigningKey::fromSeed(QByteArray(32, '\x2a'), QStringLiteral("fuzz"));
    return key;
}

void check(const events::Pdu &pdu, const events::RoomVersion &version)
{
    if (pdu.eventId().isEmpty() || pdu.roomId().isEmpty())
        std::abort();
    // Without keys nothing verifies, unless no server's signature is required at all (a
    // third-party invite from room version 3 on).
    const crypto::StaticKeyRing noKeys;
    const events::EventCheck unsignedCheck = events::verifyEvent(pdu.json(), version, noKeys);
    if (unsignedCheck.accepted() && !events::requiredSigners(pdu).isEmpty())
        std::abort();
    // Signed by the sender's server (and, in v1/v2, the event ID's), it verifies and keeps its ID.
    json::Object signedEvent = pdu.json();
    crypto::StaticKeyRing ring;
    for (const auto &[server, why] : events::requiredSigners(pdu)) {
        events::hashAndSignEvent(signedEvent, version, server, fuzzKey());
        ring.add(server, fuzzKey().verifyKey());
    }
    const events::EventCheck signedCheck = events::verifyEvent(signedEvent, version, ring);
    if (signedCheck.verdict == events::EventVerdict::Malformed)
        return; // the added hash and signatures can push an event over the size limit
    if (signedCheck.verdict == events::EventVerdict::MissingSignature && signedCheck.signers.isEmpty())
        return; // refused before any signer: a join_authorised_via_users_server naming no user
    if (signedCheck.verdict != events::EventVerdict::Valid)
        std::abort();
    auto id = events::computeEventId(signedCheck.pdu.json(), version);
    if (!id || *id != signedCheck.pdu.eventId())
        std::abort();
    events::redact(pdu.json(), version);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    for (const events::RoomVersion *version : events::RoomVersion::all()) {
        auto pdu = events::Pdu::parse(bytes, *version);
        if (!pdu) {
            if (pdu.error().message.isEmpty())
                std::abort();
            continue;
        }
        check(*pdu, *version);
    }
    return 0;
}
