#include "benchrunner.h"

#include "common/logging.h"

#include <QtCore/QMutex>
#include <QtCore/QMutexLocker>
#include <QtCore/QThread>

namespace Opsdeck::Gui {

// The run deletes itself on its own thread once it has finished; the GUI thread may ask it to stop at any
// moment until then. The pointer is cleared under the mutex before the run is deleted, so stop() never
// reaches a run that is gone.
struct BenchRunner::Shared
{
    QMutex mutex;
    Core::BenchRun *run = nullptr;
    Core::BenchReport report; // set on the worker, under the mutex, as the run finishes
};

BenchRunner::BenchRunner(QObject *parent) : QObject(parent) {}

BenchRunner::~BenchRunner()
{
    if (!m_thread)
        return;
    stop();
    // Bounded: an in-process batch or a remote request (which has its own timeout) completes, then the run
    // reports, deletes itself and ends its thread.
    m_thread->wait();
    delete m_thread;
}

bool BenchRunner::start(Core::BenchOptions options)
{
    if (m_thread)
        return false;
    m_stopping = false;
    const quint64 serial = ++m_serial;
    m_shared = std::make_shared<Shared>();
    m_thread = new QThread; // deleted in onThreadFinished() or the destructor, after it has finished
    m_thread->setObjectName(QStringLiteral("bench"));
    auto *run = new Core::BenchRun(std::move(options));
    run->moveToThread(m_thread);
    m_shared->run = run;

    // Queued to this object's thread (the run lives on the worker); dropped once stopAndWait() has taken the
    // run's report.
    connect(run, &Core::BenchRun::stageChanged, this, [this, serial](const QString &stage) {
        if (serial == m_serial)
            Q_EMIT stageChanged(stage);
    });
    connect(run, &Core::BenchRun::windowCompleted, this, [this, serial](const Core::BenchWindow &window) {
        if (serial == m_serial)
            Q_EMIT windowCompleted(window);
    });
    connect(run, &Core::BenchRun::failed, this, [this, serial](const Error &error) {
        if (serial == m_serial)
            Q_EMIT failed(error);
    });
    // On the worker, inside the run's last signal: the run goes with the thread's event loop.
    QThread *thread = m_thread;
    connect(
        run, &Core::BenchRun::finished, run,
        [shared = m_shared, run, thread](const Core::BenchReport &report) {
            {
                const QMutexLocker locker(&shared->mutex);
                shared->run = nullptr;
                shared->report = report;
            }
            run->deleteLater(); // processed as the thread finishes, before its thread-local data goes
            thread->quit();
        },
        Qt::DirectConnection);
    connect(m_thread, &QThread::finished, this, [this, serial] {
        if (serial == m_serial)
            onThreadFinished();
    });

    m_thread->start();
    run->start();
    qCDebug(lcGui) << "bench run started";
    return true;
}

void BenchRunner::stop()
{
    if (!m_shared)
        return;
    const QMutexLocker locker(&m_shared->mutex);
    if (m_shared->run) {
        m_stopping = true;
        m_shared->run->stop();
    }
    // Ends a wait the worker may be in for the application's thread (a keychain token read), so that a caller
    // who joins the worker next (stopAndWait(), the destructor) does not wait on a thread that waits on it.
    if (m_thread)
        m_thread->requestInterruption();
}

Core::BenchReport BenchRunner::stopAndWait()
{
    if (!m_thread)
        return {};
    stop();
    ++m_serial; // what the run queued for this thread is stale now
    Core::BenchReport report = joinAndTakeReport();
    qCDebug(lcGui) << "bench run stopped and joined:" << report.verdict;
    return report;
}

void BenchRunner::onThreadFinished()
{
    if (!m_thread)
        return;
    const Core::BenchReport report = joinAndTakeReport();
    qCDebug(lcGui) << "bench run finished:" << report.verdict;
    Q_EMIT finished(report);
}

Core::BenchReport BenchRunner::joinAndTakeReport()
{
    m_thread->wait(); // finished() is emitted just before the thread's last clean-up
    delete m_thread;
    m_thread = nullptr;
    Core::BenchReport report;
    {
        const QMutexLocker locker(&m_shared->mutex);
        report = m_shared->report;
    }
    m_shared.reset();
    m_stopping = false;
    return report;
}

} // namespace Opsdeck::Gui
