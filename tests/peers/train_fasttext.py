#!/usr/bin/python3
"""Trains a tiny seeded supervised fastText model for the fasttext plugin's tests; writes Python's predictions.

Usage: /usr/bin/python3 train_fasttext.py OUTDIR

Writes to OUTDIR:
  train.txt                 the generated corpus ("__label__x word word …" per line)
  model.bin                 the supervised model (softmax loss, 3 labels)
  model.ftz                 the same model quantized (product-quantized input matrix with quantized norms)
  lines.txt                 test lines, one per line (UTF-8)
  labels.json               model.get_labels(), in the model's order
  {bin,ftz}_k{1,3}.f32      model.predict(line, k) probabilities per test line (float32, k per line)
Exit status 3 when fasttext or numpy cannot be imported (the caller skips its tests).
"""
import json
import os
import random
import sys

try:
    import fasttext
    import numpy as np
except ImportError as exc:  # the test reports this as a skip, not a failure
    print(f"missing Python module: {exc.name}", file=sys.stderr)
    sys.exit(3)

TOPICS = ("sports", "food", "tech")
WORDS_PER_TOPIC = 120
SHARED_WORDS = 60
LINES_PER_TOPIC = 200


def corpus(rng: random.Random) -> list[str]:
    shared = [f"common{i}" for i in range(SHARED_WORDS)]
    lines = []
    for topic in TOPICS:
        vocabulary = [f"{topic}{i}" for i in range(WORDS_PER_TOPIC)]
        for _ in range(LINES_PER_TOPIC):
            words = rng.choices(vocabulary, k=rng.randint(3, 8)) + rng.choices(shared, k=rng.randint(0, 4))
            rng.shuffle(words)
            lines.append(f"__label__{topic} " + " ".join(words))
    rng.shuffle(lines)
    return lines


def main(outdir: str) -> None:
    fasttext.FastText.eprint = lambda *args, **kwargs: None  # load_model's API-change notice on stderr
    rng = random.Random(1234)
    train = os.path.join(outdir, "train.txt")
    with open(train, "w", encoding="utf-8") as f:
        f.write("\n".join(corpus(rng)) + "\n")

    # One thread and no hashed buckets keep the model small and the training reproducible.
    model = fasttext.train_supervised(input=train, dim=16, epoch=20, lr=0.5, minCount=1, bucket=0, thread=1,
                                      seed=7, verbose=0)
    model.save_model(os.path.join(outdir, "model.bin"))
    model.quantize(input=train, qnorm=True, retrain=False, verbose=0)
    model.save_model(os.path.join(outdir, "model.ftz"))
    with open(os.path.join(outdir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(list(model.get_labels()), f)

    test_lines = [
        "sports3 sports17 common2",
        "food1 food2 food3 food4",
        "tech99 common5 tech7",
        "sports5 food6 tech7",
        "",
        "words the model has never seen",
        "tech1 tech1 tech1 tech1 tech1 tech1 tech1 tech1 tech1",
        "caf\u00e9 na\u00efve food8 \u00fcber",
        "  sports1\tsports2  ",
    ]
    test_lines += [" ".join(rng.choices([f"{t}{i}" for t in TOPICS for i in range(WORDS_PER_TOPIC)], k=5))
                   for _ in range(15)]
    with open(os.path.join(outdir, "lines.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(test_lines) + "\n")

    for kind in ("bin", "ftz"):
        reloaded = fasttext.load_model(os.path.join(outdir, f"model.{kind}"))
        for k in (1, 3):
            rows = []
            for line in test_lines:
                _, probabilities = reloaded.predict(line, k=k)
                rows.append(np.asarray(probabilities, dtype="<f4"))
            np.concatenate(rows).astype("<f4").tofile(os.path.join(outdir, f"{kind}_k{k}.f32"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
