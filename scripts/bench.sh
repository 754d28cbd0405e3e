#!/bin/sh
# `make bench`: what wrrfig's commands cost on this machine, as medians of N
# runs (N=5 by default), with the core count. It measures and prints; it
# never fails on a time.
#
#   N=5 JOBS=$(nproc) sh scripts/bench.sh
#
# Rows:
#   - wrrfig on the shipped data: --no-render, full builds with 1 job and all
#     jobs, svg only, a no-op rebuild, check, import, import-geo;
#   - the renderer floor: gnuplot alone on the scripts a build wrote, with
#     the same number of parallel jobs, and the ratio of a full build to it;
#     the same with wrrfig's PNG encoder preloaded, and a full build with
#     the encoder off (WRRFIG_FAST_PNG=0);
#   - the peer (../shared/bench/peer_all.py, matplotlib) side by side, when
#     /usr/bin/python3 can import matplotlib;
#   - scaling on generated inputs (scripts/bench/gen.py: SYNTHETIC copies of
#     real files with made-up codes): time per unit and peak RSS, so growth
#     with input size is visible (StatLine import, import-geo --attrs and the
#     map of that layer as a spec of kind hhi.area-map, claim registry).
set -eu
cd "$(dirname "$0")/.."
N=${N:-5}
JOBS=${JOBS:-$(nproc)}
bin=$(pwd)/build/bin/wrrfig
shared=${WRRFIG_SHARED:-../shared/data}
tmp=$(mktemp -d /tmp/wrrfig-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "n/a"}'; }
now_ns() { date +%s%N; }
# ms CMD...: wall time of one run in milliseconds (output discarded).
ms() {
    s=$(now_ns)
    "$@" >/dev/null 2>&1 || true
    e=$(now_ns)
    echo $(((e - s) / 1000000))
}
# med CMD...: median over N runs.
med() {
    i=0
    while [ $i -lt "$N" ]; do ms "$@"; i=$((i + 1)); done | median
}
# rss_kb CMD...: peak resident set of one run, in kB (GNU time).
rss_kb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$tmp/rss"
    else
        echo "n/a"
    fi
}
row() { printf '%-44s %10s %s\n' "$1" "$2" "${3:-}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "n/a" && b != "n/a") printf "%.2f", a / b; else print "n/a" }'; }

# A flag the build has (the incremental build's --force), or nothing.
has_flag() { "$bin" build --help 2>/dev/null | grep -q -- "$1"; }
force=""
has_flag --force && force="--force"

out=$tmp/out
mkdir -p "$out"
"$bin" build --out "$out" >/dev/null 2>&1 || true
ready=$("$bin" list 2>/dev/null | tail -n 1)

echo "wrrfig bench: $(nproc) cores, jobs $JOBS, median of $N runs; $ready"
echo
row "step" "ms" "notes"
row "----" "--" ""
t_nr=$(med "$bin" build --out "$out" --no-render $force)
row "build --no-render" "$t_nr" "wrrfig's own work: read, compute, write scripts/CSV/manifests"
t_j1=$(med "$bin" build --out "$out" --jobs 1 $force)
row "build, svg+pdf+png, --jobs 1" "$t_j1"
t_jn=$(med "$bin" build --out "$out" --jobs "$JOBS" $force)
row "build, svg+pdf+png, --jobs $JOBS" "$t_jn"
t_svg=$(med "$bin" build --out "$out" --format svg --jobs "$JOBS" $force)
row "build, svg only, --jobs $JOBS" "$t_svg"
if [ -n "$force" ]; then
    "$bin" build --out "$out" >/dev/null 2>&1 || true
    t_noop=$(med "$bin" build --out "$out")
    row "build, no-op rebuild" "$t_noop" "$(ratio "$t_noop" "$t_jn" | awk '{printf "%.1f %% of a full build", $1 * 100}')"
else
    row "build, no-op rebuild" "n/a" "this build has no incremental mode (no --force flag)"
fi
t_check=$(med "$bin" check --out "$tmp/check")
row "check (every claim)" "$t_check"
if [ -d "$shared" ]; then
    cp -R data "$tmp/data-import"
    t_imp=$(med "$bin" --data "$tmp/data-import" import --shared "$shared" data/mappings/37296ned.json)
    row "import 37296ned" "$t_imp"
    t_geo=$(med "$bin" --data "$tmp/data-import" import-geo "$shared/gemeente_boundaries/rd_gemeente_2015.geojson" \
        --name geo/bench_2015 --source bench --licence bench --title bench)
    row "import-geo gemeente 2015 (393 areas)" "$t_geo"
else
    row "import, import-geo" "n/a" "$shared is absent"
fi

# The renderer floor: gnuplot alone on the scripts of the last full build,
# JOBS at a time, each in its own directory (a script writes where it runs).
# floor_once [PRELOAD]: with PRELOAD, gnuplot runs with that library
# preloaded (wrrfig's PNG encoder, as the build runs it).
floor_once() {
    rm -rf "$tmp/floor"
    mkdir -p "$tmp/floor"
    for gp in "$out"/*.gp; do
        echo "$gp"
    done | xargs -P "$JOBS" -I{} sh -c 'd="$1/$(basename "$2" .gp)"; mkdir -p "$d"; cd "$d" && if [ -n "$3" ]; then export LD_PRELOAD="$3"; fi; gnuplot -e "wrrfig_formats='"'"'svg pdf png'"'"'" "$2"' _ "$tmp/floor" {} "${1:-}"
}
"$bin" build --out "$out" --jobs "$JOBS" $force >/dev/null 2>&1 || true
t_floor=$(med floor_once)
row "renderer floor: gnuplot alone, $JOBS at a time" "$t_floor" "$(ls "$out"/*.gp | wc -l) scripts"
row "full build / renderer floor" "$(ratio "$t_jn" "$t_floor")" "1.00 would be no cost beyond gnuplot"
# The build encodes gnuplot's PNGs with its own encoder (same bytes, less
# CPU: core/preload/gp_pngenc.c); the floor above is plain gnuplot.
pngenc=$(pwd)/build/lib/wrrfig/gp-pngenc.so
if [ -f "$pngenc" ]; then
    t_floor_enc=$(med floor_once "$pngenc")
    row "renderer floor, wrrfig's PNG encoder" "$t_floor_enc" "gnuplot alone with build/lib/wrrfig/gp-pngenc.so"
    row "full build / that floor" "$(ratio "$t_jn" "$t_floor_enc")"
    t_jn_cairo=$(med env WRRFIG_FAST_PNG=0 "$bin" build --out "$out" --jobs "$JOBS" $force)
    row "build, svg+pdf+png, --jobs $JOBS, cairo's PNG" "$t_jn_cairo" "WRRFIG_FAST_PNG=0: the encoder off"
fi

if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && [ -f ../shared/bench/peer_all.py ]; then
    # Side by side: the peer, wrrfig's full build and wrrfig doing the
    # peer's work run in turn, N rounds, and the ratios use these medians.
    # This machine shares its cores, and its speed drifts by up to 1.5x
    # over minutes; measured in turn, a drift slows all three alike.
    # The peer draws PNGs at 1x; wrrfig's default PNG is 2x (4x the pixels).
    has1x=""
    "$bin" build --help 2>/dev/null | grep -q png1x && has1x=1
    : >"$tmp/side"
    i=0
    while [ $i -lt "$N" ]; do
        echo "peer $(ms /usr/bin/python3 ../shared/bench/peer_all.py data figures "$tmp/peer" --jobs "$JOBS")" >>"$tmp/side"
        echo "full $(ms "$bin" build --out "$out" --jobs "$JOBS" $force)" >>"$tmp/side"
        if [ -n "$has1x" ]; then
            echo "eq $(ms "$bin" build --out "$out" --format svg,pdf,png1x --jobs "$JOBS" $force)" >>"$tmp/side"
        fi
        i=$((i + 1))
    done
    side() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/side" | median; }
    t_peer=$(side peer)
    t_full=$(side full)
    row "peer: peer_all.py (matplotlib), --jobs $JOBS" "$t_peer" "in turn with the next two rows"
    row "build, svg+pdf+png, --jobs $JOBS" "$t_full" "in turn with the peer"
    row "peer / wrrfig full build" "$(ratio "$t_peer" "$t_full")" "how many times faster wrrfig is"
    if [ -n "$has1x" ]; then
        t_1x=$(side eq)
        row "build, svg+pdf+png1x (the peer's work)" "$t_1x" "in turn with the peer"
        row "peer / wrrfig, equal work" "$(ratio "$t_peer" "$t_1x")" "how many times faster wrrfig is"
    fi
else
    row "peer (matplotlib)" "n/a" "/usr/bin/python3 cannot import matplotlib (apt-get install python3-matplotlib)"
fi

# Scaling: the same step on 1x, 10x, 100x ... inputs. Time per unit should
# stay flat (within 2x); peak RSS should grow with the input, not faster.
echo
printf '%-34s %8s %10s %12s %12s\n' "scaling (generated inputs)" "units" "ms" "us/unit" "peak RSS kB"
scale_row() { # label units ms rss [note]
    printf '%-34s %8s %10s %12s %12s %s\n' "$1" "$2" "$3" "$(awk -v t="$3" -v u="$2" 'BEGIN { if (u > 0) printf "%.1f", t * 1000 / u; else print "n/a" }')" "$4" "${5:-}"
}
if [ -d "$shared" ]; then
    src=$shared/nl_population_core_37296ned/37296ned_UntypedDataSet_26032024_091942.csv
    rows1=$(($(wc -l <"$src") - 1))
    for f in 1 10 100; do
        g=$tmp/statline-$f
        mkdir -p "$g/nl_population_core_37296ned" "$g/out"
        /usr/bin/python3 scripts/bench/gen.py statline "$src" $f "$g/nl_population_core_37296ned/$(basename "$src")"
        cp -R data "$g/data"
        t=$(med "$bin" --data "$g/data" import --shared "$g" data/mappings/37296ned.json)
        r=$(rss_kb "$bin" --data "$g/data" import --shared "$g" data/mappings/37296ned.json)
        # the target of issue 16: peak RSS under 4x the output (table + sidecar)
        o=$(($(wc -c <"$g/data/cbs/37296ned.csv") + $(wc -c <"$g/data/cbs/37296ned.meta.json")))
        scale_row "import StatLine ${f}x (rows)" $((rows1 * f)) "$t" "$r" \
            "$(awk -v r="$r" -v o="$o" 'BEGIN { if (o > 0 && r != "n/a") printf "output %d kB, RSS/output %.1f", o / 1024, r * 1024 / o }')"
    done
    # with --attrs: the attribute table joins a label per region (the step
    # that was quadratic)
    src=$shared/gemeente_wijk_kwb2017_origin_pct/municipality.json
    for f in 1 10 30; do
        g=$tmp/geo-$f
        mkdir -p "$g/data"
        /usr/bin/python3 scripts/bench/gen.py geo "$src" $f "$g/layer.geojson"
        set -- "$bin" --data "$g/data" import-geo "$g/layer.geojson" --name geo/bench --source bench --licence bench \
            --title bench --code-key GM_CODE --name-key GM_NAAM --from wgs84 --attrs AANT_INW,P_WEST_AL,P_N_W_AL \
            --table hhi/bench --table-title bench --table-source bench
        t=$(med "$@")
        r=$(rss_kb "$@")
        scale_row "import-geo --attrs ${f}x (polygons)" $((388 * f)) "$t" "$r"
        # the map of that layer and table: a spec of kind hhi.area-map (the
        # enclave test and the region labels were the quadratic steps)
        "$@" >/dev/null 2>&1 || true
        mkdir -p "$g/figures" "$g/out"
        cat >"$g/figures/hhi-bench-map.json" <<'SPEC'
{"id": "hhi-bench-map", "kind": "hhi.area-map", "title": "bench", "source": "bench",
 "inputs": {"origin": "hhi/bench", "boundaries": "geo/bench"},
 "params": {"layout": "kwb-pct", "code_prefix": "GM", "groups": 3, "national": 1},
 "classes": {"method": "fixed", "breaks": [0.17, 0.26, 0.35, 0.48], "decimals": 2,
             "label": {"below": "< {a}", "between": "{a} - {b}", "above": "{a} +", "all": "all"}},
 "palette": ["#edf8b1", "#7fcdbb", "#41b6c4", "#2c7fb8", "#081d58"], "nodata": {"label": "no data"}}
SPEC
        set -- "$bin" --data "$g/data" --figures "$g/figures" build hhi-bench-map --no-render --out "$g/out"
        t=$(med "$@")
        r=$(rss_kb "$@")
        scale_row "hhi.area-map ${f}x (polygons)" $((388 * f)) "$t" "$r"
    done
fi
nclaims=$(/usr/bin/python3 -c 'import json,glob; print(sum(len(d) for d in (json.load(open(f)) for f in glob.glob("data/claims/*.json")) if isinstance(d, list)))')
for f in 1 10; do
    g=$tmp/reg-$f
    cp -R data "$g"
    rm -f "$g"/claims/*.json
    /usr/bin/python3 scripts/bench/gen.py registry data/claims $f "$g/claims"
    # the claim-to-figure index follows the registry (check refuses a stale one)
    if "$bin" check --help 2>/dev/null | grep -q -- --write-index; then
        "$bin" --data "$g" check --write-index >/dev/null 2>&1 || true
    fi
    t=$(med "$bin" --data "$g" check --out "$g/out")
    r=$(rss_kb "$bin" --data "$g" check --out "$g/out")
    scale_row "check, registry ${f}x (claims)" $((nclaims * f)) "$t" "$r"
done
