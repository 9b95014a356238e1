// A strict reader for untrusted JSON (RFC 8259) with the Matrix number rules of
// appendices.md "Canonical JSON" and the room versions' "Canonical JSON" sections.
#include "core/json/Reader.h"

#include "core/json/NumberFormat.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace trellis::json {
namespace {

constexpr const char *kOutOfCanonicalRange =
    "integer outside the canonical range [-(2^53)+1, 2^53-1]";

class Parser
{
public:
    Parser(std::string_view bytes, const ReadOptions &options)
        : m_begin(bytes.data()), m_p(bytes.data()), m_end(bytes.data() + bytes.size()),
          m_options(options)
    {
    }

    Result<Value> run()
    {
        Value value;
        skipWhitespace();
        if (m_p == m_end)
            return fail(ErrorCode::NotJson, "empty input, expected a JSON value");
        if (!parseValue(value))
            return *m_error;
        skipWhitespace();
        if (m_p != m_end)
            return fail(ErrorCode::NotJson, "unexpected data after the JSON value");
        return value;
    }

private:
    Error fail(ErrorCode code, const QString &what, qsizetype at = -1)
    {
        const qsizetype offset = at >= 0 ? at : qsizetype(m_p - m_begin);
        m_error = Error{code, QStringLiteral("invalid JSON at byte %1: %2").arg(offset).arg(what),
                        {}};
        return *m_error;
    }
    Error fail(ErrorCode code, const char *what, qsizetype at = -1)
    {
        return fail(code, QString::fromUtf8(what), at);
    }
    bool failed(ErrorCode code, const char *what, qsizetype at = -1)
    {
        fail(code, what, at);
        return false;
    }

    void skipWhitespace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool parseValue(Value &out)
    {
        switch (*m_p) {
        case '{':
            return parseObject(out);
        case '[':
            return parseArray(out);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case 't':
            return parseLiteral("true", Value(true), out);
        case 'f':
            return parseLiteral("false", Value(false), out);
        case 'n':
            return parseLiteral("null", Value(), out);
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return parseNumber(out);
            return failed(ErrorCode::NotJson, "unexpected character, expected a JSON value");
        }
    }

    bool parseLiteral(std::string_view word, Value value, Value &out)
    {
        if (size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return failed(ErrorCode::NotJson, "invalid literal, expected true, false or null");
        m_p += word.size();
        out = std::move(value);
        return true;
    }

    bool enter()
    {
        if (++m_depth > m_options.maxDepth)
            return failed(ErrorCode::BadJson, "nested too deeply");
        return true;
    }

    bool parseArray(Value &out)
    {
        if (!enter())
            return false;
        ++m_p; // '['
        Array array;
        skipWhitespace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (m_p == m_end)
                    return failed(ErrorCode::NotJson, "unterminated array");
                array.emplace_back();
                if (!parseValue(array.back()))
                    return false;
                skipWhitespace();
                if (m_p == m_end)
                    return failed(ErrorCode::NotJson, "unterminated array");
                if (*m_p == ']') {
                    ++m_p;
                    break;
                }
                if (*m_p != ',')
                    return failed(ErrorCode::NotJson, "expected ',' or ']' in array");
                ++m_p;
            }
        }
        --m_depth;
        out = Value(std::move(array));
        return true;
    }

    bool parseObject(Value &out)
    {
        if (!enter())
            return false;
        const qsizetype start = m_p - m_begin;
        ++m_p; // '{'
        std::vector<Member> members;
        skipWhitespace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (m_p == m_end)
                    return failed(ErrorCode::NotJson, "unterminated object");
                if (*m_p != '"')
                    return failed(ErrorCode::NotJson, "expected a string key in object");
                members.emplace_back();
                if (!parseString(members.back().key))
                    return false;
                skipWhitespace();
                if (m_p == m_end || *m_p != ':')
                    return failed(ErrorCode::NotJson, "expected ':' after object key");
                ++m_p;
                skipWhitespace();
                if (m_p == m_end)
                    return failed(ErrorCode::NotJson, "unterminated object");
                if (!parseValue(members.back().value))
                    return false;
                skipWhitespace();
                if (m_p == m_end)
                    return failed(ErrorCode::NotJson, "unterminated object");
                if (*m_p == '}') {
                    ++m_p;
                    break;
                }
                if (*m_p != ',')
                    return failed(ErrorCode::NotJson, "expected ',' or '}' in object");
                ++m_p;
            }
        }
        --m_depth;

        // Sort by UTF-8 bytes, i.e. by code point; keys already in order cost one pass.
        const auto byKey = [](const Member &a, const Member &b) { return a.key < b.key; };
        if (!std::is_sorted(members.begin(), members.end(), byKey))
            std::sort(members.begin(), members.end(), byKey);
        const auto duplicate = std::adjacent_find(
            members.begin(), members.end(),
            [](const Member &a, const Member &b) { return a.key == b.key; });
        if (duplicate != members.end()) {
            fail(ErrorCode::BadJson,
                 QStringLiteral("duplicate key \"%1\" in object")
                     .arg(QString::fromStdString(duplicate->key)),
                 start);
            return false;
        }
        out = Value(Object::fromSortedUnique(std::move(members)));
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char32_t &unit)
    {
        if (m_end - m_p < 4)
            return failed(ErrorCode::NotJson, "truncated \\u escape");
        unit = 0;
        for (int i = 0; i < 4; ++i) {
            const int v = hexValue(m_p[i]);
            if (v < 0)
                return failed(ErrorCode::NotJson, "invalid hex digit in \\u escape");
            unit = (unit << 4) | char32_t(v);
        }
        m_p += 4;
        return true;
    }

    static void appendUtf8(std::string &out, char32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(char(cp));
        } else if (cp < 0x800) {
            out.push_back(char(0xC0 | (cp >> 6)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(char(0xE0 | (cp >> 12)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(char(0xF0 | (cp >> 18)));
            out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        }
    }

    bool parseEscape(std::string &out)
    {
        ++m_p; // '\'
        if (m_p == m_end)
            return failed(ErrorCode::NotJson, "unterminated string");
        const char c = *m_p++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out.push_back(c);
            return true;
        case 'b':
            out.push_back('\b');
            return true;
        case 'f':
            out.push_back('\f');
            return true;
        case 'n':
            out.push_back('\n');
            return true;
        case 'r':
            out.push_back('\r');
            return true;
        case 't':
            out.push_back('\t');
            return true;
        case 'u':
            break;
        default:
            return failed(ErrorCode::NotJson, "invalid escape sequence in string", m_p - 2 - m_begin);
        }
        char32_t unit = 0;
        if (!parseHex4(unit))
            return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return failed(ErrorCode::NotJson, "lone low surrogate in \\u escape");
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return failed(ErrorCode::NotJson, "lone high surrogate in \\u escape");
            m_p += 2;
            char32_t low = 0;
            if (!parseHex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return failed(ErrorCode::NotJson, "high surrogate not followed by a low one");
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, unit);
        return true;
    }

    // Length of the valid UTF-8 sequence at m_p (a non-ASCII lead byte), or 0 (RFC 3629 §4).
    size_t utf8SequenceLength() const
    {
        const auto *s = reinterpret_cast<const unsigned char *>(m_p);
        const size_t avail = size_t(m_end - m_p);
        const auto cont = [&](size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
            return i < avail && s[i] >= lo && s[i] <= hi;
        };
        const unsigned char b = s[0];
        if (b >= 0xC2 && b <= 0xDF)
            return cont(1) ? 2 : 0;
        if (b == 0xE0)
            return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
            return cont(1) && cont(2) ? 3 : 0;
        if (b == 0xED) // excludes UTF-16 surrogates
            return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (b == 0xF0)
            return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (b >= 0xF1 && b <= 0xF3)
            return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (b == 0xF4)
            return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }

    bool parseString(std::string &out)
    {
        ++m_p; // opening quote
        const char *run = m_p;
        for (;;) {
            if (m_p == m_end)
                return failed(ErrorCode::NotJson, "unterminated string");
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out.append(run, size_t(m_p - run));
                ++m_p;
                return true;
            }
            if (c == '\\') {
                out.append(run, size_t(m_p - run));
                if (!parseEscape(out))
                    return false;
                run = m_p;
            } else if (c < 0x20) {
                return failed(ErrorCode::NotJson, "unescaped control character in string");
            } else if (c < 0x80) {
                ++m_p;
            } else {
                const size_t length = utf8SequenceLength();
                if (length == 0)
                    return failed(ErrorCode::NotJson, "invalid UTF-8 in string");
                m_p += length;
            }
        }
    }

    bool parseNumber(Value &out)
    {
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        const auto isDigit = [this] { return m_p != m_end && *m_p >= '0' && *m_p <= '9'; };
        if (!isDigit())
            return failed(ErrorCode::NotJson, "expected a digit in number");
        if (*m_p == '0') {
            ++m_p;
            if (isDigit())
                return failed(ErrorCode::NotJson, "leading zero in number", start - m_begin);
        } else {
            while (isDigit())
                ++m_p;
        }
        const char *integerEnd = m_p;
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            if (!isDigit())
                return failed(ErrorCode::NotJson, "expected a digit after '.' in number");
            while (isDigit())
                ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!isDigit())
                return failed(ErrorCode::NotJson, "expected a digit in the number's exponent");
            while (isDigit())
                ++m_p;
        }
        const std::string_view literal(start, size_t(m_p - start));
        const qsizetype at = start - m_begin;
        if (m_p == integerEnd)
            return integerLiteral(literal, at, out);
        switch (m_options.numbers) {
        case NumberPolicy::Strict:
            return failed(ErrorCode::BadJson,
                          "numbers must be integers without fraction or exponent", at);
        case NumberPolicy::Canonical:
            return canonicalInteger(literal, at, out);
        case NumberPolicy::Lenient:
            break;
        }
        return lenientFloat(literal, at, out);
    }

    // A literal without fraction or exponent.
    bool integerLiteral(std::string_view literal, qsizetype at, Value &out)
    {
        const bool negative = literal.front() == '-';
        // Magnitude, saturating past 2^64 so that overflow is visible.
        quint64 magnitude = 0;
        bool overflow = false;
        for (const char c : literal.substr(negative ? 1 : 0)) {
            const unsigned digit = unsigned(c - '0');
            if (magnitude > (~quint64(0) - digit) / 10) {
                overflow = true;
                break;
            }
            magnitude = magnitude * 10 + digit;
        }
        const NumberPolicy policy = m_options.numbers;
        if (policy != NumberPolicy::Lenient) {
            if (overflow || magnitude > quint64(kMaxCanonicalInteger))
                return failed(ErrorCode::BadJson, kOutOfCanonicalRange, at);
            if (negative && magnitude == 0 && policy == NumberPolicy::Strict)
                return failed(ErrorCode::BadJson, "-0 is not allowed", at);
            out = Value(negative ? -qint64(magnitude) : qint64(magnitude));
            return true;
        }
        const quint64 limit = negative ? quint64(1) << 63 : (quint64(1) << 63) - 1;
        if (!overflow && magnitude <= limit) {
            out = Value(negative ? qint64(0 - magnitude) : qint64(magnitude));
            return true;
        }
        // Lenient and beyond 64 bits: Python keeps such integers exact.
        out = Value(NonCanonicalNumber{std::string(literal)});
        return true;
    }

    // NumberPolicy::Canonical for a literal with fraction or exponent: judged by its exact
    // decimal value, not by the double it rounds to (1.0000000000000000001 is no integer).
    bool canonicalInteger(std::string_view literal, qsizetype at, Value &out)
    {
        const Decimal decimal = decimalValue(literal);
        if (decimal.digits.empty()) { // 0.0, -0e5: zero, and -0 becomes 0
            out = Value(qint64(0));
            return true;
        }
        if (decimal.exponent < 0)
            return failed(ErrorCode::BadJson, "numbers must be integers", at);
        if (qint64(decimal.digits.size()) + decimal.exponent > 16)
            return failed(ErrorCode::BadJson, kOutOfCanonicalRange, at);
        quint64 magnitude = 0;
        for (const char c : decimal.digits)
            magnitude = magnitude * 10 + unsigned(c - '0');
        for (qint64 i = 0; i < decimal.exponent; ++i)
            magnitude *= 10;
        if (magnitude > quint64(kMaxCanonicalInteger))
            return failed(ErrorCode::BadJson, kOutOfCanonicalRange, at);
        out = Value(literal.front() == '-' ? -qint64(magnitude) : qint64(magnitude));
        return true;
    }

    // NumberPolicy::Lenient for a literal with fraction or exponent: a float in Python,
    // printed by repr().
    bool lenientFloat(std::string_view literal, qsizetype at, Value &out)
    {
        double d = 0;
        const auto [ptr, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), d);
        if (ec == std::errc::result_out_of_range) {
            // from_chars reports underflow as well as overflow. Python's float() rounds a
            // too small value to a signed zero; a too large one becomes infinity, which the
            // reference implementation's canonical JSON encoder refuses.
            const Decimal decimal = decimalValue(literal);
            if (qint64(decimal.digits.size()) + decimal.exponent > 0)
                return failed(ErrorCode::BadJson, "number too large for a 64-bit float", at);
            d = literal.front() == '-' ? -0.0 : 0.0;
        } else if (ec != std::errc() || ptr != literal.data() + literal.size()
                   || !std::isfinite(d)) {
            return failed(ErrorCode::BadJson, "number too large for a 64-bit float", at);
        }
        out = Value(NonCanonicalNumber{pythonFloatRepr(d)});
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const ReadOptions &m_options;
    int m_depth = 0;
    std::optional<Error> m_error;
};

} // namespace

Result<Value> parse(std::string_view bytes, const ReadOptions &options)
{
    if (qsizetype(bytes.size()) > options.maxBytes)
        return Error::tooLarge(QStringLiteral("JSON document of %1 bytes exceeds the limit of "
                                              "%2 bytes")
                                   .arg(bytes.size())
                                   .arg(options.maxBytes));
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        return Error::notJson(QStringLiteral("invalid JSON at byte 0: a byte order mark is not "
                                             "allowed"));
    return Parser(bytes, options).run();
}

Result<Object> parseObject(std::string_view bytes, const ReadOptions &options)
{
    auto value = parse(bytes, options);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error::badJson(QStringLiteral("expected a JSON object, got %1")
                                  .arg(QString::fromLatin1(typeName(value->type()))));
    return std::move(*value->asObject());
}

} // namespace trellis::json
