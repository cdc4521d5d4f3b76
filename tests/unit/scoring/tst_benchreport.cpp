#include "scoring/benchhistory.h"
#include "scoring/benchreport.h"
#include "scoring/decimate.h"
#include "scoring/loadsweep.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>
#include <limits>

#include <sys/resource.h>

using namespace Opsdeck;
using namespace Opsdeck::Core;

namespace {

// The field of `report`'s CSV row under the header column `name` (quotes taken into account, not removed).
QString csvField(const BenchReport &report, const QString &name)
{
    QStringList fields{QString()};
    bool quoted = false;
    for (QChar c : report.csvRow()) {
        if (c == u'"')
            quoted = !quoted;
        if (c == u',' && !quoted)
            fields.append(QString());
        else
            fields.last().append(c);
    }
    return fields.value(BenchReport::csvHeader().indexOf(name), QStringLiteral("<no such column>"));
}

// A measured, stable, error-free run.
BenchReport goodReport()
{
    BenchReport r;
    r.startedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);
    r.backend = QStringLiteral("linear");
    r.backendSpec = QStringLiteral("linear");
    r.model = QStringLiteral("logistic, 100 features, k=1, synthetic seed 42");
    r.scenario = QStringLiteral("offline");
    r.input = QStringLiteral("synthetic uniform [-1,1), seed 42");
    r.features = 100;
    r.batchSize = 10'000;
    r.threads = 2;
    r.pinnedThreads = 2;
    r.inFlight = 2;
    r.rows = 2'000'000;
    r.batches = 200;
    r.durationS = 0.5;
    r.rowsPerS = 4e6;
    r.batchesPerS = 400;
    r.latency = {1.0, 1.5, 1.7, 2.0, 2.5, 3.0, 1.1};
    r.latencyBuckets = {{1'000'000, 1'007'813, 150}, {2'000'000, 2'015'625, 50}};
    BenchWindow w;
    w.t = 0.05;
    w.spanS = 0.05;
    w.rows = 200'000;
    w.batches = 20;
    w.rowsPerS = 4e6;
    w.p99Ms = 2.0;
    r.windows = {w, w, w};
    r.stable = Stability::Stable;
    r.stabilityRule = QStringLiteral("rule");
    r.stabilityDetail = QStringLiteral("detail, with a comma");
    r.backendStats = {{QStringLiteral("rows"), 2'000'000}};
    return r;
}

} // namespace

class TestBenchReport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void verdictAndExitCode_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("valid") << QString() << QStringLiteral("VALID") << 0 << QString();
        QTest::newRow("errors") << QStringLiteral("errors") << QStringLiteral("INVALID") << 1
                                << QStringLiteral("3 of 203 batches failed (first: boom)");
        QTest::newRow("unstable") << QStringLiteral("unstable") << QStringLiteral("INVALID") << 1
                                  << QStringLiteral("unstable: detail, with a comma");
        QTest::newRow("p99 over") << QStringLiteral("p99") << QStringLiteral("INVALID") << 3
                                  << QStringLiteral("p99 latency 2.00 ms is above --max-p99 1.50 ms");
        QTest::newRow("throughput under") << QStringLiteral("throughput") << QStringLiteral("INVALID") << 3
                                          << QStringLiteral("throughput 4,000,000 rows/s is below --min-throughput "
                                                            "5,000,000 rows/s");
        QTest::newRow("threshold wins over unstable") << QStringLiteral("throughput+unstable")
                                                      << QStringLiteral("INVALID") << 3 << QString();
        QTest::newRow("thresholds met") << QStringLiteral("thresholds met") << QStringLiteral("VALID") << 0 << QString();
        QTest::newRow("errors win over threshold") << QStringLiteral("errors+p99") << QStringLiteral("INVALID") << 1
                                                   << QString();
        QTest::newRow("stopped") << QStringLiteral("stopped") << QStringLiteral("INVALID") << 1
                                 << QStringLiteral("stopped");
        QTest::newRow("unreachable") << QStringLiteral("unreachable") << QStringLiteral("INVALID") << 5
                                     << QStringLiteral("endpoint unreachable: PUT http://h/score: connection refused");
        QTest::newRow("credentials refused") << QStringLiteral("refused") << QStringLiteral("INVALID") << 4
                                             << QStringLiteral("endpoint refused the credentials: PUT http://h/score: "
                                                               "HTTP 401 Unauthorized");
        QTest::newRow("compare over") << QStringLiteral("compare") << QStringLiteral("INVALID") << 1
                                      << QStringLiteral("cross-check with xgboost,model=m.json: 7 of 2000000 values "
                                                        "differ by more than 1e-05");
        QTest::newRow("compare fine") << QStringLiteral("compare ok") << QStringLiteral("VALID") << 0 << QString();
        QTest::newRow("usage failure") << QStringLiteral("failure") << QStringLiteral("INVALID") << 2
                                       << QStringLiteral("x.npy: not a .npy file (bad magic)");
        QTest::newRow("nothing scored") << QStringLiteral("empty") << QStringLiteral("INVALID") << 1
                                        << QStringLiteral("no rows were scored");
        QTest::newRow("stability not judged") << QStringLiteral("not judged") << QStringLiteral("VALID") << 0
                                              << QString();
        QTest::newRow("not judged, threshold breached") << QStringLiteral("not judged+p99")
                                                        << QStringLiteral("INVALID") << 3 << QString();
        QTest::newRow("rate kept") << QStringLiteral("rate kept") << QStringLiteral("VALID") << 0 << QString();
        QTest::newRow("rate behind") << QStringLiteral("rate behind") << QStringLiteral("INVALID") << 1
                                     << QStringLiteral("fell behind the requested rate: sent 212 of 400 scheduled "
                                                       "batches (53 %)");
        QTest::newRow("rate just behind") << QStringLiteral("rate just behind") << QStringLiteral("INVALID") << 1
                                          << QStringLiteral("fell behind the requested rate: sent 359 of 400 "
                                                            "scheduled batches (89 %)");
        QTest::newRow("rate behind and stopped") << QStringLiteral("rate behind+stopped") << QStringLiteral("INVALID")
                                                 << 1 << QStringLiteral("stopped");
    }

    void verdictAndExitCode()
    {
        QFETCH(QString, change);
        QFETCH(QString, verdict);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        BenchReport r = goodReport();
        const QStringList changes = change.split(u'+', Qt::SkipEmptyParts);
        for (const QString &c : changes) {
            if (c == u"errors") {
                r.errors = 3;
                r.firstError = QStringLiteral("boom");
            } else if (c == u"unstable") {
                r.stable = Stability::Unstable;
            } else if (c == u"p99") {
                r.maxP99Ms = 1.5;
            } else if (c == u"throughput") {
                r.minThroughput = 5e6;
            } else if (c == u"thresholds met") {
                r.maxP99Ms = 2.5;
                r.minThroughput = 4e6;
            } else if (c == u"stopped") {
                r.stopped = true;
            } else if (c == u"unreachable") {
                r.rows = r.batches = 0;
                r.errors = 20;
                r.unreachable = true;
                r.stable = Stability::Unstable;
                r.firstError = QStringLiteral("PUT http://h/score: connection refused");
            } else if (c == u"refused") {
                r.rows = r.batches = 0;
                r.errors = 2;
                r.authRefused = true;
                r.stable = Stability::Unstable;
                r.firstError = QStringLiteral("PUT http://h/score: HTTP 401 Unauthorized");
            } else if (c == u"compare" || c == u"compare ok") {
                CompareResult cr;
                cr.backend = QStringLiteral("xgboost,model=m.json");
                cr.rows = 2'000'000;
                cr.values = 2'000'000;
                cr.overTolerance = c == u"compare" ? 7 : 0;
                r.compare = cr;
            } else if (c == u"failure") {
                r.failure = Error{ErrorKind::Usage, QStringLiteral("x.npy: not a .npy file (bad magic)"), {}};
            } else if (c == u"empty") {
                r.rows = r.batches = 0;
                r.stable = Stability::Unstable;
            } else if (c == u"not judged") {
                r.stable = Stability::NotJudged;
                r.stabilityDetail = QStringLiteral("not judged: the run lasted 16.2 ms; at least 0.2 s is needed for "
                                                   "4 groups of 50 ms");
            } else if (c.startsWith(u"rate ")) {
                // 400 batches scheduled at 200/s; 90 % of them must be sent within the schedule.
                r.scenario = QStringLiteral("rate");
                r.rate = 200;
                r.scheduledBatches = 400;
                r.missedBatches = c == u"rate kept" ? 40 : c == u"rate just behind" ? 41 : 188;
            }
        }
        r.evaluate();
        QCOMPARE(r.verdict, verdict);
        QCOMPARE(r.exitCode(), exitCode);
        // The run as the history keeps it has the same exit code.
        const auto kept = BenchReport::fromJson(r.toJson());
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(kept->exitCode(), exitCode);
        QCOMPARE(r.reasons.isEmpty(), verdict == u"VALID");
        if (!reason.isEmpty())
            QVERIFY2(r.reasons.contains(reason), qPrintable(r.reasons.join(QStringLiteral(" | "))));
        // Only a judged, unstable run is INVALID for its stability; a stopped run is not also "behind".
        QCOMPARE(r.reasons.join(u'|').contains(u"unstable: "),
                 r.stable == Stability::Unstable && r.rows > 0 && !r.failure);
        if (r.stopped)
            QVERIFY(!r.reasons.join(u'|').contains(u"fell behind"));
    }

    void jsonHasTheContract()
    {
        BenchReport r = goodReport();
        r.capacity = CapacityPlan{1'000'000'000, 900, 4e6, 1};
        r.evaluate();
        const QJsonObject o = r.toJson();
        for (const char *key : {"backend", "scenario", "rows", "batches", "errors", "duration_s", "rows_per_s",
                                "batches_per_s", "latency_ms", "windows", "stable", "verdict", "reasons", "model",
                                "features", "batch_size", "threads", "backend_stats", "capacity"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        const QJsonObject latency = o.value(QStringLiteral("latency_ms")).toObject();
        for (const char *key : {"p50", "p90", "p95", "p99", "p999", "max"})
            QVERIFY2(latency.value(QLatin1StringView(key)).isDouble(), key);
        const QJsonObject w = o.value(QStringLiteral("windows")).toArray().first().toObject();
        for (const char *key : {"t", "rows_per_s", "p99_ms"})
            QVERIFY2(w.value(QLatin1StringView(key)).isDouble(), key);
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
        QCOMPARE(o.value(QStringLiteral("rows")).toInteger(), qint64(2'000'000));
        QCOMPARE(o.value(QStringLiteral("capacity")).toObject().value(QStringLiteral("nodes")).toInteger(), qint64(1));
        QVERIFY(!o.contains(QStringLiteral("compare")));
    }

    void topLatencyBucketSurvivesTheHistory()
    {
        // A batch of ten hours lands in the histogram's top bucket, which ends at INT64_MAX ns; read back from
        // milliseconds its end overflowed to INT64_MIN and the chart folded the outlier into a 1-µs bin.
        BenchReport r = goodReport();
        r.latencyBuckets = {{1'000'000, 1'007'813, 150},
                            {qint64(1) << 45, std::numeric_limits<qint64>::max(), 1}};
        r.evaluate();
        const auto back = BenchReport::fromJson(r.toJson());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->latencyBuckets.size(), 2);
        QCOMPARE(back->latencyBuckets.last().upperNs, std::numeric_limits<qint64>::max());
        QVERIFY(back->latencyBuckets.last().lowerNs > 0);
        // Bounds that make no bucket are refused, naming the field.
        QJsonObject bad = r.toJson();
        bad.insert(QStringLiteral("latency_buckets_ms"), QJsonArray{QJsonArray{2.0, 1.0, 3}});
        const auto refused = BenchReport::fromJson(bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"latency_buckets_ms"), qPrintable(refused.error().message));
    }

    void sweepsComparedLevelByLevel()
    {
        const auto level = [](double concurrency, double rowsPerS, bool valid) {
            BenchReport r = goodReport();
            r.scenario = QStringLiteral("concurrency");
            r.concurrency = int(concurrency);
            r.rowsPerS = rowsPerS;
            r.latency.p99 = concurrency;
            r.verdict = valid ? QStringLiteral("VALID") : QStringLiteral("INVALID");
            return r;
        };
        LoadSweep a(Scenario::Concurrency, {1, 2, 4});
        for (const auto &[c, rate] : {std::pair{1.0, 100.0}, {2.0, 200.0}, {4.0, 150.0}})
            a.add(level(c, rate, true));
        LoadSweep b(Scenario::Concurrency, {2, 4, 8});
        for (const auto &[c, rate] : {std::pair{2.0, 100.0}, {4.0, 180.0}, {8.0, 170.0}})
            b.add(level(c, rate, true));
        const auto comparison = SweepComparison::compare(a, b);
        QVERIFY(comparison);
        QCOMPARE(comparison->rows().size(), 4);
        QCOMPARE(comparison->rows().at(0).level, 1.0);
        QVERIFY(comparison->rows().at(0).a && !comparison->rows().at(0).b);
        QVERIFY(comparison->rows().at(1).a && comparison->rows().at(1).b);
        QVERIFY(!comparison->rows().at(3).a && comparison->rows().at(3).b);
        QCOMPARE(*comparison->bestRatio(), 0.9);
        QCOMPARE(comparison->regressions(5),
                 QStringList{QStringLiteral("best rows/s fell by 10.0 %: concurrency 2 · 200 → concurrency 4 · 180")});
        QVERIFY(comparison->regressions(15).isEmpty());
        const QString table = comparison->table();
        QVERIFY2(table.contains(QStringLiteral("           2            200            100   0.50")),
                 qPrintable(table));
        QVERIFY2(table.contains(u"best rows/s B / A: 0.90"), qPrintable(table));
        const QJsonObject j = comparison->toJson();
        QCOMPARE(j.value(QStringLiteral("levels")).toArray().size(), 4);
        QCOMPARE(j.value(QStringLiteral("best_ratio")).toDouble(), 0.9);

        // B with no VALID level where A had one is a regression whatever the bar.
        LoadSweep none(Scenario::Concurrency, {1, 2});
        none.add(level(1, 500, false));
        const auto worse = SweepComparison::compare(a, none);
        QVERIFY(!worse->bestRatio());
        QCOMPARE(worse->regressions(100),
                 QStringList{QStringLiteral("B has no VALID level (A's best: concurrency 2 · 200 rows/s)")});
        // Sweeps of two kinds are not compared.
        const auto mixed = SweepComparison::compare(a, LoadSweep(Scenario::Rate, {10}));
        QVERIFY(!mixed);
        QCOMPARE(mixed.error().kind, ErrorKind::Usage);
        QVERIFY2(mixed.error().message.startsWith(u"a concurrency sweep against a rate sweep"),
                 qPrintable(mixed.error().message));
    }

    void jsonRoundTrip()
    {
        BenchReport r = goodReport();
        r.maxP99Ms = 1.5;
        r.compare = CompareResult{QStringLiteral("other"), 10, 10, 0.5, 0.1, 1e-5, 3, 0, {}};
        r.capacity = CapacityPlan{100, 60, 4e6, 1};
        r.maxErrorRatePct = 0.5;
        r.sweep = SweepMembership{QStringLiteral("5f0c-sweep"), {1, 2, 4, 8}};
        r.evaluate();
        auto back = BenchReport::fromJson(r.toJson());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->toJson(), r.toJson());
        QCOMPARE(back->sweep, r.sweep);
        QCOMPARE(back->maxErrorRatePct, r.maxErrorRatePct);
        QJsonObject broken = r.toJson();
        broken.insert(QStringLiteral("rows"), QStringLiteral("many"));
        auto bad = BenchReport::fromJson(broken);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message, QStringLiteral("bench report: field 'rows' is missing or has the wrong type"));
    }

    void mistypedFieldsAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        const QString rows = QStringLiteral("rows");
        const QString buckets = QStringLiteral("latency_buckets_ms");
        const QString seed = QStringLiteral("seed");
        // toInteger() made these 0, toDouble() made string bounds a bucket [0, 0), toULongLong() a seed of 0.
        QTest::newRow("rows 1.5") << rows << QJsonValue(1.5) << rows;
        QTest::newRow("rows 1e300") << rows << QJsonValue(1e300) << rows;
        QTest::newRow("rows 2^63") << rows << QJsonValue(0x1p63) << rows;
        QTest::newRow("threads beyond int") << QStringLiteral("threads") << QJsonValue(qint64(1) << 31)
                                            << QStringLiteral("threads");
        QTest::newRow("optional in_flight 2.5") << QStringLiteral("in_flight") << QJsonValue(2.5)
                                                << QStringLiteral("in_flight");
        QTest::newRow("string bounds") << buckets
                                       << QJsonValue(QJsonArray{QJsonArray{QStringLiteral("a"), QStringLiteral("b"), 7}})
                                       << buckets;
        QTest::newRow("null bound") << buckets << QJsonValue(QJsonArray{QJsonArray{1.0, QJsonValue(), 7}}) << buckets;
        QTest::newRow("empty bucket") << buckets << QJsonValue(QJsonArray{QJsonArray{1.0, 1.0, 7}}) << buckets;
        QTest::newRow("count 1.5") << buckets << QJsonValue(QJsonArray{QJsonArray{1.0, 2.0, 1.5}}) << buckets;
        QTest::newRow("seed not a number") << seed << QJsonValue(QStringLiteral("not-a-number")) << seed;
        QTest::newRow("seed with a space") << seed << QJsonValue(QStringLiteral(" 5")) << seed;
        QTest::newRow("seed with a sign") << seed << QJsonValue(QStringLiteral("+5")) << seed;
        QTest::newRow("seed empty") << seed << QJsonValue(QString()) << seed;
        QTest::newRow("seed past quint64") << seed << QJsonValue(QStringLiteral("18446744073709551616")) << seed;
        QTest::newRow("seed a number") << seed << QJsonValue(5) << seed;
        const QString sweep = QStringLiteral("load_sweep");
        QTest::newRow("sweep not an object") << sweep << QJsonValue(3) << sweep;
        QTest::newRow("sweep without levels")
            << sweep << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("s")}})
            << QStringLiteral("load_sweep.levels");
        QTest::newRow("sweep level 0")
            << sweep
            << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("s")},
                                      {QStringLiteral("levels"), QJsonArray{1, 0}}})
            << QStringLiteral("load_sweep.levels");
        QTest::newRow("sweep empty id")
            << sweep
            << QJsonValue(QJsonObject{{QStringLiteral("id"), QString()}, {QStringLiteral("levels"), QJsonArray{1}}})
            << QStringLiteral("load_sweep.id");
    }

    void mistypedFieldsAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        BenchReport r = goodReport();
        r.evaluate();
        QJsonObject o = r.toJson();
        o.insert(key, value);
        const auto read = BenchReport::fromJson(o);
        QVERIFY2(!read, QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(read.error().message,
                 QStringLiteral("bench report: field '%1' is missing or has the wrong type").arg(field));
    }

    void extremeValuesRoundTrip()
    {
        BenchReport r = goodReport();
        r.rows = std::numeric_limits<qint64>::max();
        r.errors = std::numeric_limits<qint64>::min();
        r.threads = std::numeric_limits<int>::max();
        r.seed = std::numeric_limits<quint64>::max();
        r.latencyBuckets = {{0, 1, 1}, {qint64(1) << 45, std::numeric_limits<qint64>::max(), 1}};
        r.evaluate();
        const auto back = BenchReport::fromJson(r.toJson());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->rows, r.rows);
        QCOMPARE(back->errors, r.errors);
        QCOMPARE(back->threads, r.threads);
        QCOMPARE(back->seed, r.seed);
        QCOMPARE(back->toJson(), r.toJson());
        // Integral values written as doubles are integers all the same.
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("batches"), 200.0);
        o.insert(QStringLiteral("latency_buckets_ms"), QJsonArray{QJsonArray{1.0, 2.0, 3.0}});
        const auto doubles = BenchReport::fromJson(o);
        QVERIFY2(doubles, qPrintable(doubles ? QString() : doubles.error().message));
        QCOMPARE(doubles->batches, qint64(200));
        QCOMPARE(doubles->latencyBuckets.first().count, quint64(3));
    }

    void stabilityNotJudged()
    {
        BenchReport r = goodReport();
        r.stable = Stability::NotJudged;
        r.windows.clear();
        r.stabilityRule = QStringLiteral("run shorter than 3 windows of 1 s: 4 to 10 groups of equal batch count, each "
                                         "at least 50 ms long; the last 3 within ±10% of their mean rows/s");
        r.stabilityDetail = QStringLiteral("not judged: the run lasted 16.2 ms; at least 0.2 s is needed for 4 groups "
                                           "of 50 ms");
        r.evaluate();
        QCOMPARE(r.verdict, QStringLiteral("VALID"));
        QVERIFY(r.reasons.isEmpty());
        QCOMPARE(r.exitCode(), 0);
        const QJsonObject o = r.toJson();
        QCOMPARE(o.value(QStringLiteral("stable")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("stability_judged")), QJsonValue(false));
        QVERIFY2(r.humanSummary().contains(u"\n  stability   not judged: the run lasted 16.2 ms; at least 0.2 s is "
                                           u"needed for 4 groups of 50 ms\n"),
                 qPrintable(r.humanSummary()));
        QCOMPARE(csvField(r, QStringLiteral("stable")), QString());   // not judged: empty, not false
        auto back = BenchReport::fromJson(o);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->stable, Stability::NotJudged);
        QCOMPARE(back->toJson(), o);

        // Judged runs: stable / unstable, and the summary says which.
        BenchReport stable = goodReport();
        stable.evaluate();
        QCOMPARE(stable.toJson().value(QStringLiteral("stable")), QJsonValue(true));
        QCOMPARE(stable.toJson().value(QStringLiteral("stability_judged")), QJsonValue(true));
        QVERIFY(stable.humanSummary().contains(u"\n  stability   stable: detail, with a comma\n"));
        QCOMPARE(csvField(stable, QStringLiteral("stable")), QStringLiteral("true"));
        BenchReport unstable = goodReport();
        unstable.stable = Stability::Unstable;
        unstable.evaluate();
        QCOMPARE(unstable.toJson().value(QStringLiteral("stable")), QJsonValue(false));
        QCOMPARE(unstable.toJson().value(QStringLiteral("stability_judged")), QJsonValue(true));
        QVERIFY(unstable.humanSummary().contains(u"\n  stability   not stable: detail, with a comma\n"));
        QCOMPARE(csvField(unstable, QStringLiteral("stable")), QStringLiteral("false"));
        QCOMPARE(BenchReport::fromJson(unstable.toJson())->stable, Stability::Unstable);

        // A report written before "stability_judged" existed was judged.
        for (bool wasStable : {true, false}) {
            QJsonObject old = (wasStable ? stable : unstable).toJson();
            old.remove(QStringLiteral("stability_judged"));
            auto read = BenchReport::fromJson(old);
            QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
            QCOMPARE(read->stable, wasStable ? Stability::Stable : Stability::Unstable);
        }
        QJsonObject mistyped = o;
        mistyped.insert(QStringLiteral("stability_judged"), QStringLiteral("no"));
        auto bad = BenchReport::fromJson(mistyped);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message,
                 QStringLiteral("bench report: field 'stability_judged' is missing or has the wrong type"));
    }

    // Per-endpoint counts of a remote run, as the http plugin reports them, in the summary people read.
    void endpointsInTheSummary()
    {
        BenchReport r = goodReport();
        r.backendStats = QJsonObject{
            {QStringLiteral("transport"), QStringLiteral("direct")},
            {QStringLiteral("endpoints"),
             QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("http://a:8099/score")},
                                    {QStringLiteral("requests"), 5000},
                                    {QStringLiteral("ok"), 4990},
                                    {QStringLiteral("errors"), 10},
                                    {QStringLiteral("by_status"), QJsonObject{{QStringLiteral("503"), 8}}},
                                    {QStringLiteral("transport_errors"), 0},
                                    {QStringLiteral("timeouts"), 2},
                                    {QStringLiteral("mean_ms"), 3.1},
                                    {QStringLiteral("p99_ms"), 9.8}},
                        QJsonObject{{QStringLiteral("url"), QStringLiteral("http://b:8099/score")},
                                    {QStringLiteral("requests"), 7},
                                    {QStringLiteral("ok"), 0},
                                    {QStringLiteral("errors"), 7},
                                    {QStringLiteral("by_status"), QJsonObject{}},
                                    {QStringLiteral("transport_errors"), 7},
                                    {QStringLiteral("timeouts"), 0},
                                    {QStringLiteral("mean_ms"), 0}}}}};
        QCOMPARE(r.endpointSummaries(),
                 (QStringList{QStringLiteral("http://a:8099/score · 5,000 requests · 4,990 ok · failed: HTTP 503 × 8, "
                                             "2 timed out · mean 3.10 ms · p99 9.80 ms"),
                              QStringLiteral("http://b:8099/score · 7 requests · 0 ok · failed: 7 connection errors")}));
        QVERIFY2(r.humanSummary().contains(u"\n  endpoint    http://b:8099/score · 7 requests"),
                 qPrintable(r.humanSummary()));

        // Many endpoints: the first 16, then how many more.
        QJsonArray many;
        for (int i = 0; i < 20; ++i)
            many.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("http://h%1/score").arg(i)}});
        r.backendStats = QJsonObject{{QStringLiteral("endpoints"), many}};
        QCOMPARE(r.endpointSummaries().size(), BenchReport::MaxEndpointLines + 1);
        QCOMPARE(r.endpointSummaries().constLast(), QStringLiteral("… and 4 more (all of them in --json: backend_stats)"));

        // An in-process backend reports no endpoints.
        r.backendStats = {{QStringLiteral("rows"), 2'000'000}};
        QVERIFY(r.endpointSummaries().isEmpty());
        QVERIFY(!r.humanSummary().contains(u"endpoint    "));
    }

    void rateSchedule()
    {
        BenchReport r = goodReport();
        r.scenario = QStringLiteral("rate");
        r.rate = 200;
        r.scheduledBatches = 400;
        r.missedBatches = 188;
        r.evaluate();
        QCOMPARE(r.verdict, QStringLiteral("INVALID"));
        QCOMPARE(r.reasons, QStringList{QStringLiteral("fell behind the requested rate: sent 212 of 400 scheduled "
                                                       "batches (53 %)")});
        const QJsonObject o = r.toJson();
        QCOMPARE(o.value(QStringLiteral("scheduled_batches")).toInteger(), qint64(400));
        QCOMPARE(o.value(QStringLiteral("missed_batches")).toInteger(), qint64(188));
        QVERIFY2(r.humanSummary().contains(u"\n  schedule    400 scheduled batches, 212 sent within the schedule, 188 "
                                           u"missed\n"),
                 qPrintable(r.humanSummary()));
        auto back = BenchReport::fromJson(o);
        QVERIFY(back);
        QCOMPARE(back->scheduledBatches, qint64(400));
        QCOMPARE(back->missedBatches, qint64(188));
        QCOMPARE(back->toJson(), o);

        // Other scenarios, and rate reports without the counts (older ones), have no such keys.
        BenchReport offline = goodReport();
        offline.evaluate();
        QVERIFY(!offline.toJson().contains(QStringLiteral("scheduled_batches")));
        QVERIFY(!offline.humanSummary().contains(u"schedule    "));
        QJsonObject old = o;
        old.remove(QStringLiteral("scheduled_batches"));
        old.remove(QStringLiteral("missed_batches"));
        auto read = BenchReport::fromJson(old);
        QVERIFY(read);
        QCOMPARE(read->scheduledBatches, qint64(0));
        read->evaluate();
        QVERIFY(read->reasons.isEmpty());
    }

    void csvAppendsOnceWithHeader()
    {
        const QString path = m_dir.filePath(QStringLiteral("runs.csv"));
        BenchReport r = goodReport();
        r.evaluate();
        QVERIFY(appendCsvReport(path, r));
        QVERIFY(appendCsvReport(path, r));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 4);   // header, 2 rows, empty after the last newline
        QCOMPARE(QString::fromUtf8(lines.at(0)), BenchReport::csvHeader().join(u','));
        QCOMPARE(lines.at(1), lines.at(2));
        QVERIFY(lines.at(1).contains(",\"logistic, 100 features, k=1, synthetic seed 42\","));
        QVERIFY(lines.at(3).isEmpty());
        // As many fields as the header once quoting is taken into account.
        int fields = 1;
        bool quoted = false;
        for (QChar c : r.csvRow()) {
            if (c == u'"')
                quoted = !quoted;
            else if (c == u',' && !quoted)
                ++fields;
        }
        QCOMPARE(fields, int(BenchReport::csvHeader().size()));
    }

    void csvAppendThatFailsLeavesNoHalfRow()
    {
        // A write that stops part-way (a full disk; here the file size limit) leaves the file as it was.
        const QString path = m_dir.filePath(QStringLiteral("full.csv"));
        BenchReport r = goodReport();
        r.evaluate();
        QVERIFY(appendCsvReport(path, r));
        const qint64 size = QFileInfo(path).size();
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit limited = saved;
        limited.rlim_cur = rlim_t(size + 40);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
        auto appended = appendCsvReport(path, r);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!appended);
        QVERIFY2(appended.error().message.startsWith(path + u": cannot write: "), qPrintable(appended.error().message));
        QCOMPARE(QFileInfo(path).size(), size);
        QVERIFY(appendCsvReport(path, r));
        QCOMPARE(QFileInfo(path).size(), 2 * size - qint64(BenchReport::csvHeader().join(u',').toUtf8().size() + 1));

        // A report file the failed append created is not left behind, empty or cut.
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.csv"));
        limited.rlim_cur = rlim_t(40);
        std::signal(SIGXFSZ, SIG_IGN);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
        appended = appendCsvReport(fresh, r);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!appended);
        QVERIFY(!QFile::exists(fresh));
    }

    void csvRefusesOtherHeader()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("when,what\n1,2\n");
        f.close();
        auto check = checkCsvReport(path);
        QVERIFY(!check);
        QCOMPARE(check.error().kind, ErrorKind::Usage);
        QVERIFY(check.error().message.startsWith(path + u": the header differs"));
        QVERIFY(!appendCsvReport(path, goodReport()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("when,what\n1,2\n"));
    }

    void csvKeepsTheColumnsOfAnEarlierReport()
    {
        // A report file an earlier version started: fewer columns (no max_error_rate_pct), some in another order.
        // Runs are appended in its layout, so its rows stay aligned under its header.
        QStringList columns = BenchReport::csvHeader();
        columns.removeAll(QStringLiteral("max_error_rate_pct"));
        columns.swapItemsAt(1, 2);
        const QString path = m_dir.filePath(QStringLiteral("earlier.csv"));
        const QByteArray header = columns.join(u',').toUtf8() + "\n";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(header);
        f.close();
        QCOMPARE(*csvReportColumns(path), columns);
        BenchReport r = goodReport();
        r.backendSpec = QStringLiteral("linear:spec");   // told apart from the backend; no commas in the fields
        r.model = QStringLiteral("synthetic");
        r.input = QStringLiteral("synthetic");
        r.maxErrorRatePct = 2;
        r.evaluate();
        QVERIFY(appendCsvReport(path, r));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        QCOMPARE(lines.size(), 3);   // header, row, and the empty rest after the last line break
        QCOMPARE(lines.at(0) + "\n", header);
        const QStringList fields = QString::fromUtf8(lines.at(1)).split(u',');
        QCOMPARE(fields.size(), columns.size());   // no field of the reasons has a comma here
        QCOMPARE(fields.at(1), r.backendSpec);
        QCOMPARE(fields.at(2), r.backend);
        QCOMPARE(fields.at(columns.indexOf(QStringLiteral("verdict"))), r.verdict);

        // A new file gets every column, the new one among them.
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.csv"));
        QVERIFY(appendCsvReport(fresh, r));
        QFile n(fresh);
        QVERIFY(n.open(QIODevice::ReadOnly));
        const QList<QByteArray> freshLines = n.readAll().split('\n');
        QCOMPARE(QString::fromUtf8(freshLines.at(0)), BenchReport::csvHeader().join(u','));
        QCOMPARE(QString::fromUtf8(freshLines.at(1)).split(u',').at(BenchReport::csvHeader().indexOf(
                     QStringLiteral("max_error_rate_pct"))),
                 QStringLiteral("2"));

        // Repeated or unknown columns, or none to tell the runs apart by, are not a report's header.
        for (const QByteArray &other : {QByteArray("started_at,backend,backend\n"),
                                        QByteArray("started_at,backend,colour\n"), QByteArray("backend,rows\n")}) {
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(other);
            f.close();
            const auto refused = csvReportColumns(path);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.startsWith(path + u": the header differs"),
                     qPrintable(refused.error().message));
        }
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("started_at,backend,colour\n");
        f.close();
        QVERIFY(csvReportColumns(path).error().message.contains(u"unknown or repeated: colour"));
    }

    void reportFileCheckedBeforeTheRun()
    {
        QVERIFY(checkReportFile(m_dir.filePath(QStringLiteral("new.json"))));
        QVERIFY(checkReportFile(m_dir.filePath(QStringLiteral("new.csv"))));

        const QString missing = m_dir.filePath(QStringLiteral("missing/run.json"));
        auto check = checkReportFile(missing);
        QVERIFY(!check);
        QCOMPARE(check.error().kind, ErrorKind::Usage);
        QCOMPARE(check.error().message, QStringLiteral("%1: cannot write: the folder %2 does not exist")
                                            .arg(missing, m_dir.filePath(QStringLiteral("missing"))));

        const QString folder = m_dir.filePath(QStringLiteral("runs.json"));
        QVERIFY(QDir().mkpath(folder));
        check = checkReportFile(folder);
        QVERIFY(!check);
        QCOMPARE(check.error().message, QStringLiteral("%1: is a folder").arg(folder));

        // A file in the place of the folder.
        const QString notFolder = m_dir.filePath(QStringLiteral("plain"));
        QFile plain(notFolder);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        check = checkReportFile(QStringLiteral("%1/run.csv").arg(notFolder));
        QVERIFY(!check);
        QCOMPARE(check.error().message,
                 QStringLiteral("%1/run.csv: cannot write: %1 is not a folder").arg(notFolder));

        // A link is checked at its target: a dangling one into a missing folder is refused, one to a writable
        // place is not.
        const QString dangling = m_dir.filePath(QStringLiteral("dangling.json"));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("missing/target.json")), dangling));
        check = checkReportFile(dangling);
        QVERIFY(!check);
        QCOMPARE(check.error().message, QStringLiteral("%1: cannot write: the folder %2 does not exist")
                                            .arg(dangling, m_dir.filePath(QStringLiteral("missing"))));
        const QString good = m_dir.filePath(QStringLiteral("good-link.json"));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("target.json")), good));
        QVERIFY(checkReportFile(good));

        // A .csv path also gets the header check.
        const QString other = m_dir.filePath(QStringLiteral("other-columns.csv"));
        QFile o(other);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write("a,b\n");
        o.close();
        check = checkReportFile(other);
        QVERIFY(!check);
        QVERIFY(check.error().message.startsWith(QStringLiteral("%1: the header differs").arg(other)));
    }

    void jsonReportFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("run.json"));
        BenchReport r = goodReport();
        r.evaluate();
        QVERIFY(writeJsonReport(path, r));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object(), r.toJson());
    }

    // Several runs in one file: CSV rows in the order given, a JSON array; one run as JSON is its object; other
    // suffixes and no run at all are refused and write nothing.
    void severalReportsInOneFile()
    {
        BenchReport a = goodReport();
        a.evaluate();
        BenchReport b = goodReport();
        b.backend = QStringLiteral("xgboost");
        b.evaluate();
        const QString csv = m_dir.filePath(QStringLiteral("runs.csv"));
        QVERIFY(writeReports(csv, {a, b}));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), (BenchReport::csvHeader().join(u',') + u'\n' + a.csvRow() + u'\n' + b.csvRow() + u'\n')
                                  .toUtf8());
        f.close();
        const QString json = m_dir.filePath(QStringLiteral("runs.JSON"));
        QVERIFY(writeReports(json, {a, b}));
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(j.readAll()).array(), (QJsonArray{a.toJson(), b.toJson()}));
        j.close();
        QVERIFY(writeReports(json, {b}));
        QVERIFY(j.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(j.readAll()).object(), b.toJson());

        const QString txt = m_dir.filePath(QStringLiteral("runs.txt"));
        auto refused = writeReports(txt, {a});
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Usage);
        QCOMPARE(refused.error().message, txt + QStringLiteral(": the file name must end in .json or .csv"));
        QVERIFY(!QFile::exists(txt));
        refused = writeReports(csv, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Usage);
    }

    void history()
    {
        const QString path = m_dir.filePath(QStringLiteral("history/bench-history.jsonl"));
        BenchHistory h(path);
        QVERIFY(h.list().isEmpty());
        BenchReport a = goodReport();
        a.evaluate();
        BenchReport b = goodReport();
        b.backend = QStringLiteral("xgboost");
        b.errors = 1;
        b.evaluate();
        QVERIFY(h.append(a));
        // A crash in the middle of an append: half a line, no newline.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"backend\": \"half");
        }
        QVERIFY(h.append(b));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(":2: skipped a corrupt history entry: ")));
        const auto entries = h.list();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(h.skippedLines(), 1);
        QCOMPARE(entries.at(0).backend, QStringLiteral("linear"));
        QCOMPARE(entries.at(0).verdict, QStringLiteral("VALID"));
        QCOMPARE(entries.at(1).backend, QStringLiteral("xgboost"));
        QCOMPARE(entries.at(1).verdict, QStringLiteral("INVALID"));
        QCOMPARE(entries.at(0).rowsPerS, 4e6);
        auto loaded = h.load(entries.at(1).id);
        QVERIFY(loaded);
        QCOMPARE(loaded->toJson(), b.toJson());
        QVERIFY(!h.load(entries.at(1).id + 3));
        QVERIFY(!h.load(-1));
        QVERIFY(BenchHistory::defaultPath().endsWith(u"/bench-history.jsonl"));
    }

    void decimation()
    {
        QList<QPointF> points;
        for (int i = 0; i < 100'000; ++i)
            points.append(QPointF(i, (i == 54'321) ? 1000.0 : (i == 12'345 ? -1000.0 : double(i % 7))));
        const QList<QPointF> d = decimateMinMax(points, 500);
        QVERIFY(d.size() <= 4 * 500);
        QVERIFY(d.size() >= 2 * 500);
        QCOMPARE(d.first(), points.first());
        QCOMPARE(d.last(), points.last());
        bool spikeUp = false;
        bool spikeDown = false;
        for (qsizetype i = 0; i < d.size(); ++i) {
            if (i > 0)
                QVERIFY(d.at(i - 1).x() < d.at(i).x());
            spikeUp = spikeUp || d.at(i).y() == 1000.0;
            spikeDown = spikeDown || d.at(i).y() == -1000.0;
        }
        QVERIFY(spikeUp && spikeDown);
        // Small series pass through untouched.
        const QList<QPointF> few = points.mid(0, 100);
        QCOMPARE(decimateMinMax(few, 500), few);
        QCOMPARE(decimateMinMax(points, 0), points);
        // Visible range: only points inside, plus one neighbour on each side.
        const QList<QPointF> range = decimateMinMax(points, 100, 1000, 2000);
        QCOMPARE(range.first().x(), 999.0);
        QCOMPARE(range.last().x(), 2001.0);
        QVERIFY(range.size() <= 4 * 100 + 2);
    }

    void histogramDecimationKeepsCounts()
    {
        LatencyHistogram histogram;
        quint64 total = 0;
        // 1 µs to 1 s, denser around 2 ms: thousands of distinct buckets.
        for (qint64 ns = 1000; ns < 1'000'000'000; ns = ns * 101 / 100 + 1) {
            const quint64 n = ns > 1'000'000 && ns < 4'000'000 ? 50 : 3;
            histogram.recordN(ns, n);
            total += n;
        }
        const QList<LatencyHistogram::Bucket> buckets = histogram.buckets();
        QVERIFY(buckets.size() > 500);
        const QList<LatencyHistogram::Bucket> bins = decimateHistogram(buckets, 60);
        QVERIFY2(bins.size() <= 60 && bins.size() >= 40, qPrintable(QString::number(bins.size())));
        quint64 sum = 0;
        for (qsizetype i = 0; i < bins.size(); ++i) {
            sum += bins.at(i).count;
            QVERIFY(bins.at(i).lowerNs < bins.at(i).upperNs);
            if (i > 0)
                QVERIFY(bins.at(i - 1).upperNs <= bins.at(i).lowerNs);
        }
        QCOMPARE(sum, total);
        QCOMPARE(bins.first().lowerNs, buckets.first().lowerNs);
        QCOMPARE(bins.last().upperNs, buckets.last().upperNs);
        // Few buckets are kept as they are; no bins asked for, none given.
        const QList<LatencyHistogram::Bucket> few = buckets.mid(0, 10);
        QCOMPARE(decimateHistogram(few, 60).size(), few.size());
        QVERIFY(decimateHistogram(buckets, 0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBenchReport)
#include "tst_benchreport.moc"
