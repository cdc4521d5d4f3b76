#include "config/urlcheck_p.h"

#include "modelbackend.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrlQuery>

#include <algorithm>

namespace Opsdeck::Core::Detail {

bool isSecretName(const QString &name)
{
    // Words that name a secret wherever they stand (access-token, private_token, client_secret, passwd, apikey),
    // and short ones that do only as a whole part of the name (X-Api-Key, sig, pass, auth, pwd): not keyword,
    // signal, design, author, passive or bypass.
    static const QStringList anywhere{QStringLiteral("token"),    QStringLiteral("secret"), QStringLiteral("password"),
                                      QStringLiteral("passwd"),   QStringLiteral("credential"),
                                      QStringLiteral("apikey"),   QStringLiteral("accesskey"),
                                      QStringLiteral("signature")};
    static const QStringList whole{QStringLiteral("key"), QStringLiteral("sig"), QStringLiteral("pass"),
                                   QStringLiteral("auth"), QStringLiteral("pwd"), QStringLiteral("authorization")};
    QString normalized = name.toLower();
    normalized.replace(u'-', u'_');
    if (std::any_of(anywhere.cbegin(), anywhere.cend(),
                    [&normalized](const QString &word) { return normalized.contains(word); }))
        return true;
    const QStringList parts = normalized.split(u'_', Qt::SkipEmptyParts);
    return std::any_of(parts.cbegin(), parts.cend(), [](const QString &part) { return whole.contains(part); });
}

QString maskQueryValues(const QString &query)
{
    return Sdk::maskQueryValues(query);
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
    // Many servers also take ';' between query items: `?a=1;token=…` carries a token as well.
    for (const QChar pairDelimiter : {QChar(u'&'), QChar(u';')}) {
        QUrlQuery query;
        query.setQueryDelimiters(u'=', pairDelimiter);
        query.setQuery(url.query(QUrl::FullyEncoded));
        const QList<std::pair<QString, QString>> items = query.queryItems();
        for (const auto &[key, value] : items) {
            if (isSecretName(key))
                return tl::unexpected(
                    UrlText::tr("the URL must not carry a secret in its query ('%1='); use an auth table with "
                                "secret_env or keychain")
                        .arg(key));
        }
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
    return Sdk::displayUrlText(input);
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

bool isSecretName(const QString &name)
{
    return Detail::isSecretName(name);
}

QString displayUrl(const QUrl &url)
{
    return Sdk::displayUrl(url);
}

} // namespace Opsdeck::Core
