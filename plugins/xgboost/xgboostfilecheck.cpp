#include "xgboostfilecheck.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace Opsdeck::Plugins {

namespace {

// Real models nest a handful of levels (learner → gradient_booster → model → trees → …).
constexpr int MaxDepth = 128;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::XgboostModel)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Nesting depth of JSON objects and arrays, strings (with escapes) skipped. Syntax errors are xgboost's
/// parser's business; only a depth that would exhaust its recursion is refused here.
bool checkJsonDepth(const QByteArray &bytes, QString *error)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > MaxDepth) {
                *error = Text::tr("JSON nested deeper than %1 levels, not an xgboost model").arg(MaxDepth);
                return false;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

/// Walks the UBJSON subset xgboost reads and writes (big-endian numbers; strings and counts as 'L' int64)
/// and decodes it, so that the trees can be checked like those of a JSON model.
class UbjReader
{
public:
    explicit UbjReader(const QByteArray &bytes) : m_data(bytes.constData()), m_size(bytes.size()) {}

    bool document(QJsonObject *out)
    {
        if (!need(1) || m_data[m_pos] != '{')
            return fail(Text::tr("a model must be an object"));
        QJsonValue root;
        if (!value(0, &root))
            return false;
        if (m_pos != m_size)
            return fail(Text::tr("%1 unexpected bytes after the model").arg(m_size - m_pos));
        *out = root.toObject();
        return true;
    }

    [[nodiscard]] QString problem() const { return m_problem; }

private:
    bool fail(const QString &problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
        return false;
    }

    bool need(qint64 bytes)
    {
        if (m_size - m_pos < bytes)
            return fail(Text::tr("ends inside a value at byte %1").arg(m_pos));
        return true;
    }

    /// A big-endian integer of `bytes` bytes, sign-extended when `isSigned`.
    bool integer(int bytes, bool isSigned, qint64 *out)
    {
        if (!need(bytes))
            return false;
        std::uint64_t raw = 0;
        for (int i = 0; i < bytes; ++i)
            raw = (raw << 8) | uchar(m_data[m_pos + i]);
        m_pos += bytes;
        if (isSigned && bytes < 8 && (raw >> (bytes * 8 - 1)) != 0)
            raw |= ~std::uint64_t(0) << (bytes * 8);
        *out = static_cast<qint64>(raw);
        return true;
    }

    bool float32(double *out)
    {
        qint64 raw = 0;
        if (!integer(4, false, &raw))
            return false;
        const auto bits = std::uint32_t(raw);
        float value = 0;
        std::memcpy(&value, &bits, sizeof value);
        *out = double(value);
        return true;
    }

    bool expect(char marker)
    {
        if (!need(1))
            return false;
        if (m_data[m_pos] != marker) {
            return fail(Text::tr("expected '%1' at byte %2, found byte 0x%3")
                            .arg(QLatin1Char(marker))
                            .arg(m_pos)
                            .arg(uchar(m_data[m_pos]), 2, 16, QLatin1Char('0')));
        }
        ++m_pos;
        return true;
    }

    /// A count or length: 'L' and a big-endian int64, ≥ 0 and leaving room for `unit` bytes per item.
    bool count(const char *what, qint64 unit, qint64 *n)
    {
        const qint64 at = m_pos;
        qint64 value = 0;
        if (!expect('L') || !integer(8, true, &value))
            return false;
        if (value < 0 || value > (m_size - m_pos) / unit) {
            return fail(Text::tr("%1 %2 at byte %3 exceeds the file")
                            .arg(QLatin1StringView(what))
                            .arg(value)
                            .arg(at));
        }
        *n = value;
        return true;
    }

    bool string(QString *out)
    {
        qint64 length = 0;
        if (!count("string length", 1, &length))
            return false;
        *out = QString::fromUtf8(m_data + m_pos, qsizetype(length));
        m_pos += length;
        return true;
    }

    /// One element of type `marker` (not a container).
    bool scalar(char marker, QJsonValue *out)
    {
        qint64 n = 0;
        double d = 0;
        switch (marker) {
        case 'Z':
            *out = QJsonValue(QJsonValue::Null);
            return true;
        case 'T':
        case 'F':
            *out = marker == 'T';
            return true;
        case 'i':
        case 'U':
        case 'C':
            if (!integer(1, marker == 'i', &n))
                return false;
            *out = n;
            return true;
        case 'I':
            if (!integer(2, true, &n))
                return false;
            *out = n;
            return true;
        case 'l':
            if (!integer(4, true, &n))
                return false;
            *out = n;
            return true;
        case 'L':
            if (!integer(8, true, &n))
                return false;
            *out = n;
            return true;
        case 'd':
            if (!float32(&d))
                return false;
            *out = d;
            return true;
        case 'S': {
            QString text;
            if (!string(&text))
                return false;
            *out = text;
            return true;
        }
        default:
            return fail(Text::tr("unknown marker byte 0x%1 at byte %2")
                            .arg(uchar(marker), 2, 16, QLatin1Char('0'))
                            .arg(m_pos - 1));
        }
    }

    bool value(int depth, QJsonValue *out)
    {
        if (depth > MaxDepth)
            return fail(Text::tr("nested deeper than %1 levels").arg(MaxDepth));
        if (!need(1))
            return false;
        const char marker = m_data[m_pos++];
        if (marker == '[')
            return array(depth, out);
        if (marker != '{')
            return scalar(marker, out);
        QJsonObject object;
        for (;;) {
            if (!need(1))
                return false;
            if (m_data[m_pos] == '}') {
                ++m_pos;
                *out = object;
                return true;
            }
            QString key;
            QJsonValue member;
            if (!string(&key) || !value(depth + 1, &member))
                return false;
            object.insert(key, member);
        }
    }

    bool array(int depth, QJsonValue *out)
    {
        if (!need(1))
            return false;
        QJsonArray items;
        if (m_data[m_pos] == '$') { // typed array: '$' type '#' count, then the raw elements
            ++m_pos;
            if (!need(1))
                return false;
            const char type = m_data[m_pos++];
            const qint64 size = type == 'd' || type == 'l' ? 4 : type == 'L' ? 8 : type == 'U' ? 1 : 0;
            if (size == 0)
                return fail(Text::tr("typed array of unsupported type at byte %1").arg(m_pos - 1));
            qint64 n = 0;
            if (!expect('#') || !count("array size", size, &n))
                return false;
            for (qint64 i = 0; i < n; ++i) {
                QJsonValue item;
                if (!scalar(type, &item))
                    return false;
                items.append(item);
            }
            *out = items;
            return true;
        }
        if (m_data[m_pos] == '#') { // counted array of values, each at least one byte
            ++m_pos;
            qint64 n = 0;
            if (!count("array size", 1, &n))
                return false;
            for (qint64 i = 0; i < n; ++i) {
                QJsonValue item;
                if (!value(depth + 1, &item))
                    return false;
                items.append(item);
            }
            *out = items;
            return true;
        }
        for (;;) {
            if (!need(1))
                return false;
            if (m_data[m_pos] == ']') {
                ++m_pos;
                *out = items;
                return true;
            }
            QJsonValue item;
            if (!value(depth + 1, &item))
                return false;
            items.append(item);
        }
    }

    const char *m_data;
    qint64 m_size;
    qint64 m_pos = 0;
    QString m_problem;
};

/// An integer as xgboost writes it: a number, or a string of digits for parameters ("num_class": "3").
bool integerOf(const QJsonValue &value, qint64 *out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!(d >= -9.0e15 && d <= 9.0e15) || d != std::floor(d))
            return false;
        *out = qint64(d);
        return true;
    }
    if (!value.isString())
        return false;
    bool ok = false;
    *out = value.toString().trimmed().toLongLong(&ok);
    return ok;
}

/// A node array's entry as an integer; anything that is not one reads as a value no range accepts.
qint64 entryOf(const QJsonArray &array, qsizetype i)
{
    qint64 value = 0;
    return integerOf(array.at(i), &value) ? value : std::numeric_limits<qint64>::min();
}

/// The parts of a JSON model that xgboost writes as NaN or Infinity, which are not JSON: read as null.
QByteArray withoutNonFiniteNumbers(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else {
            const QByteArrayView rest = QByteArrayView(bytes).sliced(i);
            qsizetype replaced = 0;
            for (const char *token : {"NaN", "Infinity", "-Infinity"}) {
                if (rest.startsWith(token))
                    replaced = qsizetype(std::strlen(token));
            }
            if (replaced > 0) {
                out.append("null");
                i += replaced - 1;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

bool checkTree(qsizetype t, const QJsonObject &tree, qint64 features, QString *error)
{
    const auto bad = [error](const QString &why) {
        *error = why;
        return false;
    };
    const QJsonObject treeParam = tree.value(u"tree_param").toObject();
    qint64 n = 0;
    if (!integerOf(treeParam.value(u"num_nodes"), &n) || n < 1 || n > std::numeric_limits<qint32>::max())
        return bad(Text::tr("tree %1: tree_param num_nodes is not a node count").arg(t));
    qint64 leafVector = 0;
    if (treeParam.contains(u"size_leaf_vector") &&
        (!integerOf(treeParam.value(u"size_leaf_vector"), &leafVector) || leafVector < 0))
        return bad(Text::tr("tree %1: tree_param size_leaf_vector is not a size").arg(t));

    // Every per-node array has num_nodes entries (base_weights only without vector leaves; split_type is
    // missing from models older than xgboost 1.6).
    QStringList perNode{QStringLiteral("left_children"),    QStringLiteral("right_children"),
                        QStringLiteral("parents"),          QStringLiteral("split_indices"),
                        QStringLiteral("split_conditions"), QStringLiteral("default_left"),
                        QStringLiteral("loss_changes"),     QStringLiteral("sum_hessian")};
    if (leafVector <= 1)
        perNode.append(QStringLiteral("base_weights"));
    if (tree.contains(u"split_type"))
        perNode.append(QStringLiteral("split_type"));
    for (const QString &key : std::as_const(perNode)) {
        const QJsonValue array = tree.value(key);
        if (!array.isArray() || array.toArray().size() != n) {
            return bad(Text::tr("tree %1: %2 has %3 entries, but num_nodes is %4")
                           .arg(t)
                           .arg(key)
                           .arg(array.isArray() ? array.toArray().size() : 0)
                           .arg(n));
        }
    }
    const QJsonArray left = tree.value(u"left_children").toArray();
    const QJsonArray right = tree.value(u"right_children").toArray();
    const QJsonArray parents = tree.value(u"parents").toArray();
    const QJsonArray indices = tree.value(u"split_indices").toArray();

    // Categorical splits: each listed node's categories lie inside the categories array.
    if (tree.contains(u"categories_nodes")) {
        const QJsonArray nodes = tree.value(u"categories_nodes").toArray();
        const QJsonArray segments = tree.value(u"categories_segments").toArray();
        const QJsonArray sizes = tree.value(u"categories_sizes").toArray();
        const qint64 categories = tree.value(u"categories").toArray().size();
        if (segments.size() != nodes.size() || sizes.size() != nodes.size())
            return bad(Text::tr("tree %1: categories_nodes, categories_segments and categories_sizes differ "
                                "in length")
                           .arg(t));
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const qint64 node = entryOf(nodes, i);
            const qint64 segment = entryOf(segments, i);
            const qint64 size = entryOf(sizes, i);
            if (node < 0 || node >= n)
                return bad(
                    Text::tr("tree %1: categories_nodes %2: node %3 out of range").arg(t).arg(i).arg(node));
            if (segment < 0 || size < 0 || segment > categories || size > categories - segment)
                return bad(Text::tr("tree %1 node %2: categories %3 + %4 out of range (%5 categories)")
                               .arg(t)
                               .arg(node)
                               .arg(segment)
                               .arg(size)
                               .arg(categories));
        }
    }

    // From the root, every node reached exactly once: in range, no cycle, no shared child, parents that
    // agree. Nodes not reached (deleted by pruning) are never visited by a prediction and are not checked.
    const qint64 rootParent = entryOf(parents, 0);
    if (rootParent != -1 && rootParent != std::numeric_limits<qint32>::max())
        return bad(Text::tr("tree %1 node 0: parent %2, but the root has none").arg(t).arg(rootParent));
    std::vector<bool> seen(size_t(n), false);
    std::vector<qint64> stack{0};
    seen[0] = true;
    while (!stack.empty()) {
        const qint64 i = stack.back();
        stack.pop_back();
        const qint64 l = entryOf(left, i);
        const qint64 r = entryOf(right, i);
        if (l == -1) {
            if (r != -1)
                return bad(Text::tr("tree %1 node %2: a leaf (left child -1) with right child %3")
                               .arg(t)
                               .arg(i)
                               .arg(r));
            continue;
        }
        if (l < 0 || l >= n)
            return bad(Text::tr("tree %1 node %2: left child %3 out of range").arg(t).arg(i).arg(l));
        if (r < 0 || r >= n)
            return bad(Text::tr("tree %1 node %2: right child %3 out of range").arg(t).arg(i).arg(r));
        const qint64 feature = entryOf(indices, i);
        if (feature < 0 || feature >= features)
            return bad(Text::tr("tree %1 node %2: split index %3 out of range (num_feature %4)")
                           .arg(t)
                           .arg(i)
                           .arg(feature)
                           .arg(features));
        for (const qint64 child : {l, r}) {
            if (seen[size_t(child)])
                return bad(
                    Text::tr("tree %1 node %2: child %3 is reached twice (the nodes do not form a tree)")
                        .arg(t)
                        .arg(i)
                        .arg(child));
            seen[size_t(child)] = true;
            const qint64 parent = entryOf(parents, child);
            if (parent != i)
                return bad(
                    Text::tr("tree %1 node %2: parent %3, expected %4").arg(t).arg(child).arg(parent).arg(i));
            stack.push_back(child);
        }
    }
    return true;
}

} // namespace

bool checkXgboostTrees(const QJsonObject &document, QString *error)
{
    const auto bad = [error](const QString &why) {
        *error = why;
        return false;
    };
    const QJsonObject learner = document.value(u"learner").toObject();
    if (learner.isEmpty())
        return bad(Text::tr("not an xgboost model (no \"learner\" object)"));
    const QJsonObject params = learner.value(u"learner_model_param").toObject();
    qint64 features = 0, classes = 0, targets = 1;
    if (!integerOf(params.value(u"num_feature"), &features) || features < 0 ||
        features > std::numeric_limits<qint32>::max())
        return bad(Text::tr("learner_model_param: num_feature is not a feature count"));
    constexpr qint64 MaxGroups = 1 << 20;
    if (params.contains(u"num_class") &&
        (!integerOf(params.value(u"num_class"), &classes) || classes < 0 || classes > MaxGroups))
        return bad(Text::tr("learner_model_param: num_class is not a class count"));
    if (params.contains(u"num_target") &&
        (!integerOf(params.value(u"num_target"), &targets) || targets < 1 || targets > MaxGroups))
        return bad(Text::tr("learner_model_param: num_target is not a target count"));
    const qint64 groups = std::max({classes, targets, qint64(1)});

    const QJsonObject booster = learner.value(u"gradient_booster").toObject();
    const QString name = booster.value(u"name").toString();
    if (name == u"gblinear") {
        const qsizetype weights = booster.value(u"model").toObject().value(u"weights").toArray().size();
        if (weights != (features + 1) * groups)
            return bad(Text::tr("gblinear: %1 weights, expected (num_feature + 1) × %2 outputs = %3")
                           .arg(weights)
                           .arg(groups)
                           .arg((features + 1) * groups));
        return true;
    }
    QJsonObject model;
    if (name == u"gbtree")
        model = booster.value(u"model").toObject();
    else if (name == u"dart")
        model = booster.value(u"gbtree").toObject().value(u"model").toObject();
    else
        return bad(Text::tr("gradient_booster: unknown booster '%1'").arg(name));

    qint64 declared = 0;
    if (!integerOf(model.value(u"gbtree_model_param").toObject().value(u"num_trees"), &declared))
        return bad(Text::tr("gbtree_model_param: num_trees is not a tree count"));
    const QJsonArray trees = model.value(u"trees").toArray();
    if (declared != trees.size())
        return bad(Text::tr("gbtree_model_param: num_trees is %1, but the model has %2 trees")
                       .arg(declared)
                       .arg(trees.size()));
    const QJsonArray treeInfo = model.value(u"tree_info").toArray();
    if (treeInfo.size() != trees.size())
        return bad(Text::tr("tree_info has %1 entries for %2 trees").arg(treeInfo.size()).arg(trees.size()));
    if (name == u"dart") {
        const qsizetype drops = booster.value(u"weight_drop").toArray().size();
        if (drops != trees.size())
            return bad(Text::tr("weight_drop has %1 entries for %2 trees").arg(drops).arg(trees.size()));
    }
    for (qsizetype t = 0; t < trees.size(); ++t) {
        const qint64 group = entryOf(treeInfo, t);
        if (group < 0 || group >= groups)
            return bad(Text::tr("tree_info %1: output group %2 out of range (the model has %3)")
                           .arg(t)
                           .arg(group)
                           .arg(groups));
        if (!checkTree(t, trees.at(t).toObject(), features, error))
            return false;
    }
    return true;
}

std::optional<XgboostFormat> checkXgboostModel(const QByteArray &bytes, QString *error)
{
    // The same dispatch as xgboost's loader (DispatchModelType): the first byte '{', then after any
    // whitespace '"' for JSON or a letter for UBJ; anything else goes to the legacy binary reader, which is
    // refused here. Whitespace before the '{' would send a JSON model there too.
    qsizetype next = 1;
    while (next < bytes.size() && isSpace(bytes.at(next)))
        ++next;
    if (!bytes.isEmpty() && isSpace(bytes.at(0))) {
        qsizetype start = 0;
        while (start < bytes.size() && isSpace(bytes.at(start)))
            ++start;
        if (start < bytes.size() && bytes.at(start) == '{') {
            *error = Text::tr("not an xgboost model (whitespace before the opening '{': xgboost would read "
                              "the file as its legacy binary format; remove the %1 leading bytes)")
                         .arg(start);
            return std::nullopt;
        }
    }
    if (bytes.isEmpty() || bytes.at(0) != '{' || next >= bytes.size()) {
        *error = Text::tr("not an xgboost model (expected JSON or UBJ as written by save_model; the legacy "
                          "binary format is not supported, re-save such models as .json or .ubj)");
        return std::nullopt;
    }
    QJsonObject document;
    XgboostFormat format = XgboostFormat::Json;
    if (bytes.at(next) == '"') {
        if (!checkJsonDepth(bytes, error))
            return std::nullopt;
        QJsonParseError parseError;
        QJsonDocument parsed = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            QJsonParseError retryError;
            parsed = QJsonDocument::fromJson(withoutNonFiniteNumbers(bytes), &retryError);
            if (retryError.error != QJsonParseError::NoError) {
                *error = Text::tr("damaged JSON model (%1 at byte %2)")
                             .arg(parseError.errorString())
                             .arg(parseError.offset);
                return std::nullopt;
            }
        }
        document = parsed.object();
    } else if (next == 1 && isLetter(bytes.at(1))) {
        UbjReader reader(bytes);
        if (!reader.document(&document)) {
            *error = Text::tr("damaged UBJ model (%1)").arg(reader.problem());
            return std::nullopt;
        }
        format = XgboostFormat::Ubj;
    } else {
        *error = Text::tr("not an xgboost model (an object that is neither JSON nor UBJ)");
        return std::nullopt;
    }
    QString problem;
    if (!checkXgboostTrees(document, &problem)) {
        *error = problem;
        return std::nullopt;
    }
    return format;
}

} // namespace Opsdeck::Plugins
