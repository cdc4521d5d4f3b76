#include "httpconfig.h"

#include <QtCore/QFile>
#include <QtCore/QStringList>
#include <algorithm>

namespace Opsdeck::Plugins::Http {

namespace {

const QStringList &knownOptions()
{
    static const QStringList keys{
        QStringLiteral("authorization"),  QStringLiteral("balance"),          QStringLiteral("ca_file"),
        QStringLiteral("endpoint"),       QStringLiteral("features"),         QStringLiteral("inflight"),
        QStringLiteral("insecure"),       QStringLiteral("json_instances"),   QStringLiteral("json_method"),
        QStringLiteral("json_predictions"), QStringLiteral("outputs"),        QStringLiteral("protocol"),
        QStringLiteral("retries"),        QStringLiteral("timeout_ms"),       QStringLiteral("transport"),
    };
    return keys;
}

// Reads options[key] as an integer in [min, max]; absent keeps *value. False with *error on a bad value.
bool readInt(const QMap<QString, QString> &options, const QString &key, qint64 min, qint64 max, qint64 *value,
             QString *error)
{
    const auto it = options.constFind(key);
    if (it == options.cend())
        return true;
    bool ok = false;
    const qint64 parsed = it.value().trimmed().toLongLong(&ok);
    if (!ok) {
        *error = HttpText::tr("http: %1=%2 is not an integer").arg(key, it.value());
        return false;
    }
    if (parsed < min || parsed > max) {
        *error = HttpText::tr("http: %1=%2 is out of range %3..%4").arg(key, it.value()).arg(min).arg(max);
        return false;
    }
    *value = parsed;
    return true;
}

// An endpoint must be an absolute http(s) URL with a host; anything else would fail later with a less helpful
// message from the network layer.
bool readEndpoint(const QString &text, QList<QUrl> *endpoints, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        *error = HttpText::tr("http: endpoint '%1' is not an http:// or https:// URL with a host")
                     .arg(Sdk::displayUrlText(text.trimmed()));
        return false;
    }
    endpoints->append(url);
    return true;
}

} // namespace

QString protocolName(Protocol protocol)
{
    return protocol == Protocol::Json ? QStringLiteral("json") : QStringLiteral("float32");
}

QString balanceName(Balance balance)
{
    return balance == Balance::LeastOutstanding ? QStringLiteral("least-outstanding")
                                                : QStringLiteral("round-robin");
}

QString transportName(Transport transport)
{
    return transport == Transport::Direct ? QStringLiteral("direct") : QStringLiteral("qt");
}

std::optional<HttpConfig> parseConfig(const Sdk::ModelConfig &config, QString *error)
{
    QString why;
    const auto failed = [&](QString message) -> std::optional<HttpConfig> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    const QMap<QString, QString> &options = config.options;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (!knownOptions().contains(it.key())) {
            return failed(HttpText::tr("http: unknown option '%1' (known: %2)")
                              .arg(it.key(), knownOptions().join(QStringLiteral(", "))));
        }
    }

    HttpConfig result;

    // The host maps endpoint=URL onto ModelConfig::endpoints; an `endpoint` that reaches the plugin as an
    // option (a host path that does not map it) counts too, several URLs separated by ';'.
    QStringList endpointTexts = config.endpoints;
    if (options.contains(QStringLiteral("endpoint")))
        endpointTexts += options.value(QStringLiteral("endpoint")).split(u';', Qt::SkipEmptyParts);
    for (const QString &text : std::as_const(endpointTexts)) {
        if (text.trimmed().isEmpty())
            continue;
        if (!readEndpoint(text, &result.endpoints, &why))
            return failed(why);
    }
    if (result.endpoints.isEmpty())
        return failed(HttpText::tr("http: no endpoint given (endpoint=URL)"));

    const QString protocol = options.value(QStringLiteral("protocol"), QStringLiteral("float32")).trimmed();
    if (protocol == QLatin1String("float32"))
        result.protocol = Protocol::Float32;
    else if (protocol == QLatin1String("json"))
        result.protocol = Protocol::Json;
    else
        return failed(HttpText::tr("http: protocol=%1 is not one of float32, json").arg(protocol));

    const QString balance = options.value(QStringLiteral("balance"), QStringLiteral("round-robin")).trimmed();
    if (balance == QLatin1String("round-robin"))
        result.balance = Balance::RoundRobin;
    else if (balance == QLatin1String("least-outstanding"))
        result.balance = Balance::LeastOutstanding;
    else
        return failed(
            HttpText::tr("http: balance=%1 is not one of round-robin, least-outstanding").arg(balance));

    const QString transport = options.value(QStringLiteral("transport"), QStringLiteral("auto")).trimmed();
    if (transport == QLatin1String("auto") || transport == QLatin1String("direct")) {
        // The direct client is the fast one (TCP_NODELAY, one send per request, as many connections as requests
        // in flight), for http:// and https:// alike.
        result.transport = Transport::Direct;
    } else if (transport == QLatin1String("qt")) {
        result.transport = Transport::Qt;
    } else {
        return failed(HttpText::tr("http: transport=%1 is not one of auto, qt, direct").arg(transport));
    }

    qint64 features = 0;
    if (!readInt(options, QStringLiteral("features"), 1, 100'000'000, &features, &why))
        return failed(why);
    if (features > 0 && config.features > 0 && features != config.features) {
        return failed(HttpText::tr("http: features=%1 contradicts the host's feature count %2")
                          .arg(features)
                          .arg(config.features));
    }
    result.features = features > 0 ? features : qMax<qsizetype>(config.features, 0);
    if (result.protocol == Protocol::Float32 && result.features == 0) {
        // The float32 body has no header: only n lets the client check 4·m·n before the service rejects it.
        return failed(HttpText::tr("http: protocol float32 needs the feature count (features=N)"));
    }

    qint64 outputs = result.outputs;
    qint64 inflight = result.inflight;
    qint64 timeoutMs = result.timeoutMs;
    qint64 retries = result.retries;
    if (!readInt(options, QStringLiteral("outputs"), 1, 1'000'000, &outputs, &why) ||
        !readInt(options, QStringLiteral("inflight"), 1, MaxInflightPerEndpoint, &inflight, &why) ||
        !readInt(options, QStringLiteral("timeout_ms"), 1, 24 * 3600 * 1000, &timeoutMs, &why) ||
        !readInt(options, QStringLiteral("retries"), 0, 100, &retries, &why)) {
        return failed(why);
    }
    result.outputs = outputs;
    result.inflight = int(inflight);
    result.timeoutMs = int(timeoutMs);
    result.retries = int(retries);

    const bool json = result.protocol == Protocol::Json;
    for (const QString &key : {QStringLiteral("json_instances"), QStringLiteral("json_predictions"),
                               QStringLiteral("json_method")}) {
        if (!json && options.contains(key))
            return failed(HttpText::tr("http: %1 applies to protocol=json only").arg(key));
    }
    result.jsonInstances = options.value(QStringLiteral("json_instances"), result.jsonInstances);
    result.jsonPredictions = options.value(QStringLiteral("json_predictions"), result.jsonPredictions);
    if (result.jsonInstances.isEmpty() || result.jsonPredictions.isEmpty())
        return failed(HttpText::tr("http: json_instances and json_predictions must not be empty"));
    const QString method =
        options.value(QStringLiteral("json_method"), QStringLiteral("POST")).trimmed().toUpper();
    if (method != QLatin1String("POST") && method != QLatin1String("PUT"))
        return failed(HttpText::tr("http: json_method=%1 is not one of POST, PUT").arg(method));
    result.jsonMethod = method.toLatin1();

    result.authorization = options.value(QStringLiteral("authorization")).toLatin1();
    if (result.authorization.contains('\r') || result.authorization.contains('\n'))
        return failed(HttpText::tr("http: the authorization value contains a line break"));
    const QString insecure = options.value(QStringLiteral("insecure"), QStringLiteral("false")).trimmed();
    if (insecure == QLatin1String("true"))
        result.insecure = true;
    else if (insecure != QLatin1String("false"))
        return failed(HttpText::tr("http: insecure=%1 is not true or false").arg(insecure));
    result.caFile = options.value(QStringLiteral("ca_file")).trimmed();
    if (!result.caFile.isEmpty()) {
        QFile file(result.caFile);
        if (!file.open(QIODevice::ReadOnly))
            return failed(HttpText::tr("http: ca_file: %1: cannot read: %2").arg(result.caFile, file.errorString()));
        result.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (result.caCertificates.isEmpty())
            return failed(HttpText::tr("http: ca_file: %1 holds no PEM certificate").arg(result.caFile));
    }
    // ca_file and insecure apply to https:// endpoints only; plain http ignores them.
    return result;
}

qint64 replyBodyLimit(const HttpConfig &config, qsizetype rows)
{
    // The caller holds rows·k floats in memory (`out`), so 256·rows·k is far from overflowing.
    const qint64 values = qint64(rows) * qint64(config.outputs);
    if (config.protocol == Protocol::Json)
        return MinReplyBodyLimit + JsonReplyBytesPerValue * values;
    return std::max<qint64>(MinReplyBodyLimit, qint64(sizeof(float)) * values);
}

} // namespace Opsdeck::Plugins::Http
