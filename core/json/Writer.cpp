#include "core/json/Writer.h"

#include <algorithm>
#include <charconv>

namespace trellis::json {
namespace {

// Escapes per the canonical grammar: the two-character forms for \b \t \n \f \r " \, and
// \u00XX (lower-case hex) for the other ASCII control characters; everything else raw.
void writeString(std::string_view s, std::string &out)
{
    out.push_back('"');
    const char *run = s.data();
    const char *end = s.data() + s.size();
    for (const char *p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, size_t(p - run));
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\r':
            out.append("\\r");
            break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(run, size_t(end - run));
    out.push_back('"');
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

void writeCanonicalWithout(const Object &object, std::initializer_list<std::string_view> omit,
                           std::string &out)
{
    out.push_back('{');
    bool first = true;
    for (const Member &member : object) {
        if (std::find(omit.begin(), omit.end(), member.key) != omit.end())
            continue;
        if (!first)
            out.push_back(',');
        first = false;
        writeString(member.key, out);
        out.push_back(':');
        writeValue(member.value, out, 0, 0);
    }
    out.push_back('}');
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
