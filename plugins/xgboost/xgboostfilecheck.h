#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

namespace Opsdeck::Plugins {

/// The two formats xgboost's save_model writes today.
enum class XgboostFormat
{
    Json,
    Ubj
};

/// Tells the model format from the bytes (not the file name) and checks its structure before xgboost does.
///
/// xgboost 1.7 trusts its input: its UBJ reader copies string and array lengths straight from the file (a
/// truncated .ubj reads past the buffer, a damaged length allocates exabytes), its readers recurse without a
/// depth limit, and its legacy binary reader allocates whatever a damaged header says. So: JSON is checked
/// for nesting depth, UBJ is walked completely with every length checked against the bytes left, and anything
/// else (the legacy binary format included) is refused.
///
/// Returns the format, or nothing with `*error` set to the reason (without the file name): "not an xgboost
/// model (…)", "damaged UBJ model (string length 123456789 at byte 17 exceeds the file)".
std::optional<XgboostFormat> checkXgboostModel(const QByteArray &bytes, QString *error);

} // namespace Opsdeck::Plugins
