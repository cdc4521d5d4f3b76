#include "scoring/backendspec.h"

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
};

QTEST_GUILESS_MAIN(TestBackendSpec)
#include "tst_backendspec.moc"
