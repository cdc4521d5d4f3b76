#pragma once

#include "modelbackend.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <memory>
#include <mutex>

namespace Opsdeck::Plugins {

class XgboostForest;

/// A model saved by xgboost's save_model as JSON or UBJ (ModelConfig::modelPath; the format is told from the
/// content and checked before xgboost parses it, see checkXgboostModel(); the legacy binary format is
/// refused). Scored by XgboostForest, the model's trees compiled for block-wise branch-free walks, when it
/// covers the model (gbtree, numerical splits, the common objectives) and agrees with xgboost on probe rows
/// built from every split threshold while loading; otherwise with XGBoosterPredictFromDense straight from the
/// caller's buffer (gblinear, which has no in-place prediction: through a DMatrix, one batch at a time).
/// Either way NaN is a missing value and the scores are xgboost's (to float rounding).
///
/// Output columns follow the model: 1 for regression and binary:logistic, k for multi:softprob with k
/// classes. Options: `threads=N` sets xgboost's `nthread` (default ModelConfig::threads, else xgboost's).
///
/// Thread safety: xgboost ≥ 1.4 documents in-place prediction on one booster from several threads as safe and
/// lock-free as long as nothing else (training, set_param) touches the booster; the instance configures the
/// booster and predicts once while loading and then only predicts, so score() may run on several threads.
class XgboostModel final : public Sdk::ModelInstance
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::XgboostModel)
public:
    /// Loads the model. Returns null and sets `*error` (naming the file and carrying XGBGetLastError(), or
    /// the option at fault) when the file is missing or not an xgboost model, or an option is invalid.
    static std::unique_ptr<XgboostModel> load(const Sdk::ModelConfig &config, QString *error);
    ~XgboostModel() override;
    Q_DISABLE_COPY_MOVE(XgboostModel)

    [[nodiscard]] qsizetype inputColumns() const override { return m_features; }
    [[nodiscard]] qsizetype outputColumns() const override { return m_outputs; }
    [[nodiscard]] bool isRemote() const override { return false; }
    [[nodiscard]] bool isThreadSafe() const override { return true; }
    [[nodiscard]] QString describe() const override;
    /// {"objective", "booster", "rounds", "features", "outputs", "file", "format", "xgboostVersion",
    /// "engine"}: engine is "compiled trees" or "xgboost" (with "engineNote" saying why the compiled form is
    /// not used).
    [[nodiscard]] QJsonObject statistics() const override;

    /// Scores rows × inputColumns() float32 into rows × outputColumns(). Fails on text input, a column count
    /// that differs from the model's, or an xgboost error (message from XGBGetLastError()).
    bool score(const Sdk::BatchInput &input, float *out, QString *error) override;

private:
    XgboostModel() = default;
    /// Runs one in-place prediction; on success `*result` points at xgboost's thread-local output buffer.
    bool predict(const float *values, qsizetype rows, qsizetype cols, const float **result, qsizetype *size,
                 QString *error) const;
    /// predict() for boosters without in-place prediction (gblinear): through a DMatrix, one at a time.
    bool predictViaDMatrix(const float *values, qsizetype rows, qsizetype cols, const float **result,
                           qsizetype *size, QString *error) const;
    /// Compiles the trees and checks them against xgboost; keeps them when they agree, else notes why not.
    void compileForest();

    void *m_booster = nullptr; // BoosterHandle
    qsizetype m_features = 0;
    qsizetype m_outputs = 1;
    QString m_path;
    QString m_format; // "json" or "ubj"
    QString m_objective;
    QString m_boosterKind;
    int m_rounds = 0;
    std::shared_ptr<const XgboostForest> m_forest; // null: xgboost predicts
    bool m_viaDMatrix = false;                     // gblinear: no in-place prediction
    mutable std::mutex m_dmatrixMutex;
    QString m_engineNote;
};

} // namespace Opsdeck::Plugins
