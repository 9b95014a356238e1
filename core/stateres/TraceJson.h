#pragma once
#include "core/json/Value.h"
#include "core/stateres/Trace.h"

namespace trellis::stateres {

/// {"<type>": {"<state_key>": "<event_id>"}}, keys in canonical order.
json::Object stateSetToJson(const StateSet &state);

/// The whole trace as JSON, for `trellis-cli resolve --trace` and room dumps.
json::Object traceToJson(const Trace &trace, const events::RoomVersion &version);

} // namespace trellis::stateres
