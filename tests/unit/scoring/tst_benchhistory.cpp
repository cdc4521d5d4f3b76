// The run history on disk and its table model: the cheap summary listing, the offset an append really wrote
// at, one inserted row per append, reading on a thread of its own (with appends meanwhile), the size bound
// (compaction through QSaveFile, newest entries kept), damaged and unreadable files, started_at validation, the
// translated scenario labels; two runs compared side by side (the GUI's dialog and `history compare`).
#include "scoring/benchhistory.h"
#include "scoring/benchhistorymodel.h"
#include "scoring/runcomparison.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSet>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Opsdeck::Core;

namespace {

BenchReport sample(int i, int windows = 3)
{
    BenchReport r;
    r.startedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC).addSecs(i);
    r.backend = QStringLiteral("linear");
    r.backendSpec = QStringLiteral("linear");
    // Quotes, backslashes and brackets inside strings must not confuse the summary scan.
    r.model = QStringLiteral("m\"%1\\ {[}] ,").arg(i);
    r.scenario = i % 2 ? QStringLiteral("rate") : QStringLiteral("offline");
    r.input = QStringLiteral("synthetic");
    r.features = 8;
    r.batchSize = 100;
    r.threads = 1;
    r.rows = 1000 + i;
    r.batches = 10;
    r.durationS = 1;
    r.rowsPerS = 1000.5 + i;
    r.latency = {1.0, 1.5, 1.7, 2.0, 2.5, 3.0 + i, 1.1};
    r.latencyBuckets = {{1'000'000, 1'007'813, 10}};
    for (int w = 0; w < windows; ++w) {
        BenchWindow bw;
        bw.t = w + 1;
        bw.spanS = 1;
        bw.rows = 100;
        bw.batches = 1;
        bw.rowsPerS = 100 + w;
        bw.p50Ms = 1;
        bw.p99Ms = 2;
        r.windows.append(bw);
    }
    r.evaluate();
    return r;
}

QByteArray line(const BenchReport &r)
{
    return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestBenchHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("h%1/bench-history.jsonl").arg(++m_case));
    }

    void listReadsTheSummaryOfEachEntry()
    {
        BenchHistory h(m_path);
        QList<BenchReport> reports;
        for (int i = 0; i < 4; ++i) {
            reports.append(sample(i, 50 * i));
            QVERIFY(h.append(reports.last()));
        }
        const QList<BenchHistoryEntry> entries = h.list();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(h.skippedLines(), 0);
        QVERIFY(h.readError().isEmpty());
        for (int i = 0; i < 4; ++i) {
            const BenchHistoryEntry expected = BenchHistory::summaryOf(reports.at(i));
            const BenchHistoryEntry &e = entries.at(i);
            QCOMPARE(e.startedAt, expected.startedAt);
            QCOMPARE(e.backend, expected.backend);
            QCOMPARE(e.model, expected.model);
            QCOMPARE(e.scenario, expected.scenario);
            QCOMPARE(e.rows, expected.rows);
            QCOMPARE(e.rowsPerS, expected.rowsPerS);
            QCOMPARE(e.p99Ms, expected.p99Ms);
            QCOMPARE(e.verdict, expected.verdict);
            auto loaded = h.load(e.id);
            QVERIFY(loaded);
            QCOMPARE(loaded->toJson(), reports.at(i).toJson());
        }
    }

    void appendReturnsTheOffsetItWroteAt()
    {
        BenchHistory h(m_path);
        auto first = h.append(sample(0));
        QVERIFY(first);
        QCOMPARE(first->id, qint64(0));
        QVERIFY(!first->compacted);
        // Another writer (another Opsdeck) appended meanwhile, and left its last line without a newline.
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::Append));
            f.write(line(sample(1)));
            f.write("{\"backend\": \"half");
        }
        const qint64 sizeBefore = QFileInfo(m_path).size();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry")));
        auto second = h.append(sample(2));
        QVERIFY(second);
        QCOMPARE(second->id, sizeBefore + 1); // after the newline that ends the half line
        auto loaded = h.load(second->id);
        QVERIFY(loaded);
        QCOMPARE(loaded->startedAt, sample(2).startedAt);
        QCOMPARE(h.list().last().id, second->id);
    }

    void modelInsertsTheNewRowWithoutAReset()
    {
        BenchHistoryModel model(m_path);
        QVERIFY(model.append(sample(0)));
        QVERIFY(model.append(sample(1)));
        // Another instance appends too: the model does not see it until reload().
        BenchHistory other(m_path);
        auto theirs = other.append(sample(2));
        QVERIFY(theirs);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        auto id = model.append(sample(3));
        QVERIFY(id);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(*id), 0);
        QCOMPARE(model.entry(0).startedAt, sample(3).startedAt);
        QCOMPARE(model.index(0, BenchHistoryModel::StartedColumn).data(BenchHistoryModel::IdRole).toLongLong(), *id);
        auto report = model.report(0);
        QVERIFY(report);
        QCOMPARE(report->startedAt, sample(3).startedAt);
        model.reload();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(theirs->id), 1);
        QCOMPARE(model.rowOf(*id), 0);
    }

    void missingFiguresShowAsADash()
    {
        // A report without a figure (null in its JSON; a full read gives NaN) is listed, and the table shows a dash
        // for it, not "nan".
        QJsonObject o = sample(0).toJson();
        o.insert(QStringLiteral("rows_per_s"), QJsonValue::Null);
        QJsonObject latency = o.value(QStringLiteral("latency_ms")).toObject();
        latency.insert(QStringLiteral("p99"), QJsonValue::Null);
        o.insert(QStringLiteral("latency_ms"), latency);
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        f.close();
        BenchHistoryModel model(m_path);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, BenchHistoryModel::RowsPerSColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(0, BenchHistoryModel::RowsPerSColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("–"));
        QCOMPARE(model.index(0, BenchHistoryModel::P99Column).data().toString(), QStringLiteral("–"));
    }

    void historyIsBoundedKeepingTheNewest()
    {
        const qint64 one = line(sample(0)).size();
        BenchHistory h(m_path);
        h.setMaxBytes(one * 4 + one / 2);
        bool compacted = false;
        for (int i = 0; i < 20; ++i) {
            auto appended = h.append(sample(i));
            QVERIFY(appended);
            compacted = compacted || appended->compacted;
            QVERIFY2(QFileInfo(m_path).size() <= h.maxBytes(), qPrintable(QString::number(i)));
            auto loaded = h.load(appended->id);
            QVERIFY(loaded);
            QCOMPARE(loaded->startedAt, sample(i).startedAt);
        }
        QVERIFY(compacted);
        const QList<BenchHistoryEntry> entries = h.list();
        QVERIFY(entries.size() >= 3 && entries.size() <= 4);
        QCOMPARE(h.skippedLines(), 0);
        for (int k = 0; k < entries.size(); ++k)
            QCOMPARE(entries.at(k).startedAt, sample(20 - int(entries.size()) + k).startedAt);
        // Nothing left beside the file but its lock (QSaveFile's temporary file is gone).
        const QStringList files = QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList({QStringLiteral("bench-history.jsonl")}));

        // One entry bigger than the bound on its own is kept, alone.
        h.setMaxBytes(one / 2);
        auto big = h.append(sample(99, 200));
        QVERIFY(big);
        QVERIFY(big->compacted);
        QCOMPARE(big->id, qint64(0));
        QCOMPARE(h.list().size(), 1);
        QCOMPARE(h.list().first().startedAt, sample(99).startedAt);
    }

    // The GUI reads the history on a thread of its own: the rows are those reload() reads, the damaged lines are
    // counted the same, and rows appended while the file is read show up exactly once, whether the read reached
    // their line or not.
    void backgroundReadEqualsReload()
    {
        {
            BenchHistory h(m_path);
            for (int i = 0; i < 40; ++i)
                QVERIFY(h.append(sample(i)));
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("not json\n");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry")));
        const BenchHistoryModel now(m_path);
        QCOMPARE(now.rowCount(), 40);
        QCOMPARE(now.skippedLines(), 1);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry")));
        BenchHistoryModel later(m_path, BenchHistoryModel::Read::Later);
        QCOMPARE(later.rowCount(), 0);
        QVERIFY(!later.isReading());
        QSignalSpy reading(&later, &BenchHistoryModel::reading);
        QSignalSpy reset(&later, &QAbstractItemModel::modelReset);
        later.reloadInBackground();
        QVERIFY(later.isReading());
        QCOMPARE(reading.size(), 1);
        QCOMPARE(reading.at(0).at(0).toBool(), true);
        QCOMPARE(later.rowCount(), 0); // nothing changes until the read is done
        QTRY_VERIFY(!later.isReading());
        QCOMPARE(reading.size(), 2);
        QCOMPARE(reading.at(1).at(0).toBool(), false);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(later.rowCount(), now.rowCount());
        for (int row = 0; row < now.rowCount(); ++row)
            QCOMPARE(later.entry(row).id, now.entry(row).id);
        QCOMPARE(later.skippedLines(), 1);
        QVERIFY(later.readError().isEmpty());
    }

    void appendsDuringABackgroundReadShowOnce()
    {
        {
            BenchHistory h(m_path);
            for (int i = 0; i < 2000; ++i)
                QVERIFY(h.append(sample(i, 1)));
        }
        BenchHistoryModel model(m_path, BenchHistoryModel::Read::Later);
        for (int round = 0; round < 3; ++round) {
            const int before = int(BenchHistory(m_path).list().size());
            model.reloadInBackground();
            // Round 0 appends while the file is being read (the read may or may not reach the new line); the
            // others once the read is over but not yet delivered (it cannot have the line).
            if (round > 0)
                QThread::msleep(300);
            const BenchReport newest = sample(5000 + round, 1);
            auto id = model.append(newest);
            QVERIFY(id);
            QCOMPARE(model.entry(0).id, *id);
            QTRY_VERIFY(!model.isReading());
            QCOMPARE(model.rowCount(), before + 1);
            QCOMPARE(model.entry(0).id, *id);
            QCOMPARE(model.entry(0).startedAt, newest.startedAt);
            QVERIFY(model.entry(1).id < *id);
        }
    }

    void readsAreDiscardedOrRepeatedAsNeeded()
    {
        {
            BenchHistory h(m_path);
            for (int i = 0; i < 500; ++i)
                QVERIFY(h.append(sample(i, 1)));
        }
        {
            // A reload() while a read runs: the read, older, is dropped when it ends.
            BenchHistoryModel model(m_path, BenchHistoryModel::Read::Later);
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
            model.reloadInBackground();
            model.reload();
            QCOMPARE(model.rowCount(), 500);
            QCOMPARE(reset.size(), 1);
            QTRY_VERIFY(!model.isReading());
            QCOMPARE(reset.size(), 1);
            QCOMPARE(model.rowCount(), 500);
        }
        {
            // Asked again while a read runs: one more read follows, which sees what another process added.
            BenchHistoryModel model(m_path, BenchHistoryModel::Read::Later);
            model.reloadInBackground();
            BenchHistory other(m_path);
            QVERIFY(other.append(sample(900, 1)));
            model.reloadInBackground();
            QTRY_VERIFY(!model.isReading());
            QCOMPARE(model.rowCount(), 501);
            QCOMPARE(model.entry(0).startedAt, sample(900).startedAt);
        }
        // Destroyed while reading: it waits for the thread (under ASan, nothing is touched after it is gone).
        for (int i = 0; i < 5; ++i) {
            auto model = std::make_unique<BenchHistoryModel>(m_path, BenchHistoryModel::Read::Later);
            model->reloadInBackground();
            model.reset();
        }
        QTest::qWait(50);
    }

    void modelFollowsACompaction()
    {
        const qint64 one = line(sample(0)).size();
        BenchHistoryModel model(m_path);
        model.history().setMaxBytes(one * 3);
        for (int i = 0; i < 6; ++i)
            QVERIFY(model.append(sample(i)));
        const QList<BenchHistoryEntry> onDisk = BenchHistory(m_path).list();
        QCOMPARE(model.rowCount(), onDisk.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.entry(row).id, onDisk.at(onDisk.size() - 1 - row).id);
            auto report = model.report(row);
            QVERIFY(report);
            QCOMPARE(report->startedAt, model.entry(row).startedAt);
        }
        QCOMPARE(model.entry(0).startedAt, sample(5).startedAt);
    }

    void anotherProcessCompactingNeverYieldsTheWrongRun()
    {
        BenchHistoryModel model(m_path);
        for (int i = 0; i < 5; ++i)
            QVERIFY(model.append(sample(i)));
        // Another Opsdeck with a small bound drops old entries: the offsets the model holds point elsewhere.
        BenchHistory other(m_path);
        other.setMaxBytes(line(sample(0)).size() * 2);
        QVERIFY(other.append(sample(10)));
        for (int row = 0; row < model.rowCount(); ++row) {
            auto report = model.report(row);
            if (report)
                QCOMPARE(report->startedAt, model.entry(row).startedAt);
            else
                QVERIFY2(report.error().message.contains(m_path), qPrintable(report.error().message));
        }
    }

    // Deleting runs rewrites the file without their lines and nothing else (a damaged line stays as it was); an
    // entry that is not at its offset any more is refused and nothing is deleted.
    void deletingRunsKeepsEveryOtherLine()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        const QByteArray damaged = "{\"backend\":\"x\"}\n";
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line(sample(0)) + line(sample(1)) + damaged + line(sample(2)) + line(sample(3)));
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry: ")));
        BenchHistoryModel model(m_path);
        QCOMPARE(model.rowCount(), 4);   // newest first: 3, 2, 1, 0
        QCOMPARE(model.entry(1).startedAt, sample(2).startedAt);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry: ")));
        QVERIFY(model.removeEntries({1, 3}));   // runs 2 and 0
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), line(sample(1)) + damaged + line(sample(3)));
        f.close();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(0).startedAt, sample(3).startedAt);
        QCOMPARE(model.entry(1).startedAt, sample(1).startedAt);
        auto loaded = model.report(1);   // the ids were read again
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->model, sample(1).model);

        // Another process changed the file since it was listed: refused, the file as it was.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped a corrupt history entry: ")));
        BenchHistory h(m_path);
        QList<BenchHistoryEntry> stale = h.list();
        QCOMPARE(stale.size(), 2);
        stale[0].startedAt = stale[0].startedAt.addSecs(1);
        BenchHistoryEntry nowhere = stale[1];
        nowhere.id += 3;
        for (const QList<BenchHistoryEntry> &entries : {QList{stale[0]}, QList{stale[1], nowhere}}) {
            auto removed = h.remove(entries);
            QVERIFY(!removed);
            QVERIFY2(removed.error().message.startsWith(m_path + u": cannot delete runs: the history changed"),
                     qPrintable(removed.error().message));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), line(sample(1)) + damaged + line(sample(3)));
            f.close();
        }
        QVERIFY(h.remove({}));   // nothing to do
    }

    // A watching model reads the file again when another writer changes it, and not for its own appends.
    void watchingFollowsOtherWriters()
    {
        BenchHistoryModel model(m_path);
        model.setWatching(true);
        QVERIFY(model.isWatching());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.append(sample(0)));
        QTest::qWait(1000);   // the watcher's notice and the settling delay have passed
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 1);

        BenchHistory other(m_path);   // another process, as far as the model can tell
        QVERIFY(other.append(sample(1)));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        QCOMPARE(model.entry(0).startedAt, sample(1).startedAt);
        // A replaced file (a deletion elsewhere) is followed too.
        QVERIFY(other.remove({other.list().constFirst()}));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QCOMPARE(model.entry(0).startedAt, sample(1).startedAt);
        QVERIFY(other.append(sample(2)));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);

        // Another writer's run landing just before the model's own append (before the watcher said so) is
        // not taken for the model's own change.
        QTest::qWait(1000);
        QVERIFY(other.append(sample(3)));
        QVERIFY(model.append(sample(4)));
        QCOMPARE(model.rowCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 10000);
        QCOMPARE(model.entry(0).startedAt, sample(4).startedAt);
        QCOMPARE(model.entry(1).startedAt, sample(3).startedAt);

        model.setWatching(false);
        QVERIFY(other.append(sample(5)));
        QTest::qWait(1000);
        QCOMPARE(model.rowCount(), 4);
    }

    void damagedEntriesAreCountedAndStartedAtIsChecked()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QJsonObject noDate = sample(1).toJson();
        noDate.insert(QStringLiteral("started_at"), QStringLiteral("yesterday"));
        QJsonObject noRows = sample(2).toJson();
        noRows.remove(QStringLiteral("rows"));
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line(sample(0)));
            f.write(QJsonDocument(noDate).toJson(QJsonDocument::Compact) + '\n');
            f.write(QJsonDocument(noRows).toJson(QJsonDocument::Compact) + '\n');
            f.write("{\"backend\":\"x\",\"windows\":[{\"t\":1]}\n"); // brackets that do not match
            f.write("[1,2]\n");
            f.write(line(sample(3)));
        }
        for (int i = 0; i < 4; ++i)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("skipped a corrupt history entry: ")));
        BenchHistory h(m_path);
        const QList<BenchHistoryEntry> entries = h.list();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(h.skippedLines(), 4);
        QCOMPARE(entries.at(1).startedAt, sample(3).startedAt);
        // load() refuses the entry without a date too.
        const qint64 noDateOffset = line(sample(0)).size();
        auto loaded = h.load(noDateOffset);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(u"started_at"), qPrintable(loaded.error().message));
        // And append() refuses to write one.
        BenchReport undated = sample(4);
        undated.startedAt = {};
        auto appended = h.append(undated);
        QVERIFY(!appended);
        QVERIFY2(appended.error().message.contains(m_path), qPrintable(appended.error().message));
    }

    void listedEntriesAlwaysLoad()
    {
        // Lines the summary scan once listed although load() refused them (found by fuzzing), then byte flips and
        // cuts of a valid line: whatever list() lists must load(), whatever it does not list is counted.
        const QByteArray valid = line(sample(5)).trimmed();
        auto replaced = [&](const QByteArray &from, const QByteArray &to) {
            QByteArray l = valid;
            const qsizetype at = l.indexOf(from);
            return at < 0 ? QByteArray() : l.replace(at, from.size(), to);
        };
        const QList<QByteArray> refused = {
            valid.chopped(1) + ",\"x\":tru}",
            valid.chopped(1) + ",\"x\":nul}",
            valid.chopped(1) + ",\"x\":1e}",
            valid.chopped(1) + ",\"x\":[1,]}",
            replaced("\"verdict\":\"INVALID\"", "\"verdict\":\"MAYBE\""),
            replaced("\"features\":8,", ""),
            replaced("\"features\":8,", "\"features\":8.5,"),
            replaced("\"input\":\"synthetic\"", "\"input\":\"synth\xC3\x28tic\""),
            replaced("\"input\":\"synthetic\"", "\"input\":\"synth\xED\xA0\x80tic\""),
            replaced("\"input\":\"synthetic\"", "\"input\" \"synthetic\""),
            replaced("\"input\":\"synthetic\",", "\"input\":\"synthetic\""),
            replaced("\"input\":\"synthetic\"", "\"input\":\"\\u12\""),
            replaced("\"span_s\":1,", "\"span_s\":\"1\","),
            replaced("\"p99_ms\":2,", ""),
            replaced("\"windows\":[{", "\"windows\":[7,{"),
            replaced("[[1,1.007813,10]]", "[[\"a\",\"b\",7]]"),
            replaced("[[1,1.007813,10]]", "[[1,1,7]]"),
            replaced("\"seed\":\"0\"", "\"seed\":\"not-a-number\""),
            // Repeated keys: the last one counts, as in QJsonObject.
            replaced("\"rows\":1005,", "\"rows\":1005,\"ro\\ws\":\"x\","),
            replaced("\"windows\":[{", "\"windows\":[],\"windows\":[{},{"),
        };
        // Leniencies of QJsonDocument that load() accepts and so list() must too.
        const QList<QByteArray> accepted = {
            valid,
            "\xEF\xBB\xBF" + valid,
            replaced("\"input\":\"synthetic\"", "\"input\":\"s\\ynthetic\\uD800\""),
            replaced("\"rows\":1005,", "\"rows\":\"x\",\"r\\u006fws\":1005,"),
            replaced("\"windows\":[{", "\"windows\":[7],\"windows\":[{"),
            replaced("\"duration_s\":1,", QByteArray("\"duration_s\":1.,\"x\":[.5,-0,1.e2],\"y\":") +
                                              QByteArray(1000, '[') + QByteArray(1000, ']') + ','),
        };
        QList<QByteArray> lines = refused + accepted;
        for (const QByteArray &l : std::as_const(lines))
            QVERIFY2(!l.isEmpty(), "a replacement did not match the sample line");
        // Deterministic damage: a byte changed at every 7th position, the line cut at every 13th.
        const QByteArray bytes("\"{}[],:0-.eE\\ \x80\xC3\xFFtn");
        for (qsizetype at = 0; at < valid.size(); at += 7) {
            QByteArray l = valid;
            l[at] = bytes.at(at % bytes.size());
            lines.append(l);
        }
        for (qsizetype at = 1; at < valid.size(); at += 13)
            lines.append(valid.left(at) + '}');

        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QList<qint64> offsets;
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (const QByteArray &l : std::as_const(lines)) {
                offsets.append(f.pos());
                f.write(l + '\n');
            }
        }
        // Hundreds of skipped lines, each with its warning.
        QLoggingCategory::setFilterRules(QStringLiteral("opsdeck.scoring.warning=false"));
        BenchHistory h(m_path);
        const QList<BenchHistoryEntry> entries = h.list();
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(entries.size() + h.skippedLines(), lines.size());
        QSet<qint64> listed;
        for (const BenchHistoryEntry &e : entries) {
            listed.insert(e.id);
            const int index = int(offsets.indexOf(e.id));
            auto loaded = h.load(e.id);
            QVERIFY2(loaded, qPrintable(QStringLiteral("line %1 listed but not loaded: %2\n%3")
                                            .arg(index + 1)
                                            .arg(loaded ? QString() : loaded.error().message,
                                                 QString::fromUtf8(lines.at(index)))));
            QCOMPARE(e.startedAt, loaded->startedAt);
            QCOMPARE(e.model, loaded->model);
            QCOMPARE(e.rows, loaded->rows);
            QCOMPARE(e.verdict, loaded->verdict);
        }
        for (qsizetype k = 0; k < refused.size(); ++k)
            QVERIFY2(!listed.contains(offsets.at(k)), refused.at(k).constData());
        for (qsizetype k = 0; k < accepted.size(); ++k) {
            const qint64 offset = offsets.at(refused.size() + k);
            QVERIFY2(listed.contains(offset), accepted.at(k).left(200).constData());
            QVERIFY(h.load(offset));
        }
    }

    void unreadableFileIsReported()
    {
        // A folder where the file should be: it exists but cannot be read as a history.
        QVERIFY(QDir().mkpath(m_path));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read")));
        BenchHistory h(m_path);
        QVERIFY(h.list().isEmpty());
        QVERIFY2(h.readError().startsWith(m_path + u": cannot read: "), qPrintable(h.readError()));
        // A missing file is an empty history, not an error.
        BenchHistory missing(m_dir.filePath(QStringLiteral("none/bench-history.jsonl")));
        QVERIFY(missing.list().isEmpty());
        QVERIFY(missing.readError().isEmpty());
    }

    void scenarioLabelsAreTranslatedNames()
    {
        QCOMPARE(scenarioLabel(QStringLiteral("offline")), QStringLiteral("Offline"));
        QCOMPARE(scenarioLabel(QStringLiteral("concurrency")), QStringLiteral("Concurrency"));
        QCOMPARE(scenarioLabel(QStringLiteral("rate")), QStringLiteral("Rate"));
        QCOMPARE(scenarioLabel(QStringLiteral("future")), QStringLiteral("future"));
        BenchHistoryModel model(m_path);
        QVERIFY(model.append(sample(1)));
        QCOMPARE(model.index(0, BenchHistoryModel::ScenarioColumn).data().toString(), QStringLiteral("Rate"));

        // With their load (the runs of a sweep differ only in it), sorted by it as a number.
        QCOMPARE(scenarioLabel(QStringLiteral("concurrency"), 8), QStringLiteral("Concurrency 8"));
        QCOMPARE(scenarioLabel(QStringLiteral("rate"), 400), QStringLiteral("Rate 400/s"));
        QCOMPARE(scenarioLabel(QStringLiteral("offline"), 0), QStringLiteral("Offline"));
        for (int concurrency : {4, 16}) {   // the model lists the last appended first
            BenchReport r = sample(2 + concurrency);
            r.scenario = QStringLiteral("concurrency");
            r.concurrency = concurrency;
            QCOMPARE(BenchHistory::summaryOf(r).load, double(concurrency));
            QVERIFY(model.append(r));
        }
        QCOMPARE(model.index(0, BenchHistoryModel::ScenarioColumn).data().toString(), QStringLiteral("Concurrency 16"));
        QCOMPARE(model.index(1, BenchHistoryModel::ScenarioColumn).data().toString(), QStringLiteral("Concurrency 4"));
        QVERIFY(model.index(1, BenchHistoryModel::ScenarioColumn).data(BenchHistoryModel::SortRole).toString() <
                model.index(0, BenchHistoryModel::ScenarioColumn).data(BenchHistoryModel::SortRole).toString());
    }

    // Every metric in its row, numbers with B − A and B / A, which direction is better, the JSON as the reports
    // have the values; numbers written in the locale given.
    void comparisonOfTwoRuns()
    {
        const BenchReport a = sample(0);   // offline, 1,000 rows at 1,000.5 rows/s, max 3 ms
        BenchReport b = sample(3);         // rate, 1,003 rows at 1,003.5 rows/s, max 6 ms, 3 s later
        b.reasons = QStringList{QStringLiteral("one"), QStringLiteral("two")};
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::DefaultNumberOptions);
        const RunComparison comparison(a, b, c);
        QCOMPARE(comparison.rows().size(), qsizetype(RunMetric::Count));
        for (qsizetype i = 0; i < comparison.rows().size(); ++i)
            QCOMPARE(int(comparison.rows().at(i).metric), int(i));

        const RunComparisonRow &rate = comparison.row(RunMetric::RowsPerS);
        QVERIFY(rate.numeric);
        QCOMPARE(*rate.firstValue, 1000.5);
        QCOMPARE(*rate.secondValue, 1003.5);
        QCOMPARE(*rate.differenceValue, 3.0);
        QCOMPARE(*rate.ratioValue, 1003.5 / 1000.5);
        QCOMPARE(rate.difference, QStringLiteral("+3"));
        QCOMPARE(rate.ratio, QStringLiteral("1.003×"));
        QCOMPARE(rate.judgement(), 1);                                  // more rows/s: better
        QCOMPARE(comparison.row(RunMetric::Max).judgement(), -1);       // more latency: worse
        QCOMPARE(comparison.row(RunMetric::Max).difference, QStringLiteral("+3.00"));
        QCOMPARE(comparison.row(RunMetric::Rows).judgement(), 0);       // a size, neither
        QCOMPARE(comparison.row(RunMetric::P50).judgement(), 0);        // the same
        const RunComparisonRow &errors = comparison.row(RunMetric::Errors);
        QVERIFY(!errors.ratioValue);                                    // 0 → 0: no ratio
        QCOMPARE(errors.ratio, QStringLiteral("–"));
        QCOMPARE(comparison.row(RunMetric::Backend).difference, QStringLiteral("same"));
        QCOMPARE(comparison.row(RunMetric::Scenario).difference, QStringLiteral("differs"));
        QCOMPARE(comparison.row(RunMetric::Scenario).first, QStringLiteral("offline"));
        QCOMPARE(comparison.row(RunMetric::Started).difference, QStringLiteral("3 s later"));
        QCOMPARE(RunComparison(b, a, c).row(RunMetric::Started).difference, QStringLiteral("3 s earlier"));
        QCOMPARE(RunComparison(a, b, QLocale(QLocale::German, QLocale::Germany)).row(RunMetric::Rows).second,
                 QStringLiteral("1.003"));

        const QJsonArray metrics = comparison.toJson().value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), qsizetype(RunMetric::Count));
        auto metric = [&metrics](RunMetric m) { return metrics.at(qsizetype(m)).toObject(); };
        QCOMPARE(metric(RunMetric::RowsPerS).value(QStringLiteral("metric")).toString(), QStringLiteral("rows_per_s"));
        QCOMPARE(metric(RunMetric::RowsPerS).value(QStringLiteral("b")).toDouble(), 1003.5);
        QCOMPARE(metric(RunMetric::RowsPerS).value(QStringLiteral("difference")).toDouble(), 3.0);
        QCOMPARE(metric(RunMetric::RowsPerS).value(QStringLiteral("ratio")).toDouble(), 1003.5 / 1000.5);
        QVERIFY(metric(RunMetric::Errors).value(QStringLiteral("ratio")).isNull());
        QCOMPARE(metric(RunMetric::Started).value(QStringLiteral("a")).toString(),
                 QStringLiteral("2024-05-01T12:00:00.000Z"));
        QCOMPARE(metric(RunMetric::Started).value(QStringLiteral("difference")).toDouble(), 3.0);
        QCOMPARE(metric(RunMetric::Scenario).value(QStringLiteral("a")).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("offline")}}));
        QCOMPARE(metric(RunMetric::Scenario).value(QStringLiteral("b")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("rate")));
        QCOMPARE(metric(RunMetric::Scenario).value(QStringLiteral("difference")).toString(), QStringLiteral("differs"));
        QCOMPARE(metric(RunMetric::Reasons).value(QStringLiteral("b")).toArray(),
                 QJsonArray::fromStringList(b.reasons));
        QCOMPARE(metric(RunMetric::Verdict).value(QStringLiteral("difference")).toString(), QStringLiteral("same"));
    }

    // --max-regression: rows/s down or p99 up by more than the percentage given, said with the figures.
    void regressionsBeyondAPercentage()
    {
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::DefaultNumberOptions);
        const BenchReport a = sample(0);   // 1,000.5 rows/s, p99 2 ms
        BenchReport b = sample(3);         // 1,003.5 rows/s
        QVERIFY(RunComparison(a, b, c).regressions(0).isEmpty());
        QCOMPARE(RunComparison(b, a, c).regressions(0.2),
                 QStringList{QStringLiteral("rows/s fell by 0.3 % (1,004 → 1,001)")});
        QVERIFY(RunComparison(b, a, c).regressions(0.3).isEmpty());
        b.latency.p99 = 3.0;
        QCOMPARE(RunComparison(a, b, c).regressions(10),
                 QStringList{QStringLiteral("p99 latency rose by 50.0 % (2.00 ms → 3.00 ms)")});
        QVERIFY(RunComparison(a, b, c).regressions(50).isEmpty());
        BenchReport zero = a;
        zero.latency.p99 = 0;
        zero.rowsPerS = 0;   // no throughput to fall from
        QCOMPARE(RunComparison(zero, b, c).regressions(1000),
                 QStringList{QStringLiteral("p99 latency rose from 0 (0.000 ms → 3.00 ms)")});
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_case = 0;
};

QTEST_GUILESS_MAIN(TestBenchHistory)
#include "tst_benchhistory.moc"
