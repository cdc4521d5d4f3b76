#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

class QTextStream;
class QEventLoop;

namespace Opsdeck::Cli {

/// Options that come before the command words: `opsdeck --batch [--config F] [--profile P] [--timeout S] cmd …`.
struct GlobalOptions
{
    QString configFile;   ///< --config; empty = $XDG_CONFIG_HOME/opsdeck/profiles.toml (or the built-in profile)
    QString profile;      ///< --profile; empty = $OPSDECK_PROFILE, else the file's default, else "local"
    int timeoutSec = 0;   ///< --timeout; 0 = none. When it elapses the command is cancelled and exits 124.
    QString language;     ///< --lang
};

/// Everything a command gets. Machine output goes to `out` (stdout) only; messages and progress to `err`.
class CommandContext final : public QObject
{
    Q_OBJECT
public:
    CommandContext(GlobalOptions globals, QStringList args, QTextStream &out, QTextStream &err);
    Q_DISABLE_COPY_MOVE(CommandContext)

    const GlobalOptions globals;
    /// The command's own arguments, with a leading program name so QCommandLineParser can take them as is.
    const QStringList args;
    QTextStream &out;
    QTextStream &err;

    /// Runs `loop` until it quits or the command is cancelled (--timeout, SIGINT, SIGTERM). Returns false when
    /// cancelled; cancelExitCode() then says 124 or 130.
    bool exec(QEventLoop &loop);
    [[nodiscard]] bool isCancelled() const { return m_cancelCode != 0; }
    [[nodiscard]] int cancelExitCode() const { return m_cancelCode; }
    /// Colour is used only when stderr is a TTY and NO_COLOR is not set.
    [[nodiscard]] bool colour() const;

    void cancel(int exitCode);

Q_SIGNALS:
    /// Emitted once when the command is cancelled; long work connects this to its own stop.
    void cancelled(int exitCode);

private:
    int m_cancelCode = 0;
};

using CommandFunction = std::function<int(CommandContext &)>;

/// A command of the batch face. Registered by a static CommandRegistration in the command's own file.
struct Command
{
    QString words;        ///< "services check", "plugins list", "bench"
    QString summary;      ///< one line for --help (translated at print time)
    QString usage;        ///< options synopsis (translated at print time if marked QT_TRANSLATE_NOOP("Cli"))
    CommandFunction run;
    bool ownHelp = false; ///< the command prints its own `--help`; otherwise the dispatcher prints summary + usage
};

struct CommandRegistration
{
    explicit CommandRegistration(Command command);
};

/// Runs the batch face with the process arguments (argv[0] first, `--batch` anywhere). Returns the exit code.
int runBatch(const QStringList &arguments);

/// The text of `opsdeck --help` (commands and exit codes).
QString helpText();

} // namespace Opsdeck::Cli
