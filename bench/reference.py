#!/usr/bin/python3
"""Reference measurements and helpers for bench/run (Debian's /usr/bin/python3 with numpy and xgboost).

  reference.py data --out X.npy [--rows 2000000] [--features 100] [--seed 1]
      standard-normal float32 rows, C order: the one data file every benchmark reads
  reference.py linear --input X.npy [--repeat 7]
      numpy X @ w (w: float32, seeded), best of --repeat
  reference.py train-xgboost --out model.json [--features 100] [--rows 50000] [--trees 100] [--depth 6] [--threads T]
      binary:logistic gradient-boosted trees on separate synthetic data, saved as JSON
  reference.py xgboost --model model.json --input X.npy --threads T [--repeat 3]
      Booster.inplace_predict over all rows with nthread = T, best of --repeat
  reference.py sequential --url URL --input X.npy --batch-size B --duration S [--warmup S]
      one keep-alive connection (http.client), PUT one batch after another, each reply read and checked
  reference.py table FILE
      prints bench/run's rows (tab-separated: measurement, rows/s, ratio, requirement, result) as a table

Measurements print one JSON object on stdout with at least "rows_per_s".
"""
import argparse
import json
import sys
import time


def cmd_data(args):
    import numpy as np

    rng = np.random.default_rng(args.seed)
    x = rng.standard_normal((args.rows, args.features), dtype=np.float32)
    np.save(args.out, x)
    print(json.dumps({"rows": args.rows, "features": args.features, "bytes": int(x.nbytes)}))


def cmd_linear(args):
    import numpy as np

    x = np.load(args.input)
    w = np.random.default_rng(2).standard_normal(x.shape[1]).astype(np.float32)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        y = x @ w
        best = min(best, time.perf_counter() - start)
    assert y.shape == (x.shape[0],)
    # Which BLAS numpy's matmul went to: the shared objects mapped into this process.
    blas = ", ".join(sorted({line.split()[-1] for line in open("/proc/self/maps", encoding="utf-8")
                             if "blas" in line.lower() and "/" in line})) or "none mapped"
    print(json.dumps({"rows": int(x.shape[0]), "seconds": best, "rows_per_s": x.shape[0] / best, "blas": blas}))


def cmd_train_xgboost(args):
    import numpy as np
    import xgboost as xgb

    rng = np.random.default_rng(20240607)
    x = rng.standard_normal((args.rows, args.features)).astype(np.float32)
    w = rng.standard_normal(args.features)
    # A linear rule with an interaction and noise: deep trees have something to split on.
    logits = x @ w / np.sqrt(args.features) + 0.8 * np.sin(3 * x[:, 0]) * x[:, 1]
    y = (logits + 0.5 * rng.standard_normal(args.rows) > 0).astype(np.float32)
    params = {"objective": "binary:logistic", "max_depth": args.depth, "eta": 0.1, "tree_method": "hist",
              "nthread": args.threads, "seed": 1}
    booster = xgb.train(params, xgb.DMatrix(x, label=y), args.trees)
    booster.save_model(args.out)
    print(json.dumps({"trees": args.trees, "depth": args.depth, "features": args.features,
                      "xgboost": xgb.__version__}))


def cmd_xgboost(args):
    import numpy as np
    import xgboost as xgb

    x = np.load(args.input)
    booster = xgb.Booster(model_file=args.model)
    booster.set_param({"nthread": args.threads})
    booster.inplace_predict(x[:1000])  # configuration and first-call costs outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        p = booster.inplace_predict(x)
        best = min(best, time.perf_counter() - start)
    assert p.shape[0] == x.shape[0]
    print(json.dumps({"rows": int(x.shape[0]), "seconds": best, "rows_per_s": x.shape[0] / best,
                      "threads": args.threads, "xgboost": xgb.__version__}))


def cmd_sequential(args):
    import http.client
    import urllib.parse

    import numpy as np

    x = np.load(args.input, mmap_mode="r")
    b = args.batch_size
    # Up to 64 different bodies, prepared before timing: the client measures the service and the round trip.
    count = max(1, min(64, x.shape[0] // b))
    bodies = [np.ascontiguousarray(x[i * b:(i + 1) * b], dtype="<f4").tobytes() for i in range(count)]
    url = urllib.parse.urlsplit(args.url)
    target = url.path + ("?" + url.query if url.query else "")
    # http.client sets TCP_NODELAY on its socket.
    connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
    headers = {"Content-Type": "application/octet-stream", "Accept": "application/octet-stream"}

    def score(body):
        connection.request("PUT", target, body=body, headers=headers)
        response = connection.getresponse()
        reply = response.read()
        if response.status != 200 or len(reply) != 4 * b:
            sys.exit("reference.py sequential: PUT %s: HTTP %d, %d bytes (expected %d)"
                     % (args.url, response.status, len(reply), 4 * b))

    i = 0
    end = time.perf_counter() + args.warmup
    while time.perf_counter() < end:
        score(bodies[i % count])
        i += 1
    start = time.perf_counter()
    end = start + args.duration
    sent = 0
    now = start
    while now < end:
        score(bodies[(i + sent) % count])
        sent += 1
        now = time.perf_counter()
    connection.close()
    seconds = now - start
    print(json.dumps({"rows": sent * b, "batches": sent, "seconds": seconds, "rows_per_s": sent * b / seconds}))


def cmd_table(args):
    rows = []
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 5:
                rows.append(fields)
    header = ["measurement", "rows/s", "ratio", "requirement", "result"]
    formatted = []
    for name, rate, ratio, requirement, result in rows:
        rate = "{:,.0f}".format(float(rate)) if rate else ""
        ratio = "{:.2f}".format(float(ratio)) if ratio else ""
        formatted.append([name, rate, ratio, requirement, result])
    widths = [max(len(r[i]) for r in [header] + formatted) for i in range(5)]
    align = ["<", ">", ">", "<", "<"]
    for r in [header] + formatted:
        print("  " + "  ".join("{:{}{}}".format(r[i], align[i], widths[i]) for i in range(5)).rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("data")
    p.add_argument("--out", required=True)
    p.add_argument("--rows", type=int, default=2_000_000)
    p.add_argument("--features", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=cmd_data)
    p = sub.add_parser("linear")
    p.add_argument("--input", required=True)
    p.add_argument("--repeat", type=int, default=7)
    p.set_defaults(run=cmd_linear)
    p = sub.add_parser("train-xgboost")
    p.add_argument("--out", required=True)
    p.add_argument("--features", type=int, default=100)
    p.add_argument("--rows", type=int, default=50_000)
    p.add_argument("--trees", type=int, default=100)
    p.add_argument("--depth", type=int, default=6)
    p.add_argument("--threads", type=int, default=1)
    p.set_defaults(run=cmd_train_xgboost)
    p = sub.add_parser("xgboost")
    p.add_argument("--model", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--repeat", type=int, default=3)
    p.set_defaults(run=cmd_xgboost)
    p = sub.add_parser("sequential")
    p.add_argument("--url", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--batch-size", type=int, required=True)
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--warmup", type=float, default=1.0)
    p.set_defaults(run=cmd_sequential)
    p = sub.add_parser("table")
    p.add_argument("file")
    p.set_defaults(run=cmd_table)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
