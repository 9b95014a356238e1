// Unpadded Base64 (appendices.md "Unpadded Base64", "URL-safe unpadded Base64"; RFC 4648
// sections 4 and 5). Vectors in tests/data/json/base64_cases.json, checked against Python.
#include "core/json/Base64.h"
#include "tests/TestData.h"

#include <QTest>

#include <random>

using namespace trellis;

namespace {

const QByteArray kStandardAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const QByteArray kUrlSafeAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

QByteArray bytesOf(const std::string &s)
{
    return QByteArray::fromStdString(s);
}

const char *alphabetName(base64::Alphabet alphabet)
{
    return alphabet == base64::Alphabet::UrlSafe ? "url-safe" : "standard";
}

QByteArray show(const std::optional<QByteArray> &decoded)
{
    return decoded ? "bytes " + decoded->toHex() : QByteArray("rejected");
}

} // namespace

class TestBase64 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void wholeAlphabet_data();
    void wholeAlphabet();
    void everyOtherByteIsRejected_data();
    void everyOtherByteIsRejected();
    void randomRoundTrips_data();
    void randomRoundTrips();
};

void TestBase64::encode_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("standard");
    QTest::addColumn<QByteArray>("urlSafe");
    const json::Value doc = test::readJson(QStringLiteral("json/base64_cases.json"));
    for (const json::Value &value : doc.toObject()["encode"].toArray()) {
        const json::Object &c = value.toObject();
        const QByteArray data = c.contains("hex")
                                    ? QByteArray::fromHex(bytesOf(c["hex"].toString()))
                                    : bytesOf(c["text"].toString());
        QTest::newRow(c["name"].toString().c_str())
            << data << bytesOf(c["standard"].toString()) << bytesOf(c["urlsafe"].toString());
    }
}

void TestBase64::encode()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, standard);
    QFETCH(QByteArray, urlSafe);
    QCOMPARE(base64::encode(data), standard);
    QCOMPARE(base64::encode(data, base64::Alphabet::Standard), standard);
    QCOMPARE(base64::encode(data, base64::Alphabet::UrlSafe), urlSafe);
    QCOMPARE(base64::encodeToString(data), standard.toStdString());
    QCOMPARE(base64::encodeToString(data, base64::Alphabet::UrlSafe), urlSafe.toStdString());
    // And back, unpadded as written and padded as RFC 4648 writes it.
    QCOMPARE(show(base64::decode(standard)), show(data));
    QCOMPARE(show(base64::decode(urlSafe, base64::Alphabet::UrlSafe)), show(data));
    const QByteArray padding((4 - standard.size() % 4) % 4, '=');
    QCOMPARE(show(base64::decode(QByteArray(standard + padding))), show(data));
    QCOMPARE(show(base64::decode(QByteArray(urlSafe + padding), base64::Alphabet::UrlSafe)),
             show(data));
}

void TestBase64::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("alphabet");
    QTest::addColumn<QByteArray>("expected"); // "bytes <hex>" or "rejected"
    const json::Value doc = test::readJson(QStringLiteral("json/base64_cases.json"));
    for (const json::Value &value : doc.toObject()["decode"].toArray()) {
        const json::Object &c = value.toObject();
        const std::string &which = c["alphabet"].toString();
        const QByteArray expected =
            c["hex"].isNull() ? QByteArray("rejected") : "bytes " + bytesOf(c["hex"].toString());
        for (const auto alphabet : {base64::Alphabet::Standard, base64::Alphabet::UrlSafe}) {
            if (which != "both" &&
                which != (alphabet == base64::Alphabet::UrlSafe ? "urlsafe" : "standard"))
                continue;
            const std::string name = c["name"].toString() + " [" + alphabetName(alphabet) + "]";
            QTest::newRow(name.c_str())
                << bytesOf(c["input"].toString()) << int(alphabet) << expected;
        }
    }
}

void TestBase64::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(int, alphabet);
    QFETCH(QByteArray, expected);
    QCOMPARE(show(base64::decode(input, base64::Alphabet(alphabet))), expected);
}

void TestBase64::wholeAlphabet_data()
{
    QTest::addColumn<QByteArray>("alphabetText");
    QTest::addColumn<int>("alphabet");
    QTest::newRow("standard") << kStandardAlphabet << int(base64::Alphabet::Standard);
    QTest::newRow("url-safe") << kUrlSafeAlphabet << int(base64::Alphabet::UrlSafe);
}

void TestBase64::wholeAlphabet()
{
    // The 64 characters in order are the values 0..63: 48 bytes of a known pattern (RFC 4648
    // section 4 table; appendices.md repeats it).
    QFETCH(QByteArray, alphabetText);
    QFETCH(int, alphabet);
    const auto decoded = base64::decode(alphabetText, base64::Alphabet(alphabet));
    QVERIFY(decoded);
    QCOMPARE(decoded->toHex(), QByteArray("00108310518720928b30d38f41149351559761969b71d79f8218a3"
                                          "9259a7a29aabb2dbafc31cb3d35db7e39ebbf3dfbf"));
    QCOMPARE(base64::encode(*decoded, base64::Alphabet(alphabet)), alphabetText);
}

void TestBase64::everyOtherByteIsRejected_data()
{
    QTest::addColumn<int>("alphabet");
    QTest::newRow("standard") << int(base64::Alphabet::Standard);
    QTest::newRow("url-safe") << int(base64::Alphabet::UrlSafe);
}

void TestBase64::everyOtherByteIsRejected()
{
    // Any byte outside the alphabet (and '=' outside the padding), anywhere in the text,
    // makes the whole text invalid: no skipping of whitespace or line breaks.
    QFETCH(int, alphabet);
    const QByteArray &valid =
        alphabet == int(base64::Alphabet::UrlSafe) ? kUrlSafeAlphabet : kStandardAlphabet;
    const QByteArray good = "Zm9vYmFy"; // "foobar"
    for (int byte = 0; byte < 256; ++byte) {
        if (valid.contains(char(byte)) || byte == '=')
            continue;
        for (const qsizetype at : {0, 1, 4, 7, 8}) {
            QByteArray bad = good;
            bad.insert(at, char(byte));
            const QByteArray where =
                "byte 0x" + QByteArray::number(byte, 16) + " at " + QByteArray::number(at);
            QVERIFY2(!base64::decode(bad, base64::Alphabet(alphabet)), where.constData());
            bad[at] = 'A'; // and the same text with a valid character there is fine
            QVERIFY2(base64::decode(bad, base64::Alphabet(alphabet)).has_value() ==
                         (bad.size() % 4 != 1),
                     where.constData());
        }
    }
    for (const qsizetype at : {0, 1, 4, 7}) {
        QByteArray bad = good;
        bad.insert(at, '=');
        QVERIFY2(!base64::decode(bad, base64::Alphabet(alphabet)), bad.constData());
    }
}

void TestBase64::randomRoundTrips_data()
{
    QTest::addColumn<int>("alphabet");
    QTest::newRow("standard") << int(base64::Alphabet::Standard);
    QTest::newRow("url-safe") << int(base64::Alphabet::UrlSafe);
}

void TestBase64::randomRoundTrips()
{
    // Seeded random bytes of every length up to 300 and a few large ones: encoding is
    // unpadded, of the right length and alphabet, agrees with RFC 4648 padded encoding minus
    // the '=', and decodes back padded or not.
    QFETCH(int, alphabet);
    const auto which = base64::Alphabet(alphabet);
    const QByteArray &valid =
        which == base64::Alphabet::UrlSafe ? kUrlSafeAlphabet : kStandardAlphabet;
    const auto qtOptions = which == base64::Alphabet::UrlSafe ? QByteArray::Base64UrlEncoding
                                                              : QByteArray::Base64Encoding;
    std::mt19937 random(4648);
    std::vector<qsizetype> lengths(301);
    for (qsizetype i = 0; i <= 300; ++i)
        lengths[size_t(i)] = i;
    lengths.insert(lengths.end(), {4095, 4096, 4097, 65536 + 1});
    for (const qsizetype length : lengths) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = char(random() & 0xFF);
        const QByteArray text = base64::encode(data, which);
        QCOMPARE(text.size(), (4 * length + 2) / 3);
        for (const char c : text)
            QVERIFY2(valid.contains(c), text.constData());
        const QByteArray padded = data.toBase64(qtOptions);
        QCOMPARE(text, QByteArray(padded).replace('=', ""));
        QCOMPARE(show(base64::decode(text, which)), show(data));
        QCOMPARE(show(base64::decode(padded, which)), show(data));
        if (length > 0) {
            // One more character makes an impossible length, or at least different bytes.
            const auto longer = base64::decode(QByteArray(text + 'A'), which);
            QVERIFY(!longer || *longer != data);
        }
    }
}

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
