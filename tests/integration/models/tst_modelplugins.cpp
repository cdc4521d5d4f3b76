// The built-in model plugins (linear, xgboost, fasttext) loaded through the registry from this build's plugin
// folder. linear is checked against weights whose scores are known exactly; xgboost and fastText against
// models trained by tests/peers/train_*.py, whose Python predictions the plugins must reproduce to 1e-5.
#include "scoring/pluginregistry.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <vector>

using Opsdeck::Core::PluginRegistry;
using Opsdeck::Sdk::BatchInput;
using Opsdeck::Sdk::ModelBackend;
using Opsdeck::Sdk::ModelConfig;
using Opsdeck::Sdk::ModelInstance;
using Options = QMap<QString, QString>;

namespace {

const QString python = QStringLiteral("/usr/bin/python3");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

std::vector<float> readFloats(const QString &path)
{
    const QByteArray bytes = readAll(path);
    std::vector<float> values(size_t(bytes.size()) / sizeof(float));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(float));
    return values;
}

/// Scores dense rows; on failure returns an empty vector and sets `*error`.
std::vector<float> scoreDense(ModelInstance &model, const std::vector<float> &x, qsizetype cols,
                              QString *error)
{
    const qsizetype rows = qsizetype(x.size()) / cols;
    std::vector<float> out(size_t(rows * model.outputColumns()), -12345.0f);
    BatchInput input;
    input.rows = rows;
    input.cols = cols;
    input.values = x.data();
    if (!model.score(input, out.data(), error))
        return {};
    return out;
}

std::vector<float> scoreText(ModelInstance &model, const QList<QByteArray> &lines, QString *error)
{
    std::vector<float> out(size_t(lines.size() * model.outputColumns()), -12345.0f);
    BatchInput input;
    input.rows = lines.size();
    input.lines = lines.constData();
    if (!model.score(input, out.data(), error))
        return {};
    return out;
}

/// Compares element-wise within `tolerance`, reporting the first difference.
bool near(const std::vector<float> &actual, const std::vector<float> &expected, double tolerance,
          QString *why)
{
    if (actual.size() != expected.size()) {
        *why = QStringLiteral("%1 values, expected %2").arg(actual.size()).arg(expected.size());
        return false;
    }
    for (size_t i = 0; i < actual.size(); ++i) {
        if (!(std::fabs(double(actual[i]) - double(expected[i])) <= tolerance)) {
            *why = QStringLiteral("value %1 is %2, expected %3")
                       .arg(i)
                       .arg(actual[i], 0, 'g', 9)
                       .arg(expected[i], 0, 'g', 9);
            return false;
        }
    }
    return true;
}

/// Runs `scoreBatch(i)` for batches 0..n-1 from four threads at once, many times over, and checks every
/// result equals the single-threaded one. Only meaningful for instances that declare isThreadSafe().
bool sameResultsConcurrently(int batches, const std::function<std::vector<float>(int)> &scoreBatch,
                             QString *why)
{
    std::vector<std::vector<float>> reference;
    for (int b = 0; b < batches; ++b) {
        reference.push_back(scoreBatch(b));
        if (reference.back().empty()) {
            *why = QStringLiteral("batch %1 failed").arg(b);
            return false;
        }
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 25; ++round) {
                const int b = (t + round) % batches;
                if (scoreBatch(b) != reference[size_t(b)])
                    ++mismatches;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    if (mismatches != 0) {
        *why =
            QStringLiteral("%1 concurrent batches differ from the sequential result").arg(mismatches.load());
        return false;
    }
    return true;
}

/// Writes `value` big-endian into the `bytes` bytes at `at`.
void putBigEndian(QByteArray &bytes, qsizetype at, qint64 value, int size)
{
    for (int i = size - 1; i >= 0; --i, value >>= 8)
        bytes[at + i] = char(value & 0xff);
}

double logistic(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

class TestModelPlugins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void linearKnownWeights();
    void linearLogistic();
    void linearMultiOutput();
    void linearOddShapes_data();
    void linearOddShapes();
    void linearCsvEqualsJson();
    void linearSyntheticIsSeeded();
    void linearSyntheticOptions();
    void linearBadInput_data();
    void linearBadInput();
    void linearWrongColumns();
    void linearConcurrent();

    void xgboostMatchesPython_data();
    void xgboostMatchesPython();
    void xgboostThreads();
    void xgboostErrors_data();
    void xgboostErrors();
    void xgboostTruncations_data();
    void xgboostTruncations();
    void xgboostLinearBooster();
    void xgboostDamagedTrees_data();
    void xgboostDamagedTrees();
    void specialFiles_data();
    void specialFiles();
    void xgboostWrongInput();
    void xgboostConcurrent();

    void fasttextMatchesPython_data();
    void fasttextMatchesPython();
    void fasttextAllLabelsAndThreshold();
    void fasttextErrors_data();
    void fasttextErrors();
    void fasttextPrunedIndex();
    void fasttextTruncations_data();
    void fasttextTruncations();
    void fasttextDenseInput();
    void fasttextConcurrent();

private:
    /// Loads `cuts` truncated copies of `source` (cut at evenly spaced points): each must fail with an error
    /// naming the copy; none may load, hang or crash (run under ASan, this also catches reads past the end).
    void checkTruncations(ModelBackend *backend, const QString &source, int cuts);
    std::unique_ptr<ModelInstance> load(ModelBackend *backend, const QString &path,
                                        const Options &options = {}, QString *error = nullptr);
    /// Runs a tests/peers training script into `outDir`. Returns an empty string when it worked, else why
    /// not;
    /// `*skip` tells whether that is a reason to skip (Python or a module missing) rather than to fail.
    QString trainPeer(const QString &script, const QString &outDir, bool *skip);
    QString writeTemp(const QString &name, const QByteArray &bytes);

    PluginRegistry m_registry{{QStringLiteral(OPSDECK_TEST_PLUGIN_DIR)}};
    ModelBackend *m_linear = nullptr;
    ModelBackend *m_xgboost = nullptr;
    ModelBackend *m_fasttext = nullptr;
    QTemporaryDir m_dir;
    QString m_xgboostDir;
    QString m_xgboostProblem;
    bool m_xgboostSkip = false;
    QString m_fasttextDir;
    QString m_fasttextProblem;
    bool m_fasttextSkip = false;
};

#define REQUIRE_PEER(problem, skip)                                                                          \
    do {                                                                                                     \
        if (!(problem).isEmpty()) {                                                                          \
            if (skip)                                                                                        \
                QSKIP(qPrintable(problem));                                                                  \
            QFAIL(qPrintable(problem));                                                                      \
        }                                                                                                    \
    } while (false)

void TestModelPlugins::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (auto [id, slot] : {std::pair{"linear", &m_linear}, std::pair{"xgboost", &m_xgboost},
                            std::pair{"fasttext", &m_fasttext}}) {
        const auto backend = m_registry.backend(QLatin1StringView(id));
        QVERIFY2(backend, backend ? "" : qPrintable(backend.error().message));
        *slot = *backend;
    }
    m_xgboostDir = m_dir.filePath(QStringLiteral("xgboost"));
    m_fasttextDir = m_dir.filePath(QStringLiteral("fasttext"));
    m_xgboostProblem = trainPeer(QStringLiteral("train_xgboost.py"), m_xgboostDir, &m_xgboostSkip);
    m_fasttextProblem = trainPeer(QStringLiteral("train_fasttext.py"), m_fasttextDir, &m_fasttextSkip);
}

QString TestModelPlugins::trainPeer(const QString &script, const QString &outDir, bool *skip)
{
    *skip = true;
    if (!QFileInfo(python).isExecutable())
        return QStringLiteral("%1 is not installed: the Python reference for this model cannot be trained")
            .arg(python);
    if (!QDir().mkpath(outDir)) {
        *skip = false;
        return QStringLiteral("cannot create %1").arg(outDir);
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(python, {QStringLiteral(OPSDECK_TEST_PEERS_DIR "/") + script, outDir});
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        *skip = false;
        return QStringLiteral("%1 did not finish: %2").arg(script, process.errorString());
    }
    const QString stderrText = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3)
        return QStringLiteral("%1: %2 (install the Debian python3 packages for it)").arg(script, stderrText);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *skip = false;
        return QStringLiteral("%1 failed (exit %2): %3").arg(script).arg(process.exitCode()).arg(stderrText);
    }
    return {};
}

std::unique_ptr<ModelInstance> TestModelPlugins::load(ModelBackend *backend, const QString &path,
                                                      const Options &options, QString *error)
{
    ModelConfig config;
    config.modelPath = path;
    config.options = options;
    QString message;
    auto model = backend->load(config, &message);
    if (error)
        *error = message;
    else if (!model)
        qWarning().noquote() << "load failed:" << message;
    return model;
}

QString TestModelPlugins::writeTemp(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    if (!writeFile(path, bytes))
        qWarning() << "cannot write" << path;
    return path;
}

// ---- linear -----------------------------------------------------------------------------------------------

void TestModelPlugins::linearKnownWeights()
{
    const QString path = writeTemp(QStringLiteral("single.json"), R"({"weights": [1, 2, 3], "bias": 0.5})");
    auto model = load(m_linear, path);
    QVERIFY(model);
    QCOMPARE(model->inputColumns(), 3);
    QCOMPARE(model->outputColumns(), 1);
    QVERIFY(!model->isRemote());
    QVERIFY(model->isThreadSafe());
    QCOMPARE(model->describe(), QStringLiteral("identity, 3 features, k=1, weights single.json"));
    const std::vector<float> x{1, 1, 1, 0, 0, 0, -1, 2, 0.5f, 0.25f, -0.5f, 2};
    QString error;
    const std::vector<float> y = scoreDense(*model, x, 3, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    QCOMPARE(y, (std::vector<float>{6.5f, 0.5f, 5.0f, 5.75f}));

    // An empty batch is fine and writes nothing.
    float untouched = 7.0f;
    QVERIFY(model->score(BatchInput{0, x.data(), 3, nullptr}, &untouched, &error));
    QCOMPARE(untouched, 7.0f);
}

void TestModelPlugins::linearLogistic()
{
    const QString path = writeTemp(QStringLiteral("logistic.json"),
                                   R"({"weights": [0.5, -0.25], "bias": 0.1, "link": "logistic"})");
    auto model = load(m_linear, path);
    QVERIFY(model);
    // Spans the rational-approximation range, the exp() tail below -9 and saturation above 16.
    const std::vector<float> x{0, 0, 1, 1, -2, 4, 20, 0, -20, 0, 40, -40, -200, 0, 3, 7.5f};
    QString error;
    const std::vector<float> y = scoreDense(*model, x, 2, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    std::vector<float> expected;
    for (size_t r = 0; r < x.size() / 2; ++r)
        expected.push_back(float(logistic(0.5 * x[2 * r] - 0.25 * x[2 * r + 1] + 0.1)));
    QString why;
    QVERIFY2(near(y, expected, 1e-6, &why), qPrintable(why));

    // A NaN input scores NaN wherever its row falls in the batch (the vector kernel's clamp turned it into 1.0
    // in groups of four rows, the scalar tail kept NaN).
    std::vector<float> withNan(2 * 9, 1.0f);
    for (size_t r = 0; r < 9; ++r)
        withNan[2 * r] = std::nanf("");
    const std::vector<float> nan = scoreDense(*model, withNan, 2, &error);
    QCOMPARE(nan.size(), size_t(9));
    for (size_t r = 0; r < nan.size(); ++r)
        QVERIFY2(std::isnan(nan[r]), qPrintable(QStringLiteral("row %1: %2").arg(r).arg(nan[r])));

    // The link option overrides the file's.
    auto identity = load(m_linear, path, {{QStringLiteral("link"), QStringLiteral("identity")}});
    QVERIFY(identity);
    const std::vector<float> z = scoreDense(*identity, {1, 1}, 2, &error);
    QCOMPARE(z, std::vector<float>{0.35f});
}

void TestModelPlugins::linearMultiOutput()
{
    const QString path = writeTemp(QStringLiteral("multi.json"),
                                   R"({"weights": [[1, 0, 0], [0, 1, 0], [1, 1, 1]], "bias": [0, 1, -1]})");
    auto model = load(m_linear, path);
    QVERIFY(model);
    QCOMPARE(model->inputColumns(), 3);
    QCOMPARE(model->outputColumns(), 3);
    QString error;
    const std::vector<float> x{1, 2, 3, 4, 5, 6};
    const std::vector<float> y = scoreDense(*model, x, 3, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    QCOMPARE(y, (std::vector<float>{1, 3, 5, 4, 6, 14}));

    auto logisticModel = load(m_linear, path, {{QStringLiteral("link"), QStringLiteral("logistic")}});
    QVERIFY(logisticModel);
    const std::vector<float> p = scoreDense(*logisticModel, x, 3, &error);
    std::vector<float> expected;
    for (const float v : y)
        expected.push_back(float(logistic(v)));
    QString why;
    QVERIFY2(near(p, expected, 1e-6, &why), qPrintable(why));

    // Many rows through the matrix-matrix path: every row equals its own single-row result.
    std::mt19937 generator(5);
    std::normal_distribution<float> normal;
    std::vector<float> many(3 * 1000);
    for (float &v : many)
        v = normal(generator);
    const std::vector<float> batch = scoreDense(*model, many, 3, &error);
    QCOMPARE(batch.size(), size_t(3000));
    for (size_t r = 0; r < 1000; ++r) {
        const float *row = many.data() + 3 * r;
        QVERIFY(std::fabs(batch[3 * r + 0] - row[0]) < 1e-5f);
        QVERIFY(std::fabs(batch[3 * r + 1] - (row[1] + 1)) < 1e-5f);
        QVERIFY(std::fabs(batch[3 * r + 2] - (row[0] + row[1] + row[2] - 1)) < 1e-5f);
    }
}

void TestModelPlugins::linearOddShapes_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    // Row counts around the single-output kernel's 4-row blocks, column counts around its 4-wide vectors.
    for (const auto &[rows, cols] : {std::pair{1, 1}, std::pair{3, 5}, std::pair{4, 4}, std::pair{10, 7},
                                     std::pair{13, 100}, std::pair{1001, 37}, std::pair{6, 2}})
        QTest::addRow("%d x %d", rows, cols) << rows << cols;
}

void TestModelPlugins::linearOddShapes()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    std::mt19937 generator(uint32_t(rows * 1000 + cols));
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> w(static_cast<size_t>(cols));
    std::vector<float> x(static_cast<size_t>(rows) * static_cast<size_t>(cols));
    QJsonArray weights;
    for (float &v : w) {
        v = uniform(generator);
        weights.append(double(v));
    }
    for (float &v : x)
        v = uniform(generator);
    const QString path = writeTemp(
        QStringLiteral("odd.json"),
        QJsonDocument(QJsonObject{{QStringLiteral("weights"), weights}, {QStringLiteral("bias"), 0.25}})
            .toJson());
    auto model = load(m_linear, path);
    QVERIFY(model);
    QString error;
    const std::vector<float> y = scoreDense(*model, x, cols, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    std::vector<float> expected;
    for (int r = 0; r < rows; ++r) {
        double z = 0.25;
        for (int c = 0; c < cols; ++c)
            z += double(w[size_t(c)]) * double(x[size_t(r * cols + c)]);
        expected.push_back(float(z));
    }
    QString why;
    QVERIFY2(near(y, expected, 1e-5, &why), qPrintable(why));
}

void TestModelPlugins::linearCsvEqualsJson()
{
    // Saved by a spreadsheet: a UTF-8 byte order mark first, which is not part of the first weight.
    const QString csv = writeTemp(QStringLiteral("multi.csv"), "\xEF\xBB\xBF"
                                                               "# one line per output: weights, then bias\r\n"
                                                               "1, 0, 0, 0\r\n"
                                                               "\r\n"
                                                               "0,1,0,1\r\n"
                                                               "  1 ,1, 1 , -1  \r\n");
    const QString json = writeTemp(QStringLiteral("same.json"),
                                   R"({"weights": [[1, 0, 0], [0, 1, 0], [1, 1, 1]], "bias": [0, 1, -1]})");
    for (const Options &options :
         {Options{}, Options{{QStringLiteral("link"), QStringLiteral("logistic")}}}) {
        auto fromCsv = load(m_linear, csv, options);
        auto fromJson = load(m_linear, json, options);
        QVERIFY(fromCsv);
        QVERIFY(fromJson);
        QCOMPARE(fromCsv->outputColumns(), 3);
        const std::vector<float> x{1, 2, 3, 4, 5, 6, -1, 0.5f, 2};
        QString error;
        const std::vector<float> a = scoreDense(*fromCsv, x, 3, &error);
        QVERIFY2(!a.empty(), qPrintable(error));
        QCOMPARE(a, scoreDense(*fromJson, x, 3, &error));
    }
    // A single CSV row is a single-output model; a file without the .csv suffix is sniffed.
    const QString single = writeTemp(QStringLiteral("weights.txt"), "2,4,1\n");
    auto model = load(m_linear, single);
    QVERIFY(model);
    QString error;
    QCOMPARE(scoreDense(*model, {1, 1, 0.5f, -1}, 2, &error), (std::vector<float>{7, -2}));
}

void TestModelPlugins::linearSyntheticIsSeeded()
{
    auto model = load(m_linear, {}, {{QStringLiteral("link"), QStringLiteral("identity")}});
    QVERIFY(model);
    QCOMPARE(model->inputColumns(), 100);
    QCOMPARE(model->outputColumns(), 1);
    QCOMPARE(model->describe(), QStringLiteral("identity, 100 features, k=1, synthetic seed 42"));

    // The documented generator: mt19937(seed); each weight (u >> 8) / 2^23 - 1 scaled by sqrt(3 / n), then
    // the bias from the next draw scaled by 0.1. Pinning it keeps synthetic benchmarks comparable.
    std::mt19937 generator(42);
    const auto unit = [&] {
        return float(generator() >> 8) * (1.0f / 8388608.0f) - 1.0f;
    };
    std::vector<double> w(100);
    for (double &v : w)
        v = double(unit() * std::sqrt(3.0f / 100.0f));
    const double b = double(unit() * 0.1f);

    std::mt19937 inputs(9);
    std::normal_distribution<float> normal;
    std::vector<float> x(100 * 64);
    for (float &v : x)
        v = normal(inputs);
    QString error;
    const std::vector<float> y = scoreDense(*model, x, 100, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    std::vector<float> expected;
    for (size_t r = 0; r < 64; ++r) {
        double z = b;
        for (size_t c = 0; c < 100; ++c)
            z += w[c] * double(x[r * 100 + c]);
        expected.push_back(float(z));
    }
    QString why;
    QVERIFY2(near(y, expected, 1e-5, &why), qPrintable(why));

    // Default link is logistic; another seed is another model.
    auto defaultModel = load(m_linear, {});
    QVERIFY(defaultModel);
    QCOMPARE(defaultModel->describe(), QStringLiteral("logistic, 100 features, k=1, synthetic seed 42"));
    const std::vector<float> p = scoreDense(*defaultModel, x, 100, &error);
    std::vector<float> squashed;
    for (const float v : expected)
        squashed.push_back(float(logistic(v)));
    QVERIFY2(near(p, squashed, 1e-6, &why), qPrintable(why));
    auto other = load(m_linear, {}, {{QStringLiteral("seed"), QStringLiteral("43")}});
    QVERIFY(other);
    QVERIFY(scoreDense(*other, x, 100, &error) != p);
}

void TestModelPlugins::linearSyntheticOptions()
{
    ModelConfig config;
    config.features = 7;
    QString error;
    auto fromConfig = m_linear->load(config, &error);
    QVERIFY2(fromConfig, qPrintable(error));
    QCOMPARE(fromConfig->inputColumns(), 7);

    config.options = {{QStringLiteral("features"), QStringLiteral("5")},
                      {QStringLiteral("outputs"), QStringLiteral("4")}};
    auto fromOptions = m_linear->load(config, &error);
    QVERIFY2(fromOptions, qPrintable(error));
    QCOMPARE(fromOptions->inputColumns(), 5);
    QCOMPARE(fromOptions->outputColumns(), 4);
    const QJsonObject statistics = fromOptions->statistics();
    QCOMPARE(statistics.value(u"features").toInt(), 5);
    QCOMPARE(statistics.value(u"outputs").toInt(), 4);
    QCOMPARE(statistics.value(u"link").toString(), QStringLiteral("logistic"));
    const std::vector<float> y = scoreDense(*fromOptions, std::vector<float>(5 * 3, 0.5f), 5, &error);
    QCOMPARE(y.size(), size_t(12));
    for (const float v : y)
        QVERIFY(v > 0.0f && v < 1.0f);
}

void TestModelPlugins::linearBadInput_data()
{
    QTest::addColumn<QString>("fileName"); // empty: no file
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<Options>("options");
    QTest::addColumn<QString>("expected"); // %1 = the file's path

    const Options none;
    QTest::newRow("not JSON") << QStringLiteral("w.json") << QByteArray("{\"weights\": [1, 2") << none
                              << QStringLiteral(
                                     "%1: not valid JSON at offset 17: invalid termination by number");
    QTest::newRow("top-level array") << QStringLiteral("w.json") << QByteArray("[1, 2]") << none
                                     << QStringLiteral("%1: the top level must be a JSON object");
    QTest::newRow("no weights") << QStringLiteral("w.json") << QByteArray(R"({"bias": 1})") << none
                                << QStringLiteral("%1: missing 'weights'");
    QTest::newRow("weights with a string")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [1, "x"]})") << none
        << QStringLiteral("%1: 'weights' must be an array of numbers");
    QTest::newRow("weights a string") << QStringLiteral("w.json") << QByteArray(R"({"weights": "1,2"})")
                                      << none << QStringLiteral("%1: 'weights' must be an array of numbers");
    QTest::newRow("weights empty") << QStringLiteral("w.json") << QByteArray(R"({"weights": []})") << none
                                   << QStringLiteral("%1: 'weights' must be an array of numbers");
    QTest::newRow("ragged rows") << QStringLiteral("w.json")
                                 << QByteArray(R"({"weights": [[1, 2, 3], [1, 2]], "bias": [0, 0]})") << none
                                 << QStringLiteral("%1: row 2 has 2 weights, expected 3");
    QTest::newRow("empty row") << QStringLiteral("w.json") << QByteArray(R"({"weights": [[]]})") << none
                               << QStringLiteral("%1: row 1 has no weights");
    QTest::newRow("synthetic model too large")
        << QString() << QByteArray()
        << Options{{QStringLiteral("outputs"), QStringLiteral("4096")}, {QStringLiteral("features"), QStringLiteral("16777216")}}
        << QStringLiteral("linear: a synthetic model of 4096 outputs × 16777216 features is too large (at most "
                          "268435456 weights)");
    QTest::newRow("row with a string")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [[1, 2], [1, "a"]], "bias": [0, 0]})")
        << none << QStringLiteral("%1: row 2 of 'weights' must be an array of numbers");
    QTest::newRow("row not an array")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [[1, 2], 3], "bias": [0, 0]})") << none
        << QStringLiteral("%1: row 2 of 'weights' must be an array of numbers");
    QTest::newRow("bias count") << QStringLiteral("w.json")
                                << QByteArray(R"({"weights": [[1, 2], [3, 4]], "bias": [1]})") << none
                                << QStringLiteral(
                                       "%1: 'bias' must be an array of 2 numbers (one per row of 'weights')");
    QTest::newRow("bias not a number")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [1, 2], "bias": "x"})") << none
        << QStringLiteral("%1: 'bias' must be a number");
    QTest::newRow("unknown link") << QStringLiteral("w.json")
                                  << QByteArray(R"({"weights": [1], "link": "relu"})") << none
                                  << QStringLiteral(
                                         "%1: 'link' must be \"identity\" or \"logistic\", not \"relu\"");
    QTest::newRow("link not a string")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [1], "link": 1})") << none
        << QStringLiteral("%1: 'link' must be the string \"identity\" or \"logistic\"");
    QTest::newRow("weight beyond float32")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [1, 1e39]})") << none
        << QStringLiteral("%1: 'weights' row 1, weight 2 does not fit a float32 (1e+39)");
    QByteArray ninetyNine = "{\"weights\": [0";
    for (int i = 1; i < 99; ++i)
        ninetyNine += ", 0";
    ninetyNine += "]}";
    QTest::newRow("fewer weights than features")
        << QStringLiteral("w.json") << ninetyNine
        << Options{{QStringLiteral("features"), QStringLiteral("100")}}
        << QStringLiteral("%1: row 1 has 99 weights, expected 100");
    QTest::newRow("CSV bad number") << QStringLiteral("w.csv") << QByteArray("1,2,3\n1,2,abc\n") << none
                                    << QStringLiteral("%1:2: field 3 is not a finite float32 number ('abc')");
    QTest::newRow("CSV nan") << QStringLiteral("w.csv") << QByteArray("nan,1\n") << none
                             << QStringLiteral("%1:1: field 1 is not a finite float32 number ('nan')");
    QTest::newRow("CSV ragged") << QStringLiteral("w.csv") << QByteArray("1,2,3\n# comment\n1,2\n") << none
                                << QStringLiteral("%1:3: row 2 has 1 weights, expected 2");
    QTest::newRow("CSV single field")
        << QStringLiteral("w.csv") << QByteArray("5\n") << none
        << QStringLiteral("%1:1: expected the weights and then the bias, found a single field");
    QTest::newRow("CSV without rows")
        << QStringLiteral("w.csv") << QByteArray("# nothing\n\n") << none
        << QStringLiteral("%1: no weight rows (expected one line per output column: "
                          "weights, then the bias)");
    QTest::newRow("missing file") << QStringLiteral("absent.json") << QByteArray() << none
                                  << QStringLiteral("%1: cannot open: No such file or directory");
    QTest::newRow("unknown option")
        << QString() << QByteArray() << Options{{QStringLiteral("lnk"), QStringLiteral("x")}}
        << QStringLiteral("linear: unknown option 'lnk' (known: features, outputs, seed, link)");
    QTest::newRow("bad link option") << QString() << QByteArray()
                                     << Options{{QStringLiteral("link"), QStringLiteral("tanh")}}
                                     << QStringLiteral(
                                            "linear: option 'link' must be identity or logistic, not 'tanh'");
    QTest::newRow("bad features option")
        << QString() << QByteArray() << Options{{QStringLiteral("features"), QStringLiteral("many")}}
        << QStringLiteral("linear: option 'features' must be a whole number from 1 to 16777216, not 'many'");
    QTest::newRow("seed with a file")
        << QStringLiteral("w.json") << QByteArray(R"({"weights": [1]})")
        << Options{{QStringLiteral("seed"), QStringLiteral("1")}}
        << QStringLiteral("linear: option 'seed' applies to the synthetic model only "
                          "(a weights file was given: %1)");
}

void TestModelPlugins::linearBadInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(Options, options);
    QFETCH(QString, expected);
    QString path;
    if (!fileName.isEmpty()) {
        path = m_dir.filePath(fileName);
        QFile::remove(path);
        if (fileName != u"absent.json")
            QVERIFY(writeFile(path, content));
    }
    QString error;
    auto model = load(m_linear, path, options, &error);
    QVERIFY(!model);
    QCOMPARE(error, expected.contains(u"%1") ? expected.arg(path) : expected);
}

void TestModelPlugins::linearWrongColumns()
{
    auto model = load(m_linear, {});
    QVERIFY(model);
    const std::vector<float> x(50 * 2, 1.0f);
    std::vector<float> out(2, -1.0f);
    QString error;
    QVERIFY(!model->score(BatchInput{2, x.data(), 50, nullptr}, out.data(), &error));
    QCOMPARE(error, QStringLiteral("input has 50 columns, model expects 100"));
    QCOMPARE(out, (std::vector<float>{-1.0f, -1.0f}));
    const QList<QByteArray> lines{"a line"};
    QVERIFY(!model->score(BatchInput{1, nullptr, 0, lines.constData()}, out.data(), &error));
    QCOMPARE(error,
             QStringLiteral("linear: text input is not supported (the model expects dense float32 rows)"));
    // The instance stays usable after a failed batch.
    const std::vector<float> good(100, 0.0f);
    QVERIFY(model->score(BatchInput{1, good.data(), 100, nullptr}, out.data(), &error));
}

void TestModelPlugins::linearConcurrent()
{
    for (const Options &options : {Options{}, Options{{QStringLiteral("outputs"), QStringLiteral("3")}}}) {
        auto model = load(m_linear, {}, options);
        QVERIFY(model);
        QVERIFY(model->isThreadSafe());
        std::vector<std::vector<float>> batches(6);
        std::mt19937 generator(3);
        std::normal_distribution<float> normal;
        for (auto &batch : batches) {
            batch.resize(100 * 2000);
            for (float &v : batch)
                v = normal(generator);
        }
        QString why;
        QVERIFY2(sameResultsConcurrently(
                     int(batches.size()),
                     [&](int b) {
                         QString error;
                         return scoreDense(*model, batches[size_t(b)], 100, &error);
                     },
                     &why),
                 qPrintable(why));
    }
}

// ---- xgboost ----------------------------------------------------------------------------------------------

void TestModelPlugins::xgboostMatchesPython_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<QString>("objective");
    QTest::newRow("binary:logistic JSON") << "binary.json"
                                          << "binary.f32" << 1 << "binary:logistic";
    QTest::newRow("binary:logistic UBJ") << "binary.ubj"
                                         << "binary.f32" << 1 << "binary:logistic";
    QTest::newRow("multi:softprob JSON") << "multi.json"
                                         << "multi.f32" << 3 << "multi:softprob";
    QTest::newRow("multi:softprob UBJ") << "multi.ubj"
                                        << "multi.f32" << 3 << "multi:softprob";
}

void TestModelPlugins::xgboostMatchesPython()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    QFETCH(QString, model);
    QFETCH(QString, reference);
    QFETCH(int, outputs);
    QFETCH(QString, objective);
    const QJsonObject manifest =
        QJsonDocument::fromJson(readAll(m_xgboostDir + QStringLiteral("/manifest.json"))).object();
    const int features = manifest.value(u"features").toInt();
    QCOMPARE(features, 8);

    auto instance = load(m_xgboost, m_xgboostDir + u'/' + model);
    QVERIFY(instance);
    QCOMPARE(instance->inputColumns(), features);
    QCOMPARE(instance->outputColumns(), outputs);
    QVERIFY(instance->isThreadSafe());
    QVERIFY2(instance->describe().contains(objective), qPrintable(instance->describe()));
    QCOMPARE(instance->statistics().value(u"objective").toString(), objective);
    QCOMPARE(instance->statistics().value(u"xgboostVersion").toString(),
             manifest.value(u"xgboost").toString());

    const std::vector<float> x = readFloats(m_xgboostDir + QStringLiteral("/inputs.f32"));
    QCOMPARE(x.size(), size_t(manifest.value(u"rows").toInt() * features));
    QString error;
    const std::vector<float> y = scoreDense(*instance, x, features, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    QString why;
    QVERIFY2(near(y, readFloats(m_xgboostDir + u'/' + reference), 1e-5, &why), qPrintable(why));

    // Row by row gives the same as the whole batch.
    for (qsizetype r = 0; r < 5; ++r) {
        const std::vector<float> row(x.begin() + r * features, x.begin() + (r + 1) * features);
        const std::vector<float> one = scoreDense(*instance, row, features, &error);
        QCOMPARE(one, std::vector<float>(y.begin() + r * outputs, y.begin() + (r + 1) * outputs));
    }
}

void TestModelPlugins::xgboostThreads()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    const QString path = m_xgboostDir + QStringLiteral("/multi.json");
    const std::vector<float> x = readFloats(m_xgboostDir + QStringLiteral("/inputs.f32"));
    const std::vector<float> reference = readFloats(m_xgboostDir + QStringLiteral("/multi.f32"));
    for (const char *threads : {"1", "2"}) {
        auto model = load(m_xgboost, path, {{QStringLiteral("threads"), QLatin1StringView(threads)}});
        QVERIFY(model);
        QString error, why;
        QVERIFY2(near(scoreDense(*model, x, 8, &error), reference, 1e-5, &why), qPrintable(why));
    }
    ModelConfig config;
    config.modelPath = path;
    config.threads = 1;
    QString error;
    QVERIFY2(m_xgboost->load(config, &error), qPrintable(error));
}

void TestModelPlugins::xgboostErrors_data()
{
    QTest::addColumn<QString>("fileName");   // empty: no model path
    QTest::addColumn<QByteArray>("content"); // null: use the trained binary.json
    QTest::addColumn<Options>("options");
    QTest::addColumn<int>("features");
    QTest::addColumn<QString>("expected"); // %1 = the path; matched as a prefix

    const Options none;
    QTest::newRow("missing file") << "absent.json" << QByteArray() << none << 0
                                  << QStringLiteral("%1: cannot open: No such file or directory");
    QTest::newRow("empty file") << "empty.json" << QByteArray("") << none << 0
                                << QStringLiteral("%1: empty file, not an xgboost model");
    QTest::newRow("JSON that is not a model")
        << "other.json" << QByteArray(R"({"learner": 5})") << none << 0
        << QStringLiteral("%1: not an xgboost model (no \"learner\" object)");
    QTest::newRow("broken JSON") << "broken.json" << QByteArray(R"({"learner": {"attributes": )") << none << 0
                                 << QStringLiteral("%1: damaged JSON model (");
    QByteArray noise(3000, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 131 + 17) % 256);
    const QString notAModel = QStringLiteral("%1: not an xgboost model (expected JSON or UBJ as written by "
                                             "save_model; the legacy binary format is not supported, re-save "
                                             "such models as .json or .ubj)");
    QTest::newRow("noise") << "noise.model" << noise << none << 0 << notAModel;
    QTest::newRow("legacy binary header")
        << "old.model" << QByteArray("binf\0\0\0\0\x01\x02", 10) << none << 0 << notAModel;
    QTest::newRow("deep JSON") << "deep.json" << (QByteArray("{\"a\": ") + QByteArray(100000, '[')) << none
                               << 0
                               << QStringLiteral(
                                      "%1: JSON nested deeper than 128 levels, not an xgboost model");
    // Damaged UBJ, built by hand: xgboost itself would read past the end or allocate the huge size.
    QTest::newRow("UBJ string longer than the file")
        << "long.ubj"
        << QByteArray("{L\x00\x00\x00\x00\x10\x00\x00\x00"
                      "abc",
                      13)
        << none << 0
        << QStringLiteral("%1: damaged UBJ model (string length 268435456 at byte 1 exceeds the file)");
    QTest::newRow("UBJ negative array size")
        << "negative.ubj"
        << QByteArray("{L\x00\x00\x00\x00\x00\x00\x00\x01"
                      "a[#L\xff\xff\xff\xff\xff\xff\xff\xff}",
                      23)
        << none << 0 << QStringLiteral("%1: damaged UBJ model (array size -1 at byte 13 exceeds the file)");
    QTest::newRow("UBJ unknown marker")
        << "marker.ubj"
        << QByteArray("{L\x00\x00\x00\x00\x00\x00\x00\x01"
                      "aX}",
                      13)
        << none << 0 << QStringLiteral("%1: damaged UBJ model (unknown marker byte 0x58 at byte 11)");
    QTest::newRow("text as UBJ") << "text.ubj" << QByteArray("this is not universal binary JSON\n") << none
                                 << 0 << notAModel;
    // Halves of the trained models ("cut"): the UBJ check stops the first, xgboost's parser the second.
    QTest::newRow("truncated UBJ") << "multi.ubj" << QByteArray("cut") << none << 0
                                   << QStringLiteral("%1: damaged UBJ model (");
    QTest::newRow("truncated JSON") << "binary.json" << QByteArray("cut") << none << 0
                                    << QStringLiteral("%1: damaged JSON model (");
    QTest::newRow("no model path")
        << QString() << QByteArray() << none << 0
        << QStringLiteral("xgboost: no model file given (a model saved by xgboost: .json, .ubj)");
    QTest::newRow("unknown option") << "binary.json" << QByteArray()
                                    << Options{{QStringLiteral("depth"), QStringLiteral("3")}} << 0
                                    << QStringLiteral("xgboost: unknown option 'depth' (known: threads)");
    QTest::newRow("bad threads")
        << "binary.json" << QByteArray() << Options{{QStringLiteral("threads"), QStringLiteral("0")}} << 0
        << QStringLiteral("xgboost: option 'threads' must be a whole number from 1 to 1024, not '0'");
    QTest::newRow("feature count") << "binary.json" << QByteArray() << none << 9
                                   << QStringLiteral(
                                          "%1: the model has 8 features, but 9 input columns were requested");
}

void TestModelPlugins::xgboostErrors()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(Options, options);
    QFETCH(int, features);
    QFETCH(QString, expected);
    QString path;
    if (!fileName.isEmpty()) {
        if (content.isNull()) {
            path = m_xgboostDir + u'/' + fileName;
        } else if (content == "cut") {
            const QByteArray whole = readAll(m_xgboostDir + u'/' + fileName);
            QVERIFY(whole.size() > 1000);
            path = m_dir.filePath(QStringLiteral("cut-") + fileName);
            QVERIFY(writeFile(path, whole.left(whole.size() / 2)));
        } else {
            path = m_dir.filePath(fileName);
            QVERIFY(writeFile(path, content));
        }
        if (fileName == u"absent.json")
            path = m_dir.filePath(fileName);
    }
    ModelConfig config;
    config.modelPath = path;
    config.options = options;
    config.features = features;
    QString error;
    QVERIFY(!m_xgboost->load(config, &error));
    const QString xgboostVersion =
        QJsonDocument::fromJson(readAll(m_xgboostDir + QStringLiteral("/manifest.json")))
            .object()
            .value(u"xgboost")
            .toString();
    QString prefix = expected.contains(u"%1") ? expected.arg(path) : expected;
    prefix.replace(QStringLiteral("%V"), xgboostVersion);
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.size() > prefix.size() || !prefix.endsWith(u' '),
             qPrintable(error)); // carries xgboost's reason
    QVERIFY2(!error.contains(u'\n'), qPrintable(error));
}

void TestModelPlugins::checkTruncations(ModelBackend *backend, const QString &source, int cuts)
{
    const QByteArray whole = readAll(source);
    QVERIFY(whole.size() > cuts);
    const QString path = m_dir.filePath(QStringLiteral("truncated-") + QFileInfo(source).fileName());
    for (int i = 1; i <= cuts; ++i) {
        const qsizetype size = whole.size() * i / (cuts + 1);
        QVERIFY(writeFile(path, whole.left(size)));
        QString error;
        QVERIFY2(!load(backend, path, {}, &error),
                 qPrintable(QStringLiteral("loaded at %1 bytes").arg(size)));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    }
}

void TestModelPlugins::xgboostTruncations_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("JSON") << QStringLiteral("multi.json");
    QTest::newRow("UBJ") << QStringLiteral("multi.ubj");
}

void TestModelPlugins::xgboostTruncations()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    QFETCH(QString, model);
    checkTruncations(m_xgboost, m_xgboostDir + u'/' + model, 60);
}

void TestModelPlugins::xgboostLinearBooster()
{
    // gblinear has no in-place prediction in xgboost 1.7: the plugin predicts through a DMatrix instead.
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    const QString script = QStringLiteral(R"(
import sys, numpy as np, xgboost as xgb
out = sys.argv[1]
rng = np.random.default_rng(5)
x = rng.standard_normal((200, 4)).astype(np.float32)
y = x @ np.array([1.0, -2.0, 0.5, 0.0]) + 0.1
b = xgb.train({"booster": "gblinear", "objective": "reg:squarederror", "nthread": 1},
              xgb.DMatrix(x, label=y), 20)
b.save_model(out + "/gblinear.json")
t = rng.standard_normal((16, 4)).astype(np.float32)
t[0, 1] = np.nan
t.astype("<f4").tofile(out + "/gblinear-inputs.f32")
np.asarray(b.predict(xgb.DMatrix(t)), dtype="<f4").tofile(out + "/gblinear.f32")
)");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, m_xgboostDir});
    QVERIFY(process.waitForFinished(240000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    auto instance = load(m_xgboost, m_xgboostDir + QStringLiteral("/gblinear.json"));
    QVERIFY(instance);
    QCOMPARE(instance->inputColumns(), 4);
    QCOMPARE(instance->outputColumns(), 1);
    QCOMPARE(instance->statistics().value(u"booster").toString(), QStringLiteral("gblinear"));
    QCOMPARE(instance->statistics().value(u"engine").toString(), QStringLiteral("xgboost"));
    const std::vector<float> x = readFloats(m_xgboostDir + QStringLiteral("/gblinear-inputs.f32"));
    QString error, why;
    const std::vector<float> y = scoreDense(*instance, x, 4, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    QVERIFY2(near(y, readFloats(m_xgboostDir + QStringLiteral("/gblinear.f32")), 1e-5, &why),
             qPrintable(why));
    QVERIFY(instance->isThreadSafe());
    QVERIFY2(sameResultsConcurrently(
                 4,
                 [&](int b) {
                     QString e;
                     const std::vector<float> rows(x.begin() + b * 16, x.begin() + (b + 1) * 16);
                     return scoreDense(*instance, rows, 4, &e);
                 },
                 &why),
             qPrintable(why));
}

void TestModelPlugins::xgboostDamagedTrees_data()
{
    // A trained model damaged the way /tmp/audit-plugins/corrupt.py does. xgboost 1.7 range-checks none of
    // these: without the check its test prediction crashes, corrupts the heap or never ends.
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("edit");     // "PATH=JSON" on the parsed JSON, "ubj FIELD=N", "raw …"
    QTest::addColumn<QString>("expected"); // regular expression for the error after "PATH: "; empty: loads

    const QString tree0 = QStringLiteral("learner/gradient_booster/model/trees/0/");
    QTest::newRow("unchanged, through Python's json") << "binary.json"
                                                      << "learner/attributes={}"
                                                      << "";
    QTest::newRow("child out of range") << "binary.json" << tree0 + QStringLiteral("left_children/0=100000")
                                        << R"(tree 0 node 0: left child 100000 out of range)";
    QTest::newRow("right child negative") << "binary.json" << tree0 + QStringLiteral("right_children/0=-7")
                                          << R"(tree 0 node 0: right child -7 out of range)";
    QTest::newRow("split index out of range")
        << "binary.json" << tree0 + QStringLiteral("split_indices/0=100000000")
        << R"(tree 0 node 0: split index 100000000 out of range \(num_feature 8\))";
    QTest::newRow("cycle") << "binary.json" << tree0 + QStringLiteral("left_children/0=0")
                           << R"(tree 0 node 0: child 0 is reached twice \(the nodes do not form a tree\))";
    QTest::newRow("short array") << "binary.json" << tree0 + QStringLiteral("left_children=[1, 2, 3]")
                                 << R"(tree 0: left_children has 3 entries, but num_nodes is \d+)";
    QTest::newRow("num_nodes") << "binary.json" << tree0 + QStringLiteral("tree_param/num_nodes=\"3\"")
                               << R"(tree 0: left_children has \d+ entries, but num_nodes is 3)";
    QTest::newRow("fewer features")
        << "binary.json" << QStringLiteral("learner/learner_model_param/num_feature=\"2\"")
        << R"(tree \d+ node \d+: split index [2-7] out of range \(num_feature 2\))";
    QTest::newRow("output group") << "binary.json"
                                  << QStringLiteral("learner/gradient_booster/model/tree_info/0=7")
                                  << R"(tree_info 0: output group 7 out of range \(the model has 1\))";
    QTest::newRow("output group, 3 classes")
        << "multi.json" << QStringLiteral("learner/gradient_booster/model/tree_info/5=3")
        << R"(tree_info 5: output group 3 out of range \(the model has 3\))";
    QTest::newRow("parent") << "binary.json" << tree0 + QStringLiteral("parents/3=99999")
                            << R"(tree 0 node 3: parent 99999, expected \d+)";
    QTest::newRow("num_trees") << "binary.json"
                               << QStringLiteral(
                                      "learner/gradient_booster/model/gbtree_model_param/num_trees=\"1\"")
                               << R"(gbtree_model_param: num_trees is 1, but the model has 12 trees)";
    QTest::newRow("UBJ child out of range") << "binary.ubj"
                                            << "ubj left_children=100000"
                                            << R"(tree 0 node 0: left child 100000 out of range)";
    QTest::newRow("UBJ cycle")
        << "binary.ubj"
        << "ubj left_children=0"
        << R"(tree 0 node 0: child 0 is reached twice \(the nodes do not form a tree\))";
    QTest::newRow("UBJ output group") << "binary.ubj"
                                      << "ubj tree_info=7"
                                      << R"(tree_info 0: output group 7 out of range \(the model has 1\))";
    // xgboost decides the format from the very first byte: '{' or its legacy binary reader.
    const QString whitespace =
        QStringLiteral(R"(not an xgboost model \(whitespace before the opening '\{': xgboost would read the )"
                       R"(file as its legacy binary format; remove the 1 leading bytes\))");
    QTest::newRow("space before JSON") << "binary.json"
                                       << "raw space" << whitespace;
    QTest::newRow("legacy binary starting with a space and {\"") << "binary.json"
                                                                 << "raw legacy" << whitespace;
}

void TestModelPlugins::xgboostDamagedTrees()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    QFETCH(QString, model);
    QFETCH(QString, edit);
    QFETCH(QString, expected);
    QByteArray bytes = readAll(m_xgboostDir + u'/' + model);
    QVERIFY(bytes.size() > 1000);
    if (edit.startsWith(u"ubj ")) {
        // Typed int32 arrays ("left_children[$l#L" count, big-endian values) and tree_info's int8 items.
        const QString field = edit.mid(4).section(u'=', 0, 0);
        const qint64 value = edit.section(u'=', 1).toLongLong();
        if (field == u"tree_info") {
            const qsizetype at = bytes.indexOf("tree_info[#L");
            QVERIFY(at > 0 && bytes.at(at + 20) == 'i');
            putBigEndian(bytes, at + 21, value, 1);
        } else {
            const QByteArray key = field.toLatin1() + "[$l#L";
            const qsizetype at = bytes.indexOf(key);
            QVERIFY(at > 0);
            putBigEndian(bytes, at + key.size() + 8, value, 4);
        }
    } else if (edit == u"raw space") {
        bytes.prepend(' ');
    } else if (edit == u"raw legacy") {
        bytes = QByteArray(" {\"?\x05\0\0\0", 8) + QByteArray(3000, '\x01');
    }
    const QString path =
        m_dir.filePath(QStringLiteral("damaged-") + QString::number(qHash(edit)) + u'-' + model);
    QVERIFY(writeFile(path, bytes));
    if (!edit.startsWith(u"ubj ") && !edit.startsWith(u"raw ")) {
        // With Python's json module, as corrupt.py does: Qt's writer would turn 1.0 into 1, which xgboost's
        // reader refuses for a float field before it gets to the damage.
        const QString script = QStringLiteral(R"(
import json, sys
path, keys, value = sys.argv[1], sys.argv[2].split("/"), json.loads(sys.argv[3])
d = json.load(open(path))
node = d
for k in keys[:-1]:
    node = node[int(k)] if isinstance(node, list) else node[k]
node[int(keys[-1]) if isinstance(node, list) else keys[-1]] = value
open(path, "w").write(json.dumps(d))
)");
        QProcess process;
        process.start(python,
                      {QStringLiteral("-c"), script, path, edit.section(u'=', 0, 0), edit.section(u'=', 1)});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 process.readAllStandardError().constData());
    }
    QString error;
    auto instance = load(m_xgboost, path, {}, &error);
    if (expected.isEmpty()) {
        QVERIFY2(instance, qPrintable(error));
        QCOMPARE(instance->statistics().value(u"engine").toString(), QStringLiteral("compiled trees"));
        return;
    }
    QVERIFY(!instance);
    const QString wanted = QRegularExpression::escape(path) + QStringLiteral(": ") + expected;
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(wanted));
    QVERIFY2(pattern.match(error).hasMatch(), qPrintable(error));
}

void TestModelPlugins::specialFiles_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // after "PATH: "; empty: any error naming the path
    const QString notRegular = QStringLiteral("not a regular file (a model must be a file, not a directory, "
                                              "device or pipe)");
    const QString notRegularWeights =
        QStringLiteral("not a regular file (a weights file must be a file, not a "
                       "directory, device or pipe)");
    for (const char *kind : {"fifo", "/dev/zero", "directory"}) {
        QTest::addRow("xgboost %s", kind) << "xgboost" << kind << notRegular;
        QTest::addRow("fasttext %s", kind) << "fasttext" << kind << notRegular;
        QTest::addRow("linear %s", kind) << "linear" << kind << notRegularWeights;
    }
    QTest::newRow("xgboost 3 GiB") << "xgboost"
                                   << "huge"
                                   << "3221225472 bytes, more than the 2 GiB an xgboost model may have";
    QTest::newRow("linear 3 GiB") << "linear"
                                  << "huge"
                                  << "3221225472 bytes, more than the 1024 MiB a weights file may have";
    QTest::newRow("fasttext 3 GiB") << "fasttext"
                                    << "huge"
                                    << "not a fastText model (bad magic)";
    // A large file that cannot be a model is refused from its first bytes, before it is read.
    QTest::newRow("xgboost 1 GiB of zeros")
        << "xgboost"
        << "zeros"
        << "not an xgboost model (expected JSON or UBJ as written by save_model; the legacy binary format is "
           "not supported, re-save such models as .json or .ubj)";
}

void TestModelPlugins::specialFiles()
{
    // Opening a FIFO blocks until a writer comes, /dev/zero never ends, a sparse file can be larger than
    // memory: each must be refused with an error naming it, never hang or abort.
    QFETCH(QString, backend);
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path;
    if (kind == u"fifo") {
        path = m_dir.filePath(QStringLiteral("model.fifo"));
        QVERIFY(QFileInfo::exists(path) || ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    } else if (kind == u"/dev/zero") {
        path = kind;
    } else if (kind == u"directory") {
        path = m_dir.filePath(QStringLiteral("model.json"));
        QVERIFY(QDir().mkpath(path));
    } else {
        path = m_dir.filePath(QStringLiteral("%1-%2.bin").arg(kind, backend));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(kind == u"huge" ? qint64(3) << 30 : qint64(1) << 30)); // sparse
    }
    ModelBackend *plugin = backend == u"xgboost" ? m_xgboost : backend == u"fasttext" ? m_fasttext : m_linear;
    QString error;
    QVERIFY(!load(plugin, path, {}, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + expected);
    if (kind == u"huge" || kind == u"zeros")
        QFile::remove(path);
}

void TestModelPlugins::xgboostWrongInput()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    auto model = load(m_xgboost, m_xgboostDir + QStringLiteral("/binary.ubj"));
    QVERIFY(model);
    const std::vector<float> x(7 * 2, 0.0f);
    float out[2] = {-1, -1};
    QString error;
    QVERIFY(!model->score(BatchInput{2, x.data(), 7, nullptr}, out, &error));
    QCOMPARE(error, QStringLiteral("input has 7 columns, model expects 8"));
    const QList<QByteArray> lines{"text"};
    QVERIFY(!model->score(BatchInput{1, nullptr, 0, lines.constData()}, out, &error));
    QCOMPARE(error,
             QStringLiteral("xgboost: text input is not supported (the model expects dense float32 rows)"));
}

void TestModelPlugins::xgboostConcurrent()
{
    REQUIRE_PEER(m_xgboostProblem, m_xgboostSkip);
    for (const char *file : {"/binary.json", "/multi.ubj"}) {
        auto model = load(m_xgboost, m_xgboostDir + QLatin1StringView(file));
        QVERIFY(model);
        QVERIFY(model->isThreadSafe());
        std::vector<std::vector<float>> batches(5);
        std::mt19937 generator(11);
        std::normal_distribution<float> normal;
        for (size_t b = 0; b < batches.size(); ++b) {
            batches[b].resize(8 * (200 + 37 * b));
            for (float &v : batches[b])
                v = normal(generator);
        }
        QString why;
        QVERIFY2(sameResultsConcurrently(
                     int(batches.size()),
                     [&](int b) {
                         QString error;
                         return scoreDense(*model, batches[size_t(b)], 8, &error);
                     },
                     &why),
                 qPrintable(why));
    }
}

// ---- fastText ---------------------------------------------------------------------------------------------

void TestModelPlugins::fasttextMatchesPython_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("k");
    QTest::addColumn<QString>("reference");
    QTest::newRow("bin k=1") << "model.bin" << 1 << "bin_k1.f32";
    QTest::newRow("bin k=3") << "model.bin" << 3 << "bin_k3.f32";
    QTest::newRow("ftz k=1") << "model.ftz" << 1 << "ftz_k1.f32";
    QTest::newRow("ftz k=3") << "model.ftz" << 3 << "ftz_k3.f32";
}

void TestModelPlugins::fasttextMatchesPython()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    QFETCH(QString, model);
    QFETCH(int, k);
    QFETCH(QString, reference);
    auto instance =
        load(m_fasttext, m_fasttextDir + u'/' + model, {{QStringLiteral("k"), QString::number(k)}});
    QVERIFY(instance);
    QCOMPARE(instance->inputColumns(), 0);
    QCOMPARE(instance->outputColumns(), k);
    QVERIFY(instance->isThreadSafe());
    QCOMPARE(instance->statistics().value(u"labels").toArray(),
             QJsonDocument::fromJson(readAll(m_fasttextDir + QStringLiteral("/labels.json"))).array());
    QCOMPARE(instance->statistics().value(u"quantized").toBool(), model.endsWith(u".ftz"));

    QList<QByteArray> lines = readAll(m_fasttextDir + QStringLiteral("/lines.txt")).split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), 24);
    QString error;
    const std::vector<float> y = scoreText(*instance, lines, &error);
    QVERIFY2(!y.empty(), qPrintable(error));
    QString why;
    QVERIFY2(near(y, readFloats(m_fasttextDir + u'/' + reference), 1e-5, &why), qPrintable(why));
    for (qsizetype r = 0; r < lines.size(); ++r) {
        for (int i = 1; i < k; ++i)
            QVERIFY(y[size_t(r * k + i - 1)] >= y[size_t(r * k + i)]);
    }
}

void TestModelPlugins::fasttextAllLabelsAndThreshold()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    const QString path = m_fasttextDir + QStringLiteral("/model.bin");
    const QList<QByteArray> lines{"sports1 sports2", "food3", "tech4 common1", "nothing known here"};
    QString error;

    auto all = load(m_fasttext, path, {{QStringLiteral("k"), QStringLiteral("all")}});
    QVERIFY(all);
    QCOMPARE(all->outputColumns(), 3);
    const std::vector<float> p = scoreText(*all, lines, &error);
    QVERIFY2(!p.empty(), qPrintable(error));
    for (qsizetype r = 0; r < lines.size(); ++r) {
        const double sum = double(p[size_t(3 * r)]) + p[size_t(3 * r + 1)] + p[size_t(3 * r + 2)];
        QVERIFY2(std::fabs(sum - 1.0) < 1e-3, qPrintable(QString::number(sum))); // softmax over all labels
    }

    // With a threshold, labels below it are not returned: their columns are 0.
    auto thresholded = load(
        m_fasttext, path,
        {{QStringLiteral("k"), QStringLiteral("3")}, {QStringLiteral("threshold"), QStringLiteral("0.5")}});
    QVERIFY(thresholded);
    const std::vector<float> t = scoreText(*thresholded, lines, &error);
    QCOMPARE(t.size(), p.size());
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] > 0.5f)
            QVERIFY(std::fabs(t[i] - p[i]) < 1e-6f);
        else
            QCOMPARE(t[i], 0.0f);
    }
    QVERIFY(thresholded->describe().contains(QStringLiteral("3 labels, k=3, model.bin")));
}

void TestModelPlugins::fasttextErrors_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content"); // null: a modification of model.bin made in the test
    QTest::addColumn<QString>("modification");
    QTest::addColumn<Options>("options");
    QTest::addColumn<QString>("expected"); // %1 = the path

    const Options none;
    QByteArray noise(5000, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 31 + 7) % 256);
    QTest::newRow("random bytes") << "noise.bin" << noise << QString() << none
                                  << QStringLiteral("%1: not a fastText model (bad magic)");
    QTest::newRow("empty file") << "empty.bin" << QByteArray("") << QString() << none
                                << QStringLiteral("%1: not a fastText model (bad magic)");
    QTest::newRow("text file") << "model.ftz" << QByteArray("__label__a hello world\n") << QString() << none
                               << QStringLiteral("%1: not a fastText model (bad magic)");
    QTest::newRow("future version") << "future.bin" << QByteArray() << "version 13" << none
                                    << QStringLiteral(
                                           "%1: fastText format version 13 is not supported (this build "
                                           "reads 11 to 12)");
    QTest::newRow("cut in the arguments")
        << "cut1.bin" << QByteArray() << "truncate 30" << none
        << QStringLiteral("%1: truncated fastText model (ends inside the arguments)");
    QTest::newRow("cut in the dictionary")
        << "cut2.bin" << QByteArray() << "truncate 300" << none
        << QStringLiteral("%1: truncated fastText model (ends inside the dictionary)");
    QTest::newRow("cut in the input matrix")
        << "cut3.bin" << QByteArray() << "truncate -5000" << none
        << QStringLiteral("%1: truncated fastText model (ends inside the input matrix)");
    QTest::newRow("cut in the output matrix")
        << "cut4.bin" << QByteArray() << "truncate -10" << none
        << QStringLiteral("%1: truncated fastText model (ends inside the output matrix)");
    QTest::newRow("trailing bytes") << "long.bin" << QByteArray() << "append" << none
                                    << QStringLiteral(
                                           "%1: corrupt fastText model (3 unexpected bytes after the output "
                                           "matrix)");
    QTest::newRow("word vectors, not a classifier")
        << "cbow.bin" << QByteArray() << "cbow" << none
        << QStringLiteral("%1: not a supervised fastText model (cbow): only classifiers can score text");
    QTest::newRow("inconsistent dictionary")
        << "counts.bin" << QByteArray() << "nwords" << none
        << QStringLiteral("%1: corrupt fastText model (dictionary counts: 424 entries, 422 words, 3 labels)");
    // Values fastText computes with unchecked. Without hash buckets, word or character n-grams divide by
    // zero (SIGFPE); a product quantizer whose sizes disagree makes it read outside its centroids.
    QTest::newRow("word n-grams without buckets")
        << "ngrams.bin" << QByteArray() << "wordNgrams 2" << none
        << QStringLiteral("%1: corrupt fastText model (bucket is 0, but wordNgrams 2 and maxn 0 need hash "
                          "buckets)");
    QTest::newRow("character n-grams without buckets")
        << "subwords.bin" << QByteArray() << "maxn 3" << none
        << QStringLiteral("%1: corrupt fastText model (bucket is 0, but wordNgrams 1 and maxn 3 need hash "
                          "buckets)");
    QTest::newRow("minn above maxn") << "minn.bin" << QByteArray() << "minn 5" << none
                                     << QStringLiteral("%1: corrupt fastText model (arguments out of range: "
                                                       "wordNgrams 1, minn 5, maxn 3)");
    QTest::newRow("label among the words")
        << "order.bin" << QByteArray() << "label first" << none
        << QStringLiteral("%1: corrupt fastText model (dictionary entry 0 has type 1, expected 0 (421 words, "
                          "then labels))");
    QTest::newRow("product quantizer dsub")
        << "dsub.ftz" << QByteArray() << "dsub" << none
        << QStringLiteral(
               "%1: corrupt fastText model (the input matrix has an inconsistent product quantizer: "
               "dim 16, nsubq 8, dsub 1000000, lastdsub 2)");
    QTest::newRow("missing file") << "absent.bin" << QByteArray() << QString() << none
                                  << QStringLiteral("%1: cannot open: No such file or directory");
    QTest::newRow("k above labels") << "model.bin" << QByteArray() << "original"
                                    << Options{{QStringLiteral("k"), QStringLiteral("4")}}
                                    << QStringLiteral("fasttext: option 'k' is 4, but %1 has only 3 labels");
    QTest::newRow("k zero") << "model.bin" << QByteArray() << "original"
                            << Options{{QStringLiteral("k"), QStringLiteral("0")}}
                            << QStringLiteral(
                                   "fasttext: option 'k' must be a whole number > 0 or 'all', not '0'");
    QTest::newRow("bad threshold")
        << "model.bin" << QByteArray() << "original"
        << Options{{QStringLiteral("threshold"), QStringLiteral("2")}}
        << QStringLiteral("fasttext: option 'threshold' must be a probability in [0, 1), not '2'");
    QTest::newRow("unknown option") << "model.bin" << QByteArray() << "original"
                                    << Options{{QStringLiteral("top"), QStringLiteral("2")}}
                                    << QStringLiteral("fasttext: unknown option 'top' (known: k, threshold)");
    QTest::newRow("no model path")
        << QString() << QByteArray() << QString() << none
        << QStringLiteral("fasttext: no model file given (a supervised fastText model: .bin, .ftz)");
}

void TestModelPlugins::fasttextErrors()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, modification);
    QFETCH(Options, options);
    QFETCH(QString, expected);

    QString path;
    if (!fileName.isEmpty()) {
        path = m_dir.filePath(QStringLiteral("ft-") + fileName);
        QByteArray bytes = content;
        if (content.isNull() && !modification.isEmpty()) {
            bytes = readAll(m_fasttextDir + (modification == u"dsub" ? QStringLiteral("/model.ftz")
                                                                     : QStringLiteral("/model.bin")));
            QVERIFY(bytes.size() > 10000);
            const qsizetype nwordsOffset = 8 + 56 + 4;
            const auto setArgument = [&bytes](int index, qint32 value) {
                std::memcpy(bytes.data() + 8 + 4 * index, &value, 4);
            };
            if (modification == u"version 13") {
                bytes[4] = 13;
            } else if (modification.startsWith(u"truncate ")) {
                const qsizetype n = modification.mid(9).toLongLong();
                bytes.truncate(n >= 0 ? n : bytes.size() + n);
            } else if (modification == u"append") {
                bytes.append("xyz");
            } else if (modification == u"wordNgrams 2") {
                setArgument(5, 2);
            } else if (modification == u"maxn 3") {
                setArgument(9, 2);
                setArgument(10, 3);
            } else if (modification == u"minn 5") {
                setArgument(9, 5);
                setArgument(10, 3);
            } else if (modification == u"label first") {
                // Entries start after the arguments and the counts: a string, its count (int64), its type.
                const qsizetype entries = 8 + 56 + 4 * 3 + 8 * 2;
                const qsizetype end = bytes.indexOf('\0', entries);
                QVERIFY(end > entries);
                QCOMPARE(int(bytes.at(end + 9)), 0);
                bytes[end + 9] = 1;
            } else if (modification == u"dsub") {
                // The input matrix's quantizer: dim 16, nsubq 8, dsub 2, lastdsub 2 (int32 each).
                const qint32 header[4] = {16, 8, 2, 2};
                const QByteArray pattern(reinterpret_cast<const char *>(header), sizeof header);
                const qsizetype at = bytes.indexOf(pattern);
                QVERIFY(at > 0 && bytes.indexOf(pattern, at + 1) < 0);
                const qint32 dsub = 1000000;
                std::memcpy(bytes.data() + at + 8, &dsub, 4);
            } else if (modification == u"cbow") {
                bytes[8 + 7 * 4] = 1; // args.model
            } else if (modification == u"nwords") {
                qint32 words = 0;
                std::memcpy(&words, bytes.constData() + nwordsOffset, 4);
                QCOMPARE(words, 421); // 420 generated words and the end-of-sentence token
                words += 1;
                std::memcpy(bytes.data() + nwordsOffset, &words, 4);
            }
        }
        if (!bytes.isNull())
            QVERIFY(writeFile(path, bytes));
    }
    QString error;
    QVERIFY(!load(m_fasttext, path, options, &error));
    QCOMPARE(error, expected.contains(u"%1") ? expected.arg(path) : expected);
}

void TestModelPlugins::fasttextPrunedIndex()
{
    // A quantized model with a pruned dictionary: word n-gram buckets map to rows of the input matrix through
    // (bucket, row) pairs that fastText does not range-check.
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    const QString script = QStringLiteral(R"(
import sys, fasttext
d = sys.argv[1]
fasttext.FastText.eprint = lambda *args, **kwargs: None
m = fasttext.train_supervised(input=d + "/train.txt", dim=8, epoch=2, bucket=1000, wordNgrams=2, minCount=1,
                              thread=1, seed=7, verbose=0)
m.quantize(input=d + "/train.txt", cutoff=300, retrain=False, verbose=0)
m.save_model(d + "/pruned.ftz")
)");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, m_fasttextDir});
    QVERIFY(process.waitForFinished(240000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QString source = m_fasttextDir + QStringLiteral("/pruned.ftz");
    QVERIFY2(load(m_fasttext, source), "the pruned model itself loads");

    // The dictionary: counts after the arguments, then the entries (string, int64 count, int8 type), then
    // the pruned index.
    QByteArray bytes = readAll(source);
    qint32 entries = 0;
    qint64 pruned = 0;
    const qsizetype counts = 8 + 56;
    std::memcpy(&entries, bytes.constData() + counts, 4);
    std::memcpy(&pruned, bytes.constData() + counts + 12 + 8, 8);
    QVERIFY(pruned > 0);
    qsizetype at = counts + 12 + 16;
    for (qint32 i = 0; i < entries; ++i)
        at = bytes.indexOf('\0', at) + 1 + 8 + 1;
    const qint32 row = 1000000;
    std::memcpy(bytes.data() + at + 4, &row, 4); // the first pair's row
    const QString path = m_dir.filePath(QStringLiteral("pruned-row.ftz"));
    QVERIFY(writeFile(path, bytes));
    QString error;
    QVERIFY(!load(m_fasttext, path, {}, &error));
    QVERIFY2(
        error.startsWith(path + QStringLiteral(": corrupt fastText model (pruned index row 1000000 is beyond "
                                               "the input matrix's ")),
        qPrintable(error));
}

void TestModelPlugins::fasttextTruncations_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("bin") << QStringLiteral("model.bin");
    QTest::newRow("ftz") << QStringLiteral("model.ftz");
}

void TestModelPlugins::fasttextTruncations()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    QFETCH(QString, model);
    checkTruncations(m_fasttext, m_fasttextDir + u'/' + model, 60);
}

void TestModelPlugins::fasttextDenseInput()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    auto model = load(m_fasttext, m_fasttextDir + QStringLiteral("/model.ftz"));
    QVERIFY(model);
    const float x[4] = {1, 2, 3, 4};
    float out[2] = {};
    QString error;
    QVERIFY(!model->score(BatchInput{2, x, 2, nullptr}, out, &error));
    QCOMPARE(error, QStringLiteral("fasttext: dense input is not supported (the model scores text lines)"));
    // A newline inside a line is a space, not the end of the line.
    const QList<QByteArray> split{"sports1\nsports2"}, joined{"sports1 sports2"};
    float a = 0, b = 0;
    QVERIFY(model->score(BatchInput{1, nullptr, 0, split.constData()}, &a, &error));
    QVERIFY(model->score(BatchInput{1, nullptr, 0, joined.constData()}, &b, &error));
    QCOMPARE(a, b);
}

void TestModelPlugins::fasttextConcurrent()
{
    REQUIRE_PEER(m_fasttextProblem, m_fasttextSkip);
    auto model = load(m_fasttext, m_fasttextDir + QStringLiteral("/model.bin"),
                      {{QStringLiteral("k"), QStringLiteral("2")}});
    QVERIFY(model);
    QVERIFY(model->isThreadSafe());
    QList<QByteArray> corpus = readAll(m_fasttextDir + QStringLiteral("/train.txt")).split('\n');
    std::vector<QList<QByteArray>> batches(4);
    for (qsizetype i = 0; i < corpus.size(); ++i)
        batches[size_t(i % 4)].append(corpus.at(i).mid(corpus.at(i).indexOf(' ') + 1)); // without the label
    QString why;
    QVERIFY2(sameResultsConcurrently(
                 int(batches.size()),
                 [&](int b) {
                     QString error;
                     return scoreText(*model, batches[size_t(b)], &error);
                 },
                 &why),
             qPrintable(why));
}

QTEST_GUILESS_MAIN(TestModelPlugins)
#include "tst_modelplugins.moc"
