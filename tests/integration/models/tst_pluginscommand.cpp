// `opsdeck --batch plugins list [--json]`: every plugin listed with its state and reason, exit 0 even when
// some failed, usage errors exit 2. Runs the real executable with the broken test plugins on
// OPSDECK_PLUGIN_PATH.
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

#include "support/clirun.h"

namespace {

const QString pluginDir = QStringLiteral(OPSDECK_TEST_PLUGIN_DIR);
const QString brokenDir = QStringLiteral(OPSDECK_TEST_BROKEN_PLUGIN_DIR);

using Run = Opsdeck::Test::CliRun;

Run opsdeck(const QStringList &arguments, const QString &pluginPath)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OPSDECK_PLUGIN_PATH"), pluginPath);
    environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    return Opsdeck::Test::runProgram(QStringLiteral(OPSDECK_TEST_OPSDECK_EXE),
                                     QStringList{QStringLiteral("--batch")} + arguments, environment);
}

QJsonObject entryForFile(const QJsonArray &array, const QString &file)
{
    for (const QJsonValue &v : array) {
        if (v.toObject().value(u"file").toString() == file)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestPluginsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void json();
    void table();
    void usageError();
};

void TestPluginsCommand::json()
{
    // The broken folder comes first: its copy of "linear" wins and the real one is the duplicate.
    const Run run =
        opsdeck({QStringLiteral("plugins"), QStringLiteral("list"), QStringLiteral("--json")}, brokenDir);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &parseError);
    QVERIFY2(document.isArray(), qPrintable(parseError.errorString() + u'\n' + QString::fromUtf8(run.out)));
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), 9 + 4); // the broken folder, then linear, xgboost, fasttext and http

    const QStringList keys{
        QStringLiteral("apiVersion"), QStringLiteral("capabilities"), QStringLiteral("error"),
        QStringLiteral("file"),       QStringLiteral("id"),           QStringLiteral("inputKind"),
        QStringLiteral("name"),       QStringLiteral("state"),        QStringLiteral("version")};
    for (const QJsonValue &v : array)
        QCOMPARE(v.toObject().keys(), keys);

    const QJsonObject xgboost =
        entryForFile(array, QDir(pluginDir).filePath(QStringLiteral("libopsdeck_xgboost.so")));
    QCOMPARE(xgboost.value(u"id").toString(), QStringLiteral("xgboost"));
    QCOMPARE(xgboost.value(u"state").toString(), QStringLiteral("loaded"));
    QCOMPARE(xgboost.value(u"version").toString(), QStringLiteral(OPSDECK_TEST_PROJECT_VERSION));
    QCOMPARE(xgboost.value(u"apiVersion").toInt(), 1);
    QCOMPARE(xgboost.value(u"inputKind").toString(), QStringLiteral("dense-float32"));
    QCOMPARE(xgboost.value(u"capabilities").toArray(),
             (QJsonArray{QStringLiteral("in-process"), QStringLiteral("thread-safe")}));
    QCOMPARE(xgboost.value(u"error").toString(), QString());

    const QJsonObject fasttext =
        entryForFile(array, QDir(pluginDir).filePath(QStringLiteral("libopsdeck_fasttext.so")));
    QCOMPARE(fasttext.value(u"state").toString(), QStringLiteral("loaded"));
    QCOMPARE(fasttext.value(u"inputKind").toString(), QStringLiteral("text"));

    const QString copy = QDir(brokenDir).filePath(QStringLiteral("libopsdeck_broken_duplicate.so"));
    QCOMPARE(entryForFile(array, copy).value(u"state").toString(), QStringLiteral("loaded"));
    const QJsonObject linear =
        entryForFile(array, QDir(pluginDir).filePath(QStringLiteral("libopsdeck_linear.so")));
    QCOMPARE(linear.value(u"state").toString(), QStringLiteral("failed"));
    QCOMPARE(linear.value(u"error").toString(),
             QStringLiteral("duplicate id 'linear' (already provided by %1)").arg(copy));

    const QJsonObject api =
        entryForFile(array, QDir(brokenDir).filePath(QStringLiteral("libopsdeck_broken_apiversion.so")));
    QCOMPARE(api.value(u"state").toString(), QStringLiteral("failed"));
    QCOMPARE(api.value(u"apiVersion").toInt(), 2);
    QCOMPARE(api.value(u"error").toString(),
             QStringLiteral("apiVersion 2 is not supported (this build speaks 1)"));

    // Load failures show too: the command loads every plugin before listing.
    const QJsonObject symbol =
        entryForFile(array, QDir(brokenDir).filePath(QStringLiteral("libopsdeck_broken_missingsymbol.so")));
    QCOMPARE(symbol.value(u"state").toString(), QStringLiteral("failed"));
    QVERIFY2(symbol.value(u"error").toString().contains(
                 QStringLiteral("undefined symbol: opsdeck_test_symbol_defined_nowhere")),
             qPrintable(symbol.value(u"error").toString()));
    const QJsonObject plain =
        entryForFile(array, QDir(brokenDir).filePath(QStringLiteral("libopsdeck_broken_plain.so")));
    QCOMPARE(plain.value(u"id").toString(), QStringLiteral("libopsdeck_broken_plain"));
    QCOMPARE(plain.value(u"error").toString(), QStringLiteral("no plugin metadata"));
}

void TestPluginsCommand::table()
{
    const Run run = opsdeck({QStringLiteral("plugins"), QStringLiteral("list")}, QString());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY2(lines.size() >= 4, run.out.constData());
    QVERIFY2(lines.first().simplified() == "ID VERSION INPUT STATE FILE ERROR", lines.first().constData());
    bool sawFasttext = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> cells = line.simplified().split(' ');
        if (cells.value(0) == "fasttext") {
            sawFasttext = true;
            QCOMPARE(cells.value(1), QByteArray(OPSDECK_TEST_PROJECT_VERSION));
            QCOMPARE(cells.value(2), QByteArray("text"));
            QCOMPARE(cells.value(3), QByteArray("loaded"));
            QCOMPARE(QString::fromUtf8(cells.value(4)),
                     QDir(pluginDir).filePath(QStringLiteral("libopsdeck_fasttext.so")));
        }
    }
    QVERIFY2(sawFasttext, run.out.constData());

    const Run empty =
        opsdeck({QStringLiteral("plugins"), QStringLiteral("list")}, QStringLiteral("/nonexistent"));
    QCOMPARE(empty.exitCode, 0);
}

void TestPluginsCommand::usageError()
{
    const Run run =
        opsdeck({QStringLiteral("plugins"), QStringLiteral("list"), QStringLiteral("--bogus")}, QString());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("opsdeck plugins list: Unknown option 'bogus'."), run.err.constData());
    QVERIFY(run.out.isEmpty());
    const Run extra =
        opsdeck({QStringLiteral("plugins"), QStringLiteral("list"), QStringLiteral("all")}, QString());
    QCOMPARE(extra.exitCode, 2);
    QVERIFY2(extra.err.contains("unexpected argument 'all'"), extra.err.constData());
}

QTEST_GUILESS_MAIN(TestPluginsCommand)
#include "tst_pluginscommand.moc"
