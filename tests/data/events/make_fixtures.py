#!/usr/bin/env python3
"""Writes the expected values of the events fixtures with an implementation independent of
core/: Python's json for canonical JSON, hashlib, base64, and the `cryptography` package's
Ed25519. The redaction rules below are transcribed from the spec's lists (rooms/fragments
v1-, v6-, v9-, v11-redactions and rooms/v8 "Redactions"), not from core/events.

Needs python3-cryptography (Debian). Run from anywhere: python3 tests/data/events/make_fixtures.py
It rewrites the generated files next to it; the inputs are defined here."""
import base64
import copy
import hashlib
import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = list(range(1, 13))


def b64d(text):
    return base64.b64decode(text + "=" * (-len(text) % 4))


def b64e(data, urlsafe=False):
    out = base64.urlsafe_b64encode(data) if urlsafe else base64.b64encode(data)
    return out.decode().rstrip("=")


def canon(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# appendices.md "Cryptographic Test Vectors": the seed, server name and key ID.
SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"
SPEC_KEY = Ed25519PrivateKey.from_private_bytes(b64d(SPEC_SEED))
# Seeds of the other servers the tests use (arbitrary, fixed).
OTHER_SEEDS = {
    "origin.example": b64e(hashlib.sha256(b"trellis test origin.example").digest()),
    "auth.example": b64e(hashlib.sha256(b"trellis test auth.example").digest()),
    "idp.example": b64e(hashlib.sha256(b"trellis test idp.example").digest()),
}


def key_for(seed):
    return Ed25519PrivateKey.from_private_bytes(b64d(seed))


def public_b64(seed):
    raw = key_for(seed).public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
    return b64e(raw)


# --- redaction, per spec list -------------------------------------------------------------
TOP_V1 = ["event_id", "type", "room_id", "sender", "state_key", "content", "hashes",
          "signatures", "depth", "prev_events", "prev_state", "auth_events", "origin",
          "origin_server_ts", "membership"]
TOP_V11 = ["event_id", "type", "room_id", "sender", "state_key", "content", "hashes",
           "signatures", "depth", "prev_events", "auth_events", "origin_server_ts"]
PL_V1 = ["ban", "events", "events_default", "kick", "redact", "state_default", "users",
         "users_default"]
CONTENT = {
    # rules name -> event type -> allowed content keys ("*" = all)
    "v1": {"m.room.member": ["membership"], "m.room.create": ["creator"],
           "m.room.join_rules": ["join_rule"], "m.room.power_levels": PL_V1,
           "m.room.aliases": ["aliases"], "m.room.history_visibility": ["history_visibility"]},
    "v6": {"m.room.member": ["membership"], "m.room.create": ["creator"],
           "m.room.join_rules": ["join_rule"], "m.room.power_levels": PL_V1,
           "m.room.history_visibility": ["history_visibility"]},
    "v8": {"m.room.member": ["membership"], "m.room.create": ["creator"],
           "m.room.join_rules": ["join_rule", "allow"], "m.room.power_levels": PL_V1,
           "m.room.history_visibility": ["history_visibility"]},
    "v9": {"m.room.member": ["membership", "join_authorised_via_users_server"],
           "m.room.create": ["creator"], "m.room.join_rules": ["join_rule", "allow"],
           "m.room.power_levels": PL_V1, "m.room.history_visibility": ["history_visibility"]},
    "v11": {"m.room.member": ["membership", "join_authorised_via_users_server"],
            "m.room.create": "*", "m.room.join_rules": ["join_rule", "allow"],
            "m.room.power_levels": PL_V1 + ["invite"],
            "m.room.history_visibility": ["history_visibility"],
            "m.room.redaction": ["redacts"]},
}


def rules_of(version):
    if version <= 5:
        return "v1"
    if version <= 7:
        return "v6"
    if version == 8:
        return "v8"
    if version <= 10:
        return "v9"
    return "v11"


def redact(event, version):
    rules = rules_of(version)
    top = TOP_V11 if rules == "v11" else TOP_V1
    out = {k: copy.deepcopy(v) for k, v in event.items() if k in top and k != "content"}
    content = event.get("content")
    content = content if isinstance(content, dict) else {}
    allowed = CONTENT[rules].get(event.get("type"), [])
    if allowed == "*":
        new_content = copy.deepcopy(content)
    else:
        new_content = {k: copy.deepcopy(v) for k, v in content.items() if k in allowed}
    if rules == "v11" and event.get("type") == "m.room.member":
        tpi = content.get("third_party_invite")
        if isinstance(tpi, dict):
            new_content["third_party_invite"] = {}
            if "signed" in tpi:
                new_content["third_party_invite"]["signed"] = copy.deepcopy(tpi["signed"])
    out["content"] = new_content
    return out


# --- hashes, IDs, signing -------------------------------------------------------------------
def content_hash(event):
    stripped = {k: v for k, v in event.items() if k not in ("unsigned", "signatures", "hashes")}
    return hashlib.sha256(canon(stripped)).digest()


def reference_hash(event, version):
    red = redact(event, version)
    red.pop("signatures", None)
    red.pop("unsigned", None)
    return hashlib.sha256(canon(red)).digest()


def event_id(event, version):
    if version <= 2:
        return event["event_id"]
    return "$" + b64e(reference_hash(event, version), urlsafe=version >= 4)


def sign_json(obj, seed, server, key_id):
    sigs = obj.pop("signatures", {})
    uns = obj.pop("unsigned", None)
    sig = key_for(seed).sign(canon(obj))
    sigs.setdefault(server, {})[key_id] = b64e(sig)
    obj["signatures"] = sigs
    if uns is not None:
        obj["unsigned"] = uns
    return obj


def hash_and_sign(event, version, seed, server, key_id):
    event = copy.deepcopy(event)
    event["hashes"] = {"sha256": b64e(content_hash(event))}
    stripped = sign_json(redact(event, version), seed, server, key_id)
    event["signatures"] = stripped["signatures"]
    return event


def compact_scalar_arrays(text):
    """Puts arrays of numbers on one line, for people reading the fixtures."""
    import re
    return re.sub(r"\[\s*((?:-?\d+,\s*)*-?\d+)\s*\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)


def write(relative, value):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(compact_scalar_arrays(json.dumps(value, indent=2, ensure_ascii=False)) + "\n")


def groups(per_version):
    """[(versions, value)] for a dict version -> value, merging equal values."""
    out = []
    for v in VERSIONS:
        for g in out:
            if g["value"] == per_version[v]:
                g["versions"].append(v)
                break
        else:
            out.append({"versions": [v], "value": per_version[v]})
    return out



# === redaction/*.json ======================================================================
# Every top-level key any rule set mentions, plus ones none keeps.
def with_top_level(type_, content, state_key=None):
    event = {
        "auth_events": ["$auth1", "$auth2"],
        "content": content,
        "custom_top_level": "no rule keeps this",
        "depth": 7,
        "event_id": "$event:origin.example",
        "hashes": {"sha256": "aGFzaA"},
        "membership": "join",
        "origin": "origin.example",
        "origin_server_ts": 1700000000000,
        "prev_events": ["$prev1"],
        "prev_state": ["$state1"],
        "redacts": "$target",
        "room_id": "!room:origin.example",
        "sender": "@alice:origin.example",
        "signatures": {"origin.example": {"ed25519:1": "c2ln"}},
        "type": type_,
        "unsigned": {"age": 4612},
    }
    if state_key is not None:
        event["state_key"] = state_key
    return event


SIGNED_3PID = {
    "mxid": "@bob:other.example",
    "token": "abc123",
    "signatures": {"idp.example": {"ed25519:0": "c2lnbmF0dXJl"}},
}
REDACTION_CASES = {
    "member_join": ("m.room.member join with a restricted-join authoriser", with_top_level(
        "m.room.member", {"membership": "join", "displayname": "Alice", "avatar_url": "mxc://a/b",
                          "join_authorised_via_users_server": "@admin:auth.example",
                          "reason": "hello", "is_direct": False}, "@alice:origin.example")),
    "member_invite_third_party": ("m.room.member invite from a third-party invite",
                                  with_top_level("m.room.member", {
        "membership": "invite", "displayname": "Bob",
        "third_party_invite": {"display_name": "bob@example.org", "signed": SIGNED_3PID}},
        "@bob:other.example")),
    "member_third_party_without_signed": ("third_party_invite without a signed block",
                                          with_top_level("m.room.member", {
        "membership": "invite", "third_party_invite": {"display_name": "bob@example.org"}},
        "@bob:other.example")),
    "member_third_party_not_object": ("third_party_invite that is not an object",
                                      with_top_level("m.room.member", {
        "membership": "invite", "third_party_invite": "not an object"}, "@bob:other.example")),
    "create": ("m.room.create with the content of several room versions", with_top_level(
        "m.room.create", {"creator": "@alice:origin.example", "room_version": "9",
                          "m.federate": False, "type": "m.space",
                          "predecessor": {"room_id": "!old:origin.example",
                                          "event_id": "$last:origin.example"},
                          "additional_creators": ["@carol:origin.example"]}, "")),
    "join_rules": ("m.room.join_rules restricted with allow", with_top_level(
        "m.room.join_rules", {"join_rule": "restricted",
                              "allow": [{"type": "m.room_membership",
                                         "room_id": "!space:origin.example"}],
                              "note": "dropped"}, "")),
    "power_levels": ("m.room.power_levels with every key", with_top_level(
        "m.room.power_levels", {"ban": 50, "events": {"m.room.name": 100}, "events_default": 0,
                                "invite": 25, "kick": 50, "redact": 50, "state_default": 50,
                                "users": {"@alice:origin.example": 100}, "users_default": 0,
                                "notifications": {"room": 50}, "historical": 100}, "")),
    "aliases": ("m.room.aliases", with_top_level(
        "m.room.aliases", {"aliases": ["#a:origin.example"], "other": 1}, "origin.example")),
    "history_visibility": ("m.room.history_visibility", with_top_level(
        "m.room.history_visibility", {"history_visibility": "shared", "other": 1}, "")),
    "redaction": ("m.room.redaction with redacts at the top level and in content",
                  with_top_level("m.room.redaction", {"redacts": "$target", "reason": "spam"})),
    "message": ("a plain m.room.message", with_top_level(
        "m.room.message", {"body": "hello", "msgtype": "m.text",
                           "format": "org.matrix.custom.html", "formatted_body": "<b>hello</b>"})),
    "canonical_alias": ("a state event without special rules", with_top_level(
        "m.room.canonical_alias", {"alias": "#a:origin.example"}, "")),
    "third_party_invite_event": ("m.room.third_party_invite keeps nothing", with_top_level(
        "m.room.third_party_invite", {"display_name": "b...", "public_key": "cHVi",
                                      "key_validity_url": "https://idp.example/isvalid"},
        "token")),
    "content_not_object": ("content that is not an object", with_top_level(
        "m.room.message", "just a string")),
}
for name, (description, event) in REDACTION_CASES.items():
    per_version = {v: redact(event, v) for v in VERSIONS}
    write(f"redaction/{name}.json", {
        "description": description,
        "event": event,
        "expected": [{"versions": g["versions"], "redacted": g["value"]} for g in groups(per_version)],
    })

# === spec_event_signing.json (appendices.md "Event Signing") ===============================
SPEC_MINIMAL = {
    "room_id": "!x:domain", "sender": "@a:domain", "origin": "domain",
    "origin_server_ts": 1000000, "signatures": {}, "hashes": {}, "type": "X", "content": {},
    "prev_events": [], "auth_events": [], "depth": 3, "unsigned": {"age_ts": 1000000},
}
SPEC_MINIMAL_SIGNED_SIG = ("KxwGjPSDEtvnFgU00fwFz+l6d2pJM6XBIaMEn81SXPTRl16AqLAYqfIReFGZlHi5"
                           "KLjAWbOoMszkwsQma+lYAg")
SPEC_REDACTABLE = {
    "content": {"body": "Here is the message content"}, "event_id": "$0:domain",
    "origin": "domain", "origin_server_ts": 1000000, "type": "m.room.message",
    "room_id": "!r:domain", "sender": "@u:domain", "signatures": {},
    "unsigned": {"age_ts": 1000000},
}
spec_cases = []
for name, event, spec_hash, spec_sig in [
    ("minimal", SPEC_MINIMAL, "5jM4wQpv6lnBo7CLIghJuHdW+s2CMBJPUOGOC89ncos", SPEC_MINIMAL_SIGNED_SIG),
    ("redactable", SPEC_REDACTABLE, "onLKD1bGljeBWQhWZ1kaP9SorVmRQNdN5aM2JYU2n/g",
     "Wm+VzmOUOz08Ds+0NTWb1d4CZrVsJSikkeRxh6aCcUwu6pNC78FunoD7KNWzqFn241eYHYMGCA5McEiVPdhzBA"),
]:
    signed = hash_and_sign(event, 1, SPEC_SEED, "domain", "ed25519:1")
    # The spec's own numbers, checked here so that a fixture never disagrees with the spec.
    assert signed["hashes"]["sha256"] == spec_hash, name
    assert signed["signatures"]["domain"]["ed25519:1"] == spec_sig, name
    by_version = {v: hash_and_sign(event, v, SPEC_SEED, "domain", "ed25519:1")["signatures"]
                  ["domain"]["ed25519:1"] for v in VERSIONS}
    ids = {v: event_id(signed, v) if (v >= 3 or "event_id" in event) else None for v in VERSIONS}
    spec_cases.append({
        "name": name,
        "input": event,
        "signed_room_version_1": signed,
        "content_hash": spec_hash,
        "signature_by_version": [{"versions": g["versions"], "signature": g["value"]}
                                 for g in groups(by_version)],
        "event_id_by_version": [{"versions": g["versions"], "event_id": g["value"]}
                                for g in groups(ids)],
    })
write("spec_event_signing.json", {
    "seed": SPEC_SEED, "server": "domain", "key_id": "ed25519:1",
    "public_key": public_b64(SPEC_SEED), "cases": spec_cases,
})

# === signing/events.json: realistic events of every room version ===========================
KEY_IDS = {"origin.example": "ed25519:a_Trls", "auth.example": "ed25519:auth1",
           "idp.example": "ed25519:0"}


def fake_ids(count, version, seed):
    """Plausible event IDs for prev_events/auth_events of `version`."""
    ids = []
    for i in range(count):
        digest = hashlib.sha256(f"{seed}-{i}".encode()).digest()
        if version <= 2:
            ids.append([f"${seed}{i}:origin.example", {"sha256": b64e(digest)}])
        else:
            ids.append("$" + b64e(digest, urlsafe=version >= 4))
    return ids


MESSAGE_CONTENT = {
    "body": "Grüße — \"quoted\" back\\slash, tab\tnewline\n, control \u0001, "
            "line separator \u2028, emoji \U0001F600",
    "msgtype": "m.text",
    "m.mentions": {"user_ids": ["@bob:other.example"]},
    "flags": [True, False, None, -42, 9007199254740991],
}


def realistic(version, type_, content, state_key=None, room_id=None, name=""):
    event = {
        "auth_events": fake_ids(3, version, "auth"),
        "content": copy.deepcopy(content),
        "depth": 42,
        "origin": "origin.example",
        "origin_server_ts": 1732800000000,
        "prev_events": fake_ids(2, version, "prev"),
        "room_id": room_id or "!jEsUZKDJdhlrceRyVU:origin.example",
        "sender": "@alice:origin.example",
        "type": type_,
        "unsigned": {"age": 4612, "transaction_id": "m1732800000000.0"},
    }
    if version <= 2:
        event["event_id"] = f"${name}{version}:origin.example"
    if state_key is not None:
        event["state_key"] = state_key
    return event


signing_events = []


def add_signing_event(name, version, event):
    signed = hash_and_sign(event, version, OTHER_SEEDS["origin.example"], "origin.example",
                           KEY_IDS["origin.example"])
    entry = {
        "name": name,
        "room_version": str(version),
        "event": event,
        "signed": signed,
        "expected": {
            "content_hash": signed["hashes"]["sha256"],
            "signature": signed["signatures"]["origin.example"][KEY_IDS["origin.example"]],
            "event_id": event_id(signed, version),
            "reference_hash": b64e(reference_hash(signed, version)),
            "redacted": redact(signed, version),
        },
    }
    signing_events.append(entry)
    return signed, entry


v12_create, create_entry = add_signing_event("create_v12", 12, {
    "auth_events": [], "content": {"room_version": "12",
                                   "additional_creators": ["@carol:other.example"]},
    "depth": 1, "origin_server_ts": 1732800000000, "prev_events": [],
    "sender": "@alice:origin.example", "state_key": "", "type": "m.room.create",
    "unsigned": {"age": 10},
})
V12_ROOM_ID = "!" + create_entry["expected"]["event_id"][1:]
create_entry["expected"]["room_id"] = V12_ROOM_ID
for v in VERSIONS:
    room = V12_ROOM_ID if v == 12 else None
    content = copy.deepcopy(MESSAGE_CONTENT)
    if v <= 5:
        # Room versions 1-5 may carry numbers canonical JSON forbids.
        content["weight"] = 1.5
        content["big"] = 12345678901234567890
    add_signing_event(f"message_v{v}", v, realistic(v, "m.room.message", content,
                                                     room_id=room, name="message"))
    add_signing_event(f"member_v{v}", v, realistic(
        v, "m.room.member", {"membership": "join", "displayname": "Alice ✓",
                             "avatar_url": "mxc://origin.example/abc"},
        state_key="@alice:origin.example", room_id=room, name="member"))

write("signing/keys.json", {
    "servers": [{"server": server, "key_id": KEY_IDS[server], "seed": seed,
                 "public_key": public_b64(seed)} for server, seed in OTHER_SEEDS.items()],
})
write("signing/events.json", {"events": signing_events})


# === eventids/cases.json ===================================================================
def find_event_with_both(chars):
    """A message whose standard-base64 reference hash contains every character of `chars`."""
    for i in range(100000):
        # The content does not reach the reference hash of a message: vary the timestamp.
        event = realistic(4, "m.room.message", {"body": "search", "msgtype": "m.text"})
        event["origin_server_ts"] += i
        std = b64e(reference_hash(event, 4))
        if all(c in std for c in chars):
            return event
    raise RuntimeError("not found")


id_cases = []
for name, event in [("slash_and_plus", find_event_with_both("/+")),
                    ("message_v4_shape", realistic(4, "m.room.message", MESSAGE_CONTENT)),
                    ("spec_minimal_signed", hash_and_sign(SPEC_MINIMAL, 3, SPEC_SEED, "domain",
                                                          "ed25519:1"))]:
    per_version = {v: event_id(event, v) if v >= 3 else None for v in VERSIONS}
    id_cases.append({
        "name": name,
        "event": event,
        "reference_hash_by_version": [
            {"versions": g["versions"], "hash": g["value"]}
            for g in groups({v: b64e(reference_hash(event, v)) for v in VERSIONS})],
        "event_id_by_version": [{"versions": g["versions"], "event_id": g["value"]}
                                for g in groups(per_version)],
    })
write("eventids/cases.json", {"cases": id_cases})


# === pdu/cases.json: event format per room version =========================================
def expect(*ranges):
    """expect((1, 5, "ok"), (6, 12, "M_BAD_JSON")) -> {"1-5": "ok", "6-12": "M_BAD_JSON"}"""
    covered = sorted(v for first, last, _ in ranges for v in range(first, last + 1))
    assert covered == VERSIONS, ranges
    return {f"{first}-{last}": result for first, last, result in ranges}


ALL_OK = expect((1, 12, "ok"))
BAD = expect((1, 12, "M_BAD_JSON"))
MISSING = expect((1, 12, "M_MISSING_PARAM"))
V1_5_OK = expect((1, 5, "ok"), (6, 12, "M_BAD_JSON"))
URLSAFE_HASH = "!" + b64e(hashlib.sha256(b"some create event").digest(), urlsafe=True)
pdu_cases = [
    {"name": "as signed", "expect": ALL_OK},
    {"name": "no event_id", "remove": ["event_id"],
     "expect": expect((1, 2, "M_MISSING_PARAM"), (3, 12, "ok"))},
    {"name": "no origin", "remove": ["origin"], "expect": ALL_OK},
    {"name": "no unsigned", "remove": ["unsigned"], "expect": ALL_OK},
    {"name": "member without state_key", "base": "member", "remove": ["state_key"],
     "expect": ALL_OK},
    {"name": "redacts not an event ID", "set": {"redacts": 5}, "expect": ALL_OK},
    {"name": "type not a string", "set": {"type": 5}, "expect": BAD},
    {"name": "content not an object", "set": {"content": "x"}, "expect": BAD},
    {"name": "content an array", "set": {"content": []}, "expect": BAD},
    {"name": "depth a string", "set": {"depth": "42"}, "expect": BAD},
    {"name": "depth negative", "set": {"depth": -1}, "expect": BAD},
    {"name": "depth zero", "set": {"depth": 0}, "expect": ALL_OK},
    {"name": "origin_server_ts a string", "set": {"origin_server_ts": "1"}, "expect": BAD},
    {"name": "sender not a user ID", "set": {"sender": "alice"},
     "expect": expect((1, 12, "M_INVALID_PARAM"))},
    {"name": "sender of 255 bytes",
     "set": {"sender": "@" + "a" * (255 - len("@:origin.example")) + ":origin.example"},
     "expect": ALL_OK},
    {"name": "sender of 256 bytes",
     "set": {"sender": "@" + "a" * (256 - len("@:origin.example")) + ":origin.example"},
     "expect": expect((1, 12, "M_INVALID_PARAM"))},
    {"name": "room_id of 255 bytes",
     "set": {"room_id": "!" + "r" * (255 - len("!:origin.example")) + ":origin.example"},
     "expect": expect((1, 11, "ok"), (12, 12, "M_BAD_JSON"))},
    {"name": "room_id of 256 bytes",
     "set": {"room_id": "!" + "r" * (256 - len("!:origin.example")) + ":origin.example"},
     "expect": expect((1, 12, "M_INVALID_PARAM"))},
    {"name": "sender not a string", "set": {"sender": ["@alice:origin.example"]}, "expect": BAD},
    {"name": "state_key not a string", "base": "member", "set": {"state_key": 1}, "expect": BAD},
    {"name": "hashes empty", "set": {"hashes": {}}, "expect": BAD},
    {"name": "hashes not an object", "set": {"hashes": "x"}, "expect": BAD},
    {"name": "hashes sha256 not a string", "set": {"hashes": {"sha256": 1}}, "expect": BAD},
    {"name": "hashes with another algorithm too",
     "set": {"hashes/sha512": "c2hhNTEy"}, "expect": ALL_OK},
    {"name": "signatures not an object", "set": {"signatures": "x"}, "expect": BAD},
    {"name": "signatures of a server not an object",
     "set": {"signatures": {"origin.example": "x"}}, "expect": BAD},
    {"name": "signature not a string",
     "set": {"signatures": {"origin.example": {"ed25519:1": 5}}}, "expect": BAD},
    {"name": "signatures empty", "set": {"signatures": {}}, "expect": ALL_OK},
    {"name": "prev_events not an array", "set": {"prev_events": "x"}, "expect": BAD},
    {"name": "prev_events of numbers", "set": {"prev_events": [5]}, "expect": BAD},
    {"name": "prev_events plain IDs", "set": {"prev_events": ["$a:origin.example"]},
     "expect": expect((1, 2, "M_BAD_JSON"), (3, 12, "ok"))},
    {"name": "prev_events pairs",
     "set": {"prev_events": [["$a:origin.example", {"sha256": "aGFzaA"}]]},
     "expect": expect((1, 2, "ok"), (3, 12, "M_BAD_JSON"))},
    {"name": "auth_events pairs",
     "set": {"auth_events": [["$a:origin.example", {"sha256": "aGFzaA"}]]},
     "expect": expect((1, 2, "ok"), (3, 12, "M_BAD_JSON"))},
    {"name": "pair of one", "set": {"prev_events": [["$a:origin.example"]]}, "expect": BAD},
    {"name": "pair of three",
     "set": {"prev_events": [["$a:origin.example", {"sha256": "aGFzaA"}, 3]]}, "expect": BAD},
    {"name": "pair without hashes object",
     "set": {"prev_events": [["$a:origin.example", "aGFzaA"]]}, "expect": BAD},
    {"name": "pair with a number for the ID", "set": {"prev_events": [[5, {"sha256": "aGFzaA"}]]},
     "expect": BAD},
    {"name": "prev_event not an event ID", "set": {"prev_events": ["a"]},
     "expect": expect((1, 2, "M_BAD_JSON"), (3, 12, "M_INVALID_PARAM"))},
    {"name": "20 prev_events", "repeat": {"prev_events": 20}, "expect": ALL_OK},
    {"name": "21 prev_events", "repeat": {"prev_events": 21}, "expect": BAD},
    {"name": "10 auth_events", "repeat": {"auth_events": 10}, "expect": ALL_OK},
    {"name": "11 auth_events", "repeat": {"auth_events": 11}, "expect": BAD},
    {"name": "no prev_events at all", "set": {"prev_events": []}, "expect": ALL_OK},
    {"name": "type of 255 bytes", "set": {"type": "t" * 255}, "expect": ALL_OK},
    {"name": "type of 256 bytes", "set": {"type": "t" * 256}, "expect": BAD},
    {"name": "type of 85 euro signs (255 bytes)", "set": {"type": "€" * 85}, "expect": ALL_OK},
    {"name": "type of 85 euro signs and a letter", "set": {"type": "€" * 85 + "a"},
     "expect": BAD},
    {"name": "state_key of 255 bytes", "base": "member", "set": {"state_key": "€" * 85},
     "expect": ALL_OK},
    {"name": "state_key of 256 bytes", "base": "member", "set": {"state_key": "s" * 256},
     "expect": BAD},
    {"name": "event_id without domain", "set": {"event_id": "$abc"},
     "expect": expect((1, 2, "M_BAD_JSON"), (3, 12, "ok"))},
    {"name": "event_id of 256 bytes",
     "set": {"event_id": "$" + "e" * (255 - len("$:origin.example") + 1) + ":origin.example"},
     "expect": expect((1, 2, "M_BAD_JSON"), (3, 12, "ok"))},
    {"name": "event_id of 255 bytes",
     "set": {"event_id": "$" + "e" * (255 - len("$:origin.example")) + ":origin.example"},
     "expect": ALL_OK},
    {"name": "room_id with domain", "set": {"room_id": "!room:origin.example"},
     "expect": expect((1, 11, "ok"), (12, 12, "M_BAD_JSON"))},
    {"name": "room_id as a create event hash", "set": {"room_id": URLSAFE_HASH},
     "expect": expect((1, 11, "M_BAD_JSON"), (12, 12, "ok"))},
    {"name": "room_id hash in standard base64", "set": {"room_id": "!abc+def/ghi"},
     "expect": expect((1, 12, "M_INVALID_PARAM"))},
    {"name": "room_id without sigil", "set": {"room_id": "room:origin.example"},
     "expect": expect((1, 12, "M_INVALID_PARAM"))},
    {"name": "room_id not a string", "set": {"room_id": 5}, "expect": BAD},
    {"name": "create event without room_id", "set": {"type": "m.room.create", "state_key": ""},
     "remove": ["room_id"], "expect": expect((1, 11, "M_MISSING_PARAM"), (12, 12, "ok"))},
    {"name": "message without room_id", "remove": ["room_id"], "expect": MISSING},
    # Numbers as sent (Pdu::parse on bytes): v1-5 must not enforce canonical JSON, v6+ must.
    {"name": "float in content", "raw": {"content/n": "1.5"}, "expect": V1_5_OK},
    {"name": "exponent in content", "raw": {"content/n": "1e3"}, "expect": V1_5_OK},
    {"name": "negative zero in content", "raw": {"content/n": "-0"}, "expect": V1_5_OK},
    {"name": "2^53 in content", "raw": {"content/n": "9007199254740992"}, "expect": V1_5_OK},
    {"name": "-2^53 in content", "raw": {"content/n": "-9007199254740992"}, "expect": V1_5_OK},
    {"name": "2^53-1 in content", "raw": {"content/n": "9007199254740991"}, "expect": ALL_OK},
    {"name": "-(2^53-1) in content", "raw": {"content/n": "-9007199254740991"}, "expect": ALL_OK},
    {"name": "depth 2^53-1", "raw": {"depth": "9007199254740991"}, "expect": ALL_OK},
    {"name": "depth 2^53", "raw": {"depth": "9007199254740992"}, "expect": V1_5_OK},
    {"name": "depth 2^63-1", "raw": {"depth": "9223372036854775807"}, "expect": V1_5_OK},
    {"name": "depth 2^63", "raw": {"depth": "9223372036854775808"}, "expect": BAD},
    {"name": "depth as a float", "raw": {"depth": "42.0"}, "expect": BAD},
    {"name": "origin_server_ts as a float", "raw": {"origin_server_ts": "1.5"}, "expect": BAD},
    # Size limits (client-server-api "Size limits"): exactly at and one byte over.
    {"name": "65536 bytes", "pad": {"target": 65536, "char": "x"}, "expect": ALL_OK},
    {"name": "65537 bytes", "pad": {"target": 65537, "char": "x"},
     "expect": expect((1, 12, "M_TOO_LARGE"))},
    {"name": "65536 bytes of euro signs", "pad": {"target": 65536, "char": "€"},
     "expect": ALL_OK},
    {"name": "65537 bytes of euro signs", "pad": {"target": 65537, "char": "€"},
     "expect": expect((1, 12, "M_TOO_LARGE"))},
]
bases = {}
for entry in signing_events:
    kind = entry["name"].split("_v")[0]
    bases.setdefault(kind, {})[entry["room_version"]] = entry["signed"]
for case in pdu_cases:
    if "pad" not in case:
        continue
    # The pad goes into content/pad; the sizes come from Python's canonical JSON here.
    counts = {}
    for v in VERSIONS:
        event = copy.deepcopy(bases[case.get("base", "message")][str(v)])
        event["content"]["pad"] = ""
        remaining = case["pad"]["target"] - len(canon(event))
        width = len(case["pad"]["char"].encode())
        counts[str(v)] = [remaining // width, remaining % width]
        event["content"]["pad"] = case["pad"]["char"] * counts[str(v)][0] + "x" * counts[str(v)][1]
        assert len(canon(event)) == case["pad"]["target"]
    case["pad"]["count_and_filler_by_version"] = counts
write("pdu/cases.json", {"cases": pdu_cases})
