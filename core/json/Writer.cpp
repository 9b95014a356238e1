#include "core/json/Writer.h"

#include <algorithm>
#include <charconv>

namespace trellis::json {
namespace {

// Escapes per the canonical grammar: the two-character forms for \b \t \n \f \r " \, and
// \u00XX (lower-case hex) for the other ASCII control characters; everything else raw. An
// empty view means "write the byte as it is".
struct EscapeTable
{
    char storage[128][7] = {};
    unsigned char length[128] = {};

    constexpr EscapeTable()
    {
        constexpr char hex[] = "0123456789abcdef";
        for (int c = 0; c < 0x20; ++c) {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            for (int i = 0; i < 6; ++i)
                storage[c][i] = escape[i];
            length[c] = 6;
        }
        const auto shortForm = [this](int c, char letter) {
            storage[c][0] = '\\';
            storage[c][1] = letter;
            length[c] = 2;
        };
        shortForm('\b', 'b');
        shortForm('\t', 't');
        shortForm('\n', 'n');
        shortForm('\f', 'f');
        shortForm('\r', 'r');
        shortForm('"', '"');
        shortForm('\\', '\\');
    }

    std::string_view escape(unsigned char c) const
    {
        return c < 128 ? std::string_view(storage[c], length[c]) : std::string_view();
    }
};
constexpr EscapeTable kEscapes;

void writeString(std::string_view s, std::string &out)
{
    out.push_back('"');
    const char *run = s.data();
    const char *end = s.data() + s.size();
    for (const char *p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // the common case, decided without the table
        const std::string_view escape = kEscapes.escape(c);
        out.append(run, size_t(p - run));
        out.append(escape);
        run = p + 1;
    }
    out.append(run, size_t(end - run));
    out.push_back('"');
}

qsizetype stringLength(std::string_view s)
{
    qsizetype length = qsizetype(s.size()) + 2;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\')
            length += qsizetype(kEscapes.escape(c).size()) - 1;
    }
    return length;
}

qsizetype integerLength(qint64 i)
{
    char buffer[24];
    return qsizetype(std::to_chars(buffer, buffer + sizeof buffer, i).ptr - buffer);
}

void writeInteger(qint64 i, std::string &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, i);
    out.append(buffer, size_t(result.ptr - buffer));
}

void writeValue(const Value &value, std::string &out, int indent, int level)
{
    const auto newline = [&](int depth) {
        if (indent > 0) {
            out.push_back('\n');
            out.append(size_t(indent * depth), ' ');
        }
    };
    switch (value.type()) {
    case Type::Null:
        out.append("null");
        return;
    case Type::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case Type::Integer:
        writeInteger(value.toInteger(), out);
        return;
    case Type::NonCanonicalNumber:
        out.append(value.asNonCanonicalNumber()->text);
        return;
    case Type::String:
        writeString(value.toString(), out);
        return;
    case Type::Array: {
        const Array &array = value.toArray();
        out.push_back('[');
        for (size_t i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.push_back(',');
            newline(level + 1);
            writeValue(array[i], out, indent, level + 1);
        }
        if (!array.empty())
            newline(level);
        out.push_back(']');
        return;
    }
    case Type::Object: {
        const Object &object = value.toObject();
        out.push_back('{');
        bool first = true;
        for (const Member &member : object) {
            if (!first)
                out.push_back(',');
            first = false;
            newline(level + 1);
            writeString(member.key, out);
            out.push_back(':');
            if (indent > 0)
                out.push_back(' ');
            writeValue(member.value, out, indent, level + 1);
        }
        if (!object.isEmpty())
            newline(level);
        out.push_back('}');
        return;
    }
    }
}

} // namespace

void writeCanonical(const Value &value, std::string &out) { writeValue(value, out, 0, 0); }

CanonicalObjectWriter::CanonicalObjectWriter(std::string &out) : m_out(out)
{
    m_out.push_back('{');
}

void CanonicalObjectWriter::member(std::string_view key, const Value &value)
{
    if (!m_first)
        m_out.push_back(',');
    m_first = false;
    writeString(key, m_out);
    m_out.push_back(':');
    writeValue(value, m_out, 0, 0);
}

void CanonicalObjectWriter::finish() { m_out.push_back('}'); }

void writeCanonicalWithout(const Object &object, std::initializer_list<std::string_view> omit,
                           std::string &out)
{
    CanonicalObjectWriter writer(out);
    for (const Member &member : object) {
        if (std::find(omit.begin(), omit.end(), member.key) == omit.end())
            writer.member(member.key, member.value);
    }
    writer.finish();
}

qsizetype canonicalLength(const Value &value)
{
    switch (value.type()) {
    case Type::Null:
        return 4;
    case Type::Bool:
        return value.toBool() ? 4 : 5;
    case Type::Integer:
        return integerLength(value.toInteger());
    case Type::NonCanonicalNumber:
        return qsizetype(value.asNonCanonicalNumber()->text.size());
    case Type::String:
        return stringLength(value.toString());
    case Type::Array: {
        const Array &array = value.toArray();
        qsizetype length = 2 + (array.empty() ? 0 : qsizetype(array.size()) - 1);
        for (const Value &element : array)
            length += canonicalLength(element);
        return length;
    }
    case Type::Object:
        return canonicalLength(value.toObject());
    }
    return 0;
}

qsizetype canonicalLength(const Object &object)
{
    qsizetype length = 2 + (object.isEmpty() ? 0 : object.size() - 1);
    for (const Member &member : object)
        length += canonicalMemberLength(member.key, member.value);
    return length;
}

qsizetype canonicalMemberLength(std::string_view key, const Value &value)
{
    return stringLength(key) + 1 + canonicalLength(value);
}

std::string toCanonical(const Value &value)
{
    std::string out;
    writeCanonical(value, out);
    return out;
}

QByteArray toCanonicalBytes(const Value &value)
{
    const std::string out = toCanonical(value);
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::string toIndented(const Value &value)
{
    std::string out;
    writeValue(value, out, 2, 0);
    return out;
}

} // namespace trellis::json
