#include "scoring/latencyhistogram.h"

#include <QtTest/QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using Opsdeck::Core::LatencyHistogram;

namespace {

enum class Shape { Uniform, LogNormal, Bimodal };

std::vector<qint64> samples(Shape shape, size_t n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<qint64> v;
    v.reserve(n);
    std::uniform_real_distribution<double> uniform(1e3, 5e8);          // 1 µs … 500 ms
    std::lognormal_distribution<double> lognormal(std::log(2e6), 1.0); // median 2 ms, long tail
    std::normal_distribution<double> fast(5e5, 5e4);                   // 0.5 ms ± 50 µs
    std::normal_distribution<double> slow(1.2e8, 1e7);                 // 120 ms ± 10 ms
    std::bernoulli_distribution pickSlow(0.07);
    for (size_t i = 0; i < n; ++i) {
        double x = 0;
        switch (shape) {
        case Shape::Uniform:
            x = uniform(rng);
            break;
        case Shape::LogNormal:
            x = lognormal(rng);
            break;
        case Shape::Bimodal:
            x = pickSlow(rng) ? slow(rng) : fast(rng);
            break;
        }
        v.push_back(std::max<qint64>(0, qint64(x)));
    }
    return v;
}

// Nearest rank on sorted data: the smallest value with at least ceil(q·n) values at or below it.
qint64 exactPercentile(const std::vector<qint64> &sorted, double q)
{
    const size_t rank = std::max<size_t>(1, size_t(std::ceil(q * double(sorted.size()))));
    return sorted[rank - 1];
}

} // namespace

class TestLatencyHistogram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accuracy_data()
    {
        QTest::addColumn<int>("shape");
        QTest::newRow("uniform") << int(Shape::Uniform);
        QTest::newRow("lognormal") << int(Shape::LogNormal);
        QTest::newRow("bimodal") << int(Shape::Bimodal);
    }

    void accuracy()
    {
        QFETCH(int, shape);
        auto data = samples(Shape(shape), 200'000, 7 + quint64(shape));
        LatencyHistogram h;
        for (qint64 v : data)
            h.record(v);
        std::sort(data.begin(), data.end());
        QCOMPARE(h.count(), quint64(data.size()));
        QCOMPARE(h.max(), data.back());
        QCOMPARE(h.min(), data.front());
        for (double q : {0.5, 0.9, 0.95, 0.99, 0.999}) {
            const double exact = double(exactPercentile(data, q));
            const double got = double(h.percentile(q));
            const double error = std::abs(got - exact) / exact;
            QVERIFY2(error <= 0.01, qPrintable(QStringLiteral("q=%1 exact=%2 got=%3 error=%4")
                                                   .arg(q)
                                                   .arg(exact)
                                                   .arg(got)
                                                   .arg(error)));
        }
        QCOMPARE(h.percentile(1.0), data.back());
        QCOMPARE(h.percentile(0.0), data.front());
        long double sum = 0;
        for (qint64 v : data)
            sum += v;
        QVERIFY(std::abs(h.mean() - double(sum / data.size())) < 1.0);
    }

    void bimodalSeparatesModes()
    {
        // p50 sits in the fast mode, p99 in the slow one: a coarse histogram would blur them.
        auto data = samples(Shape::Bimodal, 100'000, 99);
        LatencyHistogram h;
        for (qint64 v : data)
            h.record(v);
        QVERIFY(h.percentile(0.5) < 1'000'000);
        QVERIFY(h.percentile(0.99) > 90'000'000);
    }

    void exactBelow128()
    {
        LatencyHistogram h;
        for (qint64 v = 0; v < 128; ++v)
            h.record(v);
        QCOMPARE(h.percentile(0.5), qint64(63));
        QCOMPARE(h.percentile(1.0 / 128), qint64(0));
        QCOMPARE(h.max(), qint64(127));
    }

    void bucketBoundsContainValues()
    {
        std::mt19937_64 rng(3);
        for (int i = 0; i < 100'000; ++i) {
            const qint64 v = qint64((rng() >> 1) >> (rng() % 63));
            const int idx = LatencyHistogram::bucketIndex(v);
            QVERIFY(idx >= 0 && idx < LatencyHistogram::BucketCount);
            QVERIFY(LatencyHistogram::bucketLower(idx) <= v);
            if (idx < LatencyHistogram::BucketCount - 1) {
                QVERIFY(v < LatencyHistogram::bucketUpper(idx));
                // The width bound that gives the ≤ 1 % error.
                const qint64 width = LatencyHistogram::bucketUpper(idx) - LatencyHistogram::bucketLower(idx);
                QVERIFY(double(width) <= std::max(1.0, double(LatencyHistogram::bucketLower(idx)) / 128.0));
            }
        }
        // Consecutive buckets tile the range without gaps.
        for (int i = 0; i + 1 < LatencyHistogram::BucketCount; ++i)
            QCOMPARE(LatencyHistogram::bucketUpper(i), LatencyHistogram::bucketLower(i + 1));
    }

    void mergeEqualsRecordingTogether()
    {
        auto data = samples(Shape::LogNormal, 50'000, 11);
        LatencyHistogram all;
        LatencyHistogram a;
        LatencyHistogram b;
        for (size_t i = 0; i < data.size(); ++i) {
            all.record(data[i]);
            (i % 3 ? a : b).record(data[i]);
        }
        LatencyHistogram merged;
        merged.merge(a);
        merged.merge(b);
        QCOMPARE(merged.count(), all.count());
        QCOMPARE(merged.max(), all.max());
        QCOMPARE(merged.min(), all.min());
        for (double q : {0.1, 0.5, 0.9, 0.99, 0.999})
            QCOMPARE(merged.percentile(q), all.percentile(q));
        QCOMPARE(merged.buckets().size(), all.buckets().size());
        // Merging an empty histogram changes nothing; merging into an empty one copies.
        merged.merge(LatencyHistogram());
        QCOMPARE(merged.count(), all.count());
    }

    void empty()
    {
        LatencyHistogram h;
        QVERIFY(h.isEmpty());
        QCOMPARE(h.count(), quint64(0));
        QCOMPARE(h.percentile(0.99), qint64(0));
        QCOMPARE(h.max(), qint64(0));
        QCOMPARE(h.min(), qint64(0));
        QCOMPARE(h.mean(), 0.0);
        QVERIFY(h.buckets().isEmpty());
        h.record(5'000);
        h.reset();
        QVERIFY(h.isEmpty());
        QVERIFY(h.buckets().isEmpty());
    }

    void maxAndHugeValues()
    {
        LatencyHistogram h;
        h.record(1'000);
        h.record(qint64(1) << 50);   // beyond the top bucket: counted there, max stays exact
        h.record(-5);                // negative counts as 0
        QCOMPARE(h.count(), quint64(3));
        QCOMPARE(h.max(), qint64(1) << 50);
        QCOMPARE(h.min(), qint64(0));
        QCOMPARE(h.percentile(1.0), qint64(1) << 50);
        QCOMPARE(h.percentile(0.34), qint64(1'001));   // bucket [1000, 1004): its midpoint

        // The largest value there is: a percentile in the top bucket has no value past it to end at (the
        // bucket's end was max + 1, a signed overflow that the ASan+UBSan build stops on).
        LatencyHistogram top;
        top.record(std::numeric_limits<qint64>::max());
        top.record(std::numeric_limits<qint64>::max());
        QCOMPARE(top.percentile(0.5), std::numeric_limits<qint64>::max());
        QCOMPARE(top.percentile(0.99), std::numeric_limits<qint64>::max());
    }

    void bucketExport()
    {
        LatencyHistogram h;
        h.recordN(2'000'000, 10);
        h.recordN(2'000'001, 5);
        h.record(50'000'000);
        const auto buckets = h.buckets();
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets.at(0).count, quint64(15));
        QVERIFY(buckets.at(0).lowerNs <= 2'000'000 && 2'000'001 < buckets.at(0).upperNs);
        QCOMPARE(buckets.at(1).count, quint64(1));
        quint64 sum = 0;
        for (const auto &b : buckets)
            sum += b.count;
        QCOMPARE(sum, h.count());
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
