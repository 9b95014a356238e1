#pragma once
#include "core/base/Result.h"
#include "core/dag/DagLayout.h"
#include "core/dag/DagNodeInput.h"

#include <QList>
#include <vector>

namespace trellis::dag {

/// Lays out an event DAG (see core/dag/README.md for the algorithm and its invariants).
/// Input order does not matter. Fails on an empty or duplicate event ID and on a cycle of
/// prev events; prev events absent from the input become nodes flagged Missing.
/// O((n + e) log n) time, O(n + e) memory.
Result<DagLayout> layoutDag(const QList<DagNodeInput> &events);

/// The steps of layoutDag(): index, order, lanes, edges.
class DagLayoutBuilder
{
public:
    explicit DagLayoutBuilder(const QList<DagNodeInput> &events) : m_inputs(events) {}
    Result<DagLayout> build();

private:
    struct Work
    {
        const DagNodeInput *input = nullptr; ///< nullptr: a missing event
        QString id;
        qint64 depth = 0;
        qint64 ts = 0;
        std::vector<int> prevs; ///< distinct, by work index
        std::vector<int> children;
        int row = -1;
        int lane = -1;
    };

    Result<void> index();
    Result<void> linkPrevs(int child);
    Result<void> order();
    void assignLanes();
    DagNode makeNode(const Work &work);
    DagLayout finish();
    bool before(int a, int b) const;
    QString serverOf(const QString &sender);

    const QList<DagNodeInput> &m_inputs;
    std::vector<Work> m_work;
    QHash<QString, int> m_byId;
    std::vector<int> m_rows;           ///< work index of each row
    QHash<QString, QString> m_servers; ///< sender -> server name
    int m_laneCount = 0;
};

} // namespace trellis::dag
