// Secrets in the system keychain, against a real Secret Service: a private D-Bus session bus (dbus-daemon) and
// gnome-keyring-daemon with a keyring unlocked for the test, both in temporary folders. Stores and reads back
// (binary-safe, overwriting), reports a missing entry, and reads from worker threads; then a run on a worker
// thread (as the GUI's) and `opsdeck --batch bench` authenticate to the real scoring peer with a bearer token
// taken from the keychain.
#include "config/profile.h"
#include "config/secrets.h"
#include "health/healthmonitor.h"
#include "gui/benchrunner.h"
#include "scoring/backendspec.h"
#include "scoring/benchrun.h"
#include "scoring/pluginregistry.h"
#include "support/clirun.h"
#include "support/scoringpeer.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <memory>
#include <optional>

#include <csignal>
#include <sys/prctl.h>

using namespace Opsdeck;

namespace {

const QByteArray Token = "tst-keychain-3e5b1d77";

// A session bus and a Secret Service on it, for this process and the processes it starts.
class SecretService final
{
public:
    ~SecretService() { stop(); }

    // Empty when both run; otherwise why not (for QSKIP when a program is missing, QFAIL otherwise).
    QString start(const QString &root)
    {
        const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbus.isEmpty() || keyring.isEmpty())
            return QStringLiteral("dbus-daemon or gnome-keyring-daemon not installed (Debian: dbus, gnome-keyring)");
        // The keyring lives in XDG_DATA_HOME/keyrings, its control socket in XDG_RUNTIME_DIR: both temporary.
        const QString runtime = root + QStringLiteral("/runtime");
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        qputenv("XDG_DATA_HOME", QFile::encodeName(root + QStringLiteral("/data")));
        qputenv("HOME", QFile::encodeName(root));
        qunsetenv("XDG_CURRENT_DESKTOP");
        qunsetenv("KDE_FULL_SESSION");

        // Both end with this process, even if it crashes.
        for (QProcess *p : {&m_bus, &m_keyring})
            p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_bus.setProgram(dbus);
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                            QStringLiteral("--print-address=1")});
        m_bus.start();
        if (!m_bus.waitForStarted(10000))
            return QStringLiteral("dbus-daemon: ") + m_bus.errorString();
        QByteArray address;
        for (int i = 0; i < 100 && !address.contains('\n'); ++i) {
            m_bus.waitForReadyRead(100);
            address += m_bus.readAllStandardOutput();
        }
        address = address.trimmed();
        if (address.isEmpty())
            return QStringLiteral("dbus-daemon printed no address: ") + QString::fromLocal8Bit(m_bus.readAllStandardError());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);

        // --unlock reads the login keyring's password from stdin and creates that keyring (the default collection).
        m_keyring.setProgram(keyring);
        m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--components=secrets"),
                                QStringLiteral("--unlock")});
        m_keyring.setProcessChannelMode(QProcess::MergedChannels);
        m_keyring.start();
        if (!m_keyring.waitForStarted(10000))
            return QStringLiteral("gnome-keyring-daemon: ") + m_keyring.errorString();
        m_keyring.write("tst-keychain-password");
        m_keyring.waitForBytesWritten(5000); // no event loop runs here to write it
        m_keyring.closeWriteChannel();
        // Ready once it owns org.freedesktop.secrets on the bus.
        for (int i = 0; i < 100; ++i) {
            QProcess probe;
            probe.start(QStandardPaths::findExecutable(QStringLiteral("dbus-send")),
                        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                         QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                         QStringLiteral("org.freedesktop.DBus.NameHasOwner"), QStringLiteral("string:org.freedesktop.secrets")});
            probe.waitForFinished(5000);
            const QByteArray reply = probe.readAllStandardOutput() + probe.readAllStandardError();
            if (reply.contains("boolean true"))
                return {};
            m_lastProbe = QString::fromLocal8Bit(reply);
            if (m_keyring.state() != QProcess::Running)
                return QStringLiteral("gnome-keyring-daemon ended: ") + QString::fromLocal8Bit(m_keyring.readAll());
            QThread::msleep(100);
        }
        return QStringLiteral("gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s: ") +
               QString::fromLocal8Bit(m_keyring.readAll()) + u' ' + m_lastProbe;
    }

    // Stops the Secret Service (SIGSTOP) so that requests to it hang, and lets it go on.
    bool pause() { return m_keyring.state() == QProcess::Running && ::kill(pid_t(m_keyring.processId()), SIGSTOP) == 0; }
    bool resume() { return ::kill(pid_t(m_keyring.processId()), SIGCONT) == 0; }

    void stop()
    {
        for (QProcess *p : {&m_keyring, &m_bus}) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->terminate();
            if (!p->waitForFinished(5000)) {
                p->kill();
                p->waitForFinished(5000);
            }
        }
    }

private:
    QProcess m_bus;
    QProcess m_keyring;
    QString m_lastProbe; // what the bus said the last time it was asked
};

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString problem = m_service.start(m_dir.path());
        if (problem.contains(u"not installed"))
            QSKIP(qPrintable(problem));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The scoring peer the runs below authenticate to, with the token they take from the keychain.
        m_peerMissing = Test::ScoringPeer::missingPrerequisites();
        if (m_peerMissing.isEmpty()) {
            Test::ScoringPeerOptions options;
            options.token = Token;
            m_peer = std::make_unique<Test::ScoringPeer>(options);
            QVERIFY2(m_peer->start(), qPrintable(m_peer->errorString()));
        }
    }

    void storeAndReadBack()
    {
        const QString key = QStringLiteral("opsdeck/test/livy");
        const QByteArray secret("s3cr\0t-\xc3\xbc", 9);
        auto stored = Core::storeSecretInKeychain(key, secret);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        auto read = Core::resolveSecret(Core::SecretRef{{}, key});
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(*read, secret);

        stored = Core::storeSecretInKeychain(key, "replaced");
        QVERIFY(stored);
        read = Core::resolveSecret(Core::SecretRef{{}, key});
        QVERIFY(read);
        QCOMPARE(*read, QByteArray("replaced"));
    }

    void missingEntryIsSaid()
    {
        auto read = Core::resolveSecret(Core::SecretRef{{}, QStringLiteral("opsdeck/test/none")});
        QVERIFY(!read);
        QCOMPARE(read.error().kind, ErrorKind::Usage);
        QCOMPARE(read.error().message, QStringLiteral("secret keychain:opsdeck/test/none: not found in the system "
                                                      "keychain (service \"opsdeck\")"));
    }

    // The GUI resolves a run's secrets on the run's worker thread (a QThread of its own) while the application's
    // event loop runs. Two workers at once, then the application's thread again: qtkeychain is not thread-safe,
    // and a job read on a worker crashed the next one on the application's thread.
    void readOnWorkerThreads()
    {
        QVERIFY(Core::storeSecretInKeychain(QStringLiteral("opsdeck/test/worker-0"), "from-worker-0"));
        QVERIFY(Core::storeSecretInKeychain(QStringLiteral("opsdeck/test/worker-1"), "from-worker-1"));
        QByteArray values[2];
        QString errors[2];
        std::unique_ptr<QThread> workers[2];
        for (int i = 0; i < 2; ++i) {
            workers[i].reset(QThread::create([&, i] {
                for (int round = 0; round < 3; ++round) {
                    auto read = Core::resolveSecret(Core::SecretRef{{}, QStringLiteral("opsdeck/test/worker-%1").arg(i)});
                    if (read)
                        values[i] = *read;
                    else
                        errors[i] = read.error().message;
                }
            }));
            workers[i]->start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(workers[0]->isFinished() && workers[1]->isFinished(), 60000);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(workers[i]->wait(1000));
            QVERIFY2(errors[i].isEmpty(), qPrintable(errors[i]));
            QCOMPARE(values[i], QByteArray("from-worker-") + QByteArray::number(i));
        }
        QVERIFY(Core::storeSecretInKeychain(QStringLiteral("opsdeck/test/worker-0"), "after-the-workers"));
        auto read = Core::resolveSecret(Core::SecretRef{{}, QStringLiteral("opsdeck/test/worker-0")});
        QVERIFY(read);
        QCOMPARE(*read, QByteArray("after-the-workers"));
    }

    // A worker waiting for the application's thread to run its keychain job stops waiting when it is asked to
    // stop: the application's thread may be the one waiting for it (a GUI run stopped and joined while it reads
    // its token). The job it handed over is dropped, and the keychain serves the application's thread after.
    void anInterruptedWorkerStopsWaiting()
    {
        const QString key = QStringLiteral("opsdeck/test/interrupted");
        QVERIFY(Core::storeSecretInKeychain(key, "not-read"));
        QString error;
        bool read = false;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            auto secret = Core::resolveSecret(Core::SecretRef{{}, key});
            read = bool(secret);
            if (!secret)
                error = secret.error().message;
        }));
        worker->start();
        // This thread runs no events from here on, so the worker's job cannot start before the interruption.
        QThread::msleep(200);
        QVERIFY(!worker->isFinished());
        worker->requestInterruption();
        QVERIFY2(worker->wait(5000), "the worker still waits for the application's thread");
        QVERIFY(!read);
        QCOMPARE(error, QStringLiteral("secret keychain:opsdeck/test/interrupted: the keychain request was cancelled: "
                                       "the run was stopped"));
        QCoreApplication::processEvents(); // the dropped job's hand-over runs, and does nothing
        auto again = Core::resolveSecret(Core::SecretRef{{}, key});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(*again, QByteArray("not-read"));
    }

    // A cancellation (a command's --timeout) also drops a worker's job that was handed over before it and not yet
    // taken up; later reads are served as usual.
    void cancellingDropsAJobNotYetTakenUp()
    {
        const QString key = QStringLiteral("opsdeck/test/cancelled");
        QVERIFY(Core::storeSecretInKeychain(key, "not-read"));
        QString error;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            auto secret = Core::resolveSecret(Core::SecretRef{{}, key});
            error = secret ? QStringLiteral("read") : secret.error().message;
        }));
        worker->start();
        QThread::msleep(200); // no events run on this thread: the worker's job waits to be taken up
        Core::cancelKeychainRequests();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 5000);
        QCOMPARE(error, QStringLiteral("secret keychain:opsdeck/test/cancelled: the keychain request was cancelled: "
                                       "the run was stopped"));
        auto again = Core::resolveSecret(Core::SecretRef{{}, key});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(*again, QByteArray("not-read"));
    }

    // The GUI's Scoring page runs on a worker thread, which resolves a keychain token of the run's endpoint.
    void runOnAWorkerThreadUsesAKeychainToken()
    {
        if (!m_peer)
            QSKIP(qPrintable(m_peerMissing));
        const QString key = QStringLiteral("opsdeck/test/worker-run");
        QVERIFY(Core::storeSecretInKeychain(key, Token));

        auto o = runOptions(key);
        QVERIFY2(o, qPrintable(o ? QString() : o.error().message));

        QThread worker;
        auto *run = new Core::BenchRun(*o);
        run->moveToThread(&worker);
        connect(&worker, &QThread::finished, run, &QObject::deleteLater);
        std::optional<Core::BenchReport> report;
        connect(run, &Core::BenchRun::finished, this, [&](const Core::BenchReport &r) { report = r; },
                Qt::QueuedConnection);
        worker.start();
        run->start();
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        worker.quit();
        QVERIFY(worker.wait(10000));
        QVERIFY2(!report->failure, qPrintable(report->failure ? report->failure->message : QString()));
        QCOMPARE(report->errors, qint64(0));
        QCOMPARE(report->rows, qint64(3000));
    }

    // The Scoring page's runner stopped and joined (closing the window) while its run waits for a keychain
    // token: the application's thread, blocked in the join, cannot run the keychain job, so the stop must end the
    // run's wait rather than leave the join waiting out the keychain's time limits.
    void aGuiRunStoppedWhileReadingItsTokenJoinsPromptly()
    {
        if (!m_peer)
            QSKIP(qPrintable(m_peerMissing));
        const QString key = QStringLiteral("opsdeck/test/joined-run");
        QVERIFY(Core::storeSecretInKeychain(key, Token));
        auto o = runOptions(key);
        QVERIFY2(o, qPrintable(o ? QString() : o.error().message));

        Gui::BenchRunner runner;
        QVERIFY(runner.start(*o));
        // No events on this thread from here on: the run reaches its token and hands the read over.
        QThread::msleep(300);
        QElapsedTimer joined;
        joined.start();
        runner.stopAndWait();
        // The keychain's own limits are 10 s to take the job up and 10 s to answer.
        QVERIFY2(joined.elapsed() < 8000, qPrintable(QStringLiteral("joined after %1 ms").arg(joined.elapsed())));
        QVERIFY(!runner.isRunning());
    }

    void benchAuthenticatesWithAKeychainToken()
    {
        if (!m_peer)
            QSKIP(qPrintable(m_peerMissing));
        const QString key = QStringLiteral("opsdeck/test/scoring");
        QVERIFY(Core::storeSecretInKeychain(key, Token));
        const QString spec = QStringLiteral("http,endpoint=%1,features=100,auth=bearer,secret_keychain=%2")
                                 .arg(m_peer->url(QStringLiteral("/score")).toString(), key);
        const QStringList args = {QStringLiteral("--batch"), QStringLiteral("bench"), QStringLiteral("--backend"), spec,
                                  QStringLiteral("--rows"),  QStringLiteral("3000"), QStringLiteral("--warmup"),
                                  QStringLiteral("0"),       QStringLiteral("--json")};
        const Test::CliRun ok = Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"), args);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY(ok.out.contains("\"errors\": 0"));
        QVERIFY(!ok.out.contains(Token) && !ok.err.contains(Token));

        // Without the entry the run does not start, and says which secret is missing.
        QVERIFY(Core::storeSecretInKeychain(key, "wrong-token"));
        const Test::CliRun refused = Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"), args);
        QCOMPARE(refused.exitCode, 4);
    }

    // --timeout ends a command that waits for a keychain which does not answer (here: the Secret Service
    // stopped), rather than leaving it to wait out the keychain's own 10 s limit.
    void cliTimeoutEndsAKeychainReadThatHangs()
    {
        const QString key = QStringLiteral("opsdeck/test/hung");
        QVERIFY(Core::storeSecretInKeychain(key, Token));
        const QStringList args = {QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("1"),
                                  QStringLiteral("bench"), QStringLiteral("--backend"),
                                  QStringLiteral("http,endpoint=http://127.0.0.1:9/score,features=4,auth=bearer,"
                                                 "secret_keychain=%1")
                                      .arg(key),
                                  QStringLiteral("--rows"), QStringLiteral("100")};
        QVERIFY(m_service.pause());
        QElapsedTimer ran;
        ran.start();
        const Test::CliRun timedOut = Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"), args);
        const qint64 elapsed = ran.elapsed();
        QVERIFY(m_service.resume());
        QCOMPARE(timedOut.exitCode, 124);
        QVERIFY2(timedOut.err.contains("secret keychain:opsdeck/test/hung: the keychain request was cancelled"),
                 timedOut.err.constData());
        QVERIFY2(timedOut.err.contains("opsdeck: --timeout elapsed"), timedOut.err.constData());
        // --timeout is 1 s; the keychain's own limit is 10 s, and the watchdog ends a command 5 s after its deadline
        // only when it was not cancelled (this one was, so the watchdog leaves it be).
        QVERIFY2(elapsed < 8000, qPrintable(QStringLiteral("ended after %1 ms: %2")
                                                .arg(elapsed)
                                                .arg(QString::fromLocal8Bit(timedOut.err))));
        auto again = Core::resolveSecret(Core::SecretRef{{}, key});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    }

    // qtkeychain runs one job at a time: while a job the keychain did not answer is pending, a new one would wait
    // out its whole limit behind it. It fails at once instead, and the keychain is asked again once it answers.
    void anUnansweredRequestIsNotQueuedBehind()
    {
        const QString first = QStringLiteral("opsdeck/test/unanswered-1");
        const QString second = QStringLiteral("opsdeck/test/unanswered-2");
        QVERIFY(Core::storeSecretInKeychain(first, "one"));
        QVERIFY(Core::storeSecretInKeychain(second, "two"));
        QVERIFY(m_service.pause());
        auto guard = qScopeGuard([this] { m_service.resume(); });
        // The first request is left unanswered by a cancel (as --timeout does) rather than by waiting out the
        // keychain's 10 s; servicesCheckWaitsForAStuckKeychainOnce() waits them out.
        QTimer::singleShot(300, [] { Core::cancelKeychainRequests(); });
        auto unanswered = Core::resolveSecret(Core::SecretRef{{}, first});
        QVERIFY(!unanswered);
        QCOMPARE(unanswered.error().message, QStringLiteral("secret keychain:opsdeck/test/unanswered-1: the keychain "
                                                            "request was cancelled: the run was stopped"));
        QElapsedTimer refused;
        refused.start();
        auto queued = Core::resolveSecret(Core::SecretRef{{}, second});
        QVERIFY(!queued);
        QVERIFY2(refused.elapsed() < 5000, qPrintable(QString::number(refused.elapsed())));
        QCOMPARE(queued.error().message,
                 QStringLiteral("secret keychain:opsdeck/test/unanswered-2: the system keychain has not answered an "
                                "earlier request yet; it is not asked again until it does"));
        QVERIFY(m_service.resume());
        // The late answer to the first request lands (this thread's events run), and the keychain serves again.
        Result<QByteArray> again = fail(ErrorKind::Failed, QStringLiteral("not read yet"));
        QTRY_VERIFY_WITH_TIMEOUT((again = Core::resolveSecret(Core::SecretRef{{}, second})), 30000);
        QCOMPARE(*again, QByteArray("two"));
    }

    // The same for `services check`: with the keychain stuck, the first secret waits out the keychain's limit and
    // the next fails at once, so the command waits 10 s once rather than once per secret.
    void servicesCheckWaitsForAStuckKeychainOnce()
    {
        QFile profiles(m_dir.filePath(QStringLiteral("stuck.toml")));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write("[profiles.stuck]\n"
                       "livy = \"http://127.0.0.1:9/\"\n"
                       "elasticsearch = \"http://127.0.0.1:9/\"\n"
                       "[profiles.stuck.auth.livy]\ntype = \"basic\"\nuser = \"ops\"\n"
                       "keychain = \"opsdeck/test/stuck-livy\"\n"
                       "[profiles.stuck.auth.elasticsearch]\ntype = \"apikey\"\n"
                       "keychain = \"opsdeck/test/stuck-es\"\n");
        profiles.close();
        QVERIFY(Core::storeSecretInKeychain(QStringLiteral("opsdeck/test/stuck-livy"), Token));
        QVERIFY(Core::storeSecretInKeychain(QStringLiteral("opsdeck/test/stuck-es"), Token));
        QVERIFY(m_service.pause());
        QElapsedTimer ran;
        ran.start();
        const Test::CliRun check = Test::runProgram(
            QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
            {QStringLiteral("--batch"), QStringLiteral("--config"), profiles.fileName(), QStringLiteral("services"),
             QStringLiteral("check"), QStringLiteral("--json")});
        const qint64 elapsed = ran.elapsed();
        QVERIFY(m_service.resume());
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.out.count("\"config-error\"") == 2, check.out.constData());
        QVERIFY2(check.out.contains("the system keychain did not answer within 10 s"), check.out.constData());
        QVERIFY2(check.out.contains("the system keychain has not answered an earlier request yet"), check.out.constData());
        // One wait of 10 s; two would take 20 s.
        QVERIFY2(elapsed < 18000, qPrintable(QStringLiteral("ended after %1 ms").arg(elapsed)));

        // --timeout ends the command while its probes wait for the keychain.
        QVERIFY(m_service.pause());
        auto guard = qScopeGuard([this] { m_service.resume(); });
        ran.restart();
        const Test::CliRun timedOut = Test::runProgram(
            QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
            {QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--config"),
             profiles.fileName(), QStringLiteral("services"), QStringLiteral("check")});
        const qint64 timedOutAfter = ran.elapsed();
        QCOMPARE(timedOut.exitCode, 124);
        QVERIFY2(timedOutAfter < 8000, qPrintable(QStringLiteral("ended after %1 ms: %2")
                                                      .arg(timedOutAfter)
                                                      .arg(QString::fromLocal8Bit(timedOut.err))));
    }

    // resolveSecretAsync(): the answer comes from the event loop, never inside the call; a cancel ends the wait at
    // once; a read behind an unanswered one fails at once; a destroyed context gets nothing.
    void asyncReadsAnswerLaterAndEndOnCancel()
    {
        const QString key = QStringLiteral("opsdeck/test/async");
        QVERIFY(Core::storeSecretInKeychain(key, "later"));
        std::optional<Result<QByteArray>> answer;
        const auto take = [&answer](Result<QByteArray> r) { answer = std::move(r); };
        Core::resolveSecretAsync(Core::SecretRef{{}, key}, this, take);
        QVERIFY(!answer);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY2(*answer, qPrintable(*answer ? QString() : answer->error().message));
        QCOMPARE(**answer, QByteArray("later"));

        qputenv("OPSDECK_TST_ASYNC_SECRET", "from-env");
        answer.reset();
        Core::resolveSecretAsync(Core::SecretRef{QStringLiteral("OPSDECK_TST_ASYNC_SECRET"), {}}, this, take);
        QVERIFY(!answer);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(**answer, QByteArray("from-env"));

        QVERIFY(m_service.pause());
        auto guard = qScopeGuard([this] { m_service.resume(); });
        answer.reset();
        bool goneCalled = false;
        {
            QObject gone;
            Core::resolveSecretAsync(Core::SecretRef{{}, key}, &gone, [&goneCalled](const Result<QByteArray> &) {
                goneCalled = true;
            });
        }
        Core::resolveSecretAsync(Core::SecretRef{{}, key}, this, take);
        QTest::qWait(300);
        QVERIFY(!answer);
        QElapsedTimer cancelled;
        cancelled.start();
        Core::cancelKeychainRequests();
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(cancelled.elapsed() < 3000);
        QVERIFY(!*answer);
        QCOMPARE(answer->error().message, QStringLiteral("secret keychain:opsdeck/test/async: the keychain request was "
                                                         "cancelled: the run was stopped"));
        answer.reset();
        Core::resolveSecretAsync(Core::SecretRef{{}, key}, this, take);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 3000);
        QVERIFY(!*answer);
        QVERIFY2(answer->error().message.contains(u"has not answered an earlier request yet"),
                 qPrintable(answer->error().message));
        // The late answers land and call nobody; the destroyed context's callback was never called.
        answer.reset();
        QVERIFY(m_service.resume());
        QTest::qWait(500);
        QVERIFY(!answer);
        QVERIFY(!goneCalled);
        Core::resolveSecretAsync(Core::SecretRef{{}, key}, this, take);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY2(*answer, qPrintable(*answer ? QString() : answer->error().message));
        QCOMPARE(**answer, QByteArray("later"));
    }

    // The Services page probes on the GUI's thread. A probe that waits for a keychain that does not answer must not
    // hold that thread in a loop of its own: a profile switch meanwhile deletes the round whose probe is waiting
    // (it did, under the waiting probe's feet), and the next round must not wait behind it.
    void aProfileSwitchDuringAKeychainReadIsSafe()
    {
        const QString key = QStringLiteral("opsdeck/test/switch-livy");
        QVERIFY(Core::storeSecretInKeychain(key, Token));
        Core::Profile waiting;
        waiting.name = QStringLiteral("waiting");
        waiting.timeoutMs = 2000;
        waiting.livy.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        waiting.livy.auth.type = Core::AuthType::Basic;
        waiting.livy.auth.user = QStringLiteral("ops");
        waiting.livy.auth.secret.keychain = key;
        waiting.elasticsearch = waiting.livy;
        Core::Profile next;
        next.name = QStringLiteral("next");
        next.timeoutMs = 2000;
        next.sparkUi.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));

        QVERIFY(m_service.pause());
        auto guard = qScopeGuard([this] { m_service.resume(); });
        Core::HealthMonitor monitor;
        monitor.setInterval(std::chrono::seconds(60));
        QList<QList<Core::ServiceHealth>> rounds;
        connect(&monitor, &Core::HealthMonitor::roundFinished, this,
                [&rounds](const QList<Core::ServiceHealth> &round) { rounds.append(round); });
        // The switch comes while the first round's keychain read is in flight, unanswered.
        QTimer::singleShot(300, &monitor, [&monitor, &next] { monitor.setProfile(next); });
        QElapsedTimer started;
        started.start();
        monitor.setProfile(waiting);
        monitor.start();
        // The next profile's round ends without waiting for the keychain (its one probe needs no secret).
        QTRY_COMPARE_WITH_TIMEOUT(rounds.size(), 1, 15000);
        QVERIFY2(started.elapsed() < 5000, qPrintable(QString::number(started.elapsed())));
        QCOMPARE(rounds.at(0).size(), 1);
        QCOMPARE(rounds.at(0).at(0).key, QStringLiteral("spark_ui"));
        QCOMPARE(rounds.at(0).at(0).state, Core::HealthState::Unreachable);
        // The keychain answers the abandoned read late; nothing of the deleted round runs on it.
        QVERIFY(m_service.resume());
        QTest::qWait(500);
        QCOMPARE(rounds.size(), 1);
        // Back on the first profile, the secret is read and both services are probed (and found unreachable:
        // nothing listens on port 9), with one keychain read for the secret they share.
        monitor.setProfile(waiting);
        QTRY_COMPARE_WITH_TIMEOUT(rounds.size(), 2, 15000);
        QCOMPARE(rounds.at(1).size(), 2);
        for (const Core::ServiceHealth &row : rounds.at(1))
            QVERIFY2(row.state == Core::HealthState::Unreachable, qPrintable(row.key + u": " + row.detail));
    }

private:
    QTemporaryDir m_dir;
    SecretService m_service;
    // 3,000 rows scored by the http plugin on the peer, with the bearer token read from the keychain at `key`.
    Result<Core::BenchOptions> runOptions(const QString &key)
    {
        auto bound = m_registry.bind(QStringLiteral("http"));
        if (!bound)
            return fail(bound.error());
        auto spec = Core::BackendSpec::parse(QStringLiteral("http,endpoint=%1,features=100,auth=bearer,secret_keychain=%2")
                                                 .arg(m_peer->url(QStringLiteral("/score")).toString(), key));
        if (!spec)
            return fail(spec.error());
        Core::BenchOptions o;
        o.backend = *spec;
        o.plugin = bound->backend;
        o.inputKind = bound->inputKind;
        o.capabilities = bound->capabilities;
        o.rows = 3000;
        o.warmupS = 0;
        return o;
    }

    Core::PluginRegistry m_registry;
    std::unique_ptr<Test::ScoringPeer> m_peer;
    QString m_peerMissing;
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
