"""Client quick start (Python 3.8+, requests): create a verification session from your backend, send
the user to the hosted page, receive the signed webhook, then read the decision.

    API_BASE_URL=http://localhost:3000 API_KEY=... WEBHOOK_SECRET=... python3 examples/python/quickstart.py

API_KEY: an API key of your application (console > API keys). WEBHOOK_SECRET: the secret_shared_key of
a webhook destination whose URL points at this script (http://<this host>:WEBHOOK_PORT/webhook).
WORKFLOW_ID: the workflow to run (default: the application's default workflow). VENDOR_DATA: your id for
the user. The script exits once the session reaches a final status and the decision is read.
"""
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import requests

BASE_URL = os.environ.get("API_BASE_URL", "http://localhost:3000").rstrip("/")
PORT = int(os.environ.get("WEBHOOK_PORT", "4000"))
VENDOR_DATA = os.environ.get("VENDOR_DATA", "quickstart-%d" % int(time.time() * 1000))
# a delivery older than this is refused, so a captured request cannot be replayed later
TOLERANCE_SECONDS = 300
FINAL_STATUSES = {"Approved", "Declined", "In Review", "Abandoned", "Expired"}


def required(name):
    value = os.environ.get(name)
    if not value:
        print("Set %s (see the docstring at the top of this file)." % name, file=sys.stderr)
        sys.exit(2)
    return value


API_KEY = required("API_KEY")
WEBHOOK_SECRET = required("WEBHOOK_SECRET")


def call_api(method, path, body=None):
    res = requests.request(method, BASE_URL + path, headers={"x-api-key": API_KEY}, json=body, timeout=30)
    data = res.json()
    if not res.ok:
        raise RuntimeError("%s %s -> %d: %s" % (method, path, res.status_code, data.get("error", {}).get("message", data)))
    return data


def verify_signature(raw_body, timestamp, signature, secret, now=None):
    """X-Signature is the hex HMAC-SHA256 of the raw body bytes with the destination's secret; compare in
    constant time, and only after checking X-Timestamp is recent."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(int(now if now is not None else time.time()) - sent) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, (signature or "").lower())


class State:
    session_id = None
    done = threading.Event()


class WebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/webhook":
            self.send_response(404)
            self.end_headers()
            return
        # the raw body, never re-serialised JSON: the signature covers these exact bytes
        raw_body = self.rfile.read(int(self.headers.get("content-length", "0")))
        if not verify_signature(raw_body, self.headers.get("x-timestamp"), self.headers.get("x-signature"), WEBHOOK_SECRET):
            print("Rejected a webhook: bad signature or stale timestamp", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")
        event = json.loads(raw_body)
        if event.get("session_id") != State.session_id:
            return
        print("Verified webhook: %s session %s status %s" % (event.get("webhook_type"), event["session_id"], event["status"]), flush=True)
        if event["status"] not in FINAL_STATUSES:
            return
        # the webhook says something changed; the decision endpoint is the source of truth
        decision = call_api("GET", "/v3/session/%s/decision/" % State.session_id)
        liveness = decision.get("liveness") or {}
        face_match = decision.get("face_match") or {}
        print("Decision: %s (liveness %s score %s, face match %s score %s)" % (
            decision["status"], liveness.get("status", "-"), liveness.get("score", "-"), face_match.get("status", "-"), face_match.get("score", "-")), flush=True)
        State.done.set()

    def log_message(self, *args):
        pass


def main():
    # 1. The webhook receiver.
    server = HTTPServer(("", PORT), WebhookHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("Webhook receiver listening on port %d at /webhook" % PORT, flush=True)

    # 2. Create the session from the backend (the API key never reaches the browser).
    workflow_id = os.environ.get("WORKFLOW_ID")
    if not workflow_id:
        default = [w for w in call_api("GET", "/v3/workflows/")["results"] if w.get("is_default")]
        if not default:
            raise RuntimeError("No default workflow: set WORKFLOW_ID.")
        workflow_id = default[0]["workflow_id"]
    session = call_api("POST", "/v3/session/", {"workflow_id": workflow_id, "vendor_data": VENDOR_DATA})
    State.session_id = session["session_id"]
    print("Session %s created" % State.session_id, flush=True)
    print("Hosted page: %s" % session["url"], flush=True)
    print('Redirect the user there, or embed it: <iframe src="..." allow="camera"></iframe>', flush=True)

    # 3. Wait for the webhook that carries a final status.
    State.done.wait()
    server.shutdown()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a quick start prints the reason and stops
        print(error, file=sys.stderr)
        sys.exit(1)
