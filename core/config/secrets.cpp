#include "config/secrets.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <qt6keychain/keychain.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace Opsdeck::Core {

namespace {

struct SecretText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::Secrets)
};

constexpr auto keychainWait = std::chrono::seconds(10);
const auto keychainService = QStringLiteral("opsdeck");

struct JobOutcome
{
    bool finished = false;
    bool cancelled = false; // the calling thread was asked to stop before the outcome came
    bool stalled = false;   // the application's thread did not take the job up in time
    bool queued = false;    // not asked: the keychain has not answered an earlier job yet
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// The keychain jobs the application's thread waits for, innermost last; touched only on that thread.
struct Waiting
{
    JobOutcome *outcome;
    QEventLoop *loop;
};
std::vector<Waiting> &waitingJobs()
{
    static std::vector<Waiting> waiting;
    return waiting;
}
// Counts cancelKeychainRequests() calls: a job handed over before a call and taken up after it is dropped.
std::atomic<quint64> cancelGeneration{0};

// Jobs left waiting for a keychain that did not answer (timed out or cancelled); touched only on the
// application's thread. qtkeychain runs one job at a time, so a new job would only queue behind them.
int unansweredJobs = 0;

// Makes the job and runs it. A finished job is deleted here rather than by deleteLater(), which would only run
// once some outer event loop spins. A job the keychain never answers stays alive and deletes itself on a late
// answer, so that answer still lands on a live object; the connection to our state dies with the local loop.
// While such a job is unanswered no new one is made: it would wait out its whole limit behind it.
JobOutcome runJob(const std::function<QKeychain::Job *()> &makeJob)
{
    JobOutcome outcome;
    if (unansweredJobs > 0) {
        outcome.queued = true;
        return outcome;
    }
    QKeychain::Job *job = makeJob();
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&outcome, &loop](QKeychain::Job *done) {
        outcome.finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.data = read->binaryData();
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(keychainWait);
    job->start();
    if (!outcome.finished) {
        waitingJobs().push_back({&outcome, &loop});
        loop.exec();
        std::erase_if(waitingJobs(), [&outcome](const Waiting &w) { return w.outcome == &outcome; });
    }
    if (outcome.finished) {
        delete job;
    } else {
        job->setAutoDelete(true);
        ++unansweredJobs;
        QObject::connect(job, &QKeychain::Job::finished, QCoreApplication::instance(), [] { --unansweredJobs; });
    }
    return outcome;
}

// qtkeychain is not thread-safe: every job queues through one executor object (created by the first job, on
// that job's thread) whose connections to a job are queued when the job lives on another thread, so it touched
// jobs that thread had already deleted (a crash reading a secret on a GUI run's worker thread, then any job on
// the application's thread). Every job therefore runs on the application's thread: a call from another thread
// hands the job over and waits for the outcome (the application's event loop must be running, as it is in the
// GUI; a late outcome lands in state the caller no longer waits for). The wait is bounded twice: the
// application's thread must take the job up within keychainWait, and the keychain must answer within
// keychainWait after that. It ends at once when the calling thread is asked to stop (QThread's interruption
// request): the application's thread may itself be waiting for that thread, as when a GUI run is stopped while
// it resolves its token; a job not yet taken up is then dropped.
JobOutcome runOnApplicationThread(const std::function<QKeychain::Job *()> &makeJob)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (QThread::currentThread() == app->thread())
        return runJob(makeJob);
    struct Handover
    {
        std::mutex mutex;
        std::condition_variable changed;
        bool abandoned = false;
        bool started = false;
        bool finished = false;
        JobOutcome outcome;
    };
    auto handover = std::make_shared<Handover>();
    QMetaObject::invokeMethod(
        app,
        [handover, makeJob, generation = cancelGeneration.load()] {
            {
                const std::lock_guard lock(handover->mutex);
                if (handover->abandoned)
                    return;
                handover->started = true;
                handover->changed.notify_all();
            }
            JobOutcome outcome;
            if (generation == cancelGeneration.load())
                outcome = runJob(makeJob);
            else
                outcome.cancelled = true;
            const std::lock_guard lock(handover->mutex);
            handover->outcome = std::move(outcome);
            handover->finished = true;
            handover->changed.notify_all();
        },
        Qt::QueuedConnection);

    QThread *self = QThread::currentThread();
    constexpr auto slice = std::chrono::milliseconds(50);
    const auto waitFor = [&](std::unique_lock<std::mutex> &lock, auto done) {
        const auto deadline = std::chrono::steady_clock::now() + keychainWait + slice;
        while (!done()) {
            if (self->isInterruptionRequested())
                return false;
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
            handover->changed.wait_for(lock, slice);
        }
        return true;
    };
    std::unique_lock lock(handover->mutex);
    JobOutcome outcome;
    if (!waitFor(lock, [&] { return handover->started; })) {
        handover->abandoned = true; // under the lock, so the application's thread will not start it now
        outcome.cancelled = self->isInterruptionRequested();
        outcome.stalled = !outcome.cancelled;
        return outcome;
    }
    if (!waitFor(lock, [&] { return handover->finished; })) {
        outcome.cancelled = self->isInterruptionRequested();
        return outcome;
    }
    return handover->outcome;
}

QString keychainProblem(const JobOutcome &outcome)
{
    const auto waitSeconds = std::chrono::duration_cast<std::chrono::seconds>(keychainWait).count();
    if (outcome.cancelled)
        return SecretText::tr("the keychain request was cancelled: the run was stopped");
    if (outcome.queued)
        return SecretText::tr("the system keychain has not answered an earlier request yet; it is not asked again "
                              "until it does");
    if (outcome.stalled)
        return SecretText::tr("the application was busy and did not take up the keychain request within %1 s")
            .arg(waitSeconds);
    if (!outcome.finished)
        return SecretText::tr("the system keychain did not answer within %1 s").arg(waitSeconds);
    switch (outcome.error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return SecretText::tr("not found in the system keychain (service \"%1\")").arg(keychainService);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretText::tr("access to the system keychain was denied (%1)").arg(outcome.errorString);
    case QKeychain::NoBackendAvailable:
        return SecretText::tr("no system keychain service is available (%1)").arg(outcome.errorString);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    QString text = SecretText::tr("the system keychain failed: %1").arg(outcome.errorString);
    // Without a session bus no Secret Service or KWallet can answer; say so instead of "Unknown error" alone.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        text += SecretText::tr(" (no D-Bus session bus: no keychain service is available)");
    return text;
}

} // namespace

void cancelKeychainRequests()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    ++cancelGeneration;
    if (QThread::currentThread() != app->thread()) {
        QMetaObject::invokeMethod(app, &cancelKeychainRequests, Qt::QueuedConnection);
        return;
    }
    for (const Waiting &w : waitingJobs()) {
        if (w.outcome->finished)
            continue;
        w.outcome->cancelled = true;
        w.loop->quit();
    }
}

Result<QByteArray> resolveSecret(const SecretRef &ref)
{
    if (!ref.env.isEmpty()) {
        if (qEnvironmentVariableIsEmpty(ref.env.toLocal8Bit().constData()))
            return fail(ErrorKind::Usage, SecretText::tr("secret %1 is not set").arg(ref.describe()));
        return qgetenv(ref.env.toLocal8Bit().constData());
    }
    if (ref.keychain.isEmpty())
        return fail(ErrorKind::Usage, SecretText::tr("no secret reference (secret_env or keychain) is given"));
    if (!QCoreApplication::instance())
        return fail(ErrorKind::Usage,
                    SecretText::tr("secret %1: reading the keychain needs a running application").arg(ref.describe()));

    const JobOutcome outcome = runOnApplicationThread([key = ref.keychain]() -> QKeychain::Job * {
        auto *job = new QKeychain::ReadPasswordJob(keychainService);
        job->setKey(key);
        return job;
    });
    if (!outcome.finished || outcome.error != QKeychain::NoError) {
        qCDebug(lcConfig) << "keychain read of" << ref.keychain << "failed:" << outcome.error << outcome.errorString;
        return fail(ErrorKind::Usage, SecretText::tr("secret %1: %2").arg(ref.describe(), keychainProblem(outcome)));
    }
    if (outcome.data.isEmpty())
        return fail(ErrorKind::Usage, SecretText::tr("secret %1 is empty").arg(ref.describe()));
    return outcome.data;
}

Result<void> storeSecretInKeychain(const QString &key, const QByteArray &secret)
{
    if (key.isEmpty())
        return fail(ErrorKind::Usage, SecretText::tr("a keychain key must not be empty"));
    if (!QCoreApplication::instance())
        return fail(ErrorKind::Failed,
                    SecretText::tr("keychain:%1: writing the keychain needs a running application").arg(key));
    const JobOutcome outcome = runOnApplicationThread([key, secret]() -> QKeychain::Job * {
        auto *job = new QKeychain::WritePasswordJob(keychainService);
        job->setKey(key);
        job->setBinaryData(secret);
        return job;
    });
    if (!outcome.finished || outcome.error != QKeychain::NoError) {
        qCDebug(lcConfig) << "keychain write of" << key << "failed:" << outcome.error << outcome.errorString;
        return fail(ErrorKind::Failed,
                    SecretText::tr("keychain:%1: cannot store the secret: %2").arg(key, keychainProblem(outcome)));
    }
    return {};
}

} // namespace Opsdeck::Core
