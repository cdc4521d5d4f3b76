#include "fasttextmodel.h"

#include "fasttextfilecheck.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

#include <fasttext/fasttext.h>

#include <cmath>
#include <exception>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace Opsdeck::Plugins {

FasttextModel::FasttextModel() = default;
FasttextModel::~FasttextModel() = default;

std::unique_ptr<FasttextModel> FasttextModel::load(const Sdk::ModelConfig &config, QString *error)
{
    QString kText = QStringLiteral("1");
    float threshold = 0.0f;
    for (auto it = config.options.cbegin(); it != config.options.cend(); ++it) {
        if (it.key() == u"k") {
            kText = it.value();
        } else if (it.key() == u"threshold") {
            bool ok = false;
            threshold = it.value().toFloat(&ok);
            if (!ok || !(threshold >= 0.0f && threshold < 1.0f)) {
                *error = tr("fasttext: option 'threshold' must be a probability in [0, 1), not '%1'")
                             .arg(it.value());
                return nullptr;
            }
        } else {
            *error = tr("fasttext: unknown option '%1' (known: k, threshold)").arg(it.key());
            return nullptr;
        }
    }
    const QString &path = config.modelPath;
    if (path.isEmpty()) {
        *error = tr("fasttext: no model file given (a supervised fastText model: .bin, .ftz)");
        return nullptr;
    }
    const auto summary = checkFasttextFile(path, error);
    if (!summary)
        return nullptr;

    int k = 0;
    if (kText == u"all") {
        k = summary->labels;
    } else {
        bool ok = false;
        k = kText.toInt(&ok);
        if (!ok || k < 1) {
            *error = tr("fasttext: option 'k' must be a whole number > 0 or 'all', not '%1'").arg(kText);
            return nullptr;
        }
        if (k > summary->labels) {
            *error = tr("fasttext: option 'k' is %1, but %2 has only %3 labels")
                         .arg(k)
                         .arg(path)
                         .arg(summary->labels);
            return nullptr;
        }
    }

    std::unique_ptr<FasttextModel> model(new FasttextModel);
    model->m_model = std::make_unique<fasttext::FastText>();
    // The structure was checked above; anything fastText still dislikes arrives as an exception (0.9 throws
    // instead of exiting) and must not leave the plugin.
    try {
        model->m_model->loadModel(QFile::encodeName(path).toStdString());
        const auto dictionary = model->m_model->getDictionary();
        for (int i = 0; i < dictionary->nlabels(); ++i)
            model->m_labels.append(QString::fromStdString(dictionary->getLabel(i)));
    } catch (const std::exception &e) {
        *error = tr("%1: fastText cannot load the model: %2")
                     .arg(path, QString::fromLocal8Bit(e.what()).trimmed());
        return nullptr;
    } catch (...) {
        *error = tr("%1: fastText cannot load the model").arg(path);
        return nullptr;
    }
    model->m_k = k;
    model->m_threshold = threshold;
    model->m_dim = summary->dim;
    model->m_words = summary->words;
    model->m_quantized = summary->quantized;
    model->m_path = path;
    return model;
}

QString FasttextModel::describe() const
{
    return tr("fastText classifier%1, %2 dims, %3 words, %4 labels, k=%5, %6")
        .arg(m_quantized ? tr(" (quantized)") : QString())
        .arg(m_dim)
        .arg(m_words)
        .arg(m_labels.size())
        .arg(m_k)
        .arg(QFileInfo(m_path).fileName());
}

QJsonObject FasttextModel::statistics() const
{
    return QJsonObject{{QStringLiteral("labels"), QJsonArray::fromStringList(m_labels)},
                       {QStringLiteral("k"), m_k},
                       {QStringLiteral("threshold"), double(m_threshold)},
                       {QStringLiteral("dim"), m_dim},
                       {QStringLiteral("words"), m_words},
                       {QStringLiteral("quantized"), m_quantized},
                       {QStringLiteral("file"), m_path}};
}

bool FasttextModel::score(const Sdk::BatchInput &input, float *out, QString *error)
{
    if (!input.lines) {
        *error = tr("fasttext: dense input is not supported (the model scores text lines)");
        return false;
    }
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    std::string text;
    try {
        for (qsizetype row = 0; row < input.rows; ++row) {
            const QByteArray &line = input.lines[row];
            text.assign(line.constData(), size_t(line.size()));
            // fastText reads one line up to its end-of-sentence token; the caller's line is one line.
            for (char &c : text) {
                if (c == '\n')
                    c = ' ';
            }
            text.push_back('\n');
            std::istringstream stream(text);
            m_model->predictLine(stream, predictions, m_k, m_threshold);
            float *scores = out + row * m_k;
            for (int i = 0; i < m_k; ++i)
                scores[i] = i < int(predictions.size()) ? float(predictions[size_t(i)].first) : 0.0f;
        }
    } catch (const std::exception &e) {
        *error =
            tr("%1: fastText prediction failed: %2").arg(m_path, QString::fromLocal8Bit(e.what()).trimmed());
        return false;
    }
    return true;
}

} // namespace Opsdeck::Plugins
