#include "core/dag/DagPduInput.h"

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
    if (marks.outliers.contains(input.id))
        input.flags |= DagFlag::Outlier;
    if (marks.rejected.contains(input.id))
        input.flags |= DagFlag::Rejected;
    if (marks.softFailed.contains(input.id))
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
