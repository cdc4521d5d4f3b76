// Drives the `http` plugin open-loop against a loopback scoring service (float32 protocol, protocols.md §f) that
// stops answering for one second once, and checks that the reported latency counts the stall for every batch
// that was *scheduled* during it, not only for the few requests the service was holding. Also a load sweep against
// a service of fixed capacity: it ends at the first level the service cannot keep up with.
#include "scoring/benchrun.h"
#include "scoring/loadgenerator.h"
#include "scoring/loadsweep.h"
#include "scoring/pluginregistry.h"
#include "support/httpfake.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QtEndian>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Opsdeck;
using namespace Opsdeck::Core;
using Opsdeck::Test::FakeRequest;
using Opsdeck::Test::FakeResponse;
using Opsdeck::Test::HttpFake;

// The float32 reply of a service with one output: a 0 per row of a request of Features columns, after delayMs.
constexpr int Features = 2;

FakeResponse zeroScores(const FakeRequest &request, int delayMs = 0)
{
    FakeResponse response;
    response.headers = {{"Content-Type", "application/octet-stream"}};
    response.body = QByteArray(request.body.size() / Features, '\0');   // one float32 0 per row
    response.delayMs = delayMs;
    return response;
}

class TestBenchStall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<PluginRegistry>(QStringList{QStringLiteral(OPSDECK_TEST_PLUGIN_DIR)});
        auto plugin = m_registry->backend(QStringLiteral("http"));
        QVERIFY2(plugin, qPrintable(plugin ? QString() : plugin.error().message));
        m_http = *plugin;
        m_httpInfo = m_registry->find(QStringLiteral("http"));
        QVERIFY(m_httpInfo);
    }

    void stallCountsFromTheSchedule()
    {
        // The service: 2 features in, one score out per row. Request 201 (batch 200) starts a stall: everything
        // that arrives in the next second is answered when it ends.
        constexpr int features = Features;
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        QElapsedTimer clock;
        clock.start();
        int received = 0;
        qint64 stallUntil = -1;
        bool badRequest = false;
        service.route("*", "/score", [&](const FakeRequest &request) {
            const qint64 now = clock.elapsed();
            if (++received == 201)
                stallUntil = now + 1000;
            const qsizetype rows = request.body.size() / (4 * features);
            badRequest = badRequest || request.body.size() % (4 * features) != 0 || request.method != "PUT";
            QByteArray scores(rows * 4, Qt::Uninitialized);
            for (qsizetype r = 0; r < rows; ++r) {
                const float x = qFromLittleEndian<float>(request.body.constData() + r * 4 * features);
                qToLittleEndian<float>(x * 2, scores.data() + r * 4);
            }
            FakeResponse response;
            response.headers = {{"Content-Type", "application/octet-stream"}};
            response.body = scores;
            response.delayMs = int(std::max<qint64>(0, stallUntil - now));
            return response;
        });

        // Open loop at R = 200 batches/s (T = 5 ms), N = 600 batches of one row, 4 requests in flight (the
        // plugin's default per endpoint). Batches scheduled at t_s + jT during the stall (t_s: batch 200's
        // schedule) complete no earlier than t_s + D, D = 1 s: four at the service, the rest waiting in the
        // generator for a free slot. From its schedule, batch j takes L_j ≈ D − jT + (a few ms: round trip and
        // draining the backlog four at a time), which falls with j. The nearest-rank p99 of 600 values is the
        // ⌈0.99·600⌉ = 594th smallest, the 7th largest: L_6 ≈ 1000 − 30 + ~3 = 973 ms; the maximum is L_0 ≈ 1001 ms.
        // Counting from the actual send (coordinated omission) only the four held requests would be slow and the
        // p99 would be a few milliseconds.
        BenchOptions o = httpOptions(service.url("/score").toString());
        o.scenario = Scenario::Rate;
        o.rate = 200;
        o.rows = 600;
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        QSignalSpy failed(&run, &BenchRun::failed);
        run.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().message));
        const BenchReport &r = run.report();
        QVERIFY(!badRequest);
        QCOMPARE(received, 600);
        QCOMPARE(r.rows, qint64(600));
        QCOMPARE(r.errors, qint64(0));
        QCOMPARE(r.inFlight, 4);
        QVERIFY(r.model.startsWith(u"http"));
        const double expectedP99 = 973;
        qInfo("stalled service: p99 %.1f ms (expected %.0f ms ± 5%%), max %.1f ms, p50 %.2f ms", r.latency.p99,
              expectedP99, r.latency.max, r.latency.p50);
        QVERIFY2(qAbs(r.latency.p99 - expectedP99) <= 0.05 * expectedP99, qPrintable(QString::number(r.latency.p99)));
        QVERIFY2(qAbs(r.latency.max - 1001) <= 0.05 * 1001, qPrintable(QString::number(r.latency.max)));
        // The stall shows in the per-window p99 too: one window holds it.
        bool windowSawStall = false;
        for (const BenchWindow &w : r.windows)
            windowSawStall = windowSawStall || w.p99Ms > 500;
        QVERIFY(windowSawStall);
    }

    void slowServiceRateRunEndsOnTime()
    {
        // A service that answers each request after 100 ms, 4 requests in flight: at most 40 batches/s. Asked for
        // 200 batches/s for 1 s, the run must end after about 1 s (plus the last replies), not send all 200
        // batches however late (that run lasted 5 s, and a 2-s one against a slower service 20 s).
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        int received = 0;
        service.route("*", "/score", [&](const FakeRequest &request) {
            ++received;
            return zeroScores(request, 100);
        });
        Sdk::ModelConfig config;
        config.endpoints = {service.url("/score").toString()};
        config.options.insert(QStringLiteral("protocol"), QStringLiteral("float32"));
        config.features = Features;
        QString error;
        const std::unique_ptr<Sdk::ModelInstance> instance = m_http->load(config, &error);
        QVERIFY2(instance, qPrintable(error));
        auto data = syntheticDense(100, Features, 42);
        QVERIFY(data);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 200;
        plan.durationS = 1;
        plan.batchSize = 1;
        LoadGenerator generator(*instance, *data, plan);
        QSignalSpy finished(&generator, &LoadGenerator::finished);
        generator.start();
        QVERIFY(finished.wait(60000));
        const LoadResult &r = generator.result();
        QVERIFY2(r.setupError.isEmpty(), qPrintable(r.setupError));
        QCOMPARE(r.errors, qint64(0));   // the batches in flight at the end were awaited
        QCOMPARE(r.batches, qint64(received));
        QVERIFY2(received > 0 && received < 100, qPrintable(QString::number(received)));
        QCOMPARE(r.scheduledBatches, qint64(200));
        QCOMPARE(r.missedBatches, 200 - r.batches);
        QVERIFY(r.durationS >= 1);
        // Sent late, measured from their schedule: the last batches waited most of the second for a slot.
        QVERIFY2(double(r.latency.max()) / 1e6 > 500, qPrintable(QString::number(double(r.latency.max()) / 1e6)));
    }

    void sweepEndsWhereTheServiceSaturates()
    {
        // A service that scores one request at a time, 10 ms each: 100 batches/s at most, whatever the load.
        // Open loop at 20, 40, 160 and 320 batches/s for 1 s each, --max-p99 50 ms. At 20 and 40 it keeps up (each
        // batch is done in about 10 ms); at 160 the queue grows by 60 batches a second, the last ones wait about
        // 0.5 s: p99 far above 50 ms, and fewer than 90 % of the arrivals sent in time. The sweep ends there, 320
        // never runs, and the best level is 40 batches/s.
        constexpr qint64 serviceMs = 10;
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        QElapsedTimer clock;
        clock.start();
        qint64 busyUntil = 0;
        service.route("*", "/score", [&](const FakeRequest &request) {
            const qint64 now = clock.elapsed();
            busyUntil = std::max(busyUntil, now) + serviceMs;
            return zeroScores(request, int(busyUntil - now));
        });

        BenchOptions base = httpOptions(service.url("/score").toString());
        base.durationS = 1;
        base.maxP99Ms = 50;
        LoadSweep sweep(Scenario::Rate, {20, 40, 160, 320});
        while (!sweep.isDone()) {
            BenchRun run(sweep.options(base, sweep.next()));
            QSignalSpy finished(&run, &BenchRun::finished);
            run.start();
            QVERIFY(finished.wait(60000));
            QCOMPARE(run.report().rate, sweep.levels().at(sweep.next()));
            sweep.add(run.report());
        }
        for (const BenchReport &r : sweep.runs())
            qInfo("rate %g/s: %.1f batches/s, p99 %.1f ms, %s %s", r.rate, r.batchesPerS, r.latency.p99,
                  qPrintable(r.verdict), qPrintable(r.reasons.join(u"; ")));
        QCOMPARE(sweep.runs().size(), 3);
        QCOMPARE(sweep.runs().at(0).verdict, QStringLiteral("VALID"));
        QCOMPARE(sweep.runs().at(1).verdict, QStringLiteral("VALID"));
        const BenchReport &saturated = sweep.runs().at(2);
        QVERIFY(saturated.thresholdBreached);
        QVERIFY2(saturated.latency.p99 > 200, qPrintable(QString::number(saturated.latency.p99)));
        QVERIFY2(saturated.batchesPerS < 110, qPrintable(QString::number(saturated.batchesPerS)));
        QCOMPARE(sweep.best(), std::optional<qsizetype>(1));
        QVERIFY2(sweep.endedEarly().startsWith(u"rate 160/s: "), qPrintable(sweep.endedEarly()));
        QVERIFY2(sweep.endedEarly().contains(u"--max-p99"), qPrintable(sweep.endedEarly()));
        QCOMPARE(sweep.exitCode(), 0);
        const QJsonObject j = sweep.toJson();
        QCOMPARE(j.value(QStringLiteral("sweep")).toString(), QStringLiteral("rate"));
        QCOMPARE(j.value(QStringLiteral("runs")).toArray().size(), 3);
        QCOMPARE(j.value(QStringLiteral("best")).toObject().value(QStringLiteral("level")).toDouble(), 40.0);
        QVERIFY(sweep.conclusion().contains(u"best: rate 40/s"));

        // Drawn again from its runs (as the history does, in any order): the same sweep, as it ended.
        for (const BenchReport &r : sweep.runs())
            QCOMPARE(r.sweep, std::optional(SweepMembership{sweep.id(), {20, 40, 160, 320}}));
        QList<BenchReport> shuffled{sweep.runs().at(2), sweep.runs().at(0), sweep.runs().at(1)};
        const auto again = LoadSweep::fromRuns(shuffled);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again->id(), sweep.id());
        QVERIFY(again->isDone());
        QCOMPARE(again->best(), sweep.best());
        QCOMPARE(again->endedEarly(), sweep.endedEarly());
        QCOMPARE(again->conclusion(), sweep.conclusion());
        // Runs of two sweeps are not one.
        shuffled[0].sweep->id = QStringLiteral("another");
        const auto mixed = LoadSweep::fromRuns(shuffled);
        QVERIFY(!mixed);
        QVERIFY2(mixed.error().message.contains(u"belongs to another load sweep"), qPrintable(mixed.error().message));
    }

    void refusedEndpointIsUnreachable()
    {
        // Nothing listens: every connection is refused. The run gives up after the first batches (exit 5).
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        const QString url = service.url("/score").toString();
        service.close();
        BenchReport r;
        QVERIFY(runOffline(url, 200, &r));
        QVERIFY(r.unreachable);
        QCOMPARE(r.exitCode(), 5);
        QVERIFY2(r.errors >= 4 && r.errors < 200, qPrintable(QString::number(r.errors)));
        QCOMPARE(r.batches, qint64(0));
    }

    void droppedConnectionIsCounted()
    {
        // The service accepts every connection, reads the request and closes without answering. It is reachable:
        // every batch is a counted error, the run scores all its batches, and the exit code is 1, not 5.
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        FakeResponse drop;
        drop.mode = FakeResponse::Mode::CloseWithoutResponse;
        service.route("*", "/score", drop);
        BenchReport r;
        QVERIFY(runOffline(service.url("/score").toString(), 40, &r));
        QCOMPARE(r.batches, qint64(0));
        QVERIFY(r.errors > 0);
        QVERIFY(!r.unreachable);
        QCOMPARE(r.errors, qint64(40));
        QCOMPARE(service.requestCount(), 40);
        QCOMPARE(r.exitCode(), 1);
    }

    void failuresWithinTheErrorTolerance()
    {
        // A service that sheds load: every tenth request gets 503. 200 one-row batches, so 20 fail. Without
        // --max-error-rate that is INVALID (exit 1); 15 % tolerates them (VALID, exit 0, still counted and shown per
        // endpoint); 5 % is a breached threshold (exit 3). A sweep goes on past a level whose failures are
        // tolerated and ends at one whose are not.
        HttpFake service;
        QVERIFY2(service.listen(), qPrintable(service.errorString()));
        int requests = 0;
        service.route("*", "/score", [&](const FakeRequest &request) {
            if (++requests % 10 == 0) {
                FakeResponse busy;
                busy.status = 503;
                busy.body = "busy";
                return busy;
            }
            return zeroScores(request);
        });
        const QString url = service.url("/score").toString();

        BenchReport strict;
        QVERIFY(runOffline(url, 200, &strict));
        QCOMPARE(strict.errors, qint64(20));
        QCOMPARE(strict.batches, qint64(180));
        QCOMPARE(strict.verdict, QStringLiteral("INVALID"));
        QVERIFY(!strict.thresholdBreached);
        QCOMPARE(strict.exitCode(), 1);

        BenchReport tolerant;
        QVERIFY(runOffline(url, 200, &tolerant, 15));
        QCOMPARE(tolerant.errors, qint64(20));
        QCOMPARE(tolerant.errorRatePct(), 10.0);
        QVERIFY2(tolerant.verdict == u"VALID" || tolerant.reasons.join(u"; ").startsWith(u"unstable"),
                 qPrintable(tolerant.reasons.join(u"; ")));
        QVERIFY(!tolerant.errorsBeyondTolerance());
        QVERIFY(!tolerant.thresholdBreached);
        const QString summary = tolerant.humanSummary();
        QVERIFY2(summary.contains(u"errors      10 % of the batches failed (20 of 200), within --max-error-rate 15 %"),
                 qPrintable(summary));
        QVERIFY2(summary.contains(u"HTTP 503 × 20"), qPrintable(summary));
        QCOMPARE(tolerant.toJson().value(QStringLiteral("error_rate_pct")).toDouble(), 10.0);
        QCOMPARE(tolerant.toJson()
                     .value(QStringLiteral("thresholds"))
                     .toObject()
                     .value(QStringLiteral("max_error_rate_pct"))
                     .toDouble(),
                 15.0);

        BenchReport breached;
        QVERIFY(runOffline(url, 200, &breached, 5));
        QCOMPARE(breached.verdict, QStringLiteral("INVALID"));
        QVERIFY(breached.thresholdBreached);
        QCOMPARE(breached.exitCode(), 3);
        QVERIFY2(breached.reasons.join(u"; ").contains(u"10 % of the batches failed (20 of 200, first: "),
                 qPrintable(breached.reasons.join(u"; ")));
        QVERIFY2(breached.reasons.join(u"; ").contains(u"above --max-error-rate 5 %"),
                 qPrintable(breached.reasons.join(u"; ")));

        // The sweep: concurrency 1 and 2, 100 batches each (10 fail in each).
        BenchOptions base = httpOptions(url);
        base.rows = 100;
        for (const double tolerated : {15.0, 0.0}) {
            requests = 0;
            base.maxErrorRatePct = tolerated > 0 ? std::optional<double>(tolerated) : std::nullopt;
            LoadSweep sweep(Scenario::Concurrency, {1, 2});
            while (!sweep.isDone()) {
                BenchRun run(sweep.options(base, sweep.next()));
                QSignalSpy finished(&run, &BenchRun::finished);
                run.start();
                QVERIFY(finished.wait(60000));
                sweep.add(run.report());
            }
            QCOMPARE(sweep.runs().size(), tolerated > 0 ? 2 : 1);
            QCOMPARE(sweep.runs().at(0).errors, qint64(10));
            if (tolerated > 0)
                QVERIFY2(sweep.endedEarly().isEmpty(), qPrintable(sweep.endedEarly()));
            else
                QVERIFY2(sweep.endedEarly().startsWith(u"concurrency 1: 10 of 100 batches failed"),
                         qPrintable(sweep.endedEarly()));
        }
    }

    void slowNodeShowsInItsEndpointTail()
    {
        // Two endpoints, round-robin: `steady` answers at once; `flaky` holds every tenth of its requests for
        // 100 ms. A mean blurs that into one number; the p99 of each endpoint's service times shows the tail
        // (about 100 ms at flaky, a millisecond or so at steady) while the median stays low at both.
        HttpFake steady;
        HttpFake flaky;
        QVERIFY2(steady.listen() && flaky.listen(), qPrintable(steady.errorString() + flaky.errorString()));
        steady.route("*", "/score", [](const FakeRequest &request) { return zeroScores(request); });
        int flakyRequests = 0;
        flaky.route("*", "/score", [&](const FakeRequest &request) {
            return zeroScores(request, ++flakyRequests % 10 == 0 ? 100 : 0);
        });
        BenchOptions o = httpOptions(steady.url("/score").toString());
        o.rows = 400;
        o.backend.endpoints.append(flaky.url("/score").toString());
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(60000));
        const BenchReport &r = run.report();
        QCOMPARE(r.errors, qint64(0));
        const QJsonArray endpoints = r.backendStats.value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(endpoints.size(), 2);
        const QJsonObject fast = endpoints.at(0).toObject();
        const QJsonObject slow = endpoints.at(1).toObject();
        QCOMPARE(fast.value(QStringLiteral("ok")).toInteger() + slow.value(QStringLiteral("ok")).toInteger(),
                 qint64(400));
        const double fastP99 = fast.value(QStringLiteral("p99_ms")).toDouble();
        const double slowP99 = slow.value(QStringLiteral("p99_ms")).toDouble();
        const double slowP50 = slow.value(QStringLiteral("p50_ms")).toDouble();
        qInfo("steady p50 %.2f p99 %.2f mean %.2f · flaky p50 %.2f p99 %.2f mean %.2f max %.1f",
              fast.value(QStringLiteral("p50_ms")).toDouble(), fastP99, fast.value(QStringLiteral("mean_ms")).toDouble(),
              slowP50, slowP99, slow.value(QStringLiteral("mean_ms")).toDouble(),
              slow.value(QStringLiteral("max_ms")).toDouble());
        QVERIFY2(slowP99 >= 99 && slowP99 < 150, qPrintable(QString::number(slowP99)));
        QVERIFY2(slowP50 < 50, qPrintable(QString::number(slowP50)));
        QVERIFY2(fastP99 < 50, qPrintable(QString::number(fastP99)));
        QVERIFY(slow.value(QStringLiteral("max_ms")).toDouble() >= slowP99);
        const QStringList lines = r.endpointSummaries();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(QStringLiteral(" · p99 %1 ms").arg(slowP99 >= 100 ? QString::number(slowP99, 'f', 0)
                                                                                        : QString::number(slowP99, 'f', 1))),
                 qPrintable(lines.at(1)));
    }

private:
    // The http plugin against `url`, float32, Features columns, one-row batches, no warm-up.
    BenchOptions httpOptions(const QString &url) const
    {
        BenchOptions o;
        o.backend = BackendSpec{QStringLiteral("http"), {}, {url}, {}, Features, {}};
        o.backend.options.insert(QStringLiteral("protocol"), QStringLiteral("float32"));
        o.plugin = m_http;
        o.capabilities = m_httpInfo->capabilities;
        o.batchSize = 1;
        o.warmupS = 0;
        return o;
    }

    // An offline run of `batches` one-row batches through the http plugin against `url`.
    bool runOffline(const QString &url, int batches, BenchReport *report,
                    std::optional<double> maxErrorRatePct = std::nullopt) const
    {
        BenchOptions o = httpOptions(url);
        o.rows = batches;
        o.maxErrorRatePct = maxErrorRatePct;
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        if (!finished.wait(60000))
            return false;
        *report = run.report();
        return true;
    }

    std::unique_ptr<PluginRegistry> m_registry;
    Sdk::ModelBackend *m_http = nullptr;
    const PluginInfo *m_httpInfo = nullptr;
};

QTEST_GUILESS_MAIN(TestBenchStall)
#include "tst_benchstall.moc"
