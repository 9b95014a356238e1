#!/usr/bin/env python3
"""Writes the crypto fixtures with an implementation independent of core/: Python's json for
canonical JSON, base64, and the `cryptography` package's Ed25519. The appendix's own vectors
(appendices.md "Cryptographic Test Vectors") are asserted here before being written.

Needs python3-cryptography (Debian). Run from anywhere: python3 tests/data/crypto/make_vectors.py"""
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


def b64e(data):
    return base64.b64encode(data).decode().rstrip("=")


def canon(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key_for(seed):
    return Ed25519PrivateKey.from_private_bytes(b64d(seed))


def public_b64(seed):
    return b64e(key_for(seed).public_key().public_bytes(serialization.Encoding.Raw,
                                                        serialization.PublicFormat.Raw))


def sign_json(obj, seed, entity, key_id):
    obj = copy.deepcopy(obj)
    sigs = obj.pop("signatures", {})
    uns = obj.pop("unsigned", None)
    sigs.setdefault(entity, {})[key_id] = b64e(key_for(seed).sign(canon(obj)))
    obj["signatures"] = sigs
    if uns is not None:
        obj["unsigned"] = uns
    return obj


def write(name, value):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"
SPEC_SIGS = {
    "empty": "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ",
    "data values": "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI"
                   "+6Bw",
}
spec_cases = []
for name, obj in [("empty", {}), ("data values", {"one": 1, "two": "Two"})]:
    signed = sign_json(obj, SPEC_SEED, "domain", "ed25519:1")
    assert signed["signatures"]["domain"]["ed25519:1"] == SPEC_SIGS[name]
    spec_cases.append({"name": name, "input": obj, "signed": signed})

# Further objects, signed by several entities with seeds made up here.
SIGNERS = [
    {"entity": "a.example", "key_id": "ed25519:a1",
     "seed": b64e(hashlib.sha256(b"trellis test a.example").digest())},
    {"entity": "b.example", "key_id": "ed25519:b_2",
     "seed": b64e(hashlib.sha256(b"trellis test b.example").digest())},
    {"entity": "@user:c.example", "key_id": "ed25519:DEVICEID",
     "seed": b64e(hashlib.sha256(b"trellis test c.example").digest())},
]
for signer in SIGNERS:
    signer["public_key"] = public_b64(signer["seed"])
OBJECTS = {
    "server keys": {
        "server_name": "a.example", "valid_until_ts": 1732800000000,
        "verify_keys": {"ed25519:a1": {"key": SIGNERS[0]["seed"][:43]}},
        "old_verify_keys": {}, "unsigned": {"age_ts": 922834800000},
    },
    "unicode and escapes": {
        "text": "Grüße \"q\" \\ \n \u0001 \u2028 \U0001F600", "nested": {"b": [1, {"z": None}],
                                                            "a": True},
        "n": -9007199254740991, "unsigned": {"note": "not covered"},
    },
    "already signed by someone else": {
        "origin": "a.example", "content": {"x": 1},
        "signatures": {"z.example": {"ed25519:z": "c29tZW9uZSBlbHNl"}},
    },
}
multi = []
for name, obj in OBJECTS.items():
    signed = obj
    for signer in SIGNERS:
        signed = sign_json(signed, signer["seed"], signer["entity"], signer["key_id"])
    multi.append({"name": name, "input": obj, "signed": signed})

write("json_signing.json", {
    "seed": SPEC_SEED, "entity": "domain", "key_id": "ed25519:1",
    "public_key": public_b64(SPEC_SEED),
    # The seed as this module's encoder writes it: unpadded base64 with zero trailing bits
    # (the appendix's spelling ends in "1", whose two low bits are not zero).
    "seed_canonical_base64": b64e(b64d(SPEC_SEED)),
    "spec_cases": spec_cases,
    "signers": SIGNERS,
    "multi_signer_cases": multi,
})

# Key files: "ed25519 <version> <unpadded base64 seed>" per line.
s0, s1 = SIGNERS[0]["seed"], SIGNERS[1]["seed"]
valid = [
    {"name": "spec key", "text": f"ed25519 1 {SPEC_SEED}\n",
     "keys": [{"version": "1", "public_key": public_b64(SPEC_SEED)}]},
    {"name": "no final newline", "text": f"ed25519 a_AbC9 {s0}",
     "keys": [{"version": "a_AbC9", "public_key": public_b64(s0)}]},
    {"name": "two keys, blank lines, CRLF, extra spaces",
     "text": f"\n  ed25519   old_1 {s0}  \r\n\n\t\ned25519 new_2 {s1}=\r\n\n",
     "keys": [{"version": "old_1", "public_key": public_b64(s0)},
              {"version": "new_2", "public_key": public_b64(s1)}]},
]
short_seed = b64e(b64d(s0)[:31])
long_seed = b64e(b64d(s0) + b"\x00")
invalid = [
    {"name": "empty", "text": "", "line": 0, "contains": "no key"},
    {"name": "only blank lines", "text": "\n \n\t\n", "line": 0, "contains": "no key"},
    {"name": "wrong algorithm", "text": f"ed25519 a {s0}\ncurve25519 b {s1}\n", "line": 2,
     "contains": "curve25519"},
    {"name": "bad version characters", "text": f"\ned25519 a-b {s0}\n", "line": 2,
     "contains": "[a-zA-Z0-9_]"},
    {"name": "version with a colon", "text": f"ed25519 a:b {s0}\n", "line": 1,
     "contains": "[a-zA-Z0-9_]"},
    {"name": "bad base64", "text": f"ed25519 a {s0[:-2]}!!\n", "line": 1, "contains": "base64"},
    {"name": "impossible base64 length", "text": f"ed25519 a {s0}AA\n", "line": 1,
     "contains": "base64"},
    {"name": "31-byte seed", "text": f"ed25519 a {short_seed}\n", "line": 1, "contains": "31"},
    {"name": "33-byte seed", "text": f"ed25519 a {long_seed}\n", "line": 1, "contains": "33"},
    {"name": "two fields", "text": f"ed25519 {s0}\n", "line": 1, "contains": "expected"},
    {"name": "four fields", "text": f"ed25519 a {s0} extra\n", "line": 1, "contains": "expected"},
    {"name": "third line bad", "text": f"ed25519 a {s0}\ned25519 b {s1}\ned25519 c\n", "line": 3,
     "contains": "expected"},
]
write("keyfiles.json", {"valid": valid, "invalid": invalid})
