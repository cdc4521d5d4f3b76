#pragma once

#include <QtCore/QList>
#include <QtCore/QtGlobal>

#include <vector>

namespace Opsdeck::Core {

/// A log-linear (HDR-style) histogram of latencies in nanoseconds.
///
/// Values below 128 ns are counted exactly; above, every power of two [2^e, 2^(e+1)) is split into 128 equal
/// sub-buckets, so a bucket is at most 1/128 of its lower bound wide and the value reported for it (its
/// midpoint, clamped to the recorded min/max) is within 0.4 % of any value it holds. Values of 2^45 ns (about
/// 9.8 hours) and more share the top bucket; max() stays exact.
///
/// Not thread-safe: each thread records into its own histogram and the owner merges them.
class LatencyHistogram final
{
public:
    static constexpr int SubBucketBits = 7;
    static constexpr int SubBuckets = 1 << SubBucketBits;
    static constexpr int MaxExponent = 44;
    static constexpr int BucketCount = (MaxExponent - SubBucketBits + 2) * SubBuckets;

    /// One bucket of the histogram: values in [lowerNs, upperNs).
    struct Bucket
    {
        qint64 lowerNs = 0;
        qint64 upperNs = 0;
        quint64 count = 0;
    };

    LatencyHistogram();

    /// Counts one value; negative values count as 0.
    void record(qint64 ns) { recordN(ns, 1); }
    /// Counts `n` occurrences of one value.
    void recordN(qint64 ns, quint64 n);
    /// Adds every count of `other` (the result is as if both had recorded into one histogram).
    void merge(const LatencyHistogram &other);
    /// Forgets everything.
    void reset();

    [[nodiscard]] quint64 count() const { return m_count; }
    [[nodiscard]] bool isEmpty() const { return m_count == 0; }
    /// Smallest and largest value recorded (exact); 0 when empty.
    [[nodiscard]] qint64 min() const { return m_count ? m_min : 0; }
    [[nodiscard]] qint64 max() const { return m_count ? m_max : 0; }
    /// Arithmetic mean of the recorded values (exact up to double rounding); 0 when empty.
    [[nodiscard]] double mean() const;

    /// The nearest-rank percentile: the value v such that at least ⌈q·count⌉ recorded values are ≤ v, within the
    /// histogram's relative error (≤ 0.4 %). q is clamped to [0, 1]; q = 0 gives min(), q = 1 gives max().
    /// Returns 0 when empty.
    [[nodiscard]] qint64 percentile(double q) const;

    /// The non-empty buckets in increasing order (for a latency chart).
    [[nodiscard]] QList<Bucket> buckets() const;

    /// The bucket index a value falls into, and the bounds of a bucket (exposed for tests and charts).
    [[nodiscard]] static int bucketIndex(qint64 ns);
    [[nodiscard]] static qint64 bucketLower(int index);
    [[nodiscard]] static qint64 bucketUpper(int index);

private:
    std::vector<quint64> m_counts;
    quint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    long double m_sum = 0;
};

} // namespace Opsdeck::Core
