#include "core/dag/DagPduInput.h"

#include "core/events/PduKeys.h"

namespace trellis::dag {
namespace {

QList<QString> idStrings(const QList<EventId> &ids)
{
    QList<QString> strings;
    strings.reserve(ids.size());
    for (const EventId &id : ids)
        strings.append(id.toString());
    return strings;
}

} // namespace

DagNodeInput dagInputFromPdu(const events::Pdu &event, const DagMarks &marks)
{
    DagNodeInput input;
    input.id = event.eventId().toString();
    input.prevIds = idStrings(event.prevEvents());
    input.authIds = idStrings(event.authEvents());
    input.type = event.type();
    input.sender = event.sender().toString();
    input.stateKey = event.stateKey();
    input.depth = event.depth();
    input.ts = event.originServerTs();
    // The caller's marks, and those the dump carries in `unsigned` (events::dumpmark).
    const json::Value &unsignedData = event.json()[events::key::kUnsigned];
    const auto marked = [&unsignedData](std::string_view key) {
        return unsignedData.isObject() && unsignedData.toObject()[key].toBool();
    };
    if (marks.outliers.contains(input.id) || marked(events::dumpmark::kOutlier))
        input.flags |= DagFlag::Outlier;
    if (marks.rejected.contains(input.id))
        input.flags |= DagFlag::Rejected;
    if (marks.softFailed.contains(input.id) || marked(events::dumpmark::kSoftFailed))
        input.flags |= DagFlag::SoftFailed;
    return input;
}

QList<DagNodeInput> dagInputFromPdus(const QList<events::Pdu> &events, const DagMarks &marks)
{
    QList<DagNodeInput> inputs;
    inputs.reserve(events.size());
    for (const events::Pdu &event : events)
        inputs.append(dagInputFromPdu(event, marks));
    return inputs;
}

} // namespace trellis::dag
