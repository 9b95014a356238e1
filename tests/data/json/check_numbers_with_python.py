#!/usr/bin/env python3
"""Checks the "lenient" column of reader_numbers.json against the reference implementation.

Room versions 1-5 hash events as Python's json prints them; the reader's NumberPolicy::Lenient
must agree. An expected error must be one Python also refuses, when parsing or when encoding
canonically (allow_nan=False, as the canonicaljson package does). Run: python3 <this file>.
"""
import json
import pathlib
import sys

cases = json.loads(pathlib.Path(__file__).with_name("reader_numbers.json").read_text())["cases"]
failures = 0
for case in cases:
    expected = case["lenient"]
    try:
        got = json.dumps(json.loads(case["input"]), separators=(",", ":"), sort_keys=True,
                         ensure_ascii=False, allow_nan=False)
    except ValueError as error:
        got = {"python refuses": str(error)}
    if isinstance(expected, str) != isinstance(got, str) or (isinstance(got, str) and got != expected):
        failures += 1
        print(f"{case['name']}: expected {expected!r}, Python gives {got!r}")
print(f"{len(cases) - failures}/{len(cases)} lenient cases agree with Python")
sys.exit(1 if failures else 0)
