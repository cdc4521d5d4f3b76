// Unit tests of core/config: the TOML profile schema, its error messages, select() precedence, saving, secrets.
#include "config/profile.h"
#include "config/profilestore.h"
#include "config/secrets.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Opsdeck;
using namespace Opsdeck::Core;

namespace {

const QString fileName = QStringLiteral("bad.toml");

// The example of the schema documentation, comments included.
const QByteArray fullExample = R"(default = "prod"                 # optional: default profile name
[profiles.prod]
livy = "https://livy.example:8998"
spark_rest = "http://spark-master:6066"
spark_ui = "http://spark-history:18080"
elasticsearch = "https://es.example:9200"
redis = "redis://redis.example:6379/0"       # redis:// (plain TCP)
timeout_ms = 15000                           # optional per-profile request timeout
[profiles.prod.auth.elasticsearch]           # auth.<service>
type = "apikey"                 # basic | bearer | apikey
user = "ops"                    # basic (and redis ACL)
secret_env = "ES_API_KEY"       # or: keychain = "opsdeck/prod/elasticsearch"   (exactly one of them)
[profiles.prod.auth.redis]
user = "default"
secret_env = "REDIS_PASSWORD"
[profiles.prod.auth.livy]
type = "basic"
user = "livy-ops"
keychain = "opsdeck/prod/livy"
[profiles.prod.tls.elasticsearch]  # tls.<service>
ca_file = "/etc/ssl/certs/private-ca.pem"
insecure = false                   # true only when written; verification is on otherwise
[profiles.prod.tls.spark_ui]
insecure = true
[[profiles.prod.scoring]]
name = "score-1"
url = "http://score-1:8099/score"
protocol = "float32"               # float32 | json
health_url = "http://score-1:8099/health"   # optional
features = 100                      # optional, input columns
auth = { type = "bearer", secret_env = "SCORE_TOKEN" }
tls = { ca_file = "/etc/ssl/score.pem", insecure = true }
[[profiles.prod.scoring]]
name = "score-json"
url = "https://score-2:8443/v1/score"
protocol = "json"
)";

const QByteArray minimal = "[profiles.only]\nlivy = \"http://livy:8998\"\n";

const QByteArray multiple = R"(default = "staging"
[profiles.prod]
livy = "https://livy.prod:8998"
[profiles.staging]
livy = "https://livy.staging:8998"
redis = "redis://redis.staging:6380/3"
[profiles.dev]
spark_ui = "http://history.dev:18080"
)";

// Sorted maps would give alpha, mid, zulu; the file says zulu, alpha, mid. "mid" is mentioned first by a
// sub-table header of an earlier line than its own table.
const QByteArray fileOrder = R"([profiles.zulu]
livy = "http://z:8998"
[profiles.alpha]
livy = "http://a:8998"
[profiles.mid.auth.livy]
type = "bearer"
secret_env = "MID_TOKEN"
[profiles.mid]
livy = "http://m:8998"
)";

const QByteArray dottedAndInline = R"(profiles.inline = { livy = "http://i:8998", scoring = [ { name = "s", url = "http://s/score" } ] }
[profiles.dotted]
auth.livy.type = "bearer"
auth.livy.keychain = "k"
livy = "http://d:8998"
)";

QUrl url(const char *text)
{
    return QUrl(QString::fromUtf8(text));
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(data), data.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A profile exercising everything the writer has to quote or leave out.
Profile awkwardProfile()
{
    Profile p;
    p.name = QStringLiteral("eu.west-1_a");
    p.timeoutMs = 1;
    p.livy.url = url("https://livy.example/some%20path/?x=1");
    p.livy.auth = {AuthType::Basic, QStringLiteral("o\"p\\s \u00e9\t"), {QStringLiteral("LIVY_PW"), {}}};
    p.elasticsearch.url = url("https://[::1]:9200");
    p.elasticsearch.auth = {AuthType::ApiKey, {}, {{}, QStringLiteral("opsdeck/eu/es \u2603 \"quoted\"")}};
    p.elasticsearch.tls = {QStringLiteral("/etc/ssl/a b/ca.pem"), true};
    p.redis.url = url("redis://redis.example:6390/15");
    p.redis.auth = {AuthType::Basic, {}, {QStringLiteral("REDIS_PW"), {}}};
    ScoringEndpointConfig e;
    e.name = QStringLiteral("score \"one\" # not a comment");
    e.url = url("http://score:1/score");
    e.protocol = QStringLiteral("json");
    e.features = 7;
    e.auth = {AuthType::Basic, QStringLiteral("u"), {{}, QStringLiteral("kc")}};
    e.tls = {QStringLiteral("/ca.pem"), false};
    p.scoring << e;
    ScoringEndpointConfig plain;
    plain.name = QStringLiteral("plain");
    plain.url = url("http://plain:8099/score");
    plain.healthUrl = url("http://plain:8099/health");
    p.scoring << plain;
    return p;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void validFiles_data();
    void validFiles();
    void fullExampleValues();
    void builtinLocal();
    void serviceHelpers();

    void badInput_data();
    void badInput();
    void harmlessQueryNamesAreAccepted();
    void errorsNeverEchoSecrets_data();
    void errorsNeverEchoSecrets();
    void unreadableFile();
    void caFilesAreChecked();
    void relativeCaFilesAreRelativeToTheProfilesFile();

    void roundTrip_data();
    void roundTrip();
    void roundTripProgrammatic();
    void editing();

    void select_data();
    void select();
    void defaultConfigPathHonoursXdg();

    void saveFile();
    void saveFileRefusesInvalid_data();
    void saveFileRefusesInvalid();

    void resolveSecretFromEnv();
    void keychainWithoutService();

    void parseRedisUrl_data();
    void parseRedisUrl();
    void displayUrlMasks_data();
    void displayUrlMasks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_savedDbus;
};

void TestProfileStore::initTestCase()
{
    m_savedDbus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // select() falls back to $XDG_CONFIG_HOME/opsdeck/profiles.toml: point it at an empty folder of our own.
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("xdg")).toLocal8Bit());
    qunsetenv("OPSDECK_PROFILE");
}

void TestProfileStore::cleanup()
{
    qunsetenv("OPSDECK_PROFILE");
    qunsetenv("XDG_CONFIG_HOME");
    if (m_savedDbus.isNull())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_savedDbus);
    m_dir.reset();
}

// ---- valid files --------------------------------------------------------------------------------------------

void TestProfileStore::validFiles_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("defaultName");

    QTest::newRow("full example") << fullExample << QStringList{QStringLiteral("prod")} << QStringLiteral("prod");
    QTest::newRow("minimal") << minimal << QStringList{QStringLiteral("only")} << QString();
    QTest::newRow("multiple profiles with default")
        << multiple << QStringList{QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("dev")}
        << QStringLiteral("staging");
    QTest::newRow("file order, not key order")
        << fileOrder << QStringList{QStringLiteral("zulu"), QStringLiteral("alpha"), QStringLiteral("mid")}
        << QString();
    QTest::newRow("inline and dotted tables")
        << dottedAndInline << QStringList{QStringLiteral("inline"), QStringLiteral("dotted")} << QString();
    QTest::newRow("empty file") << QByteArray() << QStringList() << QString();
    QTest::newRow("empty profile") << QByteArray("[profiles.bare]\n") << QStringList{QStringLiteral("bare")}
                                   << QString();
}

void TestProfileStore::validFiles()
{
    QFETCH(QByteArray, toml);
    QFETCH(QStringList, names);
    QFETCH(QString, defaultName);

    const auto store = ProfileStore::parse(toml, QStringLiteral("good.toml"));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    QCOMPARE(store->names(), names);
    QCOMPARE(store->defaultProfileName(), defaultName);
    QCOMPARE(store->fileName(), QStringLiteral("good.toml"));
    QVERIFY(store->isFromFile());
    for (const QString &name : names) {
        const auto p = store->profile(name);
        QVERIFY(p.has_value());
        QCOMPARE(p->name, name);
        QCOMPARE(p->sourceFile, QStringLiteral("good.toml"));
    }
}

void TestProfileStore::fullExampleValues()
{
    const auto store = ProfileStore::parse(fullExample, QStringLiteral("/etc/opsdeck.toml"));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    const auto p = store->profile(QStringLiteral("prod"));
    QVERIFY(p.has_value());
    QCOMPARE(p->sourceFile, QStringLiteral("/etc/opsdeck.toml"));
    QCOMPARE(p->timeoutMs, 15000);
    QCOMPARE(p->livy.url, url("https://livy.example:8998"));
    QCOMPARE(p->sparkRest.url, url("http://spark-master:6066"));
    QCOMPARE(p->sparkUi.url, url("http://spark-history:18080"));
    QCOMPARE(p->elasticsearch.url, url("https://es.example:9200"));
    QCOMPARE(p->redis.url, url("redis://redis.example:6379/0"));

    QCOMPARE(p->elasticsearch.auth.type, AuthType::ApiKey);
    QCOMPARE(p->elasticsearch.auth.user, QStringLiteral("ops"));
    QCOMPARE(p->elasticsearch.auth.secret.env, QStringLiteral("ES_API_KEY"));
    QVERIFY(p->elasticsearch.auth.secret.keychain.isEmpty());
    QCOMPARE(p->elasticsearch.auth.secret.describe(), QStringLiteral("env:ES_API_KEY"));
    QCOMPARE(p->elasticsearch.tls.caFile, QStringLiteral("/etc/ssl/certs/private-ca.pem"));
    QCOMPARE(p->elasticsearch.tls.insecure, false);

    QCOMPARE(p->redis.auth.type, AuthType::Basic);
    QCOMPARE(p->redis.auth.user, QStringLiteral("default"));
    QCOMPARE(p->redis.auth.secret.describe(), QStringLiteral("env:REDIS_PASSWORD"));

    QCOMPARE(p->livy.auth.type, AuthType::Basic);
    QCOMPARE(p->livy.auth.user, QStringLiteral("livy-ops"));
    QCOMPARE(p->livy.auth.secret.describe(), QStringLiteral("keychain:opsdeck/prod/livy"));
    QVERIFY(p->livy.tls.caFile.isEmpty());
    QCOMPARE(p->livy.tls.insecure, false);

    QCOMPARE(p->sparkUi.tls.insecure, true);
    QVERIFY(!p->sparkRest.auth.isSet());
    QCOMPARE(p->sparkRest.auth.type, AuthType::None);

    QCOMPARE(p->scoring.size(), 2);
    const ScoringEndpointConfig &s1 = p->scoring.at(0);
    QCOMPARE(s1.name, QStringLiteral("score-1"));
    QCOMPARE(s1.url, url("http://score-1:8099/score"));
    QCOMPARE(s1.protocol, QStringLiteral("float32"));
    QCOMPARE(s1.healthUrl, url("http://score-1:8099/health"));
    QCOMPARE(s1.features, 100);
    QCOMPARE(s1.auth.type, AuthType::Bearer);
    QCOMPARE(s1.auth.secret.env, QStringLiteral("SCORE_TOKEN"));
    QCOMPARE(s1.tls.caFile, QStringLiteral("/etc/ssl/score.pem"));
    QCOMPARE(s1.tls.insecure, true);
    const ScoringEndpointConfig &s2 = p->scoring.at(1);
    QCOMPARE(s2.name, QStringLiteral("score-json"));
    QCOMPARE(s2.protocol, QStringLiteral("json"));
    QVERIFY(s2.healthUrl.isEmpty());
    QCOMPARE(s2.features, 0);
    QVERIFY(!s2.auth.isSet());
    QCOMPARE(p->scoringEndpoint(QStringLiteral("score-json")), &p->scoring.at(1));
    QCOMPARE(p->scoringEndpoint(QStringLiteral("nope")), nullptr);
}

void TestProfileStore::builtinLocal()
{
    const Profile p = ProfileStore::builtinLocal();
    QCOMPARE(p.name, QStringLiteral("local"));
    QVERIFY(p.sourceFile.isEmpty());
    QCOMPARE(p.timeoutMs, 10000);
    QCOMPARE(p.livy.url, url("http://127.0.0.1:8998"));
    QCOMPARE(p.sparkRest.url, url("http://127.0.0.1:6066"));
    QCOMPARE(p.sparkUi.url, url("http://127.0.0.1:18080"));
    QCOMPARE(p.elasticsearch.url, url("http://127.0.0.1:9200"));
    QCOMPARE(p.redis.url, url("redis://127.0.0.1:6379/0"));
    for (const ServiceKind kind : allServiceKinds()) {
        QVERIFY(p.service(kind).isConfigured());
        QVERIFY(!p.service(kind).auth.isSet());
    }
    QCOMPARE(p.scoring.size(), 1);
    QCOMPARE(p.scoring.at(0).name, QStringLiteral("local-score"));
    QCOMPARE(p.scoring.at(0).url, url("http://127.0.0.1:8099/score"));
    QCOMPARE(p.scoring.at(0).protocol, QStringLiteral("float32"));
}

void TestProfileStore::serviceHelpers()
{
    const QList<ServiceKind> kinds = allServiceKinds();
    QCOMPARE(kinds.size(), 5);
    QStringList keys, names;
    for (const ServiceKind kind : kinds) {
        keys << serviceKey(kind);
        names << serviceDisplayName(kind);
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("livy"), QStringLiteral("spark_rest"), QStringLiteral("spark_ui"),
                                QStringLiteral("elasticsearch"), QStringLiteral("redis")}));
    QCOMPARE(names, (QStringList{QStringLiteral("Livy"), QStringLiteral("Spark REST"), QStringLiteral("Spark UI"),
                                 QStringLiteral("Elasticsearch"), QStringLiteral("Redis")}));
    Profile p;
    p.service(ServiceKind::SparkUi).url = url("http://x:1");
    QCOMPARE(p.sparkUi.url, url("http://x:1"));
    QVERIFY(!p.sparkRest.isConfigured());
    QVERIFY(!SecretRef{}.isSet());
    QCOMPARE(SecretRef{}.describe(), QString());
    QCOMPARE((SecretRef{{}, QStringLiteral("opsdeck/prod/es")}).describe(), QStringLiteral("keychain:opsdeck/prod/es"));
}

// ---- bad input ----------------------------------------------------------------------------------------------

void TestProfileStore::badInput_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QString>("message");

    const QByteArray head = "[profiles.p]\nlivy = \"http://livy:8998\"\n";   // lines 1-2

    // TOML syntax, reported with toml++'s own description.
    QTest::newRow("syntax: missing value") << QByteArray("default = \"p\"\nlivy =\n")
                                           << QStringLiteral("bad.toml:2: Error while parsing key-value pair: "
                                                             "expected value, saw '\\n'");
    QTest::newRow("syntax: table defined twice")
        << QByteArray(head + "[profiles.p]\n")
        << QStringLiteral("bad.toml:3: Error while parsing table header: cannot redefine existing table 'profiles.p'");

    // Secrets anywhere.
    const QString secrets = QStringLiteral("secrets must not be stored in the file; use secret_env or keychain");
    QTest::newRow("secret: password at the top") << QByteArray("\n\npassword = \"x\"\n") << u"bad.toml:3: " + secrets;
    QTest::newRow("secret: password in auth")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"basic\"\nuser = \"u\"\npassword = \"hunter2\"\n")
        << u"bad.toml:6: " + secrets;
    QTest::newRow("secret: token in a scoring auth inline table")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\n"
                             "auth = { type = \"bearer\", token = \"abc\" }\n")
        << u"bad.toml:6: " + secrets;
    QTest::newRow("secret: api_key in a profile") << QByteArray(head + "api_key = \"k\"\n") << u"bad.toml:3: " + secrets;
    QTest::newRow("secret: apikey inside an unknown table")
        << QByteArray(head + "[profiles.p.extra]\nAPIKEY = \"k\"\n") << u"bad.toml:4: " + secrets;
    QTest::newRow("secret: earliest one wins over unknown keys")
        << QByteArray("zzz = 1\n" + head + "secret = \"s\"\n[profiles.p.auth.redis]\ntoken = \"t\"\n")
        << u"bad.toml:4: " + secrets;
    QTest::newRow("secret: password in the redis URL")
        << QByteArray(head + "redis = \"redis://:hunter2@r:6379/0\"\n") << u"bad.toml:3: " + secrets;
    QTest::newRow("secret: password in an http URL")
        << QByteArray(head + "spark_ui = \"http://admin:hunter2@h:18080\"\n") << u"bad.toml:3: " + secrets;

    // Unknown keys.
    QTest::newRow("unknown key at the top")
        << QByteArray("defaults = \"p\"\n" + head)
        << QStringLiteral("bad.toml:1: unknown key 'defaults' (expected: default, profiles)");
    QTest::newRow("unknown key in a profile")
        << QByteArray(head + "\nlivvy = \"http://x\"\n")
        << QStringLiteral("bad.toml:4: unknown key 'profiles.p.livvy' (expected: livy, spark_rest, spark_ui, "
                          "elasticsearch, redis, timeout_ms, auth, tls, scoring)");
    QTest::newRow("unknown service under auth")
        << QByteArray(head + "[profiles.p.auth.celery]\ntype = \"bearer\"\nsecret_env = \"X\"\n")
        << QStringLiteral("bad.toml:3: unknown key 'profiles.p.auth.celery' (expected: livy, spark_rest, spark_ui, "
                          "elasticsearch, redis)");
    QTest::newRow("unknown key in auth")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"bearer\"\nsecret_env = \"X\"\nrealm = \"r\"\n")
        << QStringLiteral("bad.toml:6: unknown key 'profiles.p.auth.livy.realm' (expected: type, user, secret_env, "
                          "keychain)");
    QTest::newRow("unknown key in tls")
        << QByteArray(head + "[profiles.p.tls.livy]\nverify = false\n")
        << QStringLiteral("bad.toml:4: unknown key 'profiles.p.tls.livy.verify' (expected: ca_file, insecure)");
    QTest::newRow("unknown key in a scoring endpoint")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\n[[profiles.p.scoring]]\n"
                             "name = \"t\"\nurl = \"http://t/x\"\nbatch = 4\n")
        << QStringLiteral("bad.toml:9: unknown key 'profiles.p.scoring[1].batch' (expected: name, url, protocol, "
                          "health_url, features, auth, tls)");

    // Wrong types and ranges.
    QTest::newRow("type: url is a number") << QByteArray(head + "spark_rest = 6066\n")
                                           << QStringLiteral("bad.toml:3: profiles.p.spark_rest must be a string, "
                                                             "not an integer");
    QTest::newRow("type: timeout_ms is a string")
        << QByteArray(head + "timeout_ms = \"10s\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.timeout_ms must be an integer, not a string");
    QTest::newRow("range: timeout_ms zero")
        << QByteArray(head + "timeout_ms = 0\n")
        << QStringLiteral("bad.toml:3: profiles.p.timeout_ms must be between 1 and 86400000, not 0");
    QTest::newRow("type: default is a number") << QByteArray("default = 1\n")
                                               << QStringLiteral("bad.toml:1: default must be a string, not an "
                                                                 "integer");
    QTest::newRow("type: profiles is a string") << QByteArray("profiles = \"p\"\n")
                                                << QStringLiteral("bad.toml:1: profiles must be a table, not a "
                                                                  "string");
    QTest::newRow("type: profile is an array") << QByteArray("[[profiles.p]]\n")
                                               << QStringLiteral("bad.toml:1: profiles.p must be a table, not an "
                                                                 "array");
    QTest::newRow("type: scoring is a table")
        << QByteArray(head + "[profiles.p.scoring]\nname = \"s\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.scoring must be an array of tables ([[profiles.p.scoring]]), not a "
                          "table");
    QTest::newRow("type: insecure is a string")
        << QByteArray(head + "[profiles.p.tls.livy]\ninsecure = \"yes\"\n")
        << QStringLiteral("bad.toml:4: profiles.p.tls.livy.insecure must be a boolean, not a string");
    QTest::newRow("type: features is a float")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nfeatures = 1.5\n")
        << QStringLiteral("bad.toml:6: profiles.p.scoring[0].features must be an integer, not a floating-point "
                          "number");
    QTest::newRow("type: auth is a string") << QByteArray(head + "auth = \"basic\"\n")
                                            << QStringLiteral("bad.toml:3: profiles.p.auth must be a table, not a "
                                                              "string");
    QTest::newRow("empty: ca_file") << QByteArray(head + "[profiles.p.tls.livy]\nca_file = \"\"\n")
                                    << QStringLiteral("bad.toml:4: profiles.p.tls.livy.ca_file must not be empty");
    QTest::newRow("name: profile with a space")
        << QByteArray("[profiles.\"my prod\"]\n")
        << QStringLiteral("bad.toml:1: profile name 'my prod' may only contain letters, digits, '-', '_' and '.'");

    // URLs.
    QTest::newRow("url: ftp for livy") << QByteArray(head + "spark_rest = \"ftp://m:6066\"\n")
                                       << QStringLiteral("bad.toml:3: profiles.p.spark_rest: 'ftp://m:6066': not an "
                                                         "http:// or https:// URL");
    QTest::newRow("url: no host") << QByteArray(head + "elasticsearch = \"http:///x\"\n")
                                  << QStringLiteral("bad.toml:3: profiles.p.elasticsearch: 'http:///x': the URL has no "
                                                    "host");
    QTest::newRow("url: not a URL") << QByteArray(head + "spark_ui = \"http://h:port\"\n")
                                    << QStringLiteral("bad.toml:3: profiles.p.spark_ui: 'http://h:port': not a valid "
                                                      "URL");
    QTest::newRow("url: empty") << QByteArray(head + "spark_ui = \"\"\n")
                                << QStringLiteral("bad.toml:3: profiles.p.spark_ui: '': not a valid URL");
    QTest::newRow("url: user name in an http URL")
        << QByteArray(head + "elasticsearch = \"https://elastic@es:9200\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.elasticsearch: 'https://***@es:9200': the URL must not contain a "
                          "user name; use the auth table's 'user'");
    QTest::newRow("url: http for redis") << QByteArray(head + "redis = \"http://r:6379\"\n")
                                         << QStringLiteral("bad.toml:3: profiles.p.redis: 'http://r:6379': not a "
                                                           "redis:// URL");
    QTest::newRow("url: rediss is refused")
        << QByteArray(head + "redis = \"rediss://r:6380/0\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.redis: 'rediss://r:6380/0': rediss:// (Redis over TLS) is not "
                          "supported: the Redis client speaks plain TCP only; use redis:// on a trusted network or "
                          "through a TLS tunnel");
    QTest::newRow("tls: a table for redis")
        << QByteArray(head + "[profiles.p.tls.redis]\ninsecure = true\n")
        << QStringLiteral("bad.toml:3: profiles.p.tls.redis: Redis connections have no TLS settings (the client "
                          "speaks plain TCP only)");
    QTest::newRow("url: a token in the query is refused and not echoed")
        << QByteArray(head + "elasticsearch = \"https://es:9200/?pretty=1&Api_Key=hunter2\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.elasticsearch: 'https://es:9200/?pretty=***&Api_Key=***': the "
                          "URL must not carry a secret in its query ('Api_Key='); use an auth table with secret_env "
                          "or keychain");
    QTest::newRow("url: a token after ';' in the query is refused too")
        << QByteArray(head + "elasticsearch = \"http://h:9200/?a=1;token=hunter2\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.elasticsearch: 'http://h:9200/?a=***': the URL must not carry a secret in "
                          "its query ('token='); use an auth table with secret_env or keychain");
    QTest::newRow("url: a password in a redis query is not echoed")
        << QByteArray(head + "redis = \"redis://r:6379/0?password=hunter2\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.redis: 'redis://r:6379/0?password=***': the URL must not carry "
                          "a secret in its query ('password='); use an auth table with secret_env or keychain");
    QTest::newRow("url: a secret-like query name is refused ('-' and '_' alike, any case)")
        << QByteArray(head + "elasticsearch = \"https://es:9200/?Access-Token=hunter2\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.elasticsearch: 'https://es:9200/?Access-Token=***': the URL must "
                          "not carry a secret in its query ('Access-Token='); use an auth table with secret_env or "
                          "keychain");
    QTest::newRow("url: private_token in the query is refused")
        << QByteArray(head + "spark_ui = \"http://x:1/?private_token=s3cr3t\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.spark_ui: 'http://x:1/?private_token=***': the URL must not carry a "
                          "secret in its query ('private_token='); use an auth table with secret_env or keychain");
    QTest::newRow("features: over 2^24 is refused")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nfeatures = 16777217\n")
        << QStringLiteral("bad.toml:6: profiles.p.scoring[0].features must be between 1 and 16777216, not 16777217");
    QTest::newRow("features: INT_MAX is refused")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nfeatures = 2147483647\n")
        << QStringLiteral("bad.toml:6: profiles.p.scoring[0].features must be between 1 and 16777216, not 2147483647");
    QTest::newRow("url: user in the redis URL")
        << QByteArray(head + "redis = \"redis://default@r:6379/0\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.redis: 'redis://***@r:6379/0': the URL must not contain a user "
                          "name; use the auth table's 'user'");
    QTest::newRow("url: redis database not a number")
        << QByteArray(head + "redis = \"redis://r:6379/zero\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.redis: 'redis://r:6379/zero': the database 'zero' is not a "
                          "non-negative integer");
    QTest::newRow("url: scoring health_url")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nhealth_url = \"tcp://s:1\"\n")
        << QStringLiteral("bad.toml:6: profiles.p.scoring[0].health_url: 'tcp://s:1': not an http:// or https:// "
                          "URL");

    // Scoring endpoints.
    QTest::newRow("scoring: bad protocol")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nprotocol = \"grpc\"\n")
        << QStringLiteral("bad.toml:6: profiles.p.scoring[0].protocol: unknown protocol 'grpc' (expected float32 or "
                          "json)");
    QTest::newRow("scoring: duplicate name")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\n[[profiles.p.scoring]]\n"
                             "url = \"http://t/x\"\nname = \"s\"\n")
        << QStringLiteral("bad.toml:8: profiles.p.scoring[1].name: duplicate scoring endpoint name 's' (first on "
                          "line 4)");
    QTest::newRow("scoring: missing url")
        << QByteArray(head + "\n[[profiles.p.scoring]]\nname = \"s\"\n")
        << QStringLiteral("bad.toml:4: profiles.p.scoring[0]: missing 'url'");
    QTest::newRow("scoring: missing name")
        << QByteArray(head + "[[profiles.p.scoring]]\nurl = \"http://s/x\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.scoring[0]: missing 'name'");

    // Auth.
    QTest::newRow("auth: unknown type")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"digest\"\nsecret_env = \"X\"\n")
        << QStringLiteral("bad.toml:4: profiles.p.auth.livy.type: unknown auth type 'digest' (expected basic, "
                          "bearer or apikey)");
    QTest::newRow("auth: missing type")
        << QByteArray(head + "[profiles.p.auth.elasticsearch]\nsecret_env = \"X\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.auth.elasticsearch: missing 'type' (basic, bearer or apikey)");
    QTest::newRow("auth: bearer for redis")
        << QByteArray(head + "[profiles.p.auth.redis]\ntype = \"bearer\"\nsecret_env = \"X\"\n")
        << QStringLiteral("bad.toml:4: profiles.p.auth.redis.type: Redis authentication is a password with an "
                          "optional user; use type \"basic\" or leave it out");
    QTest::newRow("auth: basic without user")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"basic\"\nsecret_env = \"X\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.auth.livy: auth type basic needs 'user'");
    const QString exactlyOne = QStringLiteral("give exactly one of secret_env or keychain (the secret itself is "
                                              "never stored in the file)");
    QTest::newRow("auth: both secret_env and keychain")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"bearer\"\nsecret_env = \"X\"\nkeychain = \"k\"\n")
        << u"bad.toml:3: profiles.p.auth.livy: " + exactlyOne;
    QTest::newRow("auth: neither secret_env nor keychain")
        << QByteArray(head + "[profiles.p.auth.redis]\nuser = \"u\"\n") << u"bad.toml:3: profiles.p.auth.redis: "
                                                                             + exactlyOne;
    QTest::newRow("auth: scoring inline auth without secret")
        << QByteArray(head + "[[profiles.p.scoring]]\nname = \"s\"\nurl = \"http://s/x\"\nauth = { type = \"bearer\" }\n")
        << u"bad.toml:6: profiles.p.scoring[0].auth: " + exactlyOne;
    QTest::newRow("auth: secret_env not a variable name")
        << QByteArray(head + "[profiles.p.auth.livy]\ntype = \"bearer\"\nsecret_env = \"9lives\"\n")
        << QStringLiteral("bad.toml:5: profiles.p.auth.livy.secret_env must name an environment variable (letters, "
                          "digits and '_', not starting with a digit)");

    // Profile names.
    QTest::newRow("default names no profile")
        << QByteArray("\ndefault = \"prd\"\n" + multiple.mid(multiple.indexOf('\n') + 1))
        << QStringLiteral("bad.toml:2: unknown profile 'prd' (known: prod, staging, dev)");
    QTest::newRow("default without any profile") << QByteArray("default = \"x\"\n")
                                                 << QStringLiteral("bad.toml:1: unknown profile 'x' (known: local)");
}

void TestProfileStore::harmlessQueryNamesAreAccepted()
{
    // Secret words count as whole parts of a name (x-api-key, sig) or anywhere (access_token, passwd); names
    // that merely contain "key", "sig", "pass" or "auth" are settings.
    const auto store = ProfileStore::parse(
        "[profiles.p]\nelasticsearch = \"http://es:9200/?keyword=a&keyspace=b&design=c&signal=d&author=e&passive=f"
        "&bypass=g\"\n",
        fileName);
    QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
    for (const char *secret : {"X-Api-Key", "sig", "access_token", "client-secret", "passwd", "apikey", "Auth"})
        QVERIFY2(isSecretName(QString::fromLatin1(secret)), secret);
    for (const char *setting : {"keyword", "design", "signal", "author", "passive", "bypass", "monkey"})
        QVERIFY2(!isSecretName(QString::fromLatin1(setting)), setting);
}

void TestProfileStore::badInput()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, message);

    const auto store = ProfileStore::parse(toml, fileName);
    QVERIFY(!store.has_value());
    QCOMPARE(store.error().message, message);
    QCOMPARE(store.error().kind, ErrorKind::Usage);
    QCOMPARE(store.error().exitCode(), 2);
    QVERIFY(store.error().detail.isEmpty());

    // The same through a file on disk: FILE is the path as given.
    const QString path = m_dir->filePath(QStringLiteral("bad.toml"));
    writeFile(path, toml);
    const auto loaded = ProfileStore::loadFile(path);
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().message, path + message.mid(fileName.size()));
}

void TestProfileStore::errorsNeverEchoSecrets_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QString>("expectedStart");

    QTest::newRow("secret pasted into secret_env")
        << QByteArray("[profiles.p.auth.livy]\ntype = \"bearer\"\nsecret_env = \"hunter2!SEKRIT\"\n")
        << QStringLiteral("bad.toml:3: profiles.p.auth.livy.secret_env must name");
    QTest::newRow("password in a URL with a bad port")
        << QByteArray("[profiles.p]\nlivy = \"http://u:hunter2SEKRIT@h:x/\"\n")
        << QStringLiteral("bad.toml:2: ");
    // A password may hold '/', '?' or '#': the user info reaches up to the last '@', not the first of those.
    QTest::newRow("password with '/' in an http URL")
        << QByteArray("[profiles.p]\nlivy = \"http://bob:SEKRIT/et@host:8998\"\n") << QStringLiteral("bad.toml:2: ");
    QTest::newRow("password with '?' in an http URL")
        << QByteArray("[profiles.p]\nlivy = \"http://bob:SEKRIT?et@host:8998\"\n") << QStringLiteral("bad.toml:2: ");
    QTest::newRow("password with '#' in an http URL")
        << QByteArray("[profiles.p]\nlivy = \"http://bob:SEKRIT#et@host:8998\"\n") << QStringLiteral("bad.toml:2: ");
    QTest::newRow("password with '/' in a redis URL")
        << QByteArray("[profiles.p]\nredis = \"redis://:SEKRIT/et@host:6379\"\n") << QStringLiteral("bad.toml:2: ");
    QTest::newRow("password with '?' and '=' in an http URL")
        << QByteArray("[profiles.p]\nlivy = \"http://bob:SEKRIT?a=b@host:8998\"\n") << QStringLiteral("bad.toml:2: ");
    QTest::newRow("user:password in an ftp URL")
        << QByteArray("[profiles.p]\nlivy = \"ftp://SEKRIT:hunter2SEKRIT@h/\"\n") << QStringLiteral("bad.toml:2: ");
}

void TestProfileStore::errorsNeverEchoSecrets()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, expectedStart);
    const auto store = ProfileStore::parse(toml, fileName);
    QVERIFY(!store.has_value());
    QVERIFY2(store.error().message.startsWith(expectedStart), qPrintable(store.error().message));
    QVERIFY2(!store.error().toString().contains(u"SEKRIT"), qPrintable(store.error().message));
    QVERIFY2(!store.error().toString().contains(u"hunter2"), qPrintable(store.error().message));
}

void TestProfileStore::caFilesAreChecked()
{
    const QString good = m_dir->filePath(QStringLiteral("ca.pem"));
    const QString notPem = m_dir->filePath(QStringLiteral("ca.txt"));
    const QString missing = m_dir->filePath(QStringLiteral("missing.pem"));
    for (const auto &[path, text] : {std::pair{good, QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n"
                                                                "-----END CERTIFICATE-----\n")},
                                     std::pair{notPem, QByteArray("not a certificate\n")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    auto withCa = [](const QString &livyCa, const QString &scoringCa) -> QByteArray {
        return QByteArray("[profiles.p]\nlivy = \"https://livy:8998\"\n[profiles.p.tls.livy]\nca_file = \"")
               + livyCa.toUtf8() + "\"\n[[profiles.p.scoring]]\nname = \"s\"\nurl = \"https://s/score\"\n"
               + "tls = { ca_file = \"" + scoringCa.toUtf8() + "\" }\n";
    };

    // Parsing never looks at the files: one missing CA file does not make the other profiles unusable.
    const auto fine = ProfileStore::parse(withCa(good, good), QStringLiteral("p.toml"));
    QVERIFY(fine.has_value());
    QVERIFY(fine->checkFiles().has_value());

    const auto absent = ProfileStore::parse(withCa(good, missing), QStringLiteral("p.toml"));
    QVERIFY(absent.has_value());
    const auto absentCheck = absent->checkFiles();
    QVERIFY(!absentCheck.has_value());
    QCOMPARE(absentCheck.error().kind, ErrorKind::Usage);
    QCOMPARE(absentCheck.error().message, QStringLiteral("p.toml:8: profiles.p.scoring[0].tls.ca_file: cannot read '")
                                              + missing + QStringLiteral("': No such file or directory"));

    const auto wrong = ProfileStore::parse(withCa(notPem, good), QStringLiteral("p.toml"));
    QVERIFY(wrong.has_value());
    QCOMPARE(wrong->checkFiles().error().message,
             QStringLiteral("p.toml:4: profiles.p.tls.livy.ca_file: '") + notPem
                 + QStringLiteral("' holds no PEM certificate"));

    const auto folder = ProfileStore::parse(withCa(m_dir->path(), good), QStringLiteral("p.toml"));
    QCOMPARE(folder->checkFiles().error().message,
             QStringLiteral("p.toml:4: profiles.p.tls.livy.ca_file: '") + m_dir->path()
                 + QStringLiteral("' is a folder, not a file"));
}

void TestProfileStore::relativeCaFilesAreRelativeToTheProfilesFile()
{
    // As kubeconfig and ssh do: a profiles file and its CA bundle move together, and a cron job's working folder
    // does not decide which file is trusted.
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("conf/certs")));
    const QString profilesFile = m_dir->filePath(QStringLiteral("conf/profiles.toml"));
    const QString ca = m_dir->filePath(QStringLiteral("conf/certs/ca.pem"));
    {
        QFile f(ca);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    }
    QCOMPARE(pathFromProfilesFile(QStringLiteral("certs/ca.pem"), profilesFile), ca);
    QCOMPARE(pathFromProfilesFile(QStringLiteral("./certs/../certs/ca.pem"), profilesFile), ca);
    QCOMPARE(pathFromProfilesFile(QStringLiteral("/etc/ca.pem"), profilesFile), QStringLiteral("/etc/ca.pem"));
    QCOMPARE(pathFromProfilesFile(QStringLiteral("ca.pem"), QString()), QStringLiteral("ca.pem")); // built in code
    QCOMPARE(pathFromProfilesFile(QString(), profilesFile), QString());

    const QByteArray toml = "[profiles.p]\nlivy = \"https://livy:8998\"\n[profiles.p.tls.livy]\n"
                            "ca_file = \"certs/ca.pem\"\n";
    const auto store = ProfileStore::parse(toml, profilesFile);
    QVERIFY(store.has_value());
    // The working folder of this test is elsewhere: only the profiles file's folder finds it.
    QVERIFY(!QFileInfo::exists(QStringLiteral("certs/ca.pem")));
    const auto checked = store->checkFiles();
    QVERIFY2(checked.has_value(), checked ? "" : qPrintable(checked.error().message));
    // Kept as written (the profile editor writes it back unchanged), resolved where it is used.
    const Profile p = *store->profile(QStringLiteral("p"));
    QCOMPARE(p.livy.tls.caFile, QStringLiteral("certs/ca.pem"));
    QCOMPARE(p.livy.tls.caPath(p.sourceFile), ca);
    QVERIFY(QString::fromUtf8(store->toToml()).contains(u"ca_file = \"certs/ca.pem\""));

    const auto missing = ProfileStore::parse(QByteArray(toml).replace("certs/ca.pem", "certs/gone.pem"), profilesFile);
    QCOMPARE(missing->checkFiles().error().message,
             profilesFile + QStringLiteral(":4: profiles.p.tls.livy.ca_file: cannot read '")
                 + m_dir->filePath(QStringLiteral("conf/certs/gone.pem"))
                 + QStringLiteral("': No such file or directory"));
}

void TestProfileStore::unreadableFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("nope/profiles.toml"));
    auto store = ProfileStore::loadFile(missing);
    QVERIFY(!store.has_value());
    QCOMPARE(store.error().kind, ErrorKind::Usage);
    QCOMPARE(store.error().message, missing + QStringLiteral(": cannot read: No such file or directory"));

    // --config naming a missing file is an error, not a silent fall-back to the built-in profile.
    auto selected = ProfileStore::select(missing, {});
    QVERIFY(!selected.has_value());
    QCOMPARE(selected.error().message, store.error().message);

    auto folder = ProfileStore::loadFile(m_dir->path());
    QVERIFY(!folder.has_value());
    QCOMPARE(folder.error().message, m_dir->path() + QStringLiteral(": cannot read: it is a folder"));

    // A device that never ends is read up to a bound, not until memory runs out.
    if (QFileInfo::exists(QStringLiteral("/dev/zero"))) {
        auto endless = ProfileStore::loadFile(QStringLiteral("/dev/zero"));
        QVERIFY(!endless.has_value());
        QCOMPARE(endless.error().message,
                 QStringLiteral("/dev/zero: cannot read: larger than 16 MiB, not a profiles file"));
    }
}

// ---- round trip ---------------------------------------------------------------------------------------------

void TestProfileStore::roundTrip_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::newRow("full example") << fullExample;
    QTest::newRow("minimal") << minimal;
    QTest::newRow("multiple profiles with default") << multiple;
    QTest::newRow("file order") << fileOrder;
    QTest::newRow("inline and dotted tables") << dottedAndInline;
    QTest::newRow("empty") << QByteArray();
}

void TestProfileStore::roundTrip()
{
    QFETCH(QByteArray, toml);
    const auto first = ProfileStore::parse(toml, QStringLiteral("a.toml"));
    QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
    const QByteArray written = first->toToml();
    const auto second = ProfileStore::parse(written, QStringLiteral("a.toml"));
    QVERIFY2(second.has_value(), second ? "" : qPrintable(second.error().message + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(second->names(), first->names());
    QCOMPARE(second->defaultProfileName(), first->defaultProfileName());
    QCOMPARE(second->profiles().size(), first->profiles().size());
    for (qsizetype i = 0; i < first->profiles().size(); ++i)
        QVERIFY2(second->profiles().at(i) == first->profiles().at(i), qPrintable(first->profiles().at(i).name));
    // Writing is deterministic.
    QCOMPARE(second->toToml(), written);
}

void TestProfileStore::roundTripProgrammatic()
{
    ProfileStore store;
    Profile local = ProfileStore::builtinLocal();
    local.sourceFile = QStringLiteral("x.toml");
    store.upsert(local);
    Profile awkward = awkwardProfile();
    awkward.sourceFile = QStringLiteral("x.toml");
    store.upsert(awkward);
    store.setDefaultProfileName(awkward.name);

    const QByteArray written = store.toToml();
    QVERIFY2(!written.contains("hunter2"), written.constData());
    const auto back = ProfileStore::parse(written, QStringLiteral("x.toml"));
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(back->names(), (QStringList{QStringLiteral("local"), awkward.name}));
    QCOMPARE(back->defaultProfileName(), awkward.name);
    QVERIFY(back->profile(QStringLiteral("local")).value() == local);
    const Profile reread = back->profile(awkward.name).value();
    QCOMPARE(reread.livy.auth.user, awkward.livy.auth.user);
    QCOMPARE(reread.elasticsearch.auth.secret.keychain, awkward.elasticsearch.auth.secret.keychain);
    QCOMPARE(reread.elasticsearch.url, awkward.elasticsearch.url);
    QCOMPARE(reread.livy.url, awkward.livy.url);
    QCOMPARE(reread.scoring.at(0).name, awkward.scoring.at(0).name);
    QVERIFY(reread == awkward);
}

void TestProfileStore::editing()
{
    auto parsed = ProfileStore::parse(multiple, QStringLiteral("m.toml"));
    QVERIFY(parsed.has_value());
    ProfileStore store = *parsed;

    Profile staging = store.profile(QStringLiteral("staging")).value();
    staging.timeoutMs = 2500;
    store.upsert(staging);
    QCOMPARE(store.names(), (QStringList{QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("dev")}));
    QCOMPARE(store.profile(QStringLiteral("staging"))->timeoutMs, 2500);

    Profile extra;
    extra.name = QStringLiteral("extra");
    store.upsert(extra);
    QCOMPARE(store.names().last(), QStringLiteral("extra"));

    QVERIFY(store.remove(QStringLiteral("staging")));
    QVERIFY(!store.remove(QStringLiteral("staging")));
    QCOMPARE(store.defaultProfileName(), QString());   // it named the removed profile
    QCOMPARE(store.names(), (QStringList{QStringLiteral("prod"), QStringLiteral("dev"), QStringLiteral("extra")}));

    const auto unknown = store.profile(QStringLiteral("staging"));
    QVERIFY(!unknown.has_value());
    QCOMPARE(unknown.error().message,
             QStringLiteral("m.toml:2: unknown profile 'staging' (known: prod, dev, extra)"));

    ProfileStore empty;
    const auto none = empty.profile(QStringLiteral("x"));
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().message, QStringLiteral("unknown profile 'x' (known: local)"));
    QVERIFY(empty.profile(QStringLiteral("local")).value() == ProfileStore::builtinLocal());
}

// ---- select() -----------------------------------------------------------------------------------------------

void TestProfileStore::select_data()
{
    QTest::addColumn<QByteArray>("toml");          // empty with fileAt "none": no file at all
    QTest::addColumn<QString>("fileAt");           // "default" (XDG path), "config" (--config), "none"
    QTest::addColumn<QString>("profileArg");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QString>("expected");         // profile name, or "error:<message>" (FILE → ${FILE})

    QTest::newRow("--profile wins over everything")
        << multiple << QStringLiteral("config") << QStringLiteral("dev") << QStringLiteral("prod")
        << QStringLiteral("dev");
    QTest::newRow("OPSDECK_PROFILE wins over the default key")
        << multiple << QStringLiteral("config") << QString() << QStringLiteral("prod") << QStringLiteral("prod");
    QTest::newRow("default key") << multiple << QStringLiteral("config") << QString() << QString()
                                 << QStringLiteral("staging");
    QTest::newRow("first in file order without default")
        << fileOrder << QStringLiteral("config") << QString() << QString() << QStringLiteral("zulu");
    QTest::newRow("default path is read when it exists")
        << fileOrder << QStringLiteral("default") << QString() << QString() << QStringLiteral("zulu");
    QTest::newRow("built-in when there is no file") << QByteArray() << QStringLiteral("none") << QString()
                                                    << QString() << QStringLiteral("local");
    QTest::newRow("built-in by name when there is no file")
        << QByteArray() << QStringLiteral("none") << QStringLiteral("local") << QString() << QStringLiteral("local");
    QTest::newRow("built-in when the file has no profiles")
        << QByteArray("# nothing yet\n") << QStringLiteral("config") << QString() << QString()
        << QStringLiteral("local");
    QTest::newRow("unknown --profile")
        << multiple << QStringLiteral("config") << QStringLiteral("qa") << QString()
        << QStringLiteral("error:${FILE}:2: unknown profile 'qa' (known: prod, staging, dev)");
    QTest::newRow("unknown OPSDECK_PROFILE")
        << fileOrder << QStringLiteral("default") << QString() << QStringLiteral("qa")
        << QStringLiteral("error:${FILE}:1: unknown profile 'qa' (known: zulu, alpha, mid)");
    QTest::newRow("unknown profile without a file")
        << QByteArray() << QStringLiteral("none") << QStringLiteral("qa") << QString()
        << QStringLiteral("error:${FILE}: unknown profile 'qa' (the file does not exist; the only profile is the "
                          "built-in 'local')");
    QTest::newRow("local is not built-in when the file has profiles")
        << minimal << QStringLiteral("config") << QStringLiteral("local") << QString()
        << QStringLiteral("error:${FILE}:1: unknown profile 'local' (known: only)");
    QTest::newRow("parse error of the default file")
        << QByteArray("[profiles.p]\nlivy = 1\n") << QStringLiteral("default") << QString() << QString()
        << QStringLiteral("error:${FILE}:2: profiles.p.livy must be a string, not an integer");
}

void TestProfileStore::select()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, fileAt);
    QFETCH(QString, profileArg);
    QFETCH(QString, env);
    QFETCH(QString, expected);

    const QString defaultPath = m_dir->filePath(QStringLiteral("xdg/opsdeck/profiles.toml"));
    QCOMPARE(ProfileStore::defaultConfigPath(), defaultPath);
    QString configArg;
    QString file = defaultPath;
    if (fileAt == u"config") {
        file = m_dir->filePath(QStringLiteral("given.toml"));
        configArg = file;
        writeFile(file, toml);
    } else if (fileAt == u"default") {
        writeFile(defaultPath, toml);
    }
    if (!env.isEmpty())
        qputenv("OPSDECK_PROFILE", env.toUtf8());

    const auto profile = ProfileStore::select(configArg, profileArg);
    if (expected.startsWith(u"error:")) {
        QVERIFY(!profile.has_value());
        QCOMPARE(profile.error().kind, ErrorKind::Usage);
        QCOMPARE(profile.error().message, expected.mid(6).replace(QStringLiteral("${FILE}"), file));
        return;
    }
    QVERIFY2(profile.has_value(), profile ? "" : qPrintable(profile.error().message));
    QCOMPARE(profile->name, expected);
    if (fileAt == u"none" || toml.trimmed().startsWith('#'))
        QVERIFY(*profile == ProfileStore::builtinLocal());
    else
        QCOMPARE(profile->sourceFile, file);

    const auto store = ProfileStore::open(configArg);
    QVERIFY(store.has_value());
    QCOMPARE(store->fileName(), file);
    QCOMPARE(store->isFromFile(), fileAt != u"none");
}

void TestProfileStore::defaultConfigPathHonoursXdg()
{
    const QString elsewhere = m_dir->filePath(QStringLiteral("elsewhere"));
    qputenv("XDG_CONFIG_HOME", elsewhere.toLocal8Bit());
    QCOMPARE(ProfileStore::defaultConfigPath(), elsewhere + QStringLiteral("/opsdeck/profiles.toml"));
}

// ---- saving -------------------------------------------------------------------------------------------------

void TestProfileStore::saveFile()
{
    const QString path = m_dir->filePath(QStringLiteral("new/folder/profiles.toml"));
    auto parsed = ProfileStore::parse(fullExample, path);
    QVERIFY(parsed.has_value());
    ProfileStore store = *parsed;

    // Creates the folder, mode 0600.
    const auto saved = store.saveFile(path);
    QVERIFY2(saved.has_value(), saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(QFile::permissions(path),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    auto reread = ProfileStore::loadFile(path);
    QVERIFY(reread.has_value());
    QVERIFY(reread->profile(QStringLiteral("prod")).value() == store.profile(QStringLiteral("prod")).value());
    QCOMPARE(reread->defaultProfileName(), QStringLiteral("prod"));

    // Atomic replacement: a reader holding the old file keeps seeing the complete old content (a rename, not an
    // in-place rewrite), the new name holds the complete new content, and no temporary file is left behind. An
    // existing looser mode is not carried over.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                            | QFileDevice::ReadGroup));
    const QByteArray before = readFile(path);
    QFile oldReader(path);
    QVERIFY(oldReader.open(QIODevice::ReadOnly));
    Profile extra;
    extra.name = QStringLiteral("extra");
    extra.redis.url = url("redis://r:1/2");
    store.upsert(extra);
    QVERIFY(store.saveFile(path).has_value());
    QCOMPARE(oldReader.readAll(), before);
    QCOMPARE(readFile(path), store.toToml());
    QCOMPARE(QFile::permissions(path),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("profiles.toml")});
    QCOMPARE(ProfileStore::loadFile(path)->names(), (QStringList{QStringLiteral("prod"), QStringLiteral("extra")}));

    // The built-in-only store can be saved where select() will find it.
    const auto builtin = ProfileStore::open({});
    QVERIFY(builtin.has_value());
    QVERIFY(!builtin->isFromFile());
    QVERIFY(builtin->saveFile(builtin->fileName()).has_value());
    QCOMPARE(ProfileStore::select({}, {})->sourceFile, ProfileStore::defaultConfigPath());
}

void TestProfileStore::saveFileRefusesInvalid_data()
{
    QTest::addColumn<int>("defect");
    QTest::addColumn<QString>("message");   // ${FILE} = the target path
    QTest::newRow("default names no profile")
        << 0 << QStringLiteral("${FILE}:3: unknown profile 'nope' (known: prod)");
    QTest::newRow("bad protocol") << 1
                                  << QStringLiteral("${FILE}:11: profiles.prod.scoring[0].protocol: unknown protocol "
                                                    "'xml' (expected float32 or json)");
    QTest::newRow("auth without a secret")
        << 2
        << QStringLiteral("${FILE}:8: profiles.prod.auth.livy: give exactly one of secret_env or keychain (the "
                          "secret itself is never stored in the file)");
    QTest::newRow("auth settings without a type")
        << 3 << QStringLiteral("${FILE}: profile 'prod' cannot be written as it is (an auth setting without a type?)");
    QTest::newRow("invalid profile name")
        << 4
        << QStringLiteral("${FILE}:4: profile name 'has space' may only contain letters, digits, '-', '_' and '.'");
}

void TestProfileStore::saveFileRefusesInvalid()
{
    QFETCH(int, defect);
    QFETCH(QString, message);

    const QString path = m_dir->filePath(QStringLiteral("keep.toml"));
    const QByteArray original = "# the old file\n[profiles.old]\n";
    writeFile(path, original);

    ProfileStore store;
    Profile p;
    p.name = QStringLiteral("prod");
    p.livy.url = url("http://l:1");
    ScoringEndpointConfig e;
    e.name = QStringLiteral("s");
    e.url = url("http://s/score");
    p.scoring << e;
    switch (defect) {
    case 0:
        store.setDefaultProfileName(QStringLiteral("nope"));
        break;
    case 1:
        p.scoring[0].protocol = QStringLiteral("xml");
        break;
    case 2:
        p.livy.auth.type = AuthType::Bearer;
        break;
    case 3:
        p.livy.auth.secret.env = QStringLiteral("LIVY_TOKEN");
        break;
    case 4: {
        Profile bad;
        bad.name = QStringLiteral("has space");
        store.upsert(bad);
        break;
    }
    }
    store.upsert(p);
    const auto saved = store.saveFile(path);
    QVERIFY(!saved.has_value());
    QCOMPARE(saved.error().kind, ErrorKind::Usage);
    QCOMPARE(saved.error().message, QString(message).replace(QStringLiteral("${FILE}"), path));
    QCOMPARE(readFile(path), original);
}

// ---- secrets ------------------------------------------------------------------------------------------------

void TestProfileStore::resolveSecretFromEnv()
{
    const QByteArray value = "s3cr3t-v\xc3\xa4lue";
    qputenv("OPSDECK_TEST_SECRET", value);
    auto resolved = resolveSecret(SecretRef{QStringLiteral("OPSDECK_TEST_SECRET"), {}});
    QVERIFY(resolved.has_value());
    QCOMPARE(*resolved, value);

    qputenv("OPSDECK_TEST_SECRET", QByteArray());
    auto empty = resolveSecret(SecretRef{QStringLiteral("OPSDECK_TEST_SECRET"), {}});
    QVERIFY(!empty.has_value());
    QCOMPARE(empty.error().kind, ErrorKind::Usage);
    QCOMPARE(empty.error().exitCode(), 2);
    QCOMPARE(empty.error().message, QStringLiteral("secret env:OPSDECK_TEST_SECRET is not set"));

    qunsetenv("OPSDECK_TEST_SECRET");
    auto unset = resolveSecret(SecretRef{QStringLiteral("OPSDECK_TEST_SECRET"), {}});
    QVERIFY(!unset.has_value());
    QCOMPARE(unset.error().kind, ErrorKind::Usage);
    QCOMPARE(unset.error().message, QStringLiteral("secret env:OPSDECK_TEST_SECRET is not set"));
    QVERIFY(!unset.error().toString().contains(QString::fromUtf8(value)));

    auto none = resolveSecret(SecretRef{});
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().kind, ErrorKind::Usage);
}

void TestProfileStore::keychainWithoutService()
{
    // No session bus can answer at this address, so no keychain service is reachable; both calls must come back
    // with an error (bounded wait), never hang, and never mention the secret.
    const QString noBus = m_dir->filePath(QStringLiteral("no-bus"));
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=") + noBus.toLocal8Bit());
    qunsetenv("XDG_CURRENT_DESKTOP");

    const auto stored = storeSecretInKeychain(QStringLiteral("opsdeck/test/never"), "SEKRIT-never-stored");
    QVERIFY(!stored.has_value());
    QCOMPARE(stored.error().kind, ErrorKind::Failed);
    QVERIFY2(stored.error().message.startsWith(QStringLiteral("keychain:opsdeck/test/never: cannot store the secret: ")),
             qPrintable(stored.error().message));
    QVERIFY(!stored.error().toString().contains(u"SEKRIT"));

    const auto read = resolveSecret(SecretRef{{}, QStringLiteral("opsdeck/test/never")});
    QVERIFY(!read.has_value());
    QCOMPARE(read.error().kind, ErrorKind::Usage);
    QVERIFY2(read.error().message.startsWith(QStringLiteral("secret keychain:opsdeck/test/never: ")),
             qPrintable(read.error().message));

    const auto emptyKey = storeSecretInKeychain({}, "x");
    QVERIFY(!emptyKey.has_value());
}

// ---- Redis URLs ---------------------------------------------------------------------------------------------

void TestProfileStore::parseRedisUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults") << QStringLiteral("redis://r") << QStringLiteral("r") << 6379 << 0 << QString();
    QTest::newRow("port and db") << QStringLiteral("redis://redis.example:6380/5") << QStringLiteral("redis.example")
                                 << 6380 << 5 << QString();
    QTest::newRow("rediss is refused") << QStringLiteral("rediss://r:6390/0") << QString() << 0 << 0
                                       << QStringLiteral("rediss://r:6390/0: rediss:// (Redis over TLS) is not "
                                                         "supported: the Redis client speaks plain TCP only; use "
                                                         "redis:// on a trusted network or through a TLS tunnel");
    QTest::newRow("trailing slash") << QStringLiteral("redis://r/") << QStringLiteral("r") << 6379 << 0
                                    << QString();
    QTest::newRow("IPv6") << QStringLiteral("redis://[::1]:7000/1") << QStringLiteral("::1") << 7000 << 1
                          << QString();
    QTest::newRow("wrong scheme") << QStringLiteral("http://r:6379") << QString() << 0 << 0
                                  << QStringLiteral("http://r:6379: not a redis:// URL");
    QTest::newRow("no host") << QStringLiteral("redis:///0") << QString() << 0 << 0
                             << QStringLiteral("redis:///0: the URL has no host");
    QTest::newRow("db not a number") << QStringLiteral("redis://r/abc") << QString() << 0 << 0
                                     << QStringLiteral("redis://r/abc: the database 'abc' is not a non-negative "
                                                       "integer");
    QTest::newRow("negative db") << QStringLiteral("redis://r/-1") << QString() << 0 << 0
                                 << QStringLiteral("redis://r/-1: the database '-1' is not a non-negative integer");
    QTest::newRow("two path segments") << QStringLiteral("redis://r/1/2") << QString() << 0 << 0
                                       << QStringLiteral("redis://r/1/2: the database '1/2' is not a non-negative "
                                                         "integer");
    QTest::newRow("password is refused and not echoed")
        << QStringLiteral("redis://:hunter2@r:6379/0") << QString() << 0 << 0
        << QStringLiteral("redis://r:6379/0: the URL must not contain a password; use secret_env or keychain");
    QTest::newRow("query") << QStringLiteral("redis://r/0?timeout=1") << QString() << 0 << 0
                           << QStringLiteral("redis://r/0?timeout=***: the URL must not have a query ('?…')");
}

void TestProfileStore::parseRedisUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, db);
    QFETCH(QString, error);

    const auto address = Core::parseRedisUrl(QUrl(input));
    if (!error.isEmpty()) {
        QVERIFY(!address.has_value());
        QCOMPARE(address.error().kind, ErrorKind::Usage);
        QCOMPARE(address.error().message, error);
        return;
    }
    QVERIFY2(address.has_value(), address ? "" : qPrintable(address.error().message));
    QCOMPARE(address->host, host);
    QCOMPARE(int(address->port), port);
    QCOMPARE(address->db, db);
}

void TestProfileStore::displayUrlMasks_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("query values") << QUrl(QStringLiteral("http://x:1/?access-token=hunter2&private_token=s3cr3t"))
                                  << QStringLiteral("http://x:1/?access-token=***&private_token=***");
    QTest::newRow("any query value") << QUrl(QStringLiteral("http://x:1/a/b?q=hunter2&flag&empty="))
                                     << QStringLiteral("http://x:1/a/b?q=***&flag&empty=");
    QTest::newRow("user info") << QUrl(QStringLiteral("https://bob:hunter2@h:9200/p"))
                               << QStringLiteral("https://h:9200/p");
    QTest::newRow("fragment values") << QUrl(QStringLiteral("http://h/#access_token=hunter2"))
                                     << QStringLiteral("http://h/#access_token=***");
    QTest::newRow("plain") << QUrl(QStringLiteral("http://h:8998/livy")) << QStringLiteral("http://h:8998/livy");
    QTest::newRow("empty") << QUrl() << QString();
}

void TestProfileStore::displayUrlMasks()
{
    QFETCH(QUrl, url);
    QFETCH(QString, shown);
    QCOMPARE(Core::displayUrl(url), shown);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
