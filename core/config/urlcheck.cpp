#include "config/urlcheck_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrlQuery>

#include <algorithm>

namespace Opsdeck::Core::Detail {

bool isSecretName(const QString &name)
{
    // Substrings, so that access-token, private_token, X-Api-Key, sig, passwd, authorization … are all caught.
    static const QStringList parts{QStringLiteral("token"), QStringLiteral("secret"), QStringLiteral("key"),
                                   QStringLiteral("sig"),   QStringLiteral("pass"),   QStringLiteral("auth"),
                                   QStringLiteral("pwd"),   QStringLiteral("credential")};
    QString normalized = name.toLower();
    normalized.replace(u'-', u'_');
    return std::any_of(parts.cbegin(), parts.cend(),
                       [&normalized](const QString &part) { return normalized.contains(part); });
}

QString maskQueryValues(const QString &query)
{
    QStringList items = query.split(u'&');
    for (QString &item : items) {
        if (const qsizetype eq = item.indexOf(u'='); eq >= 0 && eq + 1 < item.size())
            item = item.left(eq + 1) + u"***";
    }
    return items.join(u'&');
}

namespace {

struct UrlText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::ProfileStore)
};

tl::expected<void, QString> checkCommon(const QUrl &url)
{
    if (!url.password().isEmpty())
        return tl::unexpected(UrlText::tr("the URL must not contain a password; use secret_env or keychain"));
    if (!url.userName().isEmpty())
        return tl::unexpected(UrlText::tr("the URL must not contain a user name; use the auth table's 'user'"));
    if (url.host().isEmpty())
        return tl::unexpected(UrlText::tr("the URL has no host"));
    if (url.port() == 0)
        return tl::unexpected(UrlText::tr("port 0 is not a usable port"));
    if (url.hasFragment())
        return tl::unexpected(UrlText::tr("the URL must not have a fragment ('#…')"));
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems();
    for (const auto &[key, value] : items) {
        if (isSecretName(key))
            return tl::unexpected(
                UrlText::tr("the URL must not carry a secret in its query ('%1='); use an auth table with "
                            "secret_env or keychain")
                    .arg(key));
    }
    return {};
}

} // namespace

QString safeUrlText(const QUrl &url)
{
    return displayUrl(url);
}

QString safeRawUrlText(const QString &input)
{
    // The user info is whatever lies between "//" and the LAST '@': a password may hold '/', '?' or '#', so the
    // first of those is no reliable end of the authority. Masking too much (an '@' in a path) is harmless.
    QString text = input;
    const qsizetype schemeEnd = text.indexOf(u"//");
    const qsizetype authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 2;
    if (const qsizetype at = text.lastIndexOf(u'@'); at >= authorityStart)
        text = text.left(authorityStart) + u"***" + text.mid(at);
    // Query values may be credentials that the checks are about to refuse: show the keys only.
    if (const qsizetype query = text.indexOf(u'?'); query >= 0) {
        const qsizetype fragment = text.indexOf(u'#', query);
        const QString tail = fragment < 0 ? QString() : u'#' + maskQueryValues(text.mid(fragment + 1));
        text = text.left(query + 1) + maskQueryValues(text.mid(query + 1, fragment < 0 ? -1 : fragment - query - 1))
               + tail;
    } else if (const qsizetype fragment = text.indexOf(u'#'); fragment >= 0) {
        text = text.left(fragment + 1) + maskQueryValues(text.mid(fragment + 1));
    }
    return text;
}

tl::expected<void, QString> checkHttpUrl(const QUrl &url)
{
    if (!url.isValid())
        return tl::unexpected(UrlText::tr("not a valid URL"));
    const QString scheme = url.scheme();
    if (scheme != u"http" && scheme != u"https")
        return tl::unexpected(UrlText::tr("not an http:// or https:// URL"));
    return checkCommon(url);
}

tl::expected<RedisAddress, QString> checkRedisUrl(const QUrl &url)
{
    if (!url.isValid())
        return tl::unexpected(UrlText::tr("not a valid URL"));
    const QString scheme = url.scheme();
    if (scheme == u"rediss")
        return tl::unexpected(UrlText::tr("rediss:// (Redis over TLS) is not supported: the Redis client speaks "
                                          "plain TCP only; use redis:// on a trusted network or through a TLS "
                                          "tunnel"));
    if (scheme != u"redis")
        return tl::unexpected(UrlText::tr("not a redis:// URL"));
    if (auto common = checkCommon(url); !common)
        return tl::unexpected(common.error());
    if (url.hasQuery())
        return tl::unexpected(UrlText::tr("the URL must not have a query ('?…')"));
    RedisAddress address;
    address.host = url.host();
    address.port = static_cast<quint16>(url.port(6379));
    const QString path = url.path();
    if (!path.isEmpty() && path != u"/") {
        const QString db = path.mid(1);
        bool ok = false;
        const int value = db.toInt(&ok);
        const bool digitsOnly = !db.isEmpty() && std::all_of(db.cbegin(), db.cend(), [](QChar c) {
            return c >= u'0' && c <= u'9';
        });
        if (!path.startsWith(u'/') || !digitsOnly || !ok || value < 0)
            return tl::unexpected(UrlText::tr("the database '%1' is not a non-negative integer").arg(db));
        address.db = value;
    }
    return address;
}

} // namespace Opsdeck::Core::Detail

namespace Opsdeck::Core {

QString displayUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QString text = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.hasQuery())
        text += u'?' + Detail::maskQueryValues(url.query(QUrl::PrettyDecoded));
    if (url.hasFragment())
        text += u'#' + Detail::maskQueryValues(url.fragment(QUrl::PrettyDecoded));
    return text;
}

} // namespace Opsdeck::Core
