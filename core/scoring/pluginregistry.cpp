#include "scoring/pluginregistry.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLibrary>
#include <QtCore/QPluginLoader>

#include <optional>

namespace Opsdeck::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::PluginRegistry)
};

const QStringList &knownInputKinds()
{
    static const QStringList kinds{QStringLiteral("dense-float32"), QStringLiteral("text")};
    return kinds;
}

/// Checks the metadata QPluginLoader read from the file (without running any of its code) and fills `info`.
/// Returns the reason when the plugin cannot be used, or nothing when it can.
std::optional<QString> readMetadata(const QJsonObject &raw, PluginInfo &info)
{
    if (raw.isEmpty())
        return Text::tr("no plugin metadata");
    const QString iid = raw.value(u"IID").toString();
    if (iid != QLatin1StringView(OpsdeckModelBackend_iid))
        return Text::tr("IID '%1' is not %2").arg(iid, QLatin1StringView(OpsdeckModelBackend_iid));
    const QJsonValue metaValue = raw.value(u"MetaData");
    if (!metaValue.isObject() || metaValue.toObject().isEmpty())
        return Text::tr("no plugin metadata (the plugin declares no 'MetaData' object)");
    const QJsonObject meta = metaValue.toObject();

    // The fields are read as far as they are present so that even a rejected plugin is listed with what it
    // says about itself.
    if (const QString id = meta.value(u"id").toString(); !id.isEmpty())
        info.id = id;
    info.name = meta.value(u"name").toString();
    info.version = meta.value(u"version").toString();
    info.apiVersion = meta.value(u"apiVersion").toInt();
    info.inputKind = meta.value(u"inputKind").toString();
    info.description = meta.value(u"description").toString();
    info.capabilities.clear();
    for (const QJsonValue &c : meta.value(u"capabilities").toArray())
        info.capabilities.append(c.toString());

    // apiVersion first: a plugin for another SDK generation may legitimately lack or rename the other fields.
    const QJsonValue api = meta.value(u"apiVersion");
    if (api.isUndefined())
        return Text::tr("missing field 'apiVersion'");
    if (!api.isDouble() || api.toDouble() != double(api.toInt()))
        return Text::tr("field 'apiVersion' must be a whole number");
    if (api.toInt() != Sdk::ApiVersion)
        return Text::tr("apiVersion %1 is not supported (this build speaks %2)")
            .arg(api.toInt())
            .arg(Sdk::ApiVersion);

    for (const auto *field : {u"id", u"name", u"version", u"inputKind"}) {
        const QJsonValue v = meta.value(QStringView(field));
        if (v.isUndefined())
            return Text::tr("missing field '%1'").arg(QStringView(field));
        if (!v.isString() || v.toString().isEmpty())
            return Text::tr("field '%1' must be a non-empty string").arg(QStringView(field));
    }
    if (!knownInputKinds().contains(info.inputKind))
        return Text::tr("inputKind '%1' is not one of %2").arg(info.inputKind, knownInputKinds().join(u", "));
    const QJsonValue capabilities = meta.value(u"capabilities");
    if (capabilities.isUndefined())
        return Text::tr("missing field 'capabilities'");
    bool allStrings = capabilities.isArray();
    for (const QJsonValue &c : capabilities.toArray())
        allStrings = allStrings && c.isString();
    if (!allStrings)
        return Text::tr("field 'capabilities' must be an array of strings");
    return std::nullopt;
}

} // namespace

struct PluginRegistry::Entry
{
    PluginInfo info;
    std::unique_ptr<QPluginLoader> loader;
    Sdk::ModelBackend *backend = nullptr;
    bool usable = false;    // metadata accepted and no load attempt has failed
    bool duplicate = false; // metadata accepted, but an earlier entry had the id: the stand-in if that fails
};

QStringList PluginRegistry::defaultSearchPaths()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("OPSDECK_PLUGIN_PATH");
    for (const QString &entry : fromEnvironment.split(u':', Qt::SkipEmptyParts))
        paths.append(QDir::cleanPath(entry));
#ifdef OPSDECK_PLUGIN_BUILD_DIR
    // Running from the build tree: the plugins just built win over installed ones.
    if (const QString buildDir = QStringLiteral(OPSDECK_PLUGIN_BUILD_DIR); QFileInfo(buildDir).isDir())
        paths.append(buildDir);
#endif
#ifdef OPSDECK_PLUGIN_INSTALL_SUBDIR
    // Relative to the executable so that an installed tree can move; an absolute install dir is taken as is.
    const QString installDir = QStringLiteral(OPSDECK_PLUGIN_INSTALL_SUBDIR);
    if (QDir::isAbsolutePath(installDir))
        paths.append(QDir::cleanPath(installDir));
    else if (QCoreApplication::instance())
        paths.append(QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../" + installDir));
#endif
    paths.removeDuplicates();
    return paths;
}

PluginRegistry::PluginRegistry(QStringList searchPaths) : m_searchPaths(std::move(searchPaths))
{
    scan();
}

// Libraries stay loaded when the registry goes: instances created by their backends may outlive it, and Qt
// keeps one root object per library for the whole process anyway.
PluginRegistry::~PluginRegistry() = default;

void PluginRegistry::scan()
{
    std::vector<std::unique_ptr<Entry>> previous = std::move(m_entries);
    m_entries.clear();
    QStringList seenFiles;
    for (const QString &folder : std::as_const(m_searchPaths)) {
        const QDir dir(folder);
        if (!dir.exists()) {
            qCDebug(lcPlugins) << "plugin folder does not exist:" << folder;
            continue;
        }
        qCDebug(lcPlugins) << "scanning" << dir.absolutePath();
        const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &fileInfo : files) {
            if (!QLibrary::isLibrary(fileInfo.fileName()))
                continue;
            // One library reached twice (symlinks, a folder listed twice) is one plugin, not a duplicate.
            const QString canonical = fileInfo.canonicalFilePath();
            if (seenFiles.contains(canonical))
                continue;
            seenFiles.append(canonical);

            auto entry = std::make_unique<Entry>();
            entry->info.file = fileInfo.absoluteFilePath();
            entry->info.id = fileInfo.baseName();
            // A library loaded before (by this registry or an earlier one) keeps its backend: reuse it rather
            // than asking Qt again, so pointers handed out stay the same across rescans.
            for (const auto &old : previous) {
                if (old->info.file == entry->info.file && old->backend) {
                    entry->loader = std::move(old->loader);
                    entry->backend = old->backend;
                    break;
                }
            }
            if (!entry->loader)
                entry->loader = std::make_unique<QPluginLoader>(entry->info.file);
            // metaData() reads the embedded JSON from the file without loading it: no plugin code runs.
            const std::optional<QString> problem = readMetadata(entry->loader->metaData(), entry->info);
            if (problem) {
                entry->info.state = PluginInfo::State::Failed;
                entry->info.error = *problem;
                entry->backend = nullptr;
                qCInfo(lcPlugins).noquote() << entry->info.file << "is not usable:" << *problem;
            } else if (const PluginInfo *winner = find(entry->info.id);
                       winner && winner->state != PluginInfo::State::Failed) {
                entry->info.state = PluginInfo::State::Failed;
                entry->info.error =
                    Text::tr("duplicate id '%1' (already provided by %2)").arg(entry->info.id, winner->file);
                entry->backend = nullptr;
                entry->duplicate = true;
                qCInfo(lcPlugins).noquote() << entry->info.file << "ignored:" << entry->info.error;
            } else {
                entry->usable = true;
                entry->info.state = entry->backend ? PluginInfo::State::Loaded : PluginInfo::State::Available;
                qCDebug(lcPlugins).noquote()
                    << "found plugin" << entry->info.id << entry->info.version << "in" << entry->info.file;
            }
            m_entries.push_back(std::move(entry));
        }
    }
}

QList<PluginInfo> PluginRegistry::plugins() const
{
    QList<PluginInfo> list;
    list.reserve(qsizetype(m_entries.size()));
    for (const auto &entry : m_entries)
        list.append(entry->info);
    return list;
}

QStringList PluginRegistry::searchPaths() const
{
    return m_searchPaths;
}

const PluginInfo *PluginRegistry::find(const QString &id) const
{
    // A usable entry wins over a failed one with the same id (say a stale copy with an older apiVersion).
    const PluginInfo *failed = nullptr;
    for (const auto &entry : m_entries) {
        if (entry->info.id != id)
            continue;
        if (entry->info.state != PluginInfo::State::Failed)
            return &entry->info;
        if (!failed)
            failed = &entry->info;
    }
    return failed;
}

Result<Sdk::ModelBackend *> PluginRegistry::backend(const QString &id)
{
    Entry *match = nullptr;
    for (const auto &entry : m_entries) {
        if (entry->info.id == id && (!match || (entry->usable && !match->usable)))
            match = entry.get();
    }
    if (!match) {
        QStringList known;
        for (const auto &entry : m_entries) {
            if (entry->usable)
                known.append(entry->info.id);
        }
        return fail(ErrorKind::Usage,
                    known.isEmpty()
                        ? Text::tr("unknown model backend '%1' (no plugins found in %2)")
                              .arg(id, m_searchPaths.join(u", "))
                        : Text::tr("unknown model backend '%1' (available: %2)").arg(id, known.join(u", ")));
    }
    if (!match->usable) {
        return fail(ErrorKind::Usage, Text::tr("model backend '%1' (%2) cannot be used: %3")
                                          .arg(id, match->info.file, match->info.error));
    }
    if (match->backend)
        return match->backend;

    QObject *root = match->loader->instance();
    QString problem;
    if (!root) {
        problem = match->loader->errorString();
    } else if (auto *backend = qobject_cast<Sdk::ModelBackend *>(root)) {
        match->backend = backend;
        match->info.state = PluginInfo::State::Loaded;
        qCDebug(lcPlugins).noquote() << "loaded plugin" << id << "from" << match->info.file;
        return backend;
    } else {
        problem = Text::tr("root object %1 does not implement %2")
                      .arg(QString::fromLatin1(root->metaObject()->className()),
                           QLatin1StringView(OpsdeckModelBackend_iid));
    }
    match->usable = false;
    match->info.state = PluginInfo::State::Failed;
    match->info.error = problem;
    // Info, not a warning: the caller gets the reason in the Result and reports it to the user itself.
    qCInfo(lcPlugins).noquote() << "cannot load plugin" << id << "from" << match->info.file << ":" << problem;
    // A broken copy early on the search path must not hide a good one later: the next duplicate with this
    // id takes over (and the ones after it now name it as the entry they duplicate).
    Entry *standIn = nullptr;
    for (const auto &entry : m_entries) {
        if (entry->info.id != id || !entry->duplicate)
            continue;
        if (!standIn) {
            standIn = entry.get();
            standIn->duplicate = false;
            standIn->usable = true;
            standIn->info.state = standIn->backend ? PluginInfo::State::Loaded : PluginInfo::State::Available;
            standIn->info.error.clear();
        } else {
            entry->info.error =
                Text::tr("duplicate id '%1' (already provided by %2)").arg(id, standIn->info.file);
        }
    }
    if (standIn) {
        qCInfo(lcPlugins).noquote() << "using" << standIn->info.file << "for plugin" << id << "instead";
        return backend(id);
    }
    return fail(ErrorKind::Usage,
                Text::tr("model backend '%1' (%2) cannot be loaded: %3").arg(id, match->info.file, problem));
}

Result<BoundBackend> PluginRegistry::bind(const QString &id)
{
    auto loaded = backend(id);
    if (!loaded)
        return tl::make_unexpected(loaded.error());
    BoundBackend bound;
    bound.backend = *loaded;
    if (const PluginInfo *info = find(id)) {
        bound.inputKind = info->inputKind == u"text" ? Sdk::InputKind::Text : Sdk::InputKind::DenseFloat32;
        bound.capabilities = info->capabilities;
    }
    return bound;
}

void PluginRegistry::loadAll()
{
    for (const auto &entry : m_entries) {
        if (entry->usable && !entry->backend) [[maybe_unused]]
            const auto loaded = backend(entry->info.id);
    }
}

} // namespace Opsdeck::Core
