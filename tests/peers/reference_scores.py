#!/usr/bin/python3
"""Writes the scores the scoring peer must return for an input matrix, without talking to it.

Rebuilds the seeded model of scoring_service.py (same features, seed and training rows) and writes
predict_proba[:, 1] of the input rows as little-endian float32 (or .npy when the output name ends with .npy).

  /usr/bin/python3 reference_scores.py --input rows.f32 --output scores.f32 [--features 100] [--seed 7] [--rows 2000]

The input is raw little-endian float32, row-major, with --features columns, or a 2-D .npy array.
"""

import argparse
import sys

import numpy as np

import scoring_model


def read_matrix(path, features):
    if path.endswith(".npy"):
        x = np.load(path)
        if x.ndim != 2 or x.shape[1] != features:
            raise ValueError("%s: shape %s, expected (m, %d)" % (path, list(x.shape), features))
        return x.astype(np.float32)
    raw = np.fromfile(path, dtype="<f4")
    if raw.size % features != 0:
        raise ValueError("%s: %d floats, not a multiple of %d features" % (path, raw.size, features))
    return raw.reshape(-1, features)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="raw float32 (row-major) or .npy matrix")
    parser.add_argument("--output", required=True, help="raw float32 scores, or .npy")
    parser.add_argument("--features", type=int, default=scoring_model.DEFAULT_FEATURES)
    parser.add_argument("--seed", type=int, default=scoring_model.DEFAULT_SEED)
    parser.add_argument("--rows", type=int, default=scoring_model.DEFAULT_ROWS, help="training rows")
    args = parser.parse_args()

    try:
        x = read_matrix(args.input, args.features)
    except (OSError, ValueError) as error:
        print("reference_scores: %s" % error, file=sys.stderr)
        return 2
    model = scoring_model.build_model(args.features, args.seed, args.rows)
    scores = scoring_model.positive_scores(model, x)
    if args.output.endswith(".npy"):
        np.save(args.output, scores)
    else:
        scores.tofile(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
