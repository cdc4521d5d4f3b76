#pragma once

#include "common/error.h"
#include "modelbackend.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>
#include <vector>

class QPluginLoader;

namespace Opsdeck::Core {

/// What the registry knows of one plugin file, loaded or not.
struct PluginInfo
{
    /// Available: metadata accepted, library not loaded yet (loading happens on first backend() call).
    /// Loaded: the library is loaded and its root object implements the SDK interface.
    /// Failed: unusable; `error` says why (bad or missing metadata, duplicate id, the loader's error).
    enum class State { Available, Loaded, Failed };
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

/// A loaded backend with what its metadata declares: what a benchmark run needs to drive it.
struct BoundBackend
{
    Sdk::ModelBackend *backend = nullptr;
    Sdk::InputKind inputKind = Sdk::InputKind::DenseFloat32;   ///< from the metadata's "inputKind"
    QStringList capabilities;                                  ///< from the metadata ("remote", "thread-safe", …)
};

/// Finds model-backend plugins, reads their metadata before loading them, and keeps failed ones listed with
/// the reason. Not thread-safe: use it from one thread; the ModelBackend objects it hands out may be used
/// from any thread (they are stateless factories).
class PluginRegistry final
{
public:
    /// Search path in order: `OPSDECK_PLUGIN_PATH` (colon-separated, empty entries ignored), the build's
    /// plugin folder (when it exists), the install folder (relative to the executable:
    /// ../lib/opsdeck/plugins; only when a QCoreApplication exists).
    [[nodiscard]] static QStringList defaultSearchPaths();

    /// Scans `searchPaths` at once (see scan()).
    explicit PluginRegistry(QStringList searchPaths = defaultSearchPaths());
    ~PluginRegistry();
    Q_DISABLE_COPY_MOVE(PluginRegistry)

    /// Scans the search path (again): every shared library in each folder (folders in order, files by name)
    /// is listed, its metadata read without loading it. Never throws or crashes on a broken file: it is
    /// listed as Failed with the reason. The first plugin with a given id wins; later ones are Failed as
    /// duplicates, and the next of them takes over when loading the winner fails (backend(), loadAll()).
    /// Backends already loaded stay valid (libraries are never unloaded).
    void scan();
    /// Every library found by the last scan, usable or not, in scan order.
    [[nodiscard]] QList<PluginInfo> plugins() const;
    [[nodiscard]] QStringList searchPaths() const;
    /// Loads every Available plugin now (as backend() would), so that plugins() shows which ones really load;
    /// the ones that do not become Failed with the loader's error (missing symbol, missing library …).
    void loadAll();

    /// The backend with this id, loading the library on first use. Errors: unknown id (Usage, lists the known
    /// ids), or the plugin failed to load (Usage, with its reason).
    [[nodiscard]] Result<Sdk::ModelBackend *> backend(const QString &id);
    /// The backend with this id (as backend()) together with its input kind and capabilities from the metadata,
    /// as BenchOptions wants them. Errors: those of backend().
    [[nodiscard]] Result<BoundBackend> bind(const QString &id);
    /// The metadata of the plugin with this id (a usable entry before a failed one with the same id), or
    /// null. The pointer stays valid until the next scan().
    [[nodiscard]] const PluginInfo *find(const QString &id) const;

private:
    struct Entry;
    QStringList m_searchPaths;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace Opsdeck::Core
