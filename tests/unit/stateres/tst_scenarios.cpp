// Hand-derived state resolution scenarios (tests/data/stateres/*.json): v1 (rooms/v1 "State
// resolution"), v2 (rooms/fragments/v2-state-res) and v2.1 (rooms/v12 "State resolution"),
// each checked for its resolved state, every event's rejection, and the algorithm's steps.
#include "tests/unit/stateres/ScenarioRunner.h"

#include "tests/TestData.h"

#include <QDir>
#include <QTest>

using namespace trellis;

// Every scenario of every fixture file, once.
static const QList<test::ScenarioCase> &cases()
{
    static const QList<test::ScenarioCase> all = [] {
        QList<test::ScenarioCase> list;
        const QDir dir(test::dataPath(QStringLiteral("stateres")));
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            list += test::loadScenarios(QStringLiteral("stateres/") + file);
        return list;
    }();
    return all;
}

class TestScenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data();
    void scenarios();
};

void TestScenarios::scenarios_data()
{
    QTest::addColumn<int>("index");
    int index = 0;
    for (const test::ScenarioCase &c : cases()) {
        QTest::addRow("%s v%s: %s", qPrintable(c.file.section(QLatin1Char('/'), -1)),
                      qPrintable(c.version), qPrintable(c.name))
            << index++;
    }
}

void TestScenarios::scenarios()
{
    QFETCH(int, index);
    const QStringList failures = test::runScenario(cases().at(index));
    if (!failures.isEmpty())
        QFAIL(qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
