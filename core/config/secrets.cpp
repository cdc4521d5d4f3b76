#include "config/secrets.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QPointer>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <qt6keychain/keychain.h>

#include <algorithm>
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

// The keychain jobs waited for (in a local loop or by a callback), oldest first; touched only on the
// application's thread. `cancel` ends a wait as cancelled.
struct Waiting
{
    const void *id;
    std::function<void()> cancel;
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
        waitingJobs().push_back({&outcome, [&outcome, &loop] {
                                     if (outcome.finished)
                                         return;
                                     outcome.cancelled = true;
                                     loop.quit();
                                 }});
        loop.exec();
        std::erase_if(waitingJobs(), [&outcome](const Waiting &w) { return w.id == &outcome; });
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

// runJob() without the local loop: the job runs while the application's event loop goes on, and `done` gets the
// outcome once — from the job's answer, the time limit or a cancel; never inside start(). A job the keychain does
// not answer is left alive as runJob() leaves it.
class KeychainWait final : public QObject
{
public:
    explicit KeychainWait(std::function<void(const JobOutcome &)> done)
        : QObject(QCoreApplication::instance())
        , m_done(std::move(done))
    {
    }
    ~KeychainWait() override
    {
        std::erase_if(waitingJobs(), [this](const Waiting &w) { return w.id == this; });
    }
    Q_DISABLE_COPY_MOVE(KeychainWait)

    void start(const std::function<QKeychain::Job *()> &makeJob)
    {
        if (unansweredJobs > 0) {
            m_outcome.queued = true;
            QTimer::singleShot(0, this, [this] { end(); });
            return;
        }
        m_job = makeJob();
        m_job->setAutoDelete(false);
        m_job->setInsecureFallback(false);
        connect(m_job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
            m_outcome.finished = true;
            m_outcome.error = done->error();
            m_outcome.errorString = done->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                m_outcome.data = read->binaryData();
            end();
        });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { end(); });
        m_timer.start(keychainWait);
        waitingJobs().push_back({this, [this] {
                                     m_outcome.cancelled = true;
                                     end();
                                 }});
        // An answer given at once (no keychain service, say) is passed on from the event loop, as any other.
        m_deferEnd = true;
        m_job->start();
        m_deferEnd = false;
        if (m_ended)
            QTimer::singleShot(0, this, [this] { finish(); });
    }

private:
    void end()
    {
        if (m_ended)
            return;
        m_ended = true;
        m_timer.stop();
        std::erase_if(waitingJobs(), [this](const Waiting &w) { return w.id == this; });
        if (m_job && m_outcome.finished) {
            m_job->deleteLater(); // not delete: its finished() emission may still be on the stack
        } else if (m_job) {
            disconnect(m_job, nullptr, this, nullptr);
            m_job->setAutoDelete(true);
            ++unansweredJobs;
            QObject::connect(m_job, &QKeychain::Job::finished, QCoreApplication::instance(), [] { --unansweredJobs; });
        }
        if (!m_deferEnd)
            finish();
    }
    void finish()
    {
        const auto done = std::move(m_done);
        const JobOutcome outcome = std::move(m_outcome);
        deleteLater();
        done(outcome);
    }

    std::function<void(const JobOutcome &)> m_done;
    JobOutcome m_outcome;
    QKeychain::Job *m_job = nullptr;
    QTimer m_timer;
    bool m_ended = false;
    bool m_deferEnd = false;
};

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

// A read's outcome as resolveSecret() reports it.
Result<QByteArray> secretFrom(const SecretRef &ref, const JobOutcome &outcome)
{
    if (!outcome.finished || outcome.error != QKeychain::NoError) {
        qCDebug(lcConfig) << "keychain read of" << ref.keychain << "failed:" << outcome.error << outcome.errorString;
        return fail(ErrorKind::Usage, SecretText::tr("secret %1: %2").arg(ref.describe(), keychainProblem(outcome)));
    }
    if (outcome.data.isEmpty())
        return fail(ErrorKind::Usage, SecretText::tr("secret %1 is empty").arg(ref.describe()));
    return outcome.data;
}

std::function<QKeychain::Job *()> readJob(const QString &key)
{
    return [key]() -> QKeychain::Job * {
        auto *job = new QKeychain::ReadPasswordJob(keychainService);
        job->setKey(key);
        return job;
    };
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
    // A cancel may end a wait, which takes it off the list.
    const std::vector<Waiting> waiting = waitingJobs();
    for (const Waiting &w : waiting) {
        if (std::any_of(waitingJobs().cbegin(), waitingJobs().cend(), [&w](const Waiting &x) { return x.id == w.id; }))
            w.cancel();
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

    return secretFrom(ref, runOnApplicationThread(readJob(ref.keychain)));
}

void resolveSecretAsync(const SecretRef &ref, QObject *context, std::function<void(Result<QByteArray>)> done)
{
    QCoreApplication *app = QCoreApplication::instance();
    const auto post = [context, &done](Result<QByteArray> result) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
    };
    // Nothing to wait for, or no way to: answered as resolveSecret() answers.
    if (!ref.env.isEmpty() || ref.keychain.isEmpty() || !app) {
        post(resolveSecret(ref));
        return;
    }
    if (QThread::currentThread() != app->thread()) {
        post(fail(ErrorKind::Failed,
                  SecretText::tr("secret %1: a read that does not wait must start on the application's thread")
                      .arg(ref.describe())));
        return;
    }
    auto *wait = new KeychainWait([ref, guard = QPointer<QObject>(context), done = std::move(done)](
                                      const JobOutcome &outcome) {
        if (guard)
            done(secretFrom(ref, outcome));
    });
    wait->start(readJob(ref.keychain));
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
