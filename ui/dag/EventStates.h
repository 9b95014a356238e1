#pragma once
#include "core/stateres/StateSet.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace trellis::ui::dag {

/// The states around some events of a room dump, computed by a replay in the background for
/// the events the user selected (big dumps keep no states for the others).
struct EventStates
{
    QStringList eventIds; ///< the events asked for
    QHash<QString, stateres::StateSet> before;
    QHash<QString, stateres::StateSet> after;
    QString error;          ///< why they could not be computed, if so
    quint64 generation = 0; ///< which request of the document this answers
};

} // namespace trellis::ui::dag
