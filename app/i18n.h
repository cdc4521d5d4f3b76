#pragma once

#include <QtCore/QString>

namespace Opsdeck {
/// Installs Qt's own and Opsdeck's translators for `language` ("de", "fr"; empty = the system locale).
/// Returns false (and installs nothing) when Opsdeck has no translation for it; English needs none.
bool installTranslations(const QString &language);
/// `--lang X` or `--lang=X` from the raw process arguments, else empty.
QString languageFromArguments(const QStringList &arguments);
} // namespace Opsdeck
