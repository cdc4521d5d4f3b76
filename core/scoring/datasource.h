#pragma once

#include "common/error.h"
#include "modelbackend.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace Opsdeck::Core {

/// Large buffers (data sets, kept outputs) come from here: 2 MiB-aligned and marked for transparent huge pages,
/// so that streaming through hundreds of megabytes costs one TLB entry per 2 MiB instead of per 4 KiB.
/// Small sizes use operator new. Throws std::bad_alloc like operator new.
void *allocateLarge(size_t bytes);
void freeLarge(void *p, size_t bytes) noexcept;

/// std::allocator that leaves new elements uninitialised, so that a multi-hundred-megabyte float buffer is not
/// zeroed before it is filled (the first write faults each page in once, on the thread that fills it).
template<typename T>
struct UninitialisedAllocator : std::allocator<T>
{
    template<typename U>
    struct rebind
    {
        using other = UninitialisedAllocator<U>;
    };
    UninitialisedAllocator() = default;
    template<typename U>
    explicit UninitialisedAllocator(const UninitialisedAllocator<U> &) noexcept
    {
    }
    T *allocate(size_t n) { return static_cast<T *>(allocateLarge(n * sizeof(T))); }
    void deallocate(T *p, size_t n) noexcept { freeLarge(p, n * sizeof(T)); }
    template<typename U>
    void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(p)) U;
    }
    template<typename U, typename... Args>
    void construct(U *p, Args &&...args)
    {
        std::allocator_traits<std::allocator<T>>::construct(static_cast<std::allocator<T> &>(*this), p,
                                                            std::forward<Args>(args)...);
    }
};

using FloatBuffer = std::vector<float, UninitialisedAllocator<float>>;

/// The rows a benchmark scores: a dense float32 matrix (rows × cols, row-major, contiguous) or a list of text
/// lines. Immutable once built, so any number of threads may read batches from it at once.
class DataSet final
{
public:
    DataSet() = default;
    DataSet(DataSet &&) noexcept = default;
    DataSet &operator=(DataSet &&) noexcept = default;
    DataSet(const DataSet &) = delete;
    DataSet &operator=(const DataSet &) = delete;

    /// A dense data set; `values` holds rows × cols floats.
    static DataSet dense(qsizetype rows, qsizetype cols, FloatBuffer values, QString description);
    /// A text data set, one row per line.
    static DataSet text(QList<QByteArray> lines, QString description);

    [[nodiscard]] Sdk::InputKind kind() const { return m_kind; }
    [[nodiscard]] qsizetype rows() const { return m_rows; }
    /// Columns of a dense set; 0 for text.
    [[nodiscard]] qsizetype cols() const { return m_cols; }
    [[nodiscard]] const float *values() const { return m_values.data(); }
    [[nodiscard]] const QByteArray *lines() const { return m_lines.constData(); }
    /// "synthetic uniform [-1,1), seed 42", "data.npy (float64)", … for reports.
    [[nodiscard]] QString description() const { return m_description; }
    /// Bytes of row data (dense: rows·cols·4; text: the lines' lengths).
    [[nodiscard]] qint64 bytes() const;

    /// The batch of `count` rows starting at `first` (which must lie inside the set).
    [[nodiscard]] Sdk::BatchInput batch(qsizetype first, qsizetype count) const;

    /// Repeats the rows (in order) until there are at least `minRows`; no-op when there are enough already.
    /// Fails (Usage) when the repeated rows would not fit in memory; the data set is then unchanged.
    [[nodiscard]] Result<void> repeatTo(qsizetype minRows);

private:
    Sdk::InputKind m_kind = Sdk::InputKind::DenseFloat32;
    qsizetype m_rows = 0;
    qsizetype m_cols = 0;
    FloatBuffer m_values;
    QList<QByteArray> m_lines;
    QString m_description;
};

/// `rows` × `cols` floats, uniform in [-1, 1), from a seeded splitmix64 stream cut into fixed chunks so the data
/// depend only on the seed (not on `threads`). Generated on `threads` threads (0 = ideal thread count).
/// Errors (Usage): a size ≤ 0 or one that does not fit in memory.
[[nodiscard]] Result<DataSet> syntheticDense(qsizetype rows, qsizetype cols, quint64 seed, int threads = 0);

/// `rows` text lines of 4 to 24 words from a seeded vocabulary of 512 words. Errors (Usage): rows ≤ 0.
[[nodiscard]] Result<DataSet> syntheticText(qsizetype rows, quint64 seed);

/// A .npy file: format version 1.0, 2.0 or 3.0, dtype '<f4' or '<f8' (converted to float32), C order, 2-D.
/// Errors (Usage) begin with the file name: "FILE: not a .npy file (bad magic)", "FILE: unsupported dtype '<i8'
/// (expected '<f4' or '<f8')", "FILE: Fortran-order arrays are not supported (save with C order)", "FILE: expected
/// a 2-D array, the shape is (10,)", "FILE: truncated data: expected 800 bytes, found 400", "FILE: malformed
/// header", "FILE: unsupported format version 4.0", "FILE: cannot open: <reason>".
[[nodiscard]] Result<DataSet> readNpy(const QString &path);

/// A CSV file of numbers (comma-separated, optional spaces). The first line is a header when any of its fields is
/// not a number. Blank lines are skipped. Errors (Usage) name the file and line: "FILE:LINE: expected 3 columns,
/// found 2", "FILE:LINE: column 2: 'abc' is not a number", "FILE: no data rows".
[[nodiscard]] Result<DataSet> readCsv(const QString &path);

/// A text file, one row per line (UTF-8; "\r\n" accepted; blank lines skipped). Errors (Usage): "FILE: no lines".
[[nodiscard]] Result<DataSet> readTextLines(const QString &path);

/// Reads an input file for a backend of `kind`: text backends take any file as lines; dense backends take
/// `.npy` or `.csv` (by extension). Errors (Usage) as the readers, or "FILE: unsupported input format (expected
/// .npy or .csv)".
[[nodiscard]] Result<DataSet> readInput(const QString &path, Sdk::InputKind kind);

} // namespace Opsdeck::Core
