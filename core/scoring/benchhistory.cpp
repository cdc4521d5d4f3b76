#include "benchhistory.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>

#include <unistd.h>

namespace Opsdeck::Core {

namespace {

struct HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BenchHistory)
};

Result<BenchReport> parseLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorKind::Failed, error.errorString());
    if (!doc.isObject())
        return fail(ErrorKind::Failed, HistoryText::tr("not a JSON object"));
    return BenchReport::fromJson(doc.object());
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

Result<void> BenchHistory::append(const BenchReport &report)
{
    auto failure = [this](const QString &why) {
        return fail(ErrorKind::Failed, HistoryText::tr("%1: cannot append: %2").arg(m_path, why));
    };
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return failure(HistoryText::tr("cannot create the folder %1").arg(info.absolutePath()));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return failure(file.errorString());
    QByteArray bytes;
    if (file.size() > 0) {
        // A crash mid-append leaves a line without its newline; ours must start on a fresh line.
        QFile reader(m_path);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1) && reader.read(1) != "\n")
            bytes += '\n';
    }
    bytes += QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact);
    bytes += '\n';
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failure(file.errorString());
    if (::fsync(file.handle()) != 0)
        return failure(QString::fromLocal8Bit(strerror(errno)));
    return {};
}

QList<BenchHistoryEntry> BenchHistory::list() const
{
    m_skipped = 0;
    QList<BenchHistoryEntry> entries;
    QFile file(m_path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return entries;
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const qint64 offset = file.pos();
        QByteArray line = file.readLine();
        ++lineNumber;
        const bool complete = line.endsWith('\n');
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        auto report = complete ? parseLine(line)
                               : Result<BenchReport>(fail(ErrorKind::Failed, HistoryText::tr("incomplete line")));
        if (!report) {
            ++m_skipped;
            qCWarning(lcScoring).noquote() << HistoryText::tr("%1:%2: skipped a corrupt history entry: %3")
                                                  .arg(m_path)
                                                  .arg(lineNumber)
                                                  .arg(report.error().message);
            continue;
        }
        BenchHistoryEntry e;
        e.id = offset;
        e.startedAt = report->startedAt;
        e.backend = report->backend;
        e.model = report->model;
        e.scenario = report->scenario;
        e.rows = report->rows;
        e.rowsPerS = report->rowsPerS;
        e.p99Ms = report->latency.p99;
        e.verdict = report->verdict;
        entries.append(e);
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
