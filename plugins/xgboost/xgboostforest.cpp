#include "xgboostforest.h"

#include "xgboostfilecheck.h"
#include "xgboostmodel.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace Opsdeck::Plugins {

namespace {

constexpr quint32 DefaultLeftBit = 0x8000'0000U;
// Deeper trees are legal in xgboost but are not what this layout is for (a walk of fixed length per tree).
constexpr int MaxDepth = 64;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::XgboostModel)
};

// xgboost writes its parameters as strings ("5E-1", "100"); tolerate numbers too.
double numberOf(const QJsonValue &value, bool *ok)
{
    if (value.isDouble()) {
        *ok = true;
        return value.toDouble();
    }
    return value.toString().toDouble(ok);
}

// The model's base_score as a margin, as the objective's ProbToMargin() turns it into one (binary:logitraw
// keeps it as it is: checked against xgboost 1.7).
float baseMargin(const QString &objective, float baseScore)
{
    if (objective == u"binary:logistic" || objective == u"reg:logistic")
        return -std::log(1.0f / baseScore - 1.0f);
    return baseScore;
}

} // namespace

std::unique_ptr<XgboostForest> XgboostForest::compile(const QByteArray &modelJson, qsizetype features,
                                                      QString *why)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(modelJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *why = Text::tr("the model's JSON form does not parse: %1").arg(parseError.errorString());
        return nullptr;
    }
    // The checks xgboost's loader needed before it saw the file, again on the form compiled here: below,
    // children, split indices and output groups are in range and each tree is a tree.
    if (!checkXgboostTrees(document.object(), why))
        return nullptr;
    const QJsonObject learner = document.object().value(u"learner").toObject();
    const QJsonObject booster = learner.value(u"gradient_booster").toObject();
    const QString boosterName = booster.value(u"name").toString();
    if (boosterName != u"gbtree") {
        *why = Text::tr("booster '%1' (only gbtree is compiled)").arg(boosterName);
        return nullptr;
    }
    const QString objective = learner.value(u"objective").toObject().value(u"name").toString();
    auto forest = std::unique_ptr<XgboostForest>(new XgboostForest);
    if (objective == u"binary:logistic" || objective == u"reg:logistic") {
        forest->m_transform = Transform::Logistic;
    } else if (objective == u"multi:softprob") {
        forest->m_transform = Transform::Softmax;
    } else if (objective == u"binary:logitraw" || objective == u"reg:squarederror" ||
               objective == u"reg:linear" || objective == u"reg:pseudohubererror") {
        forest->m_transform = Transform::Identity;
    } else {
        *why = Text::tr("objective '%1' is not compiled").arg(objective);
        return nullptr;
    }

    const QJsonObject params = learner.value(u"learner_model_param").toObject();
    bool ok = false;
    const double baseScore = numberOf(params.value(u"base_score"), &ok);
    if (!ok) {
        *why = Text::tr("no base_score in the model");
        return nullptr;
    }
    const double classes = numberOf(params.value(u"num_class"), &ok);
    forest->m_groups = ok && classes > 1 ? qsizetype(classes) : 1;
    if ((forest->m_transform == Transform::Softmax) != (forest->m_groups > 1)) {
        *why = Text::tr("objective '%1' with %2 classes").arg(objective).arg(forest->m_groups);
        return nullptr;
    }
    forest->m_features = features;
    forest->m_baseMargin.assign(size_t(forest->m_groups), baseMargin(objective, float(baseScore)));

    const QJsonObject model = booster.value(u"model").toObject();
    const QJsonArray trees = model.value(u"trees").toArray();
    const QJsonArray treeInfo = model.value(u"tree_info").toArray();
    for (qsizetype t = 0; t < trees.size(); ++t) {
        const QJsonObject tree = trees.at(t).toObject();
        const QJsonObject treeParam = tree.value(u"tree_param").toObject();
        if (numberOf(treeParam.value(u"size_leaf_vector"), &ok) != 0 && ok) {
            *why = Text::tr("tree %1 has vector leaves").arg(t);
            return nullptr;
        }
        const QJsonArray left = tree.value(u"left_children").toArray();
        const QJsonArray right = tree.value(u"right_children").toArray();
        const QJsonArray indices = tree.value(u"split_indices").toArray();
        const QJsonArray conditions = tree.value(u"split_conditions").toArray();
        const QJsonArray defaultLeft = tree.value(u"default_left").toArray();
        const QJsonArray splitType = tree.value(u"split_type").toArray();
        const qsizetype n = left.size();
        // In range for xgboost (checked), but this layout has only num_class outputs (no multi-target).
        const int group = treeInfo.at(t).toInt(-1);
        if (group < 0 || group >= forest->m_groups) {
            *why = Text::tr("tree %1 belongs to output %2 of %3").arg(t).arg(group).arg(forest->m_groups);
            return nullptr;
        }
        const qint32 base = qint32(forest->m_nodes.size());
        if (qsizetype(base) + n > std::numeric_limits<qint32>::max()) {
            *why = Text::tr("too many nodes");
            return nullptr;
        }
        // Depth by a walk from the root (checkXgboostTrees() made sure it is a tree). Nodes it does not reach
        // (deleted by pruning) become leaves: their split indices need not be valid.
        int depth = 0;
        std::vector<int> nodeDepth(size_t(n), -1);
        std::vector<qint32> stack{0};
        nodeDepth[0] = 0;
        while (!stack.empty()) {
            const qint32 i = stack.back();
            stack.pop_back();
            depth = std::max(depth, nodeDepth[size_t(i)]);
            if (depth > MaxDepth) {
                *why = Text::tr("tree %1 is deeper than %2").arg(t).arg(MaxDepth);
                return nullptr;
            }
            const int l = left.at(i).toInt(-1);
            if (l == -1)
                continue;
            const int r = right.at(i).toInt(-1);
            nodeDepth[size_t(l)] = nodeDepth[size_t(r)] = nodeDepth[size_t(i)] + 1;
            stack.push_back(l);
            stack.push_back(r);
        }
        for (qsizetype i = 0; i < n; ++i) {
            Node node;
            const int l = left.at(i).toInt(-1);
            const float value = float(conditions.at(i).toDouble());
            if (l == -1 || nodeDepth[size_t(i)] < 0) {
                // A leaf: both children lead back to it, so a walk that reached it stays there.
                node.child[0] = node.child[1] = base + qint32(i);
                forest->m_leafValues.push_back(value);
            } else {
                if (!splitType.isEmpty() && splitType.at(i).toInt() != 0) {
                    *why = Text::tr("tree %1 has categorical splits").arg(t);
                    return nullptr;
                }
                node.feature = quint32(indices.at(i).toInteger()) |
                               (defaultLeft.at(i).toInt() != 0 ? DefaultLeftBit : 0U);
                node.threshold = value;
                node.child[0] = base + l;
                node.child[1] = base + right.at(i).toInt();
                forest->m_leafValues.push_back(0.0f);
            }
            forest->m_nodes.push_back(node);
        }
        forest->m_trees.push_back(Tree{base, depth, group});
    }
    if (forest->m_trees.empty()) {
        *why = Text::tr("the model has no trees");
        return nullptr;
    }
    return forest;
}

std::vector<std::vector<float>> XgboostForest::probeValues() const
{
    std::vector<std::set<float>> values(static_cast<size_t>(m_features));
    for (const Node &node : m_nodes) {
        if (node.child[0] == node.child[1])
            continue;
        auto &set = values[size_t(node.feature & ~DefaultLeftBit)];
        if (set.size() >= 64)
            continue;
        set.insert(node.threshold);
        set.insert(std::nextafter(node.threshold, -std::numeric_limits<float>::infinity()));
        set.insert(std::nextafter(node.threshold, std::numeric_limits<float>::infinity()));
    }
    std::vector<std::vector<float>> probes(static_cast<size_t>(m_features));
    for (size_t f = 0; f < probes.size(); ++f) {
        probes[f].assign(values[f].begin(), values[f].end());
        probes[f].push_back(std::numeric_limits<float>::quiet_NaN());
        probes[f].push_back(0.0f);
    }
    return probes;
}

template<int Block> void XgboostForest::predictBlock(const float *x, qsizetype cols, float *out) const
{
    // Margins start at the base margin and take each tree's leaf in tree order, in float32, as xgboost adds
    // them.
    float margins[Block * 16];
    float *margin = margins;
    std::vector<float> wide;
    if (m_groups > 16) {
        wide.resize(size_t(Block * m_groups));
        margin = wide.data();
    }
    for (int r = 0; r < Block; ++r)
        for (qsizetype g = 0; g < m_groups; ++g)
            margin[r * m_groups + g] = m_baseMargin[size_t(g)];
    const Node *nodes = m_nodes.data();
    for (const Tree &tree : m_trees) {
        qint32 at[Block];
        for (int r = 0; r < Block; ++r)
            at[r] = tree.root;
        for (int step = 0; step < tree.depth; ++step) {
            for (int r = 0; r < Block; ++r) {
                const Node &node = nodes[at[r]];
                const float v = x[r * cols + (node.feature & ~DefaultLeftBit)];
                // Left when v < threshold, or when v is missing and the default is left: a select, no branch.
                const bool goLeft =
                    (v < node.threshold) | (std::isnan(v) & ((node.feature & DefaultLeftBit) != 0));
                at[r] = node.child[goLeft ? 0 : 1];
            }
        }
        for (int r = 0; r < Block; ++r)
            margin[r * m_groups + tree.group] += m_leafValues[size_t(at[r])];
    }
    for (int r = 0; r < Block; ++r) {
        float *row = out + r * m_groups;
        std::copy(margin + r * m_groups, margin + (r + 1) * m_groups, row);
        transform(row);
    }
}

void XgboostForest::transform(float *row) const
{
    switch (m_transform) {
    case Transform::Identity:
        return;
    case Transform::Logistic: {
        // xgboost's common::Sigmoid.
        const float e = std::exp(std::min(-row[0], 88.7f));
        row[0] = 1.0f / (e + 1.0f + 1e-16f);
        return;
    }
    case Transform::Softmax: {
        // xgboost's common::Softmax: the largest margin subtracted, the sum in double.
        float largest = row[0];
        for (qsizetype g = 1; g < m_groups; ++g)
            largest = std::fmax(row[g], largest);
        double sum = 0;
        for (qsizetype g = 0; g < m_groups; ++g) {
            row[g] = std::exp(row[g] - largest);
            sum += row[g];
        }
        for (qsizetype g = 0; g < m_groups; ++g)
            row[g] /= float(sum);
        return;
    }
    }
}

void XgboostForest::predict(const float *x, qsizetype rows, qsizetype cols, float *out) const
{
    constexpr int Block = 16;
    qsizetype r = 0;
    for (; r + Block <= rows; r += Block)
        predictBlock<Block>(x + r * cols, cols, out + r * m_groups);
    for (; r < rows; ++r)
        predictBlock<1>(x + r * cols, cols, out + r * m_groups);
}

} // namespace Opsdeck::Plugins
