#pragma once
#include <QFlags>
#include <QList>
#include <QString>
#include <optional>

namespace trellis::dag {

/// What the DAG view knows about an event besides its edges.
enum class DagFlag : quint8 {
    None = 0,
    ForwardExtremity = 1 << 0, ///< no event of the input cites it as a prev event
    Outlier = 1 << 1,          ///< held without the state before it (server-server-api)
    Rejected = 1 << 2,         ///< failed authorisation
    SoftFailed = 1 << 3,       ///< accepted into the DAG but not the timeline
    Missing = 1 << 4,          ///< cited as a prev event but absent from the input: a gap
};
Q_DECLARE_FLAGS(DagFlags, DagFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(DagFlags)

/// One event as the layout needs it: light enough for the GUI to feed live rooms, and
/// built from Pdus by dagInputFromPdus(). Only `id` and `prevIds` shape the layout;
/// depth, ts and id break ties between concurrent events.
struct DagNodeInput
{
    QString id;
    QList<QString> prevIds;
    QList<QString> authIds; ///< used only by dagAuthEdges(), never by the layout
    QString type;
    QString sender;
    std::optional<QString> stateKey; ///< present: a state event
    qint64 depth = 0;
    qint64 ts = 0; ///< origin_server_ts
    /// Outlier, Rejected, SoftFailed as the caller knows them; ForwardExtremity and Missing
    /// are computed by the layout and ignored here.
    DagFlags flags;
};

} // namespace trellis::dag
