#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <memory>
#include <vector>

namespace Opsdeck::Plugins {

/// The trees of an xgboost `gbtree` model, laid out for scoring many rows at once on the CPU.
///
/// xgboost's own CPU predictor walks one row down one tree at a time; every split is a data-dependent branch
/// that the processor mispredicts about half the time, and a row of a 100-tree, depth-6 model costs hundreds
/// of them. Here each node is 16 bytes (feature with the missing-value direction in its top bit, threshold,
/// both children), a leaf points back to itself, and a block of rows walks each tree for exactly the tree's
/// depth with a select instead of a branch, the rows of the block interleaved so that their loads overlap.
///
/// The result is xgboost's: the same comparison (`value < threshold`, NaN takes the default child), leaf
/// values added in tree order in float32 onto the base margin, then the objective's transform (logistic: 1 /
/// (1 + e^−x) as xgboost writes it; softprob: softmax with the maximum subtracted). The plugin still checks
/// it against xgboost on probe rows when loading and keeps xgboost's predictor when they disagree.
class XgboostForest final
{
public:
    /// Compiles the model from its JSON form (XGBoosterSaveModelToBuffer, format json). Returns null and sets
    /// `*why` when the model uses what this layout does not cover: another booster than gbtree (dart,
    /// gblinear), categorical splits, vector leaves, or an objective other than binary:logistic,
    /// reg:logistic, binary:logitraw, reg:squarederror, reg:linear, reg:pseudohubererror and multi:softprob;
    /// also when checkXgboostTrees() refuses the model, or a tree is deeper than 64.
    static std::unique_ptr<XgboostForest> compile(const QByteArray &modelJson, qsizetype features,
                                                  QString *why);

    /// Output columns per row: the number of classes for multi:softprob, else 1.
    [[nodiscard]] qsizetype outputs() const { return m_groups; }
    /// Trees in the model.
    [[nodiscard]] qsizetype trees() const { return qsizetype(m_trees.size()); }
    /// A few values per feature that probe every kind of split: each threshold the model uses on it, the
    /// nearest floats on both sides of it, and NaN. Used to check the layout against xgboost.
    [[nodiscard]] std::vector<std::vector<float>> probeValues() const;

    /// Scores `rows` rows of `cols` float32 (row-major; cols ≥ the model's feature count) into rows ×
    /// outputs().
    void predict(const float *x, qsizetype rows, qsizetype cols, float *out) const;

private:
    enum class Transform
    {
        Identity,
        Logistic,
        Softmax
    };
    struct Node
    {
        quint32 feature = 0; // bit 31: a missing value goes left
        float threshold = 0;
        qint32 child[2] = {0, 0}; // [0] = left (value < threshold), [1] = right
    };
    struct Tree
    {
        qint32 root = 0; // index of the root in m_nodes
        int depth = 0;   // steps from the root to the deepest leaf
        int group = 0;   // output column it adds to
    };

    template<int Block> void predictBlock(const float *x, qsizetype cols, float *out) const;
    void transform(float *row) const;

    std::vector<Node> m_nodes;
    std::vector<float> m_leafValues; // per node; meaningful for leaves
    std::vector<Tree> m_trees;
    std::vector<float> m_baseMargin; // per group
    qsizetype m_groups = 1;
    qsizetype m_features = 0;
    Transform m_transform = Transform::Identity;
};

} // namespace Opsdeck::Plugins
