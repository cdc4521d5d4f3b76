// `opsdeck --batch profiles list|show|check` end to end: the profile the other commands would use, secrets shown
// only as references, and every bad file reported as FILE:LINE: message with exit 2.
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include "support/clirun.h"

class TestProfilesCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_caFile;

    using Run = Opsdeck::Test::CliRun;

    static constexpr const char *secretValue = "s3cr3t-never-printed";

    Run run(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ES_API_KEY"), QString::fromLatin1(secretValue));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        env.remove(QStringLiteral("OPSDECK_PROFILE"));
        return Opsdeck::Test::runProgram(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"),
                                         QStringList{QStringLiteral("--batch")} + args, env, 30000);
    }

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return path;
    }

    QByteArray profiles(const QString &caFile) const
    {
        return "default = \"staging\"\n"
               "[profiles.prod]\n"
               "elasticsearch = \"https://es.example:9200\"\n"
               "[profiles.prod.auth.elasticsearch]\n"
               "type = \"apikey\"\n"
               "secret_env = \"ES_API_KEY\"\n"
               "[profiles.prod.tls.elasticsearch]\n"
               "ca_file = \"" + caFile.toUtf8() + "\"\n"
               "[profiles.staging]\n"
               "livy = \"http://livy.staging:8998\"\n"
               "redis = \"redis://redis.staging:6379/1\"\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_caFile = write(QStringLiteral("ca.pem"),
                         "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    }

    void listMarksTheProfileCommandsUse()
    {
        const QString file = write(QStringLiteral("p.toml"), profiles(m_caFile));
        const Run r = run({QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("list"),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QStringLiteral("default")).toString(), QStringLiteral("staging"));
        const QJsonArray list = root.value(QStringLiteral("profiles")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("prod"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("default")).toBool(), false);
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("default")).toBool(), true);
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("services")).toArray().size(), 2);

        // --profile moves the marker, as it moves what the other commands use.
        const Run other = run({QStringLiteral("--config"), file, QStringLiteral("--profile"), QStringLiteral("prod"),
                               QStringLiteral("profiles"), QStringLiteral("list")});
        QCOMPARE(other.exitCode, 0);
        bool marked = false;
        for (const QByteArray &line : other.out.split('\n'))
            marked |= line.startsWith('*') && line.contains("prod");
        QVERIFY2(marked, other.out.constData());
    }

    void showPrintsReferencesNeverSecrets()
    {
        const QString file = write(QStringLiteral("p.toml"), profiles(m_caFile));
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                             QStringLiteral("prod")};
            if (json)
                args << QStringLiteral("--json");
            const Run r = run(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("env:ES_API_KEY"), r.out.constData());
            QVERIFY(!r.out.contains(secretValue));
            QVERIFY(!r.err.contains(secretValue));
        }
        const Run json = run({QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                              QStringLiteral("prod"), QStringLiteral("--json")});
        const QJsonObject es = QJsonDocument::fromJson(json.out)
                                   .object()
                                   .value(QStringLiteral("services"))
                                   .toObject()
                                   .value(QStringLiteral("elasticsearch"))
                                   .toObject();
        QCOMPARE(es.value(QStringLiteral("url")).toString(), QStringLiteral("https://es.example:9200"));
        QCOMPARE(es.value(QStringLiteral("tls")).toObject().value(QStringLiteral("ca_file")).toString(), m_caFile);
        QCOMPARE(es.value(QStringLiteral("tls")).toObject().value(QStringLiteral("insecure")).toBool(), false);
    }

    // Query values are masked wherever a URL is shown (README, profiles): `profiles show` too, table and JSON.
    void showMasksQueryValues()
    {
        const QString file = write(QStringLiteral("q.toml"),
                                   "[profiles.q]\n"
                                   "livy = \"http://x:1/?q=hunter2&size=10\"\n"
                                   "[[profiles.q.scoring]]\n"
                                   "name = \"s\"\n"
                                   "url = \"http://s:2/score?model=m7\"\n"
                                   "health_url = \"http://s:2/health?probe=deep\"\n");
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                             QStringLiteral("q")};
            if (json)
                args << QStringLiteral("--json");
            const Run r = run(args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(r.out.contains("http://x:1/?q=***&size=***"), r.out.constData());
            QVERIFY2(r.out.contains("http://s:2/score?model=***"), r.out.constData());
            QVERIFY2(r.out.contains("http://s:2/health?probe=***"), r.out.constData());
            for (const char *value : {"hunter2", "size=10", "m7", "deep"})
                QVERIFY2(!r.out.contains(value) && !r.err.contains(value), value);
        }
    }

    void unknownProfileExits2()
    {
        const QString file = write(QStringLiteral("p.toml"), profiles(m_caFile));
        const Run r = run({QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                           QStringLiteral("qa")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), file.toUtf8() + ":2: unknown profile 'qa' (known: prod, staging)");

        // No file at all: say so, rather than naming a file that does not exist as if it had been read.
        const Run none = run({QStringLiteral("--profile"), QStringLiteral("qa"), QStringLiteral("profiles"),
                              QStringLiteral("show")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("unknown profile 'qa' (the file does not exist; the only profile is the built-in "
                                   "'local')"),
                 none.err.constData());
    }

    void checkAcceptsAGoodFile()
    {
        const QString file = write(QStringLiteral("p.toml"), profiles(m_caFile));
        const Run r = run({QStringLiteral("profiles"), QStringLiteral("check"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), file.toUtf8() + ": ok (2 profiles)");
    }

    void relativeCaFileIsBesideTheProfilesFile()
    {
        // The CLI runs in this test's working folder; the profiles file and its CA sit in another one.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("conf")));
        const QString ca = write(QStringLiteral("conf/ca.pem"),
                                 "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        const QString file = write(QStringLiteral("conf/p.toml"), profiles(QStringLiteral("ca.pem")));
        QVERIFY(!QFileInfo::exists(QStringLiteral("ca.pem")));
        const Run check = run({QStringLiteral("profiles"), QStringLiteral("check"), file});
        QVERIFY2(check.exitCode == 0, check.err.constData());

        const Run json = run({QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                              QStringLiteral("prod"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject tls = QJsonDocument::fromJson(json.out)
                                    .object()
                                    .value(QStringLiteral("services"))
                                    .toObject()
                                    .value(QStringLiteral("elasticsearch"))
                                    .toObject()
                                    .value(QStringLiteral("tls"))
                                    .toObject();
        QCOMPARE(tls.value(QStringLiteral("ca_file")).toString(), QStringLiteral("ca.pem"));   // as written
        QCOMPARE(tls.value(QStringLiteral("ca_path")).toString(), ca);                          // the file used

        const Run text = run({QStringLiteral("--config"), file, QStringLiteral("profiles"), QStringLiteral("show"),
                              QStringLiteral("prod")});
        QVERIFY2(text.out.contains(QByteArray("CA " + ca.toUtf8())), text.out.constData());
    }

    void checkReportsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QString>("message");   // after "FILE"
        const QString missing = m_dir.filePath(QStringLiteral("missing-ca.pem"));
        QTest::newRow("CA file missing") << profiles(missing)
                                         << QStringLiteral(":8: profiles.prod.tls.elasticsearch.ca_file: cannot read '")
                                                + missing + QStringLiteral("': No such file or directory");
        QTest::newRow("unknown key") << QByteArray("[profiles.p]\nlivy = \"http://l:8998\"\nlivvy = \"http://x\"\n")
                                     << QStringLiteral(":3: unknown key 'profiles.p.livvy' (expected: livy, "
                                                       "spark_rest, spark_ui, elasticsearch, redis, timeout_ms, auth, "
                                                       "tls, scoring)");
        QTest::newRow("stored secret") << QByteArray("[profiles.p.auth.livy]\ntype = \"bearer\"\ntoken = \"x\"\n")
                                       << QStringLiteral(":3: secrets must not be stored in the file; use secret_env "
                                                         "or keychain");
        QTest::newRow("password with '/' is masked up to the last '@'")
            << QByteArray("[profiles.p]\nlivy = \"http://bob:s3cr/et@host:8998\"\n")
            << QStringLiteral(":2: profiles.p.livy: 'http://***@host:8998': not a valid URL");
        QTest::newRow("password with '?' is masked up to the last '@'")
            << QByteArray("[profiles.p]\nlivy = \"http://bob:s3cr?et@host:8998\"\n")
            << QStringLiteral(":2: profiles.p.livy: 'http://***@host:8998': not a valid URL");
        QTest::newRow("features over 2^24")
            << QByteArray("[profiles.p]\n[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\n"
                          "features = 2147483647\n")
            << QStringLiteral(":5: profiles.p.scoring[0].features must be between 1 and 16777216, not 2147483647");
        QTest::newRow("rediss") << QByteArray("[profiles.p]\nredis = \"rediss://r:6380/0\"\n")
                                << QStringLiteral(":2: profiles.p.redis: 'rediss://r:6380/0': rediss:// (Redis over "
                                                  "TLS) is not supported: the Redis client speaks plain TCP only; "
                                                  "use redis:// on a trusted network or through a TLS tunnel");
    }

    void checkReportsBadFiles()
    {
        QFETCH(QByteArray, toml);
        QFETCH(QString, message);
        const QString file = write(QStringLiteral("bad.toml"), toml);
        const Run r = run({QStringLiteral("profiles"), QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QString::fromUtf8(r.err.trimmed()), file + message);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfilesCli)
#include "tst_profilescli.moc"
