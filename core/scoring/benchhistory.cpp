#include "benchhistory.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLockFile>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>

#include <unistd.h>

namespace Opsdeck::Core {

namespace {

struct HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BenchHistory)
};

// fromJson() takes any text for started_at; the history lists, sorts and compares runs by it, so an entry
// without a real time is as damaged as one without a backend.
Result<void> checkStartedAt(const QDateTime &startedAt)
{
    if (!startedAt.isValid())
        return fail(ErrorKind::Failed, HistoryText::tr("started_at: not an ISO 8601 date and time"));
    return {};
}

Result<BenchReport> parseLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorKind::Failed, error.errorString());
    if (!doc.isObject())
        return fail(ErrorKind::Failed, HistoryText::tr("not a JSON object"));
    auto report = BenchReport::fromJson(doc.object());
    if (!report)
        return report;
    if (auto ok = checkStartedAt(report->startedAt); !ok)
        return tl::unexpected(ok.error());
    return report;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qsizetype skipSpace(const QByteArray &s, qsizetype i)
{
    while (i < s.size() && isSpace(s.at(i)))
        ++i;
    return i;
}

// The end of the JSON string starting at s[i] == '"' (one past its closing quote), or -1.
qsizetype skipString(const QByteArray &s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        const char c = s.at(i);
        if (c == '\\')
            ++i;
        else if (c == '"')
            return i + 1;
    }
    return -1;
}

// The end of the JSON value starting at s[i] (one past it), or -1 when the text ends first or brackets do not
// match. Only the structure is checked here; the values of the fields that matter are parsed properly.
qsizetype skipValue(const QByteArray &s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    const char first = s.at(i);
    if (first == '"')
        return skipString(s, i);
    if (first != '{' && first != '[') {
        while (i < s.size() && s.at(i) != ',' && s.at(i) != '}' && s.at(i) != ']' && !isSpace(s.at(i)))
            ++i;
        return i;
    }
    QByteArray stack;
    while (i < s.size()) {
        const char c = s.at(i);
        if (c == '"') {
            i = skipString(s, i);
            if (i < 0)
                return -1;
            continue;
        }
        if (c == '{' || c == '[') {
            stack.append(c == '{' ? '}' : ']');
        } else if (c == '}' || c == ']') {
            if (stack.isEmpty() || stack.back() != c)
                return -1;
            stack.chop(1);
            if (stack.isEmpty())
                return i + 1;
        }
        ++i;
    }
    return -1;
}

// The fields of a report the history table shows, decoded without parsing its windows and buckets (a run of
// an hour has thousands of windows: parsing every report in full made opening the page take seconds).
Result<BenchHistoryEntry> parseSummary(const QByteArray &line)
{
    static const QList<QByteArray> wanted = {"started_at", "backend", "model",   "scenario",
                                             "rows",       "rows_per_s", "latency_ms", "verdict"};
    auto bad = [] { return fail(ErrorKind::Failed, HistoryText::tr("not a JSON object")); };
    qsizetype i = skipSpace(line, 0);
    if (i >= line.size() || line.at(i) != '{')
        return bad();
    QByteArray picked = "{";
    i = skipSpace(line, i + 1);
    if (i < line.size() && line.at(i) == '}') {
        ++i;
    } else {
        for (;;) {
            if (i >= line.size() || line.at(i) != '"')
                return bad();
            const qsizetype keyEnd = skipString(line, i);
            if (keyEnd < 0)
                return bad();
            const QByteArray key = line.mid(i + 1, keyEnd - i - 2);
            i = skipSpace(line, keyEnd);
            if (i >= line.size() || line.at(i) != ':')
                return bad();
            i = skipSpace(line, i + 1);
            const qsizetype valueEnd = skipValue(line, i);
            if (valueEnd < 0 || valueEnd == i)
                return bad();
            if (wanted.contains(key)) {
                if (picked.size() > 1)
                    picked += ',';
                picked += '"' + key + "\":" + line.mid(i, valueEnd - i);
            }
            i = skipSpace(line, valueEnd);
            if (i < line.size() && line.at(i) == ',') {
                i = skipSpace(line, i + 1);
                continue;
            }
            if (i < line.size() && line.at(i) == '}') {
                ++i;
                break;
            }
            return bad();
        }
    }
    if (skipSpace(line, i) != line.size())
        return bad();
    picked += '}';
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(picked, &error).object();
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorKind::Failed, error.errorString());

    auto missing = [](const char *field) {
        return fail(ErrorKind::Failed, HistoryText::tr("%1: missing or of the wrong type")
                                           .arg(QLatin1StringView(field)));
    };
    BenchHistoryEntry e;
    for (const char *field : {"backend", "model", "scenario", "verdict", "started_at"}) {
        if (!o.value(QLatin1StringView(field)).isString())
            return missing(field);
    }
    e.startedAt =
        QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    if (auto ok = checkStartedAt(e.startedAt); !ok)
        return tl::unexpected(ok.error());
    e.backend = o.value(QStringLiteral("backend")).toString();
    e.model = o.value(QStringLiteral("model")).toString();
    e.scenario = o.value(QStringLiteral("scenario")).toString();
    e.verdict = o.value(QStringLiteral("verdict")).toString();
    if (!o.value(QStringLiteral("rows")).isDouble())
        return missing("rows");
    e.rows = o.value(QStringLiteral("rows")).toInteger();
    if (!o.value(QStringLiteral("rows_per_s")).isDouble())
        return missing("rows_per_s");
    e.rowsPerS = o.value(QStringLiteral("rows_per_s")).toDouble();
    const QJsonValue p99 = o.value(QStringLiteral("latency_ms")).toObject().value(QStringLiteral("p99"));
    if (!p99.isDouble())
        return missing("latency_ms.p99");
    e.p99Ms = p99.toDouble();
    return e;
}

} // namespace

QString BenchHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/bench-history.jsonl");
}

BenchHistory::BenchHistory(QString path)
    : m_path(std::move(path))
{
}

BenchHistoryEntry BenchHistory::summaryOf(const BenchReport &report)
{
    BenchHistoryEntry e;
    e.startedAt = report.startedAt;
    e.backend = report.backend;
    e.model = report.model;
    e.scenario = report.scenario;
    e.rows = report.rows;
    e.rowsPerS = report.rowsPerS;
    e.p99Ms = report.latency.p99;
    e.verdict = report.verdict;
    return e;
}

Result<BenchHistoryAppend> BenchHistory::append(const BenchReport &report)
{
    auto failure = [this](const QString &why) {
        return fail(ErrorKind::Failed, HistoryText::tr("%1: cannot append: %2").arg(m_path, why));
    };
    if (auto ok = checkStartedAt(report.startedAt); !ok)
        return failure(ok.error().message);
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return failure(HistoryText::tr("cannot create the folder %1").arg(info.absolutePath()));
    // Another Opsdeck appending or compacting at the same moment: the offset we return must be where our line
    // went, and a compaction must not replace the file under an append.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        return failure(HistoryText::tr("the lock file %1 is held by another process").arg(m_path +
                                                                                          QStringLiteral(".lock")));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return failure(file.errorString());
    QByteArray bytes;
    qint64 offset = file.size();
    if (offset > 0) {
        // A crash mid-append leaves a line without its newline; ours must start on a fresh line.
        QFile reader(m_path);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1) && reader.read(1) != "\n") {
            bytes += '\n';
            ++offset;
        }
    }
    bytes += QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact);
    bytes += '\n';
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failure(file.errorString());
    if (::fsync(file.handle()) != 0)
        return failure(QString::fromLocal8Bit(strerror(errno)));
    const qint64 size = file.size();
    file.close();

    BenchHistoryAppend result;
    result.id = offset;
    if (size > m_maxBytes) {
        auto compacted = compactIfNeeded(&result.id);
        if (!compacted) {
            // The run is kept (its line is complete); only the bound waits for the next append.
            qCWarning(lcScoring).noquote() << compacted.error().message;
            result.id = offset;
        } else {
            result.compacted = *compacted;
        }
    }
    return result;
}

Result<bool> BenchHistory::compactIfNeeded(qint64 *newId) const
{
    auto failure = [this](const QString &why) {
        return fail(ErrorKind::Failed, HistoryText::tr("%1: cannot drop old entries: %2").arg(m_path, why));
    };
    QFile in(m_path);
    if (!in.open(QIODevice::ReadOnly))
        return failure(in.errorString());
    const QByteArray all = in.readAll();
    if (in.error() != QFileDevice::NoError)
        return failure(in.errorString());
    in.close();
    if (all.size() <= m_maxBytes)
        return false;
    // Keep whole lines from the end: the newest always, older ones while the file stays within three quarters
    // of the bound (so that the next appends do not compact again at once).
    const qint64 target = std::max<qint64>(1, m_maxBytes / 4 * 3);
    qsizetype keepFrom = all.size();
    qsizetype end = all.size();
    while (end > 0) {
        const qsizetype start = end >= 2 ? all.lastIndexOf('\n', end - 2) + 1 : 0;
        if (keepFrom != all.size() && all.size() - start > target)
            break;
        keepFrom = start;
        end = start;
    }
    if (keepFrom == 0)
        return false;
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return failure(out.errorString());
    const QByteArray kept = all.mid(keepFrom);
    if (out.write(kept) != kept.size() || !out.commit())
        return failure(out.errorString());
    *newId -= keepFrom;
    qCInfo(lcScoring).noquote() << HistoryText::tr("%1: dropped the oldest history entries (%2 bytes) to stay under %3 bytes")
                                       .arg(m_path)
                                       .arg(keepFrom)
                                       .arg(m_maxBytes);
    return true;
}

QList<BenchHistoryEntry> BenchHistory::list() const
{
    m_skipped = 0;
    m_readError.clear();
    QList<BenchHistoryEntry> entries;
    QFile file(m_path);
    if (!file.exists())
        return entries;
    auto unreadable = [&] {
        m_readError = HistoryText::tr("%1: cannot read: %2").arg(m_path, file.errorString());
        qCWarning(lcScoring).noquote() << m_readError;
    };
    if (!file.open(QIODevice::ReadOnly)) {
        unreadable();
        return entries;
    }
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const qint64 offset = file.pos();
        QByteArray line = file.readLine();
        if (file.error() != QFileDevice::NoError) {
            unreadable();
            return entries;
        }
        ++lineNumber;
        const bool complete = line.endsWith('\n');
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        auto entry = complete ? parseSummary(line)
                              : Result<BenchHistoryEntry>(fail(ErrorKind::Failed, HistoryText::tr("incomplete line")));
        if (!entry) {
            ++m_skipped;
            qCWarning(lcScoring).noquote() << HistoryText::tr("%1:%2: skipped a corrupt history entry: %3")
                                                  .arg(m_path)
                                                  .arg(lineNumber)
                                                  .arg(entry.error().message);
            continue;
        }
        entry->id = offset;
        entries.append(*entry);
    }
    return entries;
}

Result<BenchReport> BenchHistory::load(qint64 id) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Failed, HistoryText::tr("%1: cannot read: %2").arg(m_path, file.errorString()));
    if (id < 0 || id >= file.size() || !file.seek(id))
        return fail(ErrorKind::Failed, HistoryText::tr("%1: no history entry %2").arg(m_path).arg(id));
    if (id > 0) {
        // Ids are line starts: the byte before one is a newline.
        file.seek(id - 1);
        if (file.read(1) != "\n")
            return fail(ErrorKind::Failed, HistoryText::tr("%1: no history entry %2").arg(m_path).arg(id));
    }
    QByteArray line = file.readLine();
    if (!line.endsWith('\n'))
        return fail(ErrorKind::Failed, HistoryText::tr("%1: history entry %2 is incomplete").arg(m_path).arg(id));
    auto report = parseLine(line.trimmed());
    if (!report)
        return fail(ErrorKind::Failed, HistoryText::tr("%1: history entry %2 is corrupt: %3")
                                           .arg(m_path)
                                           .arg(id)
                                           .arg(report.error().message));
    return report;
}

} // namespace Opsdeck::Core
