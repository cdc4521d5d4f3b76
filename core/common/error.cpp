#include "common/error.h"

namespace Opsdeck {

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Failed:
        return ExitFailed;
    case ErrorKind::Usage:
        return ExitUsage;
    case ErrorKind::Threshold:
        return ExitThreshold;
    case ErrorKind::Auth:
        return ExitAuth;
    case ErrorKind::Unreachable:
        return ExitUnreachable;
    case ErrorKind::Timeout:
        return ExitTimeout;
    case ErrorKind::Interrupted:
        return ExitInterrupted;
    }
    return ExitFailed;
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Failed:
        return QStringLiteral("failed");
    case ErrorKind::Usage:
        return QStringLiteral("usage");
    case ErrorKind::Threshold:
        return QStringLiteral("threshold");
    case ErrorKind::Auth:
        return QStringLiteral("auth");
    case ErrorKind::Unreachable:
        return QStringLiteral("unreachable");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

int Error::exitCode() const
{
    return exitCodeFor(kind);
}

QString Error::toString() const
{
    return detail.isEmpty() ? message : message + u'\n' + detail;
}

} // namespace Opsdeck
