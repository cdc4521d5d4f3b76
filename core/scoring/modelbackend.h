#pragma once
// Opsdeck model-backend plugin SDK (installed as <opsdeck/modelbackend.h>).
//
// A plugin is a Qt plugin whose root object implements Opsdeck::Sdk::ModelBackend and whose JSON metadata
// (embedded with Q_PLUGIN_METADATA, read by the host *before* the library's code runs) is:
//
//   { "id": "linear", "name": "Linear model", "version": "0.1.0", "apiVersion": 1,
//     "inputKind": "dense-float32" | "text",
//     "capabilities": ["in-process", "thread-safe"] | ["remote", ...],
//     "description": "one line" }
//
// ABI rule: any incompatible change to this header bumps ApiVersion and the IID suffix, so that a stale plugin
// fails the host's apiVersion check and qobject_cast instead of crashing.
//
// This header depends on Qt Core only.

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QtPlugin>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Opsdeck::Sdk {

inline constexpr int ApiVersion = 1;

enum class InputKind { DenseFloat32, Text };

/// One batch handed to a backend; the memory is owned by the caller and stays valid until score() returns or,
/// for scoreAsync(), until the completion callback has run.
struct BatchInput
{
    qsizetype rows = 0;
    /// Dense input: rows × cols float32, row-major, contiguous. Null for text input.
    const float *values = nullptr;
    qsizetype cols = 0;
    /// Text input: `rows` consecutive lines (UTF-8, no trailing newline). Null for dense input.
    const QByteArray *lines = nullptr;
};

/// How a backend instance is configured. Every key of a BACKEND_SPEC ("http,endpoint=…,protocol=json") that the
/// host does not map onto a field below arrives in `options` unchanged.
struct ModelConfig
{
    QString modelPath;            ///< model file; empty = the backend's default (if it has one)
    QStringList endpoints;        ///< remote backends: one or more URLs
    QMap<QString, QString> options;
    qsizetype features = 0;       ///< expected input columns; 0 = take it from the model
    int threads = 0;              ///< in-process threads the backend may use internally; 0 = its default
    /// Remote backends: the host's network access manager for the thread that will call scoreAsync().
    /// Owned by the host; outlives the instance.
    QNetworkAccessManager *network = nullptr;
};

/// Outcome of one asynchronous batch.
struct ScoreStatus
{
    /// Unreachable: no connection to the service could be made at all (refused, host not found); a request
    /// whose connection the service accepted and then dropped is Failed.
    enum class Kind { Ok, Failed, Unreachable, Timeout };
    Kind kind = Kind::Ok;
    QString message;       ///< empty when ok; otherwise names endpoint and cause ("PUT http://h/score: HTTP 500 …")
    QString endpoint;      ///< which endpoint served (or failed) the batch, for remote backends
    int httpStatus = 0;    ///< HTTP status when one was received, else 0
    [[nodiscard]] bool ok() const { return kind == Kind::Ok; }
};

using ScoreCallback = std::function<void(const ScoreStatus &)>;

/// One loaded model. Created by ModelBackend::load(); destroyed by the host on the thread that created it.
class ModelInstance
{
public:
    virtual ~ModelInstance() = default;

    /// Input columns the model expects (dense), or 0 for text models / "any".
    [[nodiscard]] virtual qsizetype inputColumns() const = 0;
    /// Output columns k: each input row yields k float32 scores.
    [[nodiscard]] virtual qsizetype outputColumns() const = 0;
    /// True for backends that must be driven through scoreAsync().
    [[nodiscard]] virtual bool isRemote() const = 0;
    /// In-process backends: true when score() may be called from several threads at once.
    [[nodiscard]] virtual bool isThreadSafe() const = 0;
    /// Remote backends: the most batches this instance will hold in flight (over all endpoints). The host never
    /// has more outstanding scoreAsync() calls than this.
    [[nodiscard]] virtual int maxInFlight() const { return 1; }
    /// One line describing the loaded model for reports ("logistic, 100 features, k=1, synthetic seed 42").
    [[nodiscard]] virtual QString describe() const = 0;

    /// In-process scoring: writes rows × outputColumns() floats to `out`. Returns false and sets `*error` on
    /// failure (the batch is then counted as an error; the instance stays usable).
    virtual bool score(const BatchInput &input, float *out, QString *error) = 0;

    /// Remote scoring: starts the batch and returns at once; `done` runs exactly once, later, on the calling
    /// thread's event loop. `out` (rows × outputColumns() floats) stays valid until then. The default runs
    /// score() synchronously, which lets the host treat every backend alike.
    virtual void scoreAsync(const BatchInput &input, float *out, ScoreCallback done)
    {
        QString error;
        ScoreStatus status;
        if (!score(input, out, &error)) {
            status.kind = ScoreStatus::Kind::Failed;
            status.message = error;
        }
        done(status);
    }

    /// Backend-specific counters for the report (e.g. per-endpoint requests, errors by HTTP status).
    [[nodiscard]] virtual QJsonObject statistics() const { return {}; }
};

/// The plugin's root object.
class ModelBackend
{
public:
    virtual ~ModelBackend() = default;
    /// Loads one model. Returns null and sets `*error` (naming the file, URL or option at fault) on failure.
    virtual std::unique_ptr<ModelInstance> load(const ModelConfig &config, QString *error) = 0;
};

/// How the host and the plugins show a URL in messages, reports and statistics, so that one URL reads the same
/// everywhere: without user name and password, and every query (and fragment) value as "***" — a service's key
/// may sit in the query (`?code=…`). Keys are kept: "http://h:1/p?token=***&size=***".
inline QString maskQueryValues(const QString &query)
{
    QStringList items = query.split(u'&');
    for (QString &item : items) {
        if (const qsizetype eq = item.indexOf(u'='); eq >= 0 && eq + 1 < item.size())
            item = item.left(eq + 1) + QStringLiteral("***");
    }
    return items.join(u'&');
}

inline QString displayUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QString text = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.hasQuery())
        text += u'?' + maskQueryValues(url.query(QUrl::PrettyDecoded));
    if (url.hasFragment())
        text += u'#' + maskQueryValues(url.fragment(QUrl::PrettyDecoded));
    return text;
}

/// The same for text that may not parse as a URL: the user info is whatever lies between "//" and the LAST '@'
/// (a password may hold '/', '?' or '#'; masking too much, an '@' in a path, is harmless), query and fragment
/// values are masked.
inline QString displayUrlText(const QString &input)
{
    QString text = input;
    const qsizetype schemeEnd = text.indexOf(u"//");
    const qsizetype authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 2;
    if (const qsizetype at = text.lastIndexOf(u'@'); at >= authorityStart)
        text = text.left(authorityStart) + QStringLiteral("***") + text.mid(at);
    if (const qsizetype query = text.indexOf(u'?'); query >= 0) {
        const qsizetype fragment = text.indexOf(u'#', query);
        const QString tail = fragment < 0 ? QString() : u'#' + maskQueryValues(text.mid(fragment + 1));
        text = text.left(query + 1) + maskQueryValues(text.mid(query + 1, fragment < 0 ? -1 : fragment - query - 1))
               + tail;
    } else if (const qsizetype fragment = text.indexOf(u'#'); fragment >= 0) {
        text = text.left(fragment + 1) + maskQueryValues(text.mid(fragment + 1));
    }
    return text;
}

} // namespace Opsdeck::Sdk

#define OpsdeckModelBackend_iid "org.opsdeck.ModelBackend/1"
Q_DECLARE_INTERFACE(Opsdeck::Sdk::ModelBackend, OpsdeckModelBackend_iid)
