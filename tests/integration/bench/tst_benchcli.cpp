// Runs the built `opsdeck --batch bench` through QProcess and checks its output contract and exit codes.
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <atomic>
#include <cmath>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "support/clirun.h"

namespace {

struct Outcome : Opsdeck::Test::CliRun
{
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QString Binary = QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck");

Outcome bench(const QStringList &args, int timeoutMs = 240000)
{
    Outcome o;
    static_cast<Opsdeck::Test::CliRun &>(o) = Opsdeck::Test::runProgram(
        Binary, QStringList{QStringLiteral("--batch"), QStringLiteral("bench")} + args,
        QProcessEnvironment::systemEnvironment(), timeoutMs);
    if (o.exitCode == -1)
        qWarning("opsdeck did not finish: %s", qPrintable(args.join(u' ')));
    return o;
}

// opsdeck --batch with a run history of its own (XDG_DATA_HOME in a temporary folder).
struct HistoryHome
{
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

    HistoryHome() { env.insert(QStringLiteral("XDG_DATA_HOME"), data.path()); }
    Opsdeck::Test::CliRun operator()(const QStringList &args) const
    {
        return Opsdeck::Test::runProgram(Binary, QStringList{QStringLiteral("--batch")} + args, env, 240000);
    }
};

// A version 1.0 .npy file with the given header dict and payload.
void writeNpy(const QString &path, const QByteArray &dict, const QByteArray &payload)
{
    QByteArray header = dict;
    while ((10 + header.size() + 1) % 64)
        header += ' ';
    header += '\n';
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(QByteArray("\x93NUMPY\x01\x00", 8) + char(header.size()) + char(0) + header + payload);
}

// A run whose stability is decided by its schedule rather than by how busy the machine is: 350 batches of 100
// rows, one every 10 ms, so three whole 1-s windows of 100 batches each (a late batch moves one batch, 1 %).
const QStringList Paced = {QStringLiteral("--scenario"), QStringLiteral("rate"), QStringLiteral("--rate"),
                           QStringLiteral("100"),       QStringLiteral("--rows"),     QStringLiteral("35000"),
                           QStringLiteral("--batch-size"), QStringLiteral("100"), QStringLiteral("--warmup"),
                           QStringLiteral("0")};
// The same schedule, too short to judge stability (thresholds are still checked).
const QStringList Short = {QStringLiteral("--scenario"), QStringLiteral("rate"), QStringLiteral("--rate"),
                           QStringLiteral("200"),       QStringLiteral("--rows"),     QStringLiteral("2000"),
                           QStringLiteral("--batch-size"), QStringLiteral("100"), QStringLiteral("--warmup"),
                           QStringLiteral("0")};

} // namespace

class TestBenchCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(Binary), qPrintable(Binary + QStringLiteral(" is not built")));
    }

    void jsonContract()
    {
        const Outcome o = bench({QStringLiteral("--backend"), QStringLiteral("linear"), QStringLiteral("--rows"),
                                 QStringLiteral("50000"), QStringLiteral("--json")});
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(o.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(),
                 qPrintable(QString::fromUtf8(o.out + "\n" + o.err)));
        const QJsonObject j = doc.object();
        for (const char *key : {"backend", "scenario", "rows", "batches", "errors", "duration_s", "rows_per_s",
                                "batches_per_s", "latency_ms", "windows", "stable", "verdict", "reasons", "model",
                                "features", "batch_size", "threads", "backend_stats"})
            QVERIFY2(j.contains(QLatin1StringView(key)), key);
        for (const char *key : {"p50", "p90", "p95", "p99", "p999", "max"})
            QVERIFY2(j.value(QStringLiteral("latency_ms")).toObject().value(QLatin1StringView(key)).isDouble(), key);
        QCOMPARE(j.value(QStringLiteral("backend")).toString(), QStringLiteral("linear"));
        QCOMPARE(j.value(QStringLiteral("scenario")).toString(), QStringLiteral("offline"));
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(50000));
        QCOMPARE(j.value(QStringLiteral("batches")).toInteger(), qint64(5));
        QCOMPARE(j.value(QStringLiteral("errors")).toInteger(), qint64(0));
        QCOMPARE(j.value(QStringLiteral("features")).toInteger(), qint64(100));
        QCOMPARE(j.value(QStringLiteral("batch_size")).toInteger(), qint64(10000));
        // Offline runs warm up for 0.3 s unless told otherwise; the warm-up's batches are not measured.
        QCOMPARE(j.value(QStringLiteral("warmup_s")).toDouble(), 0.3);
        QVERIFY(j.value(QStringLiteral("warmup_batches")).toInteger() > 0);
        QVERIFY(j.value(QStringLiteral("rows_per_s")).toDouble() > 0);
        QVERIFY(j.value(QStringLiteral("model")).toString().contains(u"100"));
        // Five batches in a millisecond are too short to judge stability: not judged, which is not a reason to
        // call the run INVALID.
        QCOMPARE(j.value(QStringLiteral("stable")).toBool(), false);
        QCOMPARE(j.value(QStringLiteral("stability_judged")).toBool(), false);
        QVERIFY2(j.value(QStringLiteral("stability_detail")).toString().startsWith(u"not judged: the run lasted"),
                 qPrintable(j.value(QStringLiteral("stability_detail")).toString()));
        QCOMPARE(j.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
        QVERIFY(j.value(QStringLiteral("reasons")).toArray().isEmpty());
        QCOMPARE(o.exitCode, 0);
    }

    // Two workers, pinned by default where the process may use two CPUs or more; --no-pin leaves them to the
    // scheduler.
    void workerPinning()
    {
        const QStringList common{QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--threads"),
                                 QStringLiteral("2"), QStringLiteral("--json")};
        const Outcome pinned = bench(common);
        QCOMPARE(pinned.exitCode, 0);
        const QJsonObject p = QJsonDocument::fromJson(pinned.out).object();
        QCOMPARE(p.value(QStringLiteral("threads")).toInt(), 2);
#if defined(Q_OS_LINUX)
        if (QThread::idealThreadCount() >= 2)
            QCOMPARE(p.value(QStringLiteral("pinned_threads")).toInt(), 2);
#endif
        const Outcome free = bench(common + QStringList{QStringLiteral("--no-pin")});
        QCOMPARE(free.exitCode, 0);
        const QJsonObject f = QJsonDocument::fromJson(free.out).object();
        QCOMPARE(f.value(QStringLiteral("threads")).toInt(), 2);
        QCOMPARE(f.value(QStringLiteral("pinned_threads")).toInt(-1), 0);
    }

    void validRunSummaryAndJsonReport()
    {
        // No --json: the summary goes to stderr, stdout stays empty, and --report keeps the JSON.
        const QString path = m_dir.filePath(QStringLiteral("valid.json"));
        const Outcome o = bench(Paced + QStringList{QStringLiteral("--report"), path});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY(o.out.isEmpty());
        QVERIFY2(o.err.contains("verdict     VALID"), o.err.constData());
        QVERIFY(o.err.contains("throughput"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(j.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
        QCOMPARE(j.value(QStringLiteral("scenario")).toString(), QStringLiteral("rate"));
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(35000));
        QCOMPARE(j.value(QStringLiteral("batches")).toInteger(), qint64(350));
        QCOMPARE(j.value(QStringLiteral("windows")).toArray().size(), 3);
        QVERIFY(j.value(QStringLiteral("stable")).toBool());
        QVERIFY(j.value(QStringLiteral("reasons")).toArray().isEmpty());
        QCOMPARE(j.value(QStringLiteral("exit_code")).toInt(), 0);
    }

    void thresholdExitsThree()
    {
        const Outcome o = bench({QStringLiteral("--rows"), QStringLiteral("50000"), QStringLiteral("--min-throughput"),
                                 QStringLiteral("1e15"), QStringLiteral("--json")});
        QCOMPARE(o.exitCode, 3);
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("verdict")).toString(), QStringLiteral("INVALID"));
        QVERIFY(j.value(QStringLiteral("threshold_breached")).toBool());

        const Outcome p = bench(Short + QStringList{QStringLiteral("--max-p99"), QStringLiteral("0.000001")});
        QCOMPARE(p.exitCode, 3);
        QVERIFY(p.err.contains("is above --max-p99"));

        // Accepted with or without its sign, and kept in the report.
        const Outcome e = bench(Short + QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("0.5 %"),
                                                    QStringLiteral("--json")});
        QCOMPARE(e.json()
                     .value(QStringLiteral("thresholds"))
                     .toObject()
                     .value(QStringLiteral("max_error_rate_pct"))
                     .toDouble(),
                 0.5);
    }

    void fewerRowsThanOneBatchAreOneBatch()
    {
        // 500 rows with the default batch of 10,000: one batch of 500, and the report says so.
        const Outcome o = bench({QStringLiteral("--rows"), QStringLiteral("500"), QStringLiteral("--json")});
        const QJsonObject j = QJsonDocument::fromJson(o.out).object();
        QVERIFY2(!j.isEmpty(), o.err.constData());
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(500));
        QCOMPARE(j.value(QStringLiteral("batches")).toInteger(), qint64(1));
        QCOMPARE(j.value(QStringLiteral("batch_size")).toInteger(), qint64(500));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("frobnicate");
        QTest::newRow("bad rows") << QStringList{QStringLiteral("--rows"), QStringLiteral("many")}
                                  << QStringLiteral("--rows: 'many' is not a whole number");
        QTest::newRow("rows and duration")
            << QStringList{QStringLiteral("--rows"), QStringLiteral("10"), QStringLiteral("--duration"),
                           QStringLiteral("5s")}
            << QStringLiteral("--rows and --duration exclude each other");
        QTest::newRow("error rate not a number")
            << QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("few")}
            << QStringLiteral("--max-error-rate: 'few' is not a percentage from 0 to 100");
        QTest::newRow("error rate above 100")
            << QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("150%")}
            << QStringLiteral("--max-error-rate: '150%' is not a percentage from 0 to 100");
        QTest::newRow("unknown scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("burst")}
                                          << QStringLiteral("--scenario: 'burst' is not offline, concurrency or rate");
        QTest::newRow("rate without --rate") << QStringList{QStringLiteral("--scenario"), QStringLiteral("rate")}
                                             << QStringLiteral("--scenario rate needs --rate");
        QTest::newRow("unknown backend") << QStringList{QStringLiteral("--backend"), QStringLiteral("nope")}
                                         << QStringLiteral("linear");
        QTest::newRow("bad spec") << QStringList{QStringLiteral("--compare"), QStringLiteral("linear,oops")}
                                  << QStringLiteral("backend spec 'linear,oops': 'oops' is not key=value");
        QTest::newRow("report type") << QStringList{QStringLiteral("--report"), QStringLiteral("out.txt")}
                                     << QStringLiteral("--report: 'out.txt' must end in .json or .csv");
        // Checked before the run, as the cross-check below: a 10-minute run would time the test out.
        QTest::newRow("report in a folder that does not exist")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--report"),
                           QStringLiteral("%1/no-such-folder/run.json")}
            << QStringLiteral("no-such-folder/run.json: cannot write: the folder %1/no-such-folder does not exist");
        QTest::newRow("report path that is a folder")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--report"),
                           QStringLiteral("%1/folder.csv")}
            << QStringLiteral("folder.csv: is a folder");
        QTest::newRow("capacity half") << QStringList{QStringLiteral("--capacity-rows"), QStringLiteral("10")}
                                       << QStringLiteral("--capacity-rows and --capacity-within go together");
        QTest::newRow("bad --backend spec")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,oops")}
            << QStringLiteral("opsdeck bench: --backend: backend spec 'linear,oops': 'oops' is not key=value");
        QTest::newRow("endpoint for an in-process backend")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/score")}
            << QStringLiteral("backend 'linear' scores in-process and takes no endpoint URL (http://127.0.0.1:9/score)");
        QTest::newRow("endpoint for an in-process cross-check")
            << QStringList{QStringLiteral("--compare"), QStringLiteral("linear,endpoint=http://127.0.0.1:9/score")}
            << QStringLiteral("cross-check backend 'linear' scores in-process and takes no endpoint URL");
        // Checked before the run: were it checked after, this 10-minute run would time the test out.
        QTest::newRow("cross-check that cannot fit, found before the run")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--compare"),
                           QStringLiteral("linear,features=3")}
            << QStringLiteral("cross-check backend 'linear,features=3'");
        QTest::newRow("binary file for a text backend")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("fasttext"), QStringLiteral("--input"),
                           QStringLiteral("%1/binary.npy")}
            << QStringLiteral("binary.npy: not a text file (a NUL byte at offset ");
        QTest::newRow("CSV whose first row has a typo")
            << QStringList{QStringLiteral("--input"), QStringLiteral("%1/typo.csv")}
            << QStringLiteral("typo.csv:1: column 2: 'x' is not a number");
        QTest::newRow("features mismatch")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,features=10"), QStringLiteral("--input"),
                           QStringLiteral("%1/five.csv"), QStringLiteral("--rows"), QStringLiteral("10")}
            << QStringLiteral("features=10 does not match the 5 columns of %1/five.csv");
        QTest::newRow("--features against the input")
            << QStringList{QStringLiteral("--input"), QStringLiteral("%1/five.csv"), QStringLiteral("--features"),
                           QStringLiteral("7"), QStringLiteral("--rows"), QStringLiteral("10")}
            << QStringLiteral("--features 7 does not match the 5 columns of %1/five.csv");
        QTest::newRow("--features and features=")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,features=10"), QStringLiteral("--features"),
                           QStringLiteral("20")}
            << QStringLiteral("--features: given twice (also features= in --backend or --option)");
        QTest::newRow("--features for a text backend")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("fasttext"), QStringLiteral("--features"),
                           QStringLiteral("3")}
            << QStringLiteral("--features: backend 'fasttext' scores lines of text, not columns");
        QTest::newRow("--threads for a remote backend")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http,endpoint=http://127.0.0.1:9/score"),
                           QStringLiteral("--threads"), QStringLiteral("4")}
            << QStringLiteral("--threads: backend 'http' scores on remote services, not on host threads");
        QTest::newRow("threads beyond the limit") << QStringList{QStringLiteral("--threads"), QStringLiteral("5000")}
                                                  << QStringLiteral("--threads: 5000 is more than the 4096");
        QTest::newRow("concurrency beyond the limit")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("concurrency"), QStringLiteral("--concurrency"),
                           QStringLiteral("2000000")}
            << QStringLiteral("--concurrency: 2000000 is more than the 1000000");
        QTest::newRow("input wider than any model")
            << QStringList{QStringLiteral("--input"), QStringLiteral("%1/wide.npy")}
            << QStringLiteral("wide.npy: 16777217 columns; at most 16777216 are supported");
        QTest::newRow("report folder that is a file")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--report"),
                           QStringLiteral("%1/five.csv/run.json")}
            << QStringLiteral("run.json: cannot write: %1/five.csv is not a folder");
        QTest::newRow("report through a link into a missing folder")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--report"),
                           QStringLiteral("%1/dangling.json")}
            << QStringLiteral("dangling.json: cannot write: the folder %1/no-such-folder does not exist");
        // A weights file fixes the width: a different input or --features is named, not the weights file.
        QTest::newRow("input narrower than the weights file")
            << QStringList{QStringLiteral("--model"), QStringLiteral("%1/w4.json"), QStringLiteral("--input"),
                           QStringLiteral("%1/five.csv"), QStringLiteral("--rows"), QStringLiteral("10")}
            << QStringLiteral("the model expects 4 input columns, the data (five.csv) has 5");
        QTest::newRow("--features against the weights file")
            << QStringList{QStringLiteral("--model"), QStringLiteral("%1/w4.json"), QStringLiteral("--features"),
                           QStringLiteral("7"), QStringLiteral("--rows"), QStringLiteral("10")}
            << QStringLiteral("--features 7 does not match the model's 4 input columns (identity, 4 features");
        QTest::newRow("empty weights row")
            << QStringList{QStringLiteral("--model"), QStringLiteral("%1/wempty.json"), QStringLiteral("--rows"),
                           QStringLiteral("10")}
            << QStringLiteral("wempty.json: row 1 has no weights");
        // One small input repeated to fill an absurd batch: refused, not a crash on allocation.
        QTest::newRow("batch that cannot be filled")
            << QStringList{QStringLiteral("--input"), QStringLiteral("%1/five.csv"), QStringLiteral("--batch-size"),
                           QStringLiteral("2000000000"), QStringLiteral("--duration"), QStringLiteral("1")}
            << QStringLiteral("five.csv has 2 rows; repeated to fill a batch of 2000000000 rows it would not fit");
        QTest::newRow("features beyond any model")
            << QStringList{QStringLiteral("--features"), QStringLiteral("99999999999")}
            << QStringLiteral("--features: 99999999999 is more than the 16777216 this option allows");
        QTest::newRow("synthetic model too large")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,outputs=4096,features=16777216")}
            << QStringLiteral("linear: a synthetic model of 4096 outputs × 16777216 features is too large");
        QTest::newRow("option given twice")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("rate"), QStringLiteral("--scenario"),
                           QStringLiteral("offline"), QStringLiteral("--rate"), QStringLiteral("1")}
            << QStringLiteral("--scenario: given twice");
        QTest::newRow("spec key given twice")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,link=identity,link=logistic")}
            << QStringLiteral("link: given twice");
        QTest::newRow("spec key and option")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("linear,link=identity"),
                           QStringLiteral("--option"), QStringLiteral("link=logistic")}
            << QStringLiteral("--option: link: given twice");
        QTest::newRow("empty input path") << QStringList{QStringLiteral("--input"), QString()}
                                          << QStringLiteral("--input: empty file name");
        QTest::newRow("empty report path") << QStringList{QStringLiteral("--report"), QString()}
                                           << QStringLiteral("--report: empty file name");
        QTest::newRow("negative warm-up") << QStringList{QStringLiteral("--warmup"), QStringLiteral("-1")}
                                          << QStringLiteral("--warmup: '-1' is negative (0 for none)");
        QTest::newRow("duration beyond a year") << QStringList{QStringLiteral("--duration"), QStringLiteral("1e10")}
                                                << QStringLiteral("--duration: '1e10': longer than 366 days");
        QTest::newRow("duration under a millisecond")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("1e-300")}
            << QStringLiteral("--duration: '1e-300': shorter than 1 ms");
        QTest::newRow("capacity window beyond a year")
            << QStringList{QStringLiteral("--capacity-rows"), QStringLiteral("10"), QStringLiteral("--capacity-within"),
                           QStringLiteral("1e307d")}
            << QStringLiteral("--capacity-within: '1e307d': longer than 366 days");
        QTest::newRow("rate too low to schedule")
            << QStringList{QStringLiteral("--rate"), QStringLiteral("1e-10"), QStringLiteral("--rows"),
                           QStringLiteral("10")}
            << QStringLiteral("--rate: 1e-10 is outside 0.001 … 1000000000 batches/s");
        // Refused before the data for it (10^10 batches of a second) is generated.
        QTest::newRow("rate too high to schedule")
            << QStringList{QStringLiteral("--rate"), QStringLiteral("1e10"), QStringLiteral("--duration"),
                           QStringLiteral("1")}
            << QStringLiteral("--rate: 1e10 is outside 0.001 … 1000000000 batches/s");
        QTest::newRow("sweep levels that fall")
            << QStringList{QStringLiteral("--concurrency"), QStringLiteral("1,8,4")}
            << QStringLiteral("--concurrency: '1,8,4': 4 after 8 (levels must increase)");
        QTest::newRow("sweep range that does not go up")
            << QStringList{QStringLiteral("--concurrency"), QStringLiteral("8..2")}
            << QStringLiteral("--concurrency: '8..2': the range 8..2 does not go up");
        QTest::newRow("sweep of a fractional concurrency")
            << QStringList{QStringLiteral("--concurrency"), QStringLiteral("1,2.5")}
            << QStringLiteral("--concurrency: '1,2.5': 2.5 is not a whole number");
        QTest::newRow("sweep with a cross-check")
            << QStringList{QStringLiteral("--rate"), QStringLiteral("10,20"), QStringLiteral("--compare"),
                           QStringLiteral("linear")}
            << QStringLiteral("--compare: a cross-check does not depend on the load");
        QStringList many;
        for (int level = 1; level <= 65; ++level)
            many << QString::number(level);
        QTest::newRow("sweep of too many levels")
            << QStringList{QStringLiteral("--rate"), many.join(u',')} << QStringLiteral("': more than 64 levels");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        for (const auto &[name, text] : {std::pair{"five.csv", QByteArray("1,2,3,4,5\n6,7,8,9,10\n")},
                                         std::pair{"typo.csv", QByteArray("1,x,3\n4,5,6\n")},
                                         std::pair{"w4.json", QByteArray(R"({"weights": [1, 2, 3, 4]})")},
                                         std::pair{"wempty.json", QByteArray(R"({"weights": [[]]})")},
                                         std::pair{"binary.npy", QByteArray("\x93NUMPY\x01\x00v\0{}\n", 14)}}) {
            QFile file(m_dir.filePath(QLatin1StringView(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        }
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder.csv")));
        // Only the header counts: the width is refused before any data is read.
        writeNpy(m_dir.filePath(QStringLiteral("wide.npy")),
                 "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 16777217), }", {});
        const QString dangling = m_dir.filePath(QStringLiteral("dangling.json"));
        if (!QFileInfo(dangling).isSymLink())
            QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("no-such-folder/run.json")), dangling));
        for (QString &a : args)
            a.replace(QStringLiteral("%1"), m_dir.path());
        message.replace(QStringLiteral("%1"), m_dir.path());
        const Outcome o = bench(args);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(QString::fromUtf8(o.err).contains(message), o.err.constData());
        QVERIFY(o.out.isEmpty());
    }

    // A load sweep: one run per level, a CSV row each, one JSON object for the whole; the best VALID level; a
    // level over --max-p99 ends it (more load only waits longer) with that level's exit code when none was VALID.
    void sweepRunsEachLevel()
    {
        const QString csv = m_dir.filePath(QStringLiteral("sweep.csv"));
        QFile::remove(csv);
        const QStringList common{QStringLiteral("--rows"), QStringLiteral("40000"), QStringLiteral("--batch-size"),
                                 QStringLiteral("10000"), QStringLiteral("--warmup"), QStringLiteral("0")};
        const Outcome o = bench(common + QStringList{QStringLiteral("--concurrency"), QStringLiteral("1..4"),
                                                     QStringLiteral("--json"), QStringLiteral("--report"), csv});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("sweep")).toString(), QStringLiteral("concurrency"));
        QCOMPARE(j.value(QStringLiteral("levels")).toArray(), QJsonArray({1, 2, 4}));
        const QJsonArray runs = j.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(runs.at(i)[QStringLiteral("scenario")].toString(), QStringLiteral("concurrency"));
            QCOMPARE(runs.at(i)[QStringLiteral("concurrency")].toInt(), 1 << i);
            QCOMPARE(runs.at(i)[QStringLiteral("rows")].toInteger(), qint64(40000));
        }
        const QJsonObject best = j.value(QStringLiteral("best")).toObject();
        const int bestRun = best.value(QStringLiteral("run")).toInt(-1);
        QVERIFY(bestRun >= 0 && bestRun < 3);
        QCOMPARE(best.value(QStringLiteral("level")).toInt(), 1 << bestRun);
        QCOMPARE(best.value(QStringLiteral("rows_per_s")), runs.at(bestRun)[QStringLiteral("rows_per_s")]);
        const double bestRate = best.value(QStringLiteral("rows_per_s")).toDouble();
        for (const QJsonValue &run : runs) {
            if (run[QStringLiteral("verdict")].toString() == u"VALID")
                QVERIFY(run[QStringLiteral("rows_per_s")].toDouble() <= bestRate);
        }
        QVERIFY(j.value(QStringLiteral("ended_early")).isNull());
        QCOMPARE(j.value(QStringLiteral("exit_code")).toInt(), 0);
        QFile rows(csv);
        QVERIFY(rows.open(QIODevice::ReadOnly));
        QCOMPARE(rows.readAll().count('\n'), 4);   // the header and one row per level

        const QString report = m_dir.filePath(QStringLiteral("sweep.json"));
        const Outcome p = bench(common + QStringList{QStringLiteral("--concurrency"), QStringLiteral("1,2"),
                                                     QStringLiteral("--max-p99"), QStringLiteral("0.000001"),
                                                     QStringLiteral("--report"), report});
        QCOMPARE(p.exitCode, 3);
        QVERIFY(p.out.isEmpty());
        const QString err = QString::fromUtf8(p.err);
        QVERIFY2(err.contains(u"concurrency") && err.contains(u"p99 ms"), qPrintable(err));
        QVERIFY2(err.contains(u"best: none"), qPrintable(err));
        QVERIFY2(err.contains(u"ended early at concurrency 1: p99 latency"), qPrintable(err));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject r = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(r.value(QStringLiteral("runs")).toArray().size(), 1);
        QVERIFY(r.value(QStringLiteral("best")).isNull());
        QCOMPARE(r.value(QStringLiteral("exit_code")).toInt(), 3);

        // A first level that cannot be set up (a broken model file): only why, once; no table, no conclusion.
        const QString broken = m_dir.filePath(QStringLiteral("broken-weights.json"));
        QFile weights(broken);
        QVERIFY(weights.open(QIODevice::WriteOnly));
        weights.write(R"({"weights": [1, 2)");
        weights.close();
        const Outcome q = bench(common + QStringList{QStringLiteral("--model"), broken, QStringLiteral("--concurrency"),
                                                     QStringLiteral("1,2")});
        QCOMPARE(q.exitCode, 2);
        const QStringList lines = QString::fromUtf8(q.err).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.constFirst().startsWith(u"opsdeck bench: backend 'linear': " + broken + u": not valid JSON"),
                 qPrintable(lines.constFirst()));
    }

    void crossCheckCountsInfinitiesOverTolerance()
    {
        // 3e38 × 10 is inf in float32: +inf against -inf (and inf against a finite score) differ beyond any
        // tolerance. They passed (inf − inf is NaN, and NaN is over no tolerance), VALID with max |Δ| null.
        const QString input = m_dir.filePath(QStringLiteral("huge.csv"));
        const QString plus = m_dir.filePath(QStringLiteral("plus.json"));
        const QString minus = m_dir.filePath(QStringLiteral("minus.json"));
        for (const auto &[path, text] : {std::pair{input, QByteArray("3e38,0\n1,1\n")},
                                         std::pair{plus, QByteArray(R"({"weights": [10, 1]})")},
                                         std::pair{minus, QByteArray(R"({"weights": [-10, 1]})")}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        }
        const Outcome o = bench({QStringLiteral("--model"), plus, QStringLiteral("--input"), input,
                                 QStringLiteral("--rows"), QStringLiteral("2"), QStringLiteral("--warmup"),
                                 QStringLiteral("0"), QStringLiteral("--compare"), u"linear,model=" + minus,
                                 QStringLiteral("--json")});
        QCOMPARE(o.exitCode, 1);
        const QJsonObject compare = o.json().value(QStringLiteral("compare")).toObject();
        QCOMPARE(compare.value(QStringLiteral("rows")).toInteger(), qint64(2));
        QCOMPARE(compare.value(QStringLiteral("over_tolerance")).toInteger(), qint64(2));
        QVERIFY(compare.value(QStringLiteral("max_abs_diff")).isNull());   // infinite
    }

    void subcommandShortHelp()
    {
        const Outcome o = bench({QStringLiteral("-h")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.out.startsWith("Usage: opsdeck --batch bench [OPTIONS]"));
    }

    void timeoutIsTheReportsExitCodeToo()
    {
        QProcess p;
        p.start(Binary, {QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("1"),
                         QStringLiteral("bench"), QStringLiteral("--duration"), QStringLiteral("60"),
                         QStringLiteral("--rows"), QStringLiteral("1")}); // usage error: not even started
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);

        // Few features: preparing 2M synthetic rows of 100 (800 MB) can take longer than --timeout plus the
        // watchdog's grace on a busy machine under ASan, and that ends the process without a report by design.
        const QString path = m_dir.filePath(QStringLiteral("cancelled.json"));
        p.start(Binary, {QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("1"),
                         QStringLiteral("bench"), QStringLiteral("--duration"), QStringLiteral("60"),
                         QStringLiteral("--features"), QStringLiteral("8"), QStringLiteral("--report"), path,
                         QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 124);
        const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(j.value(QStringLiteral("exit_code")).toInt(), 124);
        QCOMPARE(j.value(QStringLiteral("stopped")).toBool(), true);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("exit_code")).toInt(), 124);
    }

    void uninterruptibleWorkCannotHoldTheProcess()
    {
        // Opening a FIFO with no writer blocks the thread that would act on --timeout or a signal, for ever. The
        // process still ends: 5 s after the deadline or an unanswered signal, or at once on a second signal.
        const QByteArray fifo = QFile::encodeName(m_dir.filePath(QStringLiteral("nobody-writes.csv")));
        QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
        const QStringList args{QStringLiteral("bench"), QStringLiteral("--input"), QFile::decodeName(fifo),
                               QStringLiteral("--rows"), QStringLiteral("100")};
        QProcess p;
        p.start(Binary, QStringList{QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("1")} + args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 124);
        QVERIFY2(p.readAllStandardError().contains("--timeout elapsed and 'bench' did not stop within 5 s"),
                 "no message on stderr");

        // Signalled once it waits for the FIFO's writer: earlier, a slow start (a loaded machine, a sanitizer
        // build) could be hit before its handlers are installed.
        const auto blockedOnFifo = [&p] {
            const QDir tasks(QStringLiteral("/proc/%1/task").arg(p.processId()));
            for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile wchan(tasks.filePath(task + QStringLiteral("/wchan")));
                if (wchan.open(QIODevice::ReadOnly) && wchan.readAll().trimmed() == "wait_for_partner")
                    return true;
            }
            return false;
        };
        p.start(Binary, QStringList{QStringLiteral("--batch")} + args);
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor(blockedOnFifo, 60000));
        p.terminate();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardError().contains("interrupted, and 'bench' did not stop within 5 s"));

        p.start(Binary, QStringList{QStringLiteral("--batch")} + args);
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor(blockedOnFifo, 60000));
        p.terminate();
        QTest::qWait(200);
        p.terminate();
        QVERIFY(p.waitForFinished(3000));   // not the 5-s grace: the second signal ends it
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardError().contains("interrupted again: exiting at once"));
    }

    void capacityThatCannotBePlannedSaysWhy()
    {
        // 4 rows/s (one row every 250 ms) and a millisecond to score 9·10^18 rows in: more than 2^53 nodes.
        const Outcome o = bench({QStringLiteral("--scenario"), QStringLiteral("rate"), QStringLiteral("--rate"),
                                 QStringLiteral("4"), QStringLiteral("--rows"), QStringLiteral("4"),
                                 QStringLiteral("--batch-size"), QStringLiteral("1"), QStringLiteral("--warmup"),
                                 QStringLiteral("0"), QStringLiteral("--capacity-rows"),
                                 QStringLiteral("9000000000000000000"), QStringLiteral("--capacity-within"),
                                 QStringLiteral("0.001"), QStringLiteral("--json")});
        QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.err.constData());
        const QString error = o.json().value(QStringLiteral("capacity")).toObject().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(u"more than 2^53 nodes"), qPrintable(error));
    }

    void inputErrorsLeaveReportsAlone()
    {
        // Nothing was measured: no CSV row of zeros is appended and no JSON report is written.
        const QString csv = m_dir.filePath(QStringLiteral("kept.csv"));
        const QString json = m_dir.filePath(QStringLiteral("never.json"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.npy"));
        const Outcome first = bench({QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--report"), csv});
        QVERIFY(first.exitCode == 0 || first.exitCode == 1);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        for (const QString &report : {csv, json}) {
            const Outcome o = bench({QStringLiteral("--input"), missing, QStringLiteral("--report"), report});
            QCOMPARE(o.exitCode, 2);
            QVERIFY2(QString::fromUtf8(o.err).contains(missing + QStringLiteral(": cannot open")), o.err.constData());
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(!QFileInfo::exists(json));
    }

    void csvWithByteOrderMarkKeepsItsFirstRow()
    {
        const QString path = m_dir.filePath(QStringLiteral("bom.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF" "1,2,3\n4,5,6\n7,8,9\n");
        f.close();
        // --warmup 0s is no warm-up, as --warmup 0 is.
        const Outcome o = bench({QStringLiteral("--input"), path, QStringLiteral("--rows"), QStringLiteral("3"),
                                 QStringLiteral("--batch-size"), QStringLiteral("3"), QStringLiteral("--warmup"),
                                 QStringLiteral("0s"), QStringLiteral("--compare"), QStringLiteral("linear"),
                                 QStringLiteral("--json")});
        QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.err.constData());
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("features")).toInteger(), qint64(3));
        QCOMPARE(j.value(QStringLiteral("compare")).toObject().value(QStringLiteral("rows")).toInteger(), qint64(3));
        QCOMPARE(j.value(QStringLiteral("warmup_s")).toDouble(), 0.0);
    }

    void badNpyExitsTwoNamingTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.npy"));
        writeNpy(path, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 100), }", QByteArray(800, '\0'));
        const Outcome o = bench({QStringLiteral("--input"), path});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(QString::fromUtf8(o.err).contains(path + QStringLiteral(": Fortran-order arrays are not supported")),
                 o.err.constData());
    }

    void npyInput()
    {
        const QString path = m_dir.filePath(QStringLiteral("rows.npy"));
        std::vector<float> values(300 * 8, 0.25f);
        writeNpy(path, "{'descr': '<f4', 'fortran_order': False, 'shape': (300, 8), }",
                 QByteArray(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * 4)));
        const Outcome o = bench({QStringLiteral("--input"), path, QStringLiteral("--rows"), QStringLiteral("900"),
                                 QStringLiteral("--batch-size"), QStringLiteral("100"), QStringLiteral("--json")});
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(900));
        QCOMPARE(j.value(QStringLiteral("features")).toInteger(), qint64(8));
        QVERIFY(j.value(QStringLiteral("input")).toString().contains(u"rows.npy"));
        QVERIFY(o.exitCode == 0 || o.exitCode == 1);
    }

    void npyThroughAPipe()
    {
        // A .npy that arrives through a pipe is read as it comes: its size is not known beforehand.
        const QString source = m_dir.filePath(QStringLiteral("piped-source.npy"));
        std::vector<float> values(50 * 4, 0.5f);
        writeNpy(source, "{'descr': '<f4', 'fortran_order': False, 'shape': (50, 4), }",
                 QByteArray(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * 4)));
        QFile in(source);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString fifo = m_dir.filePath(QStringLiteral("piped.npy"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // The writer waits for the reader without blocking for ever (if opsdeck never opens the pipe, the test
        // fails instead of hanging).
        std::atomic<bool> written{false};
        std::thread writer([&] {
            const QByteArray name = QFile::encodeName(fifo);
            int fd = -1;
            for (int i = 0; i < 1200 && fd < 0; ++i) {
                fd = ::open(name.constData(), O_WRONLY | O_NONBLOCK);
                if (fd < 0)
                    QThread::msleep(50);
            }
            if (fd < 0)
                return;
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            written = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
            ::close(fd);
        });
        const Outcome o = bench({QStringLiteral("--input"), fifo, QStringLiteral("--rows"), QStringLiteral("200"),
                                 QStringLiteral("--batch-size"), QStringLiteral("50"), QStringLiteral("--warmup"),
                                 QStringLiteral("0"), QStringLiteral("--json")});
        writer.join();
        QVERIFY(written);
        QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.err.constData());
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(200));
        QCOMPARE(j.value(QStringLiteral("features")).toInteger(), qint64(4));
    }

    void resultIsPrintedWhenTheReportCannotBeWritten()
    {
        // A CSV report linked to /dev/full passes every check before the run and then cannot take the row (as a
        // disk that filled up during the run): the result is printed all the same, and the exit code says the
        // report is missing.
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        const QString link = m_dir.filePath(QStringLiteral("full.csv"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), link));
        const Outcome o = bench({QStringLiteral("--rows"), QStringLiteral("1000"), QStringLiteral("--warmup"),
                                 QStringLiteral("0"), QStringLiteral("--report"), link, QStringLiteral("--json")});
        QCOMPARE(o.exitCode, 1);
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(1000));
        QCOMPARE(j.value(QStringLiteral("exit_code")).toInt(), 1);
        QVERIFY2(j.value(QStringLiteral("report_error")).toString().startsWith(link + QStringLiteral(": cannot write")),
                 o.out.constData());
        QVERIFY2(o.err.contains("full.csv: cannot write"), o.err.constData());
    }

    // --history keeps the run where the GUI's Scoring page lists past runs; a run that could not be set up is
    // not kept, and a history that cannot be written is said, with the result printed all the same.
    void historyKeepsTheRunForTheGui()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        const QString history = data.filePath(QStringLiteral("opsdeck/opsdeck/bench-history.jsonl"));
        const auto run = [&env](const QStringList &args) {
            return Opsdeck::Test::runProgram(
                Binary, QStringList{QStringLiteral("--batch"), QStringLiteral("bench")} + args, env, 240000);
        };
        const auto lines = [&history] {
            QFile file(history);
            return file.open(QIODevice::ReadOnly) ? file.readAll().count('\n') : -1;
        };
        Opsdeck::Test::CliRun r = run({QStringLiteral("--rows"), QStringLiteral("2000"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFileInfo::exists(history));   // only when asked

        r = run({QStringLiteral("--rows"), QStringLiteral("2000"), QStringLiteral("--features"), QStringLiteral("7"),
                 QStringLiteral("--history"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(lines(), 1);
        QFile file(history);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject kept = QJsonDocument::fromJson(file.readLine()).object();
        file.close();
        QCOMPARE(kept.value(QStringLiteral("backend")).toString(), QStringLiteral("linear"));
        QCOMPARE(kept.value(QStringLiteral("features")).toInteger(), qint64(7));
        QCOMPARE(kept.value(QStringLiteral("started_at")), QJsonDocument::fromJson(r.out).object().value(
                                                               QStringLiteral("started_at")));

        r = run({QStringLiteral("--input"), m_dir.filePath(QStringLiteral("no-such.npy")),
                 QStringLiteral("--history")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(lines(), 1);

        // The history's folder is a file: the run is printed, the exit code says what is missing.
        QTemporaryDir blocked;
        QVERIFY(blocked.isValid());
        QFile blocker(blocked.filePath(QStringLiteral("opsdeck")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        env.insert(QStringLiteral("XDG_DATA_HOME"), blocked.path());
        r = run({QStringLiteral("--rows"), QStringLiteral("2000"), QStringLiteral("--history"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject printed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(printed.value(QStringLiteral("rows")).toInteger(), qint64(2000));
        QVERIFY2(printed.value(QStringLiteral("report_error")).toString().contains(u"cannot append"),
                 r.out.constData());
    }

    // history sweep draws a sweep kept with --history again: the same table and conclusion bench printed, from
    // any of its levels or, by default, the newest sweep; a run of no sweep, and a sweep missing a level, are said.
    void historySweepDrawsAKeptSweepAgain()
    {
        const HistoryHome opsdeck;
        QVERIFY(opsdeck.data.isValid());
        Opsdeck::Test::CliRun r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no load sweep in"), r.err.constData());

        const auto keepSweep = [&opsdeck](const QString &levels) {
            return opsdeck({QStringLiteral("bench"), QStringLiteral("--rows"), QStringLiteral("20000"),
                            QStringLiteral("--batch-size"), QStringLiteral("5000"), QStringLiteral("--warmup"),
                            QStringLiteral("0"), QStringLiteral("--concurrency"), levels, QStringLiteral("--history")});
        };
        const Opsdeck::Test::CliRun sweep = keepSweep(QStringLiteral("1,2,3"));
        QVERIFY2(sweep.exitCode == 0, sweep.err.constData());
        r = opsdeck({QStringLiteral("bench"), QStringLiteral("--rows"), QStringLiteral("2000"),
                     QStringLiteral("--history")});
        QCOMPARE(r.exitCode, 0);

        r = opsdeck({QStringLiteral("history"), QStringLiteral("list")});
        QVERIFY2(r.out.contains("concurrency 3, sweep") && r.out.contains("concurrency 1, sweep"), r.out.constData());
        QVERIFY2(!r.out.contains("offline, sweep"), r.out.constData());

        // The newest sweep, and the same from its middle level (run 3: 1 is the offline run, 2 concurrency 3).
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, sweep.err);   // bench printed the table and conclusion on stderr
        Opsdeck::Test::CliRun fromLevel = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("3")});
        QCOMPARE(fromLevel.out, r.out);
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("3"), QStringLiteral("--json")});
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("levels")).toArray(), QJsonArray({1, 2, 3}));
        QCOMPARE(j.value(QStringLiteral("runs")).toArray().size(), 3);
        const QJsonObject level = j.value(QStringLiteral("runs")).toArray().at(0).toObject();
        QCOMPARE(level.value(QStringLiteral("load_sweep")).toObject().value(QStringLiteral("levels")).toArray(),
                 QJsonArray({1, 2, 3}));

        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("run 1 was not a level of a load sweep"), r.err.constData());

        // Against another sweep: a second one at 2 and 4 (B, the newest) against the first (A, run 5 now).
        const Opsdeck::Test::CliRun second = keepSweep(QStringLiteral("2,4"));
        QVERIFY2(second.exitCode == 0, second.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("--against"),
                     QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject c = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(c.value(QStringLiteral("sweep")).toString(), QStringLiteral("concurrency"));
        const QJsonArray rows = c.value(QStringLiteral("levels")).toArray();
        QCOMPARE(rows.size(), 4);   // 1, 2, 3 from A; 2, 4 from B
        QCOMPARE(rows.at(0)[QStringLiteral("level")].toDouble(), 1.0);
        QVERIFY(rows.at(0)[QStringLiteral("b")].isNull());
        QVERIFY(rows.at(1)[QStringLiteral("a")].isObject() && rows.at(1)[QStringLiteral("b")].isObject());
        QVERIFY(rows.at(3)[QStringLiteral("a")].isNull());
        const double ratio = c.value(QStringLiteral("best_ratio")).toDouble();
        const double bestA = c[QStringLiteral("a")][QStringLiteral("best")][QStringLiteral("rows_per_s")].toDouble();
        const double bestB = c[QStringLiteral("b")][QStringLiteral("best")][QStringLiteral("rows_per_s")].toDouble();
        QVERIFY(bestA > 0 && bestB > 0);
        QCOMPARE(ratio, bestB / bestA);
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("--against"), QStringLiteral("5")});
        QVERIFY2(r.out.contains("A rows/s") && r.out.contains("best rows/s B / A: "), r.out.constData());
        // The regression gate: at 0 % any drop of B's best rows/s below A's exits 3 (the figures are this
        // machine's, so either can happen: exit code and text agree with the ratio; tst_benchreport checks the rule).
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("--against"), QStringLiteral("5"),
                     QStringLiteral("--max-regression"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, ratio < 1 ? 3 : 0);
        QCOMPARE(r.err.contains("B regressed beyond --max-regression 0 %: best rows/s fell by"), ratio < 1);
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("--against"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--against names a run of the same sweep"), r.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("--max-regression"),
                     QStringLiteral("5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--max-regression needs --against"), r.err.constData());

        r = opsdeck({QStringLiteral("history"), QStringLiteral("remove"), QStringLiteral("5")});   // A's level 2
        QCOMPARE(r.exitCode, 0);
        r = opsdeck({QStringLiteral("history"), QStringLiteral("sweep"), QStringLiteral("4")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("the history no longer holds its level concurrency 2"), r.err.constData());
    }

    // history list/show/compare read what bench --history kept: newest first, numbered from 1, one backend with
    // --backend; a run that is not there, a damaged entry and an unreadable history are said.
    void historyListsShowsAndComparesKeptRuns()
    {
        const HistoryHome opsdeck;
        QVERIFY(opsdeck.data.isValid());
        const auto json = [](const Opsdeck::Test::CliRun &r) { return QJsonDocument::fromJson(r.out); };

        Opsdeck::Test::CliRun r = opsdeck({QStringLiteral("history"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("no runs in"), r.err.constData());
        for (const char *rows : {"2000", "3000", "4000"}) {
            r = opsdeck({QStringLiteral("bench"), QStringLiteral("--rows"), QString::fromLatin1(rows),
                         QStringLiteral("--features"), QStringLiteral("9"), QStringLiteral("--history")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }

        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray listed = json(r).array();
        QCOMPARE(listed.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject e = listed.at(i).toObject();
            QCOMPARE(e.value(QStringLiteral("number")).toInteger(), qint64(i + 1));
            QCOMPARE(e.value(QStringLiteral("rows")).toInteger(), qint64(4000 - 1000 * i));   // newest first
            QCOMPARE(e.value(QStringLiteral("backend")).toString(), QStringLiteral("linear"));
            QCOMPARE(e.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
        }
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 3);   // the header and two runs
        QVERIFY2(r.out.contains("4,000") && r.out.contains("3,000") && !r.out.contains("2,000"), r.out.constData());
        // --csv: the full reports with bench --report's columns, oldest first.
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("2"),
                     QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> csv = r.out.trimmed().split('\n');
        QCOMPARE(csv.size(), 3);
        const QString report = m_dir.filePath(QStringLiteral("history-columns.csv"));
        QCOMPARE(bench({QStringLiteral("--rows"), QStringLiteral("1000"), QStringLiteral("--report"), report}).exitCode, 0);
        QFile columns(report);
        QVERIFY(columns.open(QIODevice::ReadOnly));
        QCOMPARE(csv.at(0), columns.readLine().trimmed());
        const qsizetype rowsColumn = csv.at(0).split(',').indexOf("rows");
        QVERIFY(rowsColumn > 0);
        QVERIFY2(csv.at(1).startsWith(listed.at(1).toObject().value(QStringLiteral("started_at")).toString().toUtf8()),
                 csv.at(1).constData());
        QVERIFY2(csv.at(2).startsWith(listed.at(0).toObject().value(QStringLiteral("started_at")).toString().toUtf8()),
                 csv.at(2).constData());
        QVERIFY2(csv.at(1).contains(",3000,") && csv.at(2).contains(",4000,"), r.out.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--csv"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--backend"),
                     QStringLiteral("xgboost"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(json(r).array().isEmpty());

        r = opsdeck({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r).object().value(QStringLiteral("rows")).toInteger(), qint64(3000));
        QCOMPARE(json(r).object().value(QStringLiteral("features")).toInteger(), qint64(9));
        r = opsdeck({QStringLiteral("history"), QStringLiteral("show")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("scored      4,000 rows"), r.out.constData());

        // By default the run before the newest (A) against the newest (B).
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject rows;
        for (const QJsonValue &m : json(r).object().value(QStringLiteral("metrics")).toArray()) {
            if (m.toObject().value(QStringLiteral("metric")).toString() == u"rows")
                rows = m.toObject();
        }
        QCOMPARE(rows.value(QStringLiteral("a")).toDouble(), 3000.0);
        QCOMPARE(rows.value(QStringLiteral("b")).toDouble(), 4000.0);
        QCOMPARE(rows.value(QStringLiteral("difference")).toDouble(), 1000.0);
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("3"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Rows/s") && r.out.contains("+2,000") && r.out.contains("2.000×"), r.out.constData());

        // --max-regression: a copy of the newest run at half its throughput, a minute later, regressed.
        const QString history = opsdeck.data.filePath(QStringLiteral("opsdeck/opsdeck/bench-history.jsonl"));
        QFile file(history);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject newest = QJsonDocument::fromJson(file.readAll().trimmed().split('\n').constLast()).object();
        file.close();
        QJsonObject slower = newest;
        slower.insert(QStringLiteral("rows_per_s"), newest.value(QStringLiteral("rows_per_s")).toDouble() / 2);
        slower.insert(QStringLiteral("started_at"),
                      QDateTime::fromString(newest.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs)
                          .addSecs(60)
                          .toString(Qt::ISODateWithMs));
        QVERIFY(file.open(QIODevice::Append));
        file.write(QJsonDocument(slower).toJson(QJsonDocument::Compact) + '\n');
        file.close();
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("--max-regression"),
                     QStringLiteral("10")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("regressed beyond --max-regression 10 %: rows/s fell by 50.0 %"), r.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("--max-regression"),
                     QStringLiteral("60"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(json(r).object().value(QStringLiteral("regressions")).toArray().isEmpty());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("2"), QStringLiteral("1"),
                     QStringLiteral("--max-regression"), QStringLiteral("-1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--max-regression needs a percentage"), r.err.constData());

        // What is not there, exit 2 naming it.
        r = opsdeck({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no run '5': runs are numbered from 1, the newest, to 4"), r.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--last"), r.err.constData());

        // A damaged line is skipped and counted; the readable runs are listed.
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"backend\": \"cut\n");
        file.close();
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r).array().size(), 4);
        QVERIFY2(r.err.contains(QByteArray("1 damaged entries skipped in " + history.toUtf8())), r.err.constData());

        // remove: every number checked first (a typo removes nothing), then the runs go, the damaged line stays.
        r = opsdeck({QStringLiteral("history"), QStringLiteral("remove"), QStringLiteral("2"), QStringLiteral("9")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no run '9'"), r.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json(r).array().size(), 4);
        const QJsonArray before = json(r).array();
        r = opsdeck({QStringLiteral("history"), QStringLiteral("remove"), QStringLiteral("4"), QStringLiteral("1"),
                     QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QByteArray("removed 2 runs from " + history.toUtf8())), r.err.constData());
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray after = json(r).array();
        QCOMPARE(after.size(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(after.at(i).toObject().value(QStringLiteral("started_at")),
                     before.at(i + 1).toObject().value(QStringLiteral("started_at")));
        QVERIFY2(r.err.contains("1 damaged entries skipped"), r.err.constData());

        // A folder where the history should be: it cannot be read.
        QVERIFY(QFile::remove(history));
        QVERIFY(QDir().mkpath(history));
        r = opsdeck({QStringLiteral("history"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QByteArray(history.toUtf8() + ": cannot read")), r.err.constData());
    }

    void csvReportAppends()
    {
        const QString path = m_dir.filePath(QStringLiteral("runs.csv"));
        const QStringList args = {QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--report"), path};
        const Outcome first = bench(args);
        const Outcome second = bench(args);
        QVERIFY(first.exitCode == 0 || first.exitCode == 1);
        QVERIFY(second.exitCode == 0 || second.exitCode == 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith("started_at,backend,"));
        QVERIFY(lines.at(1).contains(",linear,"));
        QVERIFY(lines.at(2).contains(",linear,"));
        f.close();

        // A CSV file with other columns is refused before anything runs.
        const QString other = m_dir.filePath(QStringLiteral("other.csv"));
        QFile o(other);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write("a,b\n1,2\n");
        o.close();
        const Outcome refused = bench({QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--report"), other});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("the header differs"));
    }

    void reportPermissionsAreThoseOfTheFileAndFolder()
    {
        // An existing CSV report is appended in place, so a read-only folder does not stop it; a JSON report
        // (written beside and renamed) and a new CSV need the folder; a read-only CSV is refused before the
        // run. The checks are file permissions, which the superuser passes: as root, opsdeck runs without the
        // capabilities that override them (setpriv drops them from the bounding set, so the program's
        // permitted set lacks them), and permissions apply to it as the folder's owner.
        QStringList prefix;
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QSKIP("running as root without setpriv (util-linux): permissions cannot be checked");
            prefix = {setpriv, QStringLiteral("--bounding-set"), QStringLiteral("-dac_override,-dac_read_search"),
                      QStringLiteral("--")};
            const Opsdeck::Test::CliRun probe = Opsdeck::Test::runProgram(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral("true")});
            if (probe.exitCode != 0)
                QSKIP(qPrintable(QStringLiteral("setpriv cannot drop capabilities here: ") + QString::fromLocal8Bit(probe.err)));
        }
        const auto run = [&](const QString &report) {
            Outcome o;
            const QStringList args = {QStringLiteral("--batch"), QStringLiteral("bench"),  QStringLiteral("--rows"),
                                      QStringLiteral("2000"),   QStringLiteral("--warmup"), QStringLiteral("0"),
                                      QStringLiteral("--report"), report};
            static_cast<Opsdeck::Test::CliRun &>(o) =
                prefix.isEmpty() ? Opsdeck::Test::runProgram(Binary, args)
                                 : Opsdeck::Test::runProgram(prefix.first(), prefix.mid(1) + QStringList{Binary} + args);
            return o;
        };
        const QString folder = m_dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(folder));
        const QString csv = folder + QStringLiteral("/runs.csv");
        const Outcome first = run(csv);
        QVERIFY2(first.exitCode == 0 || first.exitCode == 1, first.err.constData());
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                                  | QFile::ReadOther | QFile::ExeOther));
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        });

        const Outcome appended = run(csv);
        QVERIFY2(appended.exitCode == 0 || appended.exitCode == 1, appended.err.constData());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 3);
        f.close();

        const Outcome json = run(folder + QStringLiteral("/run.json"));
        QCOMPARE(json.exitCode, 2);
        QVERIFY2(json.err.contains("run.json: cannot write: the folder ") && json.err.contains("is not writable"),
                 json.err.constData());
        const Outcome fresh = run(folder + QStringLiteral("/new.csv"));
        QCOMPARE(fresh.exitCode, 2);
        QVERIFY2(fresh.err.contains("new.csv: cannot write: the folder "), fresh.err.constData());
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/new.csv")));

        QVERIFY(QFile::setPermissions(csv, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const Outcome readOnly = run(csv);
        QCOMPARE(readOnly.exitCode, 2);
        QVERIFY2(readOnly.err.contains("runs.csv: cannot write: the file is read-only"), readOnly.err.constData());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 3);
    }

    void jsonReportFileCompareAndCapacity()
    {
        const QString path = m_dir.filePath(QStringLiteral("run.json"));
        const Outcome o = bench({QStringLiteral("--rows"), QStringLiteral("30000"), QStringLiteral("--batch-size"),
                                 QStringLiteral("1000"), QStringLiteral("--compare"), QStringLiteral("linear"),
                                 QStringLiteral("--capacity-rows"), QStringLiteral("1000000000"),
                                 QStringLiteral("--capacity-within"), QStringLiteral("15m"), QStringLiteral("--report"),
                                 path, QStringLiteral("--json")});
        const QJsonObject j = o.json();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object(), j);
        const QJsonObject compare = j.value(QStringLiteral("compare")).toObject();
        QCOMPARE(compare.value(QStringLiteral("backend")).toString(), QStringLiteral("linear"));
        QCOMPARE(compare.value(QStringLiteral("rows")).toInteger(), qint64(30000));
        QCOMPARE(compare.value(QStringLiteral("over_tolerance")).toInteger(), qint64(0));
        QCOMPARE(compare.value(QStringLiteral("max_abs_diff")).toDouble(), 0.0);
        const QJsonObject capacity = j.value(QStringLiteral("capacity")).toObject();
        const double rate = j.value(QStringLiteral("rows_per_s")).toDouble();
        QCOMPARE(capacity.value(QStringLiteral("rows")).toInteger(), qint64(1'000'000'000));
        QCOMPARE(capacity.value(QStringLiteral("within_s")).toDouble(), 900.0);
        QCOMPARE(capacity.value(QStringLiteral("rows_per_s_per_node")).toDouble(), rate);
        QCOMPARE(capacity.value(QStringLiteral("nodes")).toInteger(), qint64(std::ceil(1e9 / (rate * 900))));
    }
};

QTEST_GUILESS_MAIN(TestBenchCli)
#include "tst_benchcli.moc"
