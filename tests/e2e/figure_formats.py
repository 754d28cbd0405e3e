#!/usr/bin/env python3
"""Checks two builds of every figure in all formats (tests/e2e/test_figure_formats.c).

usage: figure_formats.py FIGURES_DIR BUILD_A BUILD_B PNG1X_DIR

- every spec names a house canvas; only canvas "table" has a "size";
- every figure whose manifest says ok has .svg, .pdf and .png; the SVG is
  well-formed XML; the PNG is twice the SVG's size (2x for screens), and
  the png1x build's PNG is the SVG's size;
- the two builds are byte-identical, file by file (PDFs after masking
  /CreationDate and /ModDate, which the renderer normalises anyway);
- no script draws a horizontal key (its columns would come from each
  terminal's own text-width estimate, so PNG and SVG would differ).
Prints each problem and exits 1 when there is any."""
import glob
import json
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

CANVASES = {"full", "full-tall", "half", "map", "table"}
problems = []


def bad(msg):
    problems.append(msg)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", head[16:24])


def svg_size(root):
    def px(v):
        return int(round(float(re.sub(r"[a-z]+$", "", v))))
    return px(root.get("width")), px(root.get("height"))


def masked(data):
    return re.sub(rb"/(CreationDate|ModDate) *\(D:[^)]*\)", rb"/\1 (D:masked)", data)


def main():
    figs, a, b, one = sys.argv[1:5]
    for spec in sorted(glob.glob(os.path.join(figs, "*.json"))):
        d = json.load(open(spec, encoding="utf-8"))
        cv = d.get("canvas", "full")
        if cv not in CANVASES:
            bad("%s: canvas '%s' is not a house canvas" % (os.path.basename(spec), cv))
        if ("size" in d) != (cv == "table"):
            bad("%s: 'size' belongs to canvas 'table' only" % os.path.basename(spec))
    built = 0
    for man in sorted(glob.glob(os.path.join(a, "*.json"))):
        fid = os.path.basename(man)[:-5]
        try:
            status = json.load(open(man, encoding="utf-8")).get("status")
        except ValueError as e:
            bad("%s: manifest is not JSON: %s" % (fid, e))
            continue
        if status != "ok":
            continue
        built += 1
        for ext in ("svg", "pdf", "png"):
            if not os.path.exists(os.path.join(a, fid + "." + ext)):
                bad("%s: no .%s" % (fid, ext))
        try:
            root = ET.parse(os.path.join(a, fid + ".svg")).getroot()
            w, h = svg_size(root)
            pw, ph = png_size(os.path.join(a, fid + ".png"))
            if (pw, ph) != (2 * w, 2 * h):
                bad("%s: PNG is %dx%d, SVG %dx%d (expected the PNG at 2x)" % (fid, pw, ph, w, h))
            p1 = os.path.join(one, fid + ".png")
            if os.path.exists(p1) and png_size(p1) != (w, h):
                bad("%s: png1x is %dx%d, SVG %dx%d" % ((fid,) + png_size(p1) + (w, h)))
        except (ET.ParseError, OSError, ValueError, TypeError) as e:
            bad("%s: %s" % (fid, e))
        gp = open(os.path.join(a, fid + ".gp"), encoding="utf-8").read()
        for line in gp.splitlines():
            s = line.strip()
            if s.startswith("set key") and ("horizontal" in s or ("below" in s and "vertical" not in s)):
                bad("%s: horizontal key: %s" % (fid, s))
    names_a = sorted(f for f in os.listdir(a) if not f.startswith("."))
    names_b = sorted(f for f in os.listdir(b) if not f.startswith("."))
    if names_a != names_b:
        bad("the builds wrote different files: %s" % sorted(set(names_a) ^ set(names_b)))
    compared = 0
    for f in names_a:
        if f not in names_b:
            continue
        da = open(os.path.join(a, f), "rb").read()
        db = open(os.path.join(b, f), "rb").read()
        if f.endswith(".pdf"):
            da, db = masked(da), masked(db)
        if da != db:
            bad("%s differs between two builds" % f)
        compared += 1
    for p in problems:
        print(p)
    print("# %d figures built, %d files compared, %d problems" % (built, compared, len(problems)))
    if built == 0:
        print("no figure was built")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
