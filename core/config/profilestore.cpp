#include "config/profilestore.h"

#include "common/logging.h"
#include "config/urlcheck_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>

#include <toml++/toml.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>
#include <vector>

namespace Opsdeck::Core {

namespace {

struct StoreText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::ProfileStore)
};

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

int lineOf(const toml::source_region &region)
{
    return static_cast<int>(region.begin.line);
}

QString typeName(const toml::node &node)
{
    switch (node.type()) {
    case toml::node_type::table:
        return StoreText::tr("a table");
    case toml::node_type::array:
        return StoreText::tr("an array");
    case toml::node_type::string:
        return StoreText::tr("a string");
    case toml::node_type::integer:
        return StoreText::tr("an integer");
    case toml::node_type::floating_point:
        return StoreText::tr("a floating-point number");
    case toml::node_type::boolean:
        return StoreText::tr("a boolean");
    case toml::node_type::date:
        return StoreText::tr("a date");
    case toml::node_type::time:
        return StoreText::tr("a time");
    case toml::node_type::date_time:
        return StoreText::tr("a date-time");
    case toml::node_type::none:
        break;
    }
    return StoreText::tr("nothing");
}

// toml++ keeps tables as sorted maps; the source position of each key's first mention gives back file order,
// so the first problem in the file is the one reported and "first profile" means first in the file.
struct Entry
{
    QString key;
    int keyLine = 0;
    int keyColumn = 0;
    const toml::node *node = nullptr;
};

std::vector<Entry> ordered(const toml::table &table)
{
    std::vector<Entry> entries;
    entries.reserve(table.size());
    for (auto &&[key, node] : table)
        entries.push_back(Entry{qs(key.str()), lineOf(key.source()), static_cast<int>(key.source().begin.column),
                                &node});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.keyLine, a.keyColumn) < std::tie(b.keyLine, b.keyColumn);
    });
    return entries;
}

bool isForbiddenKey(const QString &key)
{
    static const QStringList forbidden{QStringLiteral("password"), QStringLiteral("secret"), QStringLiteral("token"),
                                       QStringLiteral("api_key"), QStringLiteral("apikey")};
    return forbidden.contains(key, Qt::CaseInsensitive);
}

struct Position
{
    int line = 0;
    int column = 0;
};

void findSecretKeys(const toml::node &node, std::optional<Position> &first)
{
    auto note = [&first](const toml::source_region &region) {
        const Position p{lineOf(region), static_cast<int>(region.begin.column)};
        if (!first || std::tie(p.line, p.column) < std::tie(first->line, first->column))
            first = p;
    };
    if (const auto *table = node.as_table()) {
        for (auto &&[key, child] : *table) {
            if (isForbiddenKey(qs(key.str())))
                note(key.source());
            findSecretKeys(child, first);
        }
    } else if (const auto *array = node.as_array()) {
        for (const auto &child : *array)
            findSecretKeys(child, first);
    }
}

const QStringList &serviceKeys()
{
    static const QStringList keys = [] {
        QStringList k;
        for (const ServiceKind kind : allServiceKinds())
            k << serviceKey(kind);
        return k;
    }();
    return keys;
}

std::optional<ServiceKind> serviceKindForKey(const QString &key)
{
    for (const ServiceKind kind : allServiceKinds()) {
        if (serviceKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

bool isValidProfileName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return pattern.match(name).hasMatch();
}

bool isValidEnvName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

constexpr int maxTimeoutMs = 24 * 60 * 60 * 1000;

class Parser
{
public:
    explicit Parser(QString fileName)
        : m_file(std::move(fileName))
    {
    }

    Error at(int line, const QString &message) const
    {
        if (m_file.isEmpty())
            return Error{ErrorKind::Usage, message, {}};
        if (line > 0)
            return Error{ErrorKind::Usage, StoreText::tr("%1:%2: %3").arg(m_file).arg(line).arg(message), {}};
        return Error{ErrorKind::Usage, StoreText::tr("%1: %2").arg(m_file, message), {}};
    }

    Error unknownKey(const Entry &entry, const QString &path, const QStringList &expected) const
    {
        const QString full = path.isEmpty() ? entry.key : path + u'.' + entry.key;
        return at(entry.keyLine,
                  StoreText::tr("unknown key '%1' (expected: %2)").arg(full, expected.join(QStringLiteral(", "))));
    }

    Error wrongType(const toml::node &node, const QString &path, const QString &expected) const
    {
        return at(lineOf(node.source()), StoreText::tr("%1 must be %2, not %3").arg(path, expected, typeName(node)));
    }

    tl::expected<QString, Error> string(const toml::node &node, const QString &path) const
    {
        const auto *value = node.as_string();
        if (!value)
            return tl::unexpected(wrongType(node, path, StoreText::tr("a string")));
        return qs(value->get());
    }

    tl::expected<QString, Error> nonEmptyString(const toml::node &node, const QString &path) const
    {
        auto text = string(node, path);
        if (text && text->isEmpty())
            return tl::unexpected(at(lineOf(node.source()), StoreText::tr("%1 must not be empty").arg(path)));
        return text;
    }

    tl::expected<int, Error> integer(const toml::node &node, const QString &path, qint64 min, qint64 max) const
    {
        const auto *value = node.as_integer();
        if (!value)
            return tl::unexpected(wrongType(node, path, StoreText::tr("an integer")));
        const qint64 v = value->get();
        if (v < min || v > max)
            return tl::unexpected(at(lineOf(node.source()),
                                     StoreText::tr("%1 must be between %2 and %3, not %4").arg(path).arg(min).arg(max).arg(v)));
        return static_cast<int>(v);
    }

    tl::expected<QUrl, Error> url(const toml::node &node, const QString &path, bool redis) const
    {
        auto text = string(node, path);
        if (!text)
            return tl::unexpected(text.error());
        const int line = lineOf(node.source());
        const QUrl parsed(*text, QUrl::StrictMode);
        if (!parsed.password().isEmpty())
            return tl::unexpected(at(line, secretsMessage()));
        const auto reason = redis ? Detail::checkRedisUrl(parsed).map([](const RedisAddress &) {})
                                  : Detail::checkHttpUrl(parsed);
        if (!reason)
            return tl::unexpected(
                at(line, StoreText::tr("%1: '%2': %3").arg(path, Detail::safeRawUrlText(*text), reason.error())));
        return parsed;
    }

    /// A file the profile refers to (checked by ProfileStore::checkFiles(), not while parsing).
    void noteFile(int line, const QString &path, const QString &file) const
    {
        m_files.append({line, path, file});
    }
    [[nodiscard]] const QList<ProfileStore::FileReference> &files() const { return m_files; }

    static QString secretsMessage()
    {
        return StoreText::tr("secrets must not be stored in the file; use secret_env or keychain");
    }

    const QString &file() const { return m_file; }

private:
    QString m_file;
    mutable QList<ProfileStore::FileReference> m_files;
};

tl::expected<AuthConfig, Error> parseAuth(const Parser &p, const toml::node &node, const QString &path, bool redis)
{
    const auto *table = node.as_table();
    if (!table)
        return tl::unexpected(p.wrongType(node, path, StoreText::tr("a table")));
    const int tableLine = lineOf(node.source());
    AuthConfig auth;
    std::optional<QString> typeText;
    int typeLine = tableLine;
    bool hasEnv = false;
    bool hasKeychain = false;
    for (const Entry &e : ordered(*table)) {
        const QString keyPath = path + u'.' + e.key;
        if (e.key == u"type") {
            auto v = p.string(*e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            typeText = *v;
            typeLine = lineOf(e.node->source());
        } else if (e.key == u"user") {
            auto v = p.nonEmptyString(*e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            auth.user = *v;
        } else if (e.key == u"secret_env") {
            auto v = p.string(*e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            // The value is never echoed: someone may have pasted the secret itself here.
            if (!isValidEnvName(*v))
                return tl::unexpected(p.at(lineOf(e.node->source()),
                                           StoreText::tr("%1 must name an environment variable (letters, digits "
                                                         "and '_', not starting with a digit)")
                                               .arg(keyPath)));
            auth.secret.env = *v;
            hasEnv = true;
        } else if (e.key == u"keychain") {
            auto v = p.nonEmptyString(*e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            auth.secret.keychain = *v;
            hasKeychain = true;
        } else {
            return tl::unexpected(p.unknownKey(e, path,
                                               {QStringLiteral("type"), QStringLiteral("user"),
                                                QStringLiteral("secret_env"), QStringLiteral("keychain")}));
        }
    }

    if (redis) {
        if (typeText && *typeText != u"basic")
            return tl::unexpected(p.at(typeLine, StoreText::tr("%1.type: Redis authentication is a password with an "
                                                               "optional user; use type \"basic\" or leave it out")
                                                     .arg(path)));
        auth.type = AuthType::Basic;
    } else {
        if (!typeText)
            return tl::unexpected(
                p.at(tableLine, StoreText::tr("%1: missing 'type' (basic, bearer or apikey)").arg(path)));
        if (*typeText == u"basic")
            auth.type = AuthType::Basic;
        else if (*typeText == u"bearer")
            auth.type = AuthType::Bearer;
        else if (*typeText == u"apikey")
            auth.type = AuthType::ApiKey;
        else
            return tl::unexpected(p.at(typeLine, StoreText::tr("%1.type: unknown auth type '%2' (expected basic, "
                                                               "bearer or apikey)")
                                                     .arg(path, *typeText)));
        if (auth.type == AuthType::Basic && auth.user.isEmpty())
            return tl::unexpected(p.at(tableLine, StoreText::tr("%1: auth type basic needs 'user'").arg(path)));
    }
    if (hasEnv == hasKeychain)
        return tl::unexpected(p.at(tableLine, StoreText::tr("%1: give exactly one of secret_env or keychain "
                                                            "(the secret itself is never stored in the file)")
                                                  .arg(path)));
    return auth;
}

tl::expected<TlsConfig, Error> parseTls(const Parser &p, const toml::node &node, const QString &path)
{
    const auto *table = node.as_table();
    if (!table)
        return tl::unexpected(p.wrongType(node, path, StoreText::tr("a table")));
    TlsConfig tls;
    for (const Entry &e : ordered(*table)) {
        const QString keyPath = path + u'.' + e.key;
        if (e.key == u"ca_file") {
            auto v = p.nonEmptyString(*e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            tls.caFile = *v;
            p.noteFile(lineOf(e.node->source()), keyPath, *v);
        } else if (e.key == u"insecure") {
            const auto *b = e.node->as_boolean();
            if (!b)
                return tl::unexpected(p.wrongType(*e.node, keyPath, StoreText::tr("a boolean")));
            tls.insecure = b->get();
        } else {
            return tl::unexpected(
                p.unknownKey(e, path, {QStringLiteral("ca_file"), QStringLiteral("insecure")}));
        }
    }
    return tls;
}

// auth.<service> and tls.<service>: the sub-keys must be service names.
template<typename Config, typename ParseOne>
tl::expected<void, Error> parsePerService(const Parser &p, const toml::node &node, const QString &path,
                                          Profile &profile, Config ServiceConfig::*member, ParseOne parseOne)
{
    const auto *table = node.as_table();
    if (!table)
        return tl::unexpected(p.wrongType(node, path, StoreText::tr("a table")));
    for (const Entry &e : ordered(*table)) {
        const auto kind = serviceKindForKey(e.key);
        if (!kind)
            return tl::unexpected(p.unknownKey(e, path, serviceKeys()));
        auto value = parseOne(*e.node, path + u'.' + e.key, *kind);
        if (!value)
            return tl::unexpected(value.error());
        profile.service(*kind).*member = *value;
    }
    return {};
}

tl::expected<QList<ScoringEndpointConfig>, Error> parseScoring(const Parser &p, const toml::node &node,
                                                                const QString &path)
{
    const auto *array = node.as_array();
    if (!array)
        return tl::unexpected(p.wrongType(node, path, StoreText::tr("an array of tables ([[%1]])").arg(path)));
    QList<ScoringEndpointConfig> endpoints;
    QHash<QString, int> firstLineOfName;
    for (size_t i = 0; i < array->size(); ++i) {
        const toml::node &element = *array->get(i);
        const QString elementPath = path + u'[' + QString::number(i) + u']';
        const auto *table = element.as_table();
        if (!table)
            return tl::unexpected(p.wrongType(element, elementPath, StoreText::tr("a table")));
        const int tableLine = lineOf(element.source());
        ScoringEndpointConfig endpoint;
        bool hasName = false;
        bool hasUrl = false;
        int nameLine = tableLine;
        for (const Entry &e : ordered(*table)) {
            const QString keyPath = elementPath + u'.' + e.key;
            if (e.key == u"name") {
                auto v = p.nonEmptyString(*e.node, keyPath);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.name = *v;
                hasName = true;
                nameLine = lineOf(e.node->source());
            } else if (e.key == u"url") {
                auto v = p.url(*e.node, keyPath, false);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.url = *v;
                hasUrl = true;
            } else if (e.key == u"protocol") {
                auto v = p.string(*e.node, keyPath);
                if (!v)
                    return tl::unexpected(v.error());
                if (*v != u"float32" && *v != u"json")
                    return tl::unexpected(p.at(lineOf(e.node->source()),
                                               StoreText::tr("%1: unknown protocol '%2' (expected float32 or json)")
                                                   .arg(keyPath, *v)));
                endpoint.protocol = *v;
            } else if (e.key == u"health_url") {
                auto v = p.url(*e.node, keyPath, false);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.healthUrl = *v;
            } else if (e.key == u"features") {
                auto v = p.integer(*e.node, keyPath, 1, maxFeatures);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.features = *v;
            } else if (e.key == u"auth") {
                auto v = parseAuth(p, *e.node, keyPath, false);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.auth = *v;
            } else if (e.key == u"tls") {
                auto v = parseTls(p, *e.node, keyPath);
                if (!v)
                    return tl::unexpected(v.error());
                endpoint.tls = *v;
            } else {
                return tl::unexpected(p.unknownKey(
                    e, elementPath,
                    {QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("protocol"),
                     QStringLiteral("health_url"), QStringLiteral("features"), QStringLiteral("auth"),
                     QStringLiteral("tls")}));
            }
        }
        if (!hasName)
            return tl::unexpected(p.at(tableLine, StoreText::tr("%1: missing 'name'").arg(elementPath)));
        if (!hasUrl)
            return tl::unexpected(p.at(tableLine, StoreText::tr("%1: missing 'url'").arg(elementPath)));
        if (const auto it = firstLineOfName.constFind(endpoint.name); it != firstLineOfName.constEnd())
            return tl::unexpected(p.at(nameLine, StoreText::tr("%1.name: duplicate scoring endpoint name '%2' "
                                                               "(first on line %3)")
                                                     .arg(elementPath, endpoint.name)
                                                     .arg(*it)));
        firstLineOfName.insert(endpoint.name, nameLine);
        endpoints << endpoint;
    }
    return endpoints;
}

tl::expected<Profile, Error> parseProfile(const Parser &p, const toml::node &node, const QString &name)
{
    const QString path = u"profiles." + name;
    const auto *table = node.as_table();
    if (!table)
        return tl::unexpected(p.wrongType(node, path, StoreText::tr("a table")));
    Profile profile;
    profile.name = name;
    profile.sourceFile = p.file();
    for (const Entry &e : ordered(*table)) {
        const QString keyPath = path + u'.' + e.key;
        if (const auto kind = serviceKindForKey(e.key)) {
            auto v = p.url(*e.node, keyPath, *kind == ServiceKind::Redis);
            if (!v)
                return tl::unexpected(v.error());
            profile.service(*kind).url = *v;
        } else if (e.key == u"timeout_ms") {
            auto v = p.integer(*e.node, keyPath, 1, maxTimeoutMs);
            if (!v)
                return tl::unexpected(v.error());
            profile.timeoutMs = *v;
        } else if (e.key == u"auth") {
            auto done = parsePerService(p, *e.node, keyPath, profile, &ServiceConfig::auth,
                                        [&p](const toml::node &n, const QString &path, ServiceKind kind) {
                                            return parseAuth(p, n, path, kind == ServiceKind::Redis);
                                        });
            if (!done)
                return tl::unexpected(done.error());
        } else if (e.key == u"tls") {
            auto done = parsePerService(
                p, *e.node, keyPath, profile, &ServiceConfig::tls,
                [&p](const toml::node &n, const QString &path, ServiceKind kind) -> tl::expected<TlsConfig, Error> {
                    if (kind == ServiceKind::Redis)
                        return tl::unexpected(p.at(lineOf(n.source()),
                                                   StoreText::tr("%1: Redis connections have no TLS settings (the "
                                                                 "client speaks plain TCP only)")
                                                       .arg(path)));
                    return parseTls(p, n, path);
                });
            if (!done)
                return tl::unexpected(done.error());
        } else if (e.key == u"scoring") {
            auto v = parseScoring(p, *e.node, keyPath);
            if (!v)
                return tl::unexpected(v.error());
            profile.scoring = *v;
        } else {
            return tl::unexpected(p.unknownKey(e, path,
                                               serviceKeys()
                                                   + QStringList{QStringLiteral("timeout_ms"), QStringLiteral("auth"),
                                                                 QStringLiteral("tls"), QStringLiteral("scoring")}));
        }
    }
    return profile;
}

// ---- writing ------------------------------------------------------------------------------------------------

QString tomlString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\f':
            out += u"\\f";
            break;
        case u'\r':
            out += u"\\r";
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\u" + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString tomlKey(const QString &key)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return bare.match(key).hasMatch() ? key : tomlString(key);
}

QString urlText(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

QStringList authPairs(const AuthConfig &auth, bool redis)
{
    QStringList pairs;
    if (!redis || auth.type != AuthType::Basic)
        pairs << u"type = " + tomlString(authTypeKey(auth.type));
    if (!auth.user.isEmpty())
        pairs << u"user = " + tomlString(auth.user);
    if (!auth.secret.env.isEmpty())
        pairs << u"secret_env = " + tomlString(auth.secret.env);
    if (!auth.secret.keychain.isEmpty())
        pairs << u"keychain = " + tomlString(auth.secret.keychain);
    return pairs;
}

QStringList tlsPairs(const TlsConfig &tls)
{
    QStringList pairs;
    if (!tls.caFile.isEmpty())
        pairs << u"ca_file = " + tomlString(tls.caFile);
    if (tls.insecure)
        pairs << QStringLiteral("insecure = true");
    return pairs;
}

} // namespace

QString ProfileStore::defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/opsdeck/profiles.toml");
}

Profile ProfileStore::builtinLocal()
{
    Profile p;
    p.name = QStringLiteral("local");
    p.livy.url = QUrl(QStringLiteral("http://127.0.0.1:8998"));
    p.sparkRest.url = QUrl(QStringLiteral("http://127.0.0.1:6066"));
    p.sparkUi.url = QUrl(QStringLiteral("http://127.0.0.1:18080"));
    p.elasticsearch.url = QUrl(QStringLiteral("http://127.0.0.1:9200"));
    p.redis.url = QUrl(QStringLiteral("redis://127.0.0.1:6379/0"));
    ScoringEndpointConfig score;
    score.name = QStringLiteral("local-score");
    score.url = QUrl(QStringLiteral("http://127.0.0.1:8099/score"));
    score.protocol = QStringLiteral("float32");
    score.healthUrl = QUrl(QStringLiteral("http://127.0.0.1:8099/health"));
    score.features = 100;
    p.scoring << score;
    return p;
}

Result<ProfileStore> ProfileStore::loadFile(const QString &path)
{
    if (QFileInfo(path).isDir())
        return fail(ErrorKind::Usage, StoreText::tr("%1: cannot read: it is a folder").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Usage, StoreText::tr("%1: cannot read: %2").arg(path, file.errorString()));
    // Bounded: a profiles file is a few kilobytes, and the path may name a device or a pipe that never ends
    // (/dev/zero was read until memory ran out).
    constexpr qint64 MaxBytes = qint64(16) << 20;
    QByteArray data;
    while (data.size() <= MaxBytes) {
        const QByteArray piece = file.read(std::min<qint64>(qint64(1) << 20, MaxBytes + 1 - data.size()));
        if (piece.isEmpty())
            break;
        data += piece;
    }
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorKind::Usage, StoreText::tr("%1: cannot read: %2").arg(path, file.errorString()));
    if (data.size() > MaxBytes)
        return fail(ErrorKind::Usage,
                    StoreText::tr("%1: cannot read: larger than %2 MiB, not a profiles file").arg(path).arg(MaxBytes >> 20));
    return parse(data, path);
}

Result<ProfileStore> ProfileStore::parse(const QByteArray &toml, const QString &fileName)
{
    const Parser p(fileName);
    toml::table root;
    try {
        root = toml::parse(std::string_view(toml.constData(), static_cast<size_t>(toml.size())));
    } catch (const toml::parse_error &error) {
        return fail(p.at(lineOf(error.source()), qs(error.description())));
    }

    std::optional<Position> secretKey;
    findSecretKeys(root, secretKey);
    if (secretKey)
        return fail(p.at(secretKey->line, Parser::secretsMessage()));

    ProfileStore store;
    store.m_fileName = fileName;
    store.m_fromFile = true;
    for (const Entry &e : ordered(root)) {
        if (e.key == u"default") {
            auto v = p.nonEmptyString(*e.node, e.key);
            if (!v)
                return fail(v.error());
            store.m_defaultName = *v;
            store.m_defaultLine = e.keyLine;
        } else if (e.key == u"profiles") {
            const auto *profiles = e.node->as_table();
            if (!profiles)
                return fail(p.wrongType(*e.node, e.key, StoreText::tr("a table")));
            store.m_profilesLine = e.keyLine;
            for (const Entry &pe : ordered(*profiles)) {
                if (!isValidProfileName(pe.key))
                    return fail(p.at(pe.keyLine, StoreText::tr("profile name '%1' may only contain letters, digits, "
                                                               "'-', '_' and '.'")
                                                     .arg(pe.key)));
                auto profile = parseProfile(p, *pe.node, pe.key);
                if (!profile)
                    return fail(profile.error());
                store.m_profiles << *profile;
            }
        } else {
            return fail(p.unknownKey(e, {}, {QStringLiteral("default"), QStringLiteral("profiles")}));
        }
    }
    if (!store.m_defaultName.isEmpty() && !store.names().contains(store.m_defaultName))
        return fail(store.unknownProfile(store.m_defaultName, store.m_defaultLine));
    store.m_files = p.files();
    qCDebug(lcConfig) << "read" << store.m_profiles.size() << "profiles from" << fileName;
    return store;
}

Result<ProfileStore> ProfileStore::open(const QString &configFile)
{
    if (!configFile.isEmpty())
        return loadFile(configFile);
    const QString path = defaultConfigPath();
    if (QFileInfo::exists(path))
        return loadFile(path);
    qCDebug(lcConfig) << "no" << path << "- using the built-in profile";
    ProfileStore store;
    store.m_fileName = path;
    store.m_profiles << builtinLocal();
    return store;
}

Result<Profile> ProfileStore::select(const QString &configFile, const QString &profileName)
{
    auto store = open(configFile);
    if (!store)
        return fail(store.error());
    QString name = profileName;
    const char *from = "--profile";
    if (name.isEmpty()) {
        name = qEnvironmentVariable("OPSDECK_PROFILE");
        from = "$OPSDECK_PROFILE";
    }
    if (name.isEmpty()) {
        name = store->defaultProfileName();
        from = "default key";
    }
    if (name.isEmpty()) {
        name = store->names().value(0, QStringLiteral("local"));
        from = "first profile";
    }
    qCDebug(lcConfig) << "profile" << name << "chosen by" << from;
    return store->profile(name);
}

QStringList ProfileStore::names() const
{
    QStringList list;
    list.reserve(m_profiles.size());
    for (const auto &p : m_profiles)
        list << p.name;
    return list;
}

Result<Profile> ProfileStore::profile(const QString &name) const
{
    for (const auto &p : m_profiles) {
        if (p.name == name)
            return p;
    }
    if (m_profiles.isEmpty() && name == u"local")
        return builtinLocal();
    return fail(unknownProfile(name, m_profilesLine));
}

Result<void> ProfileStore::checkFiles() const
{
    const Parser p(m_fileName);
    for (const FileReference &ref : m_files) {
        const QString path = pathFromProfilesFile(ref.file, m_fromFile ? m_fileName : QString());
        QFile file(path);
        if (QFileInfo(path).isDir())
            return fail(p.at(ref.line, StoreText::tr("%1: '%2' is a folder, not a file").arg(ref.key, path)));
        if (!file.open(QIODevice::ReadOnly))
            return fail(p.at(ref.line,
                             StoreText::tr("%1: cannot read '%2': %3").arg(ref.key, path, file.errorString())));
        // A CA bundle: at least one PEM certificate (the network layer parses it for real when it is used).
        if (!file.read(16 * 1024 * 1024).contains("-----BEGIN CERTIFICATE-----"))
            return fail(p.at(ref.line, StoreText::tr("%1: '%2' holds no PEM certificate").arg(ref.key, path)));
    }
    return {};
}

Error ProfileStore::unknownProfile(const QString &name, int line) const
{
    if (!m_fromFile && !m_fileName.isEmpty()) {
        // The built-in store: say that no file was read rather than pointing at one that does not exist.
        return Parser(m_fileName).at(
            0, StoreText::tr("unknown profile '%1' (the file does not exist; the only profile is the built-in "
                             "'local')")
                   .arg(name));
    }
    QStringList known = names();
    if (known.isEmpty())
        known << QStringLiteral("local");
    return Parser(m_fileName).at(
        line, StoreText::tr("unknown profile '%1' (known: %2)").arg(name, known.join(QStringLiteral(", "))));
}

void ProfileStore::upsert(const Profile &profile)
{
    for (auto &p : m_profiles) {
        if (p.name == profile.name) {
            p = profile;
            return;
        }
    }
    m_profiles << profile;
}

bool ProfileStore::remove(const QString &name)
{
    const auto removed = m_profiles.removeIf([&name](const Profile &p) { return p.name == name; });
    if (removed > 0 && m_defaultName == name)
        m_defaultName.clear();
    return removed > 0;
}

void ProfileStore::setDefaultProfileName(const QString &name)
{
    m_defaultName = name;
}

QByteArray ProfileStore::toToml() const
{
    QString out;
    out += QStringLiteral("# Opsdeck connection profiles. Check with: opsdeck --batch profiles check FILE\n"
                          "# Secrets are never stored here: reference them with secret_env = \"VAR\" or "
                          "keychain = \"key\".\n");
    if (!m_defaultName.isEmpty())
        out += u"default = " + tomlString(m_defaultName) + u'\n';
    for (const Profile &profile : m_profiles) {
        const QString base = u"profiles." + tomlKey(profile.name);
        out += u"\n[" + base + u"]\n";
        for (const ServiceKind kind : allServiceKinds()) {
            const ServiceConfig &service = profile.service(kind);
            if (service.isConfigured())
                out += serviceKey(kind) + u" = " + tomlString(urlText(service.url)) + u'\n';
        }
        out += u"timeout_ms = " + QString::number(profile.timeoutMs) + u'\n';
        for (const ServiceKind kind : allServiceKinds()) {
            const AuthConfig &auth = profile.service(kind).auth;
            if (!auth.isSet())
                continue;
            out += u"\n[" + base + u".auth." + serviceKey(kind) + u"]\n"
                   + authPairs(auth, kind == ServiceKind::Redis).join(u'\n') + u'\n';
        }
        for (const ServiceKind kind : allServiceKinds()) {
            const QStringList pairs = tlsPairs(profile.service(kind).tls);
            if (!pairs.isEmpty())
                out += u"\n[" + base + u".tls." + serviceKey(kind) + u"]\n" + pairs.join(u'\n') + u'\n';
        }
        for (const ScoringEndpointConfig &endpoint : profile.scoring) {
            out += u"\n[[" + base + u".scoring]]\n";
            out += u"name = " + tomlString(endpoint.name) + u'\n';
            out += u"url = " + tomlString(urlText(endpoint.url)) + u'\n';
            out += u"protocol = " + tomlString(endpoint.protocol) + u'\n';
            if (!endpoint.healthUrl.isEmpty())
                out += u"health_url = " + tomlString(urlText(endpoint.healthUrl)) + u'\n';
            if (endpoint.features != 0)
                out += u"features = " + QString::number(endpoint.features) + u'\n';
            if (endpoint.auth.isSet())
                out += u"auth = { " + authPairs(endpoint.auth, false).join(QStringLiteral(", ")) + u" }\n";
            if (const QStringList pairs = tlsPairs(endpoint.tls); !pairs.isEmpty())
                out += u"tls = { " + pairs.join(QStringLiteral(", ")) + u" }\n";
        }
    }
    return out.toUtf8();
}

Result<void> ProfileStore::saveFile(const QString &path) const
{
    const QByteArray data = toToml();
    auto reread = parse(data, path);
    if (!reread)
        return fail(reread.error());
    // A profile that parses but differs (say, an auth table without a type) would silently lose settings.
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        Profile expected = m_profiles.at(i);
        expected.sourceFile = path;
        if (i >= reread->m_profiles.size() || !(reread->m_profiles.at(i) == expected))
            return fail(ErrorKind::Usage, StoreText::tr("%1: profile '%2' cannot be written as it is (an auth "
                                                        "setting without a type?)")
                                              .arg(path, m_profiles.at(i).name));
    }

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorKind::Failed,
                    StoreText::tr("%1: cannot write: cannot create the folder %2").arg(path, info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Failed, StoreText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    // Set on the temporary file before the rename, so the final name is never readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fail(ErrorKind::Failed,
                    StoreText::tr("%1: cannot write: cannot set the file mode to 0600").arg(path));
    }
    if (file.write(data) != data.size() || !file.commit())
        return fail(ErrorKind::Failed, StoreText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    qCDebug(lcConfig) << "wrote" << m_profiles.size() << "profiles to" << path;
    return {};
}

} // namespace Opsdeck::Core
