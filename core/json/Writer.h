#pragma once
#include "core/json/Value.h"

#include <QByteArray>
#include <initializer_list>
#include <string>
#include <string_view>

namespace trellis::json {

/// Appends the canonical JSON encoding of `value` to `out` (appendices.md, "Canonical JSON"):
/// no insignificant whitespace, keys in code point order, UTF-8, only the escapes the grammar
/// lists. Integers print as integers; the non-canonical numbers only room versions 1-5 can
/// carry print as the reference implementation (Python) prints them.
void writeCanonical(const Value &value, std::string &out);

/// writeCanonical() of `object` as if the top-level keys in `omit` were absent; how signing
/// and hashing drop `signatures`, `unsigned` and `hashes` without copying the object.
void writeCanonicalWithout(const Object &object, std::initializer_list<std::string_view> omit,
                           std::string &out);

/// Writes an object member by member in canonical form; the caller gives the members in
/// key order (for writing a filtered or transformed object without building it).
class CanonicalObjectWriter
{
public:
    explicit CanonicalObjectWriter(std::string &out);
    void member(std::string_view key, const Value &value);
    void finish();

private:
    std::string &m_out;
    bool m_first = true;
};

/// The length of the canonical encoding, without writing it.
qsizetype canonicalLength(const Value &value);
qsizetype canonicalLength(const Object &object);
/// The length of `"key":value` in canonical form.
qsizetype canonicalMemberLength(std::string_view key, const Value &value);

std::string toCanonical(const Value &value);
QByteArray toCanonicalBytes(const Value &value);

/// The same content indented by two spaces per level, for people to read; keys stay in
/// canonical order.
std::string toIndented(const Value &value);

} // namespace trellis::json
