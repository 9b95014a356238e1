#pragma once
#include "core/base/Result.h"
#include "core/json/Value.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace trellis::json {

// Typed reads of one member of an untrusted object. A missing required member is
// M_MISSING_PARAM, a member of the wrong type M_BAD_JSON; both name the member, so a client
// learns exactly what to fix (client-server-api "API Standards").

Result<QString> requiredString(const Object &object, std::string_view key);
Result<std::optional<QString>> optionalString(const Object &object, std::string_view key);
Result<std::optional<qint64>> optionalInteger(const Object &object, std::string_view key);
Result<std::optional<bool>> optionalBool(const Object &object, std::string_view key);
Result<std::optional<Object>> optionalObject(const Object &object, std::string_view key);
Result<Object> requiredObject(const Object &object, std::string_view key);
/// An array whose every element is a string.
Result<std::optional<QStringList>> optionalStringList(const Object &object, std::string_view key);

/// JSON this server stored itself (client data kept as bytes) read back as an object, any
/// number allowed; an empty object if the bytes are damaged.
Object storedObject(const QByteArray &bytes);

} // namespace trellis::json
