#pragma once
#include <QDate>
#include <QString>

#include <optional>

namespace trellis::ui::dag {

/// Where the explorer's "Go to" field asks to go: a depth (a whole number) or a time, the
/// sender's clock of origin_server_ts, read in the local time zone as the timeline shows it.
struct JumpTarget
{
    enum class Kind { Depth, Time };
    Kind kind = Kind::Depth;
    qint64 value = 0; ///< the depth, or milliseconds since the epoch

    /// Reads "42" (depth), "2026-12-06 14:30[:15]", "2026-12-06T14:30", "2026-12-06" (its
    /// start) or "14:30[:15]" (on `day`, the day of the selected event or today). Nothing for
    /// anything else, or for a negative depth.
    static std::optional<JumpTarget> parse(const QString &text, QDate day);
};

} // namespace trellis::ui::dag
