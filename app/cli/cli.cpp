#include "cli/cli.h"

#include "common/error.h"
#include "common/version.h"
#include "config/secrets.h"
#include "termination.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QTextStream>
#include <QtCore/QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace Opsdeck::Cli {

namespace {

std::vector<Command> &registry()
{
    static std::vector<Command> commands;
    return commands;
}

// Read by the watchdog's thread too.
std::atomic<bool> cancelSeen{false};   // the command was told to stop (CommandContext::cancel) and is stopping
static_assert(std::atomic<bool>::is_always_lock_free);

// Ends the process when a command does not act on --timeout or a signal within a grace period: a model load or an
// input file read blocks the event loop that would cancel it (a FIFO with no writer, forever).
// A command that was cancelled is left to finish stopping (its report is written then); a second signal still
// ends it. Checks a few times a second on its own thread; only write(2) and _exit(2) once it decides.
class Watchdog
{
public:
    static constexpr std::chrono::seconds Grace{5};

    Watchdog(std::optional<std::chrono::steady_clock::time_point> deadline, QByteArray timeoutMessage,
             QByteArray signalMessage)
        : m_deadline(deadline)
        , m_timeoutMessage(std::move(timeoutMessage))
        , m_signalMessage(std::move(signalMessage))
        , m_thread([this] { watch(); })
    {
    }
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    void watch()
    {
        using Clock = std::chrono::steady_clock;
        std::optional<Clock::time_point> signalAt;
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_done; })) {
            if (cancelSeen.load())
                continue;
            const auto now = Clock::now();
            if (!signalAt && TerminationSignals::seen())
                signalAt = now;
            if (signalAt && now - *signalAt >= Grace)
                giveUp(m_signalMessage, ExitInterrupted);
            if (m_deadline && now - *m_deadline >= Grace)
                giveUp(m_timeoutMessage, ExitTimeout);
        }
    }

    [[noreturn]] static void giveUp(const QByteArray &message, int code)
    {
        [[maybe_unused]] const auto said = ::write(STDERR_FILENO, message.constData(), size_t(message.size()));
        ::_exit(code);
    }

    std::optional<std::chrono::steady_clock::time_point> m_deadline;
    QByteArray m_timeoutMessage;
    QByteArray m_signalMessage;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;
};

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Cli)
};

QString tr(const char *text)
{
    return CliText::tr(text);
}

} // namespace

CommandContext::CommandContext(GlobalOptions globalOptions, QStringList arguments, QTextStream &outStream,
                               QTextStream &errStream)
    : globals(std::move(globalOptions))
    , args(std::move(arguments))
    , out(outStream)
    , err(errStream)
{
}

bool CommandContext::exec(QEventLoop &loop)
{
    if (isCancelled())
        return false;
    const auto connection = connect(this, &CommandContext::cancelled, &loop, [&loop] { loop.quit(); });
    loop.exec();
    disconnect(connection);
    return !isCancelled();
}

bool CommandContext::colour() const
{
    return ::isatty(STDERR_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
}

void CommandContext::cancel(int exitCode)
{
    if (m_cancelCode != 0)
        return;
    m_cancelCode = exitCode;
    cancelSeen.store(true);
    // A keychain read runs a local event loop, which is where this is called: end it rather than wait out the
    // keychain's own limits.
    Core::cancelKeychainRequests();
    Q_EMIT cancelled(exitCode);
}

CommandRegistration::CommandRegistration(Command command)
{
    registry().push_back(std::move(command));
}

QString helpText()
{
    auto commands = registry();
    std::sort(commands.begin(), commands.end(),
              [](const Command &a, const Command &b) { return a.words < b.words; });
    QString text;
    QTextStream s(&text);
    s << tr("Usage:") << "\n"
      << "  opsdeck [--config FILE] [--profile NAME] [--lang CODE]            " << tr("graphical console") << "\n"
      << "  opsdeck --batch [GLOBAL OPTIONS] COMMAND [OPTIONS]                 " << tr("headless CLI") << "\n"
      << "  opsdeck --help | --version\n\n"
      << tr("Global options:") << "\n"
      << "  --config FILE     " << tr("profiles file (default $XDG_CONFIG_HOME/opsdeck/profiles.toml)") << "\n"
      << "  --profile NAME    " << tr("profile to use (default $OPSDECK_PROFILE, else the file's 'default', else its first, else 'local')")
      << "\n"
      << "  --timeout SEC     " << tr("cancel the command after SEC seconds (exit 124)") << "\n"
      << "  --lang CODE       " << tr("user interface language (en, de, fr)") << "\n\n"
      << tr("Commands:") << "\n";
    for (const auto &c : commands) {
        s << "  " << c.words.leftJustified(18) << ' ' << QCoreApplication::translate("Cli", qPrintable(c.summary))
          << "\n";
        if (!c.usage.isEmpty())
            s << "  " << QString(18, u' ') << "  " << QCoreApplication::translate("Cli", qPrintable(c.usage))
              << "\n";
    }
    s << "\n"
      << tr("Exit codes:") << "\n"
      << "  0    " << tr("ok") << "\n"
      << "  1    " << tr("job or benchmark failed, verdict INVALID") << "\n"
      << "  2    " << tr("usage, configuration or input error") << "\n"
      << "  3    " << tr("threshold breached") << "\n"
      << "  4    " << tr("authentication refused") << "\n"
      << "  5    " << tr("service unreachable") << "\n"
      << "  124  " << tr("--timeout elapsed") << "\n"
      << "  130  " << tr("interrupted") << "\n";
    return text;
}

int runBatch(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    GlobalOptions globals;
    QStringList rest;
    // Global options come before the command words; `--batch` itself may stand anywhere before them.
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (a.startsWith(name + u'='))
                return a.mid(name.size() + 1);
            if (a == name) {
                if (i + 1 >= arguments.size())
                    return std::nullopt;
                return arguments.at(++i);
            }
            return std::nullopt;
        };
        if (a == u"--batch")
            continue;
        if (a == u"--config" || a.startsWith(u"--config=")) {
            auto v = value(QStringLiteral("--config"));
            if (!v) {
                err << tr("opsdeck: --config needs a file") << Qt::endl;
                return ExitUsage;
            }
            globals.configFile = *v;
        } else if (a == u"--profile" || a.startsWith(u"--profile=")) {
            auto v = value(QStringLiteral("--profile"));
            if (!v) {
                err << tr("opsdeck: --profile needs a name") << Qt::endl;
                return ExitUsage;
            }
            globals.profile = *v;
        } else if (a == u"--lang" || a.startsWith(u"--lang=")) {
            auto v = value(QStringLiteral("--lang"));
            if (!v) {
                err << tr("opsdeck: --lang needs a language code") << Qt::endl;
                return ExitUsage;
            }
            globals.language = *v;
        } else if (a == u"--timeout" || a.startsWith(u"--timeout=")) {
            auto v = value(QStringLiteral("--timeout"));
            bool ok = false;
            const int seconds = v ? v->toInt(&ok) : 0;
            // The timer counts milliseconds in an int: 2,147,483 s (24 days) is the longest it can wait.
            if (!ok || seconds <= 0 || seconds > std::numeric_limits<int>::max() / 1000) {
                err << tr("opsdeck: --timeout needs a whole number of seconds from 1 to 2147483 (24 days)")
                    << Qt::endl;
                return ExitUsage;
            }
            globals.timeoutSec = seconds;
        } else if (a == u"--help" || a == u"-h") {
            out << helpText();
            return ExitOk;
        } else if (a == u"--version") {
            out << "opsdeck " << versionString << Qt::endl;
            return ExitOk;
        } else {
            break;
        }
    }
    rest = arguments.mid(i);
    if (rest.isEmpty()) {
        err << tr("opsdeck: no command given") << "\n\n" << helpText();
        return ExitUsage;
    }

    // Longest match of command words.
    const Command *match = nullptr;
    qsizetype matchedWords = 0;
    for (const auto &c : registry()) {
        const QStringList words = c.words.split(u' ');
        if (words.size() <= rest.size() && rest.mid(0, words.size()) == words && words.size() > matchedWords) {
            match = &c;
            matchedWords = words.size();
        }
    }
    if (!match) {
        err << tr("opsdeck: unknown command '%1' (see opsdeck --help)").arg(rest.join(u' ')) << Qt::endl;
        return ExitUsage;
    }

    const QStringList commandArgs = rest.mid(matchedWords);
    if (!match->ownHelp && (commandArgs.contains(QStringLiteral("--help")) || commandArgs.contains(QStringLiteral("-h")))) {
        out << tr("Usage: opsdeck --batch %1").arg(match->words);
        if (!match->usage.isEmpty())
            out << ' ' << QCoreApplication::translate("Cli", qPrintable(match->usage));
        out << "\n\n" << QCoreApplication::translate("Cli", qPrintable(match->summary)) << "\n";
        return ExitOk;
    }

    CommandContext context(globals, QStringList{QStringLiteral("opsdeck ") + match->words} + commandArgs,
                           out, err);

    // SIGINT/SIGTERM cancel the command (exit 130).
    cancelSeen.store(false);
    TerminationSignals termination((tr("opsdeck: interrupted again: exiting at once") + u'\n').toLocal8Bit(),
                                   ExitInterrupted);
    QObject::connect(&termination, &TerminationSignals::received, &context,
                     [&context] { context.cancel(ExitInterrupted); });
    QTimer timeout;
    if (globals.timeoutSec > 0) {
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &context, [&context] { context.cancel(ExitTimeout); });
        timeout.start(std::chrono::seconds(globals.timeoutSec));
    }
    const qint64 graceS = Watchdog::Grace.count();
    auto watchdog = std::make_unique<Watchdog>(
        globals.timeoutSec > 0
            ? std::optional(std::chrono::steady_clock::now() + std::chrono::seconds(globals.timeoutSec))
            : std::nullopt,
        (tr("opsdeck: --timeout elapsed and '%1' did not stop within %2 s (it is in work that cannot be "
            "interrupted); exiting")
             .arg(match->words)
             .arg(graceS) +
         u'\n')
            .toLocal8Bit(),
        (tr("opsdeck: interrupted, and '%1' did not stop within %2 s (it is in work that cannot be interrupted); "
            "exiting")
             .arg(match->words)
             .arg(graceS) +
         u'\n')
            .toLocal8Bit());

    int code = match->run(context);
    watchdog.reset();
    if (context.isCancelled()) {
        code = context.cancelExitCode();
        err << (code == ExitTimeout ? tr("opsdeck: --timeout elapsed") : tr("opsdeck: interrupted")) << Qt::endl;
    }
    out.flush();
    err.flush();
    // The command has finished and said everything; work it gave up on (a host-name lookup) must not hold the
    // process beyond a short grace.
    endProcessWithin(ExitGrace, code);
    return code;
}

} // namespace Opsdeck::Cli
