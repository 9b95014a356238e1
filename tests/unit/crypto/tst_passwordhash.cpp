// The owner's password: argon2id hashes that verify the right password only.
#include "core/crypto/PasswordHash.h"

#include <QTest>

using namespace trellis;

class TestPasswordHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesVerify_data();
    void hashesVerify();
    void saltedAndArgon2id();
    void malformedHashesNeverVerify();
};

void TestPasswordHash::hashesVerify_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("ascii") << QStringLiteral("correct horse battery staple");
    QTest::newRow("unicode") << QStringLiteral("pässwörd 日本 😀");
    QTest::newRow("empty") << QString();
}

void TestPasswordHash::hashesVerify()
{
    QFETCH(QString, password);
    auto hash = crypto::hashPassword(password);
    QVERIFY(hash);
    QVERIFY(crypto::verifyPassword(password, *hash));
    QVERIFY(!crypto::verifyPassword(password + QLatin1Char('x'), *hash));
    QVERIFY(!crypto::verifyPassword(QStringLiteral("wrong"), *hash));
}

void TestPasswordHash::saltedAndArgon2id()
{
    const auto a = crypto::hashPassword(QStringLiteral("same"));
    const auto b = crypto::hashPassword(QStringLiteral("same"));
    QVERIFY(a && b);
    QVERIFY(a->startsWith("$argon2id$"));
    QVERIFY(*a != *b);
}

void TestPasswordHash::malformedHashesNeverVerify()
{
    for (const QByteArray &hash : {QByteArray(), QByteArray("$argon2id$"), QByteArray("plaintext"),
                                   QByteArray(200, '$')})
        QVERIFY(!crypto::verifyPassword(QStringLiteral("plaintext"), hash));
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
