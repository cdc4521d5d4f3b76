#include "capacityplan.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLocale>

#include <cmath>

namespace Opsdeck::Core {

namespace {
struct CapacityText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::CapacityPlan)
};
} // namespace

Result<double> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    auto bad = [&text] {
        return fail(ErrorKind::Usage,
                    CapacityText::tr("'%1' is not a duration (examples: 90s, 15m, 2h, 3600)").arg(text));
    };
    if (t.isEmpty())
        return bad();
    double factor = 1;
    QString number = t;
    switch (t.back().toLower().unicode()) {
    case u's':
        number.chop(1);
        break;
    case u'm':
        factor = 60;
        number.chop(1);
        break;
    case u'h':
        factor = 3600;
        number.chop(1);
        break;
    case u'd':
        factor = 86400;
        number.chop(1);
        break;
    default:
        break;
    }
    bool ok = false;
    const double value = number.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return bad();
    if (value <= 0)
        return fail(ErrorKind::Usage, CapacityText::tr("'%1': the duration must be greater than 0").arg(text));
    // Beyond these a run, a warm-up or a capacity window is a typing mistake, and the nanosecond clocks that
    // schedule runs would overflow (or round to nothing) long before the arithmetic did.
    const double seconds = value * factor;
    if (seconds < MinDurationS)
        return fail(ErrorKind::Usage, CapacityText::tr("'%1': shorter than 1 ms").arg(text));
    if (seconds > MaxDurationS)
        return fail(ErrorKind::Usage, CapacityText::tr("'%1': longer than 366 days").arg(text));
    return seconds;
}

Result<CapacityPlan> planCapacity(qint64 rows, double withinS, double rowsPerSPerNode)
{
    if (rows < 0)
        return fail(ErrorKind::Usage, CapacityText::tr("capacity plan: rows must not be negative (%1)").arg(rows));
    if (!(withinS > 0))
        return fail(ErrorKind::Usage, CapacityText::tr("capacity plan: the duration must be greater than 0"));
    if (!(rowsPerSPerNode > 0) || !std::isfinite(rowsPerSPerNode))
        return fail(ErrorKind::Failed,
                    CapacityText::tr("capacity plan: no throughput was measured (0 rows/s), so no plan can be made"));
    CapacityPlan plan;
    plan.rows = rows;
    plan.withinS = withinS;
    plan.rowsPerSPerNode = rowsPerSPerNode;
    const double exact = double(rows) / (rowsPerSPerNode * withinS);
    // Beyond 2^53 nodes the count is no longer a whole number in a double, and far beyond any real fleet.
    constexpr double maxNodes = 9007199254740992.0;
    if (!std::isfinite(exact) || exact > maxNodes)
        return fail(ErrorKind::Usage,
                    CapacityText::tr("capacity plan: %1 rows within %2 s would need more than 2^53 nodes")
                        .arg(rows)
                        .arg(withinS));
    auto nodes = qint64(std::ceil(exact));
    // 1000 rows at 10 rows/s within 100 s is exactly one node; floating-point division may land a hair above 1.
    // Only a fraction that small is rounding noise: a whole number of nodes is never rounded down.
    const double whole = std::floor(exact);
    if (exact > whole && whole >= 1 && exact - whole <= 1e-12 * exact)
        nodes = qint64(whole);
    plan.nodes = nodes;
    return plan;
}

QString formatDuration(double seconds)
{
    struct Unit
    {
        double factor;
        char16_t suffix;
    };
    static constexpr Unit units[] = {{86400, u'd'}, {3600, u'h'}, {60, u'm'}};
    for (const auto &u : units) {
        if (seconds >= u.factor && std::fmod(seconds, u.factor) == 0)
            return QString::number(seconds / u.factor, 'g', 12) + QChar(u.suffix);
    }
    return QString::number(seconds, 'g', 12) + u's';
}

QJsonObject CapacityPlan::toJson() const
{
    return QJsonObject{{QStringLiteral("rows"), double(rows)},
                       {QStringLiteral("within_s"), withinS},
                       {QStringLiteral("rows_per_s_per_node"), rowsPerSPerNode},
                       {QStringLiteral("nodes"), double(nodes)},
                       {QStringLiteral("measured_nodes"), double(measuredNodes)}};
}

QString CapacityPlan::summary() const
{
    QLocale grouped = QLocale::c();
    grouped.setNumberOptions(QLocale::DefaultNumberOptions);
    if (measuredNodes > 1) {
        return CapacityText::tr("%1 node(s) score %2 rows within %3 (at %4 rows/s per node: the measured rate over "
                                "%5 endpoints)")
            .arg(grouped.toString(nodes), grouped.toString(rows), formatDuration(withinS),
                 grouped.toString(rowsPerSPerNode, 'f', 0), grouped.toString(measuredNodes));
    }
    return CapacityText::tr("%1 node(s) score %2 rows within %3 (at %4 rows/s per node)")
        .arg(grouped.toString(nodes), grouped.toString(rows), formatDuration(withinS),
             grouped.toString(rowsPerSPerNode, 'f', 0));
}

} // namespace Opsdeck::Core
