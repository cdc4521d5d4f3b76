#include "servicesfixture.h"

#include <QtCore/QFile>

using namespace Opsdeck::Test;

bool ServicesFixture::start(bool withScoring)
{
    if (!http.listen()) {
        m_error = http.errorString();
        return false;
    }
    // Bodies follow the public APIs (protocols.md): Livy batch list, Spark status of an unknown driver,
    // Spark monitoring version, Elasticsearch root and cluster health.
    http.route("GET", "/livy/batches",
               FakeResponse::json(R"({"from":0,"total":3,"sessions":[{"id":2,"name":null,"owner":null,)"
                                  R"("proxyUser":null,"state":"running","appId":null,"appInfo":{"driverLogUrl":null,)"
                                  R"("sparkUiUrl":null},"log":[]}]})"));
    http.route("GET", "/spark/v1/submissions/status/*",
               FakeResponse::json("{\n  \"action\" : \"SubmissionStatusResponse\",\n  \"serverSparkVersion\" : "
                                  "\"3.5.1\",\n  \"submissionId\" : \"opsdeck-health-probe\",\n  \"success\" : false\n}"));
    http.route("GET", "/ui/api/v1/version", FakeResponse::json(R"({"spark":"3.5.1"})"));
    http.route("GET", "/es/", [](const FakeRequest &r) {
        if (r.header("Authorization") != QByteArray("ApiKey ") + esApiKey)
            return FakeResponse::json(R"({"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate"}],)"
                                      R"("type":"security_exception","reason":"unable to authenticate"},"status":401})",
                                      401);
        return FakeResponse::json(R"({"name":"node-1","cluster_name":"ops","cluster_uuid":"x",)"
                                  R"("version":{"number":"8.13.4","build_flavor":"default"},"tagline":"You Know, for Search"})");
    });
    http.route("GET", "/es/_cluster/health",
               FakeResponse::json(R"({"cluster_name":"ops","status":"green","timed_out":false,"number_of_nodes":3,)"
                                  R"("number_of_data_nodes":3,"active_primary_shards":5,"active_shards":10,)"
                                  R"("relocating_shards":0,"initializing_shards":0,"unassigned_shards":0})"));

    if (Opsdeck::Test::RedisServerProcess::executable().isEmpty()) {
        m_error = QStringLiteral("redis-server is not installed (tools/test installs it)");
        return false;
    }
    Opsdeck::Test::RedisServerOptions options;
    options.password = redisPassword;
    redis = std::make_unique<Opsdeck::Test::RedisServerProcess>(options);
    if (!redis->start()) {
        m_error = redis->errorString();
        return false;
    }
    if (withScoring) {
        if (const QString missing = Opsdeck::Test::ScoringPeer::missingPrerequisites(); !missing.isEmpty()) {
            m_error = missing;
            return false;
        }
        Opsdeck::Test::ScoringPeerOptions peerOptions;
        peerOptions.features = 8;
        peerOptions.rows = 200;
        peerOptions.workers = 1;
        scoring = std::make_unique<Opsdeck::Test::ScoringPeer>(peerOptions);
        if (!scoring->start()) {
            m_error = scoring->errorString();
            return false;
        }
    }
    return true;
}

QString ServicesFixture::writeProfile(const QByteArray &extra)
{
    const QString path = dir.filePath(QStringLiteral("profiles.toml"));
    const QByteArray base = http.url().toString().toUtf8();
    QByteArray toml = "[profiles.test]\n"
                      "livy = \"" + base + "/livy\"\n"
                      "spark_rest = \"" + base + "/spark\"\n"
                      "spark_ui = \"" + base + "/ui\"\n"
                      "elasticsearch = \"" + base + "/es\"\n"
                      "redis = \"redis://127.0.0.1:" + QByteArray::number(redis->port()) + "/2\"\n"
                      "timeout_ms = 5000\n"
                      "[profiles.test.auth.elasticsearch]\n"
                      "type = \"apikey\"\n"
                      "secret_env = \"OPSDECK_TEST_ES_KEY\"\n"
                      "[profiles.test.auth.redis]\n"
                      "secret_env = \"OPSDECK_TEST_REDIS_PASSWORD\"\n";
    if (scoring) {
        toml += "[[profiles.test.scoring]]\n"
                "name = \"peer\"\n"
                "url = \"" + scoring->url(QStringLiteral("/score")).toString().toUtf8() + "\"\n"
                "protocol = \"float32\"\n"
                "features = 8\n";
    }
    toml += extra;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(toml);
    return path;
}
