#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace Opsdeck::Plugins::Http {

/// The float32 protocol's body: `count` floats as little-endian IEEE-754, in order.
[[nodiscard]] QByteArray encodeFloat32(const float *values, qsizetype count);

/// Copies `count` little-endian floats from `body` (which has exactly 4·count bytes) to `out`.
void decodeFloat32(const QByteArray &body, float *out, qsizetype count);

/// The JSON protocol's body: {"<key>": [[v, …], …]} for a rows × cols row-major matrix, numbers written as
/// the shortest text that reads back as the same float32. Returns an empty array and sets `*error` ("row 3,
/// column 7 is not finite") when a value cannot be written as JSON (NaN, ±inf).
[[nodiscard]] QByteArray encodeJson(const float *values, qsizetype rows, qsizetype cols, const QString &key,
                                    QString *error);

/// Reads {"<key>": [p, …]} with `rows` predictions, each a number (outputs == 1) or an array of `outputs`
/// numbers, into out (rows × outputs floats). Returns false and sets `*error` (what is wrong with the reply,
/// without naming the URL) otherwise.
[[nodiscard]] bool decodeJson(const QByteArray &body, const QString &key, qsizetype rows, qsizetype outputs,
                              float *out, QString *error);

} // namespace Opsdeck::Plugins::Http
