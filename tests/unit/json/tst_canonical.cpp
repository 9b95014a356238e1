// Canonical JSON writer: appendices.md "Canonical JSON" examples and the grammar's escaping.
#include "core/json/Reader.h"
#include "core/json/Writer.h"
#include "tests/TestData.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <random>

using namespace trellis;

class TestCanonical : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExamples_data();
    void specExamples();
    void escaping_data();
    void escaping();
    void idempotentAndOrderIndependent_data();
    void idempotentAndOrderIndependent();
    void codePointOrderAboveBmp();
    void pythonFloatRepr_data();
    void pythonFloatRepr();
};

static std::string canonicalOf(const QByteArray &input, json::NumberPolicy numbers)
{
    json::ReadOptions options;
    options.numbers = numbers;
    auto value = json::parse(std::string_view(input.constData(), size_t(input.size())), options);
    if (!value)
        return "ERROR: " + value.error().message.toStdString();
    return json::toCanonical(*value);
}

void TestCanonical::specExamples_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    const json::Value doc = test::readJson(QStringLiteral("json/canonical_spec_examples.json"));
    for (const json::Value &c : doc.toObject()["cases"].toArray()) {
        const json::Object &o = c.toObject();
        QTest::newRow(o["name"].toString().c_str())
            << QByteArray::fromStdString(o["input"].toString())
            << QByteArray::fromStdString(o["canonical"].toString());
    }
}

void TestCanonical::specExamples()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    QCOMPARE(QByteArray::fromStdString(canonicalOf(input, json::NumberPolicy::Canonical)), canonical);
    QCOMPARE(json::canonicalLength(test::parseJson(input, json::NumberPolicy::Canonical)),
             canonical.size());
}

void TestCanonical::escaping_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    // The grammar's "escaped" rule: two-character escapes where they exist, \u00XX in lower
    // case for other controls, and nothing else escaped.
    QTest::newRow("two-char escapes") << QByteArray(R"(["\b\t\n\f\r\"\\"])")
                                      << QByteArray(R"(["\b\t\n\f\r\"\\"])");
    QTest::newRow("controls as \\u00XX")
        << QByteArray(R"(["\u0000\u0001\u001F\u000B\u001e"])")
        << QByteArray(R"(["\u0000\u0001\u001f\u000b\u001e"])");
    QTest::newRow("solidus unescaped") << QByteArray(R"(["\/a/"])") << QByteArray(R"(["/a/"])");
    QTest::newRow("DEL raw") << QByteArray("[\"\\u007f\"]") << QByteArray("[\"\x7f\"]");
    QTest::newRow("U+2028 raw") << QByteArray(R"(["\u2028"])") << QByteArray("[\"\xe2\x80\xa8\"]");
    QTest::newRow("surrogate pair to UTF-8") << QByteArray(R"(["\ud83d\ude00"])")
                                             << QByteArray("[\"\xf0\x9f\x98\x80\"]");
    QTest::newRow("whitespace removed") << QByteArray(" [ 1 , { \"a\" : [ ] } , true ] \n")
                                        << QByteArray(R"([1,{"a":[]},true])");
    QTest::newRow("negative") << QByteArray("[-9007199254740991]")
                              << QByteArray("[-9007199254740991]");
    QTest::newRow("max") << QByteArray("[9007199254740991]") << QByteArray("[9007199254740991]");
}

void TestCanonical::escaping()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    QCOMPARE(QByteArray::fromStdString(canonicalOf(input, json::NumberPolicy::Canonical)), canonical);
    QCOMPARE(json::canonicalLength(test::parseJson(input, json::NumberPolicy::Canonical)),
             canonical.size());
}

void TestCanonical::idempotentAndOrderIndependent_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("event") << test::readData(QStringLiteral("json/canonical_spec_examples.json"));
    QTest::newRow("deep") << QByteArray(R"({"z":{"y":[{"b":1,"a":2}],"x":null},"é":"\u00e9","e":"f"})");
}

// Rebuilds a value with every object's members inserted in a shuffled order.
static json::Value shuffled(const json::Value &value, std::mt19937 &random)
{
    if (const json::Array *array = value.asArray()) {
        json::Array out;
        for (const json::Value &v : *array)
            out.push_back(shuffled(v, random));
        return out;
    }
    if (const json::Object *object = value.asObject()) {
        std::vector<const json::Member *> members;
        for (const json::Member &m : *object)
            members.push_back(&m);
        std::shuffle(members.begin(), members.end(), random);
        json::Object out;
        for (const json::Member *m : members)
            out.insert(m->key, shuffled(m->value, random));
        return out;
    }
    return value;
}

void TestCanonical::idempotentAndOrderIndependent()
{
    QFETCH(QByteArray, input);
    const std::string once = canonicalOf(input, json::NumberPolicy::Canonical);
    QVERIFY(once.rfind("ERROR", 0) != 0);
    const std::string twice = canonicalOf(QByteArray::fromStdString(once), json::NumberPolicy::Strict);
    QCOMPARE(twice, once);
    std::mt19937 random(12345);
    const json::Value value = test::parseJson(input, json::NumberPolicy::Canonical);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(json::toCanonical(shuffled(value, random)), once);
}

void TestCanonical::codePointOrderAboveBmp()
{
    // U+1F600 (UTF-16 D83D DE00) sorts after U+FB01 by code point, though before it by UTF-16
    // code unit: canonical JSON wants code point order.
    const QByteArray input = "{\"\xf0\x9f\x98\x80\":1,\"\xef\xac\x81\":2}";
    QCOMPARE(QByteArray::fromStdString(canonicalOf(input, json::NumberPolicy::Canonical)),
             QByteArray("{\"\xef\xac\x81\":2,\"\xf0\x9f\x98\x80\":1}"));
}

void TestCanonical::pythonFloatRepr_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    // Room versions 1-5 may hold floats and big integers; they canonicalise as the reference
    // implementation (Python's json) prints them: integers exactly, floats by repr().
    QTest::newRow("half") << QByteArray("[1.5]") << QByteArray("[1.5]");
    QTest::newRow("small") << QByteArray("[0.0001]") << QByteArray("[0.0001]");
    QTest::newRow("smaller") << QByteArray("[0.00001]") << QByteArray("[1e-05]");
    QTest::newRow("tiny") << QByteArray("[-1.5e-7]") << QByteArray("[-1.5e-07]");
    QTest::newRow("big") << QByteArray("[1e100]") << QByteArray("[1e+100]");
    QTest::newRow("beyond int64") << QByteArray("[1e19]") << QByteArray("[1e+19]");
    QTest::newRow("integral float") << QByteArray("[2.0]") << QByteArray("[2.0]");
    QTest::newRow("exponent makes a float") << QByteArray("[1e10]") << QByteArray("[10000000000.0]");
    QTest::newRow("negative zero float") << QByteArray("[-0.0]") << QByteArray("[-0.0]");
    QTest::newRow("negative zero integer") << QByteArray("[-0]") << QByteArray("[0]");
    QTest::newRow("big integer stays exact") << QByteArray("[12345678901234567890]") << QByteArray("[12345678901234567890]");
    QTest::newRow("big negative integer") << QByteArray("[-99999999999999999999999]") << QByteArray("[-99999999999999999999999]");
    QTest::newRow("int64 stays exact") << QByteArray("[9223372036854775807]") << QByteArray("[9223372036854775807]");
    QTest::newRow("fraction") << QByteArray("[123.456]") << QByteArray("[123.456]");
    QTest::newRow("1e15+0.5") << QByteArray("[1000000000000000.5]") << QByteArray("[1000000000000000.5]");
}

void TestCanonical::pythonFloatRepr()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    QCOMPARE(QByteArray::fromStdString(canonicalOf(input, json::NumberPolicy::Lenient)), canonical);
}

QTEST_GUILESS_MAIN(TestCanonical)
#include "tst_canonical.moc"
