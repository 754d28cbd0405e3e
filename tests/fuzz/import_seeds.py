#!/usr/bin/env python3
"""Writes the seeds of the import harness (tests/fuzz/seeds/import/) from the
project's own mappings and the test fixtures they read: the mapping, then
each file it reads as "\\n----\\n<path>\\n<content>" (tests/fuzz/fuzz_import.c).

- tests/fixtures/import/mappings/*.json over tests/fixtures/import/shared;
- tests/fixtures/fetch/data/mappings/*.json over a snapshot made of the
  CONSTRUCTED fetch fixture T0001 (v3 and v4), with the crosswalk;
- data/mappings/{82809ned,83787ned}*.json over the CONSTRUCTED published
  shapes (tests/fixtures/fetch/published).

OData documents are cut to their first 12 records so every seed stays under
the fuzzer's -max_len (scripts/fuzz.sh). Every number in them is the
fixtures' own (SYNTHETIC or CONSTRUCTED). Re-run after changing those:
    python3 tests/fuzz/import_seeds.py
"""
import glob
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests/fuzz/seeds/import")
SEP = "\n----\n"
MAX = 16384
STAMP = "20260101T000000Z"


def cut(text):
    """An OData document cut to the records that first show a code of some
    dimension (so the mappings' filters still find every code they keep),
    then up to 12; other text as it is."""
    try:
        doc = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return text
    if not (isinstance(doc, dict) and isinstance(doc.get("value"), list) and len(doc["value"]) > 12):
        return text
    seen, kept, rest = set(), [], []
    for rec in doc["value"]:
        codes = {(k, v) for k, v in rec.items() if isinstance(v, str)} if isinstance(rec, dict) else set()
        (kept if codes - seen else rest).append(rec)
        seen |= codes
    doc["value"] = kept + rest[:max(0, 12 - len(kept))]
    return json.dumps(doc, ensure_ascii=False)


def merged(disk):
    """A resource with its further pages (<name>_p2.json ...) joined, as
    `wrrfig fetch` saves it."""
    with open(disk, encoding="utf-8") as f:
        doc = json.loads(f.read().lstrip("\ufeff"))
    for more in sorted(glob.glob(disk[:-5] + "_p*.json")):
        with open(more, encoding="utf-8") as f:
            doc["value"] += json.loads(f.read().lstrip("\ufeff"))["value"]
    doc.pop("odata.nextLink", None)
    doc.pop("@odata.nextLink", None)
    return json.dumps(doc, ensure_ascii=False)


def patterns(mapping):
    """The relative paths (or glob patterns) a mapping reads."""
    inp = mapping.get("input", {})
    out = []
    for f in [inp] + list(inp.get("files", [])):
        if isinstance(f, dict) and isinstance(f.get("file"), str):
            out.append(f["file"])
    if isinstance(inp.get("properties"), str):
        out.append(inp["properties"])
    for d in mapping.get("dimensions", []):
        lf = d.get("labels_file") if isinstance(d, dict) else None
        if isinstance(lf, dict) and isinstance(lf.get("file"), str):
            out.append(lf["file"])
    return out


def seed(name, mapping_path, files):
    """files: (relative path in the seed, file on disk) pairs. Bytes as
    they are: some fixtures are not UTF-8 on purpose."""
    with open(mapping_path, "rb") as f:
        parts = [f.read()]
    for rel, disk in files:
        if glob.glob(disk[:-5] + "_p*.json"):
            data = merged(disk).encode("utf-8")
        else:
            with open(disk, "rb") as f:
                data = f.read()
        try:
            data = cut(data.decode("utf-8").replace("{BASE}", "http://fuzz")).encode("utf-8")
        except UnicodeDecodeError:
            pass
        parts.append(rel.encode("utf-8") + b"\n" + data)
    data = SEP.encode("utf-8").join(parts)
    if len(data) > MAX:
        sys.exit("import_seeds: %s is %d bytes, over %d" % (name, len(data), MAX))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(os.path.join(OUT, "*")):
        os.remove(old)
    # the importer's own fixtures: paths relative to their shared directory
    shared = os.path.join(ROOT, "tests/fixtures/import/shared")
    for m in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/import/mappings/*.json"))):
        with open(m, encoding="utf-8") as f:
            try:
                mapping = json.load(f)
            except ValueError:
                mapping = {}
        files = []
        for p in patterns(mapping):
            for disk in sorted(glob.glob(os.path.join(shared, p))):
                files.append((os.path.relpath(disk, shared), disk))
        seed("fixture-" + os.path.basename(m)[:-5], m, files)
    # mappings over a fetched snapshot of the constructed T0001, and its crosswalk
    fetch = os.path.join(ROOT, "tests/fixtures/fetch")
    snap = []
    for api in ("v3", "v4"):
        for disk in sorted(glob.glob(os.path.join(fetch, api, "T0001", "*.json"))):
            base = os.path.basename(disk)
            if "_p" not in base:
                snap.append(("snapshots/T0001/%s/%s" % (STAMP, base), disk))
    cross = [("crosswalks/" + os.path.basename(c), c)
             for c in sorted(glob.glob(os.path.join(fetch, "data/crosswalks/*.json")))]
    for m in sorted(glob.glob(os.path.join(fetch, "data/mappings/*.json"))):
        with open(m, encoding="utf-8") as f:
            mapping = json.load(f)
        seed("fetch-" + os.path.basename(m)[:-5], m, snap + (cross if mapping.get("crosswalk") else []))
    # the shipped mappings of the two fetchable tables over their published shapes
    pub = os.path.join(fetch, "published")
    for table in ("82809NED", "83787NED"):
        files = [(os.path.relpath(d, pub), d)
                 for d in sorted(glob.glob(os.path.join(pub, "snapshots", table, STAMP, "*.json")))]
        for m in sorted(glob.glob(os.path.join(ROOT, "data/mappings/*.json"))):
            with open(m, encoding="utf-8") as f:
                mapping = json.load(f)
            if any(("snapshots/%s/" % table) in p for p in patterns(mapping)):
                seed("published-" + os.path.basename(m)[:-5], m, files)


main()
