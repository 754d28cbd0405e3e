#!/usr/bin/env python3
"""Writes the seeds of the harnesses that read a build's outputs from real
builds: fig-3-6 and fig-3-7 built --no-render from the shipped data (in
Dutch and English), and again from a copy of the data with one value of
fig-3-6's table changed (SYNTHETIC: the changed value is the harness's,
never data), each with the claims.json of `check --chapter 3` cut to its
first 8 claims, so a seed stays under the fuzzer's -max_len
(scripts/fuzz.sh).
- tests/fuzz/seeds/diff/: the two builds as a/ and b/;
- tests/fuzz/seeds/site/: a build (out/, en/), the two specs (figs/) and a
  sidecar (data/cbs/t.meta.json, the input the harness's registry names).
Needs build/bin/wrrfig (`make`). Re-run after changing an output format:
    python3 tests/fuzz/output_seeds.py
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SEEDS = os.path.join(ROOT, "tests/fuzz/seeds")
WRRFIG = os.path.join(ROOT, "build/bin/wrrfig")
SEP = b"\n----\n"
MAX = 16384
TABLE = "labour/participation_2003_2019.csv"


FIGS = ["fig-3-6", "fig-3-7"]


def build(data, out, lang="nl"):
    subprocess.run([WRRFIG, "--data", data, "--lang", lang, "build"] + FIGS + ["--no-render", "--out", out],
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


def part(name, path):
    with open(path, "rb") as f:
        return name.encode() + b"\n" + f.read()


def files(out, side, with_claims):
    parts = []
    for path in sorted(glob.glob(os.path.join(out, "fig-*.json")) + glob.glob(os.path.join(out, "fig-*.csv"))):
        parts.append(part(side.decode() + "/" + os.path.basename(path), path))
    if with_claims:
        with open(os.path.join(out, "claims.json"), "rb") as f:
            parts.append(side + b"/claims.json\n" + f.read())
    return parts


def seed(harness, name, parts):
    data = SEP.join(parts)
    if len(data) > MAX:
        raise SystemExit("output_seeds: %s/%s is %d bytes, over %d" % (harness, name, len(data), MAX))
    with open(os.path.join(SEEDS, harness, name), "wb") as f:
        f.write(data)


def main():
    for harness in ("diff", "site"):
        os.makedirs(os.path.join(SEEDS, harness), exist_ok=True)
        for old in glob.glob(os.path.join(SEEDS, harness, "*")):
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
        seed("diff", "changed-value", files(a, b"a", False) + files(b, b"b", False))
        seed("diff", "claims", files(a, b"a", True)[-1:] + files(b, b"b", True)[-1:])
        seed("diff", "same", files(a, b"a", False) + files(a, b"b", False))
        en = os.path.join(tmp, "en")
        build(os.path.join(ROOT, "data"), en, "en")
        specs = [part("figs/%s.json" % f, os.path.join(ROOT, "figures", f + ".json")) for f in FIGS]
        sidecar = [part("data/cbs/t.meta.json", os.path.join(ROOT, "data", TABLE[:-4] + ".meta.json"))]
        seed("site", "nl", [p for p in files(a, b"out", False) if not p.startswith(b"out/fig-3-6.csv")] + specs
             + sidecar)
        seed("site", "claims", [part("out/fig-3-7.json", os.path.join(a, "fig-3-7.json")),
                                part("out/claims.json", os.path.join(a, "claims.json")), specs[1]])
        fig37 = [part("%s/fig-3-7.%s" % (side, ext), os.path.join(d, "fig-3-7." + ext))
                 for side, d in (("out", a), ("en", en)) for ext in ("json", "csv")]
        seed("site", "nl-en", fig37 + specs[1:] + sidecar)
    finally:
        shutil.rmtree(tmp)


main()
