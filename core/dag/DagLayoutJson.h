#pragma once
#include "core/dag/DagLayout.h"
#include "core/json/Value.h"

#include <QStringList>

namespace trellis::dag {

/// Flag names as the JSON and SVG outputs spell them: "forward_extremity", "outlier",
/// "rejected", "soft_failed", "missing".
QStringList dagFlagNames(DagFlags flags);

/// The layout as JSON (the format of `trellis-cli dag layout --format json`):
/// {"rows": n, "lanes": n,
///  "nodes": [{"id", "row", "lane", "depth", "ts", "flags": [...], and unless missing:
///             "type", "sender", "state": bool}],
///  "edges": [{"from": child row, "to": prev row, "path": [[row, lane], ...]}]}
json::Value dagLayoutToJson(const DagLayout &layout);

} // namespace trellis::dag
