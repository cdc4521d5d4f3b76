#pragma once

#include "common/error.h"
#include "config/profile.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Opsdeck::Core {

/// The profiles of one TOML file, in file order, plus its `default` key. Schema:
///
///     default = "prod"                                # optional
///     [profiles.prod]                                 # names: letters, digits, '-', '_', '.'
///     livy / spark_rest / spark_ui / elasticsearch = "http(s)://host:port[/path]"
///     redis = "redis[s]://host[:port][/db]"           # no user or password in any URL
///     timeout_ms = 10000                              # optional, 1 … 86400000
///     [profiles.prod.auth.<service>]                  # type = basic|bearer|apikey (redis: basic or omitted),
///                                                     # user (basic: required), secret_env = "VAR" | keychain = "key"
///     [profiles.prod.tls.<service>]                   # ca_file = "…", insecure = true|false
///     [[profiles.prod.scoring]]                       # name, url, protocol = float32|json, health_url,
///                                                     # features, auth = {…}, tls = {…}
///
/// Keys named password, secret, token, api_key or apikey are refused anywhere. Every parse error is a Usage
/// error reading exactly "FILE:LINE: message"; secrets appear only as references.
class ProfileStore
{
public:
    ProfileStore() = default;

    /// $XDG_CONFIG_HOME/opsdeck/profiles.toml (QStandardPaths::GenericConfigLocation). May not exist.
    [[nodiscard]] static QString defaultConfigPath();
    /// The built-in profile "local": every service on 127.0.0.1 at its usual port and one scoring endpoint
    /// "local-score" (http://127.0.0.1:8099/score, float32). sourceFile is empty.
    [[nodiscard]] static Profile builtinLocal();

    /// Reads and parses `path`. Fails (Usage) with "FILE: cannot read: <reason>" or a parse error.
    [[nodiscard]] static Result<ProfileStore> loadFile(const QString &path);
    /// Parses TOML text; `fileName` is used in messages and as each profile's sourceFile. Fails (Usage) with
    /// "FILE:LINE: message" for syntax errors, unknown keys, wrong types, bad URLs, stored secrets, bad auth or
    /// TLS tables, duplicate scoring endpoint names, or a `default` naming no profile.
    [[nodiscard]] static Result<ProfileStore> parse(const QByteArray &toml, const QString &fileName);

    /// The store the faces use: `configFile` when given (missing → error), else defaultConfigPath() when it
    /// exists, else a store holding only builtinLocal() (whose fileName() is the default path).
    [[nodiscard]] static Result<ProfileStore> open(const QString &configFile);
    /// The profile the faces use. Name precedence: `profileName`, $OPSDECK_PROFILE, the file's `default`, the
    /// first profile in file order, "local" (the built-in one when the file defines no profiles). Fails (Usage)
    /// as open() does or with "FILE:LINE: unknown profile 'x' (known: a, b)".
    [[nodiscard]] static Result<Profile> select(const QString &configFile, const QString &profileName);

    /// The file the store was read from (or, for the built-in store, the path a save would create).
    [[nodiscard]] QString fileName() const { return m_fileName; }
    /// True when the store was read from a file (false for the built-in-only store).
    [[nodiscard]] bool isFromFile() const { return m_fromFile; }
    /// Profile names in file order.
    [[nodiscard]] QStringList names() const;
    /// The `default` key; empty when the file has none.
    [[nodiscard]] QString defaultProfileName() const { return m_defaultName; }
    /// The profile called `name`. With no profiles at all, "local" is the built-in profile. Fails (Usage) with
    /// "FILE:LINE: unknown profile 'x' (known: a, b)" (LINE of the [profiles] table; "FILE: …" when none).
    [[nodiscard]] Result<Profile> profile(const QString &name) const;
    /// All profiles in file order.
    [[nodiscard]] const QList<Profile> &profiles() const { return m_profiles; }

    /// A file named in the profiles file (today: every `ca_file`), with where it was named.
    struct FileReference
    {
        int line = 0;
        QString key;    ///< "profiles.prod.tls.elasticsearch.ca_file"
        QString file;   ///< as written
    };
    /// Checks that every file the store names can be read and holds what it should (a CA file: at least one PEM
    /// certificate). Parsing does not look at them, so one missing CA file does not make the other profiles
    /// unusable. Relative paths are relative to the profiles file's folder (pathFromProfilesFile()). Fails
    /// (Usage) with "FILE:LINE: KEY: cannot read 'PATH': reason" or "… holds no PEM certificate", PATH the
    /// resolved one.
    [[nodiscard]] Result<void> checkFiles() const;

    /// Replaces the profile of the same name, or appends it.
    void upsert(const Profile &profile);
    /// Removes the profile called `name` (and clears `default` when it named it). Returns false when absent.
    bool remove(const QString &name);
    /// Sets the `default` key; empty removes it.
    void setDefaultProfileName(const QString &name);

    /// The store as TOML in the documented schema, profiles in store order. Secrets appear only as references;
    /// an auth table whose type is None is left out. parse(toToml()) gives equal profiles.
    [[nodiscard]] QByteArray toToml() const;
    /// Writes toToml() to `path` after checking it parses back to the same profiles; atomic (QSaveFile), creates
    /// the folder, file mode 0600. Fails (Usage) with the parse error when the store would not read back, or
    /// (Failed) "FILE: cannot write: <reason>".
    [[nodiscard]] Result<void> saveFile(const QString &path) const;

private:
    [[nodiscard]] Error unknownProfile(const QString &name, int line) const;

    QString m_fileName;
    bool m_fromFile = false;
    QList<Profile> m_profiles;
    QString m_defaultName;
    int m_defaultLine = 0;    // line of `default =`, 0 when unknown
    int m_profilesLine = 0;   // first line that opens the [profiles] table, 0 when unknown
    QList<FileReference> m_files;
};

} // namespace Opsdeck::Core
