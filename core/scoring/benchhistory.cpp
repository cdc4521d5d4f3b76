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

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

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

// The summary scan. list() must list exactly the lines load() can read, without building the windows and buckets
// of every report (a run of an hour has thousands of windows: parsing every report in full made opening the
// page take seconds). So one pass checks the line's syntax as QJsonDocument::fromJson() reads it (its leniencies
// included: a byte order mark, any escaped character, numbers such as "1." that QByteArray::toDouble() takes)
// and checks the windows and buckets against BenchReport::fromJson()'s rules as it passes them; the rest of the
// report, with those two arrays emptied, then goes through parseLine() like a loaded line.
class SummaryScan
{
public:
    explicit SummaryScan(QByteArrayView line)
        : m_begin(line.data())
        , m_p(line.data())
        , m_end(line.data() + line.size())
    {
    }

    // The line with the windows and buckets emptied ("[]"), or why load() would refuse it. The text may be the
    // line's own (no copy): it lives as long as the line.
    Result<QByteArray> run()
    {
        // QJsonDocument skips a UTF-8 byte order mark.
        if (m_end - m_p > 3 && QByteArrayView(m_p, 3) == "\xEF\xBB\xBF")
            m_p += 3;
        if (space() && *m_p == '[')
            return fail(ErrorKind::Failed, HistoryText::tr("not a JSON object"));
        if (!space() || *m_p != '{') {
            refuse(QJsonParseError::IllegalValue);
            return syntaxError();
        }
        ++m_p;
        if (!members([this](Span key) { return topLevelMember(key); }))
            return syntaxError();
        if (space()) {
            refuse(QJsonParseError::GarbageAtEnd);
            return syntaxError();
        }
        if (!m_windowsError.isEmpty())
            return fail(ErrorKind::Failed, m_windowsError);
        if (!m_bucketsError.isEmpty())
            return fail(ErrorKind::Failed, m_bucketsError);
        if (m_copied == m_begin)
            return QByteArray::fromRawData(m_begin, m_end - m_begin);
        m_reduced.append(m_copied, m_end - m_copied);
        return m_reduced;
    }

private:
    // QJsonDocument's limit (qjsonparser_p.h): deeper lines are refused with "too deeply nested".
    static constexpr int NestingLimit = 1024;

    enum class Kind { Null, Bool, Number, String, Array, Object };

    struct Span
    {
        const char *begin = nullptr;
        const char *end = nullptr;
        bool escaped = false; ///< holds a backslash: compare it decoded
    };

    bool refuse(QJsonParseError::ParseError error)
    {
        if (m_error == QJsonParseError::NoError) {
            m_error = error;
            m_errorAt = m_p - m_begin;
        }
        return false;
    }

    tl::unexpected<Error> syntaxError() const
    {
        QJsonParseError error;
        error.error = m_error;
        error.offset = int(m_errorAt);
        return fail(ErrorKind::Failed, error.errorString());
    }

    // JSON's four whitespace characters only (not \v or \f); false at the end of the text.
    bool space()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
        return m_p < m_end;
    }

    // The length of the UTF-8 sequence at p, or 0 when it is not one QJsonDocument accepts (overlong forms,
    // surrogates, beyond U+10FFFF, cut short).
    static int utf8Length(const char *p, const char *end)
    {
        const auto b = uchar(*p);
        int length = 0;
        char32_t c = 0;
        char32_t min = 0;
        if (b >= 0xC2 && b < 0xE0) {
            length = 2;
            c = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b < 0xF0) {
            length = 3;
            c = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b < 0xF5) {
            length = 4;
            c = b & 0x07;
            min = 0x10000;
        } else {
            return 0;
        }
        if (end - p < length)
            return 0;
        for (int k = 1; k < length; ++k) {
            const auto next = uchar(p[k]);
            if ((next & 0xC0) != 0x80)
                return 0;
            c = (c << 6) | (next & 0x3F);
        }
        if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
            return 0;
        return length;
    }

    // A string at m_p (on its opening quote); its text without the quotes in *text.
    bool string(Span *text = nullptr)
    {
        const char *p = m_p + 1;
        bool escaped = false;
        for (;;) {
            while (p < m_end && *p != '"' && *p != '\\' && uchar(*p) < 0x80)
                ++p;
            if (p >= m_end) {
                m_p = p;
                return refuse(QJsonParseError::UnterminatedString);
            }
            if (*p == '"')
                break;
            if (*p == '\\') {
                escaped = true;
                // Any character may follow; \u needs four hex digits.
                if (++p >= m_end || (*p++ == 'u' && !hex4(p))) {
                    m_p = p;
                    return refuse(QJsonParseError::IllegalEscapeSequence);
                }
                if (p[-1] == 'u')
                    p += 4;
                continue;
            }
            const int length = utf8Length(p, m_end);
            if (length == 0) {
                m_p = p;
                return refuse(QJsonParseError::IllegalUTF8String);
            }
            p += length;
        }
        if (text)
            *text = {m_p + 1, p, escaped};
        m_p = p + 1;
        return true;
    }

    bool hex4(const char *p) const
    {
        if (m_end - p < 4)
            return false;
        for (int k = 0; k < 4; ++k) {
            if (!isAsciiHexDigit(p[k]))
                return false;
        }
        return true;
    }

    static bool isAsciiHexDigit(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // A number at m_p, delimited as QJsonDocument delimits it ("-", "1.", ".5" and "1e" included) and accepted
    // when it accepts it: when QByteArray::toDouble() reads it. Plain decimals of sane length always are; only
    // the others pay for the conversion.
    bool number(Span *text = nullptr)
    {
        const char *start = m_p;
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        const char *digits = p;
        if (p < m_end && *p == '0') {
            ++p;
        } else {
            while (p < m_end && isDigit(*p))
                ++p;
        }
        bool plain = p > digits;
        if (p < m_end && *p == '.') {
            const char *fraction = ++p;
            while (p < m_end && isDigit(*p))
                ++p;
            plain = plain && p > fraction;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            plain = false;
            ++p;
            if (p < m_end && (*p == '-' || *p == '+'))
                ++p;
            while (p < m_end && isDigit(*p))
                ++p;
        }
        m_p = p;
        if (p >= m_end)
            return refuse(QJsonParseError::TerminationByNumber);
        if (!plain || p - start > 300) {
            bool ok = false;
            QByteArray::fromRawData(start, p - start).toDouble(&ok);
            if (!ok) {
                m_p = start;
                return refuse(QJsonParseError::IllegalNumber);
            }
        }
        if (text)
            *text = {start, p, false};
        return true;
    }

    // The value of a number number() accepted, as QJsonValue::toDouble() gives it.
    static double numberValue(Span number)
    {
        double value = 0;
        const auto [end, error] = std::from_chars(number.begin, number.end, value);
        if (error == std::errc() && end == number.end)
            return value;
        return QByteArray::fromRawData(number.begin, number.end - number.begin).toDouble();
    }

    // The integer a number stands for, as QJsonValue::toInteger() sees it: none for a fraction or a value outside
    // qint64.
    static std::optional<qint64> integerValue(Span number)
    {
        qint64 integer = 0;
        if (const auto [end, error] = std::from_chars(number.begin, number.end, integer);
            error == std::errc() && end == number.end)
            return integer;
        const double value = numberValue(number);
        if (value == std::trunc(value) && value >= -0x1p63 && value < 0x1p63)
            return qint64(value);
        return std::nullopt;
    }

    bool literal(QByteArrayView word)
    {
        // QJsonDocument wants one more character after it (the end of its container at least).
        if (m_end - m_p <= word.size() || QByteArrayView(m_p, word.size()) != word)
            return refuse(QJsonParseError::IllegalValue);
        m_p += word.size();
        return true;
    }

    // Any value at m_p (not at the end of the text).
    bool value(Kind *kind, Span *text = nullptr)
    {
        switch (*m_p) {
        case '"':
            *kind = Kind::String;
            return string(text);
        case '{':
            *kind = Kind::Object;
            ++m_p;
            return members([this](Span) { return anyValue(); });
        case '[':
            *kind = Kind::Array;
            ++m_p;
            return elements([this] { return anyValue(); });
        case 'n':
            *kind = Kind::Null;
            return literal("null");
        case 't':
            *kind = Kind::Bool;
            return literal("true");
        case 'f':
            *kind = Kind::Bool;
            return literal("false");
        case ',':
            return refuse(QJsonParseError::IllegalValue);
        case '}':
        case ']':
            return refuse(QJsonParseError::MissingObject);
        default:
            *kind = Kind::Number;
            return number(text);
        }
    }

    bool anyValue()
    {
        Kind kind{};
        return value(&kind);
    }

    // The members of an object whose '{' m_p has passed; onMember(key) reads each value (m_p is on it).
    template<typename OnMember>
    bool members(OnMember onMember)
    {
        if (++m_depth > NestingLimit)
            return refuse(QJsonParseError::DeepNesting);
        if (!space())
            return refuse(QJsonParseError::UnterminatedObject);
        if (*m_p == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (*m_p != '"')
                return refuse(QJsonParseError::UnterminatedObject);
            Span key;
            if (!string(&key))
                return false;
            if (!space() || *m_p != ':')
                return refuse(QJsonParseError::MissingNameSeparator);
            ++m_p;
            if (!space())
                return refuse(QJsonParseError::UnterminatedObject);
            if (!onMember(key))
                return false;
            if (!space())
                return refuse(QJsonParseError::UnterminatedObject);
            const char c = *m_p++;
            if (c == '}')
                break;
            if (c != ',' || !space() || *m_p == '}')
                return refuse(c == ',' ? QJsonParseError::MissingObject : QJsonParseError::UnterminatedObject);
        }
        --m_depth;
        return true;
    }

    // The elements of an array whose '[' m_p has passed; onElement() reads each (m_p is on it).
    template<typename OnElement>
    bool elements(OnElement onElement)
    {
        if (++m_depth > NestingLimit)
            return refuse(QJsonParseError::DeepNesting);
        if (!space())
            return refuse(QJsonParseError::UnterminatedArray);
        if (*m_p == ']') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (!space())
                return refuse(QJsonParseError::UnterminatedArray);
            if (!onElement())
                return false;
            if (!space())
                return refuse(QJsonParseError::UnterminatedArray);
            const char c = *m_p++;
            if (c == ']')
                break;
            if (c != ',')
                return refuse(QJsonParseError::MissingValueSeparator);
        }
        --m_depth;
        return true;
    }

    // Whether a key is `name` once its escapes are decoded (QJsonDocument takes "\q" as "q").
    static bool keyIs(Span key, QByteArrayView name)
    {
        if (!key.escaped)
            return key.end - key.begin == name.size() && std::memcmp(key.begin, name.data(), name.size()) == 0;
        QByteArray decoded;
        for (const char *p = key.begin; p < key.end; ++p) {
            if (*p != '\\') {
                decoded += *p;
                continue;
            }
            const char c = *++p;
            switch (c) {
            case 'b': decoded += '\b'; break;
            case 'f': decoded += '\f'; break;
            case 'n': decoded += '\n'; break;
            case 'r': decoded += '\r'; break;
            case 't': decoded += '\t'; break;
            case 'u': {
                const uint unit = QByteArray(p + 1, 4).toUInt(nullptr, 16);
                // Our names are ASCII: any other character only has to differ from them.
                decoded += unit < 0x80 ? char(unit) : '\xFF';
                p += 4;
                break;
            }
            default: decoded += c; break;
            }
        }
        return decoded == name;
    }

    // One member of the report: the windows and buckets are checked here and left out of the reduced line.
    // Only the last of repeated keys counts, as in QJsonObject.
    bool topLevelMember(Span key)
    {
        const bool windows = keyIs(key, "windows");
        const bool buckets = !windows && keyIs(key, "latency_buckets_ms");
        if ((!windows && !buckets) || *m_p != '[')
            return anyValue();
        if (windows)
            m_windowsError.clear();
        else
            m_bucketsError.clear();
        m_reduced.append(m_copied, m_p - m_copied);
        m_reduced.append("[]");
        ++m_p;
        int index = 0;
        const bool ok = windows ? elements([&] { return window(index++); })
                                : elements([this] { return bucket(); });
        m_copied = m_p;
        return ok;
    }

    // What BenchReport::fromJson() asks of a window: an object with the numbers "t", "rows_per_s" and "p99_ms"
    // (null stands for NaN), optionally "span_s" and "p50_ms" (numbers or null) and the integers "rows",
    // "batches" and "errors".
    bool window(int index)
    {
        static constexpr std::array<QByteArrayView, 8> names = {"t",      "span_s",     "rows",   "batches",
                                                                "errors", "rows_per_s", "p50_ms", "p99_ms"};
        enum State : char { Absent, Good, Bad };
        std::array<State, 8> state{Absent, Absent, Absent, Absent, Absent, Absent, Absent, Absent};
        auto member = [&](Span key) {
            qsizetype field = 0;
            while (field < qsizetype(names.size()) && !keyIs(key, names.at(field)))
                ++field;
            if (field == qsizetype(names.size()))
                return anyValue();
            Kind kind{};
            Span text;
            if (!value(&kind, &text))
                return false;
            const bool integer = field >= 2 && field <= 4;
            const bool good = integer ? kind == Kind::Number && integerValue(text).has_value()
                                      : kind == Kind::Number || kind == Kind::Null;
            state[field] = good ? Good : Bad;
            return true;
        };
        const bool object = *m_p == '{';
        if (object) {
            ++m_p;
            if (!members(member))
                return false;
        } else if (!anyValue()) {
            return false;
        }
        if (!m_windowsError.isEmpty())
            return true;
        for (qsizetype field = 0; field < qsizetype(names.size()); ++field) {
            const bool required = field == 0 || field == 5 || field == 7;
            if (!object || state.at(field) == Bad || (required && state.at(field) == Absent)) {
                m_windowsError = missing(QStringLiteral("windows[%1].%2")
                                             .arg(index)
                                             .arg(QLatin1StringView(names.at(object ? field : 0))));
                break;
            }
        }
        return true;
    }

    // What BenchReport::fromJson() asks of a bucket: [lower_ms, upper_ms, count], bounds that make a bucket once
    // in nanoseconds, a count that is an integer of at least 0.
    bool bucket()
    {
        if (*m_p != '[') {
            if (m_bucketsError.isEmpty())
                m_bucketsError = missing(QStringLiteral("latency_buckets_ms"));
            return anyValue();
        }
        ++m_p;
        int size = 0;
        std::array<Kind, 3> kinds{};
        std::array<Span, 3> texts{};
        if (!elements([&] {
                Kind kind{};
                Span text;
                if (!value(&kind, &text))
                    return false;
                if (size < 3) {
                    kinds[size] = kind;
                    texts[size] = text;
                }
                ++size;
                return true;
            }))
            return false;
        if (!m_bucketsError.isEmpty())
            return true;
        bool good = size == 3 && kinds[0] == Kind::Number && kinds[1] == Kind::Number && kinds[2] == Kind::Number;
        if (good) {
            const auto lower = bucketBoundNs(numberValue(texts[0]));
            const auto upper = bucketBoundNs(numberValue(texts[1]));
            const auto count = integerValue(texts[2]);
            good = lower && upper && *lower < *upper && count && *count >= 0;
        }
        if (!good)
            m_bucketsError = missing(QStringLiteral("latency_buckets_ms"));
        return true;
    }

    // BenchReport::fromJson()'s reading of a bound in milliseconds (the top bucket ends at INT64_MAX ns).
    static std::optional<qint64> bucketBoundNs(double ms)
    {
        const double v = ms * 1e6;
        if (!(v >= 0))
            return std::nullopt;
        if (v >= 9.2e18)
            return std::numeric_limits<qint64>::max();
        return std::llround(v);
    }

    static QString missing(const QString &field)
    {
        return HistoryText::tr("%1: missing or of the wrong type").arg(field);
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const char *m_copied = m_begin; ///< the reduced line holds the text before this
    QByteArray m_reduced;
    int m_depth = 0;
    QJsonParseError::ParseError m_error = QJsonParseError::NoError;
    qsizetype m_errorAt = 0;
    QString m_windowsError;
    QString m_bucketsError;
};

// The fields of a report the history table shows, from a line load() can read.
Result<BenchHistoryEntry> parseSummary(QByteArrayView line)
{
    auto reduced = SummaryScan(line).run();
    if (!reduced)
        return tl::unexpected(reduced.error());
    auto report = parseLine(*reduced);
    if (!report)
        return tl::unexpected(report.error());
    return BenchHistory::summaryOf(*report);
}

// The whole file; the error is the system's reason alone (the callers name the file and what they were doing).
Result<QByteArray> readWhole(const QString &path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Failed, in.errorString());
    QByteArray all = in.readAll();
    if (in.error() != QFileDevice::NoError)
        return fail(ErrorKind::Failed, in.errorString());
    return all;
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
    e.load = report.scenario == u"concurrency" ? double(report.concurrency)
             : report.scenario == u"rate"      ? report.rate
                                               : 0.0;
    e.rows = report.rows;
    e.rowsPerS = report.rowsPerS;
    e.p99Ms = report.latency.p99;
    e.verdict = report.verdict;
    if (report.sweep)
        e.sweepId = report.sweep->id;
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
    const qint64 sizeBefore = file.size();
    qint64 offset = sizeBefore;
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
    result.sizeBefore = sizeBefore;
    result.sizeAfter = size;
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
    auto read = readWhole(m_path);
    if (!read)
        return failure(read.error().message);
    const QByteArray all = std::move(*read);
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
    // Read in large blocks: QFile::readLine() cost more than the scan of the lines.
    static constexpr qint64 BlockBytes = qint64(1) << 20;
    QByteArray buffer;
    qint64 bufferOffset = 0; // of buffer[0] in the file
    qint64 lineNumber = 0;
    bool atEnd = false;
    while (!atEnd) {
        const qsizetype kept = buffer.size();
        buffer.resize(kept + BlockBytes);
        const qint64 got = file.read(buffer.data() + kept, BlockBytes);
        if (got < 0) {
            unreadable();
            return entries;
        }
        buffer.resize(kept + got);
        atEnd = got == 0;
        qsizetype start = 0;
        while (start < buffer.size()) {
            qsizetype end = buffer.indexOf('\n', start);
            // A last line without its newline is one an append did not finish.
            const bool complete = end >= 0;
            if (!complete && !atEnd)
                break;
            if (!complete)
                end = buffer.size();
            const qint64 offset = bufferOffset + start;
            const QByteArrayView line = QByteArrayView(buffer).sliced(start, end - start).trimmed();
            start = end + 1;
            ++lineNumber;
            if (line.isEmpty())
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
        start = std::min(start, buffer.size());
        buffer.remove(0, start);
        bufferOffset += start;
    }
    return entries;
}

Result<void> BenchHistory::remove(const QList<BenchHistoryEntry> &entries)
{
    auto failure = [this](const QString &why) {
        return fail(ErrorKind::Failed, HistoryText::tr("%1: cannot delete runs: %2").arg(m_path, why));
    };
    if (entries.isEmpty())
        return {};
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        return failure(HistoryText::tr("the lock file %1 is held by another process").arg(m_path +
                                                                                          QStringLiteral(".lock")));
    auto read = readWhole(m_path);
    if (!read)
        return failure(read.error().message);
    const QByteArray all = std::move(*read);

    // Each entry's line, checked to be that run still: [start, end) with its newline.
    QList<std::pair<qsizetype, qsizetype>> lines;
    for (const BenchHistoryEntry &entry : entries) {
        const qint64 start = entry.id;
        const bool lineStart = start >= 0 && start < all.size() && (start == 0 || all.at(start - 1) == '\n');
        const qsizetype newline = lineStart ? all.indexOf('\n', start) : -1;
        auto found = newline < 0 ? Result<BenchHistoryEntry>(fail(ErrorKind::Failed, QString()))
                                 : parseSummary(QByteArrayView(all).sliced(start, newline - start).trimmed());
        if (!found || found->startedAt != entry.startedAt || found->backend != entry.backend)
            return failure(HistoryText::tr("the history changed on disk since it was read; refresh the page (F5)"));
        lines.append({start, newline + 1});
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());

    QByteArray kept;
    kept.reserve(all.size());
    qsizetype from = 0;
    for (const auto &[start, end] : std::as_const(lines)) {
        kept += QByteArrayView(all).sliced(from, start - from);
        from = end;
    }
    kept += QByteArrayView(all).sliced(from);
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return failure(out.errorString());
    if (out.write(kept) != kept.size() || !out.commit())
        return failure(out.errorString());
    qCInfo(lcScoring).noquote() << HistoryText::tr("%1: deleted %2 run(s)").arg(m_path).arg(lines.size());
    return {};
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
