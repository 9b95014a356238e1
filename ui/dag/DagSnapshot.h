#pragma once
#include "core/dag/DagLayout.h"
#include "core/dag/DagNodeInput.h"
#include "core/events/Pdu.h"
#include "core/room/RoomReplay.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>

namespace trellis::ui::dag {

/// Everything the DAG view and the details panel show of one room dump, built off the GUI
/// thread by RoomDumpDocument and never changed afterwards: the GUI only holds
/// shared_ptr<const DagSnapshot>, so a newer snapshot can replace it at any time.
struct DagSnapshot
{
    QString path; ///< the dump file
    const events::RoomVersion *version = nullptr;
    QList<events::Pdu> events;                ///< in dump order
    QHash<QString, int> eventIndex;           ///< event ID -> index in events
    QList<trellis::dag::DagNodeInput> inputs; ///< parallel to events
    trellis::dag::DagLayout layout;
    /// The replay's verdicts, once it ran (null before: the view is shown before the replay).
    std::shared_ptr<const room::RoomReplay> replay;
    QString replayError; ///< why the replay failed, if it did

    const events::Pdu *event(const QString &id) const
    {
        const int index = eventIndex.value(id, -1);
        return index < 0 ? nullptr : &events[index];
    }
    const trellis::dag::DagNodeInput *input(const QString &id) const
    {
        const int index = eventIndex.value(id, -1);
        return index < 0 ? nullptr : &inputs[index];
    }
};

using DagSnapshotPtr = std::shared_ptr<const DagSnapshot>;

} // namespace trellis::ui::dag
