#!/bin/sh
# Runs test programs and counts programs and cmocka cases.
#   run-tests.sh BUILD_DIR PROGRAM...
# Every program runs even when one fails. Prints one summary line and writes
# it to BUILD_DIR/test-summary ("programs P F cases P F") for make check.
# WRRFIG_TEST_WRAP (e.g. "valgrind -q --error-exitcode=99") runs each program
# under a wrapper.
set -u
build=$1
shift
pp=0 pf=0 cp=0 cf=0 failed=""
log=$(mktemp)
for t in "$@"; do
    echo "== $t"
    # shellcheck disable=SC2086
    if ${WRRFIG_TEST_WRAP:-} "$t" >"$log" 2>&1; then pp=$((pp + 1)); else pf=$((pf + 1)); failed="$failed $t"; fi
    cat "$log"
    # cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:"
    n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    cp=$((cp + n)) cf=$((cf + f))
done
rm -f "$log"
echo "programs $pp $pf cases $cp $cf" >"$build/test-summary"
echo "test programs ($build): $pp passed, $pf failed; cases: $cp passed, $cf failed"
[ -z "$failed" ] || { echo "failed:$failed"; exit 1; }
