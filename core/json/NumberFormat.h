#pragma once
#include <QtGlobal>

#include <string>
#include <string_view>

namespace trellis::json {

/// Python's repr() of a float: the shortest digits that read back to the same double,
/// positional when the decimal exponent is in [-4, 16) (with ".0" when integral), otherwise
/// d[.ddd]e±XX with at least two exponent digits. Events of room versions 1-5 that carry
/// floats are hashed by the reference implementation in this form.
std::string pythonFloatRepr(double d);

/// The exact magnitude of a number literal (its sign aside): significant digits times
/// 10^exponent, the digits without leading or trailing zeros (none at all for zero).
/// Exponents are saturated far beyond any double's range.
struct Decimal
{
    std::string digits;
    qint64 exponent = 0;
};

/// decimalValue("-12.50e1") is {"125", 0}. `literal` must have RFC 8259 number syntax.
Decimal decimalValue(std::string_view literal);

} // namespace trellis::json
