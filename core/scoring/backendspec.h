#pragma once

#include "common/error.h"
#include "modelbackend.h"

#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace Opsdeck::Core {

/// A backend and its configuration, as written on a command line: `ID[,key=value]...`
/// ("linear,model=w.json", "http,endpoint=http://h:8099/score,endpoint=http://g:8099/score,protocol=json").
///
/// Keys the host maps onto Sdk::ModelConfig fields: `model` (model file), `endpoint` (repeatable), `features`,
/// `threads`. Every other key (`protocol`, `inflight`, `link`, …) goes to ModelConfig::options unchanged, so the
/// backend validates it. `bench --backend ID --model F --endpoint U --protocol P --option k=v` builds the same
/// structure through set().
struct BackendSpec
{
    QString id;
    QString modelPath;
    QStringList endpoints;
    QMap<QString, QString> options;
    std::optional<qsizetype> features;
    std::optional<int> threads;

    /// Parses `ID[,key=value]...`. Errors (Usage) name the spec and the key at fault:
    /// "backend spec 'linear,features=x': features: 'x' is not a whole number > 0",
    /// "backend spec 'linear,oops': 'oops' is not key=value", "backend spec ',model=w.json': no backend id".
    /// Values cannot contain a comma.
    [[nodiscard]] static Result<BackendSpec> parse(const QString &spec);

    /// Applies one key as parse() would (endpoint appends; `model`, `features` and `threads` may be set once).
    /// Errors (Usage) name the key: "features: 'x' is not a whole number > 0", "model: given twice".
    [[nodiscard]] Result<void> set(const QString &key, const QString &value);

    /// The ModelConfig for Sdk::ModelBackend::load() (network is left null: the host sets it on the run's thread).
    [[nodiscard]] Sdk::ModelConfig toModelConfig() const;

    /// The canonical text form ("http,endpoint=…,protocol=json"); parse(toString()) gives an equal spec.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const BackendSpec &, const BackendSpec &) = default;
};

} // namespace Opsdeck::Core
