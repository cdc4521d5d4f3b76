#pragma once

#include "common/error.h"
#include "modelbackend.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

class QPluginLoader;

namespace Opsdeck::Core {

/// What the registry knows of one plugin file, loaded or not.
struct PluginInfo
{
    enum class State { Loaded, Failed };
    QString id;            ///< from metadata; the file's base name when metadata is missing
    QString name;
    QString version;
    int apiVersion = 0;
    QString inputKind;     ///< "dense-float32" or "text" (as written in the metadata)
    QStringList capabilities;
    QString description;
    QString file;          ///< absolute path of the library
    State state = State::Failed;
    QString error;         ///< why it failed (empty when loaded)
};

/// Finds model-backend plugins, reads their metadata before loading them, and keeps failed ones listed with the
/// reason. Not thread-safe: use it from one thread; the ModelBackend objects it hands out may be used from any
/// thread (they are stateless factories).
class PluginRegistry final
{
public:
    /// Search path in order: `OPSDECK_PLUGIN_PATH` (colon-separated), the build's plugin folder, the install
    /// folder (relative to the executable: ../lib/opsdeck/plugins).
    [[nodiscard]] static QStringList defaultSearchPaths();

    explicit PluginRegistry(QStringList searchPaths = defaultSearchPaths());
    ~PluginRegistry();
    Q_DISABLE_COPY_MOVE(PluginRegistry)

    /// Scans the search path (again). Never throws or crashes on a broken file: it is listed as Failed.
    void scan();
    [[nodiscard]] QList<PluginInfo> plugins() const;
    [[nodiscard]] QStringList searchPaths() const;

    /// The backend with this id, loading the library on first use. Errors: unknown id (Usage, lists the known
    /// ids), or the plugin failed to load (Usage, with its reason).
    [[nodiscard]] Result<Sdk::ModelBackend *> backend(const QString &id);
    /// The metadata of the plugin with this id, if listed.
    [[nodiscard]] const PluginInfo *find(const QString &id) const;

private:
    struct Entry;
    QStringList m_searchPaths;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace Opsdeck::Core
