#include "xgboostfilecheck.h"

#include <QtCore/QCoreApplication>

#include <cstdint>

namespace Opsdeck::Plugins {

namespace {

// Real models nest a handful of levels (learner → gradient_booster → model → trees → …).
constexpr int MaxDepth = 128;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Plugins::XgboostModel)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Nesting depth of JSON objects and arrays, strings (with escapes) skipped. Syntax errors are xgboost's
/// parser's business; only a depth that would exhaust its recursion is refused here.
bool checkJsonDepth(const QByteArray &bytes, QString *error)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > MaxDepth) {
                *error = Text::tr("JSON nested deeper than %1 levels, not an xgboost model").arg(MaxDepth);
                return false;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

/// Walks the UBJSON subset xgboost reads and writes (big-endian numbers; strings and counts as 'L' int64).
class UbjChecker
{
public:
    explicit UbjChecker(const QByteArray &bytes) : m_data(bytes.constData()), m_size(bytes.size()) {}

    bool document()
    {
        if (!need(1) || m_data[m_pos] != '{')
            return fail(Text::tr("a model must be an object"));
        if (!value(0))
            return false;
        if (m_pos != m_size)
            return fail(Text::tr("%1 unexpected bytes after the model").arg(m_size - m_pos));
        return true;
    }

    [[nodiscard]] QString problem() const { return m_problem; }

private:
    bool fail(const QString &problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
        return false;
    }

    bool need(qint64 bytes)
    {
        if (m_size - m_pos < bytes)
            return fail(Text::tr("ends inside a value at byte %1").arg(m_pos));
        return true;
    }

    bool skip(qint64 bytes)
    {
        if (!need(bytes))
            return false;
        m_pos += bytes;
        return true;
    }

    bool expect(char marker)
    {
        if (!need(1))
            return false;
        if (m_data[m_pos] != marker) {
            return fail(Text::tr("expected '%1' at byte %2, found byte 0x%3")
                            .arg(QLatin1Char(marker))
                            .arg(m_pos)
                            .arg(uchar(m_data[m_pos]), 2, 16, QLatin1Char('0')));
        }
        ++m_pos;
        return true;
    }

    /// A count or length: 'L' and a big-endian int64, ≥ 0 and leaving room for `unit` bytes per item.
    bool count(const char *what, qint64 unit, qint64 *n)
    {
        const qint64 at = m_pos;
        if (!expect('L') || !need(8))
            return false;
        std::uint64_t raw = 0;
        for (int i = 0; i < 8; ++i)
            raw = (raw << 8) | uchar(m_data[m_pos + i]);
        m_pos += 8;
        const auto value = static_cast<std::int64_t>(raw);
        if (value < 0 || value > (m_size - m_pos) / unit) {
            return fail(Text::tr("%1 %2 at byte %3 exceeds the file")
                            .arg(QLatin1StringView(what))
                            .arg(qint64(value))
                            .arg(at));
        }
        *n = value;
        return true;
    }

    bool string()
    {
        qint64 length = 0;
        return count("string length", 1, &length) && skip(length);
    }

    bool value(int depth)
    {
        if (depth > MaxDepth)
            return fail(Text::tr("nested deeper than %1 levels").arg(MaxDepth));
        if (!need(1))
            return false;
        const char marker = m_data[m_pos++];
        switch (marker) {
        case '{':
            for (;;) {
                if (!need(1))
                    return false;
                if (m_data[m_pos] == '}') {
                    ++m_pos;
                    return true;
                }
                if (!string() || !value(depth + 1))
                    return false;
            }
        case '[':
            return array(depth);
        case 'Z':
        case 'T':
        case 'F':
            return true;
        case 'i':
        case 'U':
        case 'C':
            return skip(1);
        case 'I':
            return skip(2);
        case 'l':
        case 'd':
            return skip(4);
        case 'L':
            return skip(8);
        case 'S':
            return string();
        default:
            return fail(Text::tr("unknown marker byte 0x%1 at byte %2")
                            .arg(uchar(marker), 2, 16, QLatin1Char('0'))
                            .arg(m_pos - 1));
        }
    }

    bool array(int depth)
    {
        if (!need(1))
            return false;
        if (m_data[m_pos] == '$') { // typed array: '$' type '#' count, then the raw elements
            ++m_pos;
            if (!need(1))
                return false;
            const char type = m_data[m_pos++];
            const qint64 size = type == 'd' || type == 'l' ? 4 : type == 'L' ? 8 : type == 'U' ? 1 : 0;
            if (size == 0)
                return fail(Text::tr("typed array of unsupported type at byte %1").arg(m_pos - 1));
            qint64 n = 0;
            return expect('#') && count("array size", size, &n) && skip(n * size);
        }
        if (m_data[m_pos] == '#') { // counted array of values, each at least one byte
            ++m_pos;
            qint64 n = 0;
            if (!count("array size", 1, &n))
                return false;
            for (qint64 i = 0; i < n; ++i) {
                if (!value(depth + 1))
                    return false;
            }
            return true;
        }
        for (;;) {
            if (!need(1))
                return false;
            if (m_data[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            if (!value(depth + 1))
                return false;
        }
    }

    const char *m_data;
    qint64 m_size;
    qint64 m_pos = 0;
    QString m_problem;
};

} // namespace

std::optional<XgboostFormat> checkXgboostModel(const QByteArray &bytes, QString *error)
{
    // The same dispatch as xgboost's own loader: '{' then '"' is JSON, '{' then a letter is UBJ.
    qsizetype start = 0;
    while (start < bytes.size() && isSpace(bytes.at(start)))
        ++start;
    qsizetype next = start + 1;
    while (next < bytes.size() && isSpace(bytes.at(next)))
        ++next;
    if (start >= bytes.size() || bytes.at(start) != '{' || next >= bytes.size()) {
        *error = Text::tr("not an xgboost model (expected JSON or UBJ as written by save_model; the legacy "
                          "binary format is not supported, re-save such models as .json or .ubj)");
        return std::nullopt;
    }
    if (bytes.at(next) == '"') {
        if (!checkJsonDepth(bytes, error))
            return std::nullopt;
        return XgboostFormat::Json;
    }
    if (start == 0 && isLetter(bytes.at(1))) {
        UbjChecker checker(bytes);
        if (!checker.document()) {
            *error = Text::tr("damaged UBJ model (%1)").arg(checker.problem());
            return std::nullopt;
        }
        return XgboostFormat::Ubj;
    }
    *error = Text::tr("not an xgboost model (an object that is neither JSON nor UBJ)");
    return std::nullopt;
}

} // namespace Opsdeck::Plugins
