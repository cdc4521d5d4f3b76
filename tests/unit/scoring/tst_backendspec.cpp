#include "scoring/backendspec.h"
#include "scoring/remoteaccess.h"

#include <QtCore/QDir>
#include <QtCore/QScopeGuard>
#include <QtTest/QTest>

using namespace Opsdeck;
using namespace Opsdeck::Core;

class TestBackendSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesIdOnly()
    {
        auto spec = BackendSpec::parse(QStringLiteral("linear"));
        QVERIFY(spec);
        QCOMPARE(spec->id, QStringLiteral("linear"));
        QVERIFY(spec->modelPath.isEmpty());
        QVERIFY(spec->endpoints.isEmpty());
        QVERIFY(spec->options.isEmpty());
        QVERIFY(!spec->features);
    }

    void parsesKeys()
    {
        auto spec = BackendSpec::parse(QStringLiteral(
            "http,endpoint=http://h:8099/score,endpoint=http://g:8099/score,protocol=json,features=20,threads=3,"
            "inflight=8,path=a=b"));
        QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
        QCOMPARE(spec->id, QStringLiteral("http"));
        QCOMPARE(spec->endpoints,
                 QStringList({QStringLiteral("http://h:8099/score"), QStringLiteral("http://g:8099/score")}));
        QCOMPARE(spec->features, qsizetype(20));
        QCOMPARE(spec->threads, 3);
        QCOMPARE(spec->options.value(QStringLiteral("protocol")), QStringLiteral("json"));
        QCOMPARE(spec->options.value(QStringLiteral("inflight")), QStringLiteral("8"));
        // Only the first '=' separates key and value.
        QCOMPARE(spec->options.value(QStringLiteral("path")), QStringLiteral("a=b"));

        const Sdk::ModelConfig config = spec->toModelConfig();
        QCOMPARE(config.endpoints, spec->endpoints);
        QCOMPARE(config.features, qsizetype(20));
        QCOMPARE(config.threads, 3);
        QCOMPARE(config.options.size(), 3);
        QVERIFY(!config.options.contains(QStringLiteral("endpoint")));
        QCOMPARE(config.network, nullptr);
    }

    void modelKey()
    {
        auto spec = BackendSpec::parse(QStringLiteral("linear,model=w.json"));
        QVERIFY(spec);
        QCOMPARE(spec->modelPath, QStringLiteral("w.json"));
        QCOMPARE(spec->toModelConfig().modelPath, QStringLiteral("w.json"));
        QCOMPARE(spec->toModelConfig().features, qsizetype(0));
    }

    void roundTrip()
    {
        const QString text = QStringLiteral("http,endpoint=http://a/s,endpoint=http://b/s,features=4,protocol=json");
        auto spec = BackendSpec::parse(text);
        QVERIFY(spec);
        QCOMPARE(spec->toString(), text);
        auto again = BackendSpec::parse(spec->toString());
        QVERIFY(again);
        QCOMPARE(*again, *spec);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("no id") << QStringLiteral(",model=w.json")
                               << QStringLiteral("backend spec ',model=w.json': no backend id");
        QTest::newRow("bad id") << QStringLiteral("lin ear")
                                << QStringLiteral("backend spec 'lin ear': 'lin ear' is not a backend id");
        QTest::newRow("not key=value") << QStringLiteral("linear,oops")
                                       << QStringLiteral("backend spec 'linear,oops': 'oops' is not key=value");
        QTest::newRow("empty key") << QStringLiteral("linear,=5")
                                   << QStringLiteral("backend spec 'linear,=5': '=5' has an empty key");
        QTest::newRow("bad features") << QStringLiteral("linear,features=x")
                                      << QStringLiteral(
                                             "backend spec 'linear,features=x': features: 'x' is not a whole number > 0");
        QTest::newRow("zero threads") << QStringLiteral("linear,threads=0")
                                      << QStringLiteral(
                                             "backend spec 'linear,threads=0': threads: '0' is not a whole number > 0");
        QTest::newRow("model twice") << QStringLiteral("linear,model=a,model=b")
                                     << QStringLiteral("backend spec 'linear,model=a,model=b': model: given twice");
        QTest::newRow("empty endpoint") << QStringLiteral("http,endpoint=")
                                        << QStringLiteral("backend spec 'http,endpoint=': endpoint: empty URL");
        // Values are trimmed as keys are: blanks are no file name or URL.
        QTest::newRow("blank model") << QStringLiteral("linear,model= ")
                                     << QStringLiteral("backend spec 'linear,model= ': model: empty file name");
        QTest::newRow("blank endpoint") << QStringLiteral("http,endpoint= ")
                                        << QStringLiteral("backend spec 'http,endpoint= ': endpoint: empty URL");
        QTest::newRow("empty") << QString() << QStringLiteral("backend spec '': no backend id");
    }

    void errors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        auto parsed = BackendSpec::parse(spec);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::Usage);
        QCOMPARE(parsed.error().message, message);
    }

    void setAppliesLikeParse()
    {
        BackendSpec spec;
        spec.id = QStringLiteral("http");
        QVERIFY(spec.set(QStringLiteral("endpoint"), QStringLiteral("http://x/score")));
        QVERIFY(spec.set(QStringLiteral("protocol"), QStringLiteral("float32")));
        QVERIFY(spec.set(QStringLiteral("features"), QStringLiteral("7")));
        auto twice = spec.set(QStringLiteral("features"), QStringLiteral("8"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().message, QStringLiteral("features: given twice"));
        auto parsed = BackendSpec::parse(QStringLiteral("http,endpoint=http://x/score,protocol=float32,features=7"));
        QVERIFY(parsed);
        QCOMPARE(spec, *parsed);
    }

    // Remote access: profile endpoints by name, and the keys the host turns into what a backend reads.
    void profileEndpointsByName()
    {
        Profile profile;
        profile.name = QStringLiteral("p");
        profile.sourceFile = QStringLiteral("/etc/opsdeck/profiles.toml");
        ScoringEndpointConfig e;
        e.name = QStringLiteral("s1");
        e.url = QUrl(QStringLiteral("https://s1:8443/score"));
        e.protocol = QStringLiteral("json");
        e.features = 12;
        e.auth.type = AuthType::Basic;
        e.auth.user = QStringLiteral("ops");
        e.auth.secret.keychain = QStringLiteral("opsdeck/p/s");
        e.tls.caFile = QStringLiteral("ca/score.pem");
        profile.scoring << e;

        auto spec = BackendSpec::parse(QStringLiteral("http,endpoint=s1,inflight=2"));
        QVERIFY(spec);
        QVERIFY(resolveProfileEndpoints(*spec, profile, false));
        QCOMPARE(spec->endpoints, QStringList{QStringLiteral("https://s1:8443/score")});
        QCOMPARE(spec->features.value_or(0), qsizetype(12));
        const QMap<QString, QString> expected{{QStringLiteral("auth"), QStringLiteral("basic")},
                                              {QStringLiteral("ca_file"), QStringLiteral("/etc/opsdeck/ca/score.pem")},
                                              {QStringLiteral("inflight"), QStringLiteral("2")},
                                              {QStringLiteral("protocol"), QStringLiteral("json")},
                                              {QStringLiteral("secret_keychain"), QStringLiteral("opsdeck/p/s")},
                                              {QStringLiteral("user"), QStringLiteral("ops")}};
        QCOMPARE(spec->options, expected);

        // By URL only when asked (the GUI); the command line takes names only.
        auto byUrl = BackendSpec::parse(QStringLiteral("http,endpoint=https://s1:8443/score"));
        QVERIFY(byUrl);
        QVERIFY(resolveProfileEndpoints(*byUrl, profile, false));
        QVERIFY(byUrl->options.isEmpty());
        QVERIFY(resolveProfileEndpoints(*byUrl, profile, true));
        QCOMPARE(byUrl->options.value(QStringLiteral("auth")), QStringLiteral("basic"));

        auto unknown = BackendSpec::parse(QStringLiteral("http,endpoint=s2"));
        QVERIFY(unknown);
        const auto refused = resolveProfileEndpoints(*unknown, profile, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message,
                 QStringLiteral("endpoint 's2' is neither a URL nor a scoring endpoint of profile 'p' (known: s1)"));
    }

    void remoteAccessKeys()
    {
        qputenv("OPSDECK_TEST_SPEC_TOKEN", "t0ken");
        auto restore = qScopeGuard([] { qunsetenv("OPSDECK_TEST_SPEC_TOKEN"); });
        auto spec = BackendSpec::parse(
            QStringLiteral("http,endpoint=https://h/score,auth=bearer,secret_env=OPSDECK_TEST_SPEC_TOKEN,"
                           "ca_file=relative.pem,insecure=no"));
        QVERIFY(spec);
        Sdk::ModelConfig config = spec->toModelConfig();
        QVERIFY(applyRemoteAccess(*spec, config));
        // The host's keys are gone, the secret is the header value, the CA path absolute, insecure=no dropped.
        const QMap<QString, QString> expected{
            {QStringLiteral("authorization"), QStringLiteral("Bearer t0ken")},
            {QStringLiteral("ca_file"), QDir::current().absoluteFilePath(QStringLiteral("relative.pem"))}};
        QCOMPARE(config.options, expected);
        QVERIFY(!trustPartition(config).isEmpty());

        Sdk::ModelConfig plain = BackendSpec::parse(QStringLiteral("http,endpoint=https://h/score"))->toModelConfig();
        QVERIFY(applyRemoteAccess(*spec, plain));
        QVERIFY(trustPartition(plain).isEmpty());
        Sdk::ModelConfig insecure = plain;
        insecure.options.insert(QStringLiteral("insecure"), QStringLiteral("true"));
        QVERIFY(trustPartition(insecure) != trustPartition(config));

        auto basic = BackendSpec::parse(QStringLiteral("http,endpoint=http://h/score,auth=basic,secret_env=X"));
        Sdk::ModelConfig basicConfig = basic->toModelConfig();
        const auto noUser = applyRemoteAccess(*basic, basicConfig);
        QVERIFY(!noUser);
        QCOMPARE(noUser.error().message, QStringLiteral("auth=basic needs user=NAME"));
    }
};

QTEST_GUILESS_MAIN(TestBackendSpec)
#include "tst_backendspec.moc"
