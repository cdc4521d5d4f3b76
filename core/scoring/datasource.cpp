#include "datasource.h"

#include "config/profile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStringDecoder>
#include <QtCore/QThread>
#include <QtCore/QtEndian>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <thread>

#include <sys/mman.h>

namespace Opsdeck::Core {

namespace {

struct DataText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::DataSource)
};

// double → float as numpy's float32 conversion does: beyond the float range is ±inf (a plain cast would be
// undefined there).
float toFloat(double d)
{
    if (d > double(std::numeric_limits<float>::max()))
        return std::numeric_limits<float>::infinity();
    if (d < -double(std::numeric_limits<float>::max()))
        return -std::numeric_limits<float>::infinity();
    return float(d);
}

// splitmix64: one multiply-xorshift chain per 64 bits, fast enough to fill ~1 GB/s per core and seekable (each
// chunk starts from its own derived state), which lets several threads produce the same data as one.
inline quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// 24 random bits scaled to [-1, 1) in steps of 2^-23: every value is exact in float32.
inline float unitFromBits(quint32 bits)
{
    return float(bits >> 8) * (1.0f / 8388608.0f) - 1.0f;
}

constexpr qsizetype SyntheticChunk = 1 << 16;   // floats per independently seeded chunk

void fillChunks(float *values, qsizetype total, quint64 seed, qsizetype firstChunk, qsizetype lastChunk)
{
    for (qsizetype c = firstChunk; c < lastChunk; ++c) {
        quint64 state = seed ^ (quint64(c) * 0xD1B54A32D192ED03ULL);
        // Decorrelate neighbouring chunk states before use.
        splitmix64(state);
        const qsizetype begin = c * SyntheticChunk;
        const qsizetype end = std::min(total, begin + SyntheticChunk);
        qsizetype i = begin;
        for (; i + 1 < end; i += 2) {
            const quint64 r = splitmix64(state);
            values[i] = unitFromBits(quint32(r));
            values[i + 1] = unitFromBits(quint32(r >> 32));
        }
        if (i < end)
            values[i] = unitFromBits(quint32(splitmix64(state)));
    }
}

// Messages name the file as the user gave it.
QString fileLabel(const QString &path)
{
    return path;
}

} // namespace

namespace {
constexpr size_t HugePage = size_t(2) << 20;
constexpr size_t LargeThreshold = size_t(16) << 20;
} // namespace

void *allocateLarge(size_t bytes)
{
    if (bytes < LargeThreshold)
        return ::operator new(bytes);
    void *p = nullptr;
    const size_t rounded = (bytes + HugePage - 1) / HugePage * HugePage;
    if (posix_memalign(&p, HugePage, rounded) != 0 || !p)
        throw std::bad_alloc();
    // Advice only: without transparent huge pages the buffer simply keeps 4 KiB pages.
    ::madvise(p, rounded, MADV_HUGEPAGE);
    return p;
}

void freeLarge(void *p, size_t bytes) noexcept
{
    if (bytes < LargeThreshold)
        ::operator delete(p);
    else
        std::free(p);
}

DataSet DataSet::dense(qsizetype rows, qsizetype cols, FloatBuffer values, QString description)
{
    DataSet d;
    d.m_kind = Sdk::InputKind::DenseFloat32;
    d.m_rows = rows;
    d.m_cols = cols;
    d.m_values = std::move(values);
    d.m_description = std::move(description);
    return d;
}

DataSet DataSet::text(QList<QByteArray> lines, QString description)
{
    DataSet d;
    d.m_kind = Sdk::InputKind::Text;
    d.m_rows = lines.size();
    d.m_lines = std::move(lines);
    d.m_description = std::move(description);
    return d;
}

qint64 DataSet::bytes() const
{
    if (m_kind == Sdk::InputKind::DenseFloat32)
        return qint64(m_rows) * m_cols * qint64(sizeof(float));
    qint64 total = 0;
    for (const QByteArray &l : m_lines)
        total += l.size();
    return total;
}

Sdk::BatchInput DataSet::batch(qsizetype first, qsizetype count) const
{
    Q_ASSERT(first >= 0 && count >= 0 && first + count <= m_rows);
    Sdk::BatchInput input;
    input.rows = count;
    if (m_kind == Sdk::InputKind::DenseFloat32) {
        input.values = m_values.data() + first * m_cols;
        input.cols = m_cols;
    } else {
        input.lines = m_lines.constData() + first;
    }
    return input;
}

Result<void> DataSet::repeatTo(qsizetype minRows)
{
    if (m_rows == 0 || m_rows >= minRows)
        return {};
    const qsizetype original = m_rows;
    const qsizetype target = (minRows + original - 1) / original * original;
    // One batch must lie in memory as one block: beyond 4 GiB of floats (or 64 Mi text lines) that is no batch
    // a scoring service takes, and allocating it could only fail (under ASan: abort rather than throw).
    constexpr qsizetype MaxFloats = qsizetype(1) << 30;
    constexpr qsizetype MaxLines = qsizetype(1) << 26;
    const auto tooLarge = [&] {
        return fail(ErrorKind::Usage, DataText::tr("%1 has %2 rows; repeated to fill a batch of %3 rows it would not "
                                                   "fit in memory (use a smaller batch size)")
                                          .arg(m_description)
                                          .arg(original)
                                          .arg(minRows));
    };
    if (m_kind == Sdk::InputKind::DenseFloat32 ? target > MaxFloats / std::max<qsizetype>(m_cols, 1)
                                               : target > MaxLines)
        return tooLarge();
    try {
        if (m_kind == Sdk::InputKind::DenseFloat32) {
            m_values.resize(size_t(target * m_cols));
            for (qsizetype r = original; r < target; r += original)
                std::memcpy(m_values.data() + r * m_cols, m_values.data(),
                            size_t(original * m_cols) * sizeof(float));
        } else {
            m_lines.reserve(target);
            for (qsizetype r = original; r < target; ++r)
                m_lines.append(m_lines.at(r % original));
        }
    } catch (const std::bad_alloc &) {
        m_values.resize(size_t(original * m_cols));
        m_lines.resize(original);
        return tooLarge();
    }
    m_rows = target;
    return {};
}

Result<DataSet> syntheticDense(qsizetype rows, qsizetype cols, quint64 seed, int threads)
{
    if (rows <= 0 || cols <= 0)
        return fail(ErrorKind::Usage,
                    DataText::tr("synthetic data needs rows > 0 and features > 0 (got %1 × %2)").arg(rows).arg(cols));
    const qint64 total = qint64(rows) * qint64(cols);
    if (total / cols != rows || total > (qint64(1) << 36))
        return fail(ErrorKind::Usage,
                    DataText::tr("synthetic data of %1 rows × %2 features is too large").arg(rows).arg(cols));
    FloatBuffer values;
    try {
        values.resize(size_t(total));
    } catch (const std::bad_alloc &) {
        return fail(ErrorKind::Usage, DataText::tr("synthetic data of %1 rows × %2 features (%3 MiB) does not fit in "
                                                   "memory")
                                          .arg(rows)
                                          .arg(cols)
                                          .arg(total * 4 / (1024 * 1024)));
    }
    const qsizetype chunks = (total + SyntheticChunk - 1) / SyntheticChunk;
    int workers = threads > 0 ? threads : QThread::idealThreadCount();
    workers = int(std::clamp<qsizetype>(workers, 1, std::max<qsizetype>(1, chunks)));
    if (workers == 1) {
        fillChunks(values.data(), total, seed, 0, chunks);
    } else {
        std::vector<std::thread> pool;
        pool.reserve(size_t(workers));
        for (int w = 0; w < workers; ++w) {
            const qsizetype first = chunks * w / workers;
            const qsizetype last = chunks * (w + 1) / workers;
            pool.emplace_back(fillChunks, values.data(), qsizetype(total), seed, first, last);
        }
        for (auto &t : pool)
            t.join();
    }
    return DataSet::dense(rows, cols, std::move(values),
                          DataText::tr("synthetic uniform [-1,1), seed %1").arg(seed));
}

Result<DataSet> syntheticText(qsizetype rows, quint64 seed)
{
    if (rows <= 0)
        return fail(ErrorKind::Usage, DataText::tr("synthetic text needs rows > 0 (got %1)").arg(rows));
    static constexpr const char *syllables[] = {"ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "pe", "do",
                                                "an", "el", "is", "or", "um", "ba", "ce", "fi", "go", "hu",
                                                "ja", "ke", "ly", "mo", "nu", "qi", "ri", "sa", "te", "zo"};
    constexpr int syllableCount = int(sizeof(syllables) / sizeof(*syllables));
    quint64 state = seed ^ 0x5DEECE66DULL;
    QList<QByteArray> vocabulary;
    vocabulary.reserve(512);
    while (vocabulary.size() < 512) {
        QByteArray word;
        const int parts = 1 + int(splitmix64(state) % 3);
        for (int p = 0; p < parts; ++p)
            word += syllables[splitmix64(state) % syllableCount];
        vocabulary.append(word);
    }
    QList<QByteArray> lines;
    lines.reserve(rows);
    for (qsizetype r = 0; r < rows; ++r) {
        const int words = 4 + int(splitmix64(state) % 21);
        QByteArray line;
        line.reserve(words * 8);
        for (int w = 0; w < words; ++w) {
            if (w)
                line += ' ';
            line += vocabulary.at(qsizetype(splitmix64(state) % 512));
        }
        lines.append(std::move(line));
    }
    return DataSet::text(std::move(lines), DataText::tr("synthetic text, seed %1").arg(seed));
}

namespace {

// CSV and text inputs are read into memory whole.
constexpr qint64 MaxInputBytes = qint64(16) << 30;

struct NpyHeader
{
    QString descr;
    bool fortranOrder = false;
    QList<qint64> shape;
};

// The header of a .npy file is a Python dict literal with exactly the keys descr, fortran_order and shape
// (numpy refuses anything else, and so does this). Returns why it is not one, or an empty string.
QString parseNpyHeader(QStringView text, NpyHeader *out)
{
    qsizetype i = 0;
    const auto skipBlanks = [&] {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
    };
    const auto take = [&](QChar c) {
        skipBlanks();
        if (i < text.size() && text.at(i) == c) {
            ++i;
            return true;
        }
        return false;
    };
    const auto string = [&](QString *value) {
        skipBlanks();
        if (i >= text.size() || (text.at(i) != u'\'' && text.at(i) != u'"'))
            return false;
        const QChar quote = text.at(i++);
        const qsizetype begin = i;
        while (i < text.size() && text.at(i) != quote && text.at(i) != u'\\')
            ++i;
        if (i >= text.size() || text.at(i) != quote)
            return false;
        *value = text.sliced(begin, i - begin).toString();
        ++i;
        return true;
    };
    const auto word = [&](QStringView w) {
        skipBlanks();
        if (text.sliced(i).startsWith(w)) {
            i += w.size();
            return true;
        }
        return false;
    };
    const auto integer = [&](qint64 *value) {
        skipBlanks();
        const qsizetype begin = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == begin)
            return false;
        bool ok = false;
        *value = text.sliced(begin, i - begin).toLongLong(&ok);
        if (i < text.size() && text.at(i) == u'L')
            ++i;
        return ok;
    };

    if (!take(u'{'))
        return DataText::tr("not a dict");
    QStringList seen;
    while (!take(u'}')) {
        QString key;
        if (!string(&key))
            return DataText::tr("expected a quoted key at offset %1").arg(i);
        if (seen.contains(key))
            return DataText::tr("'%1' given twice").arg(key);
        seen << key;
        if (!take(u':'))
            return DataText::tr("expected ':' after '%1'").arg(key);
        if (key == u"descr") {
            if (!string(&out->descr))
                return DataText::tr("'descr' is not a simple dtype string (structured arrays are not supported)");
        } else if (key == u"fortran_order") {
            if (word(u"True"))
                out->fortranOrder = true;
            else if (word(u"False"))
                out->fortranOrder = false;
            else
                return DataText::tr("'fortran_order' is not True or False");
        } else if (key == u"shape") {
            if (!take(u'('))
                return DataText::tr("'shape' is not a tuple");
            while (!take(u')')) {
                qint64 n = 0;
                if (!integer(&n))
                    return DataText::tr("'shape' is not a tuple of whole numbers");
                out->shape.append(n);
                if (!take(u',')) {
                    if (!take(u')'))
                        return DataText::tr("'shape' is not a tuple of whole numbers");
                    break;
                }
            }
        } else {
            return DataText::tr("unexpected key '%1' (a .npy header has descr, fortran_order and shape)").arg(key);
        }
        if (!take(u',')) {
            if (!take(u'}'))
                return DataText::tr("expected ',' or '}' after '%1'").arg(key);
            break;
        }
    }
    skipBlanks();
    if (i != text.size())
        return DataText::tr("text after the dict");
    for (const char *required : {"descr", "fortran_order", "shape"}) {
        if (!seen.contains(QLatin1StringView(required)))
            return DataText::tr("no '%1'").arg(QLatin1StringView(required));
    }
    return {};
}

} // namespace

namespace {

// Wider rows than Core::maxFeatures are no scoring workload (--features, specs and profiles stop there too).
QString tooWide(qint64 cols)
{
    return DataText::tr("%1 columns; at most %2 are supported").arg(cols).arg(maxFeatures);
}

} // namespace

Result<DataSet> readNpy(const QString &path)
{
    const QString name = fileLabel(path);
    auto bad = [&name](const QString &why) { return fail(ErrorKind::Usage, name + QStringLiteral(": ") + why); };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return bad(DataText::tr("cannot open: %1").arg(file.errorString()));

    const QByteArray prefix = file.read(10);
    static const QByteArray magic("\x93NUMPY", 6);
    if (prefix.size() < 8 || !prefix.startsWith(magic))
        return bad(DataText::tr("not a .npy file (bad magic)"));
    const int major = quint8(prefix.at(6));
    const int minor = quint8(prefix.at(7));
    qint64 headerLength = 0;
    qint64 headerStart = 0;
    if (major == 1) {
        if (prefix.size() < 10)
            return bad(DataText::tr("malformed header"));
        headerLength = qFromLittleEndian<quint16>(prefix.constData() + 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        const QByteArray more = file.read(2);
        if (prefix.size() < 10 || more.size() < 2)
            return bad(DataText::tr("malformed header"));
        const QByteArray lengthBytes = prefix.mid(8, 2) + more;
        headerLength = qFromLittleEndian<quint32>(lengthBytes.constData());
        headerStart = 12;
    } else {
        return bad(DataText::tr("unsupported format version %1.%2").arg(major).arg(minor));
    }
    if (headerLength <= 0 || headerLength > (1 << 24))
        return bad(DataText::tr("malformed header"));
    // Read on from here, no seek: the file may be a pipe.
    const QByteArray headerBytes = file.read(headerLength);
    if (headerBytes.size() != headerLength)
        return bad(DataText::tr("malformed header"));
    const QString header = major == 3 ? QString::fromUtf8(headerBytes) : QString::fromLatin1(headerBytes);

    NpyHeader parsed;
    if (const QString why = parseNpyHeader(header, &parsed); !why.isEmpty())
        return bad(DataText::tr("malformed header: %1").arg(why));
    const QString &descr = parsed.descr;
    int itemSize = 0;
    if (descr == u"<f4")
        itemSize = 4;
    else if (descr == u"<f8")
        itemSize = 8;
    else
        return bad(DataText::tr("unsupported dtype '%1' (expected '<f4' or '<f8')").arg(descr));
    if (parsed.fortranOrder)
        return bad(DataText::tr("Fortran-order arrays are not supported (save with C order)"));

    const QList<qint64> &shape = parsed.shape;
    if (shape.size() != 2) {
        QStringList dims;
        for (const qint64 n : shape)
            dims << QString::number(n);
        QString shown = dims.join(QStringLiteral(", "));
        if (shape.size() == 1)
            shown += u',';
        return bad(DataText::tr("expected a 2-D array, the shape is (%1)").arg(shown));
    }
    const qint64 rows = shape.at(0);
    const qint64 cols = shape.at(1);
    if (rows == 0 || cols == 0)
        return bad(DataText::tr("the array is empty (shape (%1, %2))").arg(rows).arg(cols));
    if (cols > maxFeatures)
        return bad(tooWide(cols));
    if (rows > (qint64(1) << 40) / cols)
        return bad(DataText::tr("the array is too large (shape (%1, %2))").arg(rows).arg(cols));

    const qint64 dataStart = headerStart + headerLength;
    const qint64 expected = rows * cols * itemSize;
    auto truncated = [&](qint64 found) {
        return bad(DataText::tr("truncated data: expected %1 bytes, found %2").arg(expected).arg(found));
    };
    // A regular file is checked before memory is taken for it; a pipe says how much it holds by ending.
    if (!file.isSequential() && file.size() - dataStart < expected)
        return truncated(std::max<qint64>(0, file.size() - dataStart));

    FloatBuffer values;
    try {
        values.resize(size_t(rows * cols));
    } catch (const std::bad_alloc &) {
        return bad(DataText::tr("does not fit in memory (shape (%1, %2))").arg(rows).arg(cols));
    }
    // Reads exactly `size` bytes (a pipe hands them over in pieces); -1 on a read error, fewer at the end.
    auto readFully = [&file](char *dst, qint64 size) {
        qint64 done = 0;
        while (done < size) {
            const qint64 n = file.read(dst + done, std::min<qint64>(size - done, qint64(1) << 26));
            if (n < 0)
                return qint64(-1);
            if (n == 0)
                break;
            done += n;
        }
        return done;
    };
    auto readFailed = [&] { return bad(DataText::tr("read error: %1").arg(file.errorString())); };
    if (itemSize == 4) {
        static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the .npy reader assumes a little-endian host");
        const qint64 n = readFully(reinterpret_cast<char *>(values.data()), expected);
        if (n < 0)
            return readFailed();
        if (n < expected)
            return truncated(n);
    } else {
        constexpr qint64 chunkValues = 1 << 17;
        std::vector<double> chunk(static_cast<size_t>(chunkValues));
        qint64 done = 0;
        const qint64 total = rows * cols;
        while (done < total) {
            const qint64 want = std::min(chunkValues, total - done);
            const qint64 n = readFully(reinterpret_cast<char *>(chunk.data()), want * 8);
            if (n < 0)
                return readFailed();
            if (n < want * 8)
                return truncated(done * 8 + n);
            for (qint64 i = 0; i < want; ++i)
                values[size_t(done + i)] = toFloat(chunk[size_t(i)]);
            done += want;
        }
    }
    return DataSet::dense(qsizetype(rows), qsizetype(cols), std::move(values),
                          QStringLiteral("%1 (%2)").arg(QFileInfo(path).fileName(),
                                                        itemSize == 4 ? QStringLiteral("float32")
                                                                      : QStringLiteral("float64")));
}

namespace {

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Parses one field as a float; the field must be a number and nothing else (surrounding blanks allowed).
// Values beyond the float range are ±inf and values too small for it ±0, as numpy and Python read them.
bool parseNumber(const char *begin, const char *end, float *value)
{
    while (begin < end && isBlank(*begin))
        ++begin;
    while (end > begin && isBlank(end[-1]))
        --end;
    if (begin == end)
        return false;
    if (*begin == '+') {
        ++begin;
        if (begin == end || *begin == '-' || *begin == '+')
            return false;
    }
    const auto [ptr, ec] = std::from_chars(begin, end, *value);
    if (ec != std::errc::result_out_of_range)
        return ec == std::errc() && ptr == end;
    // Out of the float range; from_chars leaves *value untouched then.
    double d = 0;
    const auto r = std::from_chars(begin, end, d);
    if (r.ptr != end)
        return false;
    if (r.ec == std::errc()) {
        *value = toFloat(d);
        return true;
    }
    // Beyond the double range too: the number's decimal exponent says which way — the written exponent plus the
    // place of the first significant digit (1e309 and 1000…0e-1 overflow, 0.000…01e10 underflows).
    const bool negative = *begin == '-';
    qint64 integerDigits = 0;
    qint64 firstDigit = -1;   // its index among all the mantissa's digits
    qint64 digits = 0;
    bool point = false;
    const char *c = negative ? begin + 1 : begin;
    for (; c < end && *c != 'e' && *c != 'E'; ++c) {
        if (*c == '.') {
            point = true;
            continue;
        }
        if (firstDigit < 0 && *c != '0')
            firstDigit = digits;
        ++digits;
        if (!point)
            ++integerDigits;
    }
    qint64 exponent = 0;   // saturated: far beyond any double
    if (c < end) {
        const bool negativeExponent = c + 1 < end && c[1] == '-';
        for (const char *d = c + 1; d < end; ++d) {
            if (*d >= '0' && *d <= '9')
                exponent = std::min<qint64>(exponent * 10 + (*d - '0'), qint64(1) << 40);
        }
        if (negativeExponent)
            exponent = -exponent;
    }
    const bool overflow = firstDigit >= 0 && exponent + (integerDigits - 1 - firstDigit) > 0;
    const float magnitude = overflow ? std::numeric_limits<float>::infinity() : 0.0f;
    *value = negative ? -magnitude : magnitude;
    return true;
}

// A field as an error message shows it: control characters escaped, long fields cut.
QString shownField(QByteArray field)
{
    constexpr qsizetype MaxShown = 40;
    const bool cut = field.size() > MaxShown;
    if (cut)
        field.truncate(MaxShown);
    QString shown;
    for (const QChar c : QString::fromUtf8(field)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return cut ? shown + QStringLiteral("…") : shown;
}

struct Line
{
    const char *begin;
    const char *end;
};

// Calls f(line) for every line of `data` with its 1-based number; stops when f returns false.
template<typename F>
void forEachLine(const QByteArray &data, F &&f)
{
    const char *p = data.constData();
    const char *const end = p + data.size();
    qint64 number = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        ++number;
        const char *trimmed = lineEnd;
        if (trimmed > p && trimmed[-1] == '\r')
            --trimmed;
        if (!f(Line{p, trimmed}, number))
            return;
        p = nl ? nl + 1 : end;
    }
}

bool isBlankLine(const Line &l)
{
    for (const char *c = l.begin; c < l.end; ++c) {
        if (!isBlank(*c))
            return false;
    }
    return true;
}

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Usage,
                    fileLabel(path) + QStringLiteral(": ") + DataText::tr("cannot open: %1").arg(file.errorString()));
    // Read in pieces, not readAll(): a device or pipe has no end to size it by (/dev/zero grew until the
    // allocation failed), and what is read must be text (CSV, lines) — a NUL byte ends the read at once.
    const QString at = fileLabel(path) + QStringLiteral(": ");
    const auto tooLarge = [&at] {
        return fail(ErrorKind::Usage, at + DataText::tr("larger than the %1 GiB an input may have (it is read into "
                                                        "memory)")
                                           .arg(MaxInputBytes >> 30));
    };
    if (!file.isSequential() && file.size() > MaxInputBytes)
        return tooLarge();
    QByteArray data;
    try {
        if (!file.isSequential())
            data.reserve(qsizetype(file.size()));
        constexpr qsizetype Piece = qsizetype(1) << 20;
        for (;;) {
            const qsizetype before = data.size();
            data.resize(before + Piece);
            const qint64 got = file.read(data.data() + before, Piece);
            data.resize(before + std::max<qsizetype>(0, qsizetype(got)));
            if (got < 0)
                return fail(ErrorKind::Usage, at + DataText::tr("read error: %1").arg(file.errorString()));
            if (got == 0)
                break;
            if (const void *nul = std::memchr(data.constData() + before, 0, size_t(got)))
                return fail(ErrorKind::Usage,
                            at + DataText::tr("not a text file (a NUL byte at offset %1)")
                                     .arg(static_cast<const char *>(nul) - data.constData()));
            if (data.size() > MaxInputBytes)
                return tooLarge();
        }
    } catch (const std::bad_alloc &) {
        return fail(ErrorKind::Usage,
                    at + DataText::tr("too large to read into memory (%1 bytes read)").arg(data.size()));
    }
    // A UTF-8 byte order mark (spreadsheet exports) is not part of the first field.
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    return data;
}

// Text input must be text: a binary file (an .npy given to a text model) would otherwise be scored as "lines".
Result<void> checkText(const QByteArray &data, const QString &path)
{
    if (const void *nul = std::memchr(data.constData(), 0, size_t(data.size())))
        return fail(ErrorKind::Usage,
                    fileLabel(path) + QStringLiteral(": ")
                        + DataText::tr("not a text file (a NUL byte at offset %1)")
                              .arg(static_cast<const char *>(nul) - data.constData()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    constexpr qsizetype Chunk = 1 << 20;
    qint64 line = 1;
    for (qsizetype at = 0; at < data.size(); at += Chunk) {
        const QByteArrayView piece = QByteArrayView(data).sliced(at, std::min(Chunk, data.size() - at));
        // Decoding chunk by chunk keeps the extra memory small; a character split across two chunks is fine
        // because the decoder keeps its state between calls.
        const QString decoded = decoder.decode(piece);   // decoding happens on conversion to QString
        if (decoder.hasError())
            return fail(ErrorKind::Usage, fileLabel(path) + QStringLiteral(": ")
                                              + DataText::tr("not UTF-8 text (in the lines from %1 on)").arg(line));
        line += piece.count('\n');
    }
    return {};
}

} // namespace

Result<DataSet> readCsv(const QString &path)
{
    const QString name = fileLabel(path);
    auto data = readWholeFile(path);
    if (!data)
        return fail(data.error());

    FloatBuffer values;
    qsizetype cols = -1;
    qsizetype rows = 0;
    bool sawFirst = false;
    qint64 firstLine = 0;
    bool header = false;
    std::optional<Error> error;
    forEachLine(*data, [&](const Line &line, qint64 number) {
        if (isBlankLine(line))
            return true;
        // Split into fields.
        qsizetype fields = 0;
        const qsizetype rowStart = qsizetype(values.size());
        bool numeric = true;
        qsizetype numbers = 0;
        qsizetype badColumn = 0;
        QByteArray badField;
        const char *p = line.begin;
        while (true) {
            const char *comma = static_cast<const char *>(std::memchr(p, ',', size_t(line.end - p)));
            const char *fieldEnd = comma ? comma : line.end;
            ++fields;
            float v = 0;
            if (parseNumber(p, fieldEnd, &v)) {
                values.push_back(v);
                ++numbers;
            } else if (numeric) {
                numeric = false;
                badColumn = fields;
                badField = QByteArray(p, fieldEnd - p).trimmed();
            }
            if (!comma)
                break;
            p = comma + 1;
        }
        if (!sawFirst) {
            sawFirst = true;
            cols = fields;
            firstLine = number;
            if (cols > maxFeatures) {
                error = Error{ErrorKind::Usage, QStringLiteral("%1:%2: ").arg(name).arg(number) + tooWide(cols), {}};
                return false;
            }
            if (numbers == 0) {
                header = true;
                // A header line: its fields name the columns and are not data. A first line with some numbers
                // and some words is a data row with a typo, reported below rather than dropped.
                values.resize(size_t(rowStart));
                return true;
            }
        }
        if (fields != cols) {
            error = Error{ErrorKind::Usage,
                          QStringLiteral("%1:%2: ").arg(name).arg(number)
                              + (header ? DataText::tr("expected %1 columns (as in the header on line %3), found %2")
                                        : DataText::tr("expected %1 columns (as on line %3), found %2"))
                                    .arg(cols)
                                    .arg(fields)
                                    .arg(firstLine),
                          {}};
            return false;
        }
        if (!numeric) {
            error = Error{ErrorKind::Usage,
                          QStringLiteral("%1:%2: ").arg(name).arg(number)
                              + DataText::tr("column %1: '%2' is not a number")
                                    .arg(badColumn)
                                    .arg(shownField(badField)),
                          {}};
            return false;
        }
        ++rows;
        return true;
    });
    if (error)
        return fail(*error);
    if (rows == 0)
        return fail(ErrorKind::Usage, name + QStringLiteral(": ") + DataText::tr("no data rows"));
    values.shrink_to_fit();
    return DataSet::dense(rows, cols, std::move(values), QFileInfo(path).fileName());
}

Result<DataSet> readTextLines(const QString &path)
{
    auto data = readWholeFile(path);
    if (!data)
        return fail(data.error());
    if (auto text = checkText(*data, path); !text)
        return fail(text.error());
    QList<QByteArray> lines;
    forEachLine(*data, [&](const Line &line, qint64) {
        if (!isBlankLine(line))
            lines.append(QByteArray(line.begin, line.end - line.begin));
        return true;
    });
    if (lines.isEmpty())
        return fail(ErrorKind::Usage, fileLabel(path) + QStringLiteral(": ") + DataText::tr("no lines"));
    return DataSet::text(std::move(lines), QFileInfo(path).fileName());
}

Result<DataSet> readInput(const QString &path, Sdk::InputKind kind)
{
    if (kind == Sdk::InputKind::Text)
        return readTextLines(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"npy")
        return readNpy(path);
    if (suffix == u"csv")
        return readCsv(path);
    return fail(ErrorKind::Usage,
                fileLabel(path) + QStringLiteral(": ") + DataText::tr("unsupported input format (expected .npy or .csv)"));
}

} // namespace Opsdeck::Core
