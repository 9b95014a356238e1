#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"

#include <string_view>

namespace trellis::json {

/// How numbers are checked (appendices.md, "Canonical JSON"; rooms/v1 "Canonical JSON";
/// rooms/v6 "Canonical JSON").
enum class NumberPolicy : quint8 {
    /// Room versions 6 and later: only integer literals in [-(2^53)+1, 2^53-1]; no fraction,
    /// no exponent, no `-0`.
    Strict,
    /// Any number whose exact decimal value is such an integer, however it is written (`1e10`,
    /// `-0`, `2.0`; not `1.0000000000000000001`, though it rounds to 1.0); the canonical writer
    /// prints it as that integer. For JSON that is not an event.
    Canonical,
    /// Room versions 1-5, where servers must not enforce canonical JSON: any number, kept as
    /// Python's json reads and prints it. Integers stay exact (beyond 64 bits as their text);
    /// a fraction or exponent makes a double, printed by repr(), underflow giving a signed
    /// zero. Only numbers too large for a double are refused, as Python's canonical JSON
    /// encoders refuse the infinity they become.
    Lenient,
};

struct ReadOptions
{
    /// Inputs larger than this are refused before parsing (M_TOO_LARGE).
    qsizetype maxBytes = 16 * 1024 * 1024;
    /// Deepest nesting of arrays and objects accepted.
    int maxDepth = 512;
    NumberPolicy numbers = NumberPolicy::Canonical;
};

/// Parses untrusted bytes as one JSON text (RFC 8259): valid UTF-8 only (no BOM), no lone
/// surrogate escapes, no duplicate keys, numbers as `options.numbers` allows. Errors say what
/// was wrong and at which byte: M_NOT_JSON for syntax, M_BAD_JSON for duplicate keys and
/// numbers, M_TOO_LARGE for size.
Result<Value> parse(std::string_view bytes, const ReadOptions &options = {});

/// parse(), then requires the top-level value to be an object.
Result<Object> parseObject(std::string_view bytes, const ReadOptions &options = {});

/// The largest magnitude canonical JSON allows: 2^53 - 1.
inline constexpr qint64 kMaxCanonicalInteger = (qint64(1) << 53) - 1;

} // namespace trellis::json
