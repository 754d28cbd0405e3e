#!/bin/sh
# Scaling of the map path: import-geo --attrs and fig-2-14 (--no-render) on
# the 2017 municipal layer replicated 1x, 10x and 30x (SYNTHETIC: every copy
# is the country shrunk into one cell of a grid, codes GM0003K01 ...; only
# for timing, never shipped). Prints time per 1000 polygons; it measures,
# it never fails on a time. Median of N runs (N=3). Usage: scripts/scale-maps.sh [FACTORS...]
set -eu
cd "$(dirname "$0")/.."
src=${SHARED:-../shared}/data/gemeente_wijk_kwb2017_origin_pct/municipality.json
[ -f "$src" ] || { echo "scale-maps: $src absent, skipped"; exit 0; }
bin=${WRRFIG:-$PWD/build/bin/wrrfig}
tmp=$(mktemp -d /tmp/wrrfig-scale-XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
N=${N:-3}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms1() { s=$(date +%s%N); "$@" >/dev/null 2>"$tmp/err" || echo "scale-maps: failed: $* ($(head -c 300 "$tmp/err"))" >&2; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
ms() { for i in $(seq "$N"); do ms1 "$@"; done | median; }
printf '%-8s %9s %14s %16s %14s %16s\n' factor polygons import-geo_ms per-1000_ms fig-2-14_ms per-1000_ms
for k in ${@:-1 10 30}; do
    d=$tmp/x$k
    mkdir -p "$d/data" "$d/out"
    python3 - "$src" "$k" "$d/src.json" <<'PY'
import json, math, sys
src, k, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
d = json.load(open(src))
if k == 1:
    json.dump(d, open(dst, "w")); sys.exit()
xs = [p[0] for f in d["features"] for poly in (f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]) for ring in poly for p in ring]
ys = [p[1] for f in d["features"] for poly in (f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]) for ring in poly for p in ring]
x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
g = math.ceil(math.sqrt(k))
def move(c, i):
    cx, cy = i % g, i // g
    return [round(x0 + ((c[0] - x0) + cx * (x1 - x0)) / g, 6), round(y0 + ((c[1] - y0) + cy * (y1 - y0)) / g, 6)]
def walk(o, i):
    return move(o, i) if isinstance(o[0], (int, float)) else [walk(e, i) for e in o]
out = []
for i in range(k):
    for f in d["features"]:
        p = dict(f["properties"]); p["GM_CODE"] = "%sK%02d" % (p["GM_CODE"], i); p["GM_NAAM"] = "%s %d" % (p["GM_NAAM"], i)
        out.append({"type": "Feature", "properties": p, "geometry": {"type": f["geometry"]["type"], "coordinates": walk(f["geometry"]["coordinates"], i)}})
json.dump({"type": "FeatureCollection", "features": out}, open(dst, "w"))
PY
    n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['features']))" "$d/src.json")
    ti=$(ms "$bin" --data "$d/data" import-geo "$d/src.json" --name geo/gemeente_2017 --title scaled --source "SYNTHETIC scaling input" \
        --licence none --code-key GM_CODE --name-key GM_NAAM --from wgs84 \
        --attrs AANT_INW,P_WEST_AL,P_N_W_AL,P_MAROKKO,P_ANT_ARU,P_SURINAM,P_TURKIJE,P_OVER_NW --table hhi/kwb2017_gemeente)
    tb=$(ms "$bin" --data "$d/data" build fig-2-14 --no-render --out "$d/out")
    [ -f "$d/out/fig-2-14.gp" ] || echo "scale-maps: x$k: fig-2-14 was not built" >&2
    awk -v k="$k" -v n="$n" -v ti="$ti" -v tb="$tb" \
        'BEGIN { printf "%-8s %9d %14d %16.1f %14d %16.1f\n", k "x", n, ti, ti * 1000 / n, tb, tb * 1000 / n }'
done
