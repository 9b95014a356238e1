// Which servers must sign a received event, and with keys valid when: server-server-api
// "Validating hashes and signatures on received events" (the sender's server except for
// third-party invites; v1/v2 also the event ID's server), the v8+ authorisation rules
// (join_authorised_via_users_server), rooms/v5 signing requirements (key validity).
#include "EventTestSupport.h"

#include "core/events/EventSigning.h"

#include <QTest>

using namespace trellis;
using events::EventVerdict;

class TestSigners : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventIdDomainMustSignInV1V2();
    void thirdPartyInviteExemption();
    void restrictedJoinNeedsAuthorisingServer();
    void keyValidityFromV5();
};

namespace {

const QString kOrigin = QStringLiteral("origin.example");

json::Object signedFixture(const QString &name)
{
    return test::signingEvent(name)["signed"].toObject();
}

} // namespace

void TestSigners::eventIdDomainMustSignInV1V2()
{
    for (int v = 1; v <= 12; ++v) {
        const events::RoomVersion &rv = test::roomVersion(v);
        json::Object event =
            test::signingEvent(QStringLiteral("member_v%1").arg(v))["event"].toObject();
        if (v <= 2)
            event.insert("event_id", json::Value("$joined:auth.example"));
        const auto check = [&](const QStringList &servers) {
            return events::verifyEvent(test::signedBy(event, rv, servers), rv, test::serverRing());
        };
        const events::EventCheck senderOnly = check({kOrigin});
        QCOMPARE(senderOnly.verdict, v <= 2 ? EventVerdict::MissingSignature : EventVerdict::Valid);
        QStringList expectedSigners{QStringLiteral("origin.example/sender/valid")};
        if (v <= 2)
            expectedSigners.append(QStringLiteral("auth.example/event_id domain/not signed"));
        QCOMPARE(test::signerNames(senderOnly), expectedSigners);
        const QStringList both{kOrigin, QStringLiteral("auth.example")};
        QCOMPARE(check(both).verdict, EventVerdict::Valid);
        QCOMPARE(check({QStringLiteral("auth.example")}).verdict, EventVerdict::MissingSignature);
    }
}

void TestSigners::thirdPartyInviteExemption()
{
    // An invite made from a third-party invite need not be signed by the sender's server.
    for (int v = 1; v <= 12; ++v) {
        const events::RoomVersion &rv = test::roomVersion(v);
        json::Object invite =
            test::signingEvent(QStringLiteral("member_v%1").arg(v))["event"].toObject();
        invite.insert("state_key", json::Value("@bob:other.example"));
        test::setAt(invite, QStringLiteral("content/membership"), json::Value("invite"));
        test::setAt(invite, QStringLiteral("content/third_party_invite"),
                    test::parseJson(R"({"display_name":"bob","signed":{"mxid":"@bob:other.example",
                        "token":"t","signatures":{"idp.example":{"ed25519:0":"c2ln"}}}})"));
        if (v <= 2)
            invite.insert("event_id", json::Value("$invite:auth.example"));
        const events::EventCheck byOther = events::verifyEvent(
            test::signedBy(invite, rv, {QStringLiteral("auth.example")}), rv, test::serverRing());
        QVERIFY2(byOther.verdict == EventVerdict::Valid, qPrintable(byOther.detail));
        // v1/v2 still need the event ID's server.
        QCOMPARE(byOther.signers.size(), v <= 2 ? 1 : 0);

        // Without the third-party part, or as a join, the sender's server must sign.
        json::Object plain = invite;
        test::removeAt(plain, QStringLiteral("content/third_party_invite"));
        QCOMPARE(events::verifyEvent(test::signedBy(plain, rv, {QStringLiteral("auth.example")}),
                                     rv, test::serverRing())
                     .verdict,
                 EventVerdict::MissingSignature);
        json::Object join = invite;
        test::setAt(join, QStringLiteral("content/membership"), json::Value("join"));
        QCOMPARE(events::verifyEvent(test::signedBy(join, rv, {QStringLiteral("auth.example")}), rv,
                                     test::serverRing())
                     .verdict,
                 EventVerdict::MissingSignature);
    }
}

void TestSigners::restrictedJoinNeedsAuthorisingServer()
{
    const QString auth = QStringLiteral("auth.example");
    for (int v = 1; v <= 12; ++v) {
        const events::RoomVersion &rv = test::roomVersion(v);
        json::Object join =
            test::signingEvent(QStringLiteral("member_v%1").arg(v))["event"].toObject();
        test::setAt(join, QStringLiteral("content/join_authorised_via_users_server"),
                    json::Value("@admin:auth.example"));
        const events::EventCheck senderOnly =
            events::verifyEvent(test::signedBy(join, rv, {kOrigin}), rv, test::serverRing());
        QCOMPARE(senderOnly.verdict, v >= 8 ? EventVerdict::MissingSignature : EventVerdict::Valid);
        if (v >= 8)
            QCOMPARE(test::signerNames(senderOnly).last(),
                     QStringLiteral("auth.example/join_authorised_via_users_server/not signed"));
        const events::EventCheck both =
            events::verifyEvent(test::signedBy(join, rv, {kOrigin, auth}), rv, test::serverRing());
        QCOMPARE(both.verdict, EventVerdict::Valid);
        QCOMPARE(both.signers.size(), v >= 8 ? 2 : 1);
        // A wrong signature of the authorising server only matters where it is required.
        json::Object forged = test::signedBy(join, rv, {kOrigin, auth});
        test::setAt(forged, QStringLiteral("signatures/auth.example/ed25519:auth1"),
                    forged["signatures"].toObject()["origin.example"].toObject()["ed25519:a_Trls"]);
        QCOMPARE(events::verifyEvent(forged, rv, test::serverRing()).verdict,
                 v >= 8 ? EventVerdict::BadSignature : EventVerdict::Valid);
        // Rule 4.2 of the v8+ authorisation rules names no membership: a leave (or any other
        // member event) carrying the field needs the signature too.
        for (const char *membership : {"leave", "invite", "ban", "knock"}) {
            json::Object other = join;
            test::setAt(other, QStringLiteral("content/membership"), json::Value(membership));
            QCOMPARE(
                events::verifyEvent(test::signedBy(other, rv, {kOrigin}), rv, test::serverRing())
                    .verdict,
                v >= 8 ? EventVerdict::MissingSignature : EventVerdict::Valid);
            QCOMPARE(events::verifyEvent(test::signedBy(other, rv, {kOrigin, auth}), rv,
                                         test::serverRing())
                         .verdict,
                     EventVerdict::Valid);
        }
        // A value that names no user can be signed by no server.
        for (const json::Value &bad : {json::Value("not a user"), json::Value(qint64(5))}) {
            json::Object odd = join;
            test::setAt(odd, QStringLiteral("content/join_authorised_via_users_server"), bad);
            QCOMPARE(events::verifyEvent(test::signedBy(odd, rv, {kOrigin}), rv, test::serverRing())
                         .verdict,
                     v >= 8 ? EventVerdict::MissingSignature : EventVerdict::Valid);
        }
    }
}

void TestSigners::keyValidityFromV5()
{
    // A key ring whose key for origin.example expired 1 ms before the events were sent.
    class ExpiredRing final : public crypto::KeyRing
    {
    public:
        std::optional<crypto::VerifyKey> find(const QString &server, QStringView keyId,
                                              std::optional<qint64> validAtMs) const override
        {
            if (validAtMs && *validAtMs > 1732800000000 - 1)
                return std::nullopt;
            return m_ring.find(server, keyId, validAtMs);
        }
        crypto::StaticKeyRing m_ring = test::serverRing();
    } ring;
    for (int v = 1; v <= 12; ++v) {
        const json::Object event = signedFixture(QStringLiteral("message_v%1").arg(v));
        QCOMPARE(event["origin_server_ts"].toInteger(), 1732800000000);
        QCOMPARE(events::verifyEvent(event, test::roomVersion(v), ring).verdict,
                 v >= 5 ? EventVerdict::MissingSignature : EventVerdict::Valid);
    }
}

QTEST_GUILESS_MAIN(TestSigners)
#include "tst_signers.moc"
