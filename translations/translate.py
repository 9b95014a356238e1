#!/usr/bin/env python3
"""Fills translations/trellis_<lang>.ts from translations/<lang>.json (source -> translation)
and makes trellis_en.ts identical to its sources. Run after lupdate (update_translations)."""
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

here = pathlib.Path(__file__).resolve().parent


def fill(ts_path, table):
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = source if table is None else table.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


status = 0
for ts in sorted(here.glob("trellis_*.ts")):
    lang = ts.stem.split("_", 1)[1]
    table_path = here / f"{lang}.json"
    table = json.loads(table_path.read_text(encoding="utf-8")) if table_path.exists() else None
    missing = fill(ts, table)
    for source in missing:
        print(f"{ts.name}: untranslated: {source!r}", file=sys.stderr)
        status = 1
sys.exit(status)
