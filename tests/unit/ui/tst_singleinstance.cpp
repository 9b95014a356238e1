// One Trellis window per data directory: the second start hands its files to the first.
#include "app/gui/SingleInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using trellis::app::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartHandsOverItsFiles();
    void otherDataDirectoriesAreIndependent();
    void theLockIsFreedWithTheFirst();
};

void TestSingleInstance::secondStartHandsOverItsFiles()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QVERIFY(first.claim({}));
    QVERIFY(first.error().isEmpty());
    QSignalSpy activated(&first, &SingleInstance::activated);

    SingleInstance second(dir.path());
    const QStringList files{QStringLiteral("/tmp/a room.json"), QStringLiteral("/tmp/b.json")};
    QVERIFY(!second.claim(files));
    QVERIFY2(second.error().isEmpty(), qPrintable(second.error()));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toStringList(), files);

    SingleInstance third(dir.path()); // no files: just "show yourself"
    QVERIFY(!third.claim({}));
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.last().first().toStringList(), QStringList());
}

void TestSingleInstance::otherDataDirectoriesAreIndependent()
{
    QTemporaryDir one, two;
    SingleInstance first(one.path());
    SingleInstance second(two.path());
    QVERIFY(first.claim({}));
    QVERIFY(second.claim({}));
}

void TestSingleInstance::theLockIsFreedWithTheFirst()
{
    QTemporaryDir dir;
    {
        SingleInstance first(dir.path());
        QVERIFY(first.claim({}));
    }
    SingleInstance next(dir.path());
    QVERIFY(next.claim({}));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
