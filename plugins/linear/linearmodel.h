#pragma once

#include "modelbackend.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <Eigen/Core>

#include <memory>

namespace Opsdeck::Plugins {

/// A dense linear model with k output columns: out = X·Wᵀ + b, optionally through the logistic function.
///
/// Sources (ModelConfig::modelPath):
/// - JSON: `{"weights": [w1, …, wn], "bias": b, "link": "identity"|"logistic"}` for one output column, or
///   `{"weights": [[…n…], …k rows], "bias": [b1, …, bk], "link": …}` for k. "bias" defaults to 0 and "link"
///   to "identity"; other keys are ignored.
/// - CSV (`.csv`, or any file that does not start with `{`): one line per output column, n weights then the
///   bias, comma-separated; blank lines and lines starting with `#` are skipped. The link comes from the
///   `link` option.
/// - No file: a synthetic model drawn from a fixed-seed generator (options `features`, `outputs`, `seed`).
///
/// Options: `features=N` (synthetic: the number of weights, default ModelConfig::features or 100; with a
/// file: the column count the file must have), `outputs=K` (synthetic, default 1), `seed=S` (synthetic,
/// default 42),
/// `link=identity|logistic` (overrides the file's link; synthetic default logistic).
///
/// Immutable after load(), so score() may run on any number of threads at once.
class LinearModel final : public Sdk::ModelInstance
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::LinearModel)
public:
    enum class Link
    {
        Identity,
        Logistic
    };
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    /// Builds the model from `config`. Returns null and sets `*error` (naming the file and line or field, or
    /// the option at fault) when the file cannot be read or parsed or an option is invalid.
    static std::unique_ptr<LinearModel> load(const Sdk::ModelConfig &config, QString *error);

    /// A model from explicit weights (k × n) and bias (k). `source` is used by describe().
    LinearModel(Matrix weights, Eigen::VectorXf bias, Link link, QString source);

    [[nodiscard]] qsizetype inputColumns() const override { return m_weights.cols(); }
    [[nodiscard]] qsizetype outputColumns() const override { return m_weights.rows(); }
    [[nodiscard]] bool isRemote() const override { return false; }
    [[nodiscard]] bool isThreadSafe() const override { return true; }
    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QJsonObject statistics() const override;

    /// Scores rows × inputColumns() float32 (row-major) into rows × outputColumns(). Fails (without touching
    /// `out`) on text input or a column count that differs from the model's.
    bool score(const Sdk::BatchInput &input, float *out, QString *error) override;

private:
    Matrix m_weights;         // k × n
    Eigen::VectorXf m_bias;   // k
    Eigen::VectorXf m_single; // the one weight row as a contiguous vector when k == 1 (gemv operand)
    float m_singleBias = 0.0f;
    Link m_link;
    QString m_source;
};

} // namespace Opsdeck::Plugins
