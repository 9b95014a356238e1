#pragma once
#include <QString>
#include <string>
#include <string_view>

// Conversions between the UTF-8 std::strings of json::Value and Qt's QString.
namespace trellis::json {

inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

inline std::string toUtf8(const QString &text) { return text.toStdString(); }

} // namespace trellis::json
