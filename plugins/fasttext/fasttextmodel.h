#pragma once

#include "modelbackend.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

namespace fasttext {
class FastText;
}

namespace Opsdeck::Plugins {

/// A supervised fastText classifier (ModelConfig::modelPath: `.bin` or quantized `.ftz`) scoring text lines.
///
/// Each input line (BatchInput::lines, UTF-8) yields k float32: the probabilities of its k most likely labels
/// in descending order, exactly as fastText's predict (and the Python binding's `model.predict(line, k)`)
/// computes them. Which labels they are differs per line and is not part of the output; the model's label
/// names, in its own order, are in statistics()["labels"]. A line is scored as if it ended with a newline
/// (fastText's end-of- sentence token, as the fastText tools and Python binding do); a newline inside a line
/// counts as a space. Positions beyond the labels fastText returns (possible with `threshold`) are 0.
///
/// Options: `k=N` (default 1; `all` = every label), `threshold=P` (default 0: only labels with probability >
/// P).
///
/// Thread safety: fastText's predict path is const and keeps its scratch state on the stack of each call
/// (FastText::predict creates a Model::State per call), so score() may run on several threads at once.
class FasttextModel final : public Sdk::ModelInstance
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::FasttextModel)
public:
    /// Loads the model after checking the file's structure (see checkFasttextFile()). Returns null and sets
    /// `*error` (naming the file, or the option at fault) on failure; never lets fastText exit() or throw.
    static std::unique_ptr<FasttextModel> load(const Sdk::ModelConfig &config, QString *error);
    ~FasttextModel() override;
    Q_DISABLE_COPY_MOVE(FasttextModel)

    [[nodiscard]] qsizetype inputColumns() const override { return 0; }
    [[nodiscard]] qsizetype outputColumns() const override { return m_k; }
    [[nodiscard]] bool isRemote() const override { return false; }
    [[nodiscard]] bool isThreadSafe() const override { return true; }
    [[nodiscard]] QString describe() const override;
    /// {"labels": [...model order...], "k", "threshold", "dim", "words", "quantized", "file"}.
    [[nodiscard]] QJsonObject statistics() const override;

    /// Scores input.rows text lines into rows × k probabilities. Fails on dense input.
    bool score(const Sdk::BatchInput &input, float *out, QString *error) override;

private:
    FasttextModel();

    std::unique_ptr<fasttext::FastText> m_model;
    int m_k = 1;
    float m_threshold = 0.0f;
    int m_dim = 0;
    int m_words = 0;
    bool m_quantized = false;
    QStringList m_labels;
    QString m_path;
};

} // namespace Opsdeck::Plugins
