#include "decimate.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Opsdeck::Core {

namespace {

// Appends the column's representative points in x order, without repeating a point.
void flushColumn(QList<QPointF> &out, qsizetype first, qsizetype minIdx, qsizetype maxIdx, qsizetype last,
                 const QList<QPointF> &points)
{
    qsizetype idx[4] = {first, minIdx, maxIdx, last};
    std::sort(std::begin(idx), std::end(idx));
    qsizetype previous = -1;
    for (qsizetype i : idx) {
        if (i != previous)
            out.append(points.at(i));
        previous = i;
    }
}

QList<QPointF> decimateRange(const QList<QPointF> &points, qsizetype begin, qsizetype end, int columns, double xMin,
                             double xMax)
{
    QList<QPointF> out;
    out.reserve(qsizetype(columns) * 4 + 2);
    const double width = xMax - xMin;
    qsizetype column = -1;
    qsizetype first = 0;
    qsizetype minIdx = 0;
    qsizetype maxIdx = 0;
    qsizetype last = 0;
    for (qsizetype i = begin; i < end; ++i) {
        const QPointF &p = points.at(i);
        qsizetype c = width > 0 ? qsizetype((p.x() - xMin) / width * columns) : 0;
        c = std::clamp<qsizetype>(c, 0, columns - 1);
        if (c != column) {
            if (column >= 0)
                flushColumn(out, first, minIdx, maxIdx, last, points);
            column = c;
            first = minIdx = maxIdx = last = i;
            continue;
        }
        last = i;
        if (p.y() < points.at(minIdx).y())
            minIdx = i;
        if (p.y() > points.at(maxIdx).y())
            maxIdx = i;
    }
    if (column >= 0)
        flushColumn(out, first, minIdx, maxIdx, last, points);
    return out;
}

} // namespace

QList<QPointF> decimateMinMax(const QList<QPointF> &points, int columns)
{
    if (columns <= 0 || points.size() <= qsizetype(columns) * 4)
        return points;
    return decimateRange(points, 0, points.size(), columns, points.first().x(), points.last().x());
}

QList<QPointF> decimateMinMax(const QList<QPointF> &points, int columns, double xMin, double xMax)
{
    if (points.isEmpty() || columns <= 0)
        return points;
    auto lessX = [](const QPointF &p, double x) { return p.x() < x; };
    auto xLess = [](double x, const QPointF &p) { return x < p.x(); };
    qsizetype begin = std::lower_bound(points.cbegin(), points.cend(), xMin, lessX) - points.cbegin();
    qsizetype end = std::upper_bound(points.cbegin(), points.cend(), xMax, xLess) - points.cbegin();
    QList<QPointF> out;
    if (begin > 0)
        out.append(points.at(begin - 1));
    if (end - begin <= qsizetype(columns) * 4)
        out.append(points.mid(begin, end - begin));
    else
        out.append(decimateRange(points, begin, end, columns, xMin, xMax));
    if (end < points.size())
        out.append(points.at(end));
    return out;
}

QList<LatencyHistogram::Bucket> decimateHistogram(const QList<LatencyHistogram::Bucket> &buckets, int bins)
{
    if (bins <= 0)
        return {};
    if (buckets.size() <= bins)
        return buckets;
    // Log-spaced edges; the exact buckets below 128 ns start at 0, which a logarithm cannot place, so the axis
    // starts at 1 ns at the lowest.
    const double lo = double(std::max<qint64>(1, buckets.first().lowerNs));
    // The edge kept as an integer: the top bucket may end at INT64_MAX, which as a double (2^63) converts back
    // to no qint64.
    const qint64 hiNs = std::max<qint64>(buckets.last().upperNs, qint64(lo) + 1);
    const double hi = double(hiNs);
    std::vector<qint64> edges;
    edges.reserve(size_t(bins) + 1);
    edges.push_back(buckets.first().lowerNs);
    for (int i = 1; i < bins; ++i) {
        const double at = lo * std::pow(hi / lo, double(i) / bins);
        if (!(at < hi))
            break;
        const auto edge = qint64(std::llround(at));
        if (edge > edges.back() && edge < hiNs)
            edges.push_back(edge);   // narrow ranges round several edges onto one nanosecond: keep it once
    }
    edges.push_back(hiNs);

    QList<LatencyHistogram::Bucket> out;
    size_t bin = 0;
    for (const LatencyHistogram::Bucket &b : buckets) {
        const qint64 mid = b.lowerNs + (b.upperNs - b.lowerNs) / 2;
        while (bin + 2 < edges.size() && mid >= edges[bin + 1])
            ++bin;
        if (out.isEmpty() || out.last().lowerNs != edges[bin])
            out.append({edges[bin], edges[bin + 1], 0});
        out.last().count += b.count;
    }
    return out;
}

} // namespace Opsdeck::Core
