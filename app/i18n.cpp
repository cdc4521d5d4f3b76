#include "i18n.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTextStream>
#include <QtCore/QTranslator>

namespace Opsdeck {

bool installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QLocale turns a code it does not know into C: that is no language, not English.
    if (locale.language() == QLocale::C && !language.isEmpty() && language != u"C")
        return false;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(locale, QStringLiteral("opsdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

bool installLanguage(const QStringList &arguments)
{
    const QString language = languageFromArguments(arguments);
    const bool translated = installTranslations(language);
    if (!translated && !language.isEmpty())
        QTextStream(stderr) << "opsdeck: "
                            << QCoreApplication::translate("Opsdeck::Gui", "no translation for '%1'; using English")
                                   .arg(language)
                            << Qt::endl;
    return translated;
}

QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--lang="))
            return arguments.at(i).mid(7);
    }
    return {};
}

} // namespace Opsdeck
