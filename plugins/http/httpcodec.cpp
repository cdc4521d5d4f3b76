#include "httpcodec.h"

#include "httpconfig.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QSysInfo>
#include <QtCore/QtEndian>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace Opsdeck::Plugins::Http {

namespace {

constexpr bool HostIsLittleEndian = QSysInfo::ByteOrder == QSysInfo::LittleEndian;

// Longest shortest-round-trip float32 text is 15 characters ("-1.17549435e-38"); one more for the separator.
constexpr qsizetype MaxCharsPerValue = 16;

QByteArray quotedJsonString(const QString &text)
{
    // QJsonDocument escapes the key exactly as JSON requires; strip the surrounding [ ].
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray encodeFloat32(const float *values, qsizetype count)
{
    QByteArray body(count * qsizetype(sizeof(float)), Qt::Uninitialized);
    if constexpr (HostIsLittleEndian) {
        if (count > 0)
            std::memcpy(body.data(), values, size_t(body.size()));
    } else {
        for (qsizetype i = 0; i < count; ++i)
            qToLittleEndian(std::bit_cast<quint32>(values[i]), body.data() + 4 * i);
    }
    return body;
}

void decodeFloat32(const QByteArray &body, float *out, qsizetype count)
{
    Q_ASSERT(body.size() == count * qsizetype(sizeof(float)));
    if constexpr (HostIsLittleEndian) {
        if (count > 0)
            std::memcpy(out, body.constData(), size_t(count) * sizeof(float));
    } else {
        for (qsizetype i = 0; i < count; ++i)
            out[i] = std::bit_cast<float>(qFromLittleEndian<quint32>(body.constData() + 4 * i));
    }
}

QByteArray encodeJson(const float *values, qsizetype rows, qsizetype cols, const QString &key, QString *error)
{
    // Written by hand into one preallocated buffer: QJsonDocument would build a QJsonValue per number, which
    // costs more than the request itself for large batches.
    const QByteArray quotedKey = quotedJsonString(key);
    QByteArray body(quotedKey.size() + 8 + rows * (cols * MaxCharsPerValue + 3), Qt::Uninitialized);
    char *p = body.data();
    char *const end = body.data() + body.size();
    *p++ = '{';
    std::memcpy(p, quotedKey.constData(), size_t(quotedKey.size()));
    p += quotedKey.size();
    *p++ = ':';
    *p++ = '[';
    for (qsizetype r = 0; r < rows; ++r) {
        if (r > 0)
            *p++ = ',';
        *p++ = '[';
        const float *row = values + r * cols;
        for (qsizetype c = 0; c < cols; ++c) {
            if (!std::isfinite(row[c])) {
                if (error)
                    *error = HttpText::tr("row %1 of the batch, column %2: %3 cannot be sent as JSON (it has no "
                                          "NaN or infinity; use protocol float32)")
                                 .arg(r + 1)
                                 .arg(c + 1)
                                 .arg(row[c]);
                return {};
            }
            if (c > 0)
                *p++ = ',';
            const std::to_chars_result written = std::to_chars(p, end, row[c]);
            Q_ASSERT(written.ec == std::errc());
            p = written.ptr;
        }
        *p++ = ']';
    }
    *p++ = ']';
    *p++ = '}';
    body.truncate(p - body.data());
    return body;
}

bool decodeJson(const QByteArray &body, const QString &key, qsizetype rows, qsizetype outputs, float *out,
                QString *error)
{
    const auto failed = [error](QString message) {
        if (error)
            *error = std::move(message);
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failed(HttpText::tr("reply is not JSON: %1 at offset %2")
                          .arg(parseError.errorString())
                          .arg(parseError.offset));
    }
    const QJsonValue predictionsValue = document.object().value(key);
    if (!document.isObject() || !predictionsValue.isArray())
        return failed(HttpText::tr("reply has no '%1' array").arg(key));
    const QJsonArray predictions = predictionsValue.toArray();
    if (predictions.size() != rows) {
        return failed(HttpText::tr("reply has %1 predictions for %2 rows").arg(predictions.size()).arg(rows));
    }
    // A number beyond the float32 range is no score a float32 model gives (and converting it is undefined).
    const auto outOfRange = [&failed](qsizetype r, double v) {
        return failed(HttpText::tr("prediction %1 (%2) is outside the float32 range").arg(r + 1).arg(v));
    };
    constexpr double FloatMax = double(std::numeric_limits<float>::max());
    for (qsizetype r = 0; r < rows; ++r) {
        const QJsonValue prediction = predictions.at(r);
        float *row = out + r * outputs;
        if (prediction.isDouble() && outputs == 1) {
            const double v = prediction.toDouble();
            if (std::abs(v) > FloatMax)
                return outOfRange(r, v);
            row[0] = float(v);
            continue;
        }
        const QJsonArray values = prediction.toArray();
        bool ok = prediction.isArray() && values.size() == outputs;
        for (qsizetype c = 0; ok && c < outputs; ++c) {
            const QJsonValue value = values.at(c);
            ok = value.isDouble();
            const double v = value.toDouble();
            if (ok && std::abs(v) > FloatMax)
                return outOfRange(r, v);
            row[c] = float(v);
        }
        if (!ok) {
            return failed(
                outputs == 1
                    ? HttpText::tr("prediction %1 is not a number").arg(r + 1)
                    : HttpText::tr("prediction %1 is not an array of %2 numbers").arg(r + 1).arg(outputs));
        }
    }
    return true;
}

} // namespace Opsdeck::Plugins::Http
