#pragma once

#include <QtCore/QString>

namespace Opsdeck {
/// Installs Qt's own and Opsdeck's translators for `language` ("de", "fr"; empty = the system locale).
/// Returns false (and installs nothing) when Opsdeck has no translation for it or the code names no language;
/// English needs none.
bool installTranslations(const QString &language);
/// `--lang X` or `--lang=X` from the raw process arguments, else empty.
QString languageFromArguments(const QStringList &arguments);
/// installTranslations() for the `--lang` of `arguments` (else the system's); when `--lang` names a language
/// without a translation, says so on stderr ("opsdeck: no translation for 'xx'; using English") and goes on in
/// English. Returns what installTranslations() returned.
bool installLanguage(const QStringList &arguments);
} // namespace Opsdeck
