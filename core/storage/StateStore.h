#pragma once
#include "core/base/Result.h"
#include "core/stateres/StateSet.h"
#include "core/storage/Database.h"

#include <QCache>

namespace trellis::storage {

/// Room states as groups with deltas (table state_groups): a group stores only how it
/// differs from an earlier group, or a full snapshot when there is none, when the chain of
/// deltas would pass kMaxChain, or when the delta is not smaller than half the state. Reading
/// a state walks at most kMaxChain groups; recent states are cached.
class StateStore
{
public:
    static constexpr int kMaxChain = 64;

    explicit StateStore(Database &db) : m_db(db), m_cache(256) {}

    /// Stores `state` (as a delta against `prevGroup` when that pays) and returns its group.
    Result<qint64> storeGroup(const QString &roomId, std::optional<qint64> prevGroup,
                              const stateres::StateSet &state);
    /// The state of a group; an Io error for a group that does not exist.
    Result<stateres::StateSet> state(qint64 group);
    /// Forgets cached states (tests; a caller that restored the file behind the store's back).
    void clearCache() { m_cache.clear(); }

private:
    Result<void> writeEntries(qint64 group, const stateres::StateSet &entries,
                              const QList<auth::StateKey> &removed);

    Result<qint64> nextGroupId();

    Database &m_db;
    QCache<qint64, stateres::StateSet> m_cache;
    /// Group IDs are handed out here, never reused within a process: a rolled-back
    /// transaction leaves its groups in the cache, and a later group taking the same ID
    /// would be read from the cache with the wrong state.
    qint64 m_nextGroup = 0;
};

} // namespace trellis::storage
