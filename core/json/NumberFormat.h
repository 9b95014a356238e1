#pragma once
#include <string>

namespace trellis::json {

/// Python's repr() of a float: the shortest digits that read back to the same double,
/// positional when the decimal exponent is in [-4, 16) (with ".0" when integral), otherwise
/// d[.ddd]e±XX with at least two exponent digits. Events of room versions 1-5 that carry
/// floats are hashed by the reference implementation in this form.
std::string pythonFloatRepr(double d);

} // namespace trellis::json
