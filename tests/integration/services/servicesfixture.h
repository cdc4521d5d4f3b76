#pragma once

#include "support/httpfake.h"
#include "support/redisserver.h"
#include "support/scoringpeer.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

#include <memory>

/// The services of one profile, for real where a Debian package exists: a loopback fake answering as Livy,
/// the Spark REST submission server, the Spark monitoring API and Elasticsearch do (protocols.md a–d), a real
/// redis-server with a password, and the real gunicorn scoring peer.
class ServicesFixture
{
public:
    static constexpr const char *redisPassword = "s3cret-redis-pass";
    static constexpr const char *esApiKey = "ZXMtaWQ6ZXMta2V5";   // base64("es-id:es-key")

    /// Starts everything; false with errorString() on failure. `withScoring` starts the gunicorn peer too.
    bool start(bool withScoring);
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Writes a profiles file named "test" (ES with ApiKey from env OPSDECK_TEST_ES_KEY, Redis with password from
    /// env OPSDECK_TEST_REDIS_PASSWORD) and returns its path.
    QString writeProfile(const QByteArray &extra = {});

    Opsdeck::Test::HttpFake http;   // Livy, Spark REST, Spark UI and Elasticsearch on one port, by path
    std::unique_ptr<Opsdeck::Test::RedisServerProcess> redis;
    std::unique_ptr<Opsdeck::Test::ScoringPeer> scoring;
    QTemporaryDir dir;

private:
    QString m_error;
};
