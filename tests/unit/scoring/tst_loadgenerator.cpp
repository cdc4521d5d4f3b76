#include "scoring/benchrun.h"
#include "scoring/loadgenerator.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#if defined(Q_OS_LINUX)
#include <sched.h>
#endif

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif

using namespace Opsdeck;
using namespace Opsdeck::Core;
using Kind = Sdk::ScoreStatus::Kind;

namespace {

// An in-process backend: out[r] = sum of row r + offset. Counts what it scored and notices any overlapping
// score() calls (which the host must never make when isThreadSafe() is false).
class FakeSync final : public Sdk::ModelInstance
{
public:
    FakeSync(qsizetype cols, bool threadSafe)
        : m_cols(cols)
        , m_threadSafe(threadSafe)
    {
    }

    qsizetype inputColumns() const override { return m_cols; }
    qsizetype outputColumns() const override { return 1; }
    bool isRemote() const override { return false; }
    bool isThreadSafe() const override { return m_threadSafe; }
    QString describe() const override { return QStringLiteral("fake sync"); }
    QJsonObject statistics() const override { return {{QStringLiteral("calls"), qint64(calls.load())}}; }

    bool score(const Sdk::BatchInput &input, float *out, QString *error) override
    {
        if (onCall)
            onCall();
        const int now = active.fetch_add(1) + 1;
        int seen = maxActive.load();
        while (now > seen && !maxActive.compare_exchange_weak(seen, now)) {
        }
        const qint64 call = calls.fetch_add(1);
        if (sleepUs > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(sleepUs));
        const bool ok = !(failWhen && failWhen(call));
        if (ok) {
            for (qsizetype r = 0; r < input.rows; ++r) {
                float sum = 0;
                for (qsizetype c = 0; c < input.cols; ++c)
                    sum += input.values[r * input.cols + c];
                out[r] = sum + offset;
            }
            rowsSeen.fetch_add(input.rows);
        } else {
            *error = QStringLiteral("fake failure in call %1").arg(call);
        }
        active.fetch_sub(1);
        return ok;
    }

    std::atomic<qint64> calls{0};
    std::atomic<qint64> rowsSeen{0};
    std::atomic<int> active{0};
    std::atomic<int> maxActive{0};
    std::function<bool(qint64)> failWhen;
    std::function<void()> onCall;   // on the calling thread, before anything else
    int sleepUs = 0;
    float offset = 0;

private:
    qsizetype m_cols;
    bool m_threadSafe;
};

// A remote backend: completes each batch later on the event loop. `completionAt` decides when (ms from now),
// `statusOf` how. Records the most batches it ever had outstanding.
class FakeRemote final : public Sdk::ModelInstance
{
public:
    FakeRemote(qsizetype cols, int maxInFlight)
        : m_cols(cols)
        , m_max(maxInFlight)
    {
    }

    qsizetype inputColumns() const override { return m_cols; }
    qsizetype outputColumns() const override { return 1; }
    bool isRemote() const override { return true; }
    bool isThreadSafe() const override { return false; }
    int maxInFlight() const override { return m_max; }
    QString describe() const override { return QStringLiteral("fake remote"); }

    bool score(const Sdk::BatchInput &, float *, QString *error) override
    {
        *error = QStringLiteral("remote fake: scoreAsync only");
        return false;
    }

    void scoreAsync(const Sdk::BatchInput &input, float *out, Sdk::ScoreCallback done) override
    {
        ++inFlight;
        maxSeen = std::max(maxSeen, inFlight);
        if (inFlight > m_max)
            exceeded = true;
        const qint64 call = calls++;
        const int delay = completionAt ? completionAt(call) : 2;
        // No context object: the completion runs on the calling thread's event loop, as the SDK requires.
        QTimer::singleShot(delay, Qt::PreciseTimer, [this, input, out, call, done] {
            Sdk::ScoreStatus status;
            status.kind = statusOf ? statusOf(call) : Kind::Ok;
            if (status.kind == Kind::Ok) {
                for (qsizetype r = 0; r < input.rows; ++r)
                    out[r] = input.values[r * input.cols];
                rowsSeen += input.rows;
            } else {
                status.message = QStringLiteral("fake endpoint: call %1 failed").arg(call);
                status.endpoint = QStringLiteral("http://fake/score");
                status.httpStatus = httpStatusOf ? httpStatusOf(call) : 0;
            }
            --inFlight;
            done(status);
        });
    }

    int inFlight = 0;
    int maxSeen = 0;
    bool exceeded = false;
    std::atomic<qint64> calls{0};   // read by a test on another thread
    qint64 rowsSeen = 0;
    std::function<int(qint64)> completionAt;
    std::function<Kind(qint64)> statusOf;
    std::function<int(qint64)> httpStatusOf;   // of a failed call; 0 (none) when unset

private:
    qsizetype m_cols;
    int m_max;
};

// A plugin root whose load() hands out a prepared instance and remembers the config and thread.
class FakePlugin final : public Sdk::ModelBackend
{
public:
    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override
    {
        lastConfig = config;
        loadThread = QThread::currentThread();
        if (!next) {
            *error = QStringLiteral("fake: cannot load %1").arg(config.modelPath);
            return nullptr;
        }
        return std::move(next);
    }
    std::unique_ptr<Sdk::ModelInstance> next;
    Sdk::ModelConfig lastConfig;
    QThread *loadThread = nullptr;
};

DataSet makeData(qsizetype rows, qsizetype cols)
{
    auto d = syntheticDense(rows, cols, 42, 2);
    Q_ASSERT(d);
    return std::move(*d);
}

// Runs a generator to completion on this thread's event loop.
LoadResult runToEnd(Sdk::ModelInstance &instance, const DataSet &data, const LoadPlan &plan,
                    int *windowsEmitted = nullptr, int timeoutMs = 60000)
{
    LoadGenerator generator(instance, data, plan);
    QSignalSpy finished(&generator, &LoadGenerator::finished);
    QSignalSpy windows(&generator, &LoadGenerator::windowCompleted);
    generator.start();
    if (!finished.wait(timeoutMs))
        qFatal("load generator did not finish");
    QTest::qWait(30);   // nothing else may arrive after finished()
    if (finished.size() != 1)
        qFatal("finished() emitted %d times", int(finished.size()));
    if (windowsEmitted)
        *windowsEmitted = int(windows.size());
    return generator.takeResult();
}

} // namespace

class TestLoadGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workersPinned_data()
    {
        QTest::addColumn<bool>("pin");
        QTest::addColumn<int>("extraThreads");   // threads beyond the CPUs this process may use (≤ 0: fewer)
        QTest::newRow("pinned: one worker per CPU") << true << 0;
        QTest::newRow("pinned: fewer workers than CPUs") << true << -1;
        QTest::newRow("pinning off") << false << 0;
        QTest::newRow("more workers than CPUs: not pinned") << true << 1;
    }

    // Worker i runs on the i-th allowed CPU alone when pinning is on and the workers fit; otherwise every worker
    // keeps the process's whole CPU set.
    void workersPinned()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("workers are pinned on Linux only");
#else
        QFETCH(bool, pin);
        QFETCH(int, extraThreads);
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        QCOMPARE(sched_getaffinity(0, sizeof allowed, &allowed), 0);
        const int cpus = CPU_COUNT(&allowed);
        const int threads = cpus + extraThreads;
        if (threads < 1)
            QSKIP("this process may run on one CPU only");
        std::vector<int> allowedCpus;
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &allowed))
                allowedCpus.push_back(cpu);
        }

        FakeSync fake(4, true);
        fake.sleepUs = 100;
        std::mutex mutex;
        std::map<std::thread::id, std::pair<int, int>> seen;   // thread → (CPUs in its mask, lowest of them)
        fake.onCall = [&] {
            cpu_set_t mask;
            CPU_ZERO(&mask);
            sched_getaffinity(0, sizeof mask, &mask);
            int lowest = -1;
            for (int cpu = 0; cpu < CPU_SETSIZE && lowest < 0; ++cpu) {
                if (CPU_ISSET(cpu, &mask))
                    lowest = cpu;
            }
            std::lock_guard lock(mutex);
            seen[std::this_thread::get_id()] = {CPU_COUNT(&mask), lowest};
        };
        const DataSet data = makeData(4000, 4);
        LoadPlan plan;
        plan.rows = 200 * 20;
        plan.batchSize = 20;
        plan.threads = threads;
        plan.pinThreads = pin;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.batches, qint64(200));
        QCOMPARE(r.workers, threads);
        const bool pinned = pin && threads <= cpus;
        QCOMPARE(r.pinnedWorkers, pinned ? threads : 0);
        QVERIFY(!seen.empty());
        std::set<int> cpusUsed;
        for (const auto &[thread, mask] : seen) {
            if (pinned) {
                QCOMPARE(mask.first, 1);
                // Worker i on the i-th allowed CPU: only the first `threads` of them, each by one worker.
                const auto at = std::find(allowedCpus.begin(), allowedCpus.end(), mask.second);
                QVERIFY(at != allowedCpus.end() && at - allowedCpus.begin() < threads);
                QVERIFY2(cpusUsed.insert(mask.second).second, "two workers pinned to one CPU");
            } else {
                QCOMPARE(mask.first, cpus);
            }
        }
        // The run's own thread is never pinned.
        cpu_set_t after;
        CPU_ZERO(&after);
        QCOMPARE(sched_getaffinity(0, sizeof after, &after), 0);
        QCOMPARE(CPU_COUNT(&after), cpus);
#endif
    }

    void offlineInProcess_data()
    {
        QTest::addColumn<bool>("threadSafe");
        QTest::addColumn<int>("threads");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qsizetype>("batch");
        QTest::addColumn<int>("expectedWorkers");
        QTest::newRow("thread-safe, 4 threads") << true << 4 << qint64(100'000) << qsizetype(1000) << 4;
        QTest::newRow("not thread-safe, 4 threads") << false << 4 << qint64(50'000) << qsizetype(1000) << 1;
        QTest::newRow("partial last batch") << true << 2 << qint64(10'500) << qsizetype(1000) << 2;
        QTest::newRow("more rows than data: cycles") << true << 3 << qint64(95'000) << qsizetype(700) << 3;
    }

    void offlineInProcess()
    {
        QFETCH(bool, threadSafe);
        QFETCH(int, threads);
        QFETCH(qint64, rows);
        QFETCH(qsizetype, batch);
        QFETCH(int, expectedWorkers);
        FakeSync fake(8, threadSafe);
        fake.sleepUs = threadSafe ? 0 : 100;   // long enough that overlapping calls would be seen
        const DataSet data = makeData(std::min<qint64>(rows, 20'000), 8);
        LoadPlan plan;
        plan.rows = rows;
        plan.batchSize = batch;
        plan.threads = threads;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY(r.setupError.isEmpty());
        const qint64 batches = (rows + batch - 1) / batch;
        QCOMPARE(r.rows, rows);
        QCOMPARE(r.batches, batches);
        QCOMPARE(r.errors, qint64(0));
        QCOMPARE(fake.rowsSeen.load(), rows);
        QCOMPARE(fake.calls.load(), batches);
        QCOMPARE(r.latency.count(), quint64(batches));
        QCOMPARE(r.workers, expectedWorkers);
        QVERIFY(fake.maxActive.load() <= expectedWorkers);
        if (!threadSafe)
            QCOMPARE(fake.maxActive.load(), 1);
        QVERIFY(r.durationS > 0);
        QVERIFY(!r.stopped);
        QCOMPARE(r.warmupBatches, qint64(0));
    }

    void concurrencyInProcess()
    {
        // Not thread-safe, 4 outstanding: one worker serves the 4 in turn, so every batch after the first four
        // waits for three others. With a service time of at least 2 ms, their latency is at least 4 × 2 ms.
        FakeSync fake(4, false);
        fake.sleepUs = 2000;
        const DataSet data = makeData(4000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Concurrency;
        plan.concurrency = 4;
        plan.rows = 40 * 100;
        plan.batchSize = 100;
        plan.threads = 4;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.batches, qint64(40));
        QCOMPARE(r.rows, qint64(4000));
        QCOMPARE(r.workers, 1);
        QCOMPARE(fake.maxActive.load(), 1);
        QVERIFY2(r.latency.percentile(0.5) >= 4 * 2'000'000,
                 qPrintable(QString::number(r.latency.percentile(0.5))));

        // Thread-safe, 3 outstanding, 2 threads: two workers hold 2 and 1.
        FakeSync safe(4, true);
        plan.concurrency = 3;
        plan.threads = 2;
        const LoadResult s = runToEnd(safe, data, plan);
        QCOMPARE(s.batches, qint64(40));
        QCOMPARE(s.workers, 2);
        QVERIFY(safe.maxActive.load() <= 2);
    }

    void rateInProcess_data()
    {
        QTest::addColumn<bool>("poisson");
        QTest::newRow("constant") << false;
        QTest::newRow("poisson") << true;
    }

    void rateInProcess()
    {
        QFETCH(bool, poisson);
        FakeSync fake(4, true);
        const DataSet data = makeData(2000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 400;
        plan.poisson = poisson;
        plan.rows = 60 * 50;
        plan.batchSize = 50;
        plan.threads = 2;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.batches, qint64(60));
        QCOMPARE(r.rows, qint64(3000));
        QCOMPARE(fake.calls.load(), qint64(60));
        QCOMPARE(r.scheduledBatches, qint64(60));
        QVERIFY(r.missedBatches >= 0 && r.missedBatches <= 60);
        if (!poisson) {
            // Open loop: batch 59 is not issued before 59/400 s.
            QVERIFY(r.durationS >= 59.0 / 400);
        }
    }

    // Open-loop arrivals for a remote backend are waited for asleep: the thread running the load generator does
    // not spin its event loop through the last part of each wait (Qt's timers count whole milliseconds). This
    // thread's CPU time, not wall time, is compared, so a loaded machine does not change the outcome: spinning
    // took most of the run's second (~100 % at 1,000 arrivals/s), sleeping takes a few per cent.
    void remoteRateWaitsAsleep()
    {
#if defined(Q_OS_LINUX)
        FakeRemote far(4, 8);
        far.completionAt = [](qint64) { return 0; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 1000;
        plan.durationS = 1;
        plan.batchSize = 1;
        const auto threadCpuS = [] {
            rusage usage{};
            ::getrusage(RUSAGE_THREAD, &usage);
            return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        };
        const double before = threadCpuS();
        const LoadResult r = runToEnd(far, data, plan);
        const double cpu = threadCpuS() - before;
        QCOMPARE(r.errors, qint64(0));
        QVERIFY2(r.batches >= 900, qPrintable(QString::number(r.batches)));
        QVERIFY2(cpu < 0.4 * r.durationS,
                 qPrintable(QStringLiteral("%1 s of CPU in a %2 s run").arg(cpu).arg(r.durationS)));
#else
        QSKIP("the CPU time of one thread is read with getrusage(RUSAGE_THREAD), Linux only");
#endif
    }

    void rateDurationEndsOnTime_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::addColumn<bool>("poisson");
        QTest::newRow("in-process, constant") << false << false;
        QTest::newRow("in-process, poisson") << false << true;
        QTest::newRow("remote, constant") << true << false;
        QTest::newRow("remote, poisson") << true << true;
    }

    void rateDurationEndsOnTime()
    {
        // 5000 batches/s for 0.3 s: 1500 arrivals, but the backend takes 2 ms per batch (one at a time in
        // process, two in flight remotely), so it can be sent at most 151 (302) of them. Nothing is sent after
        // 0.3 s: the rest is missed, instead of all 1500 being sent however late (a run of 3 s, or 1.5 s).
        QFETCH(bool, remote);
        QFETCH(bool, poisson);
        FakeSync sync(4, false);
        sync.sleepUs = 2000;
        FakeRemote far(4, 2);
        far.completionAt = [](qint64) { return 2; };
        Sdk::ModelInstance &instance = remote ? static_cast<Sdk::ModelInstance &>(far) : sync;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 5000;
        plan.poisson = poisson;
        plan.durationS = 0.3;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(instance, data, plan);
        const qint64 sent = remote ? far.calls.load() : sync.calls.load();
        QCOMPARE(r.batches + r.errors, sent);   // every batch sent was awaited
        QCOMPARE(r.errors, qint64(0));
        QCOMPARE(far.inFlight, 0);
        QVERIFY2(sent > 0 && sent < 750, qPrintable(QString::number(sent)));
        if (poisson)   // 1500 expected, standard deviation 39
            QVERIFY2(r.scheduledBatches > 1300 && r.scheduledBatches < 1700, qPrintable(QString::number(r.scheduledBatches)));
        else
            QCOMPARE(r.scheduledBatches, qint64(1500));
        QCOMPARE(r.missedBatches, r.scheduledBatches - sent);
        QVERIFY(r.durationS >= 0.3);
    }

    void rateBacklogIsCounted_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::addColumn<bool>("poisson");
        QTest::newRow("in-process, constant") << false << false;
        QTest::newRow("remote, constant") << true << false;
        QTest::newRow("remote, poisson") << true << true;
    }

    void rateBacklogIsCounted()
    {
        // 10^8 batches/s for 0.1 s: 10^7 arrivals, nearly all due before the backend can take them. They are
        // counted as missed, never queued one by one (at 10^8/s for longer, that queue ran out of memory).
        QFETCH(bool, remote);
        QFETCH(bool, poisson);
        FakeSync sync(4, false);
        sync.sleepUs = 100;
        FakeRemote far(4, 2);
        far.completionAt = [](qint64) { return 1; };
        Sdk::ModelInstance &instance = remote ? static_cast<Sdk::ModelInstance &>(far) : sync;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 1e8;
        plan.poisson = poisson;
        plan.durationS = 0.1;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(instance, data, plan);
        const qint64 sent = remote ? far.calls.load() : sync.calls.load();
        QCOMPARE(r.batches, sent);
        QVERIFY2(sent > 0 && sent < 100'000, qPrintable(QString::number(sent)));
        if (poisson)   // standard deviation 3162
            QVERIFY2(qAbs(r.scheduledBatches - 10'000'000) < 20'000, qPrintable(QString::number(r.scheduledBatches)));
        else
            QCOMPARE(r.scheduledBatches, qint64(10'000'000));
        QCOMPARE(r.missedBatches, r.scheduledBatches - sent);
        QVERIFY(r.durationS >= 0.1);
    }

    void rateWindowsCloseAtScheduledEnd_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::addColumn<bool>("byRows");
        QTest::addColumn<double>("windowS");
        QTest::newRow("in-process, duration") << false << false << 0.1;
        QTest::newRow("in-process, rows") << false << true << 0.1;
        QTest::newRow("remote, duration") << true << false << 0.1;
        QTest::newRow("remote, rows") << true << true << 0.1;
        QTest::newRow("remote, 3 s in 1-s windows") << true << false << 1.0;
    }

    void rateWindowsCloseAtScheduledEnd()
    {
        // 20 batches per window for 3 windows. The last batch is scheduled half an interval before the end, so
        // it completes before it: the third window must still close at the end of the schedule (it used to close
        // only at the last completion, which left two windows and a judgement by short-run groups).
        QFETCH(bool, remote);
        QFETCH(bool, byRows);
        QFETCH(double, windowS);
        FakeSync sync(4, true);
        FakeRemote far(4, 2);
        far.completionAt = [](qint64) { return 1; };
        Sdk::ModelInstance &instance = remote ? static_cast<Sdk::ModelInstance &>(far) : sync;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 20 / windowS;
        plan.windowS = windowS;
        plan.batchSize = 10;
        plan.threads = 2;
        if (byRows)
            plan.rows = 60 * 10;
        else
            plan.durationS = 3 * windowS;
        int emitted = 0;
        const LoadResult r = runToEnd(instance, data, plan, &emitted);
        QCOMPARE(r.batches, qint64(60));
        QCOMPARE(r.scheduledBatches, qint64(60));
        QVERIFY(r.durationS >= 3 * windowS - 1e-9);
        // On a machine busy enough to finish the last batch after the schedule's end, the run lasts until that
        // completion and the window it falls in stays open (a partial window is not reported): the closed windows
        // then hold all batches but the late ones. Otherwise exactly three windows hold all 60.
        const bool lateLast = r.durationS > 3 * windowS + 1e-9;
        const qsizetype closed = qsizetype(std::floor(r.durationS / windowS + 1e-9));
        QCOMPARE(r.windows.size(), closed);
        QCOMPARE(emitted, int(closed));
        qint64 batches = 0;
        for (qsizetype i = 0; i < r.windows.size(); ++i) {
            QCOMPARE(r.windows.at(i).spanS, windowS);
            QVERIFY(qAbs(r.windows.at(i).t - windowS * double(i + 1)) < 1e-9);
            batches += r.windows.at(i).batches;
        }
        if (lateLast)
            QVERIFY2(batches >= 55 && batches <= 60, qPrintable(QString::number(batches)));
        else
            QCOMPARE(batches, qint64(60));
        QVERIFY2(r.stabilityRule.startsWith(QStringLiteral("last 3 of %1 windows of ").arg(closed)),
                 qPrintable(r.stabilityRule));
    }

    void rateFallingBehindIsMeasuredAgainstItsSchedule_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::addColumn<bool>("poisson");
        QTest::newRow("in-process, constant") << false << false;
        QTest::newRow("in-process, poisson") << false << true;
        QTest::newRow("remote, constant") << true << false;
        QTest::newRow("remote, poisson") << true << true;
    }

    void rateFallingBehindIsMeasuredAgainstItsSchedule()
    {
        // 200 batches/s against one slot of 20 ms per batch: each 100-ms window is due 20 batches and completes
        // about 5. Each is judged against all the rows scheduled in it, sent or not (about 25 % kept). Counting
        // only the arrivals that were sent put nothing due in the last windows (all that was sent was scheduled
        // in the first ones) and showed 0 % or, with a partial catch-up, more than 100 %.
        QFETCH(bool, remote);
        QFETCH(bool, poisson);
        FakeSync sync(4, false);
        sync.sleepUs = 20'000;
        FakeRemote far(4, 1);
        far.completionAt = [](qint64) { return 20; };
        Sdk::ModelInstance &instance = remote ? static_cast<Sdk::ModelInstance &>(far) : sync;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 200;
        plan.poisson = poisson;
        plan.windowS = 0.1;
        plan.durationS = 0.5;
        plan.batchSize = 10;
        plan.threads = 1;
        const LoadResult r = runToEnd(instance, data, plan);
        QCOMPARE(r.stable, Stability::Unstable);
        static const QRegularExpression kept(QStringLiteral("completed ([0-9.]+)%, ([0-9.]+)%, ([0-9.]+)%"));
        const auto m = kept.match(r.stabilityDetail);
        QVERIFY2(m.hasMatch(), qPrintable(r.stabilityDetail));
        for (int i = 1; i <= 3; ++i) {
            const double percent = m.captured(i).toDouble();
            // Poisson: 20 arrivals due per window vary by about √20.
            QVERIFY2(percent >= 10 && percent <= (poisson ? 50 : 40), qPrintable(r.stabilityDetail));
        }
    }

    void rateRowsRunCountsLateBatches()
    {
        // --rows at 400 batches/s: 40 batches scheduled over 100 ms, but one slot that takes 20 ms per batch sends
        // at most 6 of them in that time. A --rows run still sends all 40; the others went out after the schedule
        // had ended: missed.
        FakeRemote far(4, 1);
        far.completionAt = [](qint64) { return 20; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 400;
        plan.rows = 40 * 10;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(far, data, plan);
        QCOMPARE(r.batches, qint64(40));
        QCOMPARE(r.scheduledBatches, qint64(40));
        QVERIFY2(r.missedBatches >= 30 && r.missedBatches < 40, qPrintable(QString::number(r.missedBatches)));
        QVERIFY(r.durationS >= 40 * 0.020);
    }

    void remoteScenarios_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("maxInFlight");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<bool>("poisson");
        QTest::addColumn<int>("expectedSlots");
        QTest::newRow("offline, 3 in flight") << int(Scenario::Offline) << 3 << 0 << false << 3;
        QTest::newRow("concurrency 5 over 2 in flight") << int(Scenario::Concurrency) << 2 << 5 << false << 2;
        QTest::newRow("concurrency 2 under 4 in flight") << int(Scenario::Concurrency) << 4 << 2 << false << 2;
        QTest::newRow("rate, 2 in flight") << int(Scenario::Rate) << 2 << 0 << false << 2;
        QTest::newRow("poisson rate, 2 in flight") << int(Scenario::Rate) << 2 << 0 << true << 2;
    }

    void remoteScenarios()
    {
        QFETCH(int, scenario);
        QFETCH(int, maxInFlight);
        QFETCH(int, concurrency);
        QFETCH(bool, poisson);
        QFETCH(int, expectedSlots);
        FakeRemote fake(3, maxInFlight);
        fake.completionAt = [](qint64 call) { return int(1 + call % 4); };
        const DataSet data = makeData(1000, 3);
        LoadPlan plan;
        plan.scenario = Scenario(scenario);
        plan.concurrency = std::max(1, concurrency);
        plan.rate = 500;
        plan.poisson = poisson;
        plan.rows = 50 * 20 + 7;
        plan.batchSize = 20;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.rows, qint64(1007));
        QCOMPARE(r.batches, qint64(51));
        QCOMPARE(r.errors, qint64(0));
        QCOMPARE(fake.rowsSeen, qint64(1007));
        QCOMPARE(fake.calls.load(), qint64(51));
        QVERIFY(!fake.exceeded);
        QVERIFY(fake.maxSeen <= expectedSlots);
        QCOMPARE(r.slots, expectedSlots);
        QVERIFY(r.remote);
        if (plan.scenario != Scenario::Rate)
            QCOMPARE(fake.maxSeen, expectedSlots);   // the closed loops and offline keep every slot busy
    }

    void errorsAreCounted()
    {
        FakeSync fake(4, true);
        fake.failWhen = [](qint64 call) { return call % 5 == 4; };
        const DataSet data = makeData(10'000, 4);
        LoadPlan plan;
        plan.rows = 10'000;
        plan.batchSize = 100;
        plan.threads = 2;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.errors, qint64(20));
        QCOMPARE(r.batches, qint64(80));
        QCOMPARE(r.rows, qint64(8000));
        QCOMPARE(r.latency.count(), quint64(80));
        QVERIFY2(r.firstError.startsWith(u"fake failure in call "), qPrintable(r.firstError));

        FakeRemote remote(4, 3);
        remote.statusOf = [](qint64 call) { return call % 4 == 0 ? Kind::Failed : Kind::Ok; };
        plan.rows = 4000;
        const LoadResult rr = runToEnd(remote, data, plan);
        QCOMPARE(rr.errors, qint64(10));
        QCOMPARE(rr.batches, qint64(30));
        QCOMPARE(rr.rows, qint64(3000));
        QCOMPARE(rr.unreachableErrors, qint64(0));
        QCOMPARE(rr.firstError, QStringLiteral("fake endpoint: call 0 failed"));
    }

    void warmupIsExcluded()
    {
        FakeSync fake(4, true);
        fake.sleepUs = 1000;
        const DataSet data = makeData(2000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Concurrency;
        plan.concurrency = 2;
        plan.rows = 2000;
        plan.batchSize = 100;
        plan.threads = 2;
        plan.warmupS = 0.15;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.rows, qint64(2000));
        QCOMPARE(r.batches, qint64(20));
        QVERIFY(r.warmupBatches >= 2);
        QCOMPARE(fake.calls.load(), 20 + r.warmupBatches);
        QCOMPARE(fake.rowsSeen.load(), 2000 + r.warmupBatches * 100);
        QCOMPARE(r.latency.count(), quint64(20));

        FakeRemote remote(4, 2);
        plan.scenario = Scenario::Rate;
        plan.rate = 200;
        plan.warmupS = 0.2;
        const LoadResult rr = runToEnd(remote, data, plan);
        QCOMPARE(rr.batches, qint64(20));
        QVERIFY(rr.warmupBatches >= 30);   // 0.2 s at 200/s: arrivals at 0, 5, …, 195 ms
        QCOMPARE(remote.calls.load(), 20 + rr.warmupBatches);
    }

    void durationBound()
    {
        FakeSync fake(4, true);
        fake.sleepUs = 1000;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.durationS = 0.3;
        plan.batchSize = 10;
        plan.threads = 2;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY(r.batches > 0);
        QCOMPARE(r.rows, r.batches * 10);
        // No worker starts a batch after 0.3 s, and each one's last batch ends after it.
        QVERIFY(r.durationS >= 0.3);
        QCOMPARE(fake.calls.load(), r.batches);
    }

    void windows()
    {
        FakeSync fake(4, true);
        fake.sleepUs = 500;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.durationS = 0.55;
        plan.batchSize = 10;
        plan.threads = 2;
        plan.windowS = 0.1;
        int emitted = 0;
        const LoadResult r = runToEnd(fake, data, plan, &emitted);
        QVERIFY(r.windows.size() >= 5);
        QCOMPARE(emitted, int(r.windows.size()));
        qint64 rows = 0;
        for (qsizetype i = 0; i < r.windows.size(); ++i) {
            const BenchWindow &w = r.windows.at(i);
            QCOMPARE(w.index, int(i));
            QCOMPARE(w.spanS, 0.1);
            QVERIFY(qAbs(w.t - 0.1 * double(i + 1)) < 1e-9);
            QCOMPARE(w.rowsPerS, double(w.rows) / 0.1);
            QVERIFY(w.batches > 0);
            QVERIFY(w.p99Ms > 0);
            rows += w.rows;
        }
        QVERIFY(rows <= r.rows);
        QVERIFY(r.stabilityRule.contains(u"windows of 0.1 s"));
        QVERIFY(r.stabilityDetail.startsWith(u"last 3 windows: "));
    }

    void judgeWindowsRule()
    {
        auto windows = [](std::initializer_list<double> rates) {
            QList<BenchWindow> list;
            for (double r : rates) {
                BenchWindow w;
                w.rowsPerS = r;
                w.spanS = 1;
                list.append(w);
            }
            return list;
        };
        QCOMPARE(judgeWindows(windows({10, 100, 95, 105, 100})).stable, Stability::Stable);
        QCOMPARE(judgeWindows(windows({100, 109, 100, 91.5})).stable, Stability::Stable);
        QCOMPARE(judgeWindows(windows({100, 100, 100, 100, 80})).stable, Stability::Unstable);   // 80: 14 % under 93.3
        QCOMPARE(judgeWindows(windows({100, 100})).stable, Stability::Unstable);
        QCOMPARE(judgeWindows(windows({0, 0, 0})).stable, Stability::Unstable);
        // Two slots of 100-row batches taking 300 ms: 6 or 8 completions a window with a steady service. One
        // batch per slot (200 rows) of slack keeps that stable; without it, it is ±15 %.
        QCOMPARE(judgeWindows(windows({600, 600, 800, 600})).stable, Stability::Unstable);
        QCOMPARE(judgeWindows(windows({600, 600, 800, 600}), 200).stable, Stability::Stable);
        QCOMPARE(judgeWindows(windows({600, 600, 1000, 600}), 200).stable, Stability::Unstable);   // 267 over 733
    }

    void judgeRateWindowsRule()
    {
        auto windows = [](std::initializer_list<qint64> rows) {
            QList<BenchWindow> list;
            for (qint64 r : rows) {
                BenchWindow w;
                w.rows = r;
                w.rowsPerS = double(r);
                w.spanS = 1;
                list.append(w);
            }
            return list;
        };
        // Poisson arrivals at 400 batches/s vary by ±5 % per second on their own: windows that differ from each
        // other by 20 % are stable as long as each kept pace with its own arrivals.
        const auto poisson = judgeRateWindows(windows({392000, 348000, 424000}), {392000, 350000, 421000});
        QCOMPARE(poisson.stable, Stability::Stable);
        QCOMPARE(judgeWindows(windows({392000, 348000, 424000})).stable, Stability::Unstable);   // the old rule
        QCOMPARE(poisson.detail,
                 QStringLiteral("last 3 windows completed 100.0%, 99.4%, 100.7% of the rows scheduled in them"));
        // A window that completed far fewer rows than were due in it (a stall) is not stable.
        QCOMPARE(judgeRateWindows(windows({400, 400, 200}), {400, 400, 400}).stable, Stability::Unstable);
        QCOMPARE(judgeRateWindows(windows({400, 400, 600}), {400, 400, 400}).stable, Stability::Unstable);
        QCOMPARE(judgeRateWindows(windows({400, 400}), {400, 400}).stable, Stability::Unstable);
        // Nothing scheduled and nothing completed (a rate below one batch per window) kept pace.
        QCOMPARE(judgeRateWindows(windows({0, 0, 0}), {0, 0, 0}).stable, Stability::Stable);
        QCOMPARE(judgeRateWindows(windows({0, 0, 100}), {0, 0, 0}).stable, Stability::Unstable);
        // Two batches of 100 rows due per window, one crossing an edge: within one batch of slack, not 10 %.
        QCOMPARE(judgeRateWindows(windows({200, 100, 300}), {200, 200, 200}).stable, Stability::Unstable);
        QCOMPARE(judgeRateWindows(windows({200, 100, 300}), {200, 200, 200}, 100).stable, Stability::Stable);
    }

    void judgeShortRunRule()
    {
        // Two slots in step, 1 ms per batch of 100 rows: 1100 batches over 550 ms → 200,000 rows/s.
        auto lockstepRun = [](int rounds, qint64 roundNs) {
            std::vector<BatchTiming> run;
            for (int i = 0; i < 2 * rounds; ++i) {
                const qint64 round = i / 2;
                run.push_back({round * roundNs, (round + 1) * roundNs + (i % 2) * 1000, roundNs, 100});
            }
            return run;
        };
        const std::vector<BatchTiming> lockstep = lockstepRun(550, 1'000'000);
        // Window 1 s: groups of about 100 ms; 549.5 rounds after the drain fit five groups of 109 rounds.
        StabilityJudgement j = judgeShortRun(lockstep, 2, false, 0, 1.0);
        QCOMPARE(j.stable, Stability::Stable);
        QCOMPARE(j.windows.size(), 5);
        QCOMPARE(j.windows.at(2).batches, qint64(218));
        QVERIFY(qAbs(j.windows.at(2).rowsPerS - 200'000) < 1);
        QCOMPARE(j.windows.at(2).spanS, 0.109);
        QVERIFY2(j.detail.startsWith(u"last 3 of 5 groups of 218 batches: "), qPrintable(j.detail));
        QCOMPARE(j.rule, QStringLiteral("run shorter than 3 windows of 1 s: last 3 of 5 groups of equal batch count "
                                        "(109 ms each on average, at least 50 ms) within ±10% of their mean rows/s"));

        // Window 0.1 s: a tenth would be 10 ms, but no group is shorter than 50 ms: ten groups of 54 rounds.
        j = judgeShortRun(lockstep, 2, false, 0, 0.1);
        QCOMPARE(j.stable, Stability::Stable);
        QCOMPARE(j.windows.size(), 10);
        for (const BenchWindow &w : std::as_const(j.windows))
            QVERIFY2(w.spanS >= MinGroupS, qPrintable(QString::number(w.spanS)));
        QCOMPARE(j.windows.at(5).batches, qint64(108));

        // Same, but the 9th group's rounds (432 … 485) take twice as long: the last three disagree.
        std::vector<BatchTiming> hiccup;
        qint64 t = 0;
        for (int round = 0; round < 550; ++round) {
            const qint64 service = (round >= 432 && round < 486) ? 2'000'000 : 1'000'000;
            hiccup.push_back({t, t + service, service, 100});
            hiccup.push_back({t, t + service + 1000, service, 100});
            t += service;
        }
        j = judgeShortRun(hiccup, 2, false, 0, 0.1);
        QCOMPARE(j.stable, Stability::Unstable);
        QVERIFY(qAbs(j.windows.at(8).rowsPerS - 100'000) < 1);

        // The drain (one worker still busy while the other has run dry) does not count against the run.
        std::vector<BatchTiming> drained = lockstep;
        drained.push_back({550'000'000, 553'000'000, 3'000'000, 100});
        QCOMPARE(judgeShortRun(drained, 2, false, 0, 1.0).stable, Stability::Stable);

        // A slow start (20 ms lost before the first completion: threads starting, caches cold) makes the first
        // group 15 % slower than the rest; it is not one of the three judged.
        std::vector<BatchTiming> ramp = lockstep;
        for (BatchTiming &b : ramp) {
            b.startNs += 20'000'000;
            b.endNs += 20'000'000;
        }
        j = judgeShortRun(ramp, 2, false, 0, 1.0);
        QCOMPARE(j.stable, Stability::Stable);
        QVERIFY(j.windows.at(0).rowsPerS < 0.9 * j.windows.at(1).rowsPerS);

        // Open loop: arrivals every 5 ms paced the run; groups are single-slot: 9 groups of 11 batches (55 ms).
        std::vector<BatchTiming> paced;
        for (int i = 0; i < 100; ++i)
            paced.push_back({i * 5'000'000, i * 5'000'000 + 200'000, 200'000, 50});
        j = judgeShortRun(paced, 4, true, 0, 0.1);
        QCOMPARE(j.stable, Stability::Stable);
        QCOMPARE(j.windows.size(), 9);
        QCOMPARE(j.windows.at(8).batches, qint64(11));
        QVERIFY(qAbs(j.windows.at(8).rowsPerS - 11 * 50 / 0.055) < 1e-6);
    }

    void shortRunIsNotJudged()
    {
        // The default bench: 200 batches on two slots in 16.2 ms. Groups of a few ms would judge the scheduler,
        // not the backend (a 1-ms hiccup in one of them made such runs INVALID): not judged at all.
        std::vector<BatchTiming> quick;
        for (int i = 0; i < 200; ++i) {
            const qint64 round = i / 2;
            const qint64 hiccup = round >= 80 ? 1'000'000 : 0;   // 1 ms lost, as on a busy machine
            quick.push_back({round * 152'000 + hiccup, (round + 1) * 152'000 + hiccup + (i % 2) * 1000, 152'000,
                             10'000});
        }
        StabilityJudgement j = judgeShortRun(quick, 2, false, 0, 1.0);
        QCOMPARE(j.stable, Stability::NotJudged);
        QCOMPARE(j.detail, QStringLiteral("not judged: the run lasted 16.2 ms; at least 0.2 s is needed for 4 groups "
                                          "of 50 ms"));
        QVERIFY(j.windows.isEmpty());
        QCOMPARE(j.rule, QStringLiteral("run shorter than 3 windows of 1 s: 4 to 10 groups of equal batch count, "
                                        "each at least 50 ms long; the last 3 within ±10% of their mean rows/s"));

        // Just under 0.2 s: still not judged.
        std::vector<BatchTiming> paced;
        for (int i = 0; i < 40; ++i)
            paced.push_back({i * 4'975'000, (i + 1) * 4'975'000, 100'000, 50});
        j = judgeShortRun(paced, 1, true, 0, 1.0);
        QCOMPARE(j.stable, Stability::NotJudged);
        QVERIFY2(j.detail.startsWith(u"not judged: the run lasted 199.0 ms;"), qPrintable(j.detail));

        // Long enough, but six batches of a slow backend do not make four groups.
        std::vector<BatchTiming> slow;
        for (int i = 0; i < 6; ++i)
            slow.push_back({(i / 2) * 333'000'000, (i / 2 + 1) * 333'000'000 + (i % 2) * 1000, 333'000'000, 10});
        j = judgeShortRun(slow, 2, false, 0, 1.0);
        QCOMPARE(j.stable, Stability::NotJudged);
        QCOMPARE(j.detail, QStringLiteral("not judged: 6 batches in 999.0 ms do not make 4 groups of at least 50 ms "
                                          "each"));

        // 240 ms, but 160 of the 200 batches in the last 40 ms: four groups of 50 batches would make the last
        // three 12.5 ms long. No group may be shorter than 50 ms, and fewer than four are no judgement.
        std::vector<BatchTiming> burst;
        for (int i = 0; i < 40; ++i)
            burst.push_back({i * 5'000'000, (i + 1) * 5'000'000, 100'000, 50});
        for (int i = 0; i < 160; ++i)
            burst.push_back({200'000'000 + i * 250'000, 200'000'000 + (i + 1) * 250'000, 100'000, 50});
        j = judgeShortRun(burst, 1, true, 0, 0.1);
        QCOMPARE(j.stable, Stability::NotJudged);
        QCOMPARE(j.detail, QStringLiteral("not judged: 200 batches in 240.0 ms do not make 4 groups of at least 50 ms "
                                          "each"));

        // End to end: a quick in-process run is not judged, and that does not make it INVALID.
        FakePlugin plugin;
        plugin.next = std::make_unique<FakeSync>(4, true);
        BenchOptions o;
        o.plugin = &plugin;
        o.capabilities = {QStringLiteral("in-process"), QStringLiteral("thread-safe")};
        o.rows = 20'000;
        o.batchSize = 1000;
        o.features = 4;
        o.threads = 2;
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        const BenchReport &r = run.report();
        QCOMPARE(r.rows, qint64(20'000));
        QCOMPARE(r.stable, Stability::NotJudged);
        QVERIFY2(r.stabilityDetail.startsWith(u"not judged: the run lasted "), qPrintable(r.stabilityDetail));
        QCOMPARE(r.verdict, QStringLiteral("VALID"));
        QVERIFY2(r.reasons.isEmpty(), qPrintable(r.reasons.join(u'|')));
        QCOMPARE(r.exitCode(), 0);
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("stable")), QJsonValue(false));
        QCOMPARE(json.value(QStringLiteral("stability_judged")), QJsonValue(false));
        QVERIFY2(r.humanSummary().contains(u"\n  stability   not judged: the run lasted "), qPrintable(r.humanSummary()));
    }

    void judgeShortRunThinnedLog()
    {
        // The lockstep run of judgeShortRunRule() (two slots, 1 ms per batch of 100 rows, 1100 batches), logged as
        // a thinned log keeps it: one entry per 4 completions, counting their rows, ending at the last of them.
        std::vector<BatchTiming> thinned;
        for (int i = 0; i < 1100; i += 4) {
            const qint64 lastRound = (i + 3) / 2;
            thinned.push_back({lastRound * 1'000'000, (lastRound + 1) * 1'000'000 + 1000, 1'000'000, 400, 4});
        }
        // The last entry (the drain) is left out; 274 entries make five groups of 54 entries, 216 batches.
        const StabilityJudgement j = judgeShortRun(thinned, 2, false, 0, 1.0);
        QCOMPARE(j.stable, Stability::Stable);
        QCOMPARE(j.windows.size(), 5);
        for (const BenchWindow &w : std::as_const(j.windows)) {
            QCOMPARE(w.batches, qint64(216));
            QCOMPARE(w.rows, qint64(21'600));
        }
        QVERIFY2(qAbs(j.windows.at(2).rowsPerS - 200'000) < 1, qPrintable(QString::number(j.windows.at(2).rowsPerS)));
        QVERIFY2(j.detail.startsWith(u"last 3 of 5 groups of 216 batches: "), qPrintable(j.detail));
    }

    void shortRunLogSpansTheWholeRun_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one worker") << 1;
        QTest::newRow("two workers") << 2;
    }

    void shortRunLogSpansTheWholeRun()
    {
        // A short run with more completions than its log holds (a 0.5-s run of hundreds of batches against 64
        // entries; a real --batch-size 1 run logs millions against 2^20). The log used to stop when full, so the
        // groups covered the first 64 batches (16 ms here: not even judged) instead of the whole run. Thinned, it
        // spans all of it, and its groups count all the rows they span.
        QFETCH(int, threads);
        FakeSync fake(4, true);
        fake.sleepUs = 200;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.durationS = 0.5;
        plan.batchSize = 10;
        plan.threads = threads;
        plan.shortRunLogCapacity = 64;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY2(r.batches > 4 * 64, qPrintable(QString::number(r.batches)));
        QVERIFY2(r.stable != Stability::NotJudged, qPrintable(r.stabilityDetail));
        QVERIFY2(r.windows.size() >= MinGroups && r.windows.size() <= 10, qPrintable(r.stabilityDetail));
        qint64 batches = 0;
        for (const BenchWindow &w : std::as_const(r.windows)) {
            QCOMPARE(w.rows, w.batches * 10);
            QCOMPARE(w.rowsPerS, double(w.rows) / w.spanS);
            QVERIFY(w.p99Ms > 0);
            batches += w.batches;
        }
        // All but the drain and the few entries that do not fill a last group: far more than the log holds.
        QVERIFY2(batches > 64 && batches >= r.batches / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(batches).arg(r.batches)));
        QVERIFY2(r.windows.last().t >= 0.6 * r.durationS,
                 qPrintable(QStringLiteral("groups end at %1 s of %2 s").arg(r.windows.last().t).arg(r.durationS)));
        QVERIFY2(r.stabilityDetail.contains(u"group latencies sampled from 1 in "), qPrintable(r.stabilityDetail));
        QVERIFY2(!r.stabilityDetail.contains(u"cover the first"), qPrintable(r.stabilityDetail));
    }

    void judgeShortRateRunRule()
    {
        // Arrivals every 5 ms, each completed 0.2 ms later: 9 groups of 11 batches (55 ms), as in
        // judgeShortRunRule(). Each kept pace with the 11 arrivals scheduled in its span.
        std::vector<BatchTiming> paced;
        for (int i = 0; i < 100; ++i)
            paced.push_back({i * 5'000'000, i * 5'000'000 + 200'000, 200'000, 50});
        auto scheduled = [](qint64 factor) {
            return [factor](qint64 from, qint64 to) {
                qint64 n = 0;
                for (qint64 i = 0; i < 100; ++i)
                    n += i * 5'000'000 >= from && i * 5'000'000 < to ? 1 : 0;
                return n * 50 * factor;
            };
        };
        StabilityJudgement j = judgeShortRateRun(paced, 0, 0.1, scheduled(1), 50);
        QCOMPARE(j.stable, Stability::Stable);
        QCOMPARE(j.windows.size(), 9);
        QCOMPARE(j.detail,
                 QStringLiteral("last 3 of 9 groups of 11 batches completed 100.0%, 100.0%, 100.0% of the rows "
                                "scheduled in them"));
        QCOMPARE(j.rule, QStringLiteral("run shorter than 3 windows of 0.1 s: last 3 of 9 groups of equal batch count "
                                        "(54 ms each on average, at least 50 ms) each completed within ±10% of the "
                                        "rows whose arrivals were scheduled in its span (rate run)"));
        // The same completions against a schedule that asked twice as much: the groups agree with each other, but
        // each completed half of its schedule.
        j = judgeShortRateRun(paced, 0, 0.1, scheduled(2), 50);
        QCOMPARE(j.stable, Stability::Unstable);
        QVERIFY2(j.detail.contains(u"completed 50.0%, 50.0%, 50.0% of the rows scheduled in them"),
                 qPrintable(j.detail));
        QCOMPARE(judgeShortRun(paced, 1, true, 0, 0.1).stable, Stability::Stable);   // the rule that missed it
        // Too short for four groups: not judged, under the rate rule.
        paced.resize(30);
        j = judgeShortRateRun(paced, 0, 0.1, scheduled(2), 50);
        QCOMPARE(j.stable, Stability::NotJudged);
        QVERIFY2(j.rule.contains(u"scheduled in it (rate run)"), qPrintable(j.rule));
    }

    void shortRateRunIsMeasuredAgainstItsSchedule_data()
    {
        QTest::addColumn<int>("sleepUs");
        QTest::addColumn<double>("rate");
        QTest::addColumn<qsizetype>("logCapacity");
        QTest::addColumn<bool>("keptUp");
        QTest::newRow("kept up") << 0 << 100.0 << ShortRunLogCapacity << true;
        QTest::newRow("kept up, thinned log") << 0 << 100.0 << qsizetype(64) << true;
        QTest::newRow("fell behind") << 2000 << 2000.0 << ShortRunLogCapacity << false;
    }

    void shortRateRunIsMeasuredAgainstItsSchedule()
    {
        // A constant-rate run of 1.2 s in 3-s windows: too short for windows, judged by four groups of 300 ms.
        // One worker of 2 ms per batch against 2000 batches/s completes a steady quarter of its schedule at best:
        // its groups agree with each other, which made the run stable, but each is measured against the rows
        // scheduled in its span. At 100 batches/s a fast backend keeps pace: stable. (300-ms groups leave 30 ms of
        // slack for a late completion at a group's edge on a busy machine.)
        QFETCH(int, sleepUs);
        QFETCH(double, rate);
        QFETCH(qsizetype, logCapacity);
        QFETCH(bool, keptUp);
        FakeSync fake(4, false);
        fake.sleepUs = sleepUs;
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = rate;
        plan.durationS = 1.2;
        plan.windowS = 3.0;
        plan.batchSize = 10;
        plan.shortRunLogCapacity = logCapacity;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY2(r.stable == (keptUp ? Stability::Stable : Stability::Unstable),
                 qPrintable(r.stabilityRule + QStringLiteral(" | ") + r.stabilityDetail));
        QVERIFY2(r.windows.size() >= MinGroups, qPrintable(r.stabilityDetail));
        QVERIFY2(r.stabilityRule.startsWith(u"run shorter than 3 windows of 3 s: last 3 of "),
                 qPrintable(r.stabilityRule));
        QVERIFY2(r.stabilityRule.endsWith(u"scheduled in its span (rate run)"), qPrintable(r.stabilityRule));
        static const QRegularExpression kept(QStringLiteral("completed ([0-9.]+)%, ([0-9.]+)%, ([0-9.]+)% of the rows "
                                                            "scheduled in them"));
        const auto m = kept.match(r.stabilityDetail);
        QVERIFY2(m.hasMatch(), qPrintable(r.stabilityDetail));
        for (int i = 1; i <= 3; ++i) {
            const double percent = m.captured(i).toDouble();
            if (keptUp)
                QVERIFY2(percent >= 80 && percent <= 120, qPrintable(r.stabilityDetail));
            else
                QVERIFY2(percent > 0 && percent <= 50, qPrintable(r.stabilityDetail));
        }
        if (!keptUp)
            QVERIFY2(r.missedBatches > r.scheduledBatches / 2, qPrintable(QString::number(r.missedBatches)));
    }

    void coordinatedOmission()
    {
        // A service that stalls for D = 1 s once, driven open-loop at R = 200 batches/s (T = 5 ms) for N = 600
        // batches, 4 in flight, 1 ms service time otherwise. The stall starts when batch s (call 200) arrives.
        // Batches scheduled at t_s + jT (j = 0 … 199) cannot complete before t_s + D: j < 4 sit at the service,
        // the rest wait in the generator for a free slot. Measured from their *scheduled* time, batch j takes
        //     L_j ≈ D − jT + 1 ms + (j/4)·(~1 ms backlog drain),
        // decreasing in j, so the largest latencies are j = 0, 1, 2, …. The nearest-rank p99 of 600 values is the
        // ⌈0.99·600⌉ = 594th smallest, i.e. the 7th largest: j = 6, so
        //     p99 ≈ D − 6T + ~3 ms = 1000 − 30 + 3 = 973 ms,   max ≈ D + 1 ms.
        // Measuring from the actual send instead would hide all but the four stalled requests (p99 ≈ 2 ms):
        // that is coordinated omission.
        FakeRemote fake(2, 4);
        qint64 stallUntil = -1;
        QElapsedTimer clock;
        clock.start();
        fake.completionAt = [&](qint64 call) {
            const qint64 now = clock.elapsed();
            if (call == 200)
                stallUntil = now + 1000;
            const qint64 finish = std::max(now, stallUntil) + 1;
            return int(finish - now);
        };
        const DataSet data = makeData(600, 2);
        LoadPlan plan;
        plan.scenario = Scenario::Rate;
        plan.rate = 200;
        plan.rows = 600;
        plan.batchSize = 1;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.batches, qint64(600));
        QVERIFY(!fake.exceeded);
        const double p99 = double(r.latency.percentile(0.99)) / 1e6;
        const double max = double(r.latency.max()) / 1e6;
        const double expectedP99 = 973;
        qInfo("coordinated omission: p99 %.1f ms (expected %.0f ms ± 5%%), max %.1f ms", p99, expectedP99, max);
        QVERIFY2(qAbs(p99 - expectedP99) <= 0.05 * expectedP99,
                 qPrintable(QStringLiteral("p99 %1 ms, expected %2 ms ± 5%").arg(p99).arg(expectedP99)));
        QVERIFY2(qAbs(max - 1001) <= 0.05 * 1001, qPrintable(QStringLiteral("max %1 ms").arg(max)));
    }

    void stopEndsEarly()
    {
        // Four quick batches, then two that take 400 ms: the stop at 100 ms finds those two in flight.
        FakeRemote fake(4, 2);
        fake.completionAt = [](qint64 call) { return call < 4 ? 5 : 400; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.rows = 100'000;
        plan.batchSize = 10;
        LoadGenerator generator(fake, data, plan);
        QSignalSpy finished(&generator, &LoadGenerator::finished);
        generator.start();
        QTimer::singleShot(100, &generator, [&generator] { generator.stop(); });
        QVERIFY(finished.wait(10000));
        const LoadResult r = generator.result();
        QCOMPARE(fake.inFlight, 2);   // finished without them
        QCOMPARE(r.abandonedBatches, qint64(2));
        QCOMPARE(r.batches, qint64(4));
        QTRY_COMPARE_WITH_TIMEOUT(fake.inFlight, 0, 5000);
        QCOMPARE(finished.size(), 1);
        QVERIFY(r.stopped);
        // The run did not wait for its batches in flight: they are abandoned and counted as such, and their
        // completions, which came during the wait above, changed nothing.
        QCOMPARE(fake.calls.load(), r.batches + r.errors + r.abandonedBatches);
        QCOMPARE(generator.result().batches, r.batches);

        FakeSync sync(4, true);
        sync.sleepUs = 1000;
        LoadGenerator inProcess(sync, data, plan);
        QSignalSpy done(&inProcess, &LoadGenerator::finished);
        inProcess.start();
        QTimer::singleShot(50, &inProcess, [&inProcess] { inProcess.stop(); });
        QVERIFY(done.wait(10000));
        QVERIFY(inProcess.result().stopped);
        QVERIFY(inProcess.result().batches < 10'000);
        QCOMPARE(sync.calls.load(), inProcess.result().batches);
    }

    void unreachableGivesUp()
    {
        FakeRemote fake(4, 3);
        fake.statusOf = [](qint64) { return Kind::Unreachable; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.rows = 100'000;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY(r.unreachableAbort);
        QVERIFY(!r.stopped);
        QCOMPARE(r.batches, qint64(0));
        QVERIFY(r.errors >= 3 && r.errors <= 6);
        QCOMPARE(r.unreachableErrors, r.errors);
        QVERIFY(r.firstError.startsWith(u"fake endpoint: call"));
    }

    void refusedCredentialsGiveUp_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("401") << 401;
        QTest::newRow("403") << 403;
    }

    void refusedCredentialsGiveUp()
    {
        // Every batch refused: nothing more is sent once the first refusal is back, and the run gives up with
        // that refusal as its reason (not 10,000 refused logins).
        QFETCH(int, httpStatus);
        FakeRemote fake(4, 3);
        fake.statusOf = [](qint64) { return Kind::Failed; };
        fake.httpStatusOf = [httpStatus](qint64) { return httpStatus; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.rows = 100'000;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY(r.authRefusedAbort);
        QVERIFY(!r.unreachableAbort);
        QVERIFY(!r.stopped);
        QCOMPARE(r.batches, qint64(0));
        QVERIFY2(r.errors >= 1 && r.errors <= 3, qPrintable(QString::number(r.errors)));
        QVERIFY(r.firstError.startsWith(u"fake endpoint: call"));

        // A refusal after a batch was scored (a token that expired mid-run) is a counted failure: the run goes on.
        FakeRemote expiring(4, 3);
        expiring.statusOf = [](qint64 call) { return call < 5 ? Kind::Ok : Kind::Failed; };
        expiring.httpStatusOf = [httpStatus](qint64) { return httpStatus; };
        plan.rows = 1000;
        const LoadResult e = runToEnd(expiring, data, plan);
        QVERIFY(!e.authRefusedAbort);
        QCOMPARE(expiring.calls.load(), qint64(100));
        QCOMPARE(e.errors, qint64(95));

        // Refused by one endpoint while another scores the batches in flight: the run goes on.
        FakeRemote mixed(4, 3);
        mixed.statusOf = [](qint64 call) { return call == 0 ? Kind::Failed : Kind::Ok; };
        mixed.httpStatusOf = [httpStatus](qint64) { return httpStatus; };
        const LoadResult m = runToEnd(mixed, data, plan);
        QVERIFY(!m.authRefusedAbort);
        QCOMPARE(mixed.calls.load(), qint64(100));
        QCOMPARE(m.errors, qint64(1));

        // Other HTTP failures are not refusals.
        FakeRemote failing(4, 3);
        failing.statusOf = [](qint64) { return Kind::Failed; };
        failing.httpStatusOf = [](qint64) { return 500; };
        const LoadResult f = runToEnd(failing, data, plan);
        QVERIFY(!f.authRefusedAbort);
        QCOMPARE(f.errors, qint64(100));
    }

    void answeredServiceIsNotUnreachable()
    {
        // The service answered the first batch (with an error: an HTTP 500, or a connection it accepted and then
        // dropped), then connections failed: it is there, so every failure is counted and the run goes on. Only
        // a service that never answered makes the run give up (unreachableGivesUp).
        FakeRemote fake(4, 3);
        fake.statusOf = [](qint64 call) { return call == 0 ? Kind::Failed : Kind::Unreachable; };
        const DataSet data = makeData(1000, 4);
        LoadPlan plan;
        plan.rows = 1000;
        plan.batchSize = 10;
        const LoadResult r = runToEnd(fake, data, plan);
        QVERIFY(!r.unreachableAbort);
        QCOMPARE(fake.calls.load(), qint64(100));
        QCOMPARE(r.errors, qint64(100));
        QCOMPARE(r.unreachableErrors, qint64(99));
        QCOMPARE(r.firstError, QStringLiteral("fake endpoint: call 0 failed"));

        // Every batch failed, none as unreachable (a dropped connection as the SDK asks plugins to report it):
        // all counted.
        FakeRemote dropping(4, 3);
        dropping.statusOf = [](qint64) { return Kind::Failed; };
        const LoadResult d = runToEnd(dropping, data, plan);
        QVERIFY(!d.unreachableAbort);
        QCOMPARE(d.errors, qint64(100));
        QCOMPARE(d.unreachableErrors, qint64(0));
    }

    void keepsFirstPassOutputs()
    {
        FakeSync fake(3, true);
        const DataSet data = makeData(1000, 3);
        LoadPlan plan;
        plan.rows = 2500;   // more than the data: the first pass is the data's 1000 rows
        plan.batchSize = 100;
        plan.threads = 2;
        plan.keepOutputs = true;
        const LoadResult r = runToEnd(fake, data, plan);
        QCOMPARE(r.outputRows, qsizetype(1000));
        QCOMPARE(r.outputOk.size(), size_t(10));
        for (qsizetype row = 0; row < 1000; ++row) {
            const float *x = data.values() + row * 3;
            QCOMPARE(r.outputs[size_t(row)], x[0] + x[1] + x[2]);
        }
        for (quint8 ok : r.outputOk)
            QCOMPARE(ok, quint8(1));
    }

    void validateRefuses()
    {
        FakeSync fake(5, true);
        const DataSet data = makeData(100, 4);
        LoadPlan plan;
        plan.rows = 100;
        plan.batchSize = 10;
        auto v = LoadGenerator::validate(plan, fake, data);
        QVERIFY(!v);
        QCOMPARE(v.error().message, QStringLiteral("the model expects 5 input columns, the data (synthetic uniform [-1,1), seed 42) has 4"));
        FakeSync ok(4, true);
        plan.batchSize = 101;
        v = LoadGenerator::validate(plan, ok, data);
        QVERIFY(!v);
        QCOMPARE(v.error().message, QStringLiteral("the data has 100 rows, fewer than one batch of 101"));
        plan.batchSize = 10;
        plan.scenario = Scenario::Rate;
        QVERIFY(!LoadGenerator::validate(plan, ok, data));
        // A generator started with an invalid plan still finishes once, with the reason.
        const LoadResult r = runToEnd(ok, data, plan);
        QCOMPARE(r.setupError, QStringLiteral("the rate must be greater than 0 batches/s"));
    }

    // BenchRun with fake plugins: cross-check, thresholds, failures, and running on a worker thread.

    void compareOverTolerance()
    {
        FakePlugin primary;
        FakePlugin second;
        auto *a = new FakeSync(6, true);
        auto *b = new FakeSync(6, true);
        b->offset = 1e-3f;   // every value off by 1e-3: over the default 1e-5 tolerance
        primary.next.reset(a);
        second.next.reset(b);
        BenchOptions o;
        o.warmupS = 0;   // every call to the fake is a measured one
        o.plugin = &primary;
        o.capabilities = {QStringLiteral("in-process"), QStringLiteral("thread-safe")};
        o.rows = 5000;
        o.batchSize = 500;
        o.features = 6;
        o.threads = 2;
        o.compare = BackendSpec{QStringLiteral("other"), {}, {}, {}, {}, {}};
        o.comparePlugin = &second;
        o.compareCapabilities = o.capabilities;
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        const BenchReport &r = run.report();
        QVERIFY(r.compare);
        QCOMPARE(r.compare->rows, qint64(5000));
        QCOMPARE(r.compare->values, qint64(5000));
        QCOMPARE(r.compare->overTolerance, qint64(5000));
        QVERIFY(qAbs(r.compare->maxAbsDiff - 1e-3) < 1e-4);
        QCOMPARE(r.verdict, QStringLiteral("INVALID"));
        QCOMPARE(r.exitCode(), 1);
        QVERIFY(r.reasons.join(u'\n').contains(u"cross-check with other: 5000 of 5000 values differ"));
        QCOMPARE(b->rowsSeen.load(), qint64(5000));
        // Scored outside the timed part: the measured run saw only the primary.
        QCOMPARE(a->rowsSeen.load(), qint64(5000));
        QCOMPARE(r.rows, qint64(5000));
        const QJsonObject json = r.toJson().value(QStringLiteral("compare")).toObject();
        for (const char *key : {"backend", "rows", "max_abs_diff", "max_rel_diff", "tolerance", "over_tolerance"})
            QVERIFY2(json.contains(QLatin1StringView(key)), key);
    }

    void compareWithinTolerance()
    {
        FakePlugin primary;
        FakePlugin second;
        primary.next = std::make_unique<FakeSync>(6, true);
        second.next = std::make_unique<FakeSync>(6, false);
        BenchOptions o;
        o.plugin = &primary;
        o.capabilities = {QStringLiteral("in-process"), QStringLiteral("thread-safe")};
        o.rows = 3000;
        o.batchSize = 1000;
        o.features = 6;
        o.compare = BackendSpec{QStringLiteral("other"), {}, {}, {}, {}, {}};
        o.comparePlugin = &second;
        o.compareCapabilities = {QStringLiteral("in-process")};
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        const BenchReport &r = run.report();
        QVERIFY(r.compare);
        QCOMPARE(r.compare->overTolerance, qint64(0));
        QCOMPARE(r.compare->maxAbsDiff, 0.0);
        QCOMPARE(r.compare->rows, qint64(3000));
        QVERIFY(r.exitCode() != 1 || r.stable == Stability::Unstable);   // only instability could make it INVALID
    }

    void thresholdBreached()
    {
        FakePlugin plugin;
        plugin.next = std::make_unique<FakeSync>(4, true);
        BenchOptions o;
        o.warmupS = 0;   // every call to the fake is a measured one
        o.plugin = &plugin;
        o.capabilities = {QStringLiteral("in-process"), QStringLiteral("thread-safe")};
        o.rows = 20'000;
        o.batchSize = 500;
        o.features = 4;
        o.minThroughput = 1e15;
        BenchRun run(o);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        const BenchReport &r = run.report();
        QVERIFY(r.thresholdBreached);
        QCOMPARE(r.exitCode(), 3);
        QCOMPARE(r.verdict, QStringLiteral("INVALID"));
        QVERIFY(r.reasons.join(u'\n').contains(u"is below --min-throughput"));
        // The model config the plugin got: features from the options, one internal thread (thread-safe).
        QCOMPARE(plugin.lastConfig.features, qsizetype(4));
        QCOMPARE(plugin.lastConfig.threads, 1);
        QCOMPARE(r.backendStats.value(QStringLiteral("calls")).toInteger(), qint64(40));
    }

    void setupFailures()
    {
        FakePlugin plugin;   // no instance prepared: load() fails
        BenchOptions o;
        o.plugin = &plugin;
        o.backend.modelPath = QStringLiteral("w.json");
        o.capabilities = {QStringLiteral("in-process")};
        BenchRun run(o);
        QSignalSpy failed(&run, &BenchRun::failed);
        QSignalSpy finished(&run, &BenchRun::finished);
        run.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(finished.size(), 1);
        const Error e = failed.first().first().value<Error>();
        QCOMPARE(e.kind, ErrorKind::Usage);
        QCOMPARE(e.message, QStringLiteral("backend 'linear': fake: cannot load w.json"));
        QCOMPARE(run.report().exitCode(), 2);
        QCOMPARE(run.report().verdict, QStringLiteral("INVALID"));

        FakePlugin other;
        other.next = std::make_unique<FakeSync>(4, true);
        o.plugin = &other;
        o.backend.modelPath.clear();
        o.inputFile = QStringLiteral("/nonexistent/rows.npy");
        BenchRun bad(o);
        QSignalSpy badFailed(&bad, &BenchRun::failed);
        bad.start();
        QVERIFY(badFailed.wait(10000));
        QVERIFY(badFailed.first().first().value<Error>().message.startsWith(u"/nonexistent/rows.npy: cannot open"));
        QCOMPARE(bad.report().exitCode(), 2);
    }

    void runsOnWorkerThread()
    {
        FakePlugin plugin;
        auto *remote = new FakeRemote(4, 2);
        plugin.next.reset(remote);
        BenchOptions o;
        o.warmupS = 0;   // every call to the fake is a measured one
        o.plugin = &plugin;
        o.capabilities = {QStringLiteral("in-process")};
        o.rows = 200'000;
        o.batchSize = 100;
        o.features = 4;
        QThread worker;
        auto *run = new BenchRun(o);
        run->moveToThread(&worker);
        connect(&worker, &QThread::finished, run, &QObject::deleteLater);
        // Signals cross to this thread queued, as they would to a GUI.
        int finishedCount = 0;
        BenchReport report;
        connect(run, &BenchRun::finished, this, [&](const BenchReport &r) {
            ++finishedCount;
            report = r;
        }, Qt::QueuedConnection);
        worker.start();
        run->start();
        // Stop from this thread once the run has measured for a while.
        QTRY_VERIFY_WITH_TIMEOUT(remote->calls.load() > 50, 10000);
        run->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QTest::qWait(50);
        QCOMPARE(finishedCount, 1);
        QVERIFY(report.stopped);
        QCOMPARE(report.verdict, QStringLiteral("INVALID"));
        // "stopped", or "stopped (2 batches in flight were not awaited …)" when the stop found some in flight.
        QVERIFY2(!report.reasons.isEmpty() && report.reasons.first().startsWith(u"stopped"),
                 qPrintable(report.reasons.join(u"; ")));
        QVERIFY(report.rows > 0 && report.rows < 200'000);
        QCOMPARE(plugin.loadThread, &worker);
        worker.quit();
        QVERIFY(worker.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_loadgenerator.moc"
