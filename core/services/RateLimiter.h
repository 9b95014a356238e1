#pragma once
#include <QHash>
#include <QString>

namespace trellis::services {

/// A token bucket per key (e.g. per client address for /login, against password guessing):
/// `burst` attempts at once, refilled at `perSecond`. Keys idle long enough to be full again
/// are forgotten, so hostile clients cannot grow the table without bound.
class RateLimiter
{
public:
    RateLimiter(double perSecond, double burst, int maxKeys = 10'000);

    /// Takes one token for `key` at time `nowMs`; 0 when allowed, else how many milliseconds
    /// until a token is available.
    qint64 take(const QString &key, qint64 nowMs);
    /// How many keys are remembered (bounded by maxKeys).
    int keyCount() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        double tokens;
        qint64 updatedMs;
    };
    void forgetFullBuckets(qint64 nowMs);

    double m_perSecond;
    double m_burst;
    int m_maxKeys;
    QHash<QString, Bucket> m_buckets;
};

} // namespace trellis::services
