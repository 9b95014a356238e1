#pragma once
#include "core/json/QtStrings.h"
#include "core/json/Value.h"

// JSON shapes the /sync response repeats (client-server-api "GET /sync").
namespace trellis::services::syncjson {

inline json::Value text(const QString &value) { return json::Value(json::toUtf8(value)); }

/// {"events": [...]}, the wrapper of every event list in a sync response.
inline json::Object wrapEvents(json::Array events)
{
    json::Object object;
    object.insert("events", json::Value(std::move(events)));
    return object;
}

} // namespace trellis::services::syncjson
