#include "fasttextfilecheck.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

namespace Opsdeck::Plugins {

namespace {

constexpr std::int32_t Magic = 793712314; // FASTTEXT_FILEFORMAT_MAGIC_INT32
constexpr std::int32_t OldestVersion = 11;
constexpr std::int32_t NewestVersion = 12;  // FASTTEXT_VERSION of fastText 0.9
constexpr std::int32_t ModelSupervised = 3; // fasttext::model_name::sup
constexpr std::int64_t CentroidsPerSubquantizer = 256;
constexpr std::int32_t MaxDim = 1 << 20;
constexpr std::int32_t MaxWordNgrams = 100;
constexpr std::int32_t MaxCharNgram = 1000;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::FasttextModel)
};

/// A bounds-checked little-endian reader over the mapped file.
class Reader
{
public:
    Reader(const uchar *data, qint64 size) : m_data(data), m_size(size) {}

    template<typename T> bool read(T *value)
    {
        if (m_size - m_pos < qint64(sizeof(T)))
            return false;
        std::memcpy(value, m_data + m_pos, sizeof(T));
        m_pos += qint64(sizeof(T));
        return true;
    }

    /// A C++ bool as fastText writes it: one byte, 0 or 1 (anything else is not a bool and fails).
    bool readFlag(bool *value)
    {
        std::uint8_t byte = 0;
        if (!read(&byte) || byte > 1)
            return false;
        *value = byte == 1;
        return true;
    }

    bool skip(std::int64_t bytes)
    {
        if (bytes < 0 || m_size - m_pos < bytes)
            return false;
        m_pos += bytes;
        return true;
    }

    /// Skips a NUL-terminated string.
    bool skipString()
    {
        const void *end = std::memchr(m_data + m_pos, 0, size_t(m_size - m_pos));
        if (!end)
            return false;
        m_pos = static_cast<const uchar *>(end) - m_data + 1;
        return true;
    }

    [[nodiscard]] qint64 remaining() const { return m_size - m_pos; }

private:
    const uchar *m_data;
    qint64 m_size;
    qint64 m_pos = 0;
};

/// rows × cols elements of `elementSize` bytes, or -1 when the product overflows.
std::int64_t byteCount(std::int64_t rows, std::int64_t cols, std::int64_t elementSize)
{
    if (rows < 0 || cols < 0)
        return -1;
    if (cols != 0 && rows > std::numeric_limits<std::int64_t>::max() / cols / elementSize)
        return -1;
    return rows * cols * elementSize;
}

class Checker
{
public:
    Checker(const QString &path, Reader &reader, QString *error) : m_path(path), m_in(reader), m_error(error)
    {}

    bool truncated(const QString &part)
    {
        *m_error = Text::tr("%1: truncated fastText model (ends inside the %2)").arg(m_path, part);
        return false;
    }

    bool corrupt(const QString &what)
    {
        *m_error = Text::tr("%1: corrupt fastText model (%2)").arg(m_path, what);
        return false;
    }

    bool denseMatrix(const QString &part, std::int64_t expectRows, std::int32_t dim)
    {
        std::int64_t rows = 0, cols = 0;
        if (!m_in.read(&rows) || !m_in.read(&cols))
            return truncated(part);
        if (cols != dim || (expectRows >= 0 && rows != expectRows)) {
            return corrupt(Text::tr("the %1 is %2 × %3, expected %4 × %5")
                               .arg(part)
                               .arg(rows)
                               .arg(cols)
                               .arg(expectRows)
                               .arg(dim));
        }
        const std::int64_t bytes = byteCount(rows, cols, 4);
        if (bytes < 0)
            return corrupt(Text::tr("the %1 size overflows").arg(part));
        if (!m_in.skip(bytes))
            return truncated(part);
        return true;
    }

    bool productQuantizer(const QString &part, std::int32_t expectDim)
    {
        std::int32_t dim = 0, nsubq = 0, dsub = 0, lastdsub = 0;
        if (!m_in.read(&dim) || !m_in.read(&nsubq) || !m_in.read(&dsub) || !m_in.read(&lastdsub))
            return truncated(part);
        // fastText derives nsubq and lastdsub from dim and dsub and indexes its centroids with all of them:
        // values that disagree make it read outside the centroid table.
        const bool consistent = dim == expectDim && dsub > 0 && dsub <= dim &&
                                nsubq == (dim + dsub - 1) / dsub &&
                                lastdsub == (dim % dsub != 0 ? dim % dsub : dsub);
        if (!consistent) {
            return corrupt(
                Text::tr("the %1 has an inconsistent product quantizer: dim %2, nsubq %3, dsub %4, "
                         "lastdsub %5")
                    .arg(part)
                    .arg(dim)
                    .arg(nsubq)
                    .arg(dsub)
                    .arg(lastdsub));
        }
        if (!m_in.skip(byteCount(dim, CentroidsPerSubquantizer, 4)))
            return truncated(part);
        m_subquantizers = nsubq;
        return true;
    }

    /// Rows of the last quantized matrix read.
    [[nodiscard]] std::int64_t quantizedRows() const { return m_rows; }

    bool quantizedMatrix(const QString &part, std::int64_t minRows, std::int32_t dim)
    {
        bool qnorm = false;
        std::int64_t rows = 0, cols = 0;
        std::int32_t codeSize = 0;
        if (!m_in.readFlag(&qnorm) || !m_in.read(&rows) || !m_in.read(&cols) || !m_in.read(&codeSize))
            return truncated(part);
        if (cols != dim || rows < minRows || codeSize < 0)
            return corrupt(
                Text::tr("the %1 is %2 × %3 with %4 code bytes").arg(part).arg(rows).arg(cols).arg(codeSize));
        if (!m_in.skip(codeSize))
            return truncated(part);
        m_rows = rows;
        if (!productQuantizer(part, dim))
            return false;
        if (byteCount(rows, m_subquantizers, 1) != codeSize)
            return corrupt(
                Text::tr("the %1 has %2 code bytes for %3 rows").arg(part).arg(codeSize).arg(rows));
        if (qnorm) {
            if (!m_in.skip(rows))
                return truncated(part);
            if (!productQuantizer(part, 1))
                return false;
        }
        return true;
    }

private:
    const QString &m_path;
    Reader &m_in;
    QString *m_error;
    std::int32_t m_subquantizers = 0;
    std::int64_t m_rows = 0;
};

} // namespace

std::optional<FasttextFileSummary> checkFasttextFile(const QString &path, QString *error)
{
    // Checked before opening: opening a FIFO blocks until a writer comes; a device has no size to check.
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        *error = Text::tr("%1: not a regular file (a model must be a file, not a directory, device or pipe)")
                     .arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const qint64 size = file.size();
    const QString badMagic = Text::tr("%1: not a fastText model (bad magic)").arg(path);
    if (size < 8) {
        *error = badMagic;
        return std::nullopt;
    }
    // Mapped, not read: a real model can be gigabytes, and only its structure is looked at here.
    const uchar *data = file.map(0, size);
    if (!data) {
        *error = Text::tr("%1: cannot map: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    Reader in(data, size);
    Checker check(path, in, error);
    FasttextFileSummary summary;

    std::int32_t magic = 0, version = 0;
    in.read(&magic);
    in.read(&version);
    if (magic != Magic) {
        *error = badMagic;
        return std::nullopt;
    }
    if (version < OldestVersion || version > NewestVersion) {
        *error = Text::tr("%1: fastText format version %2 is not supported (this build reads %3 to %4)")
                     .arg(path)
                     .arg(version)
                     .arg(OldestVersion)
                     .arg(NewestVersion);
        return std::nullopt;
    }
    summary.version = version;

    // Args: dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate (int32
    // each), then t (double).
    std::int32_t args[12] = {};
    double t = 0;
    for (std::int32_t &a : args) {
        if (!in.read(&a)) {
            check.truncated(Text::tr("arguments"));
            return std::nullopt;
        }
    }
    if (!in.read(&t)) {
        check.truncated(Text::tr("arguments"));
        return std::nullopt;
    }
    const std::int32_t dim = args[0];
    const std::int32_t loss = args[6];
    const std::int32_t modelKind = args[7];
    const std::int32_t wordNgrams = args[5];
    const std::int32_t bucket = args[8];
    const std::int32_t minn = args[9];
    const std::int32_t maxn = args[10];
    if (dim <= 0 || dim > MaxDim || loss < 1 || loss > 4 || modelKind < 1 || modelKind > 3 || bucket < 0) {
        check.corrupt(Text::tr("arguments out of range: dim %1, loss %2, model %3, bucket %4")
                          .arg(dim)
                          .arg(loss)
                          .arg(modelKind)
                          .arg(bucket));
        return std::nullopt;
    }
    // Word n-grams and character n-grams are hashed into `bucket` buckets (hash % bucket): without buckets
    // fastText divides by zero on the first line.
    if (wordNgrams < 1 || wordNgrams > MaxWordNgrams || minn < 0 || maxn < 0 || maxn > MaxCharNgram ||
        (maxn > 0 && minn > maxn)) {
        check.corrupt(Text::tr("arguments out of range: wordNgrams %1, minn %2, maxn %3")
                          .arg(wordNgrams)
                          .arg(minn)
                          .arg(maxn));
        return std::nullopt;
    }
    if (bucket == 0 && (wordNgrams > 1 || maxn > 0)) {
        check.corrupt(Text::tr("bucket is 0, but wordNgrams %1 and maxn %2 need hash buckets")
                          .arg(wordNgrams)
                          .arg(maxn));
        return std::nullopt;
    }
    if (modelKind != ModelSupervised) {
        *error = Text::tr("%1: not a supervised fastText model (%2): only classifiers can score text")
                     .arg(path, modelKind == 1 ? QStringLiteral("cbow") : QStringLiteral("skipgram"));
        return std::nullopt;
    }
    summary.dim = dim;

    // Dictionary: size, nwords, nlabels (int32), ntokens, pruneidx_size (int64), entries, pruned-index pairs.
    const QString dictionary = Text::tr("dictionary");
    std::int32_t entries = 0, words = 0, labels = 0;
    std::int64_t tokens = 0, pruned = 0;
    if (!in.read(&entries) || !in.read(&words) || !in.read(&labels) || !in.read(&tokens) ||
        !in.read(&pruned)) {
        check.truncated(dictionary);
        return std::nullopt;
    }
    if (entries < 0 || words < 0 || labels < 0 || std::int64_t(words) + labels != entries || pruned < -1) {
        check.corrupt(Text::tr("dictionary counts: %1 entries, %2 words, %3 labels")
                          .arg(entries)
                          .arg(words)
                          .arg(labels));
        return std::nullopt;
    }
    if (labels == 0) {
        check.corrupt(Text::tr("a supervised model without labels"));
        return std::nullopt;
    }
    for (std::int32_t i = 0; i < entries; ++i) {
        std::int8_t type = 0;
        if (!in.skipString() || !in.skip(8) || !in.read(&type)) {
            check.truncated(dictionary);
            return std::nullopt;
        }
        // fastText keeps the words first and the labels after them, and finds labels by that position.
        if (type != (i < words ? 0 : 1)) {
            check.corrupt(Text::tr("dictionary entry %1 has type %2, expected %3 (%4 words, then labels)")
                              .arg(i)
                              .arg(type)
                              .arg(i < words ? 0 : 1)
                              .arg(words));
            return std::nullopt;
        }
    }
    // Pruned index: (bucket, row) pairs; the row is added to nwords to index the input matrix.
    std::int64_t largestPrunedRow = -1;
    if (pruned > 0 && in.remaining() / 8 < pruned) {
        check.truncated(dictionary);
        return std::nullopt;
    }
    for (std::int64_t i = 0; i < pruned; ++i) {
        std::int32_t key = 0, row = 0;
        in.read(&key);
        in.read(&row);
        if (key < 0 || key >= bucket || row < 0) {
            check.corrupt(
                Text::tr("pruned index entry %1: bucket %2, row %3 out of range").arg(i).arg(key).arg(row));
            return std::nullopt;
        }
        largestPrunedRow = std::max<std::int64_t>(largestPrunedRow, row);
    }
    summary.words = words;
    summary.labels = labels;

    bool quantizedInput = false;
    if (!in.readFlag(&quantizedInput)) {
        check.truncated(Text::tr("input matrix"));
        return std::nullopt;
    }
    summary.quantized = quantizedInput;
    if (quantizedInput) {
        if (!check.quantizedMatrix(Text::tr("input matrix"), words, dim))
            return std::nullopt;
        if (largestPrunedRow >= 0 && std::int64_t(words) + largestPrunedRow >= check.quantizedRows()) {
            check.corrupt(Text::tr("pruned index row %1 is beyond the input matrix's %2 rows")
                              .arg(largestPrunedRow)
                              .arg(check.quantizedRows() - words));
            return std::nullopt;
        }
    } else {
        // Word ids and n-gram hashes index the input matrix directly: it must have exactly these rows.
        if (pruned >= 0) {
            check.corrupt(Text::tr("a pruned dictionary with a dense input matrix"));
            return std::nullopt;
        }
        if (!check.denseMatrix(Text::tr("input matrix"), std::int64_t(words) + bucket, dim))
            return std::nullopt;
    }
    bool quantizedOutput = false;
    if (!in.readFlag(&quantizedOutput)) {
        check.truncated(Text::tr("output matrix"));
        return std::nullopt;
    }
    if (quantizedInput && quantizedOutput) {
        if (!check.quantizedMatrix(Text::tr("output matrix"), labels, dim))
            return std::nullopt;
    } else if (!check.denseMatrix(Text::tr("output matrix"), labels, dim)) {
        return std::nullopt;
    }
    if (in.remaining() != 0) {
        check.corrupt(Text::tr("%1 unexpected bytes after the output matrix").arg(in.remaining()));
        return std::nullopt;
    }
    return summary;
}

} // namespace Opsdeck::Plugins
