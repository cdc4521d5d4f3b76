#include "gui/gui.h"

#include "common/error.h"
#include "common/version.h"
#include "gui/mainwindow.h"
#include "gui/resources.h"
#include "i18n.h"
#include "termination.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>
#include <QtWidgets/QApplication>

namespace Opsdeck::Gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Gui", text);
}

} // namespace

int run(int argc, char **argv)
{
    // Qt 6 scales by the screen's device pixel ratio on its own; icons are SVG and layouts have no fixed sizes.
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    installLanguage(arguments);   // before the parser, so that its messages are translated too

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Operator console for the job and scoring platform."));
    const QCommandLineOption configOption(QStringLiteral("config"), tr("Read the connection profiles from FILE."),
                                          tr("FILE"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("Start on the profile NAME."), tr("NAME"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Use the language CODE (de, fr, …)."), tr("CODE"));
    parser.addOptions({configOption, profileOption, langOption});
    // Errors go to stderr rather than a message box: a mistyped option must be visible in scripts and logs too.
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "opsdeck: " << parser.errorText() << Qt::endl
            << tr("Usage: opsdeck [--config FILE] [--profile NAME] [--lang CODE]; opsdeck --help for all commands")
            << Qt::endl;
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "opsdeck: " << tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()) << Qt::endl
            << tr("Usage: opsdeck [--config FILE] [--profile NAME] [--lang CODE]; opsdeck --help for all commands")
            << Qt::endl;
        return ExitUsage;
    }

    initResources();
    QApplication::setWindowIcon(icon(QStringLiteral("opsdeck")));
    QApplication::setApplicationVersion(QString::fromLatin1(versionString));

    MainWindow::Options options;
    options.configFile = parser.value(configOption);
    options.profile = parser.value(profileOption);
    MainWindow window(options);
    window.show();
    // SIGTERM (a session's logout, `kill`) and SIGINT close the window as the user would, without the question: work
    // in flight stops and keeps what it measured, the window's state is saved. A second signal ends it at once.
    TerminationSignals termination((tr("opsdeck: terminated again: exiting at once") + u'\n').toLocal8Bit(),
                                   ExitInterrupted);
    bool terminated = false;
    QObject::connect(&termination, &TerminationSignals::received, &window, [&window, &terminated] {
        terminated = true;
        window.closeWithoutAsking();
    });
    const int code = QApplication::exec();
    const int exitCode = terminated ? ExitInterrupted : code;
    // The window is gone; a host-name lookup still in flight must not keep the process alive unseen.
    endProcessWithin(ExitGrace, exitCode);
    return exitCode;
}

} // namespace Opsdeck::Gui
