#include "config/urlcheck_p.h"

#include <QtCore/QCoreApplication>

#include <algorithm>

namespace Opsdeck::Core::Detail {

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
    return {};
}

} // namespace

QString safeUrlText(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

QString safeRawUrlText(const QString &text)
{
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
    if (scheme != u"redis" && scheme != u"rediss")
        return tl::unexpected(UrlText::tr("not a redis:// or rediss:// URL"));
    if (auto common = checkCommon(url); !common)
        return tl::unexpected(common.error());
    if (url.hasQuery())
        return tl::unexpected(UrlText::tr("the URL must not have a query ('?…')"));
    RedisAddress address;
    address.host = url.host();
    address.tls = scheme == u"rediss";
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
