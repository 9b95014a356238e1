#include "core/events/EventSigning.h"

#include "core/events/EventHashes.h"
#include "core/events/PduKeys.h"
#include "core/events/Redaction.h"
#include "core/json/Base64.h"
#include "core/json/QtStrings.h"
#include "core/json/Writer.h"

namespace trellis::events {
namespace {

// An m.room.member invite made from a third-party invite: its sender's server need not have
// signed it ("Validating hashes and signatures on received events").
bool isThirdPartyInvite(const Pdu &event)
{
    return event.json()[key::kType].toString() == eventtype::kMember
           && event.content()[key::kMembership].toString() == "invite"
           && event.content().contains(key::kThirdPartyInvite);
}

bool contentHashMatches(const json::Object &event, const std::string &contentInput)
{
    const std::string &claimed = event[key::kHashes].toObject()[key::kSha256].toString();
    const auto decoded = base64::decode(QByteArrayView(claimed.data(), qsizetype(claimed.size())));
    const crypto::Sha256Digest actual = crypto::sha256(contentInput);
    return decoded && *decoded == crypto::digestView(actual);
}

// The canonical length of `event`, from that of its content-hash input, which lacks only
// `unsigned`, `signatures` and `hashes`.
qsizetype canonicalSizeFrom(const json::Object &event, const std::string &contentInput)
{
    qsizetype size = qsizetype(contentInput.size());
    const bool contentInputEmpty = contentInput.size() == 2; // "{}"
    bool first = contentInputEmpty;
    for (std::string_view omitted : {key::kUnsigned, key::kSignatures, key::kHashes}) {
        if (const json::Value *value = event.find(omitted)) {
            size += json::canonicalMemberLength(omitted, *value) + (first ? 0 : 1);
            first = false;
        }
    }
    return size;
}

} // namespace

void hashAndSignEvent(json::Object &event, const RoomVersion &version, const QString &serverName,
                      const crypto::SigningKey &key)
{
    const crypto::Sha256Digest hash = contentHash(event);
    json::Object hashes;
    hashes.insert(key::kSha256, json::Value(base64::encodeToString(crypto::digestView(hash))));
    event.insert(key::kHashes, std::move(hashes));

    // The signature covers the redacted event, so it survives redaction.
    json::Object redacted = redact(event, version);
    crypto::signJson(redacted, serverName, key);
    event.insert(key::kSignatures, redacted[key::kSignatures]);
}

QList<std::pair<QString, QString>> requiredSigners(const Pdu &event)
{
    QList<std::pair<QString, QString>> servers;
    const auto add = [&](const QString &server, const QString &why) {
        for (const auto &[known, reason] : std::as_const(servers)) {
            if (known == server)
                return;
        }
        servers.append({server, why});
    };
    if (!isThirdPartyInvite(event))
        add(event.sender().serverName().toString(), QStringLiteral("sender"));
    // Rooms 1 and 2: also the server that made the event ID.
    if (event.roomVersion().eventIdFormat == EventIdFormat::Field) {
        if (auto domain = event.eventId().serverName())
            add(domain->toString(), QStringLiteral("event_id domain"));
    }
    // v8+: a member event naming an authorising user must be signed by that user's server
    // (rooms/v8 authorisation rules, 4.2). The rule holds for every membership, not only the
    // restricted joins the field is meant for; verifyEvent() refuses a value that is not a user
    // ID.
    if (event.roomVersion().restrictedJoins && event.json()[key::kType].toString() == eventtype::kMember) {
        const std::string *via = event.content()[key::kJoinAuthorisedViaUsersServer].asString();
        if (via) {
            if (auto user = UserId::parse(json::toQString(*via)))
                add(user->serverName().toString(), QStringLiteral("join_authorised_via_users_server"));
        }
    }
    return servers;
}

EventCheck verifyEvent(json::Object event, const RoomVersion &version, const crypto::KeyRing &keys)
{
    EventCheck result;
    // The redacted form is what the signatures (and, from v3, the event ID) cover; each
    // canonical form is written once and serves every check that needs it.
    const std::string signedBytes = redactedSigningBytes(event, version);
    const crypto::Sha256Digest reference = crypto::sha256(signedBytes);
    const std::string contentInput = contentHashInput(event);
    const qsizetype size = canonicalSizeFrom(event, contentInput);

    auto pdu = PduBuilder::parseWithReferenceHash(std::move(event), version, &reference, size);
    if (!pdu) {
        result.verdict = EventVerdict::Malformed;
        result.detail = pdu.error().message;
        return result;
    }

    const std::optional<qint64> validAt =
        version.enforceKeyValidity ? std::optional<qint64>(pdu->originServerTs()) : std::nullopt;
    // A join_authorised_via_users_server that names no user can be signed by no server
    // (rooms/v8 authorisation rules, 4.2).
    if (version.restrictedJoins && pdu->json()[key::kType].toString() == eventtype::kMember) {
        if (const json::Value *via = pdu->content().find(key::kJoinAuthorisedViaUsersServer)) {
            if (!via->isString() || !UserId::parse(json::toQString(via->toString()))) {
                result.verdict = EventVerdict::MissingSignature;
                result.detail = QStringLiteral("join_authorised_via_users_server is not a user ID, so "
                                               "no server can have signed for it");
                return result;
            }
        }
    }
    const json::Value &signatures = pdu->json()[key::kSignatures];
    for (const auto &[server, why] : requiredSigners(*pdu)) {
        SignerCheck signer{server, why, crypto::checkSignatures(signedBytes, signatures, server, keys, validAt)};
        result.signers.append(signer);
        if (!signer.check.isValid() && result.detail.isEmpty()) {
            result.verdict = signer.check.status == crypto::SignatureStatus::Invalid
                                 ? EventVerdict::BadSignature
                                 : EventVerdict::MissingSignature;
            result.detail = signer.check.detail;
        }
    }
    if (!result.detail.isEmpty())
        return result;

    if (contentHashMatches(pdu->json(), contentInput)) {
        result.verdict = EventVerdict::Valid;
        result.pdu = std::move(*pdu);
        return result;
    }
    // "If the hash check fails, then it is assumed that this is because we have only been
    // given a redacted version of the event": continue with the redacted copy.
    auto redactedPdu = PduBuilder::parseWithReferenceHash(redact(pdu->json(), version), version, &reference);
    if (!redactedPdu) {
        result.verdict = EventVerdict::Malformed;
        result.detail = redactedPdu.error().prefixed(QStringLiteral("redacted event")).message;
        return result;
    }
    result.verdict = EventVerdict::Redacted;
    result.detail = QStringLiteral("content hash mismatch: the event was replaced by its redacted form");
    result.pdu = std::move(*redactedPdu);
    return result;
}

QString verdictName(EventVerdict verdict)
{
    switch (verdict) {
    case EventVerdict::Valid:
        return QStringLiteral("valid");
    case EventVerdict::Redacted:
        return QStringLiteral("content_hash_mismatch");
    case EventVerdict::MissingSignature:
        return QStringLiteral("missing_signature");
    case EventVerdict::BadSignature:
        return QStringLiteral("bad_signature");
    case EventVerdict::Malformed:
        return QStringLiteral("malformed");
    }
    return {};
}

} // namespace trellis::events
