#include "core/json/NumberFormat.h"

#include <charconv>
#include <algorithm>
#include <string_view>

namespace trellis::json {

std::string pythonFloatRepr(double d)
{
    char buffer[40];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
    std::string_view sci(buffer, size_t(result.ptr - buffer)); // "-d.ddde+XX"
    std::string out;
    if (sci.front() == '-') {
        out.push_back('-');
        sci.remove_prefix(1);
    }
    const size_t e = sci.find('e');
    int exponent = 0;
    const std::string_view exponentText = sci.substr(e + (sci[e + 1] == '+' ? 2 : 1));
    std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), exponent);
    std::string digits;
    for (char c : sci.substr(0, e)) {
        if (c != '.')
            digits.push_back(c);
    }

    if (exponent >= -4 && exponent < 16) {
        const size_t integerDigits = size_t(exponent) + 1;
        if (exponent < 0) {
            out.append("0.");
            out.append(size_t(-exponent - 1), '0');
            out.append(digits);
        } else if (integerDigits >= digits.size()) {
            out.append(digits);
            out.append(integerDigits - digits.size(), '0');
            out.append(".0");
        } else {
            out.append(digits, 0, integerDigits);
            out.push_back('.');
            out.append(digits, integerDigits);
        }
        return out;
    }
    out.push_back(digits[0]);
    if (digits.size() > 1) {
        out.push_back('.');
        out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10)
        out.push_back('0');
    out.append(std::to_string(magnitude));
    return out;
}

Decimal decimalValue(std::string_view literal)
{
    // Exponents beyond this are saturated; the value is then far out of any range anyway.
    constexpr qint64 kExponentCap = qint64(1) << 48;
    Decimal decimal;
    size_t i = literal.front() == '-' ? 1 : 0;
    qint64 fractionDigits = 0;
    bool inFraction = false;
    for (; i < literal.size() && literal[i] != 'e' && literal[i] != 'E'; ++i) {
        if (literal[i] == '.') {
            inFraction = true;
            continue;
        }
        decimal.digits.push_back(literal[i]);
        if (inFraction)
            ++fractionDigits;
    }
    qint64 exponent = 0;
    bool negativeExponent = false;
    if (i < literal.size()) {
        ++i; // 'e'
        if (literal[i] == '+' || literal[i] == '-')
            negativeExponent = literal[i++] == '-';
        for (; i < literal.size(); ++i)
            exponent = std::min(exponent * 10 + (literal[i] - '0'), kExponentCap);
    }
    decimal.exponent = (negativeExponent ? -exponent : exponent) - fractionDigits;

    const size_t firstNonZero = decimal.digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos)
        return {};
    decimal.digits.erase(0, firstNonZero);
    while (decimal.digits.back() == '0') {
        decimal.digits.pop_back();
        ++decimal.exponent;
    }
    return decimal;
}

} // namespace trellis::json
