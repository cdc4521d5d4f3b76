#include "benchrun.h"

#include "remoteaccess.h"

#include "common/logging.h"
#include "config/profile.h"
#include "net/networkaccess.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>
#include <QtCore/QUrl>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace Opsdeck::Core {

namespace {

struct RunText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BenchRun)
};

constexpr qint64 DefaultRowsInProcess = 2'000'000;
constexpr qint64 DefaultRowsRemote = 20'000;
constexpr qsizetype DefaultBatchInProcess = 10'000;
constexpr qsizetype DefaultBatchRemote = 1'000;
constexpr qsizetype DefaultFeatures = 100;
// Synthetic data beyond this is cycled instead of generated: 2M rows of 100 features (800 MB) still fit, so the
// default run streams its whole data set from memory as a real scoring job would.
constexpr qint64 MaxSyntheticBytes = qint64(1) << 30;
constexpr qsizetype MaxSyntheticLines = 2'000'000;

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    // The host's authentication keys hold references (remoteaccess.h), which reports show like profiles do.
    for (const char *reference : {"auth", "user", "secret_env", "secret_keychain"}) {
        if (k == QLatin1StringView(reference))
            return false;
    }
    return isSecretName(key);
}

// The spec as reports show it: URLs as everything shows them (no user info, query values masked), secret-looking
// option values masked.
QString redactedSpec(BackendSpec spec)
{
    for (QString &e : spec.endpoints) {
        const QUrl url(e);
        if (url.isValid() && !url.isRelative())
            e = displayUrl(url);
    }
    for (auto it = spec.options.begin(); it != spec.options.end(); ++it) {
        if (isSecretKey(it.key()))
            it.value() = QStringLiteral("***");
    }
    return spec.toString();
}

bool isRemote(const QStringList &capabilities)
{
    return capabilities.isEmpty() || capabilities.contains(QStringLiteral("remote"));
}

// A model file of an in-process backend says how wide its rows are: the host does not impose a width on it, and
// reports a different --features or input width itself, naming what disagrees.
bool modelFileSetsWidth(const BackendSpec &spec, const QStringList &capabilities)
{
    return !spec.modelPath.isEmpty() && !isRemote(capabilities);
}

// An endpoint given to a backend that scores in-process would be ignored: the run would measure something else
// than the operator asked for.
std::optional<Error> endpointsMisplaced(const BackendSpec &spec, const QStringList &capabilities, const QString &role)
{
    if (spec.endpoints.isEmpty() || isRemote(capabilities))
        return std::nullopt;
    return Error{ErrorKind::Usage,
                 RunText::tr("%1backend '%2' scores in-process and takes no endpoint URL (%3); use a remote backend "
                             "such as 'http' for endpoints")
                     .arg(role, spec.id, spec.endpoints.join(QStringLiteral(", "))),
                 {}};
}

} // namespace

BenchRun::BenchRun(BenchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

BenchRun::~BenchRun()
{
    // The generators' workers read the instance and the data: they must be gone before those are. A remote
    // instance completes what it still has in flight as it is destroyed (a stopped run does not wait for those):
    // the generators must still be there then, and ignore it.
    for (LoadGenerator *generator : {m_generator, m_compareGenerator, m_probeGenerator}) {
        if (generator)
            generator->shutDown();
    }
    m_instance.reset();
    m_compareInstance.reset();
    delete m_generator;
    delete m_compareGenerator;
    delete m_probeGenerator;
}

void BenchRun::start()
{
    QMetaObject::invokeMethod(this, [this] { begin(); }, Qt::QueuedConnection);
}

void BenchRun::stop()
{
    m_stopRequested.store(true);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_generator)
                m_generator->stop();
            if (m_compareGenerator)
                m_compareGenerator->stop();
            if (m_probeGenerator)
                m_probeGenerator->stop();
        },
        Qt::QueuedConnection);
}

Sdk::ModelConfig BenchRun::modelConfig(const BenchOptions &options, const BackendSpec &spec,
                                       const QStringList &capabilities)
{
    Sdk::ModelConfig config = spec.toModelConfig();
    if (!spec.features && !modelFileSetsWidth(spec, capabilities)) {
        if (options.features)
            config.features = *options.features;
        else if (spec.modelPath.isEmpty())
            config.features = DefaultFeatures;
    }
    if (!spec.threads) {
        // A thread-safe backend is already run on every thread by the host; letting it spawn its own threads as
        // well would only oversubscribe the cores.
        const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
        config.threads = capabilities.contains(QStringLiteral("thread-safe")) ? 1 : threads;
    }
    return config;
}

void BenchRun::failWith(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    m_report.failure = error;
    m_report.evaluate();
    qCDebug(lcScoring) << "bench failed:" << error.message;
    Q_EMIT failed(error);
    Q_EMIT finished(m_report);
}

void BenchRun::begin()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    const BenchOptions &o = m_options;
    BenchReport &r = m_report;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.backend = o.backend.id;
    r.backendSpec = redactedSpec(o.backend);
    r.scenario = scenarioName(o.scenario);
    r.seed = o.seed;
    r.maxP99Ms = o.maxP99Ms;
    r.minThroughput = o.minThroughput;
    r.maxErrorRatePct = o.maxErrorRatePct;
    r.sweep = o.sweep;
    r.poisson = o.poisson;
    r.rate = o.rate;
    r.concurrency = o.concurrency;

    if (!o.plugin) {
        failWith({ErrorKind::Usage, RunText::tr("no plugin for backend '%1'").arg(o.backend.id), {}});
        return;
    }
    if (m_stopRequested.load()) {
        r.stopped = true;
        complete();
        return;
    }
    if (o.rows && o.durationS) {
        failWith({ErrorKind::Usage, RunText::tr("give either a number of rows or a duration, not both"), {}});
        return;
    }
    if (auto misplaced = endpointsMisplaced(o.backend, o.capabilities, {})) {
        failWith(*misplaced);
        return;
    }
    if (o.compare) {
        if (auto misplaced = endpointsMisplaced(*o.compare, o.compareCapabilities, RunText::tr("cross-check "))) {
            failWith(*misplaced);
            return;
        }
        // The cross-check's connection settings and secret are found wanting now, not after the run.
        if (isRemote(o.compareCapabilities)) {
            Sdk::ModelConfig config = o.compare->toModelConfig();
            if (auto access = applyRemoteAccess(*o.compare, config); !access) {
                failWith({ErrorKind::Usage, RunText::tr("cross-check: %1").arg(access.error().message), {}});
                return;
            }
            m_compareOptions = std::move(config.options);
        }
    }

    // Input file first: its width is the model's feature count unless one was given.
    std::optional<DataSet> fileData;
    if (!o.inputFile.isEmpty()) {
        Q_EMIT stageChanged(RunText::tr("reading %1").arg(o.inputFile));
        auto read = readInput(o.inputFile, o.inputKind);
        if (!read) {
            failWith(read.error());
            return;
        }
        fileData = std::move(*read);
    }

    Q_EMIT stageChanged(RunText::tr("loading the model"));
    Sdk::ModelConfig config = modelConfig(o, o.backend, o.capabilities);
    const std::optional<qsizetype> explicitFeatures = o.backend.features ? o.backend.features : o.features;
    if (explicitFeatures && fileData && fileData->kind() == Sdk::InputKind::DenseFloat32
        && fileData->cols() != *explicitFeatures) {
        const QString given = o.backend.features ? QStringLiteral("features=%1").arg(*explicitFeatures)
                                                 : QStringLiteral("--features %1").arg(*explicitFeatures);
        failWith({ErrorKind::Usage,
                  RunText::tr("%1 does not match the %2 columns of %3").arg(given).arg(fileData->cols()).arg(o.inputFile),
                  {}});
        return;
    }
    if (!explicitFeatures && fileData && fileData->kind() == Sdk::InputKind::DenseFloat32
        && !modelFileSetsWidth(o.backend, o.capabilities))
        config.features = fileData->cols();
    if (isRemote(o.capabilities)) {
        if (auto access = applyRemoteAccess(o.backend, config); !access) {
            failWith(access.error());
            return;
        }
        config.network = networkAccessManagerForThread(trustPartition(config));
    }
    QString loadError;
    m_instance = o.plugin->load(config, &loadError);
    if (!m_instance) {
        failWith({ErrorKind::Usage,
                  RunText::tr("backend '%1': %2")
                      .arg(o.backend.id, loadError.isEmpty() ? RunText::tr("the model could not be loaded") : loadError),
                  {}});
        return;
    }
    const bool remote = m_instance->isRemote();
    r.remote = remote;
    r.model = m_instance->describe();

    if (explicitFeatures && m_instance->inputColumns() > 0 && m_instance->inputColumns() != *explicitFeatures) {
        failWith({ErrorKind::Usage,
                  RunText::tr("--features %1 does not match the model's %2 input columns (%3)")
                      .arg(*explicitFeatures)
                      .arg(m_instance->inputColumns())
                      .arg(m_instance->describe()),
                  {}});
        return;
    }

    LoadPlan &plan = m_plan;
    plan.scenario = o.scenario;
    plan.durationS = o.durationS.value_or(0);
    plan.rows = o.durationS ? 0 : o.rows.value_or(remote ? DefaultRowsRemote : DefaultRowsInProcess);
    plan.batchSize = o.batchSize.value_or(remote ? DefaultBatchRemote : DefaultBatchInProcess);
    plan.concurrency = o.concurrency;
    plan.rate = o.rate;
    plan.poisson = o.poisson;
    plan.warmupS = o.warmupS.value_or(defaultWarmupS(o.scenario));
    plan.threads = o.threads > 0 ? o.threads : QThread::idealThreadCount();
    plan.pinThreads = o.pinThreads;
    plan.seed = o.seed;
    plan.keepOutputs = o.compare.has_value();
    plan.windowS = o.windowS;
    if (plan.batchSize < 1) {
        failWith({ErrorKind::Usage, RunText::tr("the batch size must be at least 1"), {}});
        return;
    }
    if (plan.batchSize > std::numeric_limits<qint32>::max()) {
        failWith({ErrorKind::Usage, RunText::tr("the batch size %1 is too large").arg(plan.batchSize), {}});
        return;
    }
    // Fewer rows than one batch are one batch of that many rows: the report says what was sent, and no data
    // is generated (or repeated) beyond what is scored.
    if (plan.rows > 0 && plan.rows < plan.batchSize)
        plan.batchSize = qsizetype(plan.rows);

    if (fileData) {
        m_data = std::move(*fileData);
    } else {
        Q_EMIT stageChanged(RunText::tr("generating data"));
        const qint64 wanted = plan.rows > 0 ? plan.rows : (remote ? DefaultRowsRemote : DefaultRowsInProcess);
        Result<DataSet> generated;
        if (o.inputKind == Sdk::InputKind::Text) {
            const qint64 pool = std::max<qint64>(plan.batchSize, std::min<qint64>(wanted, MaxSyntheticLines));
            generated = syntheticText(qsizetype(pool), o.seed);
        } else {
            qsizetype cols = explicitFeatures.value_or(0);
            if (cols == 0)
                cols = m_instance->inputColumns() > 0 ? m_instance->inputColumns() : DefaultFeatures;
            const qint64 maxRows = std::max<qint64>(1, MaxSyntheticBytes / (qint64(cols) * 4));
            const qint64 pool = std::max<qint64>(plan.batchSize, std::min(wanted, maxRows));
            generated = syntheticDense(qsizetype(pool), cols, o.seed, plan.threads);
        }
        if (!generated) {
            failWith(generated.error());
            return;
        }
        m_data = std::move(*generated);
    }
    if (auto repeated = m_data.repeatTo(plan.batchSize); !repeated) {
        failWith(repeated.error());
        return;
    }
    r.input = m_data.description();
    r.features = m_data.kind() == Sdk::InputKind::DenseFloat32 ? m_data.cols() : 0;
    r.batchSize = plan.batchSize;
    r.warmupS = plan.warmupS;

    if (auto valid = LoadGenerator::validate(plan, *m_instance, m_data); !valid) {
        failWith(valid.error());
        return;
    }
    // The cross-check backend is loaded and checked now: a mistake in --compare must not cost a whole run.
    if (o.compare) {
        if (auto loaded = loadCompare(); !loaded) {
            failWith(loaded.error());
            return;
        }
        if (isRemote(o.compareCapabilities)) {
            probeCompare();
            return;
        }
    }
    startMeasuring();
}

void BenchRun::probeCompare()
{
    Q_EMIT stageChanged(RunText::tr("trying the cross-check backend"));
    LoadPlan probe;
    probe.scenario = Scenario::Offline;
    probe.rows = m_plan.batchSize;
    probe.batchSize = m_plan.batchSize;
    probe.threads = 1;
    probe.warmupS = 0;
    probe.seed = m_plan.seed;
    m_probeGenerator = new LoadGenerator(*m_compareInstance, m_data, probe, this);
    connect(m_probeGenerator, &LoadGenerator::finished, this, &BenchRun::onCompareProbed);
    m_probeGenerator->start();
}

void BenchRun::onCompareProbed()
{
    const LoadResult probe = m_probeGenerator->takeResult();
    const QString label = redactedSpec(*m_options.compare);
    if (!probe.setupError.isEmpty()) {
        failWith({ErrorKind::Usage, RunText::tr("cross-check backend '%1': %2").arg(label, probe.setupError), {}});
        return;
    }
    if (probe.errors > 0 && !probe.stopped) {
        const bool unreachable =
            probe.unreachableAbort || (probe.batches == 0 && probe.unreachableErrors == probe.errors);
        failWith({unreachable            ? ErrorKind::Unreachable
                  : probe.authRefusedAbort ? ErrorKind::Auth
                                           : ErrorKind::Failed,
                  RunText::tr("cross-check backend '%1' failed a trial batch before the run: %2")
                      .arg(label, probe.firstError),
                  {}});
        return;
    }
    startMeasuring();
}

void BenchRun::startMeasuring()
{
    BenchReport &r = m_report;
    const LoadPlan &plan = m_plan;
    if (m_stopRequested.load()) {
        r.stopped = true;
        complete();
        return;
    }

    m_generator = new LoadGenerator(*m_instance, m_data, plan, this);
    connect(m_generator, &LoadGenerator::windowCompleted, this, &BenchRun::windowCompleted);
    connect(m_generator, &LoadGenerator::finished, this, &BenchRun::onMeasured);
    Q_EMIT stageChanged(plan.warmupS > 0 ? RunText::tr("warming up, then measuring") : RunText::tr("measuring"));
    m_generator->start();
}

void BenchRun::onMeasured()
{
    m_measured = m_generator->takeResult();
    BenchReport &r = m_report;
    r.backendStats = m_instance->statistics();
    if (!m_measured.setupError.isEmpty()) {
        failWith({ErrorKind::Usage, m_measured.setupError, {}});
        return;
    }
    const LoadResult &m = m_measured;
    r.threads = m.remote ? 1 : m.workers;
    r.pinnedThreads = m.pinnedWorkers;
    r.inFlight = m.slots;
    r.rows = m.rows;
    r.batches = m.batches;
    r.errors = m.errors;
    r.warmupBatches = m.warmupBatches;
    r.warmupErrors = m.warmupErrors;
    r.abandonedBatches = m.abandonedBatches;
    r.durationS = m.durationS;
    r.rowsPerS = m.durationS > 0 ? double(m.rows) / m.durationS : 0;
    r.batchesPerS = m.durationS > 0 ? double(m.batches) / m.durationS : 0;
    r.latency = LatencySummary::from(m.latency);
    r.latencyBuckets = m.latency.buckets();
    r.windows = m.windows;
    r.stable = m.stable;
    r.scheduledBatches = m.scheduledBatches;
    r.missedBatches = m.missedBatches;
    r.stabilityRule = m.stabilityRule;
    r.stabilityDetail = m.stabilityDetail;
    r.firstError = m.firstError;
    r.stopped = m.stopped || m_stopRequested.load();
    r.unreachable = m.unreachableAbort || (m.batches == 0 && m.errors > 0 && m.unreachableErrors == m.errors);
    r.authRefused = m.authRefusedAbort;

    if (m_options.compare && !r.stopped && m.batches > 0)
        startCompare();
    else
        complete();
}

Result<void> BenchRun::loadCompare()
{
    const BenchOptions &o = m_options;
    const BackendSpec &spec = *o.compare;
    const QString label = redactedSpec(spec);
    if (!o.comparePlugin)
        return fail(ErrorKind::Usage, RunText::tr("no plugin for the cross-check backend '%1'").arg(spec.id));
    if (o.compareInputKind != m_data.kind())
        return fail(ErrorKind::Usage, RunText::tr("cannot cross-check '%1' with '%2': one scores text, the other "
                                                  "dense rows")
                                          .arg(o.backend.id, spec.id));
    Sdk::ModelConfig config = modelConfig(o, spec, o.compareCapabilities);
    if (!spec.features && m_data.kind() == Sdk::InputKind::DenseFloat32
        && !modelFileSetsWidth(spec, o.compareCapabilities))
        config.features = m_data.cols();
    if (isRemote(o.compareCapabilities) && m_compareOptions) {
        config.options = *std::exchange(m_compareOptions, std::nullopt);
        config.network = networkAccessManagerForThread(trustPartition(config));
    }
    QString loadError;
    m_compareInstance = o.comparePlugin->load(config, &loadError);
    if (!m_compareInstance)
        return fail(ErrorKind::Usage,
                    RunText::tr("cross-check backend '%1': %2")
                        .arg(spec.id, loadError.isEmpty() ? RunText::tr("the model could not be loaded") : loadError));
    if (m_compareInstance->outputColumns() != m_instance->outputColumns())
        return fail(ErrorKind::Usage, RunText::tr("cannot cross-check: '%1' gives %2 outputs per row, '%3' gives %4")
                                          .arg(o.backend.id)
                                          .arg(m_instance->outputColumns())
                                          .arg(spec.id)
                                          .arg(m_compareInstance->outputColumns()));
    LoadPlan probe;
    probe.scenario = Scenario::Offline;
    probe.rows = m_plan.batchSize;
    probe.batchSize = m_plan.batchSize;
    probe.threads = m_plan.threads;
    probe.keepOutputs = true;
    if (auto valid = LoadGenerator::validate(probe, *m_compareInstance, m_data); !valid)
        return fail(ErrorKind::Usage, RunText::tr("cross-check backend '%1': %2").arg(label, valid.error().message));
    return {};
}

void BenchRun::startCompare()
{
    Q_EMIT stageChanged(RunText::tr("cross-checking"));
    const QString label = redactedSpec(*m_options.compare);
    LoadPlan plan;
    plan.scenario = Scenario::Offline;
    plan.rows = m_measured.outputRows;
    plan.batchSize = m_plan.batchSize;
    plan.threads = m_plan.threads;
    plan.seed = m_plan.seed;
    plan.keepOutputs = true;
    plan.warmupS = 0;
    if (auto valid = LoadGenerator::validate(plan, *m_compareInstance, m_data); !valid) {
        failWith({ErrorKind::Usage, RunText::tr("cross-check backend '%1': %2").arg(label, valid.error().message), {}});
        return;
    }
    m_compareGenerator = new LoadGenerator(*m_compareInstance, m_data, plan, this);
    connect(m_compareGenerator, &LoadGenerator::finished, this, &BenchRun::onCompared);
    m_compareGenerator->start();
}

void BenchRun::onCompared()
{
    const LoadResult other = m_compareGenerator->takeResult();
    if (!other.setupError.isEmpty()) {
        failWith({ErrorKind::Usage, other.setupError, {}});
        return;
    }
    const LoadResult &primary = m_measured;
    CompareResult c;
    c.backend = redactedSpec(*m_options.compare);
    c.tolerance = m_options.tolerance;
    c.errors = other.errors;
    c.firstError = other.firstError;
    const qsizetype k = primary.outputColumns;
    const qsizetype batch = m_plan.batchSize;
    const size_t batches = std::min(primary.outputOk.size(), other.outputOk.size());
    for (size_t b = 0; b < batches; ++b) {
        if (!primary.outputOk[b] || !other.outputOk[b])
            continue;
        const qsizetype first = qsizetype(b) * batch;
        const qsizetype rows = std::min(batch, primary.outputRows - first);
        c.rows += rows;
        const float *x = primary.outputs.data() + first * k;
        const float *y = other.outputs.data() + first * k;
        for (qsizetype i = 0; i < rows * k; ++i) {
            const double a = x[i];
            const double e = y[i];
            ++c.values;
            // Equal values agree, infinities of one sign and NaN against NaN included (both backends found no
            // score for that row). Any other pair with a NaN or an infinity in it disagrees beyond every
            // tolerance: its difference is infinite.
            if (a == e || (std::isnan(a) && std::isnan(e)))
                continue;
            double abs = std::abs(a - e);
            double rel = 0;
            if (!std::isfinite(a) || !std::isfinite(e)) {
                abs = std::numeric_limits<double>::infinity();
                rel = std::numeric_limits<double>::infinity();
            } else {
                rel = abs / std::max(std::abs(a), std::abs(e));
            }
            c.maxAbsDiff = std::max(c.maxAbsDiff, abs);
            c.maxRelDiff = std::max(c.maxRelDiff, rel);
            if (abs > c.tolerance && rel > c.tolerance)
                ++c.overTolerance;
        }
    }
    m_report.compare = c;
    if (m_stopRequested.load())
        m_report.stopped = true;
    complete();
}

void BenchRun::complete()
{
    if (m_finished)
        return;
    BenchReport &r = m_report;
    if (m_options.capacityRows && m_options.capacityWithinS) {
        // Asked for and not possible (nothing measured, an absurd fleet): say why rather than leave it out.
        // A remote run over several endpoints measured that many nodes: each is one node of the plan.
        const qint64 measured = r.remote ? std::max<qint64>(1, m_options.backend.endpoints.size()) : 1;
        auto plan = planCapacity(*m_options.capacityRows, *m_options.capacityWithinS, r.rowsPerS / double(measured));
        if (plan) {
            plan->measuredNodes = measured;
            r.capacity = *plan;
        } else {
            r.capacityError = plan.error().message;
        }
    }
    r.evaluate();
    m_finished = true;
    m_running = false;
    Q_EMIT finished(r);
}

} // namespace Opsdeck::Core
