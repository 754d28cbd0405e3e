#!/bin/sh
# Before and after, side by side: two built checkouts of wrrfig (OLD and NEW
# trees, each with build/bin/wrrfig) and the matplotlib peer run in turn, N
# rounds (5 by default), and the medians are printed. On a machine whose
# speed drifts (this one shares its cores), rows measured minutes apart are
# not comparable; measured in turn, a drift slows all of them alike.
# It measures and prints; it never fails on a time.
#   sh scripts/bench-pair.sh OLD_TREE NEW_TREE
set -eu
[ $# -eq 2 ] || { echo "usage: sh scripts/bench-pair.sh OLD_TREE NEW_TREE" >&2; exit 2; }
old_tree=$(cd "$1" && pwd) new_tree=$(cd "$2" && pwd)
N=${N:-5}
JOBS=${JOBS:-$(nproc)}
tmp=$(mktemp -d /tmp/wrrfig-bench-pair-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
# run TREE ARGS...: wrrfig of TREE, in TREE (its data, figures and plugins)
run() { t=$1; shift; (cd "$t" && ms build/bin/wrrfig "$@"); }
peer=""
if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && [ -f "$new_tree/../shared/bench/peer_all.py" ]; then
    peer=1
fi
run "$old_tree" build --out "$tmp/old" --force >/dev/null
run "$new_tree" build --out "$tmp/new" --force >/dev/null
i=0
while [ $i -lt "$N" ]; do
    [ -n "$peer" ] && echo "peer $(cd "$new_tree" && ms /usr/bin/python3 ../shared/bench/peer_all.py data figures \
        "$tmp/peer" --jobs "$JOBS")"
    for w in old new; do
        eval "t=\$${w}_tree"
        echo "$w-equal $(run "$t" build --out "$tmp/$w" --format svg,pdf,png1x --jobs "$JOBS" --force)"
        echo "$w-full $(run "$t" build --out "$tmp/$w" --jobs "$JOBS" --force)"
        echo "$w-norender $(run "$t" build --out "$tmp/$w" --no-render --force)"
    done
    i=$((i + 1))
done >"$tmp/raw"
med() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/raw" | sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "n/a" }'; }
echo "bench-pair: $(nproc) cores, jobs $JOBS, $N rounds in turn; old $old_tree, new $new_tree"
printf '%-40s %8s %8s %8s\n' "step (median ms)" old new peer
p=$([ -n "$peer" ] && med peer || echo n/a)
printf '%-40s %8s %8s %8s\n' "build --no-render" "$(med old-norender)" "$(med new-norender)" ""
printf '%-40s %8s %8s %8s\n' "svg+pdf+png1x (the peer's work)" "$(med old-equal)" "$(med new-equal)" "$p"
printf '%-40s %8s %8s %8s\n' "svg+pdf+png (2x PNG)" "$(med old-full)" "$(med new-full)" "$p"
