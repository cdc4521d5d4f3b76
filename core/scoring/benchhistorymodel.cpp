#include "benchhistorymodel.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QLocale>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace Opsdeck::Core {

namespace {

struct ModelText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BenchHistoryModel)
};

// A figure a report did not have (null in its JSON, read as NaN).
const QString noFigure = QStringLiteral("–");

QString milliseconds(double v)
{
    if (std::isnan(v))
        return noFigure;
    return QLocale().toString(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3);
}

} // namespace

QString compactCount(double v)
{
    // Three significant digits with an SI prefix from 10,000 up ("12.3 k", "825 M"); the exact figure is the
    // cell's tooltip and its sort key.
    static constexpr struct
    {
        double scale;
        const char *prefix;
    } steps[] = {{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    if (std::isnan(v))
        return noFigure;
    const QLocale locale;
    if (!(std::abs(v) >= 1e4))
        return locale.toString(v, 'f', 0);
    for (const auto &step : steps) {
        if (std::abs(v) < step.scale)
            continue;
        const double scaled = v / step.scale;
        const double magnitude = std::abs(scaled);
        return locale.toString(scaled, 'f', magnitude >= 99.95 ? 0 : magnitude >= 9.995 ? 1 : 2) + u' ' +
               QLatin1StringView(step.prefix);
    }
    return locale.toString(v, 'f', 0);
}

QString scenarioLabel(const QString &scenario)
{
    if (scenario == u"offline")
        return ModelText::tr("Offline");
    if (scenario == u"concurrency")
        return ModelText::tr("Concurrency");
    if (scenario == u"rate")
        return ModelText::tr("Rate");
    return scenario;
}

QString scenarioLabel(const QString &scenario, double load)
{
    if (load <= 0)
        return scenarioLabel(scenario);
    const QString level = QLocale().toString(load, 'g', 12);
    if (scenario == u"concurrency")
        return ModelText::tr("Concurrency %1").arg(level);
    if (scenario == u"rate")
        return ModelText::tr("Rate %1/s").arg(level);
    return scenarioLabel(scenario);
}

struct BenchHistoryModel::ReadResult
{
    QList<BenchHistoryEntry> entries; // file order
    int skipped = 0;
    QString readError;
};

BenchHistoryModel::BenchHistoryModel(QString path, QObject *parent)
    : BenchHistoryModel(std::move(path), Read::Now, parent)
{
}

BenchHistoryModel::BenchHistoryModel(QString path, Read read, QObject *parent)
    : QAbstractTableModel(parent), m_history(std::move(path))
{
    if (read == Read::Now)
        reload();
}

BenchHistoryModel::~BenchHistoryModel()
{
    if (m_reader) {
        m_reader->wait();
        delete m_reader;
    }
}

void BenchHistoryModel::reload()
{
    ++m_generation; // a background read still running is discarded when it ends
    m_appendedDuringRead.clear();
    m_readAgain = false;
    m_stamp = stampNow();
    QList<BenchHistoryEntry> entries = m_history.list();
    setRows(std::move(entries), m_history.skippedLines(), m_history.readError());
}

void BenchHistoryModel::setRows(QList<BenchHistoryEntry> fileOrder, int skipped, QString readError)
{
    beginResetModel();
    m_entries = std::move(fileOrder);
    std::reverse(m_entries.begin(), m_entries.end());
    m_skipped = skipped;
    m_readError = std::move(readError);
    endResetModel();
}

void BenchHistoryModel::reloadInBackground()
{
    if (m_reader) {
        m_readAgain = true;
        return;
    }
    const quint64 generation = ++m_generation;
    m_appendedDuringRead.clear();
    m_stamp = stampNow();   // a change while the read runs is noticed again afterwards
    // The thread reads with its own BenchHistory (not thread-safe) and touches nothing of the model's.
    auto result = std::make_shared<ReadResult>();
    m_reader = QThread::create([path = m_history.path(), result] {
        const BenchHistory history(path);
        result->entries = history.list();
        result->skipped = history.skippedLines();
        result->readError = history.readError();
    });
    m_reader->setObjectName(QStringLiteral("history reader"));
    connect(
        m_reader, &QThread::finished, this, [this, generation, result] { finishBackgroundRead(generation, *result); },
        Qt::QueuedConnection);
    m_reader->start();
    Q_EMIT reading(true);
}

void BenchHistoryModel::finishBackgroundRead(quint64 generation, ReadResult &result)
{
    m_reader->wait();
    delete m_reader;
    m_reader = nullptr;
    if (generation == m_generation) {
        // Rows append()ed while the file was read, that the read did not reach: the newest. The read's ids are
        // line offsets in file order (ascending), and no compaction happened meanwhile (it would have reloaded).
        QList<BenchHistoryEntry> entries = std::move(result.entries);
        const auto byId = [](const BenchHistoryEntry &a, const BenchHistoryEntry &b) { return a.id < b.id; };
        const qsizetype read = entries.size();
        for (auto it = m_appendedDuringRead.crbegin(); it != m_appendedDuringRead.crend(); ++it) {
            if (!std::binary_search(entries.cbegin(), entries.cbegin() + read, *it, byId))
                entries.append(*it);
        }
        setRows(std::move(entries), result.skipped, std::move(result.readError));
    }
    m_appendedDuringRead.clear();
    if (std::exchange(m_readAgain, false)) {
        reloadInBackground();
        return;
    }
    Q_EMIT reading(false);
}

Result<qint64> BenchHistoryModel::append(const BenchReport &report)
{
    auto appended = m_history.append(report);
    if (!appended)
        return tl::unexpected(appended.error());
    if (appended->compacted) {
        // Every offset changed: read the (bounded) file again.
        reload();
        return appended->id;
    }
    // One new row instead of reading the whole file again. Another writer's line just before ours (after the
    // model last looked) or just after it would then go unseen, its change taken for ours: the sizes tell, and
    // a watching model reads the file again; otherwise such entries show up on the next reload().
    const bool nothingBefore = (m_stamp.exists ? m_stamp.size : 0) == appended->sizeBefore;
    m_stamp = stampNow();
    if (!nothingBefore || m_stamp.size != appended->sizeAfter) {
        m_stamp = FileStamp{};   // unknown: the next settled change (or the one now) reads the file
        if (m_settle)
            m_settle->start();
    }
    BenchHistoryEntry entry = BenchHistory::summaryOf(report);
    entry.id = appended->id;
    if (m_reader)
        m_appendedDuringRead.prepend(entry);
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    return appended->id;
}

int BenchHistoryModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

Result<BenchReport> BenchHistoryModel::report(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return fail(ErrorKind::Failed, ModelText::tr("%1: no run in row %2").arg(m_history.path()).arg(row));
    const BenchHistoryEntry &entry = m_entries.at(row);
    auto report = m_history.load(entry.id);
    if (report && (report->startedAt != entry.startedAt || report->backend != entry.backend))
        return fail(ErrorKind::Failed, ModelText::tr("%1: the history changed on disk since it was read; "
                                                     "refresh the page (F5)")
                                           .arg(m_history.path()));
    return report;
}

void BenchHistoryModel::setWatching(bool on)
{
    if (on == isWatching())
        return;
    if (!on) {
        delete std::exchange(m_watcher, nullptr);
        delete std::exchange(m_settle, nullptr);
        return;
    }
    QDir().mkpath(QFileInfo(m_history.path()).absolutePath());
    m_watcher = new QFileSystemWatcher(this);
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);
    const auto changed = [this] {
        watchPaths();   // a file replaced (a compaction, a deletion) is watched again
        m_settle->start();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (stampNow() != m_stamp)
            reloadInBackground();
    });
    watchPaths();
}

void BenchHistoryModel::watchPaths()
{
    const QString file = m_history.path();
    const QString folder = QFileInfo(file).absolutePath();
    if (QFileInfo::exists(folder) && !m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (QFileInfo::exists(file) && !m_watcher->files().contains(file))
        m_watcher->addPath(file);
}

BenchHistoryModel::FileStamp BenchHistoryModel::stampNow() const
{
    const QFileInfo info(m_history.path());
    return info.exists() ? FileStamp{true, info.size(), info.lastModified()} : FileStamp{};
}

Result<void> BenchHistoryModel::removeEntries(const QList<int> &rows)
{
    QList<BenchHistoryEntry> entries;
    for (int row : rows) {
        if (row < 0 || row >= m_entries.size())
            return fail(ErrorKind::Failed, ModelText::tr("%1: no run in row %2").arg(m_history.path()).arg(row));
        entries.append(m_entries.at(row));
    }
    if (auto removed = m_history.remove(entries); !removed)
        return removed;
    reload();
    return {};
}

int BenchHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BenchHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const BenchHistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartedColumn:
            // ISO order with seconds: two runs in the same minute stay apart, and the text sorts like the
            // time.
            return e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case BackendColumn:
            return e.backend;
        case ModelColumn:
            return e.model;
        case ScenarioColumn:
            // A level of a load sweep says so: the filter finds them ("sweep"), the context menu draws the sweep.
            return e.sweepId.isEmpty() ? scenarioLabel(e.scenario, e.load)
                                       : ModelText::tr("%1 · sweep").arg(scenarioLabel(e.scenario, e.load));
        case RowsColumn:
            return compactCount(double(e.rows));
        case RowsPerSColumn:
            return compactCount(e.rowsPerS);
        case P99Column:
            return milliseconds(e.p99Ms);
        case VerdictColumn:
            return e.verdict;
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case StartedColumn:
            return e.startedAt;
        case RowsColumn:
            return e.rows;
        case RowsPerSColumn:
            return e.rowsPerS;
        case P99Column:
            return e.p99Ms;
        case ScenarioColumn:
            // By scenario, then by load as a number (Concurrency 4 before Concurrency 16).
            return QStringLiteral("%1 %2").arg(scenarioLabel(e.scenario)).arg(e.load, 20, 'f', 3, u'0');
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ModelColumn:
            return e.model;
        case ScenarioColumn:
            if (e.sweepId.isEmpty())
                return {};
            return ModelText::tr("A level of a load sweep: right-click › Show its load sweep…");
        case RowsColumn:
            return QLocale().toString(e.rows);
        case RowsPerSColumn:
            return std::isnan(e.rowsPerS) ? noFigure : QLocale().toString(e.rowsPerS, 'f', 0);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn || index.column() == RowsPerSColumn || index.column() == P99Column
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case IdRole:
        return e.id;
    case CopyRole:
        return index.column() == RowsColumn || index.column() == RowsPerSColumn ? data(index, Qt::ToolTipRole)
                                                                                 : data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant BenchHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return ModelText::tr("Started");
    case BackendColumn:
        return ModelText::tr("Backend");
    case ModelColumn:
        return ModelText::tr("Model");
    case ScenarioColumn:
        return ModelText::tr("Scenario");
    case RowsColumn:
        return ModelText::tr("Rows");
    case RowsPerSColumn:
        return ModelText::tr("Rows/s");
    case P99Column:
        return ModelText::tr("p99 (ms)");
    case VerdictColumn:
        return ModelText::tr("Verdict");
    default:
        return {};
    }
}

} // namespace Opsdeck::Core
