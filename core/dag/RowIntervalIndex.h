#pragma once
#include <vector>

namespace trellis::dag {

/// Closed row intervals [first, last] answering "which intervals overlap [a, b]" in
/// O(log n + k): a centred interval tree for those that start before `a` (they contain a),
/// plus the intervals sorted by start for those that start inside.
class RowIntervalIndex
{
public:
    struct Interval
    {
        int first = 0;
        int last = 0;
    };

    RowIntervalIndex() = default;
    /// Indexes `intervals` (first <= last), identified by their position in the list.
    explicit RowIntervalIndex(const std::vector<Interval> &intervals);

    /// Positions of the intervals that overlap [first, last], in no particular order.
    std::vector<int> overlapping(int first, int last) const;

private:
    struct TreeNode
    {
        int centre = 0;
        int left = -1; ///< child with intervals wholly before centre
        int right = -1;
        int begin = 0; ///< this node's intervals in m_byFirst / m_byLast
        int end = 0;
    };

    int build(std::vector<int> &ids, int lo, int hi);
    void stab(int row, std::vector<int> &out) const;

    std::vector<Interval> m_intervals;
    std::vector<TreeNode> m_tree;
    std::vector<int> m_byFirst;       ///< per tree node: ids sorted by first ascending
    std::vector<int> m_byLast;        ///< per tree node: ids sorted by last descending
    std::vector<int> m_sortedByFirst; ///< every id, sorted by first
    int m_root = -1;
};

} // namespace trellis::dag
