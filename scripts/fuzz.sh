#!/bin/sh
# Runs each libFuzzer harness for SECONDS seconds on a corpus seeded from
# the project's own files (tests/fuzz/seeds.sh) plus the kept crashers.
# A new crasher is copied to tests/fuzz/crashers/<name>/ (commit it: `make
# check` replays it) and the run fails. One line per harness goes to
# BUILD/fuzz-summary: name, seconds, executions, corpus size, result.
#   fuzz.sh BUILD SECONDS NAME...
set -u
build=$1 secs=$2
shift 2
summary=$build/fuzz-summary
: >"$summary"
st=0
for name in "$@"; do
    bin=$build/fuzzers/$name
    corpus=$build/corpus/$name
    crashers=tests/fuzz/crashers/$name
    mkdir -p "$corpus" "$crashers" "$build/artifacts/$name"
    # The CSV harness's first byte chooses the dialect: '0' tidy, '1' StatLine.
    for f in $(sh tests/fuzz/seeds.sh "$name"); do
        dst=$corpus/seed-$(echo "$f" | tr '/' '_')
        case $name in
        csv) { case $f in *fixtures/import*) printf 1 ;; *) printf 0 ;; esac; cat "$f"; } >"$dst" ;;
        *) cp "$f" "$dst" ;;
        esac
    done
    [ -n "$(ls "$corpus")" ] || printf 'x' >"$corpus/seed-empty"
    log=$build/artifacts/$name.log
    if nice "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
        -artifact_prefix="$build/artifacts/$name/" "$corpus" "$crashers" >"$log" 2>&1; then
        res=ok
    else
        res=FAILED
        st=1
        for a in "$build/artifacts/$name"/*; do
            [ -f "$a" ] && cp "$a" "$crashers/" && echo "fuzz: $name: new crasher kept as $crashers/$(basename "$a")"
        done
        tail -30 "$log"
    fi
    execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    echo "$name $secs s ${execs:-?} execs, corpus $(ls "$corpus" | wc -l): $res" | tee -a "$summary"
done
exit $st
