#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <tl/expected.hpp>

namespace Opsdeck {

/// What kind of failure an Error is. Each kind has one documented process exit code (see exitCode()).
enum class ErrorKind {
    Failed,       ///< a job or benchmark failed, a verdict was INVALID, a remote call failed      → exit 1
    Usage,        ///< bad command line, config file, spec or input file                          → exit 2
    Threshold,    ///< a measured value breached a threshold                                      → exit 3
    Auth,         ///< a service refused authentication (401/403, Redis WRONGPASS/NOAUTH)         → exit 4
    Unreachable,  ///< a service could not be reached (DNS, refused, reset, TLS, transfer timeout) → exit 5
    Timeout,      ///< the global --timeout elapsed                                               → exit 124
    Interrupted,  ///< SIGINT/SIGTERM                                                            → exit 130
};

/// Documented exit codes of the CLI; ErrorKind maps onto them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitThreshold = 3,
    ExitAuth = 4,
    ExitUnreachable = 5,
    ExitTimeout = 124,
    ExitInterrupted = 130,
};

/// An error that names the thing at fault. `message` is one line for people ("FILE:LINE: unknown key 'x'",
/// "GET http://h/x: HTTP 503 Service Unavailable"); `detail` optionally carries more (a response body excerpt,
/// a stack of causes). Neither ever contains a secret.
struct Error
{
    ErrorKind kind = ErrorKind::Failed;
    QString message;
    QString detail;

    [[nodiscard]] int exitCode() const;
    /// message, plus "\n" + detail when there is one.
    [[nodiscard]] QString toString() const;
};

[[nodiscard]] int exitCodeFor(ErrorKind kind);
/// "failed", "usage", "threshold", "auth", "unreachable", "timeout", "interrupted".
[[nodiscard]] QString errorKindName(ErrorKind kind);

template<typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorKind::Usage, msg);`
[[nodiscard]] inline tl::unexpected<Error> fail(ErrorKind kind, QString message, QString detail = {})
{
    return tl::unexpected<Error>(Error{kind, std::move(message), std::move(detail)});
}
[[nodiscard]] inline tl::unexpected<Error> fail(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}

} // namespace Opsdeck

// Errors travel through queued signals (jobs on worker threads report to the GUI thread).
Q_DECLARE_METATYPE(Opsdeck::Error)
