#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace Opsdeck::Core {

LatencyHistogram::LatencyHistogram()
    : m_counts(BucketCount, 0)
{
}

int LatencyHistogram::bucketIndex(qint64 ns)
{
    if (ns < SubBuckets)
        return ns < 0 ? 0 : int(ns);
    const auto v = quint64(ns);
    const int exponent = 63 - std::countl_zero(v);
    if (exponent > MaxExponent)
        return BucketCount - 1;
    const int sub = int(v >> (exponent - SubBucketBits)) - SubBuckets;
    return (exponent - SubBucketBits + 1) * SubBuckets + sub;
}

qint64 LatencyHistogram::bucketLower(int index)
{
    if (index < SubBuckets)
        return index;
    const int exponent = index / SubBuckets + SubBucketBits - 1;
    const int sub = index % SubBuckets;
    return qint64(SubBuckets + sub) << (exponent - SubBucketBits);
}

qint64 LatencyHistogram::bucketUpper(int index)
{
    if (index < SubBuckets)
        return index + 1;
    if (index == BucketCount - 1)
        return std::numeric_limits<qint64>::max();
    const int exponent = index / SubBuckets + SubBucketBits - 1;
    const int sub = index % SubBuckets;
    return qint64(SubBuckets + sub + 1) << (exponent - SubBucketBits);
}

void LatencyHistogram::recordN(qint64 ns, quint64 n)
{
    if (n == 0)
        return;
    if (ns < 0)
        ns = 0;
    m_counts[size_t(bucketIndex(ns))] += n;
    if (m_count == 0) {
        m_min = ns;
        m_max = ns;
    } else {
        m_min = std::min(m_min, ns);
        m_max = std::max(m_max, ns);
    }
    m_count += n;
    m_sum += static_cast<long double>(ns) * static_cast<long double>(n);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::reset()
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_count = 0;
    m_min = 0;
    m_max = 0;
    m_sum = 0;
}

double LatencyHistogram::mean() const
{
    return m_count ? double(m_sum / static_cast<long double>(m_count)) : 0.0;
}

qint64 LatencyHistogram::percentile(double q) const
{
    if (m_count == 0)
        return 0;
    if (!(q > 0.0))
        return m_min;
    if (q >= 1.0)
        return m_max;
    // Nearest rank: the smallest value with at least ceil(q * count) values at or below it.
    auto rank = quint64(std::ceil(q * double(m_count)));
    rank = std::clamp<quint64>(rank, 1, m_count);
    quint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank) {
            const qint64 lower = bucketLower(i);
            // The top bucket ends at the largest value recorded (inclusive: INT64_MAX has no successor).
            const qint64 last = i == BucketCount - 1 ? m_max : bucketUpper(i) - 1;
            // The midpoint halves the worst-case error of reporting a bound; min/max are exact, so a bucket that
            // holds them cannot report a value outside the recorded range.
            const qint64 mid = lower + (last - lower) / 2;
            return std::clamp(mid, m_min, m_max);
        }
    }
    return m_max;
}

QList<LatencyHistogram::Bucket> LatencyHistogram::buckets() const
{
    QList<Bucket> result;
    for (int i = 0; i < BucketCount; ++i) {
        if (m_counts[size_t(i)] != 0)
            result.append(Bucket{bucketLower(i), bucketUpper(i), m_counts[size_t(i)]});
    }
    return result;
}

} // namespace Opsdeck::Core
