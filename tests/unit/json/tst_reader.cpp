// The strict JSON reader on hostile and edge input: RFC 8259, well-formed UTF-8 (RFC 3629
// section 4) and the number rules of appendices.md "Canonical JSON" and the room versions'
// "Canonical JSON" sections (v1: not enforced, v6: enforced). Table cases live in
// tests/data/json/reader_*.json; the lenient number results there are Python's.
#include "core/json/Reader.h"
#include "core/json/Writer.h"
#include "tests/TestData.h"

#include <QTest>

#include <random>

using namespace trellis;

namespace {

constexpr json::NumberPolicy kPolicies[] = {
    json::NumberPolicy::Strict, json::NumberPolicy::Canonical, json::NumberPolicy::Lenient};

const char *policyName(json::NumberPolicy policy)
{
    switch (policy) {
    case json::NumberPolicy::Strict:
        return "strict";
    case json::NumberPolicy::Canonical:
        return "canonical";
    case json::NumberPolicy::Lenient:
        break;
    }
    return "lenient";
}

QByteArray bytesOf(const std::string &s)
{
    return QByteArray::fromStdString(s);
}
QString stringOf(const std::string &s)
{
    return QString::fromStdString(s);
}

Result<json::Value> parseBytes(const QByteArray &input, json::ReadOptions options)
{
    return json::parse(std::string_view(input.constData(), size_t(input.size())), options);
}

Result<json::Value> parseBytes(const QByteArray &input, json::NumberPolicy policy)
{
    json::ReadOptions options;
    options.numbers = policy;
    return parseBytes(input, options);
}

// A case's input: "input" (text) or "input_hex" (bytes that need not be UTF-8).
QByteArray inputOf(const json::Object &c)
{
    if (const std::string *hex = c["input_hex"].asString())
        return QByteArray::fromHex(bytesOf(*hex));
    return bytesOf(c["input"].toString());
}

void addColumns()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QByteArray>("output"); // canonical form when accepted
    QTest::addColumn<QString>("error");     // errcode when refused, else empty
    QTest::addColumn<QString>("message");   // part of the error message
}

void addRow(const json::Object &c, json::NumberPolicy policy, const json::Value &expected)
{
    const std::string name = c["name"].toString() + " [" + policyName(policy) + "]";
    const json::Object &e = expected.toObject();
    QTest::newRow(name.c_str()) << inputOf(c) << int(policy) << bytesOf(expected.toString())
                                << stringOf(e["error"].toString())
                                << stringOf(e["message"].toString());
}

// Rows of a fixture whose cases hold "output" or "error" + "message", for the policies
// listed in "policies" (all by default).
void addFixtureRows(const QString &file)
{
    addColumns();
    const json::Value doc = test::readJson(QStringLiteral("json/") + file);
    for (const json::Value &value : doc.toObject()["cases"].toArray()) {
        const json::Object &c = value.toObject();
        const json::Value expected = c.contains("output") ? c["output"] : json::Value(c);
        for (const json::NumberPolicy policy : kPolicies) {
            bool listed = !c.contains("policies");
            for (const json::Value &p : c["policies"].toArray())
                listed = listed || p.toString() == policyName(policy);
            if (listed)
                addRow(c, policy, expected);
        }
    }
}

void checkRow()
{
    QFETCH(QByteArray, input);
    QFETCH(int, policy);
    QFETCH(QByteArray, output);
    QFETCH(QString, error);
    QFETCH(QString, message);
    const auto value = parseBytes(input, json::NumberPolicy(policy));
    if (error.isEmpty()) {
        QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
        QCOMPARE(bytesOf(json::toCanonical(*value)), output);
        return;
    }
    QVERIFY2(!value, value ? json::toCanonical(*value).c_str() : "");
    QCOMPARE(value.error().errcode(), error);
    QVERIFY2(value.error().message.startsWith(QLatin1String("invalid JSON at byte ")),
             qPrintable(value.error().message));
    QVERIFY2(value.error().message.contains(message), qPrintable(value.error().message));
}

// The byte offset an "invalid JSON at byte N: ..." message names, or -1.
qsizetype offsetIn(const QString &message)
{
    static const QLatin1String prefix("invalid JSON at byte ");
    if (!message.startsWith(prefix))
        return -1;
    const QStringView rest = QStringView(message).mid(prefix.size());
    bool ok = false;
    const qsizetype offset = rest.left(rest.indexOf(u':')).toLongLong(&ok);
    return ok ? offset : -1;
}

// `depth` levels of nesting: "[[...]]", {"a":{"a":{}}} or alternating, innermost empty.
QByteArray nested(const QByteArray &shape, int depth)
{
    QByteArray open, close;
    for (int level = 0; level < depth; ++level) {
        const bool object = shape == "object" || (shape == "mixed" && level % 2 == 1);
        const bool innermost = level == depth - 1;
        open += object ? (innermost ? "{" : "{\"a\":") : "[";
        close.prepend(object ? '}' : ']');
    }
    return open + close;
}

} // namespace

class TestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntax_data() { addFixtureRows(QStringLiteral("reader_syntax.json")); }
    void syntax() { checkRow(); }
    void duplicateKeys_data() { addFixtureRows(QStringLiteral("reader_duplicates.json")); }
    void duplicateKeys() { checkRow(); }
    void utf8_data() { addFixtureRows(QStringLiteral("reader_utf8.json")); }
    void utf8() { checkRow(); }
    void numbers_data();
    void numbers() { checkRow(); }
    void defaultOptions();
    void sampleDocument_data();
    void sampleDocument();
    void truncatedPrefixes_data();
    void truncatedPrefixes();
    void nesting_data();
    void nesting();
    void nestingFarBeyondTheLimit();
    void maxBytes_data();
    void maxBytes();
    void parseObject_data();
    void parseObject();
    void mutatedDocuments();
};

void TestReader::numbers_data()
{
    // Each case names its expectation per policy: canonical output or {error, message}.
    addColumns();
    const json::Value doc = test::readJson(QStringLiteral("json/reader_numbers.json"));
    for (const json::Value &value : doc.toObject()["cases"].toArray()) {
        const json::Object &c = value.toObject();
        for (const json::NumberPolicy policy : kPolicies)
            addRow(c, policy, c[policyName(policy)]);
    }
}

void TestReader::defaultOptions()
{
    // ReadOptions{} means: canonical numbers, 512 levels, 16 MiB.
    const json::ReadOptions defaults;
    QCOMPARE(defaults.maxDepth, 512);
    QCOMPARE(defaults.maxBytes, qsizetype(16 * 1024 * 1024));
    QVERIFY(defaults.numbers == json::NumberPolicy::Canonical);
    const auto value = json::parse("[2.0,1e3]");
    QVERIFY(value);
    QCOMPARE(json::toCanonical(*value), std::string("[2,1000]"));
    const auto fraction = json::parse("[0.5]");
    QVERIFY(!fraction);
    QCOMPARE(fraction.error().message,
             QStringLiteral("invalid JSON at byte 1: numbers must be integers"));
}

void TestReader::sampleDocument_data()
{
    QTest::addColumn<int>("policy");
    for (const json::NumberPolicy policy : kPolicies)
        QTest::newRow(policyName(policy)) << int(policy);
}

void TestReader::sampleDocument()
{
    // The sample parses under every policy to what Python prints for it.
    QFETCH(int, policy);
    const QByteArray sample = test::readData(QStringLiteral("json/reader_sample_event.json"));
    const QByteArray expected =
        test::readData(QStringLiteral("json/reader_sample_event_canonical.json")).trimmed();
    const auto value = parseBytes(sample, json::NumberPolicy(policy));
    QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
    QCOMPARE(json::toCanonicalBytes(*value), expected);
    const auto again = parseBytes(expected, json::NumberPolicy::Strict);
    QVERIFY(again);
    QVERIFY(*again == *value);
}

void TestReader::truncatedPrefixes_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("policy");
    // Trimmed: with the file's final newline gone, that prefix would be the whole document.
    const QByteArray sample =
        test::readData(QStringLiteral("json/reader_sample_event.json")).trimmed();
    const QByteArray canonical =
        test::readData(QStringLiteral("json/reader_sample_event_canonical.json")).trimmed();
    for (const json::NumberPolicy policy : kPolicies) {
        const QByteArray suffix = QByteArray(" [") + policyName(policy) + "]";
        QTest::newRow(QByteArray("sample" + suffix).constData()) << sample << int(policy);
        QTest::newRow(QByteArray("sample canonical" + suffix).constData())
            << canonical << int(policy);
        QTest::newRow(QByteArray("escapes and UTF-8" + suffix).constData())
            << QByteArray("[\"\\ud83d\\ude00\xf0\x9f\x98\x80\\u00e9\xc3\xa9\\n\",\"\"]")
            << int(policy);
    }
    QTest::newRow("floats [lenient]") << QByteArray("[1.5,-0.0,1e+100,2E-7,{\"a\":-12.25e1}]")
                                      << int(json::NumberPolicy::Lenient);
    QTest::newRow("exponents [canonical]")
        << QByteArray("{\"n\":[1e2,-2.0E+1,50e-1,0e0]}") << int(json::NumberPolicy::Canonical);
}

void TestReader::truncatedPrefixes()
{
    // No proper prefix of these documents is JSON: each must be refused as M_NOT_JSON at a
    // byte inside the prefix, and never crash or read past its end.
    QFETCH(QByteArray, document);
    QFETCH(int, policy);
    QVERIFY(parseBytes(document, json::NumberPolicy(policy)));
    for (qsizetype length = 0; length < document.size(); ++length) {
        // A copy in its own allocation, so that a read past the end is a sanitizer error.
        const QByteArray prefix(document.constData(), length);
        const auto value = parseBytes(prefix, json::NumberPolicy(policy));
        const QByteArray where = "prefix of " + QByteArray::number(length) + " bytes: " + prefix;
        QVERIFY2(!value, where.constData());
        QVERIFY2(value.error().code == ErrorCode::NotJson,
                 qPrintable(value.error().message + QLatin1String(" / ") + QLatin1String(where)));
        const qsizetype offset = offsetIn(value.error().message);
        QVERIFY2(offset >= 0 && offset <= length, qPrintable(value.error().message));
    }
}

void TestReader::nesting_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("accepted");
    for (const char *shape : {"array", "object", "mixed"}) {
        for (const int limit : {1, 2, 10, 512}) {
            for (const int depth : {limit - 1, limit, limit + 1, limit + 10}) {
                if (depth < 1)
                    continue;
                const QByteArray name = QByteArray(shape) + " depth " + QByteArray::number(depth) +
                                        " limit " + QByteArray::number(limit);
                QTest::newRow(name.constData())
                    << nested(shape, depth) << limit << (depth <= limit);
            }
        }
    }
    QTest::newRow("scalars do not nest") << QByteArray("[[\"s\",1,true]]") << 2 << true;
    QTest::newRow("depth is not length") << QByteArray("[[],[],[],[],[]]") << 2 << true;
    QTest::newRow("limit zero allows only scalars") << QByteArray("[]") << 0 << false;
    QTest::newRow("limit zero and a scalar") << QByteArray("\"x\"") << 0 << true;
}

void TestReader::nesting()
{
    QFETCH(QByteArray, document);
    QFETCH(int, maxDepth);
    QFETCH(bool, accepted);
    json::ReadOptions options;
    options.maxDepth = maxDepth;
    const auto value = parseBytes(document, options);
    if (accepted) {
        QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
        QCOMPARE(json::toCanonicalBytes(*value), document);
        return;
    }
    QVERIFY(!value);
    QCOMPARE(value.error().code, ErrorCode::BadJson);
    // It names the bracket that opened level maxDepth + 1.
    qsizetype bracket = 0;
    for (int opened = 0; bracket < document.size(); ++bracket) {
        if ((document[bracket] == '[' || document[bracket] == '{') && opened++ == maxDepth)
            break;
    }
    QCOMPARE(value.error().message,
             QStringLiteral("invalid JSON at byte %1: nested too deeply").arg(bracket));
}

void TestReader::nestingFarBeyondTheLimit()
{
    // A million levels must be refused at level 513 without recursing a million times.
    const QByteArray open(1000000, '[');
    const QByteArray balanced = open + QByteArray(1000000, ']');
    for (const QByteArray &document : {open, balanced}) {
        const auto value = parseBytes(document, json::ReadOptions{});
        QVERIFY(!value);
        QCOMPARE(value.error().code, ErrorCode::BadJson);
        QCOMPARE(value.error().message,
                 QStringLiteral("invalid JSON at byte 512: nested too deeply"));
    }
    const QByteArray objects = nested("object", 100000);
    const auto value = parseBytes(objects, json::ReadOptions{});
    QVERIFY(!value);
    QCOMPARE(value.error().message, QStringLiteral("invalid JSON at byte 2560: nested too deeply"));
}

void TestReader::maxBytes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("message");
    const QString tooLarge = QStringLiteral("M_TOO_LARGE");
    QTest::newRow("exactly at the limit")
        << QByteArray("[1,2,3,4]") << qsizetype(9) << QString() << QString();
    QTest::newRow("one byte over") << QByteArray("[1,2,3,4] ") << qsizetype(9) << tooLarge
                                   << QStringLiteral("JSON document of 10 bytes exceeds the "
                                                     "limit of 9 bytes");
    QTest::newRow("size is checked before syntax")
        << QByteArray("\xff\xfe garbage") << qsizetype(4) << tooLarge
        << QStringLiteral("JSON document of 10 bytes exceeds the limit of 4 bytes");
    QTest::newRow("zero limit, empty input")
        << QByteArray() << qsizetype(0) << QStringLiteral("M_NOT_JSON")
        << QStringLiteral("invalid JSON at byte 0: empty input, expected a JSON value");
    QTest::newRow("zero limit, one byte") << QByteArray("1") << qsizetype(0) << tooLarge
                                          << QStringLiteral("JSON document of 1 bytes exceeds "
                                                            "the limit of 0 bytes");
    const qsizetype mib16 = 16 * 1024 * 1024;
    const QByteArray big = '"' + QByteArray(mib16 - 2, 'x') + '"';
    QTest::newRow("16 MiB string at the default limit") << big << mib16 << QString() << QString();
    QTest::newRow("16 MiB + 1 over the default limit")
        << big + ' ' << mib16 << tooLarge
        << QStringLiteral("JSON document of 16777217 bytes exceeds the limit of 16777216 bytes");
}

void TestReader::maxBytes()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, maxBytes);
    QFETCH(QString, error);
    QFETCH(QString, message);
    json::ReadOptions options;
    options.maxBytes = maxBytes;
    const auto value = parseBytes(input, options);
    if (error.isEmpty()) {
        QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
        QCOMPARE(json::toCanonicalBytes(*value), input.trimmed());
        return;
    }
    QVERIFY(!value);
    QCOMPARE(value.error().errcode(), error);
    QCOMPARE(value.error().message, message);
}

void TestReader::parseObject_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("message");
    QTest::newRow("object") << QByteArray(" {\"b\":1,\"a\":[]} ") << QString() << QString();
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("M_BAD_JSON")
                           << QStringLiteral("expected a JSON object, got an array");
    QTest::newRow("integer") << QByteArray("1") << QStringLiteral("M_BAD_JSON")
                             << QStringLiteral("expected a JSON object, got an integer");
    QTest::newRow("string") << QByteArray("\"{}\"") << QStringLiteral("M_BAD_JSON")
                            << QStringLiteral("expected a JSON object, got a string");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("M_BAD_JSON")
                          << QStringLiteral("expected a JSON object, got null");
    QTest::newRow("syntax error passes through")
        << QByteArray("{") << QStringLiteral("M_NOT_JSON")
        << QStringLiteral("invalid JSON at byte 1: unterminated object");
}

void TestReader::parseObject()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QFETCH(QString, message);
    const auto object =
        json::parseObject(std::string_view(input.constData(), size_t(input.size())));
    if (error.isEmpty()) {
        QVERIFY(object);
        QCOMPARE(json::toCanonical(*object), std::string(R"({"a":[],"b":1})"));
        return;
    }
    QVERIFY(!object);
    QCOMPARE(object.error().errcode(), error);
    QCOMPARE(object.error().message, message);
}

void TestReader::mutatedDocuments()
{
    // Random damage to the sample (seeded, so reproducible): whatever comes out, a refusal
    // names a byte inside the input, and an acceptance round-trips through the canonical
    // form unchanged under the same policy.
    const QByteArray sample = test::readData(QStringLiteral("json/reader_sample_event.json"));
    std::mt19937 random(20240601);
    const auto pick = [&](qsizetype n) { return qsizetype(random() % quint32(n)); };
    const char interesting[] = "{}[]\",:\\u0e-+.9 \xff\xc3\xed\x80";
    int accepted = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray input = sample;
        for (int edits = 1 + int(pick(3)); edits > 0; --edits) {
            const qsizetype at = pick(input.size());
            switch (pick(4)) {
            case 0:
                input[at] = interesting[pick(sizeof interesting - 1)];
                break;
            case 1:
                input.remove(at, 1 + pick(8));
                break;
            case 2:
                input.insert(at, interesting[pick(sizeof interesting - 1)]);
                break;
            default:
                input.insert(at, input.mid(pick(input.size()), pick(16)));
                break;
            }
        }
        const auto policy = kPolicies[round % 3];
        const auto value = parseBytes(input, policy);
        if (!value) {
            const qsizetype offset = offsetIn(value.error().message);
            QVERIFY2(offset >= 0 && offset <= input.size(), qPrintable(value.error().message));
            QVERIFY(value.error().code == ErrorCode::NotJson ||
                    value.error().code == ErrorCode::BadJson);
            continue;
        }
        ++accepted;
        const QByteArray once = json::toCanonicalBytes(*value);
        const auto again = parseBytes(once, policy);
        QVERIFY2(again, once.constData());
        QCOMPARE(json::toCanonicalBytes(*again), once);
    }
    QVERIFY(accepted > 0); // some damage (inside strings) leaves valid JSON
}

QTEST_GUILESS_MAIN(TestReader)
#include "tst_reader.moc"
