#include "core/dag/RowIntervalIndex.h"

#include <algorithm>

namespace trellis::dag {

RowIntervalIndex::RowIntervalIndex(const std::vector<Interval> &intervals) : m_intervals(intervals)
{
    std::vector<int> ids(intervals.size());
    for (size_t i = 0; i < ids.size(); ++i)
        ids[i] = int(i);
    m_sortedByFirst = ids;
    std::sort(m_sortedByFirst.begin(), m_sortedByFirst.end(), [this](int a, int b) {
        return m_intervals[size_t(a)].first < m_intervals[size_t(b)].first;
    });
    if (ids.empty())
        return;
    int lo = intervals.front().first;
    int hi = intervals.front().last;
    for (const Interval &interval : intervals) {
        lo = std::min(lo, interval.first);
        hi = std::max(hi, interval.last);
    }
    m_byFirst.reserve(ids.size());
    m_byLast.reserve(ids.size());
    m_root = build(ids, lo, hi);
}

// Every interval of `ids` lies in [lo, hi]; the depth is O(log(hi - lo)) since each level
// halves the row range.
int RowIntervalIndex::build(std::vector<int> &ids, int lo, int hi)
{
    if (ids.empty())
        return -1;
    TreeNode node;
    node.centre = lo + (hi - lo) / 2;
    std::vector<int> before, after, here;
    for (int id : ids) {
        const Interval &interval = m_intervals[size_t(id)];
        if (interval.last < node.centre)
            before.push_back(id);
        else if (interval.first > node.centre)
            after.push_back(id);
        else
            here.push_back(id);
    }
    ids.clear();
    ids.shrink_to_fit();
    node.begin = int(m_byFirst.size());
    std::sort(here.begin(), here.end(), [this](int a, int b) {
        return m_intervals[size_t(a)].first < m_intervals[size_t(b)].first;
    });
    m_byFirst.insert(m_byFirst.end(), here.begin(), here.end());
    std::sort(here.begin(), here.end(), [this](int a, int b) {
        return m_intervals[size_t(a)].last > m_intervals[size_t(b)].last;
    });
    m_byLast.insert(m_byLast.end(), here.begin(), here.end());
    node.end = int(m_byFirst.size());
    const int self = int(m_tree.size());
    m_tree.push_back(node);
    const int left = build(before, lo, node.centre - 1);
    const int right = build(after, node.centre + 1, hi);
    m_tree[size_t(self)].left = left;
    m_tree[size_t(self)].right = right;
    return self;
}

void RowIntervalIndex::stab(int row, std::vector<int> &out) const
{
    int at = m_root;
    while (at >= 0) {
        const TreeNode &node = m_tree[size_t(at)];
        if (row < node.centre) {
            for (int i = node.begin;
                 i < node.end && m_intervals[size_t(m_byFirst[size_t(i)])].first <= row; ++i)
                out.push_back(m_byFirst[size_t(i)]);
            at = node.left;
        } else if (row > node.centre) {
            for (int i = node.begin;
                 i < node.end && m_intervals[size_t(m_byLast[size_t(i)])].last >= row; ++i)
                out.push_back(m_byLast[size_t(i)]);
            at = node.right;
        } else {
            out.insert(out.end(), m_byFirst.begin() + node.begin, m_byFirst.begin() + node.end);
            at = -1;
        }
    }
}

std::vector<int> RowIntervalIndex::overlapping(int first, int last) const
{
    std::vector<int> out;
    if (first > last)
        return out;
    // Intervals that contain `first`, then those that start after it but not after `last`.
    stab(first, out);
    auto begin =
        std::upper_bound(m_sortedByFirst.begin(), m_sortedByFirst.end(), first,
                         [this](int row, int id) { return row < m_intervals[size_t(id)].first; });
    for (auto it = begin; it != m_sortedByFirst.end() && m_intervals[size_t(*it)].first <= last;
         ++it)
        out.push_back(*it);
    return out;
}

} // namespace trellis::dag
