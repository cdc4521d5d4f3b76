#include "health/servicehealth.h"

#include "common/error.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonValue>

namespace Opsdeck::Core {

QString healthStateKey(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return QStringLiteral("up");
    case HealthState::Degraded:
        return QStringLiteral("degraded");
    case HealthState::AuthRefused:
        return QStringLiteral("auth-refused");
    case HealthState::Unreachable:
        return QStringLiteral("unreachable");
    case HealthState::ConfigError:
        return QStringLiteral("config-error");
    case HealthState::Checking:
        return QStringLiteral("checking");
    }
    return QStringLiteral("unreachable");
}

QString healthStateLabel(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return QCoreApplication::translate("Health", "up");
    case HealthState::Degraded:
        return QCoreApplication::translate("Health", "degraded");
    case HealthState::AuthRefused:
        return QCoreApplication::translate("Health", "auth refused");
    case HealthState::Unreachable:
        return QCoreApplication::translate("Health", "unreachable");
    case HealthState::ConfigError:
        return QCoreApplication::translate("Health", "config error");
    case HealthState::Checking:
        return QCoreApplication::translate("Health", "checking…");
    }
    return {};
}

QString withoutControlCharacters(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\r' || u == u'\t')
            out += u' ';
        else if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            continue;
        else
            out += c;
    }
    return out;
}

QJsonObject toJson(const ServiceHealth &health)
{
    return QJsonObject{
        {QStringLiteral("service"), health.key},
        {QStringLiteral("name"), health.name},
        {QStringLiteral("url"), health.url},
        {QStringLiteral("state"), healthStateKey(health.state)},
        {QStringLiteral("latency_ms"), health.latencyMs >= 0 ? QJsonValue(health.latencyMs) : QJsonValue()},
        {QStringLiteral("version"), health.version},
        {QStringLiteral("detail"), health.detail},
        {QStringLiteral("checked_at"), health.checkedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

int healthExitCode(const QList<ServiceHealth> &round)
{
    bool config = false;
    bool auth = false;
    bool unreachable = false;
    bool degraded = false;
    for (const auto &h : round) {
        config |= h.state == HealthState::ConfigError;
        auth |= h.state == HealthState::AuthRefused;
        unreachable |= h.state == HealthState::Unreachable;
        degraded |= h.state == HealthState::Degraded;
    }
    // The operator's own settings first: until they are fixed the other answers say little.
    if (config)
        return ExitUsage;
    if (auth)
        return ExitAuth;
    if (unreachable)
        return ExitUnreachable;
    if (degraded)
        return ExitFailed;
    return ExitOk;
}

} // namespace Opsdeck::Core
