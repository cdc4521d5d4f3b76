#include "benchreport.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace Opsdeck::Core {

namespace {

struct ReportText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BenchReport)
};

const QString Valid = QStringLiteral("VALID");
const QString Invalid = QStringLiteral("INVALID");

// JSON has no NaN/Infinity: such values become null rather than an invalid document.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

QString grouped(double v, int decimals = 0)
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(v, 'f', decimals);
}

QString ms(double v)
{
    if (v >= 100)
        return QString::number(v, 'f', 0);
    if (v >= 10)
        return QString::number(v, 'f', 1);
    if (v >= 1)
        return QString::number(v, 'f', 2);
    return QString::number(v, 'f', 3);
}

// A percentage of at most three significant digits: 0.25, 1.5, 12.3, 100.
QString percent(double v)
{
    return QString::number(v, 'g', 3);
}

QString csvQuote(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString quoted = field;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}

QJsonObject windowToJson(const BenchWindow &w)
{
    return QJsonObject{{QStringLiteral("t"), round3(w.t)},
                       {QStringLiteral("span_s"), w.spanS},
                       {QStringLiteral("rows"), w.rows},
                       {QStringLiteral("batches"), w.batches},
                       {QStringLiteral("errors"), w.errors},
                       {QStringLiteral("rows_per_s"), number(w.rowsPerS)},
                       {QStringLiteral("p50_ms"), number(w.p50Ms)},
                       {QStringLiteral("p99_ms"), number(w.p99Ms)}};
}

// The integer a JSON number stands for exactly; nullopt for anything else (another type, a fraction, a value
// outside qint64).
std::optional<qint64> integral(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    // toInteger() answers its default for a fraction or a value out of range; INT64_MIN is the one integer that
    // could be taken for that default.
    constexpr qint64 none = std::numeric_limits<qint64>::min();
    const qint64 i = v.toInteger(none);
    if (i != none || v.toDouble() == double(none))
        return i;
    return std::nullopt;
}

// Reading back what toJson() wrote: each accessor checks the type and remembers the first field at fault.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &o, QString path = {})
        : m_o(o)
        , m_path(std::move(path))
    {
    }
    QString string(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isString())
            return v.toString();
        if (required || !(v.isUndefined() || v.isNull()))
            mark(key);
        return {};
    }
    double real(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isDouble())
            return v.toDouble();
        if (v.isNull())
            return std::nan("");
        if (required || !v.isUndefined())
            mark(key);
        return 0;
    }
    // A JSON number with an integral value in [min, max]: toInteger() alone read 1.5 and 1e300 as 0.
    qint64 integer(const char *key, bool required = true, qint64 min = std::numeric_limits<qint64>::min(),
                   qint64 max = std::numeric_limits<qint64>::max())
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (const auto i = integral(v); i && *i >= min && *i <= max)
            return *i;
        if (required || !v.isUndefined())
            mark(key);
        return 0;
    }
    // integer() for the fields held in an int.
    int intInteger(const char *key, bool required = true)
    {
        return int(integer(key, required, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }
    bool boolean(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isBool())
            return v.toBool();
        if (required || !v.isUndefined())
            mark(key);
        return false;
    }
    QJsonObject object(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isObject())
            return v.toObject();
        if (required || !(v.isUndefined() || v.isNull()))
            mark(key);
        return {};
    }
    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isArray())
            return v.toArray();
        if (required || !v.isUndefined())
            mark(key);
        return {};
    }
    bool has(const char *key) const
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        return !v.isUndefined() && !v.isNull();
    }
    void mark(const char *key)
    {
        if (m_bad.isEmpty())
            m_bad = m_path.isEmpty() ? QString::fromLatin1(key) : m_path + u'.' + QString::fromLatin1(key);
    }
    void adopt(const JsonReader &inner)
    {
        if (m_bad.isEmpty())
            m_bad = inner.m_bad;
    }
    [[nodiscard]] QString bad() const { return m_bad; }

private:
    QJsonObject m_o;
    QString m_path;
    QString m_bad;
};

} // namespace

QJsonObject CompareResult::toJson() const
{
    return QJsonObject{{QStringLiteral("backend"), backend},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("values"), values},
                       {QStringLiteral("max_abs_diff"), number(maxAbsDiff)},
                       {QStringLiteral("max_rel_diff"), number(maxRelDiff)},
                       {QStringLiteral("tolerance"), tolerance},
                       {QStringLiteral("over_tolerance"), overTolerance},
                       {QStringLiteral("errors"), errors}};
}

LatencySummary LatencySummary::from(const LatencyHistogram &h)
{
    auto toMs = [](qint64 ns) { return double(ns) / 1e6; };
    LatencySummary s;
    s.p50 = toMs(h.percentile(0.50));
    s.p90 = toMs(h.percentile(0.90));
    s.p95 = toMs(h.percentile(0.95));
    s.p99 = toMs(h.percentile(0.99));
    s.p999 = toMs(h.percentile(0.999));
    s.max = toMs(h.max());
    s.mean = h.mean() / 1e6;
    return s;
}

void BenchReport::evaluate()
{
    reasons.clear();
    thresholdBreached = false;
    if (failure)
        reasons.append(failure->message);
    if (stopped && abandonedBatches > 0)
        reasons.append(ReportText::tr("stopped (%1 batches in flight were not awaited and are not counted)")
                           .arg(abandonedBatches));
    else if (stopped)
        reasons.append(ReportText::tr("stopped"));
    if (unreachable)
        reasons.append(ReportText::tr("endpoint unreachable: %1").arg(firstError));
    else if (authRefused)
        reasons.append(ReportText::tr("endpoint refused the credentials: %1").arg(firstError));
    else if (errors > 0 && !maxErrorRatePct)
        reasons.append(ReportText::tr("%1 of %2 batches failed (first: %3)")
                           .arg(errors)
                           .arg(errors + batches)
                           .arg(firstError));
    else if (errorsBeyondTolerance()) {
        thresholdBreached = true;
        reasons.append(ReportText::tr("%1 % of the batches failed (%2 of %3, first: %4), above --max-error-rate %5 %")
                           .arg(percent(errorRatePct()))
                           .arg(errors)
                           .arg(errors + batches)
                           .arg(firstError, percent(*maxErrorRatePct)));
    }
    if (!failure && !stopped && rows == 0 && errors == 0)
        reasons.append(ReportText::tr("no rows were scored"));
    if (!failure && rows > 0 && stable == Stability::Unstable)
        reasons.append(ReportText::tr("unstable: %1").arg(stabilityDetail));
    if (!failure && !stopped && !unreachable && !authRefused && scenario == u"rate" && fellBehindRate()) {
        const qint64 sent = std::max<qint64>(0, scheduledBatches - missedBatches);
        reasons.append(ReportText::tr("fell behind the requested rate: sent %1 of %2 scheduled batches (%3 %)")
                           .arg(sent)
                           .arg(scheduledBatches)
                           .arg(std::floor(100.0 * double(sent) / double(scheduledBatches)), 0, 'f', 0));
    }
    if (p99AboveThreshold()) {
        thresholdBreached = true;
        reasons.append(ReportText::tr("p99 latency %1 ms is above --max-p99 %2 ms").arg(ms(latency.p99), ms(*maxP99Ms)));
    }
    if (minThroughput && !failure && rowsPerS < *minThroughput) {
        thresholdBreached = true;
        reasons.append(ReportText::tr("throughput %1 rows/s is below --min-throughput %2 rows/s")
                           .arg(grouped(rowsPerS), grouped(*minThroughput)));
    }
    if (compare && compare->errors > 0)
        reasons.append(ReportText::tr("cross-check with %1: %2 batches failed (first: %3)")
                           .arg(compare->backend)
                           .arg(compare->errors)
                           .arg(compare->firstError));
    if (compare && compare->overTolerance > 0)
        reasons.append(ReportText::tr("cross-check with %1: %2 of %3 values differ by more than %4")
                           .arg(compare->backend)
                           .arg(compare->overTolerance)
                           .arg(compare->values)
                           .arg(compare->tolerance));
    verdict = reasons.isEmpty() ? Valid : Invalid;
}

QString BenchReport::toleratedErrors() const
{
    if (errors == 0 || !maxErrorRatePct || errorsBeyondTolerance())
        return {};
    return ReportText::tr("%1 % of the batches failed (%2 of %3), within --max-error-rate %4 % · first: %5")
        .arg(percent(errorRatePct()), grouped(double(errors)), grouped(double(errors + batches)),
             percent(*maxErrorRatePct), firstError);
}

double BenchReport::errorRatePct() const
{
    const qint64 measured = errors + batches;
    return measured > 0 ? 100.0 * double(errors) / double(measured) : 0.0;
}

bool BenchReport::fellBehindRate() const
{
    const qint64 sent = std::max<qint64>(0, scheduledBatches - missedBatches);
    return scheduledBatches > 0 && double(sent) < RateKeptFraction * double(scheduledBatches);
}

int BenchReport::exitCode() const
{
    if (cancelledExitCode != 0)
        return cancelledExitCode;
    if (failure)
        return failure->exitCode();
    if (unreachable)
        return ExitUnreachable;
    if (authRefused)
        return ExitAuth;
    const bool failedBatches = errors > 0 && !maxErrorRatePct;   // with it, too many failures breach a threshold
    if (stopped || failedBatches || rows == 0 || (compare && (compare->overTolerance > 0 || compare->errors > 0)))
        return ExitFailed;
    // A breached threshold is what a CI gate asks about, so it wins over instability.
    if (thresholdBreached)
        return ExitThreshold;
    if (verdict != Valid)
        return ExitFailed;
    return ExitOk;
}

QJsonObject BenchReport::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("backend"), backend);
    o.insert(QStringLiteral("backend_spec"), backendSpec);
    o.insert(QStringLiteral("model"), model);
    o.insert(QStringLiteral("scenario"), scenario);
    o.insert(QStringLiteral("input"), input);
    o.insert(QStringLiteral("features"), qint64(features));
    o.insert(QStringLiteral("batch_size"), qint64(batchSize));
    o.insert(QStringLiteral("threads"), threads);
    o.insert(QStringLiteral("pinned_threads"), pinnedThreads);
    o.insert(QStringLiteral("in_flight"), inFlight);
    o.insert(QStringLiteral("remote"), remote);
    if (scenario == u"concurrency")
        o.insert(QStringLiteral("concurrency"), concurrency);
    if (scenario == u"rate") {
        o.insert(QStringLiteral("rate"), rate);
        o.insert(QStringLiteral("poisson"), poisson);
        if (scheduledBatches > 0) {
            o.insert(QStringLiteral("scheduled_batches"), scheduledBatches);
            o.insert(QStringLiteral("missed_batches"), missedBatches);
        }
    }
    o.insert(QStringLiteral("warmup_s"), warmupS);
    o.insert(QStringLiteral("seed"), QString::number(seed));

    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("batches"), batches);
    o.insert(QStringLiteral("errors"), errors);
    o.insert(QStringLiteral("error_rate_pct"), round3(errorRatePct()));
    o.insert(QStringLiteral("warmup_batches"), warmupBatches);
    o.insert(QStringLiteral("warmup_errors"), warmupErrors);
    if (abandonedBatches > 0)
        o.insert(QStringLiteral("abandoned_batches"), abandonedBatches);
    o.insert(QStringLiteral("duration_s"), number(durationS));
    o.insert(QStringLiteral("rows_per_s"), number(rowsPerS));
    o.insert(QStringLiteral("batches_per_s"), number(batchesPerS));
    o.insert(QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("p50"), number(latency.p50)},
                                                       {QStringLiteral("p90"), number(latency.p90)},
                                                       {QStringLiteral("p95"), number(latency.p95)},
                                                       {QStringLiteral("p99"), number(latency.p99)},
                                                       {QStringLiteral("p999"), number(latency.p999)},
                                                       {QStringLiteral("max"), number(latency.max)},
                                                       {QStringLiteral("mean"), number(latency.mean)}});
    QJsonArray buckets;
    for (const auto &b : latencyBuckets)
        buckets.append(QJsonArray{double(b.lowerNs) / 1e6, double(b.upperNs) / 1e6, qint64(b.count)});
    o.insert(QStringLiteral("latency_buckets_ms"), buckets);
    QJsonArray windowArray;
    for (const auto &w : windows)
        windowArray.append(windowToJson(w));
    o.insert(QStringLiteral("windows"), windowArray);
    o.insert(QStringLiteral("stable"), stable == Stability::Stable);
    o.insert(QStringLiteral("stability_judged"), stable != Stability::NotJudged);
    o.insert(QStringLiteral("stability_rule"), stabilityRule);
    o.insert(QStringLiteral("stability_detail"), stabilityDetail);
    if (!firstError.isEmpty())
        o.insert(QStringLiteral("first_error"), firstError);
    o.insert(QStringLiteral("backend_stats"), backendStats);
    if (compare)
        o.insert(QStringLiteral("compare"), compare->toJson());
    if (capacity)
        o.insert(QStringLiteral("capacity"), capacity->toJson());
    else if (!capacityError.isEmpty())
        o.insert(QStringLiteral("capacity"), QJsonObject{{QStringLiteral("error"), capacityError}});
    if (sweep) {
        QJsonArray levels;
        for (const double level : sweep->levels)
            levels.append(level);
        o.insert(QStringLiteral("load_sweep"),
                 QJsonObject{{QStringLiteral("id"), sweep->id}, {QStringLiteral("levels"), levels}});
    }
    QJsonObject thresholds;
    if (maxP99Ms)
        thresholds.insert(QStringLiteral("max_p99_ms"), *maxP99Ms);
    if (minThroughput)
        thresholds.insert(QStringLiteral("min_throughput"), *minThroughput);
    if (maxErrorRatePct)
        thresholds.insert(QStringLiteral("max_error_rate_pct"), *maxErrorRatePct);
    o.insert(QStringLiteral("thresholds"), thresholds);
    o.insert(QStringLiteral("stopped"), stopped);
    o.insert(QStringLiteral("unreachable"), unreachable);
    o.insert(QStringLiteral("auth_refused"), authRefused);
    if (failure)
        o.insert(QStringLiteral("failure"), QJsonObject{{QStringLiteral("kind"), errorKindName(failure->kind)},
                                                        {QStringLiteral("message"), failure->message}});
    o.insert(QStringLiteral("verdict"), verdict);
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(reasons));
    o.insert(QStringLiteral("threshold_breached"), thresholdBreached);
    o.insert(QStringLiteral("exit_code"), exitCode());
    return o;
}

Result<BenchReport> BenchReport::fromJson(const QJsonObject &o)
{
    JsonReader j(o);
    BenchReport r;
    r.startedAt = QDateTime::fromString(j.string("started_at"), Qt::ISODateWithMs);
    r.backend = j.string("backend");
    r.backendSpec = j.string("backend_spec", false);
    r.model = j.string("model");
    r.scenario = j.string("scenario");
    r.input = j.string("input", false);
    r.features = qsizetype(j.integer("features"));
    r.batchSize = qsizetype(j.integer("batch_size"));
    r.threads = j.intInteger("threads");
    r.pinnedThreads = j.intInteger("pinned_threads", false);
    r.inFlight = j.intInteger("in_flight", false);
    r.remote = j.boolean("remote", false);
    r.concurrency = j.intInteger("concurrency", false);
    r.rate = j.real("rate", false);
    r.poisson = j.boolean("poisson", false);
    r.warmupS = j.real("warmup_s", false);
    if (j.has("seed")) {
        // toJson() writes the digits of a quint64; toULongLong() alone read "not-a-number" as 0 and also takes
        // spaces and a sign.
        const QString seed = j.string("seed");
        bool ok = false;
        r.seed = seed.toULongLong(&ok);
        if (!ok || !std::all_of(seed.cbegin(), seed.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            j.mark("seed");
    }
    r.rows = j.integer("rows");
    r.batches = j.integer("batches");
    r.errors = j.integer("errors");
    r.warmupBatches = j.integer("warmup_batches", false);
    r.warmupErrors = j.integer("warmup_errors", false);
    r.abandonedBatches = j.integer("abandoned_batches", false);
    r.durationS = j.real("duration_s");
    r.rowsPerS = j.real("rows_per_s");
    r.batchesPerS = j.real("batches_per_s");
    {
        JsonReader l(j.object("latency_ms"), QStringLiteral("latency_ms"));
        r.latency.p50 = l.real("p50");
        r.latency.p90 = l.real("p90");
        r.latency.p95 = l.real("p95");
        r.latency.p99 = l.real("p99");
        r.latency.p999 = l.real("p999");
        r.latency.max = l.real("max");
        r.latency.mean = l.real("mean", false);
        j.adopt(l);
    }
    for (const QJsonValue v : j.array("latency_buckets_ms", false)) {
        const QJsonArray b = v.toArray();
        if (b.size() != 3) {
            j.mark("latency_buckets_ms");
            break;
        }
        // The top bucket ends at INT64_MAX ns, which does not come back exactly through milliseconds: a bound at
        // or past the range is the end of the range (llround of it overflowed to INT64_MIN). BenchHistory's
        // summary scan checks buckets by these rules too (benchhistory.cpp): change both together.
        const auto ns = [](const QJsonValue &ms) -> std::optional<qint64> {
            if (!ms.isDouble())
                return std::nullopt; // toDouble() made "a" a 0
            const double v = ms.toDouble() * 1e6;
            if (!(v >= 0))
                return std::nullopt;
            if (v >= 9.2e18)
                return std::numeric_limits<qint64>::max();
            return std::llround(v);
        };
        // A bucket holds the values in [lower, upper): bounds that make no such range are damage, as is a count
        // that is not a whole number.
        const auto lower = ns(b.at(0));
        const auto upper = ns(b.at(1));
        const auto count = integral(b.at(2));
        if (!lower || !upper || *lower >= *upper || !count || *count < 0) {
            j.mark("latency_buckets_ms");
            break;
        }
        r.latencyBuckets.append({*lower, *upper, quint64(*count)});
    }
    int index = 0;
    for (const QJsonValue v : j.array("windows")) {
        JsonReader w(v.toObject(), QStringLiteral("windows[%1]").arg(index));
        BenchWindow window;
        window.index = index++;
        window.t = w.real("t");
        window.spanS = w.real("span_s", false);
        window.rows = w.integer("rows", false);
        window.batches = w.integer("batches", false);
        window.errors = w.integer("errors", false);
        window.rowsPerS = w.real("rows_per_s");
        window.p50Ms = w.real("p50_ms", false);   // reports written before p50 per window had none
        window.p99Ms = w.real("p99_ms");
        j.adopt(w);
        r.windows.append(window);
    }
    // Reports written before stability could go unjudged have no "stability_judged": they were judged.
    const bool judged = j.has("stability_judged") ? j.boolean("stability_judged") : true;
    r.stable = !judged ? Stability::NotJudged : j.boolean("stable") ? Stability::Stable : Stability::Unstable;
    r.scheduledBatches = j.integer("scheduled_batches", false);
    r.missedBatches = j.integer("missed_batches", false);
    r.stabilityRule = j.string("stability_rule", false);
    r.stabilityDetail = j.string("stability_detail", false);
    r.firstError = j.string("first_error", false);
    r.backendStats = j.object("backend_stats", false);
    if (j.has("compare")) {
        JsonReader c(j.object("compare"), QStringLiteral("compare"));
        CompareResult cr;
        cr.backend = c.string("backend");
        cr.rows = c.integer("rows");
        cr.values = c.integer("values", false);
        cr.maxAbsDiff = c.real("max_abs_diff");
        cr.maxRelDiff = c.real("max_rel_diff");
        cr.tolerance = c.real("tolerance");
        cr.overTolerance = c.integer("over_tolerance");
        cr.errors = c.integer("errors", false);
        j.adopt(c);
        r.compare = cr;
    }
    if (j.has("capacity") && o.value(QStringLiteral("capacity")).toObject().contains(QStringLiteral("error"))) {
        r.capacityError = o.value(QStringLiteral("capacity")).toObject().value(QStringLiteral("error")).toString();
    } else if (j.has("capacity")) {
        JsonReader c(j.object("capacity"), QStringLiteral("capacity"));
        CapacityPlan plan;
        plan.rows = c.integer("rows");
        plan.withinS = c.real("within_s");
        plan.rowsPerSPerNode = c.real("rows_per_s_per_node");
        plan.nodes = c.integer("nodes");
        if (c.has("measured_nodes"))
            plan.measuredNodes = std::max<qint64>(1, c.integer("measured_nodes"));
        j.adopt(c);
        r.capacity = plan;
    }
    if (j.has("load_sweep")) {
        JsonReader w(j.object("load_sweep"), QStringLiteral("load_sweep"));
        SweepMembership membership;
        membership.id = w.string("id");
        for (const QJsonValue level : w.array("levels")) {
            if (!level.isDouble() || !(level.toDouble() > 0)) {
                w.mark("levels");
                break;
            }
            membership.levels.append(level.toDouble());
        }
        if (membership.id.isEmpty())
            w.mark("id");
        if (membership.levels.isEmpty())
            w.mark("levels");
        j.adopt(w);
        r.sweep = membership;
    }
    {
        JsonReader t(j.object("thresholds", false), QStringLiteral("thresholds"));
        if (t.has("max_p99_ms"))
            r.maxP99Ms = t.real("max_p99_ms");
        if (t.has("min_throughput"))
            r.minThroughput = t.real("min_throughput");
        if (t.has("max_error_rate_pct"))
            r.maxErrorRatePct = t.real("max_error_rate_pct");
        j.adopt(t);
    }
    r.stopped = j.boolean("stopped", false);
    if (const int code = o.value(QStringLiteral("exit_code")).toInt(); code == ExitTimeout || code == ExitInterrupted)
        r.cancelledExitCode = code;
    r.unreachable = j.boolean("unreachable", false);
    r.authRefused = j.boolean("auth_refused", false);
    if (j.has("failure")) {
        JsonReader f(j.object("failure"), QStringLiteral("failure"));
        Error e;
        const QString kind = f.string("kind");
        for (ErrorKind k : {ErrorKind::Failed, ErrorKind::Usage, ErrorKind::Threshold, ErrorKind::Auth,
                            ErrorKind::Unreachable, ErrorKind::Timeout, ErrorKind::Interrupted}) {
            if (errorKindName(k) == kind)
                e.kind = k;
        }
        e.message = f.string("message");
        j.adopt(f);
        r.failure = e;
    }
    r.verdict = j.string("verdict");
    for (const QJsonValue v : j.array("reasons"))
        r.reasons.append(v.toString());
    r.thresholdBreached = j.boolean("threshold_breached", false);
    if (!j.bad().isEmpty())
        return fail(ErrorKind::Failed, ReportText::tr("bench report: field '%1' is missing or has the wrong type")
                                           .arg(j.bad()));
    if (r.verdict != Valid && r.verdict != Invalid)
        return fail(ErrorKind::Failed, ReportText::tr("bench report: verdict '%1' is neither VALID nor INVALID")
                                           .arg(r.verdict));
    return r;
}

QStringList BenchReport::csvHeader()
{
    return {QStringLiteral("started_at"),   QStringLiteral("backend"),       QStringLiteral("backend_spec"),
            QStringLiteral("model"),        QStringLiteral("scenario"),      QStringLiteral("input"),
            QStringLiteral("features"),     QStringLiteral("batch_size"),    QStringLiteral("threads"),
            QStringLiteral("in_flight"),    QStringLiteral("concurrency"),   QStringLiteral("rate"),
            QStringLiteral("poisson"),      QStringLiteral("warmup_s"),      QStringLiteral("rows"),
            QStringLiteral("batches"),      QStringLiteral("errors"),        QStringLiteral("duration_s"),
            QStringLiteral("rows_per_s"),   QStringLiteral("batches_per_s"), QStringLiteral("p50_ms"),
            QStringLiteral("p90_ms"),       QStringLiteral("p95_ms"),        QStringLiteral("p99_ms"),
            QStringLiteral("p999_ms"),      QStringLiteral("max_ms"),        QStringLiteral("stable"),
            QStringLiteral("max_p99_ms"),   QStringLiteral("min_throughput"), QStringLiteral("max_error_rate_pct"),
            QStringLiteral("compare_backend"),
            QStringLiteral("compare_max_abs_diff"), QStringLiteral("compare_max_rel_diff"),
            QStringLiteral("compare_over_tolerance"), QStringLiteral("capacity_nodes"), QStringLiteral("verdict"),
            QStringLiteral("reasons"),      QStringLiteral("exit_code")};
}

QString BenchReport::csvRow() const
{
    return csvRow(csvHeader());
}

QString BenchReport::csvRow(const QStringList &columns) const
{
    const QString yes = QStringLiteral("true");
    const QString no = QStringLiteral("false");
    QStringList f{startedAt.toUTC().toString(Qt::ISODateWithMs),
                  backend,
                  backendSpec,
                  model,
                  scenario,
                  input,
                  QString::number(features),
                  QString::number(batchSize),
                  QString::number(threads),
                  QString::number(inFlight),
                  scenario == u"concurrency" ? QString::number(concurrency) : QString(),
                  scenario == u"rate" ? csvNumber(rate) : QString(),
                  scenario == u"rate" ? (poisson ? yes : no) : QString(),
                  csvNumber(warmupS),
                  QString::number(rows),
                  QString::number(batches),
                  QString::number(errors),
                  csvNumber(durationS),
                  csvNumber(rowsPerS),
                  csvNumber(batchesPerS),
                  csvNumber(latency.p50),
                  csvNumber(latency.p90),
                  csvNumber(latency.p95),
                  csvNumber(latency.p99),
                  csvNumber(latency.p999),
                  csvNumber(latency.max),
                  // Empty when not judged, as the other columns that do not apply to a run.
                  stable == Stability::NotJudged ? QString() : stable == Stability::Stable ? yes : no,
                  maxP99Ms ? csvNumber(*maxP99Ms) : QString(),
                  minThroughput ? csvNumber(*minThroughput) : QString(),
                  maxErrorRatePct ? csvNumber(*maxErrorRatePct) : QString(),
                  compare ? compare->backend : QString(),
                  compare ? csvNumber(compare->maxAbsDiff) : QString(),
                  compare ? csvNumber(compare->maxRelDiff) : QString(),
                  compare ? QString::number(compare->overTolerance) : QString(),
                  capacity ? QString::number(capacity->nodes) : QString(),
                  verdict,
                  reasons.join(QStringLiteral("; ")),
                  QString::number(exitCode())};
    static const QStringList all = csvHeader();
    Q_ASSERT(f.size() == all.size());
    QStringList row;
    row.reserve(columns.size());
    for (const QString &column : columns) {
        const qsizetype i = all.indexOf(column);
        row.append(i < 0 ? QString() : csvQuote(f.at(i)));
    }
    return row.join(u',');
}

QString BenchReport::humanSummary() const
{
    QString text;
    QTextStream s(&text);
    s << ReportText::tr("bench %1 · %2 · %3").arg(backend, model, scenario);
    if (scenario == u"concurrency")
        s << ' ' << concurrency;
    if (scenario == u"rate")
        s << ' ' << ReportText::tr("%1 batches/s%2").arg(rate).arg(poisson ? ReportText::tr(" (Poisson)") : QString());
    s << '\n';
    s << "  " << ReportText::tr("input       %1 · %2 · batches of %3 · %4")
                     .arg(input)
                     .arg(features > 0 ? ReportText::tr("%1 features").arg(features) : ReportText::tr("text lines"))
                     .arg(batchSize)
                     .arg(remote ? ReportText::tr("%1 in flight").arg(inFlight)
                          : pinnedThreads > 0
                              ? ReportText::tr("%1 thread(s), %2 pinned to CPUs").arg(threads).arg(pinnedThreads)
                              : ReportText::tr("%1 thread(s)").arg(threads))
      << '\n';
    s << "  " << ReportText::tr("scored      %1 rows in %2 batches, %3 errors, in %4 s")
                     .arg(grouped(double(rows)), grouped(double(batches)), grouped(double(errors)),
                          QString::number(durationS, 'f', 3));
    if (warmupS > 0)
        s << ReportText::tr(" (after %1 s warm-up)").arg(warmupS);
    s << '\n';
    s << "  " << ReportText::tr("throughput  %1 rows/s · %2 batches/s").arg(grouped(rowsPerS), grouped(batchesPerS, 1))
      << '\n';
    s << "  " << ReportText::tr("latency ms  p50 %1 · p90 %2 · p95 %3 · p99 %4 · p99.9 %5 · max %6")
                     .arg(ms(latency.p50), ms(latency.p90), ms(latency.p95), ms(latency.p99), ms(latency.p999),
                          ms(latency.max))
      << '\n';
    if (const QString tolerated = toleratedErrors(); !tolerated.isEmpty())
        s << "  " << ReportText::tr("errors      %1").arg(tolerated) << '\n';
    if (scheduledBatches > 0)
        s << "  " << ReportText::tr("schedule    %1 scheduled batches, %2 sent within the schedule, %3 missed")
                         .arg(grouped(double(scheduledBatches)), grouped(double(scheduledBatches - missedBatches)),
                              grouped(double(missedBatches)))
          << '\n';
    if (stable == Stability::NotJudged)
        // The detail says so itself: "not judged: the run lasted 16.2 ms; …".
        s << "  " << ReportText::tr("stability   %1")
                         .arg(stabilityDetail.isEmpty() ? ReportText::tr("not judged") : stabilityDetail)
          << '\n';
    else
        s << "  " << ReportText::tr("stability   %1: %2")
                         .arg(stable == Stability::Stable ? ReportText::tr("stable") : ReportText::tr("not stable"),
                              stabilityDetail)
          << '\n';
    if (compare)
        s << "  " << ReportText::tr("compare     %1: %2 rows, max |Δ| %3, max rel %4, %5 over tolerance %6")
                         .arg(compare->backend)
                         .arg(compare->rows)
                         .arg(compare->maxAbsDiff, 0, 'g', 3)
                         .arg(compare->maxRelDiff, 0, 'g', 3)
                         .arg(compare->overTolerance)
                         .arg(compare->tolerance)
          << '\n';
    for (const QString &line : endpointSummaries())
        s << "  " << ReportText::tr("endpoint    %1").arg(line) << '\n';
    if (capacity)
        s << "  " << ReportText::tr("capacity    %1").arg(capacity->summary()) << '\n';
    else if (!capacityError.isEmpty())
        s << "  " << ReportText::tr("capacity    no plan: %1").arg(capacityError) << '\n';
    s << "  " << ReportText::tr("verdict     %1").arg(verdict) << '\n';
    for (const QString &r : reasons)
        s << "    - " << r << '\n';
    return text;
}

QStringList BenchReport::endpointSummaries() const
{
    const QJsonArray endpoints = backendStats.value(QStringLiteral("endpoints")).toArray();
    QStringList lines;
    for (const QJsonValue &value : endpoints) {
        if (lines.size() == MaxEndpointLines) {
            lines.append(ReportText::tr("… and %1 more (all of them in --json: backend_stats)")
                             .arg(endpoints.size() - MaxEndpointLines));
            break;
        }
        const QJsonObject e = value.toObject();
        const auto count = [&e](const char *key) { return e.value(QLatin1StringView(key)).toInteger(); };
        QStringList failures;
        const QJsonObject byStatus = e.value(QStringLiteral("by_status")).toObject();
        for (auto it = byStatus.constBegin(); it != byStatus.constEnd(); ++it)
            failures << ReportText::tr("HTTP %1 × %2").arg(it.key(), grouped(double(it.value().toInteger())));
        if (const qint64 n = count("timeouts"); n > 0)
            failures << ReportText::tr("%1 timed out").arg(grouped(double(n)));
        if (const qint64 n = count("transport_errors"); n > 0)
            failures << ReportText::tr("%1 connection errors").arg(grouped(double(n)));
        QStringList parts{e.value(QStringLiteral("url")).toString(),
                          ReportText::tr("%1 requests").arg(grouped(double(count("requests")))),
                          ReportText::tr("%1 ok").arg(grouped(double(count("ok"))))};
        if (!failures.isEmpty())
            parts << ReportText::tr("failed: %1").arg(failures.join(QStringLiteral(", ")));
        if (count("ok") > 0) {
            parts << ReportText::tr("mean %1 ms").arg(ms(e.value(QStringLiteral("mean_ms")).toDouble()));
            if (e.contains(QStringLiteral("p99_ms")))   // service time at the endpoint, not from the schedule
                parts << ReportText::tr("p99 %1 ms").arg(ms(e.value(QStringLiteral("p99_ms")).toDouble()));
        }
        lines.append(parts.join(QStringLiteral(" · ")));
    }
    return lines;
}

Result<void> checkReportFile(const QString &path)
{
    QFileInfo info(path);
    // A link is written through (QFile and QSaveFile follow it): its target is what must be writable.
    if (info.isSymLink())
        info = QFileInfo(info.symLinkTarget());
    if (info.isDir())
        return fail(ErrorKind::Usage, ReportText::tr("%1: is a folder").arg(path));
    const QFileInfo folder(info.absolutePath());
    const QString folderName = QDir::toNativeSeparators(folder.filePath());
    if (!folder.exists())
        return fail(ErrorKind::Usage,
                    ReportText::tr("%1: cannot write: the folder %2 does not exist").arg(path, folderName));
    if (!folder.isDir())
        return fail(ErrorKind::Usage, ReportText::tr("%1: cannot write: %2 is not a folder").arg(path, folderName));
    if (info.exists() && !info.isWritable())
        return fail(ErrorKind::Usage, ReportText::tr("%1: cannot write: the file is read-only").arg(path));
    // A CSV report that exists is appended to in place; a JSON report (written to a temporary file beside it,
    // then renamed) and a new CSV report are created in the folder.
    const bool csv = QFileInfo(path).suffix().compare(u"csv", Qt::CaseInsensitive) == 0;
    if (!(csv && info.exists()) && !folder.isWritable())
        return fail(ErrorKind::Usage,
                    ReportText::tr("%1: cannot write: the folder %2 is not writable").arg(path, folderName));
    if (csv)
        return checkCsvReport(path);
    return {};
}

Result<void> checkCsvReport(const QString &path)
{
    auto columns = csvReportColumns(path);
    if (!columns)
        return tl::unexpected(columns.error());
    return {};
}

Result<QStringList> csvReportColumns(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return BenchReport::csvHeader();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Usage, ReportText::tr("%1: cannot read: %2").arg(path, file.errorString()));
    QByteArray first = file.readLine();
    while (first.endsWith('\n') || first.endsWith('\r'))
        first.chop(1);
    // The header of a report this or an earlier version started: report columns, each once, in any order. The
    // file keeps them, so that its rows stay aligned; a column added since is left out of it.
    const QStringList known = BenchReport::csvHeader();
    const QStringList columns = QString::fromUtf8(first).split(u',');
    QStringList foreign;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!known.contains(columns.at(i)) || columns.indexOf(columns.at(i)) != i)
            foreign.append(columns.at(i).isEmpty() ? QStringLiteral("\"\"") : columns.at(i));
    }
    if (!foreign.isEmpty() || !columns.contains(QStringLiteral("started_at")))
        return fail(ErrorKind::Usage,
                    ReportText::tr("%1: the header differs from this version's report columns: %2 (expected "
                                   "columns of: %3)")
                        .arg(path,
                             foreign.isEmpty() ? ReportText::tr("no started_at column")
                                               : ReportText::tr("unknown or repeated: %1")
                                                     .arg(foreign.join(QStringLiteral(", "))),
                             known.join(u',')));
    return columns;
}

Result<void> appendCsvReport(const QString &path, const BenchReport &report)
{
    const auto columns = csvReportColumns(path);
    if (!columns)
        return tl::unexpected(columns.error());
    QFile file(path);
    const bool existed = file.exists();
    const bool fresh = !existed || file.size() == 0;
    bool needsNewline = false;
    if (!fresh && file.open(QIODevice::ReadOnly)) {
        // A row without its line break (interrupted writer) must not swallow ours.
        file.seek(file.size() - 1);
        needsNewline = file.read(1) != "\n";
        file.close();
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return fail(ErrorKind::Failed, ReportText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    QByteArray bytes;
    if (needsNewline)
        bytes += '\n';
    if (fresh)
        bytes += BenchReport::csvHeader().join(u',').toUtf8() + '\n';
    bytes += report.csvRow(*columns).toUtf8() + '\n';
    const qint64 before = file.size();
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString reason = file.errorString();
        // No half row (a full disk) left for the next reader; a file this append created goes again.
        if (existed)
            file.resize(before);
        else
            file.remove();
        return fail(ErrorKind::Failed, ReportText::tr("%1: cannot write: %2").arg(path, reason));
    }
    return {};
}

namespace {

Result<void> saveAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Failed, ReportText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit())
        return fail(ErrorKind::Failed, ReportText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

QByteArray csvBytes(const QList<BenchReport> &reports)
{
    QByteArray bytes = BenchReport::csvHeader().join(u',').toUtf8() + '\n';
    for (const BenchReport &report : reports)
        bytes += report.csvRow().toUtf8() + '\n';
    return bytes;
}

} // namespace

Result<void> writeJsonReport(const QString &path, const BenchReport &report)
{
    return writeJsonFile(path, report.toJson());
}

Result<void> writeJsonFile(const QString &path, const QJsonObject &object)
{
    return saveAtomically(path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

Result<void> writeCsvReport(const QString &path, const BenchReport &report)
{
    return saveAtomically(path, csvBytes({report}));
}

Result<void> writeReports(const QString &path, const QList<BenchReport> &reports)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (reports.isEmpty())
        return fail(ErrorKind::Usage, ReportText::tr("%1: no report to write").arg(path));
    if (suffix == u"csv")
        return saveAtomically(path, csvBytes(reports));
    if (suffix != u"json")
        return fail(ErrorKind::Usage, ReportText::tr("%1: the file name must end in .json or .csv").arg(path));
    if (reports.size() == 1)
        return writeJsonReport(path, reports.constFirst());
    QJsonArray array;
    for (const BenchReport &report : reports)
        array.append(report.toJson());
    return saveAtomically(path, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace Opsdeck::Core
