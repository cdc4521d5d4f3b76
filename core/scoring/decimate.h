#pragma once

#include "latencyhistogram.h"

#include <QtCore/QList>
#include <QtCore/QPointF>

namespace Opsdeck::Core {

/// Reduces a series to at most four points per pixel column (first, minimum, maximum and last of the points that
/// fall into the column, in x order), which a line chart draws identically to the full series: every spike keeps
/// its extreme and the line's entry and exit of each column are kept. `points` must be sorted by x; `columns` is
/// the plot's width in pixels. Returns the input unchanged when it already has no more than 4·columns points or
/// columns ≤ 0. For Qt Charts: build the list once and call `series->replace(decimated)`.
[[nodiscard]] QList<QPointF> decimateMinMax(const QList<QPointF> &points, int columns);

/// As above over a fixed x range [xMin, xMax] (the chart's visible axis range): points outside it are dropped,
/// except the nearest point on each side so that the line still enters and leaves the plot.
[[nodiscard]] QList<QPointF> decimateMinMax(const QList<QPointF> &points, int columns, double xMin, double xMax);

/// Reduces the buckets of a latency histogram (sorted and disjoint, as LatencyHistogram::buckets() returns them)
/// to at most `bins` bins for a histogram chart: bins of equal width on a logarithmic axis from the first
/// bucket's lower bound to the last one's upper bound, each bucket counted in the bin its midpoint falls into, so
/// the total count is kept. Empty bins are left out. Returns the input unchanged when it has no more than `bins`
/// buckets (they are readable as they are), and an empty list when bins ≤ 0.
[[nodiscard]] QList<LatencyHistogram::Bucket> decimateHistogram(const QList<LatencyHistogram::Bucket> &buckets,
                                                                int bins);

} // namespace Opsdeck::Core
