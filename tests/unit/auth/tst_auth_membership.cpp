// The m.room.member rule (rule 5 in versions 1-5 and 12, rule 4 in 6-11): joins, invites
// with and without third-party invites, leaves, kicks, bans, knocks, unknown memberships.
// Fixtures: tests/data/auth/{join,invite,third_party_invite,leave_ban,knock}.json.
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QTest>

using namespace trellis;

class TestAuthMembership : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void join_data() { test::addAuthCaseRows({QStringLiteral("auth/join.json")}); }
    void join() { test::runAuthCaseRow(); }
    void invite_data()
    {
        test::addAuthCaseRows(
            {QStringLiteral("auth/invite.json"), QStringLiteral("auth/third_party_invite.json")});
    }
    void invite() { test::runAuthCaseRow(); }
    void leaveAndBan_data() { test::addAuthCaseRows({QStringLiteral("auth/leave_ban.json")}); }
    void leaveAndBan() { test::runAuthCaseRow(); }
    void knockAndUnknown_data() { test::addAuthCaseRows({QStringLiteral("auth/knock.json")}); }
    void knockAndUnknown() { test::runAuthCaseRow(); }
};

QTEST_GUILESS_MAIN(TestAuthMembership)
#include "tst_auth_membership.moc"
