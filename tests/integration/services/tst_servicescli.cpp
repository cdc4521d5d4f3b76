// `opsdeck --batch services check` end to end: table, --json, and the exit codes 0 / 2 / 4 / 5.
#include "servicesfixture.h"
#include "support/clirun.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtTest/QTest>

#include <utility>

using Opsdeck::Test::FakeResponse;

class TestServicesCli : public QObject
{
    Q_OBJECT

private:
    ServicesFixture m_fx;

    using Run = Opsdeck::Test::CliRun;

    Run run(const QStringList &args, const QByteArray &esKey = ServicesFixture::esApiKey)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPSDECK_TEST_ES_KEY"), QString::fromLatin1(esKey));
        env.insert(QStringLiteral("OPSDECK_TEST_REDIS_PASSWORD"), QString::fromLatin1(ServicesFixture::redisPassword));
        env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
        // The fakes live on this thread: keep the event loop turning while the child runs.
        return Opsdeck::Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
                                         QStringList{QStringLiteral("--batch")} + args, env, 60000, true);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_fx.start(true))
            QSKIP(qPrintable(m_fx.errorString()));
    }

    void tableAllUp()
    {
        const QString config = m_fx.writeProfile();
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 7);   // header + 6 services
        QVERIFY(lines.at(0).startsWith("SERVICE"));
        for (const char *name : {"Livy", "Spark REST", "Spark UI", "Elasticsearch", "Redis", "Scoring peer"}) {
            bool found = false;
            for (const QByteArray &line : lines)
                found |= line.startsWith(name) && line.contains("  up  ");
            QVERIFY2(found, QByteArray(name + QByteArray("\n") + r.out).constData());
        }
        QVERIFY(!r.out.contains(ServicesFixture::redisPassword));
        QVERIFY(!r.err.contains(ServicesFixture::redisPassword));
    }

    void jsonArray()
    {
        const QString config = m_fx.writeProfile();
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check"),
                           QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 6);
        const QJsonObject es = array.at(3).toObject();
        QCOMPARE(es.value(QStringLiteral("service")).toString(), QStringLiteral("elasticsearch"));
        QCOMPARE(es.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QCOMPARE(es.value(QStringLiteral("version")).toString(), QStringLiteral("8.13.4"));
        QVERIFY(es.value(QStringLiteral("latency_ms")).isDouble());
        for (const QString &key : {QStringLiteral("service"), QStringLiteral("name"), QStringLiteral("url"),
                                  QStringLiteral("state"), QStringLiteral("latency_ms"), QStringLiteral("version"),
                                  QStringLiteral("detail"), QStringLiteral("checked_at")})
            QVERIFY2(es.contains(key), qPrintable(key));
    }

    // Services named on the command line are the only ones probed, in the profile's order; a name the profile
    // does not have is refused (exit 2) naming it and the known ones, before anything is asked.
    void namedServicesOnly()
    {
        const QString config = m_fx.writeProfile();
        const int livy = m_fx.http.requestCount("GET", "/livy/batches");
        const int es = m_fx.http.requestCount("GET", "/es/");
        Run r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check"),
                     QStringLiteral("redis"), QStringLiteral("scoring:peer"), QStringLiteral("elasticsearch"),
                     QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const QJsonArray array = QJsonDocument::fromJson(r.out).array();
        QStringList keys;
        for (const auto &row : array)
            keys << row.toObject().value(QStringLiteral("service")).toString();
        QCOMPARE(keys, (QStringList{QStringLiteral("elasticsearch"), QStringLiteral("redis"),
                                    QStringLiteral("scoring:peer")}));
        QCOMPARE(m_fx.http.requestCount("GET", "/livy/batches"), livy);
        QCOMPARE(m_fx.http.requestCount("GET", "/es/"), es + 1);

        r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check"),
                 QStringLiteral("scoring")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(r.out.trimmed().split('\n').size(), 2);   // header + the one endpoint
        QVERIFY2(r.err.contains("1 service(s) checked"), r.err.constData());

        r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check"),
                 QStringLiteral("livy"), QStringLiteral("scoring:nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown service 'scoring:nope' in profile 'test' (known: livy, spark_rest, "
                                "spark_ui, elasticsearch, redis, scoring, scoring:peer)"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_fx.http.requestCount("GET", "/livy/batches"), livy);

        const QString redisOnly = m_fx.dir.filePath(QStringLiteral("redis-only.toml"));
        QFile file(redisOnly);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[profiles.r]\nredis = \"redis://127.0.0.1:1/0\"\n");
        file.close();
        r = run({QStringLiteral("--config"), redisOnly, QStringLiteral("services"), QStringLiteral("check"),
                 QStringLiteral("livy")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("service 'livy' is not configured in profile 'r'"), r.err.constData());
    }

    // `services watch` prints each service's state, then every change (one JSON object per line with --json),
    // and ends on SIGTERM with 130.
    void watchPrintsStatesThenChanges()
    {
        Opsdeck::Test::HttpFake fake;
        QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
        const FakeResponse answering = FakeResponse::json(R"({"spark":"3.5.1"})");
        fake.route("GET", "/ui/api/v1/version", answering);
        QFile file(m_fx.dir.filePath(QStringLiteral("watch.toml")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[profiles.w]\nspark_ui = \"" + fake.url("/ui").toString().toUtf8() + "\"\n");
        file.close();

        QProcess watch;
        watch.start(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
                    {QStringLiteral("--batch"), QStringLiteral("--config"), file.fileName(), QStringLiteral("services"),
                     QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("1"),
                     QStringLiteral("--json")});
        QVERIFY2(watch.waitForStarted(10000), qPrintable(watch.errorString()));
        auto guard = qScopeGuard([&watch] {
            watch.kill();
            watch.waitForFinished(5000);
        });
        QByteArray out;
        QList<QJsonObject> events;
        const auto eventCount = [&] {
            out += watch.readAllStandardOutput();
            while (out.contains('\n')) {
                const qsizetype end = out.indexOf('\n');
                events.append(QJsonDocument::fromJson(out.left(end)).object());
                out.remove(0, end + 1);
            }
            return events.size();
        };
        const auto event = [&events](int i, const char *key) {
            return events.at(i).value(QLatin1StringView(key));
        };
        QTRY_VERIFY_WITH_TIMEOUT(eventCount() >= 1, 30000);
        QCOMPARE(event(0, "service").toString(), QStringLiteral("spark_ui"));
        QCOMPARE(event(0, "state").toString(), QStringLiteral("up"));
        QVERIFY(event(0, "before").isNull());

        fake.route("GET", "/ui/api/v1/version", FakeResponse::statusOnly(503));
        QTRY_VERIFY_WITH_TIMEOUT(eventCount() >= 2, 30000);
        QCOMPARE(event(1, "state").toString(), QStringLiteral("degraded"));
        QCOMPARE(event(1, "before").toString(), QStringLiteral("up"));
        QVERIFY2(event(1, "detail").toString().contains(u"503"), qPrintable(event(1, "detail").toString()));

        fake.route("GET", "/ui/api/v1/version", answering);
        QTRY_VERIFY_WITH_TIMEOUT(eventCount() >= 3, 30000);
        QCOMPARE(event(2, "state").toString(), QStringLiteral("up"));
        QCOMPARE(event(2, "before").toString(), QStringLiteral("degraded"));
        QTest::qWait(2500);   // two more rounds without a change: nothing printed
        QCOMPARE(eventCount(), 3);

        watch.terminate();
        QVERIFY(watch.waitForFinished(15000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 130);

        // For people: one line per event; --timeout ends the watch with 124.
        const Run human = run({QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--config"),
                               file.fileName(), QStringLiteral("services"), QStringLiteral("watch")});
        QCOMPARE(human.exitCode, 124);
        QVERIFY2(human.out.contains("  Spark UI: up, ") && human.out.contains(" · 3.5.1"), human.out.constData());
        QVERIFY2(human.err.contains("profile 'w': watching 1 service(s), a round every 15 s"), human.err.constData());

        const Run bad = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("services"),
                             QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--interval: '0'"), bad.err.constData());
        const Run unknown = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("services"),
                                 QStringLiteral("watch"), QStringLiteral("redis")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("service 'redis' is not configured in profile 'w'"), unknown.err.constData());
    }

    // services wait: rounds until the real redis-server that starts meanwhile answers; --timeout says what was
    // not up; a secret that is not set ends it at once.
    void waitEndsWhenEveryServiceIsUp()
    {
        Opsdeck::Test::RedisServerProcess redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));   // a port of its own, then down until needed
        QVERIFY(redis.stop());
        QFile file(m_fx.dir.filePath(QStringLiteral("wait.toml")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[profiles.w]\nredis = \"redis://127.0.0.1:" + QByteArray::number(redis.port()) + "/0\"\n"
                   "[profiles.nosecret]\nredis = \"redis://127.0.0.1:" + QByteArray::number(redis.port()) + "/0\"\n"
                   "[profiles.nosecret.auth.redis]\nsecret_env = \"OPSDECK_TEST_NOT_SET\"\n");
        file.close();

        QProcess wait;
        wait.start(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
                   {QStringLiteral("--batch"), QStringLiteral("--config"), file.fileName(), QStringLiteral("--profile"),
                    QStringLiteral("w"), QStringLiteral("--timeout"), QStringLiteral("60"), QStringLiteral("services"),
                    QStringLiteral("wait"), QStringLiteral("--interval"), QStringLiteral("0.3")});
        QVERIFY2(wait.waitForStarted(10000), qPrintable(wait.errorString()));
        auto guard = qScopeGuard([&wait] {
            wait.kill();
            wait.waitForFinished(5000);
        });
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += wait.readAllStandardError()).contains("waiting for: Redis: unreachable"), 20000);
        QCOMPARE(wait.state(), QProcess::Running);
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        QVERIFY(wait.waitForFinished(30000));
        err += wait.readAllStandardError();
        QCOMPARE(wait.exitStatus(), QProcess::NormalExit);
        QVERIFY2(wait.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("profile 'w': 1 service(s) up after "), err.constData());

        // Already up: the first round ends it; --json prints that round.
        Run r = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("--profile"), QStringLiteral("w"),
                     QStringLiteral("services"), QStringLiteral("wait"), QStringLiteral("redis"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray round = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(round.size(), 1);
        QCOMPARE(round.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("up"));

        QVERIFY(redis.stop());
        r = run({QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--config"), file.fileName(),
                 QStringLiteral("--profile"), QStringLiteral("w"), QStringLiteral("services"), QStringLiteral("wait"),
                 QStringLiteral("--interval"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 124);
        QVERIFY2(r.err.contains("not up when it ended: Redis: unreachable"), r.err.constData());

        r = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("--profile"), QStringLiteral("nosecret"),
                 QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("services"), QStringLiteral("wait")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Redis: config error"), r.err.constData());
        QVERIFY2(r.err.contains("OPSDECK_TEST_NOT_SET"), r.err.constData());

        r = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("--profile"), QStringLiteral("w"),
                 QStringLiteral("services"), QStringLiteral("wait"), QStringLiteral("--interval"), QStringLiteral("0.1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--interval: '0.1'"), r.err.constData());
    }

    void authRefusedExits4()
    {
        const Run r = run({QStringLiteral("--config"), m_fx.writeProfile(), QStringLiteral("services"),
                           QStringLiteral("check"), QStringLiteral("--json")},
                          "d3Jvbmc6a2V5");
        QCOMPARE(r.exitCode, 4);
        const QJsonArray array = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(array.at(3).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("auth-refused"));

        // services wait gives up on credentials refused in three rounds in a row: waiting does not mend them.
        const int before = m_fx.http.requestCount("GET", "/es/");
        const Run w = run({QStringLiteral("--config"), m_fx.writeProfile(), QStringLiteral("--timeout"),
                           QStringLiteral("60"), QStringLiteral("services"), QStringLiteral("wait"),
                           QStringLiteral("elasticsearch"), QStringLiteral("--interval"), QStringLiteral("0.2")},
                          "d3Jvbmc6a2V5");
        QCOMPARE(w.exitCode, 4);
        QVERIFY2(w.err.contains("opsdeck services wait: Elasticsearch: auth refused"), w.err.constData());
        QVERIFY2(w.err.contains("credentials refused in 3 rounds in a row"), w.err.constData());
        QCOMPARE(m_fx.http.requestCount("GET", "/es/") - before, 3);
    }

    void unsetSecretExits2()
    {
        // The API key's variable is empty: the profile cannot be used here, and the service is not asked.
        const int before = m_fx.http.requestCount("GET", "/es/");
        const Run r = run({QStringLiteral("--config"), m_fx.writeProfile(), QStringLiteral("services"),
                           QStringLiteral("check"), QStringLiteral("--json")},
                          QByteArray());
        QCOMPARE(r.exitCode, 2);
        const QJsonObject es = QJsonDocument::fromJson(r.out).array().at(3).toObject();
        QCOMPARE(es.value(QStringLiteral("state")).toString(), QStringLiteral("config-error"));
        QVERIFY2(es.value(QStringLiteral("detail")).toString().contains(u"env:OPSDECK_TEST_ES_KEY"),
                 qPrintable(es.value(QStringLiteral("detail")).toString()));
        QCOMPARE(m_fx.http.requestCount("GET", "/es/"), before);
    }

    void unreachableExits5()
    {
        Opsdeck::Test::HttpFake closed;
        QVERIFY(closed.listen());
        const QByteArray url = closed.url("/").toString().toUtf8();
        closed.close();
        const QString config = m_fx.writeProfile("[[profiles.test.scoring]]\nname = \"gone\"\nurl = \"" + url
                                                 + "score\"\nhealth_url = \"" + url + "health\"\n");
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.out.contains("Scoring gone") && r.out.contains("unreachable"), r.out.constData());
    }

    // Host names are looked up off the command's thread (hiredis would call getaddrinfo() on it): a slow resolver,
    // preloaded from support/slowresolver.cpp, neither outlasts the profile's timeout_ms nor --timeout, and the
    // process does not wait for the lookup it gave up on before it ends.
    void slowNameLookups()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPSDECK_TEST_REDIS_PASSWORD"), QString::fromLatin1(ServicesFixture::redisPassword));
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(OPSDECK_SLOW_RESOLVER));
        // Under ASan the preloaded module comes before the sanitizer's runtime, which is harmless here.
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
        const auto profile = [this](int timeoutMs) {
            QFile file(m_fx.dir.filePath(QStringLiteral("slow.toml")));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QString();
            file.write("[profiles.slow]\nredis = \"redis://db.slow-dns.test:" + QByteArray::number(m_fx.redis->port())
                       + "/2\"\ntimeout_ms = " + QByteArray::number(timeoutMs)
                       + "\n[profiles.slow.auth.redis]\nsecret_env = \"OPSDECK_TEST_REDIS_PASSWORD\"\n");
            return file.fileName();
        };
        const auto check = [&env](const QString &config, int delayMs, const QStringList &before = {}) {
            env.insert(QStringLiteral("OPSDECK_TEST_DNS_DELAY_MS"), QString::number(delayMs));
            QElapsedTimer ran;
            ran.start();
            Run r = Opsdeck::Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
                                              QStringList{QStringLiteral("--batch")} + before
                                                  + QStringList{QStringLiteral("--config"), config,
                                                                QStringLiteral("services"), QStringLiteral("check"),
                                                                QStringLiteral("--json")},
                                              env, 60000);
            return std::pair{r, ran.elapsed()};
        };

        // A lookup that answers (127.0.0.1, the real redis-server) after 300 ms: Redis is up.
        const auto [answered, answeredMs] = check(profile(5000), 300);
        QVERIFY2(answered.exitCode == 0, QByteArray(answered.out + answered.err).constData());
        const QJsonObject redis = QJsonDocument::fromJson(answered.out).array().at(0).toObject();
        QCOMPARE(redis.value(QStringLiteral("state")).toString(), QStringLiteral("up"));

        // One that takes 8 s, with timeout_ms = 1000: unreachable after 1 s, and the process ends at once.
        const auto [slow, slowMs] = check(profile(1000), 8000);
        QVERIFY2(slow.exitCode == 5, QByteArray(slow.out + slow.err).constData());
        const QString detail =
            QJsonDocument::fromJson(slow.out).array().at(0).toObject().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(u"host name db.slow-dns.test not looked up within 1000 ms"), qPrintable(detail));
        QVERIFY2(slowMs < 6500, qPrintable(QStringLiteral("ended after %1 ms").arg(slowMs)));

        // The same lookup against --timeout 1 (timeout_ms = 5000): exit 124, again without waiting for it.
        const auto [timedOut, timedOutMs] =
            check(profile(5000), 8000, {QStringLiteral("--timeout"), QStringLiteral("1")});
        QVERIFY2(timedOut.exitCode == 124, QByteArray(timedOut.out + timedOut.err).constData());
        QVERIFY2(timedOutMs < 6500, qPrintable(QStringLiteral("ended after %1 ms").arg(timedOutMs)));
    }

    // Query values are masked in the table and the JSON; a service's escape sequences never reach the terminal.
    void urlsMaskedAndRemoteTextSanitised()
    {
        m_fx.http.route("GET", "/q/health", FakeResponse::text("fine \x1b]0;pwned\x07\x1b[2J ok"));
        const QByteArray base = m_fx.http.url().toString().toUtf8();
        const QString config = m_fx.writeProfile("[[profiles.test.scoring]]\nname = \"q\"\nurl = \"" + base
                                                 + "/q/score?model=hunter2\"\nhealth_url = \"" + base
                                                 + "/q/health?probe=hunter2\"\n");
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check")};
            if (json)
                args << QStringLiteral("--json");
            const Run r = run(args);
            QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
            QVERIFY2(r.out.contains("/q/score?model=***"), r.out.constData());
            QVERIFY2(!r.out.contains("hunter2") && !r.err.contains("hunter2"), r.out.constData());
            QVERIFY2(!r.out.contains('\x1b') && !r.out.contains('\x07'), r.out.constData());
            QVERIFY2(r.out.contains("fine ]0;pwned[2J ok"), r.out.constData());
        }
    }

    // A refused redirect (credentials set, another origin) is an answer: degraded, exit 1 — not 5.
    void refusedRedirectExits1()
    {
        Opsdeck::Test::HttpFake other;
        QVERIFY(other.listen());
        other.route("GET", "/health", FakeResponse::text("ok"));
        m_fx.http.route("GET", "/r/health",
                        FakeResponse::statusOnly(302).withHeader("Location", other.url("/health").toEncoded()));
        const QByteArray base = m_fx.http.url().toString().toUtf8();
        const QString config =
            m_fx.writeProfile("[[profiles.test.scoring]]\nname = \"r\"\nurl = \"" + base + "/r/score\"\n"
                              "health_url = \"" + base + "/r/health\"\n"
                              "auth = { type = \"bearer\", secret_env = \"OPSDECK_TEST_ES_KEY\" }\n");
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("services"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 1, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("redirect to another origin refused"), r.out.constData());
        QCOMPARE(other.requestCount(), 0);
    }

    void badConfigExits2()
    {
        QFile file(m_fx.dir.filePath(QStringLiteral("bad.toml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[profiles.test]\nlivy = \"http://127.0.0.1:1\"\nlivvy = \"http://x\"\n");
        file.close();
        const Run r = run({QStringLiteral("--config"), file.fileName(), QStringLiteral("services"), QStringLiteral("check")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QByteArray(file.fileName().toUtf8() + ":3:")), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void unknownOptionExits2()
    {
        const Run r = run({QStringLiteral("services"), QStringLiteral("check"), QStringLiteral("--jsn")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("jsn"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServicesCli)
#include "tst_servicescli.moc"
