#include "runcomparison.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>

#include <cmath>
#include <functional>

namespace Opsdeck::Core {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::RunComparison)
};

using Better = RunComparisonRow::Better;

QString scenarioText(const BenchReport &r)
{
    if (r.scenario == u"concurrency")
        return ComparisonText::tr("concurrency %1").arg(r.concurrency);
    if (r.scenario == u"rate")
        return r.poisson ? ComparisonText::tr("rate %1 batches/s (Poisson)").arg(r.rate)
                         : ComparisonText::tr("rate %1 batches/s").arg(r.rate);
    if (r.scenario == u"offline")
        return ComparisonText::tr("offline");
    return r.scenario;
}

QString backendText(const BenchReport &r)
{
    return r.backendSpec.isEmpty() ? r.backend : r.backendSpec;
}

} // namespace

int RunComparisonRow::judgement() const
{
    if (!differenceValue || *differenceValue == 0 || better == Better::Neither)
        return 0;
    const bool higher = *differenceValue > 0;
    return (better == Better::Higher) == higher ? 1 : -1;
}

RunComparison::RunComparison(const BenchReport &first, const BenchReport &second, const QLocale &locale)
    : m_locale(locale)
{
    m_rows.resize(qsizetype(RunMetric::Count));
    auto number = [&locale](double v, int decimals) {
        return locale.toString(v, 'f', decimals);
    };
    // Milliseconds with three significant-ish digits, as the CLI summary writes them.
    auto milliseconds = [&number](double v) {
        const double a = std::abs(v);
        return number(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
    };
    auto count = [&number](double v) {
        return number(v, 0);
    };

    auto textRow = [this](RunMetric metric, const char *key, const QString &label, const QString &a,
                          const QString &b) {
        RunComparisonRow &row = m_rows[qsizetype(metric)];
        row.metric = metric;
        row.key = QString::fromLatin1(key);
        row.label = label;
        row.first = a;
        row.second = b;
        row.difference = a == b ? ComparisonText::tr("same") : ComparisonText::tr("differs");
    };
    auto numberRow = [this, &number](RunMetric metric, const char *key, const QString &label, double a, double b,
                                     Better better, const std::function<QString(double)> &format) {
        RunComparisonRow &row = m_rows[qsizetype(metric)];
        row.metric = metric;
        row.key = QString::fromLatin1(key);
        row.label = label;
        row.numeric = true;
        row.better = better;
        row.first = format(a);
        row.second = format(b);
        row.firstValue = a;
        row.secondValue = b;
        const double diff = b - a;
        row.differenceValue = diff;
        row.difference = (diff > 0 ? QStringLiteral("+") : QString()) + format(diff);
        if (a != 0 && std::isfinite(a) && std::isfinite(b)) {
            row.ratioValue = b / a;
            row.ratio = ComparisonText::tr("%1×").arg(number(b / a, 3));
        } else {
            row.ratio = ComparisonText::tr("–");
        }
    };

    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    textRow(RunMetric::Started, "started_at", ComparisonText::tr("Started"),
            first.startedAt.toLocalTime().toString(format), second.startedAt.toLocalTime().toString(format));
    {
        RunComparisonRow &started = m_rows[qsizetype(RunMetric::Started)];
        const double seconds = double(first.startedAt.msecsTo(second.startedAt)) / 1000.0;
        started.differenceValue = seconds;
        started.difference = seconds >= 0 ? ComparisonText::tr("%1 s later").arg(number(seconds, 0))
                                          : ComparisonText::tr("%1 s earlier").arg(number(-seconds, 0));
    }
    textRow(RunMetric::Backend, "backend", ComparisonText::tr("Backend"), backendText(first), backendText(second));
    textRow(RunMetric::Model, "model", ComparisonText::tr("Model"), first.model, second.model);
    textRow(RunMetric::Scenario, "scenario", ComparisonText::tr("Scenario"), scenarioText(first),
            scenarioText(second));
    auto inputText = [&locale](const BenchReport &r) {
        return ComparisonText::tr("%1 · batches of %2").arg(r.input, locale.toString(qint64(r.batchSize)));
    };
    textRow(RunMetric::Input, "input", ComparisonText::tr("Input"), inputText(first), inputText(second));
    numberRow(RunMetric::RowsPerS, "rows_per_s", ComparisonText::tr("Rows/s"), first.rowsPerS, second.rowsPerS,
              Better::Higher, count);
    numberRow(RunMetric::Rows, "rows", ComparisonText::tr("Rows"), double(first.rows), double(second.rows),
              Better::Neither, count);
    numberRow(RunMetric::Batches, "batches", ComparisonText::tr("Batches"), double(first.batches),
              double(second.batches), Better::Neither, count);
    numberRow(RunMetric::Errors, "errors", ComparisonText::tr("Errors"), double(first.errors),
              double(second.errors), Better::Lower, count);
    numberRow(RunMetric::P50, "p50_ms", ComparisonText::tr("p50 (ms)"), first.latency.p50, second.latency.p50,
              Better::Lower, milliseconds);
    numberRow(RunMetric::P90, "p90_ms", ComparisonText::tr("p90 (ms)"), first.latency.p90, second.latency.p90,
              Better::Lower, milliseconds);
    numberRow(RunMetric::P95, "p95_ms", ComparisonText::tr("p95 (ms)"), first.latency.p95, second.latency.p95,
              Better::Lower, milliseconds);
    numberRow(RunMetric::P99, "p99_ms", ComparisonText::tr("p99 (ms)"), first.latency.p99, second.latency.p99,
              Better::Lower, milliseconds);
    numberRow(RunMetric::P999, "p999_ms", ComparisonText::tr("p99.9 (ms)"), first.latency.p999,
              second.latency.p999, Better::Lower, milliseconds);
    numberRow(RunMetric::Max, "max_ms", ComparisonText::tr("max (ms)"), first.latency.max, second.latency.max,
              Better::Lower, milliseconds);
    textRow(RunMetric::Verdict, "verdict", ComparisonText::tr("Verdict"), first.verdict, second.verdict);
    textRow(RunMetric::Reasons, "reasons", ComparisonText::tr("Reasons"), first.reasons.join(QStringLiteral("; ")),
            second.reasons.join(QStringLiteral("; ")));

    // What the JSON carries: the values as the reports have them, not as shown.
    auto raw = [this](RunMetric metric, const QJsonValue &a, const QJsonValue &b) {
        m_rows[qsizetype(metric)].firstReport = a;
        m_rows[qsizetype(metric)].secondReport = b;
    };
    auto time = [](const BenchReport &r) {
        return r.startedAt.toUTC().toString(Qt::ISODateWithMs);
    };
    auto scenario = [](const BenchReport &r) {
        QJsonObject o{{QStringLiteral("name"), r.scenario}};
        if (r.scenario == u"concurrency")
            o.insert(QStringLiteral("concurrency"), r.concurrency);
        if (r.scenario == u"rate") {
            o.insert(QStringLiteral("rate"), r.rate);
            o.insert(QStringLiteral("poisson"), r.poisson);
        }
        return o;
    };
    auto input = [](const BenchReport &r) {
        return QJsonObject{{QStringLiteral("input"), r.input}, {QStringLiteral("batch_size"), qint64(r.batchSize)}};
    };
    raw(RunMetric::Started, time(first), time(second));
    raw(RunMetric::Backend, backendText(first), backendText(second));
    raw(RunMetric::Model, first.model, second.model);
    raw(RunMetric::Scenario, scenario(first), scenario(second));
    raw(RunMetric::Input, input(first), input(second));
    raw(RunMetric::Verdict, first.verdict, second.verdict);
    raw(RunMetric::Reasons, QJsonArray::fromStringList(first.reasons), QJsonArray::fromStringList(second.reasons));
}

QStringList RunComparison::regressions(double percent) const
{
    QStringList found;
    const double limit = percent / 100.0;
    const RunComparisonRow &rate = row(RunMetric::RowsPerS);
    if (*rate.firstValue > 0 && *rate.secondValue < *rate.firstValue * (1.0 - limit))
        found.append(ComparisonText::tr("rows/s fell by %1 % (%2 → %3)")
                         .arg(m_locale.toString((1.0 - *rate.secondValue / *rate.firstValue) * 100.0, 'f', 1),
                              rate.first, rate.second));
    const RunComparisonRow &p99 = row(RunMetric::P99);
    if (*p99.secondValue > *p99.firstValue * (1.0 + limit)) {
        const QString by = *p99.firstValue > 0
                               ? ComparisonText::tr("by %1 %")
                                     .arg(m_locale.toString((*p99.secondValue / *p99.firstValue - 1.0) * 100.0,
                                                            'f', 1))
                               : ComparisonText::tr("from 0");
        found.append(ComparisonText::tr("p99 latency rose %1 (%2 ms → %3 ms)").arg(by, p99.first, p99.second));
    }
    return found;
}

QJsonObject RunComparison::toJson() const
{
    QJsonArray metrics;
    for (const RunComparisonRow &row : m_rows) {
        QJsonObject o{{QStringLiteral("metric"), row.key}};
        if (row.metric == RunMetric::Started) {
            o.insert(QStringLiteral("a"), row.firstReport);
            o.insert(QStringLiteral("b"), row.secondReport);
            o.insert(QStringLiteral("difference"), *row.differenceValue);  // seconds, B − A
            o.insert(QStringLiteral("ratio"), QJsonValue::Null);
        } else if (row.numeric) {
            o.insert(QStringLiteral("a"), *row.firstValue);
            o.insert(QStringLiteral("b"), *row.secondValue);
            o.insert(QStringLiteral("difference"), *row.differenceValue);
            o.insert(QStringLiteral("ratio"), row.ratioValue ? QJsonValue(*row.ratioValue) : QJsonValue());
        } else {
            o.insert(QStringLiteral("a"), row.firstReport);
            o.insert(QStringLiteral("b"), row.secondReport);
            o.insert(QStringLiteral("difference"),
                     row.firstReport == row.secondReport ? QStringLiteral("same") : QStringLiteral("differs"));
            o.insert(QStringLiteral("ratio"), QJsonValue::Null);
        }
        metrics.append(o);
    }
    return QJsonObject{{QStringLiteral("metrics"), metrics}};
}

} // namespace Opsdeck::Core
