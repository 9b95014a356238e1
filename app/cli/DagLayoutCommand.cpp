#include "app/cli/DagLayoutCommand.h"

#include "app/cli/CliSupport.h"
#include "core/dag/DagLayoutBuilder.h"
#include "core/dag/DagLayoutJson.h"
#include "core/dag/DagPduInput.h"
#include "core/dag/DagSvgWriter.h"
#include "core/room/RoomDump.h"
#include "core/room/RoomReplay.h"

#include <cstdio>

namespace trellis::cli {
namespace {

const QString kFormat = QStringLiteral("format");
const QString kReplay = QStringLiteral("replay");

// --replay: check every event as a server would and flag the rejected ones.
std::optional<dag::DagMarks> replayMarks(const room::RoomDump &dump)
{
    room::RoomReplay replay(*dump.version);
    if (auto ran = replay.run(dump.events); !ran) {
        inputError(ran.error().prefixed(QStringLiteral("--replay")));
        return std::nullopt;
    }
    dag::DagMarks marks;
    for (const events::Pdu &event : dump.events) {
        const room::EventOutcome *outcome = replay.outcome(event.eventId());
        if (outcome && outcome->rejection != stateres::Rejection::None)
            marks.rejected.insert(event.eventId().toString());
    }
    return marks;
}

} // namespace

int dagLayoutCommand(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("dag layout"),
                   QStringLiteral("Lay out the event DAG of a room dump (a JSON array of PDUs) as "
                                  "the explorer draws it: one event per row, oldest first, lanes "
                                  "for concurrent branches, prev events missing from the dump as "
                                  "placeholders. JSON: {\"rows\", \"lanes\", \"nodes\": [{\"id\", "
                                  "\"row\", \"lane\", \"flags\", ...}], \"edges\": [{\"from\", "
                                  "\"to\", \"path\"}]}; SVG: a picture of it."));
    cl.addOption({kFormat, QStringLiteral("Output format: json (default) or svg."),
                  QStringLiteral("FORMAT"), QStringLiteral("json")});
    cl.addOption({kReplay, QStringLiteral(
                               "Check every event as a server would and flag the rejected ones.")});
    cl.addRoomVersionOption(false);
    cl.addPrettyOption();
    cl.addPositional(QStringLiteral("FILE"),
                     QStringLiteral("Room dump; '-' or nothing reads stdin."),
                     QStringLiteral("[FILE]"));
    if (auto stop = cl.parse(arguments, 0, 1))
        return *stop;
    const QString format = cl.value(kFormat);
    if (format != QStringLiteral("json") && format != QStringLiteral("svg"))
        return usageError(
            QStringLiteral("dag layout: unknown format '%1' (json or svg)").arg(format));
    const auto bytes = readInput(cl.positional(), 0);
    if (!bytes)
        return UsageError;
    auto dump = room::readRoomDump(std::string_view(bytes->constData(), size_t(bytes->size())),
                                   cl.roomVersion());
    if (!dump)
        return inputError(dump.error());
    dag::DagMarks marks;
    if (cl.isSet(kReplay)) {
        auto replayed = replayMarks(*dump);
        if (!replayed)
            return UsageError;
        marks = std::move(*replayed);
    }
    auto layout = dag::layoutDag(dag::dagInputFromPdus(dump->events, marks));
    if (!layout)
        return inputError(layout.error());
    if (format == QStringLiteral("json")) {
        writeJson(dag::dagLayoutToJson(*layout), cl.pretty());
        return Success;
    }
    const QByteArray svg = dag::DagSvgWriter::write(*layout);
    std::fwrite(svg.constData(), 1, size_t(svg.size()), stdout);
    std::fflush(stdout);
    return Success;
}

} // namespace trellis::cli
