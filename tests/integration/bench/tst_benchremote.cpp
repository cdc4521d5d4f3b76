// `opsdeck --batch bench` against services that want credentials or a private CA: scoring endpoints named from a
// profile (their authentication and TLS), auth keys in a backend spec, and what is refused. The built binary
// against the real gunicorn scoring peer (bearer token) and a loopback TLS fake with a throw-away CA.
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

#include <memory>

#include "support/clirun.h"
#include "support/freeport.h"
#include "support/httpfake.h"
#include "support/scoringpeer.h"

using namespace Opsdeck::Test;

namespace {

const QString Binary = QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck");
const QByteArray Token = "tst-benchremote-7c1f0e9a";
const QString TokenVar = QStringLiteral("OPSDECK_TEST_SCORING_TOKEN");

struct Outcome : CliRun
{
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    [[nodiscard]] QByteArray all() const { return out + err; }
};

} // namespace

class TestBenchRemote final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_missingPeer;
    std::unique_ptr<ScoringPeer> m_peer;
    QString m_profiles;

    Outcome bench(const QStringList &args, bool withToken, bool pumpEvents = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(TokenVar);
        env.remove(QStringLiteral("OPSDECK_PROFILE"));
        if (withToken)
            env.insert(TokenVar, QString::fromLatin1(Token));
        Outcome o;
        static_cast<CliRun &>(o) = runProgram(
            Binary, QStringList{QStringLiteral("--batch"), QStringLiteral("--config"), m_profiles,
                                QStringLiteral("--profile"), QStringLiteral("bench"), QStringLiteral("bench")} +
                        args,
            env, 180000, pumpEvents);
        return o;
    }

    void writeProfiles(const QByteArray &extra = {})
    {
        const QByteArray url = m_peer ? m_peer->url(QStringLiteral("/score")).toEncoded() : "http://127.0.0.1:9/score";
        QFile file(m_profiles);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[profiles.bench]\n"
                   "[[profiles.bench.scoring]]\n"
                   "name = \"guarded\"\n"
                   "url = \"" + url + "\"\n"
                   "features = 100\n"
                   "auth = { type = \"bearer\", secret_env = \"" + TokenVar.toLatin1() + "\" }\n"
                   "[[profiles.bench.scoring]]\n"
                   "name = \"other-auth\"\n"
                   "url = \"" + url + "\"\n"
                   "auth = { type = \"bearer\", secret_env = \"OPSDECK_TEST_OTHER_TOKEN\" }\n" + extra);
    }

    void requirePeer()
    {
        if (!m_missingPeer.isEmpty())
            QSKIP(qPrintable(m_missingPeer));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(Binary), qPrintable(Binary + QStringLiteral(" is not built")));
        m_profiles = m_dir.filePath(QStringLiteral("profiles.toml"));
        m_missingPeer = ScoringPeer::missingPrerequisites();
        if (m_missingPeer.isEmpty()) {
            ScoringPeerOptions options;
            options.token = Token;
            m_peer = std::make_unique<ScoringPeer>(options);
            QVERIFY2(m_peer->start(), qPrintable(m_peer->errorString()));
        }
        writeProfiles();
    }

    void cleanupTestCase() { m_peer.reset(); }

    void profileEndpointByNameAuthenticates_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("direct") << QStringLiteral("direct");
        QTest::newRow("qt") << QStringLiteral("qt");
    }

    void profileEndpointByNameAuthenticates()
    {
        requirePeer();
        QFETCH(QString, transport);
        const Outcome o = bench({QStringLiteral("--backend"), u"http,transport=" + transport,
                                 QStringLiteral("--endpoint"), QStringLiteral("guarded"), QStringLiteral("--rows"),
                                 QStringLiteral("3000"), QStringLiteral("--json")},
                                true);
        QVERIFY2(o.exitCode == 0, o.all().constData());
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("errors")).toInteger(), qint64(0));
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(3000));
        QVERIFY(j.value(QStringLiteral("model")).toString().contains(u"authenticated"));
        // The endpoint's URL came from the profile; the secret appears nowhere.
        QVERIFY(j.value(QStringLiteral("model")).toString().contains(m_peer->url(QStringLiteral("/score")).toString()));
        QVERIFY(!o.all().contains(Token));
    }

    void crossCheckOnAnAuthenticatedEndpoint()
    {
        requirePeer();
        // The cross-check's secret is resolved before the run and used when it loads after the run.
        const Outcome o = bench({QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                                 QStringLiteral("guarded"), QStringLiteral("--compare"),
                                 QStringLiteral("http,endpoint=guarded,transport=qt"), QStringLiteral("--rows"),
                                 QStringLiteral("2000"), QStringLiteral("--json")},
                                true);
        QVERIFY2(o.exitCode == 0, o.all().constData());
        const QJsonObject compare = o.json().value(QStringLiteral("compare")).toObject();
        QCOMPARE(compare.value(QStringLiteral("rows")).toInteger(), qint64(2000));
        QCOMPARE(compare.value(QStringLiteral("over_tolerance")).toInteger(), qint64(0));
        QVERIFY(!o.all().contains(Token));
    }

    void capacityCountsEachEndpointAsANode()
    {
        requirePeer();
        // Two endpoints measured together: the plan's rate per node is half the measured rate.
        const Outcome o = bench({QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                                 QStringLiteral("guarded"), QStringLiteral("--endpoint"), QStringLiteral("guarded"),
                                 QStringLiteral("--rows"), QStringLiteral("4000"), QStringLiteral("--capacity-rows"),
                                 QStringLiteral("100000000"), QStringLiteral("--capacity-within"),
                                 QStringLiteral("1h"), QStringLiteral("--json")},
                                true);
        QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.all().constData());
        const QJsonObject j = o.json();
        const QJsonObject capacity = j.value(QStringLiteral("capacity")).toObject();
        QCOMPARE(capacity.value(QStringLiteral("measured_nodes")).toInteger(), qint64(2));
        QCOMPARE(capacity.value(QStringLiteral("rows_per_s_per_node")).toDouble(),
                 j.value(QStringLiteral("rows_per_s")).toDouble() / 2);
    }

    void crossCheckThatCannotConnectIsFoundBeforeTheRun()
    {
        // A trial batch before the run: a 10-minute run would time the test out, were it found only after.
        const Outcome o = bench({QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--compare"),
                                 QStringLiteral("http,endpoint=http://127.0.0.1:9/score"), QStringLiteral("--json")},
                                false);
        QCOMPARE(o.exitCode, 5);
        QVERIFY2(o.err.contains("cross-check backend 'http,endpoint=http://127.0.0.1:9/score' failed a trial batch "
                                "before the run: PUT http://127.0.0.1:9/score:"),
                 o.err.constData());
    }

    void stopDoesNotWaitForAHungService()
    {
        // A service that takes connections and requests and never answers (nothing here reads them). --timeout 2
        // ends the run at once; waiting for the batches in flight would take their 120-s request timeout, past
        // this test's 60-s limit for the process.
        QTcpServer hung;
        QVERIFY(hung.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1/score").arg(hung.serverPort());
        for (const char *transport : {"direct", "qt"}) {
            const CliRun run = runProgram(
                Binary,
                {QStringLiteral("--batch"), QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("bench"),
                 QStringLiteral("--backend"),
                 QStringLiteral("http,endpoint=%1,timeout_ms=120000,transport=%2").arg(url, QLatin1StringView(transport)),
                 QStringLiteral("--features"), QStringLiteral("4"), QStringLiteral("--rows"), QStringLiteral("2000"),
                 QStringLiteral("--batch-size"), QStringLiteral("100"), QStringLiteral("--warmup"), QStringLiteral("0"),
                 QStringLiteral("--json")},
                QProcessEnvironment::systemEnvironment(), 60000);
            QCOMPARE(run.exitCode, 124);
            const QJsonObject j = QJsonDocument::fromJson(run.out).object();
            QVERIFY2(j.value(QStringLiteral("abandoned_batches")).toInteger() > 0, run.out.constData());
            QCOMPARE(j.value(QStringLiteral("batches")).toInteger(), qint64(0));
            QVERIFY(j.value(QStringLiteral("reasons")).toArray().first().toString().startsWith(u"stopped ("));
        }
    }

    void withoutTheTokenTheServiceRefuses()
    {
        requirePeer();
        // The same service by URL, with no authentication: the first batches are refused (401) and none is
        // scored, so the run gives up rather than repeat a refused login 2000 times: exit 4.
        const Outcome o = bench({QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                                 m_peer->url(QStringLiteral("/score")).toString(), QStringLiteral("--rows"),
                                 QStringLiteral("2000000"), QStringLiteral("--batch-size"), QStringLiteral("1000"),
                                 QStringLiteral("--warmup"), QStringLiteral("0"), QStringLiteral("--json")},
                                true);
        QVERIFY2(o.exitCode == 4, o.all().constData());
        const QJsonObject j = o.json();
        QCOMPARE(j.value(QStringLiteral("auth_refused")).toBool(), true);
        QCOMPARE(j.value(QStringLiteral("exit_code")).toInt(), 4);
        QCOMPARE(j.value(QStringLiteral("rows")).toInteger(), qint64(0));
        const QString reason = j.value(QStringLiteral("reasons")).toArray().first().toString();
        QVERIFY2(reason.startsWith(u"endpoint refused the credentials: ") && reason.contains(u"HTTP 401"),
                 qPrintable(reason));
        const qint64 errors = j.value(QStringLiteral("errors")).toInteger();
        QVERIFY2(errors >= 1 && errors <= 8, qPrintable(QString::number(errors)));   // at most the batches in flight
        const QJsonObject endpoint =
            j.value(QStringLiteral("backend_stats")).toObject().value(QStringLiteral("endpoints")).toArray().first().toObject();
        const QJsonObject byStatus = endpoint.value(QStringLiteral("by_status")).toObject();
        QCOMPARE(byStatus.keys(), QStringList{QStringLiteral("401")});
        QCOMPARE(byStatus.value(QStringLiteral("401")).toInteger(), endpoint.value(QStringLiteral("requests")).toInteger());
    }

    void authKeysInASpec()
    {
        requirePeer();
        // An ad-hoc URL with the secret taken from an environment variable, never from the command line.
        const Outcome o = bench({QStringLiteral("--backend"), u"http,auth=bearer,secret_env=" + TokenVar,
                                 QStringLiteral("--endpoint"), m_peer->url(QStringLiteral("/score")).toString(),
                                 QStringLiteral("--rows"), QStringLiteral("2000"), QStringLiteral("--json")},
                                true);
        QVERIFY2(o.exitCode == 0, o.all().constData());
        QCOMPARE(o.json().value(QStringLiteral("errors")).toInteger(), qint64(0));
        QVERIFY(!o.all().contains(Token));
        // The report names the references (they are not secrets), as `profiles show` does.
        QVERIFY2(o.json().value(QStringLiteral("backend_spec")).toString().contains(u"auth=bearer,secret_env=" + TokenVar),
                 o.out.constData());
    }

    void secretLookingOptionsAreMaskedInReports()
    {
        // A value under a key that looks like a secret never reaches the report or a message, even when the
        // backend refuses the key.
        const Outcome o = bench({QStringLiteral("--backend"), QStringLiteral("linear,api_token=abc123-not-shown"),
                                 QStringLiteral("--rows"), QStringLiteral("100"), QStringLiteral("--json")},
                                false);
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(o.json().value(QStringLiteral("backend_spec")).toString(), QStringLiteral("linear,api_token=***"));
        QVERIFY(!o.all().contains("abc123-not-shown"));

        // A service key in an endpoint's query (`?code=…`) is shown nowhere either: not in the spec, the model,
        // the endpoint statistics or the reason.
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        const Outcome r = bench({QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                                 QStringLiteral("http://127.0.0.1:%1/score?code=key-not-shown").arg(port),
                                 QStringLiteral("--rows"), QStringLiteral("100"), QStringLiteral("--json")},
                                false);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(!r.all().contains("key-not-shown"), r.all().constData());
        QVERIFY2(r.json().value(QStringLiteral("backend_spec")).toString().contains(u"score?code=***"),
                 r.out.constData());
    }

    void refusedBeforeTheRun_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<QString>("message");
        QTest::newRow("secret not set")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                           QStringLiteral("guarded")}
            << false << QStringLiteral("secret env:%1 is not set").arg(TokenVar);
        QTest::newRow("unknown endpoint name")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                           QStringLiteral("nowhere")}
            << true
            << QStringLiteral("endpoint 'nowhere' is neither a URL nor a scoring endpoint of profile 'bench' "
                              "(known: guarded, other-auth)");
        QTest::newRow("endpoints with different authentication")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                           QStringLiteral("guarded"), QStringLiteral("--endpoint"), QStringLiteral("other-auth")}
            << true
            << QStringLiteral("scoring endpoints 'guarded' and 'other-auth' of profile 'bench' differ in protocol, "
                              "authentication or TLS");
        QTest::newRow("protocol contradicting the profile")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                           QStringLiteral("guarded"), QStringLiteral("--protocol"), QStringLiteral("json")}
            << true
            << QStringLiteral("scoring endpoint 'guarded' of profile 'bench' has protocol=float32, but "
                              "protocol=json was given");
        QTest::newRow("features contradicting the profile")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http"), QStringLiteral("--endpoint"),
                           QStringLiteral("guarded"), QStringLiteral("--features"), QStringLiteral("10")}
            << true
            << QStringLiteral("scoring endpoint 'guarded' of profile 'bench' takes 100 features, but 10 were given");
        QTest::newRow("a secret in the spec")
            << QStringList{QStringLiteral("--backend"),
                           QStringLiteral("http,authorization=Bearer %1").arg(QString::fromLatin1(Token)),
                           QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/score")}
            << true << QStringLiteral("authorization= would put a secret on a command line");
        QTest::newRow("unknown auth type")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http,auth=digest,secret_env=X"),
                           QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/score")}
            << true << QStringLiteral("auth=digest is not one of bearer, basic, apikey");
        QTest::newRow("secret reference without auth")
            << QStringList{QStringLiteral("--backend"), u"http,secret_env=" + TokenVar, QStringLiteral("--endpoint"),
                           QStringLiteral("http://127.0.0.1:9/score")}
            << true << QStringLiteral("user, secret_env and secret_keychain need auth=bearer, basic or apikey");
        QTest::newRow("CA file that cannot be read")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http,ca_file=%1/missing.pem"),
                           QStringLiteral("--endpoint"), QStringLiteral("https://127.0.0.1:9/score")}
            << true << QStringLiteral("http: ca_file: %1/missing.pem: cannot read");
        QTest::newRow("no endpoint: the profile's are named")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("http")} << true
            << QStringLiteral("backend 'http' scores on remote services: give --endpoint URL, or --endpoint NAME of a "
                              "scoring endpoint of the profile (profile 'bench': guarded, other-auth)");
        QTest::newRow("cross-check secret not set")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--compare"),
                           QStringLiteral("http,endpoint=http://127.0.0.1:9/score,auth=bearer,secret_env=OPSDECK_"
                                          "TEST_UNSET_VAR")}
            << true << QStringLiteral("cross-check: backend 'http': secret env:OPSDECK_TEST_UNSET_VAR is not set");
    }

    void refusedBeforeTheRun()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, withToken);
        QFETCH(QString, message);
        for (QString &a : args)
            a.replace(QStringLiteral("%1"), m_dir.path());
        message.replace(QStringLiteral("%1"), m_dir.path());
        if (!args.contains(QStringLiteral("--duration")))
            args << QStringLiteral("--rows") << QStringLiteral("1000");
        const Outcome o = bench(args, withToken);
        QVERIFY2(o.exitCode == 2, o.all().constData());
        QVERIFY2(QString::fromUtf8(o.err).contains(message), o.err.constData());
        QVERIFY(!o.all().contains(Token));
    }

    void privateCaFromTheProfile_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("default (direct)") << QString();
        QTest::newRow("qt") << QStringLiteral("qt");
    }

    void privateCaFromTheProfile()
    {
        QFETCH(QString, transport);
        const QString with = transport.isEmpty() ? QString() : u",transport=" + transport;
        const FakeTls tls = createSelfSignedTls(m_dir.path());
        if (!tls.isValid())
            QSKIP(qPrintable(QStringLiteral("no TLS identity for the fake: ") + tls.error));
        HttpFake fake;
        QVERIFY2(fake.listenTls(tls.server), qPrintable(fake.errorString()));
        // A float32 scoring service of 4 features: one 0.5 per row, and only for the right bearer token.
        fake.route("PUT", "/score", [](const FakeRequest &request) {
            if (request.header("Authorization") != "Bearer " + Token)
                return FakeResponse::text("no token", 401);
            const qsizetype rows = request.body.size() / (4 * 4);
            QByteArray scores;
            for (qsizetype i = 0; i < rows; ++i) {
                const float half = 0.5f;
                scores.append(reinterpret_cast<const char *>(&half), sizeof half);
            }
            FakeResponse response;
            response.body = scores;
            response.headers = {{"Content-Type", "application/octet-stream"}};
            return response;
        });
        const QString url = fake.url("/score").toString();
        // The CA file relative to the profiles file, as profiles resolve theirs.
        const QString caCopy = m_dir.filePath(QStringLiteral("scoring-ca.pem"));
        QFile::remove(caCopy); // from the data row before
        QVERIFY(QFile::copy(tls.certificateFile, caCopy));
        writeProfiles("[[profiles.bench.scoring]]\n"
                      "name = \"tls\"\n"
                      "url = \"" + url.toLatin1() + "\"\n"
                      "features = 4\n"
                      "auth = { type = \"bearer\", secret_env = \"" + TokenVar.toLatin1() + "\" }\n"
                      "tls = { ca_file = \"scoring-ca.pem\" }\n");
        const QStringList rows{QStringLiteral("--rows"), QStringLiteral("400"), QStringLiteral("--batch-size"),
                               QStringLiteral("100"), QStringLiteral("--json")};

        const Outcome trusted = bench(QStringList{QStringLiteral("--backend"), u"http" + with,
                                                  QStringLiteral("--endpoint"), QStringLiteral("tls")} + rows,
                                      true, true);
        QVERIFY2(trusted.exitCode == 0, trusted.all().constData());
        QCOMPARE(trusted.json().value(QStringLiteral("errors")).toInteger(), qint64(0));
        QVERIFY(trusted.json().value(QStringLiteral("model")).toString().contains(u"scoring-ca.pem"));
        // The model line names the direct client; transport=qt is the unnamed one.
        QVERIFY2(trusted.json().value(QStringLiteral("model")).toString().contains(u", transport direct") ==
                     transport.isEmpty(),
                 trusted.out.constData());

        // The same URL without the profile's CA: the certificate is not trusted, nothing connects (exit 5).
        const Outcome untrusted =
            bench(QStringList{QStringLiteral("--backend"), u"http,features=4,auth=bearer,secret_env=" + TokenVar + with,
                              QStringLiteral("--endpoint"), url} + rows,
                  true, true);
        QVERIFY2(untrusted.exitCode == 5, untrusted.all().constData());

        // insecure=true, said explicitly, skips verification.
        const Outcome insecure = bench(
            QStringList{QStringLiteral("--backend"), u"http,features=4,insecure=true,auth=bearer,secret_env=" + TokenVar + with,
                        QStringLiteral("--endpoint"), url} + rows,
            true, true);
        QVERIFY2(insecure.exitCode == 0, insecure.all().constData());
        QVERIFY(insecure.json().value(QStringLiteral("model")).toString().contains(u"not verified"));
        writeProfiles();
    }
};

QTEST_GUILESS_MAIN(TestBenchRemote)
#include "tst_benchremote.moc"
