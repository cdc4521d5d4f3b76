#!/usr/bin/python3
"""Model-as-a-service scoring peer (protocols.md section f) for tests and benchmarks.

A Flask app served by gunicorn. At start it fits a scikit-learn LogisticRegression on seeded synthetic data
(scoring_model.py) and then answers:

  PUT  /score    body: m x n little-endian float32, row-major -> m little-endian float32 (predict_proba[:, 1])
  POST /predict  {"instances": [[...], ...]} -> {"predictions": [p, ...]}   (PUT is accepted too)
  GET  /health   {"status": "ok", "features": n, "model": "logistic"}
  GET  /model    {"weights": [...], "bias": b, "link": "logistic"}  (the `linear` plugin's format)

Configuration (environment, or the matching command-line options when run as a script):
  SCORING_FEATURES  n, default 100        SCORING_SEED  default 7        SCORING_ROWS  training rows, default 2000
  SCORING_FAIL_EVERY=N                    every N-th PUT /score answers 500 (counted over all workers when the
                                          app is preloaded, which both ways of starting it below do)
  SCORING_TOKEN=T                         PUT /score and /predict require "Authorization: Bearer T" (else 401)
  SCORING_REQUEST_LOG=FILE                append "METHOD PATH?QUERY CLIENT_PORT" for every request to FILE (tests
                                          see which TCP connection carried which request: keep-alive)

Failure injection per request (query parameters of PUT /score):
  drop=1          read the request, then shut the TCP connection down without answering
  status=CODE     answer CODE (e.g. 503) with a text/plain message instead of scores
  delay_ms=MS     sleep before answering (timeouts)
POST /predict takes instances=KEY, predictions=KEY (JSON key names) and outputs=2 (answer [1 - p, p] per row).

Start it either way (gthread workers: sync workers close the connection after every response, gthread keeps it
alive, so clients' keep-alive is exercised):
  /usr/bin/python3 -m gunicorn --bind 127.0.0.1:8000 --workers 2 --worker-class gthread --threads 4 \
      --keep-alive 30 --preload 'scoring_service:create_app()'          (from this folder)
  /usr/bin/python3 scoring_service.py --bind 127.0.0.1:8000 --workers 2
"""

import argparse
import ctypes
import multiprocessing
import os
import socket
import time

import numpy as np
from flask import Flask, Response, jsonify, request

import scoring_model


def _int_setting(value, env_name, default):
    if value is not None:
        return int(value)
    return int(os.environ.get(env_name, default))


def _text(message, status):
    return Response(message + "\n", status=status, mimetype="text/plain")


def _drop_connection():
    """Closes the client's TCP connection without a response.

    Under gunicorn the WSGI environ carries the client socket: shutting it down sends FIN at once and gunicorn's
    own write afterwards fails with EPIPE, which it ignores. Only this connection goes; other requests the worker
    serves are unaffected. Without gunicorn (flask's development server) the process exits instead.
    """
    sock = request.environ.get("gunicorn.socket")
    if sock is None:
        os._exit(1)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def create_app(features=None, seed=None, rows=None, fail_every=None):
    """Builds the Flask app; arguments override the SCORING_* environment variables."""
    features = _int_setting(features, "SCORING_FEATURES", scoring_model.DEFAULT_FEATURES)
    seed = _int_setting(seed, "SCORING_SEED", scoring_model.DEFAULT_SEED)
    rows = _int_setting(rows, "SCORING_ROWS", scoring_model.DEFAULT_ROWS)
    fail_every = _int_setting(fail_every, "SCORING_FAIL_EVERY", 0)
    request_log = os.environ.get("SCORING_REQUEST_LOG")
    if features <= 0 or rows <= 0:
        raise ValueError("features and rows must be positive")

    model = scoring_model.build_model(features, seed, rows)
    exported = scoring_model.export_linear(model)
    # Shared memory created before gunicorn forks its workers (preload), so "every N-th request" counts requests
    # over all workers, respawned ones included.
    score_requests = multiprocessing.Value(ctypes.c_long, 0)

    app = Flask("scoring_service")

    token = os.environ.get("SCORING_TOKEN")
    if token:
        @app.before_request
        def require_token():
            if request.path in ("/score", "/predict") and \
                    request.headers.get("Authorization") != "Bearer " + token:
                request.get_data()  # read the body: the keep-alive connection stays usable
                return _text("missing or wrong bearer token", 401)
            return None

    if request_log:
        @app.before_request
        def log_request():
            line = "%s %s %s\n" % (request.method, request.full_path.rstrip("?"),
                                   request.environ.get("REMOTE_PORT", "-"))
            # One write() with O_APPEND per line: lines from concurrent workers do not interleave.
            fd = os.open(request_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)

    def injected_failure():
        """A response for this PUT /score if a failure is injected, else None."""
        with score_requests.get_lock():
            score_requests.value += 1
            number = score_requests.value
        if request.args.get("drop") == "1":
            request.get_data()
            _drop_connection()
            return _text("connection dropped", 500)
        delay_ms = request.args.get("delay_ms")
        if delay_ms:
            time.sleep(int(delay_ms) / 1000.0)
        status = request.args.get("status")
        if status:
            return _text("injected failure (status=%s)" % status, int(status))
        if fail_every > 0 and number % fail_every == 0:
            return _text("injected failure: request %d (SCORING_FAIL_EVERY=%d)" % (number, fail_every), 500)
        return None

    @app.route("/score", methods=["PUT"])
    def score():
        failure = injected_failure()
        if failure is not None:
            return failure
        body = request.get_data()
        row_bytes = 4 * features
        if len(body) % row_bytes != 0:
            return _text("body has %d bytes, not a multiple of 4*n = %d (n = %d features)"
                         % (len(body), row_bytes, features), 400)
        x = np.frombuffer(body, dtype="<f4").reshape(-1, features)
        scores = scoring_model.positive_scores(model, x)
        return Response(scores.tobytes(), mimetype="application/octet-stream")

    @app.route("/predict", methods=["POST", "PUT"])
    def predict():
        instances_key = request.args.get("instances", "instances")
        predictions_key = request.args.get("predictions", "predictions")
        outputs = int(request.args.get("outputs", "1"))
        payload = request.get_json(force=True, silent=True)
        if not isinstance(payload, dict) or instances_key not in payload:
            return _text("body is not a JSON object with an '%s' array" % instances_key, 400)
        try:
            x = np.asarray(payload[instances_key], dtype=np.float32)
        except (TypeError, ValueError) as error:
            return _text("'%s' is not a matrix of numbers: %s" % (instances_key, error), 400)
        if x.size == 0:
            return jsonify({predictions_key: []})
        if x.ndim != 2 or x.shape[1] != features:
            return _text("'%s' has shape %s, expected (m, %d)" % (instances_key, list(x.shape), features), 400)
        positive = model.predict_proba(x)[:, 1]
        if outputs == 2:
            predictions = [[1.0 - float(p), float(p)] for p in positive]
        else:
            predictions = [float(p) for p in positive]
        return jsonify({predictions_key: predictions})

    @app.route("/health", methods=["GET"])
    def health():
        return jsonify({"status": "ok", "features": features, "model": "logistic"})

    @app.route("/model", methods=["GET"])
    def model_export():
        return jsonify(exported)

    return app


def main():
    parser = argparse.ArgumentParser(description="Scoring peer: Flask app under gunicorn")
    parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)")
    parser.add_argument("--features", type=int, default=None, help="input columns n (default 100)")
    parser.add_argument("--seed", type=int, default=None, help="synthetic data seed (default 7)")
    parser.add_argument("--rows", type=int, default=None, help="training rows (default 2000)")
    parser.add_argument("--fail-every", type=int, default=None, help="every N-th PUT /score answers 500")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default 4)")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"],
                        help="gthread (default) keeps connections alive; sync closes them after each response")
    parser.add_argument("--keep-alive", type=int, default=30, help="idle keep-alive seconds (default 30)")
    args = parser.parse_args()

    from gunicorn.app.base import BaseApplication

    app = create_app(args.features, args.seed, args.rows, args.fail_every)

    class Server(BaseApplication):
        def load_config(self):
            settings = {
                "bind": args.bind,
                "workers": args.workers,
                "worker_class": args.worker_class,
                "threads": args.threads,
                "keepalive": args.keep_alive,
                "graceful_timeout": 3,
                "preload_app": True,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Server().run()


if __name__ == "__main__":
    main()
