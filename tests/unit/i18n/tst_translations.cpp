// The translations as shipped: the .qm files embedded at :/i18n load, known CLI, GUI and core strings come out in
// German and French through the code paths that print them, and the .ts files in the source tree are complete.
#include "cli/cli.h"
#include "health/servicehealth.h"
#include "i18n.h"
#include "scoring/capacityplan.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QRegularExpression>
#include <QtCore/QTranslator>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>

using namespace Opsdeck;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;                ///< the <translation> type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;    ///< the text, or each <numerusform>
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

/// Reads a Qt Linguist .ts file; `error` names the file and line on malformed XML.
TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + QStringLiteral(": ") + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                ts.language = xml.attributes().value(QLatin1StringView("language")).toString();
            } else if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                message = TsMessage{context, {}, xml.attributes().value(QLatin1StringView("numerus")) == u"yes", {}, {}};
            } else if (name == u"source") {
                message.source = xml.readElementText();
            } else if (name == u"translation") {
                message.type = xml.attributes().value(QLatin1StringView("type")).toString();
                if (!message.numerus)
                    message.translations << xml.readElementText();
            } else if (name == u"numerusform") {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(OPSDECK_SOURCE_DIR "/translations/opsdeck_%1.ts").arg(language);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

/// Mnemonic markers: a single '&' before a character (not "&&"); rich text has none.
qsizetype mnemonics(const QString &text)
{
    if (text.trimmed().startsWith(u'<'))
        return 0;
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&)[^ &;]"));
    qsizetype n = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

void removeInstalledTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { removeInstalledTranslators(); }

    void embeddedQmLoads_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("tsLanguage");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de_DE");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("fr_FR");
    }

    void embeddedQmLoads()
    {
        QFETCH(QString, language);
        QFETCH(QString, tsLanguage);
        const QString resource = QStringLiteral(":/i18n/opsdeck_%1.qm").arg(language);
        QVERIFY2(QFile::exists(resource), qPrintable(resource + QStringLiteral(" is not embedded")));
        QTranslator translator;
        QVERIFY2(translator.load(resource), qPrintable(resource + QStringLiteral(" does not load")));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), tsLanguage);
        // The path main() takes: QTranslator::load(locale, "opsdeck", "_", ":/i18n").
        QTranslator byLocale;
        QVERIFY(byLocale.load(QLocale(language), QStringLiteral("opsdeck"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
        QCOMPARE(byLocale.filePath(), resource);
    }

    void installTranslations_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("installed");
        QTest::addColumn<int>("ourTranslators");
        QTest::newRow("de") << QStringLiteral("de") << true << 1;
        QTest::newRow("fr_CH falls back to fr") << QStringLiteral("fr_CH") << true << 1;
        QTest::newRow("en needs none") << QStringLiteral("en") << true << 0;
        QTest::newRow("ja has none") << QStringLiteral("ja") << false << 0;
        QTest::newRow("a code that names no language") << QStringLiteral("xx") << false << 0;
        QTest::newRow("C is English") << QStringLiteral("C") << true << 0;
    }

    void installTranslations()
    {
        QFETCH(QString, language);
        QFETCH(bool, installed);
        QFETCH(int, ourTranslators);
        QCOMPARE(Opsdeck::installTranslations(language), installed);
        int ours = 0;
        for (const QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
            ours += t->filePath().startsWith(u":/i18n/opsdeck_") ? 1 : 0;
        QCOMPARE(ours, ourTranslators);
    }

    // Source strings from the CLI, the GUI and core, looked up in the context the running code uses.
    void knownStrings_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        struct Row
        {
            const char *context;
            const char *source;
            int n;
            const char *de;
            const char *fr;
        };
        const Row rows[] = {
            {"Cli", "list the connection profiles (* = the one commands use)", -1,
             "die Verbindungsprofile auflisten (* = das von Befehlen verwendete)",
             "lister les profils de connexion (* = celui qu'utilisent les commandes)"},
            {"Opsdeck::Cli", "opsdeck: no command given", -1, "opsdeck: kein Befehl angegeben",
             "opsdeck: aucune commande indiquée"},
            {"Opsdeck::Cli", "service unreachable", -1, "Dienst nicht erreichbar", "service injoignable"},
            {"Opsdeck::Gui", "Operator console for the job and scoring platform.", -1,
             "Bedienkonsole für die Job- und Scoring-Plattform.",
             "Console d'exploitation de la plateforme de jobs et de scoring."},
            {"Opsdeck::Gui::MainWindow", "&File", -1, "&Datei", "&Fichier"},
            {"Opsdeck::Gui::MainWindow", "&Edit profiles…", -1, "&Profile bearbeiten…", "&Modifier les profils…"},
            {"Opsdeck::Gui::ProfileEditorDialog", "Write the profiles file (Ctrl+S)", -1,
             "Die Profildatei schreiben (Strg+S)", "Écrire le fichier de profils (Ctrl+S)"},
            {"Opsdeck::Gui::ServicesPage", "Last round %1: %2 of %n service(s) up", 1,
             "Letzte Prüfrunde %1: %2 von 1 Dienst erreichbar", "Dernier cycle %1 : %2 sur 1 service en ligne"},
            {"Opsdeck::Gui::ServicesPage", "Last round %1: %2 of %n service(s) up", 5,
             "Letzte Prüfrunde %1: %2 von 5 Diensten erreichbar", "Dernier cycle %1 : %2 sur 5 services en ligne"},
            {"Health", "auth refused", -1, "Anmeldung abgelehnt", "authentification refusée"},
            {"Opsdeck::Core::ProfileStore", "the URL has no host", -1, "die URL hat keinen Host",
             "l'URL n'a pas d'hôte"},
            {"Opsdeck::Core::RedisConnection", "pipeline of %n command(s)", 0, "Pipeline mit 0 Befehlen",
             "pipeline de 0 commande"},
        };
        for (const bool german : {true, false}) {
            const char *language = german ? "de" : "fr";
            for (const Row &row : rows) {
                const QString expected = QString::fromUtf8(german ? row.de : row.fr);
                QTest::addRow("%s: %s: %s (n=%d)", language, row.context, row.source, row.n)
                    << QString::fromLatin1(language) << QByteArray(row.context) << QByteArray(row.source) << row.n
                    << expected;
            }
        }
    }

    void knownStrings()
    {
        QFETCH(QString, language);
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QVERIFY(Opsdeck::installTranslations(language));
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, n), expected);
    }

    // The real printing code, so that a context that differs from the one lupdate recorded shows up here.
    void cliHelpIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList{QStringLiteral("Aufruf:"), QStringLiteral("Globale Optionen:"),
                                           QStringLiteral("Befehle:"), QStringLiteral("Exit-Codes:"),
                                           QStringLiteral("Authentifizierung abgelehnt")};
        QTest::newRow("fr") << QStringLiteral("fr")
                            << QStringList{QStringLiteral("Utilisation :"), QStringLiteral("Options globales :"),
                                           QStringLiteral("Commandes :"), QStringLiteral("Codes de sortie :"),
                                           QStringLiteral("authentification refusée")};
    }

    void cliHelpIsTranslated()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        QVERIFY(Opsdeck::installTranslations(language));
        const QString help = Cli::helpText();
        for (const QString &text : expected)
            QVERIFY2(help.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + help));
        QVERIFY2(!help.contains(QStringLiteral("Exit codes:")), qPrintable(help));
    }

    void coreMessagesAreTranslated()
    {
        QVERIFY(Opsdeck::installTranslations(QStringLiteral("de")));
        QCOMPARE(Core::healthStateLabel(Core::HealthState::Unreachable), QStringLiteral("nicht erreichbar"));
        auto duration = Core::parseDuration(QStringLiteral("bald"));
        QVERIFY(!duration);
        QCOMPARE(duration.error().message,
                 QStringLiteral("'bald' ist keine Dauer (Beispiele: 90s, 15m, 2h, 3600)"));
        removeInstalledTranslators();

        QVERIFY(Opsdeck::installTranslations(QStringLiteral("fr")));
        QCOMPARE(Core::healthStateLabel(Core::HealthState::Unreachable), QStringLiteral("injoignable"));
        duration = Core::parseDuration(QStringLiteral("bientôt"));
        QVERIFY(!duration);
        QCOMPARE(duration.error().message,
                 QStringLiteral("'bientôt' n'est pas une durée (exemples : 90s, 15m, 2h, 3600)"));
    }

    // Every message in the source tree's .ts files is finished and keeps what the code relies on.
    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void tsFilesAreComplete()
    {
        QFETCH(QString, language);
        const TsFile ts = readTs(tsPath(language));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QVERIFY(ts.language.startsWith(language));
        QVERIFY2(ts.messages.size() > 100, qPrintable(QString::number(ts.messages.size())));

        QStringList unfinished;
        QStringList stale;
        QStringList broken;
        for (const TsMessage &m : ts.messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
            if (m.type == u"unfinished")
                unfinished << where;
            else if (m.type == u"vanished" || m.type == u"obsolete")
                stale << where;
            if (!m.type.isEmpty())
                continue;
            if (m.numerus && m.translations.size() != 2)
                broken << where + QStringLiteral(": %1 plural forms, German and French have 2").arg(m.translations.size());
            for (const QString &t : m.translations) {
                if (t.isEmpty())
                    broken << where + QStringLiteral(": empty translation");
                else if (placeholders(t) != placeholders(m.source))
                    broken << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
                else if (mnemonics(t) != mnemonics(m.source))
                    broken << where + QStringLiteral(": mnemonics differ in \"%1\"").arg(t);
            }
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 unfinished:\n").arg(unfinished.size())
                                                  + unfinished.join(u'\n')));
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("%1 vanished/obsolete:\n").arg(stale.size())
                                             + stale.join(u'\n')));
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
