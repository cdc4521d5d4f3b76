#include "net/redisreply.h"

#include <QtCore/QStringList>

namespace Opsdeck::Core {

namespace {

// redis-cli's quoting: printable ASCII as is, the usual escapes, everything else as \xHH.
QString quoted(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() + 2);
    out += u'"';
    for (const char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (byte) {
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\a':
            out += QStringLiteral("\\a");
            break;
        case '\b':
            out += QStringLiteral("\\b");
            break;
        default:
            if (byte >= 0x20 && byte < 0x7f)
                out += QLatin1Char(char(byte));
            else
                out += QStringLiteral("\\x%1").arg(byte, 2, 16, QChar(u'0'));
        }
    }
    out += u'"';
    return out;
}

QString display(const RedisReply &reply)
{
    switch (reply.type) {
    case RedisReply::Type::Nil:
        return QStringLiteral("(nil)");
    case RedisReply::Type::Status:
        return QString::fromUtf8(reply.string);
    case RedisReply::Type::Error:
        return QStringLiteral("(error) ") + QString::fromUtf8(reply.string);
    case RedisReply::Type::Integer:
        return QStringLiteral("(integer) ") + QString::number(reply.integer);
    case RedisReply::Type::String:
        return quoted(reply.string);
    case RedisReply::Type::Array:
        break;
    }
    if (reply.elements.isEmpty())
        return QStringLiteral("(empty array)");
    // Nested arrays continue under their own number, indented by the width of the prefix.
    const int width = int(QString::number(reply.elements.size()).size());
    QStringList lines;
    for (qsizetype i = 0; i < reply.elements.size(); ++i) {
        const QString prefix = QStringLiteral("%1) ").arg(i + 1, width);
        const QString indent(prefix.size(), u' ');
        const QStringList inner = display(reply.elements.at(i)).split(u'\n');
        for (qsizetype j = 0; j < inner.size(); ++j)
            lines.append((j == 0 ? prefix : indent) + inner.at(j));
    }
    return lines.join(u'\n');
}

} // namespace

bool RedisReply::isError() const
{
    return type == Type::Error;
}

QString RedisReply::toDisplayString() const
{
    return display(*this);
}

bool RedisReply::equals(const RedisReply &a, const RedisReply &b) noexcept
{
    if (a.type != b.type || a.string != b.string || a.integer != b.integer
        || a.elements.size() != b.elements.size())
        return false;
    for (qsizetype i = 0; i < a.elements.size(); ++i) {
        if (!equals(a.elements.at(i), b.elements.at(i)))
            return false;
    }
    return true;
}

} // namespace Opsdeck::Core
