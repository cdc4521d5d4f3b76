#include "linearmodel.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

// AVX2 + FMA kernel built with a target attribute and picked at run time: x86-64 with GCC or Clang.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define OPSDECK_LINEAR_AVX2 1
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Opsdeck::Plugins {

namespace {

constexpr qsizetype DefaultFeatures = 100;
constexpr quint32 DefaultSeed = 42;
// 1 GiB of weights: a synthetic model beyond that is a typing mistake, not a scoring workload.
constexpr qsizetype MaxSyntheticWeights = qsizetype(1) << 28;
// Weights files are text: 1 GiB is about 100 million weights, far beyond what this backend is for.
constexpr qint64 MaxWeightsFileBytes = qint64(1) << 30;

const QStringList &knownOptions()
{
    static const QStringList names{QStringLiteral("features"), QStringLiteral("outputs"),
                                   QStringLiteral("seed"), QStringLiteral("link")};
    return names;
}

QString linkName(LinearModel::Link link)
{
    return link == LinearModel::Link::Logistic ? QStringLiteral("logistic") : QStringLiteral("identity");
}

std::optional<LinearModel::Link> parseLink(const QString &text)
{
    if (text == u"identity")
        return LinearModel::Link::Identity;
    if (text == u"logistic")
        return LinearModel::Link::Logistic;
    return std::nullopt;
}

/// y = X·w for `rows` contiguous row-major rows of `cols` floats, four rows at a time (the tail of fewer than
/// four rows and of fewer than four columns in plain C++): the single-output hot path, SSE2 version.
///
/// Offline scoring streams the batch from memory once, so this must run at memory bandwidth. On the 2-core
/// AMD EPYC (Zen 3) VM where bench/run is measured (2M × 100 rows, 10k-row batches from 2 threads, best of
/// 7), against a plain AVX2 read of the same bytes: this SSE2 kernel reaches 0.70–0.77 of it (0.65 without
/// the software prefetch), the AVX2 + FMA kernel below 0.9–1.0. Eigen's row-major gemv in an SSE2 build is
/// slower than either. Without SSE2 (non-x86 builds) Eigen's gemv does the work.
#if defined(__SSE2__)
void rowMajorGemvSse2(const float *x, qsizetype rows, qsizetype cols, const float *w, float *y)
{
    // ~12 KiB ahead of the rows being summed: far enough to hide memory latency, near enough for L1/L2.
    constexpr std::uintptr_t PrefetchDistance = 12 * 1024;
    constexpr std::uintptr_t CacheLine = 64;
    const std::uintptr_t bufferEnd = reinterpret_cast<std::uintptr_t>(x + rows * cols);
    const std::uintptr_t blockBytes = std::uintptr_t(4 * cols) * sizeof(float);
    const qsizetype vectorCols = cols & ~qsizetype(3);
    qsizetype r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float *a = x + r * cols;
        const float *b = a + cols;
        const float *c = b + cols;
        const float *d = c + cols;
        // Addresses as integers: the prefetch window may lie past the batch's end, where no pointer may go.
        const std::uintptr_t from = reinterpret_cast<std::uintptr_t>(a) + PrefetchDistance;
        const std::uintptr_t to = std::min(from + blockBytes, bufferEnd);
        for (std::uintptr_t line = from; line < to; line += CacheLine)
            _mm_prefetch(reinterpret_cast<const char *>(line), _MM_HINT_T0);

        __m128 sa = _mm_setzero_ps();
        __m128 sb = sa;
        __m128 sc = sa;
        __m128 sd = sa;
        for (qsizetype j = 0; j < vectorCols; j += 4) {
            const __m128 wj = _mm_loadu_ps(w + j);
            sa = _mm_add_ps(sa, _mm_mul_ps(_mm_loadu_ps(a + j), wj));
            sb = _mm_add_ps(sb, _mm_mul_ps(_mm_loadu_ps(b + j), wj));
            sc = _mm_add_ps(sc, _mm_mul_ps(_mm_loadu_ps(c + j), wj));
            sd = _mm_add_ps(sd, _mm_mul_ps(_mm_loadu_ps(d + j), wj));
        }
        // Transposing the four partial sums puts one row's lanes in each column: one add tree sums all four.
        _MM_TRANSPOSE4_PS(sa, sb, sc, sd);
        __m128 sums = _mm_add_ps(_mm_add_ps(sa, sb), _mm_add_ps(sc, sd));
        for (qsizetype j = vectorCols; j < cols; ++j)
            sums = _mm_add_ps(sums, _mm_mul_ps(_mm_set_ps(d[j], c[j], b[j], a[j]), _mm_set1_ps(w[j])));
        _mm_storeu_ps(y + r, sums);
    }
    for (; r < rows; ++r) {
        const float *a = x + r * cols;
        float sum = 0.0f;
        for (qsizetype j = 0; j < cols; ++j)
            sum += a[j] * w[j];
        y[r] = sum;
    }
}
#endif

#if defined(OPSDECK_LINEAR_AVX2)
/// 1 / (1 + e^−z) for four lanes: e^x as 2^n · p(r) with r = x − n·ln 2 in [−ln2/2, ln2/2] and Cephes'
/// degree-6 polynomial for e^r (relative error about 1e-7), then one exact division.
__attribute__((target("avx2,fma"))) inline __m128 logistic4(__m128 z)
{
    // max/min return their second operand when either is NaN: the clamp bounds come first so that a NaN
    // score stays NaN, as it does in the scalar and Eigen paths (not 1.0).
    const __m128 x =
        _mm_min_ps(_mm_set1_ps(88.0f), _mm_max_ps(_mm_set1_ps(-87.0f), _mm_sub_ps(_mm_setzero_ps(), z)));
    const __m128 n = _mm_round_ps(_mm_mul_ps(x, _mm_set1_ps(1.44269504088896341f)),
                                  _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m128 r = _mm_fnmadd_ps(n, _mm_set1_ps(0.693359375f), x);
    r = _mm_fnmadd_ps(n, _mm_set1_ps(-2.12194440e-4f), r);
    __m128 p = _mm_set1_ps(1.9875691500e-4f);
    p = _mm_fmadd_ps(p, r, _mm_set1_ps(1.3981999507e-3f));
    p = _mm_fmadd_ps(p, r, _mm_set1_ps(8.3334519073e-3f));
    p = _mm_fmadd_ps(p, r, _mm_set1_ps(4.1665795894e-2f));
    p = _mm_fmadd_ps(p, r, _mm_set1_ps(1.6666665459e-1f));
    p = _mm_fmadd_ps(p, r, _mm_set1_ps(5.0000001201e-1f));
    p = _mm_fmadd_ps(p, _mm_mul_ps(r, r), _mm_add_ps(r, _mm_set1_ps(1.0f)));
    const __m128i exponent = _mm_slli_epi32(_mm_add_epi32(_mm_cvtps_epi32(n), _mm_set1_epi32(127)), 23);
    const __m128 e = _mm_mul_ps(p, _mm_castsi128_ps(exponent));
    return _mm_div_ps(_mm_set1_ps(1.0f), _mm_add_ps(_mm_set1_ps(1.0f), e));
}

/// y = X·w + b, through the logistic function when `Logistic`, with AVX2 and FMA: chosen at run time on CPUs
/// that have both (the build itself targets baseline x86-64). Half the instructions of the SSE2 kernel per
/// byte read, which is what lets two threads keep up with memory; the link is applied to each group of four
/// rows as it is summed, so that its arithmetic overlaps the loads of the next rows instead of running as a
/// separate pass over the batch while the memory bus idles.
///
/// Software prefetch, 4 KiB ahead of the rows being summed, each cache line once: on Zen 3 the hardware
/// prefetcher kept ahead on its own, but on Zen 5 (56–70 GB/s from two cores) the out-of-order window of this
/// loop holds too few outstanding misses and the kernel stopped at 0.74 of a plain AVX2 read of the same bytes
/// (median of 11 passes, pinned threads, 2M × 100 rows, 10k-row batches); with the prefetch, 0.93–0.96. 1–3 KiB
/// and 6 KiB ahead were slower, prefetches into L2 only (T1) no better; non-temporal prefetches (NTA) were up to
/// 4 % faster on streamed data but 7 % slower than T0 on data that stays in the caches between passes (a
/// 16-MB data set cycled), where T0 is not slower than no prefetch. A flat walk over each 4-row block (one
/// stream of aligned loads) helped the hardware prefetcher without a software one (0.90) but not with it.
template<bool Logistic>
__attribute__((target("avx2,fma"))) void linearAvx2(const float *x, qsizetype rows, qsizetype cols,
                                                    const float *w, float bias, float *y)
{
    const qsizetype cols8 = cols & ~qsizetype(7);
    const qsizetype cols4 = cols & ~qsizetype(3);
    const __m128 b4 = _mm_set1_ps(bias);
    constexpr std::uintptr_t PrefetchDistance = 4 * 1024;
    constexpr std::uintptr_t CacheLine = 64;
    // Addresses as integers: the prefetch window runs past the batch's end, where no pointer may go; it stops at
    // the end. `nextLine` is the first line not yet prefetched.
    const std::uintptr_t bufferEnd = reinterpret_cast<std::uintptr_t>(x + rows * cols);
    const std::uintptr_t blockBytes = std::uintptr_t(4 * cols) * sizeof(float);
    std::uintptr_t nextLine = (reinterpret_cast<std::uintptr_t>(x) + PrefetchDistance) & ~(CacheLine - 1);
    qsizetype r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float *a = x + r * cols;
        const float *b = a + cols;
        const float *c = b + cols;
        const float *d = c + cols;
        const std::uintptr_t ahead =
            std::min(reinterpret_cast<std::uintptr_t>(a) + PrefetchDistance + blockBytes, bufferEnd);
        for (; nextLine < ahead; nextLine += CacheLine)
            _mm_prefetch(reinterpret_cast<const char *>(nextLine), _MM_HINT_T0);
        __m256 sa = _mm256_setzero_ps();
        __m256 sb = sa;
        __m256 sc = sa;
        __m256 sd = sa;
        for (qsizetype j = 0; j < cols8; j += 8) {
            const __m256 wj = _mm256_loadu_ps(w + j);
            sa = _mm256_fmadd_ps(_mm256_loadu_ps(a + j), wj, sa);
            sb = _mm256_fmadd_ps(_mm256_loadu_ps(b + j), wj, sb);
            sc = _mm256_fmadd_ps(_mm256_loadu_ps(c + j), wj, sc);
            sd = _mm256_fmadd_ps(_mm256_loadu_ps(d + j), wj, sd);
        }
        __m128 qa = _mm_add_ps(_mm256_castps256_ps128(sa), _mm256_extractf128_ps(sa, 1));
        __m128 qb = _mm_add_ps(_mm256_castps256_ps128(sb), _mm256_extractf128_ps(sb, 1));
        __m128 qc = _mm_add_ps(_mm256_castps256_ps128(sc), _mm256_extractf128_ps(sc, 1));
        __m128 qd = _mm_add_ps(_mm256_castps256_ps128(sd), _mm256_extractf128_ps(sd, 1));
        if (cols4 > cols8) {
            const __m128 wj = _mm_loadu_ps(w + cols8);
            qa = _mm_fmadd_ps(_mm_loadu_ps(a + cols8), wj, qa);
            qb = _mm_fmadd_ps(_mm_loadu_ps(b + cols8), wj, qb);
            qc = _mm_fmadd_ps(_mm_loadu_ps(c + cols8), wj, qc);
            qd = _mm_fmadd_ps(_mm_loadu_ps(d + cols8), wj, qd);
        }
        // Transposing the four partial sums puts one row's lanes in each column: one add tree sums all four.
        _MM_TRANSPOSE4_PS(qa, qb, qc, qd);
        __m128 sums = _mm_add_ps(_mm_add_ps(qa, qb), _mm_add_ps(qc, qd));
        for (qsizetype j = cols4; j < cols; ++j)
            sums = _mm_fmadd_ps(_mm_set_ps(d[j], c[j], b[j], a[j]), _mm_set1_ps(w[j]), sums);
        sums = _mm_add_ps(sums, b4);
        if constexpr (Logistic)
            sums = logistic4(sums);
        _mm_storeu_ps(y + r, sums);
    }
    for (; r < rows; ++r) {
        const float *a = x + r * cols;
        float sum = 0.0f;
        for (qsizetype j = 0; j < cols; ++j)
            sum += a[j] * w[j];
        sum += bias;
        y[r] = Logistic ? 1.0f / (1.0f + std::exp(-sum)) : sum;
    }
}

bool cpuHasAvx2Fma()
{
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    return has;
}
#endif

/// The single-output model: y = link(X·w + b).
void scoreSingleOutput(const float *x, qsizetype rows, qsizetype cols, const float *w, float bias,
                       bool logistic, float *y)
{
#if defined(OPSDECK_LINEAR_AVX2)
    if (cpuHasAvx2Fma()) {
        if (logistic)
            linearAvx2<true>(x, rows, cols, w, bias, y);
        else
            linearAvx2<false>(x, rows, cols, w, bias, y);
        return;
    }
#endif
#if defined(__SSE2__)
    rowMajorGemvSse2(x, rows, cols, w, y);
#else
    using Matrix = LinearModel::Matrix;
    Eigen::Map<Eigen::VectorXf>(y, rows).noalias() =
        Eigen::Map<const Matrix>(x, rows, cols) * Eigen::Map<const Eigen::VectorXf>(w, cols);
#endif
    Eigen::Map<Eigen::VectorXf> out(y, rows);
    if (logistic)
        out = (out.array() + bias).logistic();
    else if (bias != 0.0f)
        out.array() += bias;
}

bool fitsFloat(double value)
{
    return std::isfinite(value) && std::fabs(value) <= double(FLT_MAX);
}

/// Weights as read from a file, before they become Eigen objects.
struct ParsedWeights
{
    std::vector<float> weights; // k × n, row-major
    std::vector<float> bias;    // k
    qsizetype rows = 0;
    qsizetype cols = 0;
    std::optional<LinearModel::Link> link;
};

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::LinearModel)
};

/// Appends one row of weights, checking its length against the first row (or the requested feature count).
bool acceptRowLength(ParsedWeights &parsed, qsizetype rowLength, qsizetype expected, const QString &where,
                     qsizetype rowNumber, QString *error)
{
    if (rowLength == 0) {
        *error = Text::tr("%1: row %2 has no weights").arg(where).arg(rowNumber);
        return false;
    }
    const qsizetype want = expected > 0 ? expected : (parsed.rows == 0 ? rowLength : parsed.cols);
    if (rowLength != want) {
        *error = Text::tr("%1: row %2 has %3 weights, expected %4")
                     .arg(where)
                     .arg(rowNumber)
                     .arg(rowLength)
                     .arg(want);
        return false;
    }
    parsed.cols = want;
    return true;
}

std::optional<ParsedWeights> parseJson(const QString &path, const QByteArray &bytes, qsizetype expected,
                                       QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("%1: not valid JSON at offset %2: %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Text::tr("%1: the top level must be a JSON object").arg(path);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    ParsedWeights parsed;

    const QJsonValue weights = root.value(u"weights");
    if (weights.isUndefined()) {
        *error = Text::tr("%1: missing 'weights'").arg(path);
        return std::nullopt;
    }
    const QString notNumbers = Text::tr("%1: 'weights' must be an array of numbers").arg(path);
    if (!weights.isArray() || weights.toArray().isEmpty()) {
        *error = notNumbers;
        return std::nullopt;
    }
    const QJsonArray outer = weights.toArray();
    const bool matrix = outer.first().isArray();
    auto appendNumber = [&](const QJsonValue &v, qsizetype row, qsizetype index) {
        if (!v.isDouble()) {
            *error = matrix
                         ? Text::tr("%1: row %2 of 'weights' must be an array of numbers").arg(path).arg(row)
                         : notNumbers;
            return false;
        }
        if (!fitsFloat(v.toDouble())) {
            *error = Text::tr("%1: 'weights' row %2, weight %3 does not fit a float32 (%4)")
                         .arg(path)
                         .arg(row)
                         .arg(index)
                         .arg(v.toDouble());
            return false;
        }
        parsed.weights.push_back(float(v.toDouble()));
        return true;
    };
    if (matrix) {
        qsizetype rowNumber = 0;
        for (const QJsonValue &rowValue : outer) {
            ++rowNumber;
            if (!rowValue.isArray()) {
                *error =
                    Text::tr("%1: row %2 of 'weights' must be an array of numbers").arg(path).arg(rowNumber);
                return std::nullopt;
            }
            const QJsonArray row = rowValue.toArray();
            if (!acceptRowLength(parsed, row.size(), expected, path, rowNumber, error))
                return std::nullopt;
            qsizetype index = 0;
            for (const QJsonValue &v : row) {
                if (!appendNumber(v, rowNumber, ++index))
                    return std::nullopt;
            }
            ++parsed.rows;
        }
    } else {
        if (!acceptRowLength(parsed, outer.size(), expected, path, 1, error))
            return std::nullopt;
        qsizetype index = 0;
        for (const QJsonValue &v : outer) {
            if (!appendNumber(v, 1, ++index))
                return std::nullopt;
        }
        parsed.rows = 1;
    }

    const QJsonValue bias = root.value(u"bias");
    if (bias.isUndefined()) {
        parsed.bias.assign(size_t(parsed.rows), 0.0f);
    } else if (!matrix) {
        // One output column: a number, or (for symmetry with the k-column form) an array of one number.
        const QJsonValue b = bias.isArray() && bias.toArray().size() == 1 ? bias.toArray().first() : bias;
        if (!b.isDouble() || !fitsFloat(b.toDouble())) {
            *error = Text::tr("%1: 'bias' must be a number").arg(path);
            return std::nullopt;
        }
        parsed.bias.push_back(float(b.toDouble()));
    } else {
        const QString wrongBias =
            Text::tr("%1: 'bias' must be an array of %2 numbers (one per row of 'weights')")
                .arg(path)
                .arg(parsed.rows);
        if (!bias.isArray() || bias.toArray().size() != parsed.rows) {
            *error = wrongBias;
            return std::nullopt;
        }
        for (const QJsonValue &v : bias.toArray()) {
            if (!v.isDouble() || !fitsFloat(v.toDouble())) {
                *error = wrongBias;
                return std::nullopt;
            }
            parsed.bias.push_back(float(v.toDouble()));
        }
    }

    const QJsonValue link = root.value(u"link");
    if (!link.isUndefined()) {
        parsed.link = link.isString() ? parseLink(link.toString()) : std::nullopt;
        if (!parsed.link) {
            *error = link.isString()
                         ? Text::tr("%1: 'link' must be \"identity\" or \"logistic\", not \"%2\"")
                               .arg(path, link.toString())
                         : Text::tr("%1: 'link' must be the string \"identity\" or \"logistic\"").arg(path);
            return std::nullopt;
        }
    }
    return parsed;
}

std::optional<ParsedWeights> parseCsv(const QString &path, const QByteArray &bytes, qsizetype expected,
                                      QString *error)
{
    ParsedWeights parsed;
    qsizetype lineNumber = 0;
    for (QByteArray line : bytes.split('\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() < 2) {
            *error = Text::tr("%1:%2: expected the weights and then the bias, found a single field")
                         .arg(path)
                         .arg(lineNumber);
            return std::nullopt;
        }
        if (!acceptRowLength(parsed, fields.size() - 1, expected,
                             QStringLiteral("%1:%2").arg(path).arg(lineNumber), parsed.rows + 1, error))
            return std::nullopt;
        qsizetype fieldNumber = 0;
        for (const QByteArray &field : fields) {
            ++fieldNumber;
            bool ok = false;
            const double value = field.trimmed().toDouble(&ok);
            if (!ok || !fitsFloat(value)) {
                *error = Text::tr("%1:%2: field %3 is not a finite float32 number ('%4')")
                             .arg(path)
                             .arg(lineNumber)
                             .arg(fieldNumber)
                             .arg(QString::fromUtf8(field.trimmed()));
                return std::nullopt;
            }
            if (fieldNumber == fields.size())
                parsed.bias.push_back(float(value));
            else
                parsed.weights.push_back(float(value));
        }
        ++parsed.rows;
    }
    if (parsed.rows == 0) {
        *error = Text::tr("%1: no weight rows (expected one line per output column: weights, then the bias)")
                     .arg(path);
        return std::nullopt;
    }
    return parsed;
}

std::optional<qint64> parseWholeNumber(const Sdk::ModelConfig &config, const QString &name, qint64 min,
                                       qint64 max, QString *error)
{
    const QString text = config.options.value(name);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = Text::tr("linear: option '%1' must be a whole number from %2 to %3, not '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return std::nullopt;
    }
    return value;
}

/// A uniform float in [-1, 1) from the generator's raw output, so the synthetic model is the same with every
/// standard library (std::uniform_real_distribution is implementation-defined).
float symmetricUnit(std::mt19937 &generator)
{
    return float(generator() >> 8) * (1.0f / 8388608.0f) - 1.0f;
}

} // namespace

std::unique_ptr<LinearModel> LinearModel::load(const Sdk::ModelConfig &config, QString *error)
{
    for (auto it = config.options.cbegin(); it != config.options.cend(); ++it) {
        if (!knownOptions().contains(it.key())) {
            *error = tr("linear: unknown option '%1' (known: %2)").arg(it.key(), knownOptions().join(u", "));
            return nullptr;
        }
    }
    std::optional<Link> linkOption;
    if (config.options.contains(QStringLiteral("link"))) {
        linkOption = parseLink(config.options.value(QStringLiteral("link")));
        if (!linkOption) {
            *error = tr("linear: option 'link' must be identity or logistic, not '%1'")
                         .arg(config.options.value(QStringLiteral("link")));
            return nullptr;
        }
    }
    qsizetype features = config.features;
    if (config.options.contains(QStringLiteral("features"))) {
        const auto value = parseWholeNumber(config, QStringLiteral("features"), 1, 1 << 24, error);
        if (!value)
            return nullptr;
        features = qsizetype(*value);
    }

    if (!config.modelPath.isEmpty()) {
        for (const QString &synthetic : {QStringLiteral("outputs"), QStringLiteral("seed")}) {
            if (config.options.contains(synthetic)) {
                *error = tr("linear: option '%1' applies to the synthetic model only (a weights file was "
                            "given: %2)")
                             .arg(synthetic, config.modelPath);
                return nullptr;
            }
        }
        const QString &path = config.modelPath;
        // Checked before opening: opening a FIFO blocks until a writer comes, and reading /dev/zero or a
        // huge file would grow the buffer until the allocation aborts the process.
        if (const QFileInfo info(path); info.exists() && !info.isFile()) {
            *error = tr("%1: not a regular file (a weights file must be a file, not a directory, device or "
                        "pipe)")
                         .arg(path);
            return nullptr;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("%1: cannot open: %2").arg(path, file.errorString());
            return nullptr;
        }
        if (file.size() > MaxWeightsFileBytes) {
            *error = tr("%1: %2 bytes, more than the %3 MiB a weights file may have")
                         .arg(path)
                         .arg(file.size())
                         .arg(MaxWeightsFileBytes >> 20);
            return nullptr;
        }
        // readAll(), not read(limit): Qt sizes the buffer by the limit first. The size was checked above.
        QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            *error = tr("%1: cannot read: %2").arg(path, file.errorString());
            return nullptr;
        }
        // A UTF-8 byte order mark (spreadsheet exports) is not part of the first weight.
        if (bytes.startsWith("\xEF\xBB\xBF"))
            bytes.remove(0, 3);
        const QString suffix = QFileInfo(path).suffix().toLower();
        const bool json = suffix == u"json" || (suffix != u"csv" && bytes.trimmed().startsWith('{'));
        auto parsed = json ? parseJson(path, bytes, features, error) : parseCsv(path, bytes, features, error);
        if (!parsed)
            return nullptr;
        Matrix weights = Eigen::Map<const Matrix>(parsed->weights.data(), parsed->rows, parsed->cols);
        Eigen::VectorXf bias = Eigen::Map<const Eigen::VectorXf>(parsed->bias.data(), parsed->rows);
        const Link link = linkOption.value_or(parsed->link.value_or(Link::Identity));
        return std::make_unique<LinearModel>(std::move(weights), std::move(bias), link,
                                             tr("weights %1").arg(QFileInfo(path).fileName()));
    }

    if (features <= 0)
        features = DefaultFeatures;
    qsizetype outputs = 1;
    if (config.options.contains(QStringLiteral("outputs"))) {
        const auto value = parseWholeNumber(config, QStringLiteral("outputs"), 1, 4096, error);
        if (!value)
            return nullptr;
        outputs = qsizetype(*value);
    }
    quint32 seed = DefaultSeed;
    if (config.options.contains(QStringLiteral("seed"))) {
        const auto value = parseWholeNumber(config, QStringLiteral("seed"), 0, UINT32_MAX, error);
        if (!value)
            return nullptr;
        seed = quint32(*value);
    }
    if (features > MaxSyntheticWeights / outputs) {
        *error = tr("linear: a synthetic model of %1 outputs × %2 features is too large (at most %3 weights)")
                     .arg(outputs)
                     .arg(features)
                     .arg(MaxSyntheticWeights);
        return nullptr;
    }
    // Weights uniform in ±sqrt(3/n): with standard-normal inputs the logits then have unit variance, so a
    // logistic synthetic model produces scores spread over (0, 1) rather than saturated at 0 or 1.
    std::mt19937 generator(seed);
    const float scale = std::sqrt(3.0f / float(features));
    Matrix weights(outputs, features);
    Eigen::VectorXf bias(outputs);
    for (qsizetype r = 0; r < outputs; ++r) {
        for (qsizetype c = 0; c < features; ++c)
            weights(r, c) = symmetricUnit(generator) * scale;
        bias(r) = symmetricUnit(generator) * 0.1f;
    }
    return std::make_unique<LinearModel>(std::move(weights), std::move(bias),
                                         linkOption.value_or(Link::Logistic),
                                         tr("synthetic seed %1").arg(seed));
}

LinearModel::LinearModel(Matrix weights, Eigen::VectorXf bias, Link link, QString source)
    : m_weights(std::move(weights)), m_bias(std::move(bias)), m_link(link), m_source(std::move(source))
{
    if (m_weights.rows() == 1) {
        m_single = m_weights.row(0).transpose();
        m_singleBias = m_bias(0);
    }
}

QString LinearModel::describe() const
{
    return tr("%1, %2 features, k=%3, %4")
        .arg(linkName(m_link))
        .arg(m_weights.cols())
        .arg(m_weights.rows())
        .arg(m_source);
}

QJsonObject LinearModel::statistics() const
{
    return QJsonObject{{QStringLiteral("link"), linkName(m_link)},
                       {QStringLiteral("features"), qint64(m_weights.cols())},
                       {QStringLiteral("outputs"), qint64(m_weights.rows())},
                       {QStringLiteral("source"), m_source}};
}

bool LinearModel::score(const Sdk::BatchInput &input, float *out, QString *error)
{
    if (!input.values) {
        *error = tr("linear: text input is not supported (the model expects dense float32 rows)");
        return false;
    }
    if (input.cols != m_weights.cols()) {
        *error = tr("input has %1 columns, model expects %2").arg(input.cols).arg(m_weights.cols());
        return false;
    }
    if (input.rows <= 0)
        return true;
    if (m_weights.rows() == 1) {
        // The common case is a single score per row: a matrix-vector product over the row-major input, which
        // streams the batch once and is bound by memory bandwidth.
        scoreSingleOutput(input.values, input.rows, input.cols, m_single.data(), m_singleBias,
                          m_link == Link::Logistic, out);
        return true;
    }
    const Eigen::Map<const Matrix> x(input.values, input.rows, input.cols);
    Eigen::Map<Matrix> y(out, input.rows, m_weights.rows());
    y.noalias() = x * m_weights.transpose();
    y.rowwise() += m_bias.transpose();
    if (m_link == Link::Logistic)
        y = y.array().logistic().matrix();
    return true;
}

} // namespace Opsdeck::Plugins
