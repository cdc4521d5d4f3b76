#include "loadgenerator.h"

#include "capacityplan.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <sched.h>
#include <sys/timerfd.h>
#include <unistd.h>
#endif

namespace Opsdeck::Core {

namespace {

struct LoadText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::LoadGenerator)
};

using Clock = std::chrono::steady_clock;
constexpr qint64 NoLimit = std::numeric_limits<qint64>::max();
constexpr qint64 NsPerS = 1'000'000'000;

enum class Status : quint8 { Ok, Failed, Unreachable, Timeout };

// What a worker hands over per batch: fixed size, no pointers, so the hand-over never allocates.
struct Record
{
    qint64 scheduled = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint32 rows = 0;
    Status status = Status::Ok;
    bool warmup = false;
};

// Single-producer single-consumer ring: the worker pushes, the run's thread drains. Indices only grow; each side
// caches the other's index so that the common case touches no shared cache line but its own.
class RecordRing
{
public:
    explicit RecordRing(size_t capacityPow2)
        : m_buffer(capacityPow2)
        , m_mask(capacityPow2 - 1)
    {
    }

    bool tryPush(const Record &r)
    {
        const size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_cachedTail > m_mask) {
            m_cachedTail = m_tail.load(std::memory_order_acquire);
            if (head - m_cachedTail > m_mask)
                return false;
        }
        m_buffer[head & m_mask] = r;
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }

    template<typename F>
    void drain(F &&f)
    {
        const size_t head = m_head.load(std::memory_order_acquire);
        size_t tail = m_tail.load(std::memory_order_relaxed);
        while (tail != head) {
            f(m_buffer[tail & m_mask]);
            ++tail;
        }
        m_tail.store(tail, std::memory_order_release);
    }

private:
    std::vector<Record> m_buffer;
    const size_t m_mask;
    alignas(64) std::atomic<size_t> m_head{0};
    size_t m_cachedTail = 0;
    alignas(64) std::atomic<size_t> m_tail{0};
};

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Exp(1) variate from 53 random bits; u is in (0, 1] so the logarithm is finite.
double exponential(quint64 &state)
{
    const double u = double((splitmix64(state) >> 11) + 1) * (1.0 / 9007199254740992.0);
    return -std::log(u);
}

// Folds measured records into windows of wall time and the run's totals. Lives on the run's thread.
class Aggregator
{
public:
    struct Acc
    {
        LatencyHistogram hist;
        qint64 rows = 0;
        qint64 batches = 0;
        qint64 errors = 0;
    };

    void reset(qint64 t0, qint64 windowNs, qsizetype logCapacity = ShortRunLogCapacity)
    {
        m_t0 = t0;
        m_windowNs = windowNs;
        m_nextWindow = 0;
        m_open.clear();
        total.reset();
        rows = batches = errors = unreachable = timeouts = 0;
        lastEnd = t0;
        log.clear();
        m_logCapacity = size_t(std::max<qsizetype>(4, logCapacity));
        m_logStride = 1;
        m_pending = BatchTiming{0, 0, 0, 0, 0};
        windows.clear();
    }

    void add(const Record &r)
    {
        lastEnd = std::max(lastEnd, r.end);
        const bool ok = r.status == Status::Ok;
        const qint64 latency = r.end - r.scheduled;
        if (ok) {
            rows += r.rows;
            ++batches;
            total.record(latency);
        } else {
            ++errors;
            if (r.status == Status::Unreachable)
                ++unreachable;
            else if (r.status == Status::Timeout)
                ++timeouts;
        }
        const qint64 sinceStart = std::max<qint64>(0, r.end - m_t0);
        if (ok && sinceStart < 3 * m_windowNs)
            logCompletion(r, latency);
        const qint64 w = sinceStart / m_windowNs;
        if (w < m_nextWindow)
            return;   // its window was already reported; the totals above still count it
        auto &slot = m_open[w];
        if (!slot) {
            if (!m_spare.empty()) {
                slot = std::move(m_spare.back());
                m_spare.pop_back();
                slot->hist.reset();
                slot->rows = slot->batches = slot->errors = 0;
            } else {
                slot = std::make_unique<Acc>();
            }
        }
        if (ok) {
            slot->hist.record(latency);
            slot->rows += r.rows;
            ++slot->batches;
        } else {
            ++slot->errors;
        }
    }

    // Closes every window that ends at or before `mark`, oldest first.
    template<typename OnWindow>
    void closeBefore(qint64 mark, OnWindow &&onWindow)
    {
        while (m_t0 + (m_nextWindow + 1) * m_windowNs <= mark) {
            BenchWindow window;
            window.index = int(m_nextWindow);
            window.spanS = double(m_windowNs) / NsPerS;
            window.t = double((m_nextWindow + 1) * m_windowNs) / NsPerS;
            auto it = m_open.find(m_nextWindow);
            if (it != m_open.end()) {
                window.rows = it->second->rows;
                window.batches = it->second->batches;
                window.errors = it->second->errors;
                window.p50Ms = double(it->second->hist.percentile(0.50)) / 1e6;
                window.p99Ms = double(it->second->hist.percentile(0.99)) / 1e6;
                m_spare.push_back(std::move(it->second));
                m_open.erase(it);
            }
            window.rowsPerS = double(window.rows) / window.spanS;
            windows.append(window);
            ++m_nextWindow;
            onWindow(window);
        }
    }

    qint64 t0() const { return m_t0; }
    qint64 windowNs() const { return m_windowNs; }
    // Completions each entry of the log stands for (1 until it was first thinned).
    qint64 logStride() const { return m_logStride; }

    // The log, with the completions not yet logged as one last entry. Ends the log.
    std::vector<BatchTiming> takeLog()
    {
        if (m_pending.batches > 0)
            log.push_back(m_pending);
        m_pending.batches = 0;
        return std::move(log);
    }

    LatencyHistogram total;
    qint64 rows = 0;
    qint64 batches = 0;
    qint64 errors = 0;
    qint64 unreachable = 0;
    qint64 timeouts = 0;
    qint64 lastEnd = 0;
    std::vector<BatchTiming> log;
    QList<BenchWindow> windows;

private:
    // The log of a run shorter than three windows must span all of it, in bounded memory: one entry per
    // m_logStride completions, the rows of all of them counted and the times of the last (its end the latest of
    // theirs, as the records of several workers arrive a drain interval apart). When it is full, pairs of
    // entries are merged and the stride doubles, so that the groups judgeShortRun() cuts still hold equal counts
    // of completions from the whole run, and their rows stay exact to an entry at each edge.
    void logCompletion(const Record &r, qint64 latency)
    {
        m_pending.startNs = r.start;
        m_pending.endNs = m_pending.batches > 0 ? std::max(m_pending.endNs, r.end) : r.end;
        m_pending.latencyNs = latency;
        m_pending.rows = (m_pending.batches > 0 ? m_pending.rows : 0) + r.rows;
        if (++m_pending.batches < m_logStride)
            return;
        log.push_back(m_pending);
        m_pending.batches = 0;
        if (log.size() < m_logCapacity)
            return;
        // In place and linear (no sort): it runs on the drain's thread during the measured part, while the
        // workers' rings fill.
        const size_t half = log.size() / 2;
        for (size_t i = 0; i < half; ++i) {
            const BatchTiming &a = log[2 * i];
            BatchTiming b = log[2 * i + 1];
            b.endNs = std::max(a.endNs, b.endNs);
            b.rows += a.rows;
            b.batches += a.batches;
            log[i] = b;
        }
        // An odd capacity leaves one entry of the old stride: it starts the next, half-filled.
        if (log.size() % 2)
            m_pending = log.back();
        log.resize(half);
        m_logStride *= 2;
    }

    size_t m_logCapacity = size_t(ShortRunLogCapacity);
    qint64 m_logStride = 1;
    BatchTiming m_pending{0, 0, 0, 0, 0};   // the completions since the last entry: `batches` of them (0: none)
    qint64 m_t0 = 0;
    qint64 m_windowNs = NsPerS;
    qint64 m_nextWindow = 0;
    std::map<qint64, std::unique_ptr<Acc>> m_open;
    std::vector<std::unique_ptr<Acc>> m_spare;
};

struct Phase
{
    bool warmup = false;
    qint64 startNs = 0;
    qint64 endNs = NoLimit;      // nothing is issued (or scheduled) at or after this
    qint64 totalBatches = -1;    // -1: bounded by endNs only
    qint64 totalRows = 0;
    std::atomic<qint64> next{0};
    double intervalNs = 0;       // Rate
    bool poisson = false;
    std::mutex poissonMutex;
    double poissonOffsetNs = 0;  // Poisson: offset of the next arrival not yet taken
    quint64 rng = 0;
    qint64 scheduleEndNs = NoLimit;      // Rate: end of the schedule (endNs, or one interval after the last arrival)
    std::atomic<qint64> onSchedule{0};   // Rate: batches sent before scheduleEndNs
    qint64 windowNs = NsPerS;            // Poisson: the windows takenRows counts in
    std::vector<qint64> takenRows;       // Poisson: rows of the arrivals taken, by the window they were scheduled in
};

struct Ticket
{
    qint64 index = 0;
    qint64 scheduled = 0;
    qsizetype rows = 0;
};

struct Worker
{
    Worker()
        : ring(size_t(1) << 14)
    {
    }
    RecordRing ring;
    alignas(64) std::atomic<qint64> watermark{0};
    std::atomic<bool> done{false};
    std::thread thread;
    int cpu = -1;              // the CPU it is pinned to, or −1
    quint64 phasesSeen = 0;    // phases it has been released into (guarded by Private::gateMutex)
    FloatBuffer scratch;
    int tokens = 1;
    QString firstError;
};

// Concurrency (remote): a batch slot that is free to be issued again, and since when.
struct Pending
{
    qint64 scheduled = 0;
};

bool within(double value, double mean, double slack = 0)
{
    return std::abs(value - mean) <= std::max(0.1 * mean, slack);
}

QString rateText(double rowsPerS)
{
    return QString::number(rowsPerS, 'f', 0);
}

// base + offsetNs, NoLimit when that is beyond the clock's range (absurdly low rates).
qint64 offsetTime(qint64 base, double offsetNs)
{
    const double t = double(base) + offsetNs;
    return t < 9e18 ? std::llround(t) : NoLimit;
}

// Groups judgeShortRun() cuts a run into at most.
constexpr qsizetype MaxGroups = 10;

// Counts beyond this are not refined to the exact arrival: the rate was absurd for the backend anyway.
constexpr double ExactCountLimit = 1e15;

// Arrivals i = 0, 1, … of a fixed schedule (at offsetTime(startNs, i·interval), as take() places them) that fall
// before `cutoffNs`.
qint64 fixedArrivalsBefore(qint64 startNs, double intervalNs, qint64 cutoffNs)
{
    if (cutoffNs <= startNs)
        return 0;
    const double estimate = std::ceil(double(cutoffNs - startNs) / intervalNs);
    if (!(estimate < ExactCountLimit))
        return qint64(ExactCountLimit);
    qint64 n = qint64(estimate);
    while (n > 0 && offsetTime(startNs, double(n - 1) * intervalNs) >= cutoffNs)
        --n;
    while (offsetTime(startNs, double(n) * intervalNs) < cutoffNs)
        ++n;
    return n;
}

// Arrivals of a Poisson process of `perNs` per nanosecond in `spanNs` (memoryless: a fresh draw, seeded).
qint64 poissonArrivals(double perNs, double spanNs, quint64 seed)
{
    if (!(spanNs > 0))
        return 0;
    const double mean = perNs * spanNs;
    if (!(mean > 0))
        return 0;
    if (!(mean < ExactCountLimit))
        return qint64(ExactCountLimit);
    std::mt19937_64 engine(seed);
    std::poisson_distribution<qint64> draw(mean);
    return draw(engine);
}

} // namespace

StabilityJudgement judgeRateWindows(const QList<BenchWindow> &windows, const QList<qint64> &scheduledRows,
                                    qint64 slackRows)
{
    StabilityJudgement j;
    j.windows = windows;
    const qsizetype n = std::min(windows.size(), scheduledRows.size());
    const double windowS = n ? windows.first().spanS : 1.0;
    j.rule = LoadText::tr("last 3 of %1 windows of %2 s: each completed within ±10% of the rows whose arrivals were "
                          "scheduled in it (rate run)")
                 .arg(n)
                 .arg(windowS);
    if (n < 3) {
        j.detail = LoadText::tr("only %1 windows").arg(n);
        return j;
    }
    double kept[3] = {0, 0, 0};
    bool stable = true;
    for (int i = 0; i < 3; ++i) {
        const qsizetype w = n - 3 + i;
        const qint64 due = scheduledRows.at(w);
        const qint64 done = windows.at(w).rows;
        kept[i] = due > 0 ? double(done) / double(due) : (done == 0 ? 1.0 : 0.0);
        stable = stable && (due > 0 || done == 0) && within(double(done), double(due), double(slackRows));
    }
    j.stable = stable ? Stability::Stable : Stability::Unstable;
    j.detail = LoadText::tr("last 3 windows completed %1%, %2%, %3% of the rows scheduled in them")
                   .arg(kept[0] * 100, 0, 'f', 1)
                   .arg(kept[1] * 100, 0, 'f', 1)
                   .arg(kept[2] * 100, 0, 'f', 1);
    return j;
}

StabilityJudgement judgeWindows(const QList<BenchWindow> &windows, qint64 slackRows)
{
    StabilityJudgement j;
    j.windows = windows;
    const qsizetype n = windows.size();
    const double windowS = n ? windows.first().spanS : 1.0;
    j.rule = LoadText::tr("last 3 of %1 windows of %2 s within ±10% of their mean rows/s").arg(n).arg(windowS);
    if (n < 3) {
        j.detail = LoadText::tr("only %1 windows").arg(n);
        return j;
    }
    const double a = windows.at(n - 3).rowsPerS;
    const double b = windows.at(n - 2).rowsPerS;
    const double c = windows.at(n - 1).rowsPerS;
    const double mean = (a + b + c) / 3;
    const double slack = double(slackRows) / windows.at(n - 1).spanS;
    j.stable = mean > 0 && within(a, mean, slack) && within(b, mean, slack) && within(c, mean, slack)
                   ? Stability::Stable
                   : Stability::Unstable;
    j.detail = LoadText::tr("last 3 windows: %1, %2, %3 rows/s (mean %4)")
                   .arg(rateText(a), rateText(b), rateText(c), rateText(mean));
    return j;
}

StabilityJudgement judgeShortRun(std::vector<BatchTiming> entries, int slotCount, bool openLoop, qint64 t0Ns,
                                 double windowS)
{
    const qint64 minGroupNs = std::llround(MinGroupS * NsPerS);
    const double minGroupMs = MinGroupS * 1e3;
    StabilityJudgement j;
    j.stable = Stability::NotJudged;
    j.rule = LoadText::tr("run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at least "
                          "%4 ms long; the last 3 within ±10% of their mean rows/s")
                 .arg(windowS)
                 .arg(MinGroups)
                 .arg(MaxGroups)
                 .arg(minGroupMs);
    std::sort(entries.begin(), entries.end(),
              [](const BatchTiming &x, const BatchTiming &y) { return x.endNs < y.endNs; });
    qint64 total = 0;
    for (const BatchTiming &e : entries)
        total += e.batches;
    const qint64 totalSpan = entries.empty() ? 0 : entries.back().endNs - t0Ns;
    if (totalSpan < MinGroups * minGroupNs) {
        j.detail = LoadText::tr("not judged: the run lasted %1 ms; at least %2 s is needed for %3 groups of %4 ms")
                       .arg(double(std::max<qint64>(0, totalSpan)) / 1e6, 0, 'f', 1)
                       .arg(MinGroups * MinGroupS)
                       .arg(MinGroups)
                       .arg(minGroupMs);
        return j;
    }
    // Groups are whole rounds of the slots, so that slots finishing in step do not alias into the rates; the
    // last slots−1 completions happen while the workers run dry and are left out. A group is a multiple of `slots`
    // entries: in a thinned log every entry but the last stands for the same number of completions, so that is
    // whole rounds too, and the last entry (with the completions since the one before) goes with the drain.
    const qsizetype slots = openLoop ? 1 : std::max(1, slotCount);
    if (!openLoop && total > slots) {
        for (qint64 drained = 0; drained < slots - 1 && entries.size() > 1;) {
            drained += entries.back().batches;
            entries.pop_back();
        }
    }
    const qsizetype n = qsizetype(entries.size());
    // Groups of about a tenth of a window (100 ms for 1-s windows) and never shorter than MinGroupS, between 4
    // and 10 of them: shorter groups would judge the scheduler's hiccups rather than the backend, and with at
    // least four the first group, which holds the ramp-up (threads starting, cold caches, lazy initialisation in
    // the backend), is never judged. Every group must span MinGroupS: when one would not, fewer (longer) groups
    // are tried.
    const double steadyS = double(entries.back().endNs - t0Ns) / NsPerS;
    const double targetS = std::max(windowS / 10, MinGroupS);
    const qsizetype fit = steadyS / targetS >= double(MaxGroups) ? MaxGroups : qsizetype(steadyS / targetS);
    qsizetype groups = 0;
    qsizetype groupSize = 0;
    for (qsizetype wanted = std::clamp<qsizetype>(fit, MinGroups, MaxGroups); wanted >= MinGroups; --wanted) {
        const qsizetype size = std::max<qsizetype>(1, n / (wanted * slots)) * slots;
        const qsizetype count = std::min<qsizetype>(wanted, n / size);
        if (count < MinGroups)
            break;   // fewer groups only get fewer still
        bool longEnough = true;
        qint64 previousEnd = t0Ns;
        for (qsizetype g = 0; g < count && longEnough; ++g) {
            const qint64 end = entries[size_t((g + 1) * size - 1)].endNs;
            longEnough = end - previousEnd >= minGroupNs;
            previousEnd = end;
        }
        if (longEnough) {
            groups = count;
            groupSize = size;
            break;
        }
    }
    if (groups == 0) {
        j.detail = LoadText::tr("not judged: %1 batches in %2 ms do not make %3 groups of at least %4 ms each")
                       .arg(total)
                       .arg(double(totalSpan) / 1e6, 0, 'f', 1)
                       .arg(MinGroups)
                       .arg(minGroupMs);
        return j;
    }
    qint64 previousEnd = t0Ns;
    std::vector<qint64> latencies;
    for (qsizetype g = 0; g < groups; ++g) {
        BenchWindow w;
        w.index = int(g);
        latencies.clear();
        for (qsizetype i = g * groupSize; i < (g + 1) * groupSize; ++i) {
            const BatchTiming &e = entries[size_t(i)];
            w.rows += e.rows;
            w.batches += e.batches;
            latencies.push_back(e.latencyNs);
        }
        const qint64 end = entries[size_t((g + 1) * groupSize - 1)].endNs;
        const qint64 span = std::max<qint64>(1, end - previousEnd);
        previousEnd = end;
        std::sort(latencies.begin(), latencies.end());
        // Nearest rank, as LatencyHistogram::percentile() does.
        auto percentile = [&latencies](double q) {
            const size_t rank = size_t(std::ceil(q * double(latencies.size())));
            return double(latencies[std::max<size_t>(rank, 1) - 1]) / 1e6;
        };
        w.p50Ms = percentile(0.50);
        w.p99Ms = percentile(0.99);
        w.spanS = double(span) / NsPerS;
        w.t = double(end - t0Ns) / NsPerS;
        w.rowsPerS = double(w.rows) / w.spanS;
        j.windows.append(w);
    }
    const double meanGroupMs = double(previousEnd - t0Ns) / 1e6 / double(groups);
    j.rule = LoadText::tr("run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each "
                          "on average, at least %4 ms) within ±10% of their mean rows/s")
                 .arg(windowS)
                 .arg(groups)
                 .arg(meanGroupMs, 0, 'f', 0)
                 .arg(minGroupMs);
    const double a = j.windows.at(groups - 3).rowsPerS;
    const double b = j.windows.at(groups - 2).rowsPerS;
    const double c = j.windows.at(groups - 1).rowsPerS;
    const double mean = (a + b + c) / 3;
    j.stable = within(a, mean) && within(b, mean) && within(c, mean) ? Stability::Stable : Stability::Unstable;
    // The first group never holds a thinned log's last, partial entry: its count is the groups' count.
    j.detail = LoadText::tr("last 3 of %1 groups of %2 batches: %3, %4, %5 rows/s (mean %6)")
                   .arg(groups)
                   .arg(j.windows.at(0).batches)
                   .arg(rateText(a), rateText(b), rateText(c), rateText(mean));
    return j;
}

StabilityJudgement judgeShortRateRun(std::vector<BatchTiming> entries, qint64 t0Ns, double windowS,
                                     const std::function<qint64(qint64, qint64)> &scheduledRows, qint64 slackRows)
{
    // The groups of an open-loop run; whether they match each other says nothing about a backend that completes a
    // steady tenth of what the schedule asks. Each is measured against its schedule instead, as windows are.
    StabilityJudgement j = judgeShortRun(std::move(entries), 1, true, t0Ns, windowS);
    const qsizetype groups = j.windows.size();
    const double minGroupMs = MinGroupS * 1e3;
    if (j.stable == Stability::NotJudged || groups < MinGroups) {
        j.stable = Stability::NotJudged;
        j.rule = LoadText::tr("run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at "
                              "least %4 ms long; the last 3 each completed within ±10% of the rows whose arrivals "
                              "were scheduled in it (rate run)")
                     .arg(windowS)
                     .arg(MinGroups)
                     .arg(MaxGroups)
                     .arg(minGroupMs);
        return j;
    }
    // A group spans from the previous group's last completion to its own (BenchWindow::t is that, in seconds
    // since t0: exact to the nanosecond for any run shorter than 3 windows of up to 366 days).
    auto endOf = [&j, t0Ns](qsizetype g) { return t0Ns + std::llround(j.windows.at(g).t * NsPerS); };
    double kept[3] = {0, 0, 0};
    bool stable = true;
    for (int i = 0; i < 3; ++i) {
        const qsizetype g = groups - 3 + i;
        const qint64 due = scheduledRows(endOf(g - 1), endOf(g));
        const qint64 done = j.windows.at(g).rows;
        kept[i] = due > 0 ? double(done) / double(due) : (done == 0 ? 1.0 : 0.0);
        stable = stable && (due > 0 || done == 0) && within(double(done), double(due), double(slackRows));
    }
    j.stable = stable ? Stability::Stable : Stability::Unstable;
    j.rule = LoadText::tr("run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each "
                          "on average, at least %4 ms) each completed within ±10% of the rows whose arrivals were "
                          "scheduled in its span (rate run)")
                 .arg(windowS)
                 .arg(groups)
                 .arg(j.windows.at(groups - 1).t * 1e3 / double(groups), 0, 'f', 0)
                 .arg(minGroupMs);
    j.detail = LoadText::tr("last 3 of %1 groups of %2 batches completed %3%, %4%, %5% of the rows scheduled in them")
                   .arg(groups)
                   .arg(j.windows.at(0).batches)
                   .arg(kept[0] * 100, 0, 'f', 1)
                   .arg(kept[1] * 100, 0, 'f', 1)
                   .arg(kept[2] * 100, 0, 'f', 1);
    return j;
}

QString scenarioName(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Offline:
        return QStringLiteral("offline");
    case Scenario::Concurrency:
        return QStringLiteral("concurrency");
    case Scenario::Rate:
        return QStringLiteral("rate");
    }
    return QStringLiteral("offline");
}

std::optional<Scenario> scenarioFromName(const QString &name)
{
    for (Scenario s : {Scenario::Offline, Scenario::Concurrency, Scenario::Rate}) {
        if (name == scenarioName(s))
            return s;
    }
    return std::nullopt;
}

// Wakes the load generator's thread, through its event loop, when the next open-loop arrival is due. Qt's timers
// count whole milliseconds: the rest of a wait would be spent re-arming a 0-ms timer (a busy event loop, a whole
// core at 1,000 arrivals/s). On Linux a timerfd on CLOCK_MONOTONIC (the clock steady_clock reads) takes the
// deadline in nanoseconds and the event loop sleeps until it; elsewhere, or if no timerfd can be had, the Qt timer.
class ArrivalTimer
{
public:
    explicit ArrivalTimer(std::function<void()> onDue) : m_onDue(std::move(onDue))
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { m_onDue(); });
#if defined(Q_OS_LINUX)
        m_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        if (m_fd >= 0) {
            m_notifier = std::make_unique<QSocketNotifier>(qintptr(m_fd), QSocketNotifier::Read);
            QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
                quint64 expirations = 0;
                // Nothing to read: disarmed (or re-armed) after it fired, before this ran.
                if (::read(m_fd, &expirations, sizeof expirations) == ssize_t(sizeof expirations))
                    m_onDue();
            });
        } else {
            qCWarning(lcScoring) << "no timerfd for open-loop arrivals, using whole-millisecond timers:"
                                 << std::strerror(errno);
        }
#endif
    }
    ~ArrivalTimer()
    {
#if defined(Q_OS_LINUX)
        m_notifier.reset();
        if (m_fd >= 0)
            ::close(m_fd);
#endif
    }
    Q_DISABLE_COPY_MOVE(ArrivalTimer)

    /// Calls onDue at `deadline` (at once if it has passed); replaces any deadline set before.
    void startAt(Clock::time_point deadline)
    {
        m_deadline = deadline;
#if defined(Q_OS_LINUX)
        if (m_fd >= 0) {
            const qint64 ns = std::max<qint64>(
                1, std::chrono::duration_cast<std::chrono::nanoseconds>(deadline.time_since_epoch()).count());
            itimerspec spec{};
            spec.it_value.tv_sec = time_t(ns / 1'000'000'000);
            spec.it_value.tv_nsec = long(ns % 1'000'000'000);
            if (::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr) == 0)
                return;
        }
#endif
        armQtTimer();
    }
    void stop()
    {
        m_timer.stop();
#if defined(Q_OS_LINUX)
        if (m_fd >= 0) {
            const itimerspec off{};
            ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &off, nullptr);
        }
#endif
    }

private:
    // Whole milliseconds rounded down: an early call finds the arrival not yet due, and its owner arms again.
    void armQtTimer()
    {
        const qint64 waitNs =
            std::chrono::duration_cast<std::chrono::nanoseconds>(m_deadline - Clock::now()).count();
        m_timer.start(int(std::clamp<qint64>(waitNs / 1'000'000, 0, std::numeric_limits<int>::max())));
    }

    std::function<void()> m_onDue;
    Clock::time_point m_deadline;
    QTimer m_timer;
#if defined(Q_OS_LINUX)
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
#endif
};

struct LoadGenerator::Private
{
    Private(LoadGenerator *owner, Sdk::ModelInstance &inst, const DataSet &dataSet, LoadPlan p)
        : q(owner)
        , instance(inst)
        , data(dataSet)
        , plan(p)
        , epoch(Clock::now())
    {
    }

    LoadGenerator *q;
    Sdk::ModelInstance &instance;
    const DataSet &data;
    const LoadPlan plan;
    const Clock::time_point epoch;

    LoadResult result;
    Aggregator agg;
    std::unique_ptr<Phase> phase;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> halt{false};   // internal stop (unreachable abort)
    std::atomic<bool> abandoned{false};   // being destroyed: nobody drains the rings any more
    bool running = false;
    bool finishedEmitted = false;
    bool phaseFinishing = false;
    QTimer drainTimer;

    // Shape of the run.
    bool remote = false;
    qsizetype outputColumns = 1;
    qsizetype fullSlots = 1;         // whole batches in the data, for cycling
    qsizetype outputRows = 0;        // first pass kept for a cross-check

    // In-process. The workers are started once, before the first phase, and wait at a gate between phases:
    // starting threads inside the measured part would time thread creation, and the scheduler's first placement
    // of new threads (see startWorkers()).
    std::vector<std::unique_ptr<Worker>> workers;
    std::mutex gateMutex;
    std::condition_variable gate;        // workers wait here for a phase, begin() for them to be ready
    quint64 phasesOpened = 0;            // phases released to the workers so far
    Phase *gatePhase = nullptr;          // the phase they are released into
    int workersReady = 0;
    bool workersQuit = false;

    // Remote.
    int maxInFlight = 1;
    int inFlight = 0;
    std::vector<FloatBuffer> slotBuffers;
    std::vector<int> freeSlots;
    std::deque<Pending> pending;
    std::optional<Ticket> nextArrival;
    bool exhausted = false;
    bool pumping = false;
    bool pumpAgain = false;
    bool pumpQueued = false;
    ArrivalTimer arrivalTimer{[this] { onArrivalTimer(); }};
    quint64 phaseSerial = 0;   // completions of an earlier (abandoned) phase are recognised by it
    bool reached = false;   // some batch got an answer from the service (ok, or a failure it reported)
    qint64 unreachableSeen = 0;
    qint64 unreachableProbe = 2;
    // No service has answered and enough batches found none to connect to: send nothing more until those in
    // flight are back (see onAsyncDone()).
    bool holdingForProbe() const { return !reached && unreachableSeen >= unreachableProbe; }
    bool scored = false;        // some batch was scored (the service accepted our credentials)
    bool refusedSeen = false;   // a batch was refused with HTTP 401/403 before any was scored
    bool authAbort = false;
    QString refusal;            // the first refusal's message
    // The service refused the first batches' credentials: send nothing more until those in flight are back; if
    // none of them was scored either, the run gives up (LoadResult::authRefusedAbort) instead of repeating a
    // refused login for the whole run.
    bool holdingForAuth() const { return !scored && refusedSeen; }

    qint64 nowNs() const { return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - epoch).count(); }
    bool stopping() const
    {
        return stopRequested.load(std::memory_order_relaxed) || halt.load(std::memory_order_relaxed);
    }

    qsizetype offsetFor(qint64 index, qsizetype rows) const
    {
        const qint64 first = index * plan.batchSize;
        if (first + rows <= data.rows())
            return qsizetype(first);
        return qsizetype((index % fullSlots) * plan.batchSize);
    }

    bool isFirstPass(const Phase &ph, const Ticket &t) const
    {
        return plan.keepOutputs && !ph.warmup && t.index * plan.batchSize + t.rows <= outputRows;
    }

    float *destination(const Phase &ph, const Ticket &t, float *scratch)
    {
        if (isFirstPass(ph, t))
            return result.outputs.data() + t.index * plan.batchSize * outputColumns;
        return scratch;
    }

    // The next batch of the phase, or false when there is none. Rate: arrivals are handed out in schedule
    // order, one per call, whether they are due yet or not; none once the phase's time is over.
    bool take(Phase &ph, qint64 now, Ticket &t)
    {
        if (stopping())
            return false;
        const bool rate = plan.scenario == Scenario::Rate;
        if (now >= ph.endNs)
            return false;
        qint64 index = 0;
        qint64 scheduled = now;
        if (rate && ph.poisson) {
            std::lock_guard lock(ph.poissonMutex);
            index = ph.next.load(std::memory_order_relaxed);
            if (ph.totalBatches >= 0 && index >= ph.totalBatches)
                return false;
            scheduled = offsetTime(ph.startNs, ph.poissonOffsetNs);
            if (scheduled >= ph.endNs)
                return false;
            ph.next.store(index + 1, std::memory_order_relaxed);
            ph.poissonOffsetNs += exponential(ph.rng) * ph.intervalNs;
            const auto w = size_t((scheduled - ph.startNs) / ph.windowNs);
            if (w >= ph.takenRows.size())
                ph.takenRows.resize(w + 1, 0);
            ph.takenRows[w] += rowsOf(ph, index);
        } else {
            index = ph.next.fetch_add(1, std::memory_order_relaxed);
            if (ph.totalBatches >= 0 && index >= ph.totalBatches)
                return false;
            if (rate) {
                scheduled = offsetTime(ph.startNs, double(index) * ph.intervalNs);
                if (scheduled >= ph.endNs)
                    return false;
            }
        }
        t.index = index;
        t.scheduled = scheduled;
        t.rows = rowsOf(ph, index);
        return true;
    }

    qsizetype rowsOf(const Phase &ph, qint64 index) const
    {
        if (ph.totalBatches >= 0 && index == ph.totalBatches - 1)
            return qsizetype(ph.totalRows - index * plan.batchSize);
        return plan.batchSize;
    }

    // Rate: may a batch be sent at `now`? Counts it as sent within the schedule when it is.
    bool sendable(Phase &ph, qint64 now)
    {
        if (now >= ph.endNs)
            return false;   // the phase is over: the arrival is missed
        if (now < ph.scheduleEndNs)
            ph.onSchedule.fetch_add(1, std::memory_order_relaxed);
        return true;
    }

    qint64 arrivalsBefore(const Phase &ph, qint64 cutoffNs) const;
    QList<qint64> scheduledRowsByWindow(qsizetype windows, qint64 cutoffNs) const;
    qint64 fixedRowsBetween(qint64 fromNs, qint64 toNs, qint64 cutoffNs) const;
    void begin();
    void startPhase(bool warmup);
    void startWorkers();
    void stopWorkers();
    void workerLoop(Worker &w);
    void workerMain(Worker &w, Phase &ph);
    void onDrain();
    void drainRings();
    void scheduleFinishPhase();
    void finishPhase();
    void finalize();
    void emitFinished();
    void computeStability(qint64 cutoffNs);

    // Remote.
    void onArrivalTimer();
    void pump();
    void dispatch(const Ticket &t, qint64 scheduled);
    void onAsyncDone(int slot, Ticket t, qint64 scheduled, qint64 start, bool warmup, bool firstPass,
                     const Sdk::ScoreStatus &status);
    void checkRemotePhaseDone();
};

LoadGenerator::LoadGenerator(Sdk::ModelInstance &instance, const DataSet &data, LoadPlan plan, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, instance, data, plan))
{
    d->drainTimer.setInterval(20);
    connect(&d->drainTimer, &QTimer::timeout, this, [this] { d->onDrain(); });
}

LoadGenerator::~LoadGenerator()
{
    shutDown();
    if (d->inFlight > 0)
        qCWarning(lcScoring) << "load generator destroyed with" << d->inFlight << "remote batches in flight";
}

void LoadGenerator::shutDown()
{
    d->stopRequested.store(true);
    d->abandoned.store(true);
    d->stopWorkers();
    d->drainTimer.stop();
    d->arrivalTimer.stop();
    d->phase.reset();
    ++d->phaseSerial;
}

Result<void> LoadGenerator::validate(const LoadPlan &plan, const Sdk::ModelInstance &instance, const DataSet &data)
{
    auto bad = [](const QString &why) { return fail(ErrorKind::Usage, why); };
    if (plan.batchSize < 1)
        return bad(LoadText::tr("the batch size must be at least 1"));
    if (plan.batchSize > std::numeric_limits<qint32>::max())
        return bad(LoadText::tr("the batch size %1 is too large").arg(plan.batchSize));
    if (data.rows() < plan.batchSize)
        return bad(LoadText::tr("the data has %1 rows, fewer than one batch of %2").arg(data.rows()).arg(plan.batchSize));
    if (plan.rows <= 0 && !(plan.durationS > 0))
        return bad(LoadText::tr("nothing to run: give a number of rows or a duration"));
    if (plan.scenario == Scenario::Concurrency && plan.concurrency < 1)
        return bad(LoadText::tr("the concurrency must be at least 1"));
    if (plan.scenario == Scenario::Rate && !(plan.rate > 0 && std::isfinite(plan.rate)))
        return bad(LoadText::tr("the rate must be greater than 0 batches/s"));
    // Schedules are kept in nanoseconds: a rate below one batch in 1000 s or above one per nanosecond is
    // a typing mistake, not a load to generate.
    if (plan.scenario == Scenario::Rate && (plan.rate < MinRate || plan.rate > MaxRate))
        return bad(LoadText::tr("the rate %1 batches/s is outside %2 … %3").arg(plan.rate).arg(MinRate).arg(MaxRate));
    if (!(plan.warmupS >= 0))
        return bad(LoadText::tr("the warm-up must not be negative"));
    if (plan.warmupS > MaxDurationS || plan.durationS > MaxDurationS)
        return bad(LoadText::tr("runs and warm-ups are at most 366 days"));
    if (plan.threads < 1)
        return bad(LoadText::tr("at least one thread is needed"));
    if (!(plan.windowS > 0))
        return bad(LoadText::tr("the window length must be greater than 0"));
    if (instance.outputColumns() < 1)
        return bad(LoadText::tr("the model reports %1 output columns").arg(instance.outputColumns()));
    if (data.kind() == Sdk::InputKind::DenseFloat32 && instance.inputColumns() > 0
        && instance.inputColumns() != data.cols())
        return bad(LoadText::tr("the model expects %1 input columns, the data (%3) has %2")
                       .arg(instance.inputColumns())
                       .arg(data.cols())
                       .arg(data.description()));
    return {};
}

void LoadGenerator::start()
{
    QMetaObject::invokeMethod(this, [this] { d->begin(); }, Qt::QueuedConnection);
}

void LoadGenerator::stop()
{
    d->stopRequested.store(true);
    // A remote run ends now, not at its next completion (a hung service has none to give).
    QMetaObject::invokeMethod(this, [this] { d->checkRemotePhaseDone(); }, Qt::QueuedConnection);
}

bool LoadGenerator::isRunning() const
{
    return d->running;
}

const LoadResult &LoadGenerator::result() const
{
    return d->result;
}

LoadResult LoadGenerator::takeResult()
{
    return std::move(d->result);
}

void LoadGenerator::Private::begin()
{
    if (running || finishedEmitted)
        return;
    if (auto ok = LoadGenerator::validate(plan, instance, data); !ok) {
        result.setupError = ok.error().message;
        emitFinished();
        return;
    }
    running = true;
    remote = instance.isRemote();
    outputColumns = instance.outputColumns();
    fullSlots = std::max<qsizetype>(1, data.rows() / plan.batchSize);
    result.remote = remote;

    if (plan.keepOutputs) {
        outputRows = plan.rows > 0 && plan.rows <= data.rows() ? qsizetype(plan.rows) : fullSlots * plan.batchSize;
        result.outputRows = outputRows;
        result.outputColumns = outputColumns;
        // Zero-filled now so that the pages are not first touched inside the timed part.
        result.outputs.assign(size_t(outputRows * outputColumns), 0.0f);
        result.outputOk.assign(size_t((outputRows + plan.batchSize - 1) / plan.batchSize), 0);
    }

    const size_t scratchSize = size_t(plan.batchSize * outputColumns);
    if (!remote) {
        int count = 1;
        if (instance.isThreadSafe()) {
            count = plan.threads;
            if (plan.scenario == Scenario::Concurrency)
                count = std::min(plan.concurrency, plan.threads);
        }
        for (int i = 0; i < count; ++i) {
            auto w = std::make_unique<Worker>();
            w->scratch.assign(scratchSize, 0.0f);
            // Closed loop: the N outstanding batches are shared out over the workers; a worker that holds
            // several serves them in turn, so their waits count as latency.
            w->tokens = plan.scenario == Scenario::Concurrency
                            ? plan.concurrency / count + (i < plan.concurrency % count ? 1 : 0)
                            : 1;
            workers.push_back(std::move(w));
        }
        result.workers = count;
        result.slots = count;
        startWorkers();
    } else {
        maxInFlight = std::max(1, instance.maxInFlight());
        int slots = maxInFlight;
        if (plan.scenario == Scenario::Concurrency)
            slots = std::min(slots, plan.concurrency);
        slotBuffers.resize(size_t(slots));
        for (int i = 0; i < slots; ++i) {
            slotBuffers[size_t(i)].assign(scratchSize, 0.0f);
            freeSlots.push_back(slots - 1 - i);
        }
        maxInFlight = slots;
        unreachableProbe = std::max<qint64>(2, slots);
        result.workers = 0;
        result.slots = slots;
    }
    startPhase(plan.warmupS > 0);
}

void LoadGenerator::Private::startPhase(bool warmup)
{
    phase = std::make_unique<Phase>();
    ++phaseSerial;
    Phase &ph = *phase;
    ph.warmup = warmup;
    if (!warmup && plan.rows > 0) {
        ph.totalBatches = (plan.rows + plan.batchSize - 1) / plan.batchSize;
        ph.totalRows = plan.rows;
    }
    // Poisson --rows runs with more batches than this end their schedule at the expected time instead of the
    // drawn one (relative difference below 1/√N, 0.03 %), rather than drawing them all up front.
    constexpr qint64 MaxPredrawn = 10'000'000;
    std::optional<double> predrawnEnd;
    if (plan.scenario == Scenario::Rate) {
        ph.intervalNs = double(NsPerS) / plan.rate;
        ph.poisson = plan.poisson;
        ph.rng = plan.seed ^ (warmup ? 0xA5A5A5A5ULL : 0x5A5A5A5AULL);
        if (ph.poisson && ph.totalBatches > 0 && ph.totalBatches <= MaxPredrawn) {
            // One interval after the last arrival: the offset take() will reach after the last batch. The same
            // draws in the same order (a copy of the generator), so that it is exactly that offset. Drawn before
            // the phase's clock starts (up to ~75 ms for 10M batches), which would otherwise make every early
            // arrival late.
            quint64 rng = ph.rng;
            double offset = 0;
            for (qint64 i = 0; i < ph.totalBatches; ++i)
                offset += exponential(rng) * ph.intervalNs;
            predrawnEnd = offset;
        }
    }
    ph.startNs = nowNs();
    if (warmup)
        ph.endNs = ph.startNs + std::llround(plan.warmupS * NsPerS);
    else if (plan.rows <= 0)
        ph.endNs = ph.startNs + std::llround(plan.durationS * NsPerS);
    if (plan.scenario == Scenario::Rate) {
        if (ph.endNs != NoLimit)
            ph.scheduleEndNs = ph.endNs;
        else if (predrawnEnd)
            ph.scheduleEndNs = offsetTime(ph.startNs, *predrawnEnd);
        else
            ph.scheduleEndNs = offsetTime(ph.startNs, double(ph.totalBatches) * ph.intervalNs);
    }
    ph.windowNs = std::max<qint64>(1, std::llround(plan.windowS * NsPerS));
    if (!warmup)
        agg.reset(ph.startNs, ph.windowNs, plan.shortRunLogCapacity);
    phaseFinishing = false;

    if (!remote) {
        for (auto &w : workers) {
            w->done.store(false);
            w->watermark.store(ph.startNs);
        }
        {
            std::lock_guard lock(gateMutex);
            gatePhase = &ph;
            ++phasesOpened;
        }
        gate.notify_all();
    } else {
        pending.clear();
        exhausted = false;
        nextArrival.reset();
        if (plan.scenario == Scenario::Concurrency) {
            for (int i = 0; i < plan.concurrency; ++i)
                pending.push_back(Pending{ph.startNs});
        }
        pump();
    }
    drainTimer.start();
}

// Starts the workers and waits until every one is parked at the gate. With no more workers than the CPUs this
// process may run on (and LoadPlan::pinThreads), worker i is pinned to the i-th of them. Unpinned, Linux places
// two threads started together on one CPU now and then and moves one only at a later balancing tick: each
// worker of a 2-thread run on 2 cores then lost about 4 ms (one tick) in its first milliseconds, in more than
// half of the 23-ms offline runs of bench/run's linear benchmark (−10 to −30 % rows/s). Pinned, none did.
void LoadGenerator::Private::startWorkers()
{
    const int count = int(workers.size());
#if defined(Q_OS_LINUX)
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (plan.pinThreads && sched_getaffinity(0, sizeof allowed, &allowed) == 0 && count <= CPU_COUNT(&allowed)) {
        int i = 0;
        for (int cpu = 0; cpu < CPU_SETSIZE && i < count; ++cpu) {
            if (CPU_ISSET(cpu, &allowed))
                workers[size_t(i++)]->cpu = cpu;
        }
    }
#endif
    for (auto &w : workers) {
        Worker *worker = w.get();
        w->thread = std::thread([this, worker] { workerLoop(*worker); });
    }
    std::unique_lock lock(gateMutex);
    gate.wait(lock, [this, count] { return workersReady == count; });
    result.pinnedWorkers =
        int(std::count_if(workers.begin(), workers.end(), [](const auto &w) { return w->cpu >= 0; }));
}

void LoadGenerator::Private::stopWorkers()
{
    {
        std::lock_guard lock(gateMutex);
        workersQuit = true;
    }
    gate.notify_all();
    for (auto &w : workers) {
        if (w->thread.joinable())
            w->thread.join();
    }
}

void LoadGenerator::Private::workerLoop(Worker &w)
{
#if defined(Q_OS_LINUX)
    if (w.cpu >= 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(w.cpu, &one);
        if (sched_setaffinity(0, sizeof one, &one) != 0)
            w.cpu = -1;   // not allowed after all: runs unpinned
    }
#endif
    // The first allocation on a new thread sets up its malloc arena (an mmap of 64 MiB or more): here, not in the
    // first timed batch. (A member, so that the allocation cannot be optimised away.)
    w.firstError.reserve(64);
    std::unique_lock lock(gateMutex);
    ++workersReady;
    gate.notify_all();
    while (true) {
        gate.wait(lock, [this, &w] { return workersQuit || phasesOpened != w.phasesSeen; });
        if (workersQuit)
            return;
        w.phasesSeen = phasesOpened;
        Phase *ph = gatePhase;
        lock.unlock();
        workerMain(w, *ph);
        lock.lock();
    }
}

void LoadGenerator::Private::workerMain(Worker &w, Phase &ph)
{
    const bool closedLoop = plan.scenario == Scenario::Concurrency;
    const bool openLoop = plan.scenario == Scenario::Rate;
    // Issue times of the outstanding batches this worker holds (closed loop), oldest first.
    std::vector<qint64> tokens(size_t(std::max(1, w.tokens)), ph.startNs);
    size_t tokenHead = 0;
    QString error;
    while (true) {
        qint64 now = nowNs();
        Ticket t;
        if (!take(ph, now, t))
            break;
        qint64 scheduled = now;
        if (closedLoop) {
            scheduled = tokens[tokenHead];
        } else if (openLoop) {
            scheduled = t.scheduled;
            bool abandoned = false;
            while (now < scheduled) {
                if (stopping()) {
                    abandoned = true;
                    break;
                }
                w.watermark.store(now, std::memory_order_release);
                std::this_thread::sleep_for(std::chrono::nanoseconds(std::min<qint64>(scheduled - now, 20'000'000)));
                now = nowNs();
            }
            if (abandoned || !sendable(ph, now))
                break;
        }
        const qint64 start = now;
        // Every record pushed from here on ends at or after `start`.
        w.watermark.store(start, std::memory_order_release);
        const Sdk::BatchInput input = data.batch(offsetFor(t.index, t.rows), t.rows);
        const bool firstPass = isFirstPass(ph, t);
        float *out = destination(ph, t, w.scratch.data());
        const bool ok = instance.score(input, out, &error);
        const qint64 end = nowNs();
        if (!ok) {
            if (w.firstError.isEmpty())
                w.firstError = error.isEmpty() ? LoadText::tr("score() failed without a message") : error;
            error.clear();
        } else if (firstPass) {
            result.outputOk[size_t(t.index)] = 1;
        }
        const Record record{scheduled, start, end, qint32(t.rows), ok ? Status::Ok : Status::Failed, ph.warmup};
        while (!w.ring.tryPush(record)) {
            if (abandoned.load(std::memory_order_relaxed))
                break;
            std::this_thread::yield();
        }
        if (closedLoop) {
            tokens[tokenHead] = end;
            tokenHead = (tokenHead + 1) % tokens.size();
        }
    }
    w.watermark.store(NoLimit, std::memory_order_release);
    w.done.store(true, std::memory_order_release);
    QMetaObject::invokeMethod(q, [this] { onDrain(); }, Qt::QueuedConnection);
}

void LoadGenerator::Private::drainRings()
{
    for (auto &w : workers) {
        w->ring.drain([this](const Record &r) {
            if (r.warmup) {
                ++(r.status == Status::Ok ? result.warmupBatches : result.warmupErrors);
                return;
            }
            agg.add(r);
        });
    }
}

void LoadGenerator::Private::onDrain()
{
    if (!phase || phaseFinishing)
        return;
    auto emitWindow = [this](const BenchWindow &w) { Q_EMIT q->windowCompleted(w); };
    if (!remote) {
        qint64 mark = NoLimit;
        bool allDone = true;
        for (auto &w : workers) {
            mark = std::min(mark, w->watermark.load(std::memory_order_acquire));
            allDone = allDone && w->done.load(std::memory_order_acquire);
        }
        drainRings();
        if (!phase->warmup)
            agg.closeBefore(std::min(mark, nowNs()), emitWindow);
        if (allDone)
            finishPhase();
        return;
    }
    if (stopping()) {
        arrivalTimer.stop();
        pending.clear();
        nextArrival.reset();
        exhausted = true;
    }
    if (!phase->warmup)
        agg.closeBefore(nowNs(), emitWindow);
    checkRemotePhaseDone();
}

void LoadGenerator::Private::scheduleFinishPhase()
{
    if (phaseFinishing)
        return;
    phaseFinishing = true;
    // Out of the completion callback's stack before tearing the phase down.
    QMetaObject::invokeMethod(q, [this] { finishPhase(); }, Qt::QueuedConnection);
}

void LoadGenerator::Private::finishPhase()
{
    if (!phase)
        return;
    phaseFinishing = true;
    drainTimer.stop();
    arrivalTimer.stop();
    // Called once every worker is done with the phase (onDrain()); they wait at the gate for the next one.
    for (auto &w : workers) {
        while (!w->done.load(std::memory_order_acquire))
            std::this_thread::yield();
    }
    drainRings();
    for (auto &w : workers) {
        if (result.firstError.isEmpty() && !w->firstError.isEmpty())
            result.firstError = w->firstError;
        w->firstError.clear();
    }
    const bool wasWarmup = phase->warmup;
    if (wasWarmup && !stopping()) {
        startPhase(false);
        return;
    }
    if (wasWarmup)
        agg.reset(nowNs(), std::max<qint64>(1, std::llround(plan.windowS * NsPerS)), plan.shortRunLogCapacity);
    finalize();
}

qint64 LoadGenerator::Private::arrivalsBefore(const Phase &ph, qint64 cutoffNs) const
{
    const qint64 span = cutoffNs - ph.startNs;
    qint64 n = 0;
    if (!ph.poisson) {
        n = fixedArrivalsBefore(ph.startNs, ph.intervalNs, cutoffNs);
    } else {
        // The arrivals taken (all before the end of the phase) and, when the next one is due before the cutoff,
        // it and a fresh draw for the rest of the span.
        n = ph.next.load(std::memory_order_relaxed);
        if (ph.poissonOffsetNs < double(span))
            n += 1 + poissonArrivals(1.0 / ph.intervalNs, double(span) - ph.poissonOffsetNs, ph.rng);
    }
    return ph.totalBatches >= 0 ? std::min(n, ph.totalBatches) : n;
}

void LoadGenerator::Private::finalize()
{
    auto emitWindow = [this](const BenchWindow &w) { Q_EMIT q->windowCompleted(w); };
    const bool cut = stopRequested.load() || halt.load() || phase->warmup;
    const bool rate = plan.scenario == Scenario::Rate && !phase->warmup;
    // A rate run is measured to the end of its schedule: its last window closes there even when the last batch
    // completed before it (nothing else was due), and the throughput is over the schedule's length.
    const qint64 endMark =
        rate && !cut && phase->scheduleEndNs != NoLimit ? std::max(agg.lastEnd, phase->scheduleEndNs) : agg.lastEnd;
    agg.closeBefore(endMark, emitWindow);
    result.rows = agg.rows;
    result.batches = agg.batches;
    result.errors = agg.errors;
    result.unreachableErrors = agg.unreachable;
    result.timeoutErrors = agg.timeouts;
    result.durationS = double(endMark - agg.t0()) / NsPerS;
    const qint64 cutoff = cut ? std::min(phase->scheduleEndNs, nowNs()) : phase->scheduleEndNs;
    if (rate) {
        const qint64 onSchedule = phase->onSchedule.load();
        result.scheduledBatches = std::max(arrivalsBefore(*phase, cutoff), onSchedule);
        result.missedBatches = result.scheduledBatches - onSchedule;
    }
    result.latency = agg.total;
    result.windows = agg.windows;
    result.stopped = stopRequested.load();
    result.unreachableAbort = halt.load() && !authAbort;
    result.authRefusedAbort = authAbort;
    if (authAbort && !refusal.isEmpty())
        result.firstError = refusal;   // the reason the run gave up, whatever failed before it
    result.abandonedBatches = remote ? inFlight : 0;
    computeStability(cutoff);
    phase.reset();
    ++phaseSerial;
    running = false;
    emitFinished();
}

// Rows whose arrivals the schedule put in each window, sent or not: a window that fell behind is measured against
// all it should have done, not only against what was sent (which let such a window show more than 100 %).
// Constant rate: exact, from the schedule. Poisson: the arrivals taken, and for the span after the last one taken
// (never drawn: the run ended before they could be sent) the expected count.
QList<qint64> LoadGenerator::Private::scheduledRowsByWindow(qsizetype windows, qint64 cutoffNs) const
{
    const Phase &ph = *phase;
    QList<qint64> due;
    due.reserve(windows);
    for (qsizetype w = 0; w < windows; ++w) {
        const qint64 from = ph.startNs + w * ph.windowNs;
        const qint64 to = std::min(cutoffNs, from + ph.windowNs);
        qint64 rows = 0;
        if (!ph.poisson) {
            rows = fixedRowsBetween(from, to, cutoffNs);
        } else {
            if (size_t(w) < ph.takenRows.size())
                rows = ph.takenRows[size_t(w)];
            const bool untaken = ph.totalBatches < 0 || ph.next.load(std::memory_order_relaxed) < ph.totalBatches;
            const double tailFrom = std::max(double(from), double(ph.startNs) + ph.poissonOffsetNs);
            if (untaken && tailFrom < double(to))
                rows += std::llround((double(to) - tailFrom) / ph.intervalNs * double(plan.batchSize));
        }
        due.append(rows);
    }
    return due;
}

// Constant rate: rows whose arrivals the schedule put in [fromNs, toNs), sent or not, up to `cutoffNs` (the end of
// the schedule, or the stop) and the plan's rows.
qint64 LoadGenerator::Private::fixedRowsBetween(qint64 fromNs, qint64 toNs, qint64 cutoffNs) const
{
    const Phase &ph = *phase;
    const qint64 total = arrivalsBefore(ph, cutoffNs);
    const qint64 to = std::max(fromNs, std::min(cutoffNs, toNs));
    const qint64 lo = std::min(total, fixedArrivalsBefore(ph.startNs, ph.intervalNs, fromNs));
    const qint64 hi = std::min(total, fixedArrivalsBefore(ph.startNs, ph.intervalNs, to));
    return hi > lo ? (hi - lo - 1) * plan.batchSize + rowsOf(ph, hi - 1) : 0;
}

void LoadGenerator::Private::computeStability(qint64 cutoffNs)
{
    const double windowS = double(agg.windowNs()) / NsPerS;
    StabilityJudgement j;
    bool grouped = false;
    if (result.rows == 0) {
        j.stable = Stability::NotJudged;
        j.rule = LoadText::tr("last 3 windows within ±10% of their mean rows/s");
        j.detail = LoadText::tr("not judged: nothing was scored");
        j.windows = result.windows;
    } else if (result.windows.size() >= 3 && plan.scenario == Scenario::Rate) {
        // An open-loop run's rows per window follow its arrivals (Poisson counts vary by √n on their own): judge
        // whether each window kept pace with what was scheduled in it, not whether windows match each other.
        j = judgeRateWindows(result.windows, scheduledRowsByWindow(result.windows.size(), cutoffNs), plan.batchSize);
    } else if (result.windows.size() >= 3) {
        j = judgeWindows(result.windows, qint64(std::max({result.slots, result.workers, 1})) * plan.batchSize);
    } else if (plan.scenario == Scenario::Rate && plan.poisson) {
        // Groups of a short run are compared with each other; Poisson arrivals make them differ by more than
        // ±10 % on their own (√n of a few dozen batches), so there is nothing to judge them by.
        j.stable = Stability::NotJudged;
        j.rule = LoadText::tr("rate run with Poisson arrivals: last 3 windows kept pace with their arrivals");
        j.detail = LoadText::tr("not judged: only %1 windows; Poisson arrivals need 3 to be judged")
                       .arg(result.windows.size());
        j.windows = result.windows;
    } else if (plan.scenario == Scenario::Rate) {
        grouped = true;
        // A constant-rate backend that completes a steady tenth of its schedule makes groups that agree with each
        // other: each is measured against the rows scheduled in its span, as windows are (one batch of slack).
        j = judgeShortRateRun(
            agg.takeLog(), agg.t0(), windowS,
            [this, cutoffNs](qint64 from, qint64 to) { return fixedRowsBetween(from, to, cutoffNs); },
            plan.batchSize);
    } else {
        grouped = true;
        j = judgeShortRun(agg.takeLog(), result.slots, false, agg.t0(), windowS);
    }
    // A thinned log still spans the whole run and counts every row, but holds one latency per entry.
    if (grouped && agg.logStride() > 1 && !j.windows.isEmpty())
        j.detail += LoadText::tr(" (group latencies sampled from 1 in %1 batches)").arg(agg.logStride());
    result.stable = j.stable;
    result.stabilityRule = j.rule;
    result.stabilityDetail = j.detail;
    result.windows = j.windows;
}

void LoadGenerator::Private::emitFinished()
{
    if (finishedEmitted)
        return;
    finishedEmitted = true;
    running = false;
    Q_EMIT q->finished();
}

void LoadGenerator::Private::onArrivalTimer()
{
    pump();
}

void LoadGenerator::Private::pump()
{
    if (!phase || phaseFinishing)
        return;
    if (pumping) {
        pumpAgain = true;
        return;
    }
    pumping = true;
    int dispatched = 0;
    bool deferred = false;
    do {
        pumpAgain = false;
        while (inFlight < maxInFlight && !stopping() && !holdingForProbe() && !holdingForAuth()) {
            if (dispatched >= 256) {
                // A backend that completes inside scoreAsync() would otherwise keep the event loop (timers,
                // stop requests, windows) waiting until the whole run is over.
                deferred = true;
                break;
            }
            Ticket t;
            qint64 scheduled = 0;
            const qint64 now = nowNs();
            if (plan.scenario == Scenario::Offline) {
                if (exhausted || !take(*phase, now, t)) {
                    exhausted = true;
                    break;
                }
                scheduled = now;
            } else if (plan.scenario == Scenario::Concurrency) {
                if (pending.empty())
                    break;
                if (exhausted || !take(*phase, now, t)) {
                    exhausted = true;
                    pending.clear();
                    break;
                }
                scheduled = pending.front().scheduled;
                pending.pop_front();
            } else {
                // Rate: one arrival at a time, taken when a slot can send it. Arrivals that are already due
                // are sent at once (late: their wait counts); a backlog is never materialised.
                if (!nextArrival) {
                    if (exhausted || !take(*phase, now, t)) {
                        exhausted = true;
                        break;
                    }
                    nextArrival = t;
                }
                if (nextArrival->scheduled > now)
                    break;   // not due yet: the arrival timer sends it
                if (!sendable(*phase, now)) {
                    nextArrival.reset();
                    exhausted = true;
                    break;
                }
                t = *nextArrival;
                scheduled = t.scheduled;
                nextArrival.reset();
            }
            ++dispatched;
            dispatch(t, scheduled);
        }
    } while (pumpAgain && !deferred);
    pumping = false;
    if (plan.scenario == Scenario::Rate && nextArrival && !stopping()) {
        if (inFlight < maxInFlight) {
            // A late wake-up makes the batch late (counted: latency runs from the scheduled time). With every
            // slot busy, the next completion sends it instead.
            arrivalTimer.startAt(epoch + std::chrono::nanoseconds(nextArrival->scheduled));
        } else {
            arrivalTimer.stop();
        }
    }
    if (deferred && !pumpQueued) {
        pumpQueued = true;
        QMetaObject::invokeMethod(
            q,
            [this] {
                pumpQueued = false;
                pump();
            },
            Qt::QueuedConnection);
    }
    checkRemotePhaseDone();
}

void LoadGenerator::Private::dispatch(const Ticket &t, qint64 scheduled)
{
    const int slot = freeSlots.back();
    freeSlots.pop_back();
    ++inFlight;
    const bool warmup = phase->warmup;
    const bool firstPass = isFirstPass(*phase, t);
    float *out = destination(*phase, t, slotBuffers[size_t(slot)].data());
    const Sdk::BatchInput input = data.batch(offsetFor(t.index, t.rows), t.rows);
    const qint64 start = nowNs();
    const quint64 serial = phaseSerial;
    instance.scoreAsync(input, out,
                        [this, slot, t, scheduled, start, warmup, firstPass, serial](const Sdk::ScoreStatus &status) {
                            if (!phase || serial != phaseSerial) {
                                // Abandoned when the run was stopped (checkRemotePhaseDone()).
                                --inFlight;
                                freeSlots.push_back(slot);
                                return;
                            }
                            onAsyncDone(slot, t, scheduled, start, warmup, firstPass, status);
                        });
}

void LoadGenerator::Private::onAsyncDone(int slot, Ticket t, qint64 scheduled, qint64 start, bool warmup,
                                         bool firstPass, const Sdk::ScoreStatus &status)
{
    const qint64 end = nowNs();
    --inFlight;
    freeSlots.push_back(slot);
    Status s = Status::Ok;
    switch (status.kind) {
    case Sdk::ScoreStatus::Kind::Ok:
        s = Status::Ok;
        break;
    case Sdk::ScoreStatus::Kind::Failed:
        s = Status::Failed;
        break;
    case Sdk::ScoreStatus::Kind::Unreachable:
        s = Status::Unreachable;
        break;
    case Sdk::ScoreStatus::Kind::Timeout:
        s = Status::Timeout;
        break;
    }
    // Ok, or a failure the backend reports as other than "could not connect" or "no reply in time" (an HTTP
    // 500, a connection the service accepted and then dropped, a malformed reply): the service is there.
    if (s == Status::Ok || s == Status::Failed)
        reached = true;
    if (s == Status::Ok)
        scored = true;
    else if (s == Status::Failed && (status.httpStatus == 401 || status.httpStatus == 403) && !scored
             && !refusedSeen) {
        refusedSeen = true;
        refusal = status.message;
    }
    if (s == Status::Ok) {
        if (firstPass)
            result.outputOk[size_t(t.index)] = 1;
    } else {
        if (result.firstError.isEmpty())
            result.firstError = status.message.isEmpty() ? LoadText::tr("batch failed without a message")
                                                         : status.message;
        if (s == Status::Unreachable && !reached)
            ++unreachableSeen;
    }
    if (holdingForProbe() && inFlight == 0) {
        // The first batches could not connect at all, and none of those sent since got an answer either: the
        // rest would only fail the same way. Once a service has answered, failures are counted and the run
        // goes on. Nothing is sent while this is open (holdingForProbe()), so that a dead endpoint next to a
        // slower live one, whose refusals arrive first, does not end the run: its live neighbour is waited for.
        halt.store(true);
    }
    if (holdingForAuth() && inFlight == 0) {
        authAbort = true;
        halt.store(true);
    }
    const Record record{scheduled, start, end, qint32(t.rows), s, warmup};
    if (warmup)
        ++(s == Status::Ok ? result.warmupBatches : result.warmupErrors);
    else
        agg.add(record);
    if (plan.scenario == Scenario::Concurrency && !exhausted && !stopping())
        pending.push_back(Pending{end});
    if (stopping()) {
        arrivalTimer.stop();
        pending.clear();
        nextArrival.reset();
        exhausted = true;
    }
    pump();
}

void LoadGenerator::Private::checkRemotePhaseDone()
{
    // A stopped run does not wait for its batches in flight (a hung service would hold it for the whole
    // request timeout): they are abandoned, and their completions, whenever they come, are ignored.
    if (!remote || !phase || phaseFinishing || (inFlight > 0 && !stopRequested.load()))
        return;
    const bool noMoreWork = stopping() || (exhausted && pending.empty() && !nextArrival);
    if (noMoreWork)
        scheduleFinishPhase();
}

} // namespace Opsdeck::Core
