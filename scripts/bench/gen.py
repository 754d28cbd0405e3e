#!/usr/bin/env python3
"""Generated inputs for the scaling rows of `make bench` (scripts/bench.sh).

SYNTHETIC BENCHMARK INPUTS: every file written here is a scaled copy of a real
file with made-up codes, for timing only; nothing here goes into data/.

  gen.py statline SRC.csv FACTOR OUT.csv   rows repeated FACTOR times, each copy
                                           with its own period codes
  gen.py geo SRC.geojson FACTOR OUT.geojson features repeated FACTOR times,
                                           shifted east, with new codes
  gen.py registry CLAIMS_DIR FACTOR OUT_DIR every claim repeated FACTOR times
                                           with a new id
"""
import json
import os
import sys


def statline(src, factor, out):
    with open(src, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    head, rows = lines[0], lines[1:]
    years = [int(r.split(";")[1].strip('"')[:4]) for r in rows]
    span = max(years) - min(years) + 1
    if min(years) + span * factor > 9999:
        sys.exit("gen.py: factor too large for 4-digit years")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\ufeff" + head + "\n")
        n = 0
        for k in range(factor):
            for r in rows:
                cells = r.split(";")
                code = cells[1].strip('"')
                cells[0] = '"%d"' % n
                cells[1] = '"%04d%s"' % (int(code[:4]) + k * span, code[4:])
                f.write(";".join(cells) + "\n")
                n += 1


def geo(src, factor, out):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    feats = doc["features"]
    xs = [p[0] for ft in feats for ring in coords_rings(ft["geometry"]) for p in ring]
    # RD New (metres) copies are shifted east so they do not overlap; WGS84
    # copies stay in place (shifted degrees would leave the Netherlands).
    crs = json.dumps(doc.get("crs", ""))
    width = max(xs) - min(xs) + 1000.0 if "28992" in crs else 0.0
    new = []
    for k in range(factor):
        for ft in feats:
            g = json.loads(json.dumps(ft["geometry"]))
            for ring in coords_rings(g):
                for p in ring:
                    p[0] += k * width
            props = dict(ft.get("properties") or {})
            for key in list(props):
                if key.lower() in ("statcode", "gm_code", "code"):
                    props[key] = "%s_%d" % (props[key], k) if k else props[key]
            new.append({"type": "Feature", "geometry": g, "properties": props})
    doc["features"] = new
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f)


def coords_rings(g):
    if g["type"] == "Polygon":
        return g["coordinates"]
    if g["type"] == "MultiPolygon":
        return [r for poly in g["coordinates"] for r in poly]
    return []


def registry(src_dir, factor, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        path = os.path.join(src_dir, name)
        if not name.endswith(".json"):
            continue
        with open(path, encoding="utf-8") as f:
            claims = json.load(f)
        if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
            # not a chapter of claims (an index, exclusions): copied as it is
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                json.dump(claims, f, ensure_ascii=False, indent=1)
            continue
        new = []
        for k in range(factor):
            for c in claims:
                c2 = dict(c)
                if k:
                    c2["id"] = "%s-x%d" % (c["id"], k)
                new.append(c2)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(new, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    kind, src, factor, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    {"statline": statline, "geo": geo, "registry": registry}[kind](src, factor, out)
