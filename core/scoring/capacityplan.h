#pragma once

#include "common/error.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace Opsdeck::Core {

/// How many nodes score `rows` rows within `withinS` seconds when one node scores `rowsPerSPerNode` rows/s:
/// nodes = ⌈rows / (rowsPerSPerNode · withinS)⌉.
struct CapacityPlan
{
    qint64 rows = 0;
    double withinS = 0;
    double rowsPerSPerNode = 0;
    qint64 nodes = 0;
    /// The nodes the throughput was measured on: a remote run over several endpoints measured them all, and
    /// counts each endpoint as one node (rowsPerSPerNode is its share).
    qint64 measuredNodes = 1;

    /// {"rows", "within_s", "rows_per_s_per_node", "nodes", "measured_nodes"}.
    [[nodiscard]] QJsonObject toJson() const;
    /// One line for people: "12 nodes score 1,000,000,000 rows within 15m (at 92,593 rows/s per node)".
    [[nodiscard]] QString summary() const;
};

/// Durations parseDuration() accepts: 1 ms to 366 days.
inline constexpr double MinDurationS = 1e-3;
inline constexpr double MaxDurationS = 366.0 * 86400.0;

/// Parses a duration: "90s", "15m", "2h", "1d", plain seconds ("3600", "2.5"); fractions allowed ("1.5h").
/// Errors (Usage) quote the text: "'15x' is not a duration (examples: 90s, 15m, 2h, 3600)"; zero or negative
/// durations are refused, as are durations outside MinDurationS…MaxDurationS.
[[nodiscard]] Result<double> parseDuration(const QString &text);

/// The plan for `rows` rows within `withinS` seconds at `rowsPerSPerNode` rows/s per node. Errors (Usage):
/// negative rows, a duration ≤ 0, or more than 2^53 nodes; (Failed) a throughput ≤ 0 (nothing was scored, so no
/// plan can be made).
[[nodiscard]] Result<CapacityPlan> planCapacity(qint64 rows, double withinS, double rowsPerSPerNode);

/// Seconds in the largest whole unit: 90 → "90s", 900 → "15m", 7200 → "2h", 172800 → "2d" (for summaries).
[[nodiscard]] QString formatDuration(double seconds);

} // namespace Opsdeck::Core
