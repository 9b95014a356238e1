#pragma once
#include "core/dag/DagNodeInput.h"
#include "core/events/Pdu.h"

#include <QList>
#include <QSet>
#include <QString>

namespace trellis::dag {

/// What a caller knows about events beyond their PDUs (the store, a replay): event IDs to
/// flag Outlier, Rejected or SoftFailed.
struct DagMarks
{
    QSet<QString> outliers;
    QSet<QString> rejected;
    QSet<QString> softFailed;
};

/// The layout's view of one PDU.
DagNodeInput dagInputFromPdu(const events::Pdu &event, const DagMarks &marks = {});
/// The layout's view of a room dump or any list of PDUs.
QList<DagNodeInput> dagInputFromPdus(const QList<events::Pdu> &events, const DagMarks &marks = {});

} // namespace trellis::dag
