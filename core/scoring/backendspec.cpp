#include "backendspec.h"

#include "config/profile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>

namespace Opsdeck::Core {

namespace {
struct SpecText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::BackendSpec)
};

const QString keyModel = QStringLiteral("model");
const QString keyEndpoint = QStringLiteral("endpoint");
const QString keyFeatures = QStringLiteral("features");
const QString keyThreads = QStringLiteral("threads");
} // namespace

Result<void> BackendSpec::set(const QString &key, const QString &value)
{
    if (key.isEmpty())
        return fail(ErrorKind::Usage, SpecText::tr("empty key"));
    if (key == keyModel) {
        if (!modelPath.isEmpty())
            return fail(ErrorKind::Usage, SpecText::tr("%1: given twice").arg(key));
        if (value.isEmpty())
            return fail(ErrorKind::Usage, SpecText::tr("%1: empty file name").arg(key));
        modelPath = value;
        return {};
    }
    if (key == keyEndpoint) {
        if (value.isEmpty())
            return fail(ErrorKind::Usage, SpecText::tr("%1: empty URL").arg(key));
        endpoints.append(value);
        return {};
    }
    if (key == keyFeatures || key == keyThreads) {
        const bool isFeatures = key == keyFeatures;
        if (isFeatures ? features.has_value() : threads.has_value())
            return fail(ErrorKind::Usage, SpecText::tr("%1: given twice").arg(key));
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        const qlonglong limit = isFeatures ? qlonglong(maxFeatures) : 4096;
        if (!ok || n <= 0)
            return fail(ErrorKind::Usage, SpecText::tr("%1: '%2' is not a whole number > 0").arg(key, value));
        if (n > limit)
            return fail(ErrorKind::Usage, SpecText::tr("%1: %2 is more than %3").arg(key, value).arg(limit));
        if (isFeatures)
            features = qsizetype(n);
        else
            threads = int(n);
        return {};
    }
    // A key given twice is a mistake whichever value was meant: say so rather than keep one silently.
    if (options.contains(key))
        return fail(ErrorKind::Usage, SpecText::tr("%1: given twice").arg(key));
    options.insert(key, value);
    return {};
}

Result<BackendSpec> BackendSpec::parse(const QString &spec)
{
    auto bad = [&spec](const QString &why) {
        return fail(ErrorKind::Usage, SpecText::tr("backend spec '%1': %2").arg(spec, why));
    };
    const QStringList parts = spec.split(u',');
    BackendSpec result;
    result.id = parts.first().trimmed();
    if (result.id.isEmpty())
        return bad(SpecText::tr("no backend id"));
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!idPattern.match(result.id).hasMatch())
        return bad(SpecText::tr("'%1' is not a backend id").arg(result.id));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0)
            return bad(SpecText::tr("'%1' is not key=value").arg(part));
        const QString key = part.left(eq).trimmed();
        if (key.isEmpty())
            return bad(SpecText::tr("'%1' has an empty key").arg(part));
        // Trimmed as the key is: `model= ` is an empty file name, `model = w.json` names w.json.
        if (auto applied = result.set(key, part.mid(eq + 1).trimmed()); !applied)
            return bad(applied.error().message);
    }
    return result;
}

Sdk::ModelConfig BackendSpec::toModelConfig() const
{
    Sdk::ModelConfig config;
    config.modelPath = modelPath;
    config.endpoints = endpoints;
    config.options = options;
    config.features = features.value_or(0);
    config.threads = threads.value_or(0);
    return config;
}

QString BackendSpec::toString() const
{
    QStringList parts{id};
    if (!modelPath.isEmpty())
        parts.append(keyModel + u'=' + modelPath);
    for (const QString &e : endpoints)
        parts.append(keyEndpoint + u'=' + e);
    if (features)
        parts.append(keyFeatures + u'=' + QString::number(*features));
    if (threads)
        parts.append(keyThreads + u'=' + QString::number(*threads));
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(u',');
}

} // namespace Opsdeck::Core
