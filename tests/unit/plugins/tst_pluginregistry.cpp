// PluginRegistry: metadata read before loading, failed plugins listed with their reason, lazy loading,
// duplicates, search path. Runs against the plugins of this build and the deliberately broken ones in
// tests/plugins/broken.
#include "scoring/pluginregistry.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <optional>

using Opsdeck::ErrorKind;
using Opsdeck::Core::PluginInfo;
using Opsdeck::Core::PluginRegistry;

namespace {

const QString pluginDir = QStringLiteral(OPSDECK_TEST_PLUGIN_DIR);
const QString brokenDir = QStringLiteral(OPSDECK_TEST_BROKEN_PLUGIN_DIR);
const QString shadowDir = QStringLiteral(OPSDECK_TEST_SHADOW_PLUGIN_DIR);

QString libraryPath(const QString &dir, const QString &stem)
{
    return QDir(dir).absoluteFilePath(QStringLiteral("lib%1.so").arg(stem));
}

/// A copy: plugins() returns a new list each time.
std::optional<PluginInfo> byFile(const QList<PluginInfo> &plugins, const QString &file)
{
    for (const auto &info : plugins) {
        if (info.file == file)
            return info;
    }
    return std::nullopt;
}

} // namespace

Q_DECLARE_METATYPE(PluginInfo::State)

class TestPluginRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultSearchPaths();
    void builtInPlugins_data();
    void builtInPlugins();
    void loadedBackendWorks();
    void brokenPlugins_data();
    void brokenPlugins();
    void loadAllReportsLoadFailures();
    void duplicateId();
    void brokenCopyDoesNotHideGoodOne();
    void unknownId();
    void garbageFiles();
    void rescanKeepsLoadedBackends();
    void missingFolder();
};

void TestPluginRegistry::initTestCase()
{
    QVERIFY2(QFileInfo(pluginDir).isDir(), qPrintable(pluginDir));
    QVERIFY2(QFileInfo(brokenDir).isDir(), qPrintable(brokenDir));
}

void TestPluginRegistry::defaultSearchPaths()
{
    qputenv("OPSDECK_PLUGIN_PATH", "/opt/a::/opt/b/:");
    const QStringList paths = PluginRegistry::defaultSearchPaths();
    qunsetenv("OPSDECK_PLUGIN_PATH");
    // The install folder is relative to the executable; from a build tree it may be the build's plugin folder
    // itself, which is then listed once.
    const QString installed =
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../") +
                        QStringLiteral(OPSDECK_TEST_PLUGIN_INSTALL_DIR));
    QStringList expected{QStringLiteral("/opt/a"), QStringLiteral("/opt/b"), QDir::cleanPath(pluginDir),
                         installed};
    expected.removeDuplicates();
    QCOMPARE(paths, expected);

    QStringList withoutEnvironment{QDir::cleanPath(pluginDir), installed};
    withoutEnvironment.removeDuplicates();
    QCOMPARE(PluginRegistry::defaultSearchPaths(), withoutEnvironment);
}

void TestPluginRegistry::builtInPlugins_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("inputKind");
    QTest::newRow("linear") << QStringLiteral("linear") << QStringLiteral("dense-float32");
    QTest::newRow("xgboost") << QStringLiteral("xgboost") << QStringLiteral("dense-float32");
    QTest::newRow("fasttext") << QStringLiteral("fasttext") << QStringLiteral("text");
}

void TestPluginRegistry::builtInPlugins()
{
    QFETCH(QString, id);
    QFETCH(QString, inputKind);
    PluginRegistry registry({pluginDir});
    const PluginInfo *info = registry.find(id);
    QVERIFY2(info, qPrintable(id));
    QCOMPARE(info->file, libraryPath(pluginDir, QStringLiteral("opsdeck_") + id));
    // Metadata is read without loading: nothing of the plugin has run yet.
    QCOMPARE(info->state, PluginInfo::State::Available);
    QCOMPARE(info->error, QString());
    QCOMPARE(info->version, QStringLiteral(OPSDECK_TEST_PROJECT_VERSION));
    QCOMPARE(info->apiVersion, Opsdeck::Sdk::ApiVersion);
    QCOMPARE(info->inputKind, inputKind);
    QCOMPARE(info->capabilities, (QStringList{QStringLiteral("in-process"), QStringLiteral("thread-safe")}));
    QVERIFY(!info->name.isEmpty());
    QVERIFY(!info->description.isEmpty());

    const auto backend = registry.backend(id);
    QVERIFY2(backend, backend ? "" : qPrintable(backend.error().message));
    QVERIFY(*backend);
    QCOMPARE(registry.find(id)->state, PluginInfo::State::Loaded);
    const auto again = registry.backend(id);
    QVERIFY(again);
    QCOMPARE(*again, *backend);
}

void TestPluginRegistry::loadedBackendWorks()
{
    PluginRegistry registry({pluginDir});
    const auto backend = registry.backend(QStringLiteral("linear"));
    QVERIFY(backend);
    Opsdeck::Sdk::ModelConfig config;
    config.options.insert(QStringLiteral("features"), QStringLiteral("3"));
    config.options.insert(QStringLiteral("link"), QStringLiteral("identity"));
    QString error;
    const auto model = (*backend)->load(config, &error);
    QVERIFY2(model, qPrintable(error));
    QCOMPARE(model->inputColumns(), 3);
    QCOMPARE(model->outputColumns(), 1);
    const float zeros[3] = {0, 0, 0};
    float out = -100;
    QVERIFY(model->score({1, zeros, 3, nullptr}, &out, &error));
    QVERIFY(out > -0.1f && out < 0.1f); // the synthetic bias is drawn from ±0.1
}

void TestPluginRegistry::brokenPlugins_data()
{
    QTest::addColumn<QString>("stem");
    QTest::addColumn<QString>("id");
    QTest::addColumn<PluginInfo::State>("scanState");
    QTest::addColumn<QString>("reason"); // after scan() for Failed, after backend() for Available

    const QString iidError =
        QStringLiteral("IID 'org.example.NotAModelBackend/1' is not org.opsdeck.ModelBackend/1");
    QTest::newRow("apiVersion 2") << QStringLiteral("opsdeck_broken_apiversion")
                                  << QStringLiteral("broken_apiversion") << PluginInfo::State::Failed
                                  << QStringLiteral("apiVersion 2 is not supported (this build speaks 1)");
    QTest::newRow("wrong IID") << QStringLiteral("opsdeck_broken_wrongiid")
                               << QStringLiteral("libopsdeck_broken_wrongiid") << PluginInfo::State::Failed
                               << iidError;
    QTest::newRow("missing id") << QStringLiteral("opsdeck_broken_missingfield")
                                << QStringLiteral("libopsdeck_broken_missingfield")
                                << PluginInfo::State::Failed << QStringLiteral("missing field 'id'");
    QTest::newRow("no MetaData object")
        << QStringLiteral("opsdeck_broken_nometadata") << QStringLiteral("libopsdeck_broken_nometadata")
        << PluginInfo::State::Failed
        << QStringLiteral("no plugin metadata (the plugin declares no 'MetaData' object)");
    QTest::newRow("plain library") << QStringLiteral("opsdeck_broken_plain")
                                   << QStringLiteral("libopsdeck_broken_plain") << PluginInfo::State::Failed
                                   << QStringLiteral("no plugin metadata");
    QTest::newRow("missing symbol") << QStringLiteral("opsdeck_broken_missingsymbol")
                                    << QStringLiteral("broken_missingsymbol") << PluginInfo::State::Available
                                    << QStringLiteral(
                                           "undefined symbol: opsdeck_test_symbol_defined_nowhere");
    QTest::newRow("missing library") << QStringLiteral("opsdeck_broken_missinglibrary")
                                     << QStringLiteral("broken_missinglibrary")
                                     << PluginInfo::State::Available
                                     << QStringLiteral(
                                            "libopsdeck_broken_stub.so: cannot open shared object file");
    QTest::newRow("root object without the interface")
        << QStringLiteral("opsdeck_broken_notbackend") << QStringLiteral("broken_notbackend")
        << PluginInfo::State::Available
        << QStringLiteral(
               "root object Opsdeck::Tests::NotABackend does not implement org.opsdeck.ModelBackend/1");
}

void TestPluginRegistry::brokenPlugins()
{
    QFETCH(QString, stem);
    QFETCH(QString, id);
    QFETCH(PluginInfo::State, scanState);
    QFETCH(QString, reason);

    PluginRegistry registry({brokenDir});
    const QString file = libraryPath(brokenDir, stem);
    const std::optional<PluginInfo> info = byFile(registry.plugins(), file);
    QVERIFY2(info, qPrintable(file));
    QCOMPARE(info->id, id);
    QCOMPARE(info->state, scanState);
    if (scanState == PluginInfo::State::Failed)
        QCOMPARE(info->error, reason);
    else
        QCOMPARE(info->error, QString());

    const auto backend = registry.backend(id);
    QVERIFY(!backend);
    QCOMPARE(backend.error().kind, ErrorKind::Usage);
    QVERIFY2(backend.error().message.contains(reason), qPrintable(backend.error().message));
    QVERIFY2(backend.error().message.contains(file), qPrintable(backend.error().message));

    // A load failure stays listed, with the loader's reason.
    const std::optional<PluginInfo> after = byFile(registry.plugins(), file);
    QVERIFY(after);
    QCOMPARE(after->state, PluginInfo::State::Failed);
    QVERIFY2(after->error.contains(reason), qPrintable(after->error));
    // Asking again gives the same answer without another load attempt.
    const auto again = registry.backend(id);
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(reason));
}

void TestPluginRegistry::loadAllReportsLoadFailures()
{
    PluginRegistry registry({brokenDir});
    registry.loadAll();
    QHash<QString, PluginInfo> byStem;
    for (const auto &info : registry.plugins())
        byStem.insert(QFileInfo(info.file).completeBaseName(), info);
    QCOMPARE(byStem.value(QStringLiteral("libopsdeck_broken_duplicate")).state, PluginInfo::State::Loaded);
    for (const char *failed : {"apiversion", "wrongiid", "missingfield", "nometadata", "plain",
                               "missingsymbol", "missinglibrary", "notbackend"}) {
        const PluginInfo info =
            byStem.value(QStringLiteral("libopsdeck_broken_") + QLatin1StringView(failed));
        QVERIFY2(!info.file.isEmpty(), failed);
        QCOMPARE(info.state, PluginInfo::State::Failed);
        QVERIFY2(!info.error.isEmpty(), failed);
    }
    QCOMPARE(registry.plugins().size(), 9);
}

void TestPluginRegistry::duplicateId()
{
    PluginRegistry registry({pluginDir, brokenDir});
    const QString real = libraryPath(pluginDir, QStringLiteral("opsdeck_linear"));
    const QString copy = libraryPath(brokenDir, QStringLiteral("opsdeck_broken_duplicate"));
    const std::optional<PluginInfo> duplicate = byFile(registry.plugins(), copy);
    QVERIFY(duplicate);
    QCOMPARE(duplicate->id, QStringLiteral("linear"));
    QCOMPARE(duplicate->state, PluginInfo::State::Failed);
    QCOMPARE(duplicate->error, QStringLiteral("duplicate id 'linear' (already provided by %1)").arg(real));
    QCOMPARE(registry.find(QStringLiteral("linear"))->file, real);

    // The first one found is the one handed out: it loads real models, the test copy would refuse.
    const auto backend = registry.backend(QStringLiteral("linear"));
    QVERIFY(backend);
    QString error;
    QVERIFY2((*backend)->load({}, &error), qPrintable(error));

    // Search order decides: the other way round the test copy wins.
    PluginRegistry reversed({brokenDir, pluginDir});
    QCOMPARE(reversed.find(QStringLiteral("linear"))->file, copy);
    QCOMPARE(byFile(reversed.plugins(), real)->state, PluginInfo::State::Failed);
}

void TestPluginRegistry::brokenCopyDoesNotHideGoodOne()
{
    // A copy of "linear" that cannot load comes first on the path, then the real one, then another duplicate.
    PluginRegistry registry({shadowDir, pluginDir, brokenDir});
    const QString shadow = libraryPath(shadowDir, QStringLiteral("opsdeck_broken_shadow"));
    const QString real = libraryPath(pluginDir, QStringLiteral("opsdeck_linear"));
    const QString copy = libraryPath(brokenDir, QStringLiteral("opsdeck_broken_duplicate"));
    QCOMPARE(registry.find(QStringLiteral("linear"))->file, shadow);
    QCOMPARE(byFile(registry.plugins(), real)->state, PluginInfo::State::Failed);

    const auto backend = registry.backend(QStringLiteral("linear"));
    QVERIFY2(backend, qPrintable(backend ? QString() : backend.error().message));
    QString error;
    QVERIFY2((*backend)->load({}, &error), qPrintable(error)); // the real one: the test copy has no models
    QCOMPARE(byFile(registry.plugins(), shadow)->state, PluginInfo::State::Failed);
    QVERIFY(byFile(registry.plugins(), shadow)->error.contains(u"does not implement"));
    QCOMPARE(byFile(registry.plugins(), real)->state, PluginInfo::State::Loaded);
    QCOMPARE(byFile(registry.plugins(), real)->error, QString());
    QCOMPARE(byFile(registry.plugins(), copy)->error,
             QStringLiteral("duplicate id 'linear' (already provided by %1)").arg(real));
    QCOMPARE(registry.find(QStringLiteral("linear"))->file, real);

    // loadAll() the same way.
    PluginRegistry all({shadowDir, pluginDir});
    all.loadAll();
    QCOMPARE(byFile(all.plugins(), shadow)->state, PluginInfo::State::Failed);
    QCOMPARE(byFile(all.plugins(), real)->state, PluginInfo::State::Loaded);
    QVERIFY(all.bind(QStringLiteral("linear")));
}

void TestPluginRegistry::unknownId()
{
    PluginRegistry registry({pluginDir});
    const auto backend = registry.backend(QStringLiteral("nosuchbackend"));
    QVERIFY(!backend);
    QCOMPARE(backend.error().kind, ErrorKind::Usage);
    const QString message = backend.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("unknown model backend 'nosuchbackend' (available: ")),
             qPrintable(message));
    for (const char *id : {"linear", "xgboost", "fasttext"})
        QVERIFY2(message.contains(QLatin1StringView(id)), qPrintable(message));
    QCOMPARE(registry.find(QStringLiteral("nosuchbackend")), nullptr);
}

void TestPluginRegistry::garbageFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    };
    QByteArray noise(4096, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    write(QStringLiteral("libnoise.so"), noise);
    write(QStringLiteral("libempty.so"), {});
    write(QStringLiteral("libelfheader.so"), QByteArrayLiteral("\x7f"
                                                               "ELF\x02\x01\x01") +
                                                 QByteArray(64, '\xff'));
    write(QStringLiteral("README.txt"), "not a library");
    // The real linear plugin reached through a symlink and through the folder listed twice: listed once.
    QVERIFY(QFile::link(libraryPath(pluginDir, QStringLiteral("opsdeck_linear")),
                        dir.filePath(QStringLiteral("libalias.so"))));

    PluginRegistry registry({dir.path(), dir.path()});
    const QList<PluginInfo> plugins = registry.plugins();
    QCOMPARE(plugins.size(), 4);
    for (const char *name : {"libnoise.so", "libempty.so", "libelfheader.so"}) {
        const std::optional<PluginInfo> info = byFile(plugins, dir.filePath(QLatin1StringView(name)));
        QVERIFY2(info, name);
        QCOMPARE(info->state, PluginInfo::State::Failed);
        QCOMPARE(info->error, QStringLiteral("no plugin metadata"));
        const auto backend = registry.backend(info->id);
        QVERIFY(!backend);
        QVERIFY(backend.error().message.contains(QStringLiteral("no plugin metadata")));
    }
    const std::optional<PluginInfo> alias = byFile(plugins, dir.filePath(QStringLiteral("libalias.so")));
    QVERIFY(alias);
    QCOMPARE(alias->id, QStringLiteral("linear"));
    QCOMPARE(alias->state, PluginInfo::State::Available);
}

void TestPluginRegistry::rescanKeepsLoadedBackends()
{
    PluginRegistry registry({pluginDir, brokenDir});
    const auto before = registry.backend(QStringLiteral("xgboost"));
    QVERIFY(before);
    const qsizetype count = registry.plugins().size();
    registry.scan();
    QCOMPARE(registry.plugins().size(), count);
    QCOMPARE(registry.find(QStringLiteral("xgboost"))->state, PluginInfo::State::Loaded);
    QCOMPARE(registry.find(QStringLiteral("linear"))->state, PluginInfo::State::Available);
    const auto after = registry.backend(QStringLiteral("xgboost"));
    QVERIFY(after);
    QCOMPARE(*after, *before);
}

void TestPluginRegistry::missingFolder()
{
    PluginRegistry registry({QStringLiteral("/nonexistent/opsdeck/plugins")});
    QVERIFY(registry.plugins().isEmpty());
    QCOMPARE(registry.searchPaths(), QStringList{QStringLiteral("/nonexistent/opsdeck/plugins")});
    const auto backend = registry.backend(QStringLiteral("linear"));
    QVERIFY(!backend);
    QCOMPARE(
        backend.error().message,
        QStringLiteral("unknown model backend 'linear' (no plugins found in /nonexistent/opsdeck/plugins)"));
}

QTEST_GUILESS_MAIN(TestPluginRegistry)
#include "tst_pluginregistry.moc"
