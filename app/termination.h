#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QObject>

#include <chrono>
#include <memory>

class QSocketNotifier;

namespace Opsdeck {

/// SIGINT and SIGTERM on the event loop, for the CLI and the GUI alike. While an instance exists, the first signal
/// emits received() on the loop of the thread that made it (the handler only write(2)s a byte to a socket pair);
/// a second one writes `againMessage` to stderr and ends the process with `againExitCode` at once, for a program
/// stuck where it cannot act on the first. One instance at a time; the handlers go back to the default with it.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    TerminationSignals(QByteArray againMessage, int againExitCode, QObject *parent = nullptr);
    ~TerminationSignals() override;

    /// Whether a signal has arrived since the instance was made. Lock-free: any thread may ask.
    [[nodiscard]] static bool seen();

Q_SIGNALS:
    void received();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

/// Ends the process with `code` once `grace` has passed (from a detached thread that only calls _exit(2)). For the
/// end of main(), when the work is done and its output flushed: Qt waits at exit for every host-name lookup still in
/// flight, and a resolver that does not answer takes its full timeout. An ordinary exit is long over by then.
void endProcessWithin(std::chrono::milliseconds grace, int code);

/// How long the CLI and the GUI give their own teardown (see endProcessWithin()).
inline constexpr std::chrono::seconds ExitGrace{3};

} // namespace Opsdeck
