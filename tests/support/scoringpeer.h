#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <memory>
#include <vector>

namespace Opsdeck::Test {

/// How ScoringPeer configures the scoring service (tests/peers/scoring_service.py).
struct ScoringPeerOptions
{
    int features = 100;       ///< input columns n (SCORING_FEATURES)
    int seed = 7;             ///< synthetic training data seed (SCORING_SEED)
    int rows = 2000;          ///< training rows (SCORING_ROWS)
    int failEvery = 0;        ///< every N-th PUT /score answers 500 (SCORING_FAIL_EVERY); 0 = never
    int workers = 2;          ///< gunicorn worker processes
    int threads = 4;          ///< threads per gthread worker
    bool logRequests = false; ///< record every request for requestLog() (SCORING_REQUEST_LOG)
    QByteArray token;         ///< scoring requests need "Authorization: Bearer <token>" (SCORING_TOKEN); empty = none
};

/// One request as the peer logged it (ScoringPeerOptions::logRequests).
struct ScoringPeerRequest
{
    QString method;         ///< "PUT"
    QString target;         ///< path and query ("/score?drop=1")
    quint16 clientPort = 0; ///< the client's TCP port: one per connection
};

/// The real scoring peer for tests and benchmarks: gunicorn (gthread workers, keep-alive, app preloaded)
/// serving the Flask app of tests/peers/scoring_service.py on 127.0.0.1 and a free port chosen at run time.
/// Blocking calls with bounded waits; the destructor stops the server and every process it started.
///
///     if (const QString missing = ScoringPeer::missingPrerequisites(); !missing.isEmpty())
///         QSKIP(qPrintable(missing));
///     ScoringPeer peer;
///     QVERIFY2(peer.start(), qPrintable(peer.errorString()));
///     … endpoint = peer.url(u"/score"_s) …
class ScoringPeer final
{
    Q_DISABLE_COPY_MOVE(ScoringPeer)

public:
    explicit ScoringPeer(ScoringPeerOptions options = {});
    ~ScoringPeer();

    /// The Python interpreter the peer runs on: Debian's /usr/bin/python3 (the one with flask and sklearn).
    [[nodiscard]] static QString python();
    /// The folder of the peer's scripts (OPSDECK_SOURCE_DIR/tests/peers).
    [[nodiscard]] static QString peersDir();
    /// Empty when /usr/bin/python3 can import flask, gunicorn, numpy and sklearn; otherwise one line saying
    /// what is missing (checked once per process), for QSKIP.
    [[nodiscard]] static QString missingPrerequisites();

    /// Starts gunicorn and waits until GET /health answers with the configured feature count (at most 90 s:
    /// the model is fitted at start). False with errorString() (including the end of the server's log) on
    /// failure.
    [[nodiscard]] bool start();
    /// Stops the server: SIGTERM to its process group, SIGKILL to whatever is left after 10 s. True when
    /// nothing of it runs any more.
    bool stop();
    [[nodiscard]] bool isRunning() const;

    /// The port; 0 before start().
    [[nodiscard]] quint16 port() const { return m_port; }
    /// http://127.0.0.1:PORT followed by `pathAndQuery` ("/score", "/score?drop=1").
    [[nodiscard]] QUrl url(const QString &pathAndQuery = {}) const;
    /// Blocking GET of `path` (at most 30 s). The body of a 200 answer; empty with `*error` otherwise.
    [[nodiscard]] QByteArray get(const QString &path, QString *error = nullptr) const;

    /// Requests received so far, in arrival order (empty unless options.logRequests).
    [[nodiscard]] QList<ScoringPeerRequest> requestLog() const;

    [[nodiscard]] QString errorString() const { return m_errorString; }
    /// The server's log so far (gunicorn's stderr and stdout).
    [[nodiscard]] QString log() const;

    /// What the peer configured with `options` must answer for `input` (row-major, options.features columns):
    /// reference_scores.py rebuilds the model without a server and writes sklearn's predict_proba[:, 1].
    /// False with `*error` when the script fails.
    [[nodiscard]] static bool referenceScores(const ScoringPeerOptions &options,
                                              const std::vector<float> &input, std::vector<float> *scores,
                                              QString *error);

private:
    [[nodiscard]] bool startOnce();
    [[nodiscard]] bool waitUntilHealthy();
    [[nodiscard]] QString logTail() const;

    ScoringPeerOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    qint64 m_processGroup = 0;
    quint16 m_port = 0;
    QString m_errorString;
};

/// A URL as the http plugin shows it in statuses, statistics and messages: every query value masked (the tests
/// steer the peer through query parameters such as `?delay_ms=5000`).
inline QString shownUrl(const QString &url)
{
    const qsizetype query = url.indexOf(u'?');
    if (query < 0)
        return url;
    QStringList items = url.mid(query + 1).split(u'&');
    for (QString &item : items)
        item = item.section(u'=', 0, 0) + QStringLiteral("=***");
    return url.left(query + 1) + items.join(u'&');
}

} // namespace Opsdeck::Test
