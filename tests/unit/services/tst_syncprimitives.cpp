// The small pieces /sync and /login stand on: sync tokens, the waiting-sync notifier, the
// typing tracker and the login rate limiter.
#include "core/services/RateLimiter.h"
#include "core/services/SyncNotifier.h"
#include "core/services/SyncToken.h"
#include "core/services/TypingTracker.h"

#include <QElapsedTimer>
#include <QTest>

using namespace trellis::services;

class TestSyncPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenRoundTrip();
    void tokenRejects_data();
    void tokenRejects();
    void notifierWakesOnNotify();
    void notifierTimesOut();
    void notifierCancel();
    void notifierReRegistersDuringWake();
    void typing();
    void rateLimiter();
    void rateLimiterBoundedKeys();
};

void TestSyncPrimitives::tokenRoundTrip()
{
    const SyncToken token{12, 3, 0, 7, 99, 1};
    const auto parsed = SyncToken::parse(token.toString());
    QVERIFY(parsed);
    QCOMPARE(*parsed, token);
    QVERIFY(SyncToken({13, 3, 0, 7, 99, 1}).isAfter(token));
    QVERIFY(!token.isAfter(token));
}

void TestSyncPrimitives::tokenRejects_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad : {"", "s", "s1_2_3_4_5", "s1_2_3_4_5_6_7", "x1_2_3_4_5_6", "s1_2_3_4_5_-6",
                            "s1_2_3_4_5_+6", "s1_2_3_4_5_a", "s99999999999999999999_0_0_0_0_0", "s1__3_4_5_6"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
    QTest::newRow("long") << (QStringLiteral("s1_2_3_4_5_") + QString(300, u'1'));
}

void TestSyncPrimitives::tokenRejects()
{
    QFETCH(QString, text);
    const auto parsed = SyncToken::parse(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().errcode(), QStringLiteral("M_INVALID_PARAM"));
}

void TestSyncPrimitives::notifierWakesOnNotify()
{
    SyncNotifier notifier;
    int woken = 0;
    bool timedOut = true;
    notifier.wait(60000, [&](bool t) { ++woken; timedOut = t; });
    notifier.wait(60000, [&](bool) { ++woken; });
    QCOMPARE(notifier.waitingCount(), 2);
    notifier.notify();
    QCOMPARE(woken, 2);
    QVERIFY(!timedOut);
    QCOMPARE(notifier.waitingCount(), 0);
    notifier.notify(); // each waiter runs once
    QCOMPARE(woken, 2);
}

void TestSyncPrimitives::notifierTimesOut()
{
    SyncNotifier notifier;
    bool timedOut = false;
    QElapsedTimer clock;
    clock.start();
    notifier.wait(50, [&](bool t) { timedOut = t; });
    QTRY_VERIFY_WITH_TIMEOUT(timedOut, 5000);
    QVERIFY(clock.elapsed() >= 45);
    QCOMPARE(notifier.waitingCount(), 0);
}

void TestSyncPrimitives::notifierCancel()
{
    SyncNotifier notifier;
    bool ran = false;
    const quint64 id = notifier.wait(10, [&](bool) { ran = true; });
    notifier.cancel(id);
    notifier.cancel(id); // twice is harmless
    QTest::qWait(50);
    notifier.notify();
    QVERIFY(!ran);
}

void TestSyncPrimitives::notifierReRegistersDuringWake()
{
    SyncNotifier notifier;
    int runs = 0;
    std::function<void(bool)> wake = [&](bool) {
        if (++runs < 3)
            notifier.wait(60000, wake); // nothing for me yet: wait again
    };
    notifier.wait(60000, wake);
    notifier.notify();
    QCOMPARE(runs, 1); // the re-registered waiter waits for the next notify
    notifier.notify();
    notifier.notify();
    QCOMPARE(runs, 3);
    QCOMPARE(notifier.waitingCount(), 0);
}

void TestSyncPrimitives::typing()
{
    TypingTracker typing;
    QVERIFY(typing.setTyping(QStringLiteral("!a:x"), QStringLiteral("@u:x"), true, 1000, 0));
    const qint64 afterStart = typing.position();
    QVERIFY(!typing.setTyping(QStringLiteral("!a:x"), QStringLiteral("@u:x"), true, 1000, 500)); // renewal
    QCOMPARE(typing.position(), afterStart);
    QCOMPARE(typing.typingUsers(QStringLiteral("!a:x")), QStringList{QStringLiteral("@u:x")});
    QCOMPARE(typing.roomsChangedSince(0), QStringList{QStringLiteral("!a:x")});
    QVERIFY(typing.roomsChangedSince(afterStart).isEmpty());
    QCOMPARE(typing.nextExpiry(), 1500);
    QVERIFY(!typing.expire(1499));
    QVERIFY(typing.expire(1500));
    QVERIFY(typing.typingUsers(QStringLiteral("!a:x")).isEmpty());
    QCOMPARE(typing.roomsChangedSince(afterStart), QStringList{QStringLiteral("!a:x")});
    QVERIFY(!typing.setTyping(QStringLiteral("!a:x"), QStringLiteral("@u:x"), false, 0, 2000));
    QCOMPARE(typing.nextExpiry(), -1);
}

void TestSyncPrimitives::rateLimiter()
{
    RateLimiter limiter(0.5, 3); // a token every 2 s, 3 at once
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.take(QStringLiteral("a"), 1000), 0);
    const qint64 wait = limiter.take(QStringLiteral("a"), 1000);
    QVERIFY(wait > 1900 && wait <= 2000);
    QCOMPARE(limiter.take(QStringLiteral("b"), 1000), 0); // keys are independent
    QCOMPARE(limiter.take(QStringLiteral("a"), 3000), 0);  // refilled
    QVERIFY(limiter.take(QStringLiteral("a"), 3000) > 0);
}

void TestSyncPrimitives::rateLimiterBoundedKeys()
{
    RateLimiter limiter(1, 2, 100);
    for (int i = 0; i < 10000; ++i)
        QCOMPARE(limiter.take(QString::number(i), 0), 0);
    QVERIFY(limiter.keyCount() <= 100);

    // Buckets that are full again are forgotten first: keys seen long ago leave room.
    RateLimiter patient(1, 2, 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(patient.take(QString::number(i), 0), 0);
    QCOMPARE(patient.keyCount(), 100);
    QCOMPARE(patient.take(QStringLiteral("late"), 10'000), 0);
    QCOMPARE(patient.keyCount(), 1);
}

QTEST_GUILESS_MAIN(TestSyncPrimitives)
#include "tst_syncprimitives.moc"
