// Rule 1 (the create event), rule 2 of version 12 (the room ID), the auth_events list rules
// and m.federate, from tests/data/auth/create.json and auth_events.json.
#include "tests/unit/auth/AuthCaseRunner.h"

#include <QTest>

using namespace trellis;

class TestAuthCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data()
    {
        test::addAuthCaseRows(
            {QStringLiteral("auth/create.json"), QStringLiteral("auth/auth_events.json")});
    }
    void cases() { test::runAuthCaseRow(); }
};

QTEST_GUILESS_MAIN(TestAuthCreate)
#include "tst_auth_create.moc"
