// The DAG layout: a deterministic topological order (one event per row, oldest at the top)
// and commit-graph lanes. See README.md for the invariants the tests check.
#include "core/dag/DagLayoutBuilder.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

namespace trellis::dag {

Result<DagLayout> layoutDag(const QList<DagNodeInput> &events)
{
    return DagLayoutBuilder(events).build();
}

Result<DagLayout> DagLayoutBuilder::build()
{
    if (auto indexed = index(); !indexed)
        return indexed.error();
    if (auto ordered = order(); !ordered)
        return ordered.error();
    assignLanes();
    return finish();
}

Result<void> DagLayoutBuilder::index()
{
    m_work.reserve(size_t(m_inputs.size()));
    m_byId.reserve(m_inputs.size());
    for (const DagNodeInput &input : m_inputs) {
        if (input.id.isEmpty())
            return Error::badJson(QStringLiteral("an event has an empty ID"));
        const qsizetype known = m_byId.size();
        m_byId[input.id] = int(m_work.size());
        if (m_byId.size() == known)
            return Error::badJson(QStringLiteral("event %1 appears twice").arg(input.id));
        m_work.push_back({&input, input.id, input.depth, input.ts, {}, {}, -1, -1});
    }
    const int present = int(m_work.size());
    for (int child = 0; child < present; ++child) {
        if (auto linked = linkPrevs(child); !linked)
            return linked.error();
    }
    return {};
}

// Resolves the prev IDs of `child`, adding a Missing node for each unknown one: its depth is
// one less than its shallowest child's and its ts its earliest child's, so that a gap sorts
// just above the events that cite it.
Result<void> DagLayoutBuilder::linkPrevs(int child)
{
    const DagNodeInput &input = *m_work[size_t(child)].input;
    std::vector<int> prevs;
    prevs.reserve(size_t(input.prevIds.size()));
    for (const QString &prevId : input.prevIds) {
        if (prevId.isEmpty())
            return Error::badJson(
                QStringLiteral("event %1 has an empty prev event ID").arg(input.id));
        if (prevId == input.id)
            return Error::badJson(QStringLiteral("event %1 is its own prev event").arg(input.id));
        auto found = m_byId.constFind(prevId);
        int prev = found == m_byId.cend() ? -1 : found.value();
        // Depths come from peers: never step below the smallest qint64.
        const qint64 above =
            input.depth > std::numeric_limits<qint64>::min() ? input.depth - 1 : input.depth;
        if (prev < 0) {
            prev = int(m_work.size());
            m_byId.insert(prevId, prev);
            m_work.push_back({nullptr, prevId, above, input.ts, {}, {}, -1, -1});
        }
        Work &parent = m_work[size_t(prev)];
        if (!parent.input) {
            parent.depth = std::min(parent.depth, above);
            parent.ts = std::min(parent.ts, input.ts);
        }
        prevs.push_back(prev);
    }
    std::sort(prevs.begin(), prevs.end());
    prevs.erase(std::unique(prevs.begin(), prevs.end()), prevs.end());
    for (int prev : prevs)
        m_work[size_t(prev)].children.push_back(child);
    m_work[size_t(child)].prevs = std::move(prevs);
    return {};
}

// The tie-break between events whose prev events are all placed: depth, then
// origin_server_ts, then event ID. A total order, so the layout ignores input order.
bool DagLayoutBuilder::before(int a, int b) const
{
    const Work &x = m_work[size_t(a)];
    const Work &y = m_work[size_t(b)];
    if (x.depth != y.depth)
        return x.depth < y.depth;
    if (x.ts != y.ts)
        return x.ts < y.ts;
    return x.id < y.id;
}

// Kahn's algorithm with a priority queue: prev events always come before their children.
Result<void> DagLayoutBuilder::order()
{
    std::vector<int> waiting(m_work.size());
    auto later = [this](int a, int b) { return before(b, a); };
    std::priority_queue<int, std::vector<int>, decltype(later)> ready(later);
    for (size_t i = 0; i < m_work.size(); ++i) {
        waiting[i] = int(m_work[i].prevs.size());
        if (waiting[i] == 0)
            ready.push(int(i));
    }
    m_rows.reserve(m_work.size());
    while (!ready.empty()) {
        const int next = ready.top();
        ready.pop();
        m_work[size_t(next)].row = int(m_rows.size());
        m_rows.push_back(next);
        for (int child : m_work[size_t(next)].children) {
            if (--waiting[size_t(child)] == 0)
                ready.push(child);
        }
    }
    if (m_rows.size() == m_work.size())
        return {};
    QString cycle;
    for (const Work &work : m_work) {
        if (work.row < 0 && (cycle.isEmpty() || work.id < cycle))
            cycle = work.id;
    }
    return Error::badJson(QStringLiteral("the prev events form a cycle through %1").arg(cycle));
}

// Top to bottom: an event with children reserves its lane from its row down to the row
// above its last child. An event takes over the lane of a prev event whose last child it is
// (the lowest such lane), otherwise the lowest free lane, so the lanes in use at a row are
// the events above it still waiting for a child below, plus the event itself.
void DagLayoutBuilder::assignLanes()
{
    std::vector<int> pending(m_work.size());
    for (size_t i = 0; i < m_work.size(); ++i)
        pending[i] = int(m_work[i].children.size());
    std::priority_queue<int, std::vector<int>, std::greater<int>> free;
    std::vector<int> ending;
    for (int at : m_rows) {
        Work &work = m_work[size_t(at)];
        ending.clear();
        for (int prev : work.prevs) {
            if (--pending[size_t(prev)] == 0)
                ending.push_back(m_work[size_t(prev)].lane);
        }
        std::sort(ending.begin(), ending.end());
        if (!ending.empty()) {
            work.lane = ending.front();
            for (size_t i = 1; i < ending.size(); ++i)
                free.push(ending[i]);
        } else if (!free.empty()) {
            work.lane = free.top();
            free.pop();
        } else {
            work.lane = m_laneCount++;
        }
        if (work.children.empty())
            free.push(work.lane);
    }
}

// The part of a user ID after the first ':', one string per sender rather than per event.
QString DagLayoutBuilder::serverOf(const QString &sender)
{
    auto found = m_servers.constFind(sender);
    if (found != m_servers.cend())
        return found.value();
    const qsizetype colon = sender.indexOf(QLatin1Char(':'));
    return *m_servers.insert(sender, colon < 0 ? QString() : sender.mid(colon + 1));
}

DagNode DagLayoutBuilder::makeNode(const Work &work)
{
    DagNode node;
    node.row = work.row;
    node.lane = work.lane;
    node.id = work.id;
    node.depth = work.depth;
    node.ts = work.ts;
    node.prevCount = int(work.prevs.size());
    node.childCount = int(work.children.size());
    const DagNodeInput *input = work.input;
    if (!input) {
        node.flags = DagFlag::Missing;
        return node;
    }
    node.type = input->type;
    node.sender = input->sender;
    node.server = serverOf(input->sender);
    node.isState = input->stateKey.has_value();
    node.flags = input->flags & (DagFlag::Outlier | DagFlag::Rejected | DagFlag::SoftFailed);
    if (work.children.empty())
        node.flags |= DagFlag::ForwardExtremity;
    return node;
}

DagLayout DagLayoutBuilder::finish()
{
    DagLayout layout;
    layout.m_laneCount = m_laneCount;
    layout.m_nodes.reserve(m_rows.size());
    layout.m_firstEdge.reserve(m_rows.size() + 1);
    std::vector<RowIntervalIndex::Interval> spans;
    std::vector<int> prevRows;
    for (int at : m_rows) {
        const Work &work = m_work[size_t(at)];
        layout.m_nodes.push_back(makeNode(work));
        // Edges by (child row, prev row): prevEdges() and the JSON rely on that order.
        layout.m_firstEdge.push_back(int(layout.m_edges.size()));
        prevRows.clear();
        for (int prev : work.prevs)
            prevRows.push_back(m_work[size_t(prev)].row);
        std::sort(prevRows.begin(), prevRows.end());
        for (int prevRow : prevRows) {
            const int prevLane = m_work[size_t(m_rows[size_t(prevRow)])].lane;
            layout.m_edges.push_back({work.row, work.lane, prevRow, prevLane, prevLane});
            spans.push_back({prevRow, work.row});
        }
    }
    layout.m_firstEdge.push_back(int(layout.m_edges.size()));
    layout.m_index = RowIntervalIndex(spans);
    // The ID index becomes the layout's: rows instead of work indexes, no second hashing.
    for (auto it = m_byId.begin(); it != m_byId.end(); ++it)
        it.value() = m_work[size_t(it.value())].row;
    layout.m_rows = std::move(m_byId);
    return layout;
}

} // namespace trellis::dag
