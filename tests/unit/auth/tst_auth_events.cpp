// The rules for events other than the create and membership events: the sender must be
// joined, the required power level, state keys starting with '@', m.room.aliases (v1-5) and
// m.room.redaction (v1-2). Fixture: tests/data/auth/events.json.
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QTest>

using namespace trellis;

class TestAuthEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data() { test::addAuthCaseRows({QStringLiteral("auth/events.json")}); }
    void cases() { test::runAuthCaseRow(); }
};

QTEST_GUILESS_MAIN(TestAuthEvents)
#include "tst_auth_events.moc"
