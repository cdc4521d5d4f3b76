#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <optional>

namespace Opsdeck::Plugins {

/// The two formats xgboost's save_model writes today.
enum class XgboostFormat
{
    Json,
    Ubj
};

/// Tells the model format from the bytes (not the file name) exactly as xgboost's loader will, and checks the
/// model before xgboost sees it.
///
/// xgboost 1.7 trusts its input: its UBJ reader copies string and array lengths straight from the file (a
/// truncated .ubj reads past the buffer, a damaged length allocates exabytes), its readers recurse without a
/// depth limit, its legacy binary reader allocates whatever a damaged header says, and neither loading nor
/// prediction range-checks the trees (a child index out of range crashes, a cycle loops forever). So: JSON is
/// checked for nesting depth and parsed, UBJ is walked completely with every length checked against the bytes
/// left, both are then checked by checkXgboostTrees(), and anything else (the legacy binary format, or JSON
/// after leading whitespace, which xgboost would read as legacy binary) is refused.
///
/// Returns the format, or nothing with `*error` set to the reason (without the file name): "not an xgboost
/// model (…)", "damaged UBJ model (string length 123456789 at byte 17 exceeds the file)", "tree 3 node 7:
/// left child 9 out of range".
std::optional<XgboostFormat> checkXgboostModel(const QByteArray &bytes, QString *error);

/// Checks a model's document (JSON, or UBJ decoded) for everything xgboost's loader and predictor rely on
/// without checking: num_trees equals the trees present, tree_info has one output group per tree below
/// max(num_class, num_target, 1), every per-node array of a tree has num_nodes entries, and from the root the
/// children are in range and form a tree (each node reached once, parents agreeing) whose split indices are
/// below num_feature; gblinear has (num_feature + 1) × outputs weights, dart one weight_drop per tree.
/// Returns false with `*error` naming the field ("tree 0 node 0: left child 100000 out of range",
/// "tree_info 0: output group 7 out of range (the model has 1)").
bool checkXgboostTrees(const QJsonObject &document, QString *error);

} // namespace Opsdeck::Plugins
