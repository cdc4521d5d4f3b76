#!/usr/bin/python3
"""Trains two small seeded xgboost models for the xgboost plugin's tests; writes what Python predicts for them.

Usage: /usr/bin/python3 train_xgboost.py OUTDIR

Writes to OUTDIR:
  binary.json, binary.ubj   binary:logistic, 1 output column
  multi.json, multi.ubj     multi:softprob with 3 classes, 3 output columns
  inputs.f32                test rows (little-endian float32, row-major, NaN = missing value)
  binary.f32, multi.f32     Booster.inplace_predict(inputs) of each model (float32, row-major)
  manifest.json             {"rows", "features", "classes", "xgboost"}
Exit status 3 when numpy or xgboost cannot be imported (the caller skips its tests).
"""
import json
import os
import sys

try:
    import numpy as np
    import xgboost as xgb
except ImportError as exc:  # the test reports this as a skip, not a failure
    print(f"missing Python module: {exc.name}", file=sys.stderr)
    sys.exit(3)

FEATURES = 8
CLASSES = 3
TRAIN_ROWS = 400
TEST_ROWS = 64


def main(outdir: str) -> None:
    rng = np.random.default_rng(20240607)
    x = rng.standard_normal((TRAIN_ROWS, FEATURES)).astype(np.float32)
    w = rng.standard_normal(FEATURES)
    y_binary = (x @ w + 0.3 * rng.standard_normal(TRAIN_ROWS) > 0).astype(np.float32)
    w_multi = rng.standard_normal((FEATURES, CLASSES))
    y_multi = np.argmax(x @ w_multi, axis=1).astype(np.float32)

    params = {"max_depth": 3, "eta": 0.3, "seed": 1, "nthread": 1, "tree_method": "hist"}
    binary = xgb.train({**params, "objective": "binary:logistic"}, xgb.DMatrix(x, label=y_binary), 12)
    multi = xgb.train({**params, "objective": "multi:softprob", "num_class": CLASSES},
                      xgb.DMatrix(x, label=y_multi), 8)
    for name, booster in (("binary", binary), ("multi", multi)):
        booster.save_model(os.path.join(outdir, f"{name}.json"))
        booster.save_model(os.path.join(outdir, f"{name}.ubj"))

    test = rng.standard_normal((TEST_ROWS, FEATURES)).astype(np.float32)
    # Missing values take the trees' default branches: the plugin must pass NaN through as "missing" too.
    test[rng.random(test.shape) < 0.1] = np.nan
    test.astype("<f4").tofile(os.path.join(outdir, "inputs.f32"))
    for name, booster in (("binary", binary), ("multi", multi)):
        reloaded = xgb.Booster(model_file=os.path.join(outdir, f"{name}.json"))
        prediction = np.asarray(reloaded.inplace_predict(test), dtype="<f4")
        prediction.tofile(os.path.join(outdir, f"{name}.f32"))

    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": TEST_ROWS, "features": FEATURES, "classes": CLASSES, "xgboost": xgb.__version__},
                  f)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
