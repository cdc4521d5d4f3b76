"""The seeded synthetic model shared by scoring_service.py and reference_scores.py.

Both rebuild it from (features, seed, rows) alone, so a test can compute the scores the service must return
without talking to it.
"""

import numpy as np
from sklearn.linear_model import LogisticRegression

DEFAULT_FEATURES = 100
DEFAULT_SEED = 7
DEFAULT_ROWS = 2000


def training_data(features=DEFAULT_FEATURES, seed=DEFAULT_SEED, rows=DEFAULT_ROWS):
    """Returns (X, y): standard-normal rows and labels from a random linear rule with 10% label noise."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, features))
    true_weights = rng.standard_normal(features) / np.sqrt(features)
    logits = x @ true_weights + 0.3
    y = (logits + 0.5 * rng.standard_normal(rows) > 0).astype(np.int64)
    flip = rng.random(rows) < 0.1
    y[flip] = 1 - y[flip]
    return x, y


def build_model(features=DEFAULT_FEATURES, seed=DEFAULT_SEED, rows=DEFAULT_ROWS):
    """Returns the fitted LogisticRegression (lbfgs, deterministic for a given seed)."""
    x, y = training_data(features, seed, rows)
    model = LogisticRegression(max_iter=1000)
    model.fit(x, y)
    return model


def export_linear(model):
    """The model in the `linear` plugin's JSON format."""
    return {
        "weights": [float(w) for w in model.coef_[0]],
        "bias": float(model.intercept_[0]),
        "link": "logistic",
    }


def positive_scores(model, x):
    """predict_proba[:, 1] of float32 input rows, as little-endian float32 (what PUT /score answers)."""
    x = np.asarray(x, dtype=np.float32)
    if x.shape[0] == 0:
        return np.zeros(0, dtype="<f4")
    return model.predict_proba(x)[:, 1].astype("<f4")
