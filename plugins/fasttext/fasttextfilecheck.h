#pragma once

#include <QtCore/QString>

#include <optional>

namespace Opsdeck::Plugins {

/// What the structural check learned about a fastText model file.
struct FasttextFileSummary
{
    int version = 0;
    int dim = 0;
    int words = 0;
    int labels = 0;
    bool quantized = false;
};

/// Walks a fastText model file (format versions 11 and 12, as written by fastText 0.9) without loading it:
/// magic number, version, arguments, dictionary, input and output matrices, and checks every size against the
/// file's length. fastText's own loader trusts the file completely (a truncated dictionary makes it loop
/// forever, a bad matrix size makes it allocate terabytes), so nothing reaches it before this check passes.
/// Values fastText computes with unchecked are checked too: hash buckets when word or character n-grams are
/// used (bucket 0 divides by zero), 1 ≤ wordNgrams ≤ 100, 0 ≤ minn ≤ maxn ≤ 1000 (minn is free when maxn is
/// 0), product quantizers whose nsubq and lastdsub follow from dim and dsub, words before labels in the
/// dictionary, and pruned-index rows inside the input matrix. Directories, devices and pipes are refused
/// before they are opened.
///
/// Returns the summary, or nothing with `*error` set to a message that names `path`:
/// "model.bin: not a fastText model (bad magic)", "model.bin: truncated fastText model (ends inside the
/// dictionary)", "model.bin: not a supervised fastText model (skipgram) …".
std::optional<FasttextFileSummary> checkFasttextFile(const QString &path, QString *error);

} // namespace Opsdeck::Plugins
