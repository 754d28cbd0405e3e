#!/usr/bin/env python3
"""Writes the seeds of the diff harness (tests/fuzz/seeds/diff/) from real
builds: fig-3-6 and fig-3-7 built --no-render from the shipped data (a/),
and again from a copy of the data with one value of fig-3-6's table changed
(b/, SYNTHETIC: the changed value is the harness's, never data), each with
the claims.json of `check --chapter 3` cut to its first 8 claims, so a seed
stays under the fuzzer's -max_len (scripts/fuzz.sh). Needs build/bin/wrrfig
(`make`). Re-run after changing the manifest or CSV format:
    python3 tests/fuzz/diff_seeds.py
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests/fuzz/seeds/diff")
WRRFIG = os.path.join(ROOT, "build/bin/wrrfig")
SEP = b"\n----\n"
MAX = 16384
TABLE = "labour/participation_2003_2019.csv"


def build(data, out):
    subprocess.run([WRRFIG, "--data", data, "build", "fig-3-6", "fig-3-7", "--no-render", "--out", out],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # check exits 1 when a claim fails; the file is written either way
    subprocess.run([WRRFIG, "--data", data, "check", "--chapter", "3", "--out", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    path = os.path.join(out, "claims.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["claims"] = doc["claims"][:8]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def files(out, side, with_claims):
    parts = []
    for path in sorted(glob.glob(os.path.join(out, "fig-*.json")) + glob.glob(os.path.join(out, "fig-*.csv"))):
        with open(path, "rb") as f:
            parts.append(side + b"/" + os.path.basename(path).encode() + b"\n" + f.read())
    if with_claims:
        with open(os.path.join(out, "claims.json"), "rb") as f:
            parts.append(side + b"/claims.json\n" + f.read())
    return parts


def seed(name, parts):
    data = SEP.join(parts)
    if len(data) > MAX:
        raise SystemExit("diff_seeds: %s is %d bytes, over %d" % (name, len(data), MAX))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(os.path.join(OUT, "*")):
        os.remove(old)
    tmp = tempfile.mkdtemp(prefix="wrrfig-diff-seeds-")
    try:
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(ROOT, "data"), data)
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        build(os.path.join(ROOT, "data"), a)
        with open(os.path.join(data, TABLE), encoding="utf-8") as f:
            lines = f.read().split("\n")
        lines[1] = lines[1].rsplit(",", 1)[0] + ",99.9"  # the first value of the table, changed
        with open(os.path.join(data, TABLE), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        build(data, b)
        seed("changed-value", files(a, b"a", False) + files(b, b"b", False))
        seed("claims", files(a, b"a", True)[-1:] + files(b, b"b", True)[-1:])
        seed("same", files(a, b"a", False) + files(a, b"b", False))
    finally:
        shutil.rmtree(tmp)


main()
