#include "core/services/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace trellis::services {

RateLimiter::RateLimiter(double perSecond, double burst, int maxKeys)
    : m_perSecond(perSecond), m_burst(burst), m_maxKeys(maxKeys)
{
}

qint64 RateLimiter::take(const QString &key, qint64 nowMs)
{
    if (m_buckets.size() >= m_maxKeys && !m_buckets.contains(key))
        forgetFullBuckets(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, {m_burst, nowMs});
    Bucket &bucket = *it;
    const double elapsed = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    bucket.tokens = std::min(m_burst, bucket.tokens + elapsed * m_perSecond);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return qint64(std::ceil((1.0 - bucket.tokens) / m_perSecond * 1000.0));
}

void RateLimiter::forgetFullBuckets(qint64 nowMs)
{
    const double fullAfterMs = m_burst / m_perSecond * 1000.0;
    m_buckets.removeIf([&](const auto &entry) {
        return double(nowMs - entry.value().updatedMs) >= fullAfterMs;
    });
    // Still full of recent keys: under attack from many addresses; start afresh rather than
    // grow without bound (new keys get a full bucket, as unknown ones always do).
    if (m_buckets.size() >= m_maxKeys)
        m_buckets.clear();
}

} // namespace trellis::services
