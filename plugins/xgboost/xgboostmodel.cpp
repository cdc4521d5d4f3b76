#include "xgboostmodel.h"

#include "xgboostfilecheck.h"
#include "xgboostforest.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>

#include <xgboost/c_api.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <mutex>
#include <random>
#include <vector>

Q_LOGGING_CATEGORY(lcXgboost, "opsdeck.plugins.xgboost", QtWarningMsg)

namespace Opsdeck::Plugins {

namespace {

// Normal prediction over all trees; "missing": NaN makes NaN cells missing values. The C API of 1.7 also
// reads "cache_id" (undocumented in c_api.h, sent by the Python package's inplace_predict): without it the
// call fails with "Invalid cast, from Null to Integer".
constexpr char PredictConfig[] =
    R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, )"
    R"("strict_shape": false, "missing": NaN, "cache_id": 0})";
// The same through a DMatrix (gblinear has no in-place prediction).
constexpr char DMatrixPredictConfig[] =
    R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";

// Larger files are refused before they are read (plugins/README.md): the JSON or UBJ text, its decoded
// form for the checks and xgboost's own copy are all in memory at once while loading.
constexpr qint64 MaxModelBytes = qint64(2) << 30;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::XgboostModel)
};

/// XGBGetLastError() reduced to its first line, without the time stamp xgboost puts in front
/// ("[12:00:00] ../src/learner.cc:123: Check failed: …" → "../src/learner.cc:123: Check failed: …").
QString lastError()
{
    QString message = QString::fromUtf8(XGBGetLastError()).trimmed();
    message = message.left(message.indexOf(u'\n')).trimmed();
    if (message.startsWith(u'[')) {
        const qsizetype close = message.indexOf(u"] ");
        if (close > 0 && close < 12)
            message = message.mid(close + 2);
    }
    return message.isEmpty() ? Text::tr("unknown xgboost error") : message;
}

void forwardLog(const char *message)
{
    const QString text = QString::fromUtf8(message).trimmed();
    if (text.contains(u"WARNING"))
        qCWarning(lcXgboost).noquote() << text;
    else
        qCInfo(lcXgboost).noquote() << text;
}

QString xgboostVersion()
{
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

} // namespace

std::unique_ptr<XgboostModel> XgboostModel::load(const Sdk::ModelConfig &config, QString *error)
{
    // xgboost writes its warnings (old model format, deprecated parameters) to stderr unless told otherwise.
    static std::once_flag logOnce;
    std::call_once(logOnce, [] { XGBRegisterLogCallback(&forwardLog); });

    int threads = config.threads;
    for (auto it = config.options.cbegin(); it != config.options.cend(); ++it) {
        if (it.key() == u"threads") {
            bool ok = false;
            threads = it.value().toInt(&ok);
            if (!ok || threads < 1 || threads > 1024) {
                *error = tr("xgboost: option 'threads' must be a whole number from 1 to 1024, not '%1'")
                             .arg(it.value());
                return nullptr;
            }
        } else {
            *error = tr("xgboost: unknown option '%1' (known: threads)").arg(it.key());
            return nullptr;
        }
    }
    const QString &path = config.modelPath;
    if (path.isEmpty()) {
        *error = tr("xgboost: no model file given (a model saved by xgboost: .json, .ubj)");
        return nullptr;
    }
    // Checked before opening: opening a FIFO blocks until a writer comes, and reading /dev/zero or a huge
    // file would grow the buffer until the allocation aborts the process.
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        *error =
            tr("%1: not a regular file (a model must be a file, not a directory, device or pipe)").arg(path);
        return nullptr;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot open: %2").arg(path, file.errorString());
        return nullptr;
    }
    if (file.size() > MaxModelBytes) {
        *error = tr("%1: %2 bytes, more than the %3 GiB an xgboost model may have")
                     .arg(path)
                     .arg(file.size())
                     .arg(MaxModelBytes >> 30);
        return nullptr;
    }
    QString problem;
    // The first bytes tell whether this can be a model at all before the whole file is read.
    const QByteArray head = file.peek(4096);
    if (!head.isEmpty() && head.at(0) != '{' && !checkXgboostModel(head, &problem)) {
        *error = tr("%1: %2").arg(path, problem);
        return nullptr;
    }
    // readAll(), not read(MaxModelBytes): Qt sizes the buffer by the limit first. The size was checked above.
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    if (bytes.isEmpty()) {
        *error = tr("%1: empty file, not an xgboost model").arg(path);
        return nullptr;
    }
    const auto format = checkXgboostModel(bytes, &problem);
    if (!format) {
        *error = tr("%1: %2").arg(path, problem);
        return nullptr;
    }

    std::unique_ptr<XgboostModel> model(new XgboostModel);
    model->m_path = path;
    model->m_format = *format == XgboostFormat::Ubj ? QStringLiteral("ubj") : QStringLiteral("json");
    if (XGBoosterCreate(nullptr, 0, &model->m_booster) != 0) {
        *error = tr("%1: xgboost cannot create a booster: %2").arg(path, lastError());
        return nullptr;
    }
    // From the checked bytes rather than the path: xgboost then picks the parser by content, not by the file
    // name's extension, and reads exactly what was checked.
    if (XGBoosterLoadModelFromBuffer(model->m_booster, bytes.constData(), bst_ulong(bytes.size())) != 0) {
        *error = tr("%1: not a model xgboost %2 can load: %3").arg(path, xgboostVersion(), lastError());
        return nullptr;
    }
    if (threads > 0 &&
        XGBoosterSetParam(model->m_booster, "nthread", QByteArray::number(threads).constData()) != 0) {
        *error = tr("%1: xgboost rejects nthread=%2: %3").arg(path).arg(threads).arg(lastError());
        return nullptr;
    }

    bst_ulong features = 0;
    if (XGBoosterGetNumFeature(model->m_booster, &features) != 0) {
        *error = tr("%1: xgboost cannot tell the model's feature count: %2").arg(path, lastError());
        return nullptr;
    }
    if (features == 0 || features > bst_ulong(std::numeric_limits<int>::max())) {
        *error = tr("%1: the model declares %2 features").arg(path).arg(features);
        return nullptr;
    }
    model->m_features = qsizetype(features);
    if (config.features > 0 && config.features != model->m_features) {
        *error = tr("%1: the model has %2 features, but %3 input columns were requested")
                     .arg(path)
                     .arg(model->m_features)
                     .arg(config.features);
        return nullptr;
    }
    if (XGBoosterBoostedRounds(model->m_booster, &model->m_rounds) != 0)
        model->m_rounds = 0;

    bst_ulong configLength = 0;
    const char *configJson = nullptr;
    if (XGBoosterSaveJsonConfig(model->m_booster, &configLength, &configJson) == 0 && configJson) {
        const QJsonObject learner = QJsonDocument::fromJson(QByteArray(configJson, qsizetype(configLength)))
                                        .object()
                                        .value(u"learner")
                                        .toObject();
        model->m_objective = learner.value(u"objective").toObject().value(u"name").toString();
        model->m_boosterKind = learner.value(u"gradient_booster").toObject().value(u"name").toString();
    }

    // One prediction now, on a row of missing values: it finishes xgboost's lazy configuration while no other
    // thread can be predicting, fails early for boosters without in-place prediction, and tells the shape.
    const std::vector<float> row(size_t(model->m_features), std::numeric_limits<float>::quiet_NaN());
    const float *result = nullptr;
    qsizetype size = 0;
    if (model->m_boosterKind == u"gblinear")
        model->m_viaDMatrix = true;
    if (!model->predict(row.data(), 1, model->m_features, &result, &size, &problem)) {
        *error = tr("%1: xgboost test prediction failed: %2").arg(path, problem);
        return nullptr;
    }
    model->m_outputs = size;
    if (model->m_viaDMatrix)
        model->m_engineNote =
            tr("booster '%1' (only gbtree is compiled; xgboost predicts through a DMatrix, one "
               "batch at a time)")
                .arg(model->m_boosterKind);
    else
        model->compileForest();
    return model;
}

void XgboostModel::compileForest()
{
    bst_ulong length = 0;
    const char *json = nullptr;
    if (XGBoosterSaveModelToBuffer(m_booster, R"({"format": "json"})", &length, &json) != 0 || !json) {
        m_engineNote = tr("no JSON form of the model: %1").arg(lastError());
        return;
    }
    QString why;
    std::unique_ptr<XgboostForest> forest =
        XgboostForest::compile(QByteArray(json, qsizetype(length)), m_features, &why);
    if (!forest) {
        m_engineNote = why;
        return;
    }
    if (forest->outputs() != m_outputs) {
        m_engineNote = tr("compiled %1 outputs, xgboost gives %2").arg(forest->outputs()).arg(m_outputs);
        return;
    }
    // Probe rows: every threshold of every feature, the floats just below and above it, NaN and 0, in a
    // seeded shuffle across rows, so that each split is taken both ways and by missing values somewhere.
    const std::vector<std::vector<float>> values = forest->probeValues();
    size_t widest = 0;
    for (const auto &v : values)
        widest = std::max(widest, v.size());
    const qsizetype rows = qsizetype(std::clamp<size_t>(widest * 2, 256, 4096));
    std::vector<float> probe(size_t(rows * m_features));
    std::mt19937 generator(20240611);
    for (qsizetype f = 0; f < m_features; ++f) {
        const auto &choices = values[size_t(f)];
        std::uniform_int_distribution<size_t> pick(0, choices.size() - 1);
        for (qsizetype r = 0; r < rows; ++r)
            probe[size_t(r * m_features + f)] =
                r < qsizetype(choices.size()) ? choices[size_t(r)] : choices[pick(generator)];
    }
    const float *expected = nullptr;
    qsizetype size = 0;
    if (!predict(probe.data(), rows, m_features, &expected, &size, &why)) {
        m_engineNote = tr("xgboost could not score the probe rows: %1").arg(why);
        return;
    }
    std::vector<float> got(size_t(rows * m_outputs));
    forest->predict(probe.data(), rows, m_features, got.data());
    for (size_t i = 0; i < got.size(); ++i) {
        const double a = got[i];
        const double e = expected[i];
        if (!(std::abs(a - e) <= 1e-6 + 1e-6 * std::abs(e))) {
            m_engineNote = tr("the compiled trees give %1 where xgboost gives %2 (probe row %3)")
                               .arg(a, 0, 'g', 9)
                               .arg(e, 0, 'g', 9)
                               .arg(qsizetype(i) / m_outputs);
            return;
        }
    }
    m_forest = std::move(forest);
}

XgboostModel::~XgboostModel()
{
    if (m_booster)
        XGBoosterFree(m_booster);
}

bool XgboostModel::predict(const float *values, qsizetype rows, qsizetype cols, const float **result,
                           qsizetype *size, QString *error) const
{
    if (m_viaDMatrix)
        return predictViaDMatrix(values, rows, cols, result, size, error);
    // The __array_interface__ protocol: xgboost reads the caller's buffer in place, no copy into a DMatrix.
    const QByteArray arrayInterface =
        QByteArrayLiteral("{\"data\": [") + QByteArray::number(quintptr(values)) +
        QByteArrayLiteral(", true], \"shape\": [") + QByteArray::number(rows) + QByteArrayLiteral(", ") +
        QByteArray::number(cols) +
        QByteArrayLiteral("], \"strides\": null, \"typestr\": \"<f4\", \"version\": 3}");
    const bst_ulong *shape = nullptr;
    bst_ulong dims = 0;
    const float *out = nullptr;
    if (XGBoosterPredictFromDense(m_booster, arrayInterface.constData(), PredictConfig, nullptr, &shape,
                                  &dims, &out) != 0) {
        *error = lastError();
        return false;
    }
    if (dims < 1 || !shape || shape[0] != bst_ulong(rows)) {
        *error = tr("unexpected result shape for %1 rows").arg(rows);
        return false;
    }
    bst_ulong total = 1;
    for (bst_ulong d = 0; d < dims; ++d)
        total *= shape[d];
    *result = out;
    *size = qsizetype(total / bst_ulong(rows));
    return true;
}

bool XgboostModel::predictViaDMatrix(const float *values, qsizetype rows, qsizetype cols,
                                     const float **result, qsizetype *size, QString *error) const
{
    DMatrixHandle matrix = nullptr;
    if (XGDMatrixCreateFromMat(values, bst_ulong(rows), bst_ulong(cols),
                               std::numeric_limits<float>::quiet_NaN(), &matrix) != 0) {
        *error = lastError();
        return false;
    }
    // xgboost documents only in-place prediction as safe from several threads: one DMatrix prediction at a
    // time, its result copied out while the lock is held.
    thread_local std::vector<float> copy;
    bool ok = false;
    {
        const std::lock_guard lock(m_dmatrixMutex);
        const bst_ulong *shape = nullptr;
        bst_ulong dims = 0;
        const float *out = nullptr;
        if (XGBoosterPredictFromDMatrix(m_booster, matrix, DMatrixPredictConfig, &shape, &dims, &out) != 0) {
            *error = lastError();
        } else if (dims < 1 || !shape || shape[0] != bst_ulong(rows)) {
            *error = tr("unexpected result shape for %1 rows").arg(rows);
        } else {
            bst_ulong total = 1;
            for (bst_ulong d = 0; d < dims; ++d)
                total *= shape[d];
            copy.assign(out, out + total);
            *size = qsizetype(total / bst_ulong(rows));
            ok = true;
        }
    }
    XGDMatrixFree(matrix);
    if (ok)
        *result = copy.data();
    return ok;
}

QString XgboostModel::describe() const
{
    return tr("xgboost %1 %2, %3 rounds, %4 features, k=%5, %6")
        .arg(m_boosterKind.isEmpty() ? QStringLiteral("model") : m_boosterKind,
             m_objective.isEmpty() ? QStringLiteral("?") : m_objective)
        .arg(m_rounds)
        .arg(m_features)
        .arg(m_outputs)
        .arg(QFileInfo(m_path).fileName());
}

QJsonObject XgboostModel::statistics() const
{
    QJsonObject stats{
        {QStringLiteral("objective"), m_objective},
        {QStringLiteral("booster"), m_boosterKind},
        {QStringLiteral("rounds"), m_rounds},
        {QStringLiteral("features"), qint64(m_features)},
        {QStringLiteral("outputs"), qint64(m_outputs)},
        {QStringLiteral("file"), m_path},
        {QStringLiteral("format"), m_format},
        {QStringLiteral("xgboostVersion"), xgboostVersion()},
        {QStringLiteral("engine"), m_forest ? QStringLiteral("compiled trees") : QStringLiteral("xgboost")}};
    if (!m_forest)
        stats.insert(QStringLiteral("engineNote"), m_engineNote);
    return stats;
}

bool XgboostModel::score(const Sdk::BatchInput &input, float *out, QString *error)
{
    if (!input.values) {
        *error = tr("xgboost: text input is not supported (the model expects dense float32 rows)");
        return false;
    }
    if (input.cols != m_features) {
        *error = tr("input has %1 columns, model expects %2").arg(input.cols).arg(m_features);
        return false;
    }
    if (input.rows <= 0)
        return true;
    if (m_forest) {
        m_forest->predict(input.values, input.rows, input.cols, out);
        return true;
    }
    const float *result = nullptr;
    qsizetype size = 0;
    QString problem;
    if (!predict(input.values, input.rows, input.cols, &result, &size, &problem)) {
        *error = tr("%1: xgboost prediction failed: %2").arg(m_path, problem);
        return false;
    }
    if (size != m_outputs) {
        *error =
            tr("%1: xgboost returned %2 outputs per row, expected %3").arg(m_path).arg(size).arg(m_outputs);
        return false;
    }
    // The result lives in xgboost's per-thread buffer until this thread's next prediction: copy it out now.
    std::memcpy(out, result, size_t(input.rows) * size_t(m_outputs) * sizeof(float));
    return true;
}

} // namespace Opsdeck::Plugins
