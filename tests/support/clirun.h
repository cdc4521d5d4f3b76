#pragma once

// Runs a program (the built `opsdeck`, mostly) to its end for CLI tests and keeps what it printed.

#include <QtCore/QProcess>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QStringList>
#include <QtTest/QTest>

namespace Opsdeck::Test {

struct CliRun
{
    int exitCode = -1;   ///< -1: did not finish in time (killed) or did not start; -2: crashed
    QByteArray out;
    QByteArray err;
};

/// Runs `program arguments` with `environment` and waits at most `timeoutMs`. With `pumpEvents`, this thread's
/// event loop keeps turning while it waits: loopback fakes that live on this thread must answer the child.
inline CliRun runProgram(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                         int timeoutMs = 120000, bool pumpEvents = false)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CliRun run;
    bool finished = false;
    if (pumpEvents) {
        QElapsedTimer waited;
        waited.start();
        while (process.state() != QProcess::NotRunning && waited.elapsed() < timeoutMs)
            QTest::qWait(20);
        finished = process.state() == QProcess::NotRunning;
    } else {
        finished = process.waitForFinished(timeoutMs);
    }
    if (!finished) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace Opsdeck::Test
