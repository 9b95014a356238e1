#pragma once
#include "core/crypto/JsonSigning.h"
#include "core/crypto/KeyRing.h"
#include "core/crypto/SigningKey.h"
#include "core/events/Pdu.h"

#include <QList>
#include <QString>

// Signing outgoing events and checking received ones (server-server-api "Signing Events").
namespace trellis::events {

/// Sets `hashes.sha256` to the content hash, signs the redacted event as `serverName`, and
/// copies the signature into `event` ("Adding hashes and signatures to outgoing events").
void hashAndSignEvent(json::Object &event, const RoomVersion &version, const QString &serverName,
                      const crypto::SigningKey &key);

enum class EventVerdict {
    Valid,            ///< signatures and content hash check out: use the event as received
    Redacted,         ///< signatures check out, the content hash does not: use the redacted copy
    MissingSignature, ///< a required server did not sign with a key we know: drop
    BadSignature,     ///< a signature is malformed or wrong: drop
    Malformed,        ///< not a valid event of the room version: drop
};

/// One server whose signature the event needs, and how its check went.
struct SignerCheck
{
    QString server;
    QString why; ///< "sender", "event_id domain", "join_authorised_via_users_server"
    crypto::SignatureCheck check;
};

struct EventCheck
{
    EventVerdict verdict = EventVerdict::Malformed;
    QString detail;
    /// Valid: the event as received. Redacted: the redacted event. Otherwise null.
    Pdu pdu;
    QList<SignerCheck> signers;

    bool accepted() const { return verdict == EventVerdict::Valid || verdict == EventVerdict::Redacted; }
};

/// Checks 1-3 of "Checks performed on receipt of a PDU": the event format, the signatures of
/// every server that must have signed ("Validating hashes and signatures on received events"),
/// then the content hash. Keys must be valid at `origin_server_ts` from room version 5 on.
EventCheck verifyEvent(json::Object event, const RoomVersion &version, const crypto::KeyRing &keys);

/// The servers whose signatures `event` (as received, unredacted) needs, with the reason.
QList<std::pair<QString, QString>> requiredSigners(const Pdu &event);

/// "valid", "redacted", "missing_signature", "bad_signature", "malformed".
QString verdictName(EventVerdict verdict);

} // namespace trellis::events
