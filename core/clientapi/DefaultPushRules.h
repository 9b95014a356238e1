#pragma once
#include "core/base/UserId.h"
#include "core/json/Value.h"

namespace trellis::clientapi {

/// The server-default push rules of the current spec for `user`, as GET /pushrules/ shows
/// them: {"global": {"override": [...], "content": [], "room": [], "sender": [], "underride":
/// [...]}} (client-server-api "Push Notifications": "Predefined Rules").
json::Object defaultPushRules(const UserId &user);

} // namespace trellis::clientapi
