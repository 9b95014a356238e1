#!/usr/bin/env python3
"""Writes the fixtures of tests/cli (the trellis-cli end-to-end tests) with an implementation
independent of core/: Python's json for canonical JSON, hashlib, base64 and the `cryptography`
package's Ed25519. The spec's example data (appendices.md "Canonical JSON" examples and
"Cryptographic Test Vectors") is checked here against that implementation before it is written.

Run from anywhere: python3 tests/data/cli/make_fixtures.py
Every file it writes is an input (*.json, *.key) or the exact bytes trellis-cli must print
(*.expected)."""
import base64
import copy
import hashlib
import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = os.path.dirname(os.path.abspath(__file__))


def b64d(text):
    return base64.b64decode(text + "=" * (-len(text) % 4))


def b64e(data, urlsafe=False):
    out = base64.urlsafe_b64encode(data) if urlsafe else base64.b64encode(data)
    return out.decode().rstrip("=")


def canon(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def write_json(relative, value):
    write(relative, json.dumps(value, indent=4, ensure_ascii=False) + "\n")


def expected(relative, value):
    """The exact stdout of a command printing `value` as canonical JSON."""
    write(relative, canon(value) + b"\n")


# --- keys ----------------------------------------------------------------------------------
SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"
ORIGIN_SEED = b64e(hashlib.sha256(b"trellis cli origin.example").digest())
OTHER_SEED = b64e(hashlib.sha256(b"trellis cli someone else").digest())


def private(seed):
    return Ed25519PrivateKey.from_private_bytes(b64d(seed))


def public_b64(seed):
    raw = private(seed).public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
    return b64e(raw)


# --- redaction (only what the fixtures' event types need), hashes, signing ------------------
TOP_V1 = ["event_id", "type", "room_id", "sender", "state_key", "content", "hashes",
          "signatures", "depth", "prev_events", "prev_state", "auth_events", "origin",
          "origin_server_ts", "membership"]
TOP_V11 = ["event_id", "type", "room_id", "sender", "state_key", "content", "hashes",
           "signatures", "depth", "prev_events", "auth_events", "origin_server_ts"]


def kept_content(event_type, version):
    if event_type == "m.room.create":
        return "*" if version >= 11 else ["creator"]
    if event_type == "m.room.member":
        return ["membership"] + (["join_authorised_via_users_server"] if version >= 9 else [])
    return []  # m.room.message and the spec's "X": nothing


def redact(event, version):
    top = TOP_V11 if version >= 11 else TOP_V1
    out = {k: copy.deepcopy(v) for k, v in event.items() if k in top and k != "content"}
    allowed = kept_content(event.get("type"), version)
    content = event.get("content", {})
    out["content"] = (copy.deepcopy(content) if allowed == "*"
                      else {k: v for k, v in content.items() if k in allowed})
    return out


def content_hash(event):
    stripped = {k: v for k, v in event.items() if k not in ("unsigned", "signatures", "hashes")}
    return b64e(hashlib.sha256(canon(stripped)).digest())


def event_id(event, version):
    if version <= 2:
        return event["event_id"]
    red = redact(event, version)
    red.pop("signatures", None)
    red.pop("unsigned", None)
    return "$" + b64e(hashlib.sha256(canon(red)).digest(), urlsafe=version >= 4)


def sign_json(obj, seed, server, key_id):
    obj = copy.deepcopy(obj)
    sigs = obj.pop("signatures", {})
    uns = obj.pop("unsigned", None)
    sigs.setdefault(server, {})[key_id] = b64e(private(seed).sign(canon(obj)))
    obj["signatures"] = sigs
    if uns is not None:
        obj["unsigned"] = uns
    return obj


def hash_and_sign(event, version, seed, server, key_id):
    event = copy.deepcopy(event)
    event["hashes"] = {"sha256": content_hash(event)}
    event["signatures"] = sign_json(redact(event, version), seed, server, key_id)["signatures"]
    return event


# === canonical/: appendices.md "Canonical JSON", the examples ===============================
CANONICAL = [
    ("01-empty", "{}", {}),
    ("02-two-members", '{\n    "one": 1,\n    "two": "Two"\n}', {"one": 1, "two": "Two"}),
    ("03-reordered", '{\n    "b": "2",\n    "a": "1"\n}', {"a": "1", "b": "2"}),
    ("04-reordered-compact", '{"b":"2","a":"1"}', {"a": "1", "b": "2"}),
    ("05-nested", json.dumps({"auth": {"success": True, "mxid": "@john.doe:example.com",
                                       "profile": {"display_name": "John Doe", "three_pids": [
                                           {"medium": "email", "address": "john.doe@example.org"},
                                           {"medium": "msisdn", "address": "123456789"}]}}},
                             indent=4), None),
    ("06-non-ascii-value", '{\n    "a": "日本語"\n}', None),
    ("07-non-ascii-keys", '{\n    "本": 2,\n    "日": 1\n}', None),
    ("08-unicode-escape", '{\n    "a": "\\u65E5"\n}', {"a": "日"}),
    ("09-null", '{\n    "a": null\n}', None),
    ("10-numbers", '{\n    "a": -0,\n    "b": 1e10\n}', {"a": 0, "b": 10000000000}),
]
# The spec's canonical forms, as printed there; each must also be what Python produces.
SPEC_CANONICAL = {
    "01-empty": '{}',
    "02-two-members": '{"one":1,"two":"Two"}',
    "03-reordered": '{"a":"1","b":"2"}',
    "04-reordered-compact": '{"a":"1","b":"2"}',
    "05-nested": '{"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe",'
                 '"three_pids":[{"address":"john.doe@example.org","medium":"email"},'
                 '{"address":"123456789","medium":"msisdn"}]},"success":true}}',
    "06-non-ascii-value": '{"a":"日本語"}',
    "07-non-ascii-keys": '{"日":1,"本":2}',
    "08-unicode-escape": '{"a":"日"}',
    "09-null": '{"a":null}',
    "10-numbers": '{"a":0,"b":10000000000}',
}
for name, text, value in CANONICAL:
    value = json.loads(text) if value is None else value
    assert canon(value).decode() == SPEC_CANONICAL[name], name
    write(f"canonical/{name}.json", text + "\n")
    write(f"canonical/{name}.expected", SPEC_CANONICAL[name] + "\n")

# === spec/: appendices.md "Cryptographic Test Vectors" ======================================
write("spec/signing.key", f"ed25519 1 {SPEC_SEED}\n")
expected("spec/public.expected", {"ed25519:1": {"key": public_b64(SPEC_SEED)}})
write("spec/public_base64.expected", public_b64(SPEC_SEED) + "\n")

SPEC_JSON = [
    ("json_empty", {}, "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ"),
    ("json_data", {"one": 1, "two": "Two"},
     "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw"),
]
for name, obj, signature in SPEC_JSON:
    signed = sign_json(obj, SPEC_SEED, "domain", "ed25519:1")
    assert signed["signatures"]["domain"]["ed25519:1"] == signature, name
    write_json(f"spec/{name}.json", obj)
    expected(f"spec/{name}.signed.expected", signed)

SPEC_EVENTS = [
    ("event_minimal",
     {"room_id": "!x:domain", "sender": "@a:domain", "origin": "domain",
      "origin_server_ts": 1000000, "signatures": {}, "hashes": {}, "type": "X", "content": {},
      "prev_events": [], "auth_events": [], "depth": 3, "unsigned": {"age_ts": 1000000}},
     "5jM4wQpv6lnBo7CLIghJuHdW+s2CMBJPUOGOC89ncos",
     "KxwGjPSDEtvnFgU00fwFz+l6d2pJM6XBIaMEn81SXPTRl16AqLAYqfIReFGZlHi5KLjAWbOoMszkwsQma+lYAg"),
    ("event_redactable",
     {"content": {"body": "Here is the message content"}, "event_id": "$0:domain",
      "origin": "domain", "origin_server_ts": 1000000, "type": "m.room.message",
      "room_id": "!r:domain", "sender": "@u:domain", "signatures": {},
      "unsigned": {"age_ts": 1000000}},
     "onLKD1bGljeBWQhWZ1kaP9SorVmRQNdN5aM2JYU2n/g",
     "Wm+VzmOUOz08Ds+0NTWb1d4CZrVsJSikkeRxh6aCcUwu6pNC78FunoD7KNWzqFn241eYHYMGCA5McEiVPdhzBA"),
]
for name, event, sha256, signature in SPEC_EVENTS:
    signed = hash_and_sign(event, 1, SPEC_SEED, "domain", "ed25519:1")
    assert signed["hashes"]["sha256"] == sha256, name
    assert signed["signatures"]["domain"]["ed25519:1"] == signature, name
    write_json(f"spec/{name}.json", event)
    expected(f"spec/{name}.signed.expected", signed)
    write(f"spec/{name}.content_hash.expected", sha256 + "\n")
    expected(f"spec/{name}.redacted.expected", redact(event, 1))
write("spec/event_redactable.event_id.expected", "$0:domain\n")


# === roundtrip_events.json: one well-formed event per room version, and some state events ====
def ref(name, version):
    """A reference to another event in `version`'s format."""
    digest = hashlib.sha256(name.encode()).digest()
    if version <= 2:
        return [f"${name}:origin.example", {"sha256": b64e(digest)}]
    return "$" + b64e(digest, urlsafe=version >= 4)


def base_event(version, type_, content, state_key=None):
    event = {"type": type_, "sender": "@alice:origin.example", "content": content, "depth": 7,
             "origin_server_ts": 1700000000000 + version, "hashes": {}, "signatures": {},
             "unsigned": {"age": 5}, "prev_events": [ref(f"prev{version}", version)],
             "auth_events": [ref(f"member{version}", version)]}
    if state_key is not None:
        event["state_key"] = state_key
    if version <= 2:
        event["event_id"] = f"${type_.split('.')[-1]}{version}:origin.example"
        event["origin"] = "origin.example"
    if version == 12:
        # rooms/v12: the room ID is the create event's hash; it is not an auth event.
        event["room_id"] = "!" + b64e(hashlib.sha256(b"create12").digest(), urlsafe=True)
    else:
        event["room_id"] = "!room:origin.example"
        event["auth_events"].append(ref(f"create{version}", version))
    return event


cases = []
for v in range(1, 13):
    cases.append((f"message v{v}", v, base_event(
        v, "m.room.message", {"msgtype": "m.text", "body": f"hello from room version {v}"})))
    cases.append((f"member v{v}", v, base_event(
        v, "m.room.member", {"membership": "join", "displayname": "Alice"},
        state_key="@alice:origin.example")))
create_v1 = base_event(1, "m.room.create", {"creator": "@alice:origin.example"}, state_key="")
create_v1.update(prev_events=[], auth_events=[], depth=1)
cases.append(("create v1", 1, create_v1))
create_v12 = base_event(12, "m.room.create", {"room_version": "12"}, state_key="")
create_v12.update(prev_events=[], auth_events=[], depth=1)
del create_v12["room_id"]  # v12 create events carry no room ID
cases.append(("create v12", 12, create_v12))

out = []
for name, version, event in cases:
    signed = hash_and_sign(event, version, ORIGIN_SEED, "origin.example", "ed25519:k1")
    out.append({"name": name, "room_version": str(version), "event": event,
                "signed": canon(signed).decode(), "event_id": event_id(signed, version),
                "content_hash": signed["hashes"]["sha256"],
                "redacted": canon(redact(signed, version)).decode(),
                # Adding to the content changes the signed (redacted) form only where
                # redaction keeps all of the content: the v11+ create event.
                "content_tamper_verdict": ("bad_signature" if kept_content(event["type"], version) == "*"
                                           else "content_hash_mismatch")})
write("origin.signing.key", f"ed25519 k1 {ORIGIN_SEED}\n")
write_json("roundtrip_events.json", {
    "server": "origin.example", "key_id": "ed25519:k1", "public_key": public_b64(ORIGIN_SEED),
    "other_public_key": public_b64(OTHER_SEED), "cases": out})
