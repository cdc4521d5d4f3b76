#include "termination.h"

#include <QtCore/QSocketNotifier>

#include <atomic>
#include <csignal>
#include <thread>

#include <sys/socket.h>
#include <unistd.h>

namespace Opsdeck {

namespace {

int signalPipe[2] = {-1, -1};
// Read by other threads (the CLI's watchdog) too: lock-free atomics, which a signal handler may use.
std::atomic<bool> signalSeen{false};
static_assert(std::atomic<bool>::is_always_lock_free);
// Set before the handlers are installed: the handler only writes them.
QByteArray againMessage;
int againExitCode = 1;

extern "C" void onSignal(int signo)
{
    // Only async-signal-safe calls here.
    if (signalSeen.exchange(true)) {
        [[maybe_unused]] const auto said =
            ::write(STDERR_FILENO, againMessage.constData(), size_t(againMessage.size()));
        ::_exit(againExitCode);
    }
    const char byte = static_cast<char>(signo);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

TerminationSignals::TerminationSignals(QByteArray message, int exitCode, QObject *parent)
    : QObject(parent)
{
    signalSeen.store(false);
    againMessage = std::move(message);
    againExitCode = exitCode;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return;   // no way to hear them on the loop: the default action (the end of the process) stays
    m_notifier = std::make_unique<QSocketNotifier>(signalPipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        Q_EMIT received();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

TerminationSignals::~TerminationSignals()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    if (signalPipe[0] >= 0) {
        ::close(signalPipe[0]);
        ::close(signalPipe[1]);
        signalPipe[0] = signalPipe[1] = -1;
    }
}

bool TerminationSignals::seen()
{
    return signalSeen.load();
}

void endProcessWithin(std::chrono::milliseconds grace, int code)
{
    std::thread([grace, code] {
        std::this_thread::sleep_for(grace);
        ::_exit(code);
    }).detach();
}

} // namespace Opsdeck
