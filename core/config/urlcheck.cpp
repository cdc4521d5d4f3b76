#include "config/urlcheck_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrlQuery>

#include <algorithm>

namespace Opsdeck::Core::Detail {

bool isSecretName(const QString &name)
{
    static const QStringList names{QStringLiteral("password"), QStringLiteral("passwd"), QStringLiteral("pass"),
                                   QStringLiteral("secret"), QStringLiteral("token"), QStringLiteral("access_token"),
                                   QStringLiteral("api_key"), QStringLiteral("apikey"), QStringLiteral("auth")};
    return names.contains(name, Qt::CaseInsensitive);
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
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

QString safeRawUrlText(const QString &input)
{
    // Query values may be credentials that the checks are about to refuse: show the keys only.
    QString text = input;
    if (const qsizetype query = text.indexOf(u'?'); query >= 0) {
        const qsizetype fragment = text.indexOf(u'#', query);
        const QString tail = fragment < 0 ? QString() : text.mid(fragment);
        QStringList items = text.mid(query + 1, fragment < 0 ? -1 : fragment - query - 1).split(u'&');
        for (QString &item : items) {
            if (const qsizetype eq = item.indexOf(u'='); eq >= 0)
                item = item.left(eq + 1) + u"***";
        }
        text = text.left(query + 1) + items.join(u'&') + tail;
    }
    const qsizetype schemeEnd = text.indexOf(u"//");
    const qsizetype authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 2;
    qsizetype authorityEnd = text.size();
    for (const QChar c : {u'/', u'?', u'#'}) {
        const qsizetype at = text.indexOf(c, authorityStart);
        if (at >= 0 && at < authorityEnd)
            authorityEnd = at;
    }
    const qsizetype at = text.lastIndexOf(u'@', authorityEnd - 1);
    if (at < authorityStart)
        return text;
    return text.left(authorityStart) + u"***" + text.mid(at);
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
