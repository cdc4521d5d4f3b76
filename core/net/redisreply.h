#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QtGlobal>

namespace Opsdeck::Core {

/// One reply of a Redis server (RESP2), detached from hiredis: plain values that may be copied and kept.
struct RedisReply
{
    enum class Type
    {
        Nil,
        Status,
        Error,
        Integer,
        String,
        Array
    };

    Type type = Type::Nil;
    QByteArray string;          ///< Status, Error and String: the payload (binary-safe for String)
    qint64 integer = 0;         ///< Integer
    QList<RedisReply> elements; ///< Array (elements may be Nil or nested arrays)

    /// True when the server answered with an error reply ("ERR …", "WRONGTYPE …", "NOAUTH …").
    [[nodiscard]] bool isError() const;
    /// The reply as redis-cli prints it: `(nil)`, `OK`, `(error) ERR …`, `(integer) 3`, `"text"`
    /// (non-printable bytes escaped as \xHH), numbered array lines (`1) "a"`), `(empty array)`.
    [[nodiscard]] QString toDisplayString() const;

    /// Deep equality (type and payload, recursively); defined out of line because the type is recursive.
    friend bool operator==(const RedisReply &a, const RedisReply &b) noexcept { return equals(a, b); }

private:
    static bool equals(const RedisReply &a, const RedisReply &b) noexcept;
};

} // namespace Opsdeck::Core
