// HealthCheck and HealthMonitor in process: every probe against its peer, each failure class, no overlap.
#include "config/profilestore.h"
#include "health/healthcheck.h"
#include "health/healthmonitor.h"
#include "health/healthtablemodel.h"
#include "servicesfixture.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Opsdeck;
using namespace Opsdeck::Core;
using namespace Opsdeck::Test;

class TestHealthCheck : public QObject
{
    Q_OBJECT

private:
    ServicesFixture m_fx;

    Profile profile(const QByteArray &extra = {})
    {
        auto p = ProfileStore::select(m_fx.writeProfile(extra), QStringLiteral("test"));
        if (!p)
            qFatal("profile: %s", qPrintable(p.error().message));
        return *p;
    }

    static QList<ServiceHealth> runRound(const Profile &p)
    {
        HealthCheck check(p);
        QSignalSpy finished(&check, &HealthCheck::finished);
        check.start();
        if (!finished.wait(20000))
            return {};
        return finished.at(0).at(0).value<QList<ServiceHealth>>();
    }

    static ServiceHealth row(const QList<ServiceHealth> &round, const QString &key)
    {
        for (const auto &h : round) {
            if (h.key == key)
                return h;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_fx.start(true))
            QSKIP(qPrintable(m_fx.errorString()));
    }

    void init()
    {
        qputenv("OPSDECK_TEST_ES_KEY", ServicesFixture::esApiKey);
        qputenv("OPSDECK_TEST_REDIS_PASSWORD", ServicesFixture::redisPassword);
        m_fx.http.clearRequests();
    }

    void allUp()
    {
        const auto round = runRound(profile());
        QCOMPARE(round.size(), 6);
        for (const auto &h : round) {
            QVERIFY2(h.state == HealthState::Up, qPrintable(h.key + u": " + healthStateKey(h.state) + u" " + h.detail));
            QVERIFY2(h.latencyMs >= 0, qPrintable(h.key));
            QVERIFY(h.checkedAt.isValid());
        }
        QCOMPARE(round.at(0).key, QStringLiteral("livy"));
        QCOMPARE(row(round, QStringLiteral("livy")).detail, QStringLiteral("3 batch(es)"));
        QCOMPARE(row(round, QStringLiteral("spark_rest")).version, QStringLiteral("3.5.1"));
        QCOMPARE(row(round, QStringLiteral("spark_ui")).version, QStringLiteral("3.5.1"));
        QCOMPARE(row(round, QStringLiteral("elasticsearch")).version, QStringLiteral("8.13.4"));
        QCOMPARE(row(round, QStringLiteral("elasticsearch")).detail, QStringLiteral("cluster ops green, 3 node(s)"));
        QVERIFY(row(round, QStringLiteral("redis")).version.startsWith(u'7')
                || !row(round, QStringLiteral("redis")).version.isEmpty());
        QVERIFY2(row(round, QStringLiteral("scoring:peer")).detail.startsWith(QStringLiteral("scored one row")),
                 qPrintable(row(round, QStringLiteral("scoring:peer")).detail));
        QCOMPARE(healthExitCode(round), 0);

        // What went on the wire: Livy list with the CSRF header, the API key as Elasticsearch wants it.
        const auto livy = m_fx.http.requests("GET", "/livy/batches");
        QCOMPARE(livy.size(), 1);
        QCOMPARE(livy.at(0).queryItem(QStringLiteral("size")), QStringLiteral("1"));
        QVERIFY(livy.at(0).hasHeader("X-Requested-By"));
        QCOMPARE(m_fx.http.requests("GET", "/es/").at(0).header("Authorization"),
                 QByteArray("ApiKey ") + ServicesFixture::esApiKey);
        QCOMPARE(m_fx.http.requestCount("GET", "/es/_cluster/health"), 1);
    }

    void elasticsearchRefusesKey()
    {
        qputenv("OPSDECK_TEST_ES_KEY", "d3Jvbmc6a2V5");
        const auto round = runRound(profile());
        const auto es = row(round, QStringLiteral("elasticsearch"));
        QCOMPARE(es.state, HealthState::AuthRefused);
        QVERIFY2(es.detail.contains(u"401"), qPrintable(es.detail));
        QCOMPARE(healthExitCode(round), int(ExitAuth));
    }

    void redisWrongPassword()
    {
        qputenv("OPSDECK_TEST_REDIS_PASSWORD", "not-the-password");
        const auto round = runRound(profile());
        const auto redis = row(round, QStringLiteral("redis"));
        QCOMPARE(redis.state, HealthState::AuthRefused);
        QVERIFY(!redis.detail.contains(u"not-the-password"));
        QCOMPARE(healthExitCode(round), int(ExitAuth));
    }

    void missingSecretNamesTheReference()
    {
        qunsetenv("OPSDECK_TEST_ES_KEY");
        const auto round = runRound(profile());
        const auto es = row(round, QStringLiteral("elasticsearch"));
        // The profile cannot be used here: a configuration error (exit 2), not a refusal by the service.
        QCOMPARE(es.state, HealthState::ConfigError);
        QVERIFY2(es.detail.contains(u"OPSDECK_TEST_ES_KEY"), qPrintable(es.detail));
        QCOMPARE(m_fx.http.requestCount("GET", "/es/"), 0);   // nothing sent without the credentials
        QCOMPARE(row(round, QStringLiteral("livy")).state, HealthState::Up);
        QCOMPARE(healthExitCode(round), int(ExitUsage));

        qunsetenv("OPSDECK_TEST_REDIS_PASSWORD");
        const auto redis = row(runRound(profile()), QStringLiteral("redis"));
        QCOMPARE(redis.state, HealthState::ConfigError);
        QVERIFY2(redis.detail.contains(u"env:OPSDECK_TEST_REDIS_PASSWORD"), qPrintable(redis.detail));
    }

    void unreadableCaFileIsAConfigError()
    {
        Profile p = profile();
        p.elasticsearch.tls.caFile = m_fx.dir.filePath(QStringLiteral("no-such-ca.pem"));
        const auto round = runRound(p);
        const auto es = row(round, QStringLiteral("elasticsearch"));
        QCOMPARE(es.state, HealthState::ConfigError);
        QVERIFY2(es.detail.contains(u"no-such-ca.pem"), qPrintable(es.detail));
        QCOMPARE(m_fx.http.requestCount("GET", "/es/"), 0);
        QCOMPARE(healthExitCode(round), int(ExitUsage));

        // A relative ca_file is looked for beside the profiles file, not in the working folder.
        Profile relative = profile();
        relative.sourceFile = m_fx.dir.filePath(QStringLiteral("conf/profiles.toml"));
        relative.elasticsearch.tls.caFile = QStringLiteral("certs/no-such-ca.pem");
        const auto relativeEs = row(runRound(relative), QStringLiteral("elasticsearch"));
        QCOMPARE(relativeEs.state, HealthState::ConfigError);
        QVERIFY2(relativeEs.detail.contains(m_fx.dir.filePath(QStringLiteral("conf/certs/no-such-ca.pem"))),
                 qPrintable(relativeEs.detail));
    }

    void redisWithoutThatDatabaseIsDegraded()
    {
        // The server answers, but SELECT of a database it does not have fails: not "unreachable".
        Profile p = profile();
        p.redis.url = QUrl(QStringLiteral("redis://127.0.0.1:%1/999").arg(m_fx.redis->port()));
        const auto round = runRound(p);
        const auto redis = row(round, QStringLiteral("redis"));
        QCOMPARE(redis.state, HealthState::Degraded);
        QVERIFY2(redis.detail.contains(u"SELECT") && redis.detail.contains(u"DB index"), qPrintable(redis.detail));
        QCOMPARE(healthExitCode(round), int(ExitFailed));
    }

    void unreachableService()
    {
        HttpFake closed;
        QVERIFY(closed.listen());
        const QUrl url = closed.url("/livy");
        closed.close();
        Profile p = profile();
        p.livy.url = url;
        const auto round = runRound(p);
        const auto livy = row(round, QStringLiteral("livy"));
        QCOMPARE(livy.state, HealthState::Unreachable);
        QCOMPARE(livy.latencyMs, -1);
        QVERIFY2(livy.detail.contains(url.toString()), qPrintable(livy.detail));
        QCOMPARE(healthExitCode(round), int(ExitUnreachable));
    }

    void redClusterIsDegraded()
    {
        m_fx.http.route("GET", "/es/_cluster/health",
                        FakeResponse::json(R"({"cluster_name":"ops","status":"red","number_of_nodes":1})"));
        const auto round = runRound(profile());
        m_fx.http.route("GET", "/es/_cluster/health",
                        FakeResponse::json(R"({"cluster_name":"ops","status":"green","number_of_nodes":3})"));
        QCOMPARE(row(round, QStringLiteral("elasticsearch")).state, HealthState::Degraded);
        QCOMPARE(healthExitCode(round), int(ExitFailed));
    }

    void notASparkServer()
    {
        m_fx.http.route("GET", "/ui/api/v1/version", FakeResponse::text("<html>proxy login</html>"));
        const auto round = runRound(profile());
        m_fx.http.route("GET", "/ui/api/v1/version", FakeResponse::json(R"({"spark":"3.5.1"})"));
        const auto ui = row(round, QStringLiteral("spark_ui"));
        QCOMPARE(ui.state, HealthState::Degraded);
        QVERIFY2(ui.detail.contains(u"malformed JSON"), qPrintable(ui.detail));
    }

    // Any JSON service answers an object; only Elasticsearch's root names version.number and its cluster health
    // a green/yellow/red status.
    void notAnElasticsearchServer()
    {
        HttpFake other;
        QVERIFY2(other.listen(), qPrintable(other.errorString()));
        other.route("GET", "/es/", FakeResponse::json(R"({"status":"ok"})"));
        other.route("GET", "/es/_cluster/health", FakeResponse::json(R"({"status":"ok"})"));
        Profile p = profile();
        p.elasticsearch.url = other.url("/es");
        const auto round = runRound(p);
        const auto es = row(round, QStringLiteral("elasticsearch"));
        QCOMPARE(es.state, HealthState::Degraded);
        QCOMPARE(es.detail, QStringLiteral("not an Elasticsearch answer: GET %1 has no 'version.number'")
                                .arg(other.url("/es/").toString()));
        QCOMPARE(healthExitCode(round), int(ExitFailed));

        // A root that looks right and a cluster health without a real status is not up either.
        other.route("GET", "/es/", FakeResponse::json(R"({"cluster_name":"c","version":{"number":"8.13.4"}})"));
        const auto es2 = row(runRound(p), QStringLiteral("elasticsearch"));
        QCOMPARE(es2.state, HealthState::Degraded);
        QCOMPARE(es2.detail, QStringLiteral("not an Elasticsearch answer: GET %1: 'status' is 'ok', expected green, "
                                            "yellow or red")
                                 .arg(other.url("/es/_cluster/health").toString()));
    }

    void redisAclUserWithoutInfoOrPing_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::addColumn<QString>("command");
        QTest::newRow("-info") << QByteArray("-info") << QStringLiteral("INFO server");
        QTest::newRow("-ping") << QByteArray("-ping") << QStringLiteral("PING");
    }

    // README: NOPERM is a refusal (exit 4), whichever of the probe's commands the ACL user may not run.
    void redisAclUserWithoutInfoOrPing()
    {
        QFETCH(QByteArray, rules);
        QFETCH(QString, command);
        RedisServerOptions options;
        options.aclUser = "probe";
        options.aclPassword = "probe-pass-1";
        options.aclRules = rules;
        RedisServerProcess server(options);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Profile p = profile();
        p.redis.url = QUrl(QStringLiteral("redis://127.0.0.1:%1/0").arg(server.port()));
        p.redis.auth.user = QStringLiteral("probe");
        qputenv("OPSDECK_TEST_REDIS_PASSWORD", "probe-pass-1");
        const auto round = runRound(p);
        const auto redis = row(round, QStringLiteral("redis"));
        QVERIFY2(redis.state == HealthState::AuthRefused,
                 qPrintable(healthStateKey(redis.state) + u" " + redis.detail));
        QVERIFY2(redis.detail.startsWith(command + u": ") && redis.detail.contains(u"NOPERM"),
                 qPrintable(redis.detail));
        QCOMPARE(healthExitCode(round), int(ExitAuth));
    }

    // Something answered on the Redis port, in HTTP: degraded (exit 1), not unreachable (exit 5).
    void redisUrlAtAnHttpServer()
    {
        QTcpServer http;
        QVERIFY(http.listen(QHostAddress::LocalHost));
        QObject::connect(&http, &QTcpServer::newConnection, &http, [&http] {
            while (QTcpSocket *socket = http.nextPendingConnection()) {
                socket->setParent(&http);
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
        Profile p = profile();
        p.redis.url = QUrl(QStringLiteral("redis://127.0.0.1:%1/2").arg(http.serverPort()));
        const auto round = runRound(p);
        const auto redis = row(round, QStringLiteral("redis"));
        QVERIFY2(redis.state == HealthState::Degraded, qPrintable(healthStateKey(redis.state) + u" " + redis.detail));
        QVERIFY2(redis.detail.contains(u"not a Redis server: protocol error"), qPrintable(redis.detail));
        QCOMPARE(healthExitCode(round), int(ExitFailed));
    }

    // A redirect to another origin with credentials set is refused (they must not follow it): the service
    // answered, so it is degraded, not unreachable.
    void redirectToAnotherOriginIsDegraded()
    {
        HttpFake other;
        QVERIFY2(other.listen(), qPrintable(other.errorString()));
        other.route("GET", "/es/", FakeResponse::json(R"({"cluster_name":"c","version":{"number":"8.13.4"}})"));
        HttpFake front;
        QVERIFY2(front.listen(), qPrintable(front.errorString()));
        front.route("GET", "/es/", FakeResponse::statusOnly(302).withHeader("Location", other.url("/es/").toEncoded()));
        Profile p = profile();
        p.elasticsearch.url = front.url("/es");
        const auto round = runRound(p);
        const auto es = row(round, QStringLiteral("elasticsearch"));
        QVERIFY2(es.state == HealthState::Degraded, qPrintable(healthStateKey(es.state) + u" " + es.detail));
        QVERIFY2(es.detail.contains(u"redirect to another origin refused"), qPrintable(es.detail));
        QCOMPARE(other.requestCount(), 0);
        QCOMPARE(healthExitCode(round), int(ExitFailed));
    }

    // Remote text must not drive the terminal: escape sequences and other control characters are dropped.
    void controlCharactersFromServicesAreDropped()
    {
        HttpFake other;
        QVERIFY2(other.listen(), qPrintable(other.errorString()));
        other.route("GET", "/health", FakeResponse::text("ok \x1b[2J\x1b]0;pwned\x07 \xc2\x9b" "31m done"));
        other.route("GET", "/es/", FakeResponse::json("{\"cluster_name\":\"c\\u001b[31m\",\"version\":{\"number\":"
                                                      "\"8\\u001b]0;x\\u0007\"}}"));
        other.route("GET", "/es/_cluster/health", FakeResponse::json(R"({"status":"green","number_of_nodes":1})"));
        Profile p = profile();
        p.elasticsearch.url = other.url("/es");
        ScoringEndpointConfig endpoint;
        endpoint.name = QStringLiteral("h");
        endpoint.url = other.url("/score");
        endpoint.healthUrl = other.url("/health");
        p.scoring = {endpoint};
        const auto round = runRound(p);
        for (const auto &h : round) {
            for (const QString &text : {h.detail, h.version}) {
                for (const QChar c : text) {
                    QVERIFY2(c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() > 0x9f),
                             qPrintable(h.key + u": " + text.toHtmlEscaped()));
                }
            }
        }
        QCOMPARE(row(round, QStringLiteral("scoring:h")).detail, QStringLiteral("ok [2J]0;pwned 31m done"));
        QCOMPARE(row(round, QStringLiteral("elasticsearch")).version, QStringLiteral("8]0;x"));
    }

    // The base URL's own query stays on the probe's request.
    void baseUrlQueryIsKept()
    {
        Profile p = profile();
        QUrl livy = p.livy.url;
        livy.setQuery(QStringLiteral("doAs=ops"));
        p.livy.url = livy;
        const auto round = runRound(p);
        QCOMPARE(row(round, QStringLiteral("livy")).state, HealthState::Up);
        QCOMPARE(row(round, QStringLiteral("livy")).url,
                 livy.toString().replace(QStringLiteral("doAs=ops"), QStringLiteral("doAs=***")));
        const auto requests = m_fx.http.requests("GET", "/livy/batches");
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).queryItem(QStringLiteral("doAs")), QStringLiteral("ops"));
        QCOMPARE(requests.at(0).queryItem(QStringLiteral("size")), QStringLiteral("1"));
    }

    // Switching profile while stopped must not leave the previous profile's rows in the table.
    void profileSwitchClearsTheTable()
    {
        HealthMonitor monitor;
        HealthTableModel model(&monitor);
        monitor.setProfile(profile());
        QSignalSpy finished(&monitor, &HealthMonitor::roundFinished);
        monitor.start();
        QVERIFY(finished.wait(20000));
        monitor.stop();
        QCOMPARE(model.rowCount(), 6);
        Profile other;
        other.name = QStringLiteral("other");
        monitor.setProfile(other);
        QCOMPARE(monitor.current().size(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void monitorNeverOverlapsRounds()
    {
        // Livy answers slowly: a refresh asked for while a round is in flight must not start another.
        m_fx.http.route("GET", "/livy/batches",
                        FakeResponse::json(R"({"from":0,"total":0,"sessions":[]})").withDelay(700));
        HealthMonitor monitor;
        monitor.setInterval(std::chrono::milliseconds(500));
        monitor.setProfile(profile());
        QSignalSpy finished(&monitor, &HealthMonitor::roundFinished);
        monitor.start();
        QVERIFY(monitor.isRoundRunning());
        QVERIFY(!monitor.refresh());
        QVERIFY(!monitor.refresh());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        monitor.stop();
        // One Livy request per round, never two at once.
        QCOMPARE(m_fx.http.requestCount("GET", "/livy/batches"), 2);
        QCOMPARE(monitor.history(QStringLiteral("livy")).size(), 2);
        QVERIFY(monitor.history(QStringLiteral("livy")).at(0).latencyMs >= 0);
        m_fx.http.route("GET", "/livy/batches", FakeResponse::json(R"({"from":0,"total":3,"sessions":[]})"));
    }
};

QTEST_GUILESS_MAIN(TestHealthCheck)
#include "tst_healthcheck.moc"
