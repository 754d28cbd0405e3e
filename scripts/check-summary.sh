#!/bin/sh
# The last line of `make check`: programs and cases per build, one line.
#   check-summary.sh BUILD_DIR...
# A build without a summary (it did not get to run its tests) counts as failed.
set -u
line="make check:" st=0
for b in "$@"; do
    if [ -f "$b/test-summary" ]; then
        read -r _ pp pf _ cp cf <"$b/test-summary"
        line="$line $b $pp/$((pp + pf)) programs, $cp/$((cp + cf)) cases;"
        [ "$pf" = 0 ] && [ "$cf" = 0 ] || st=1
    else
        line="$line $b did not run;"
        st=1
    fi
done
if [ $st = 0 ]; then echo "$line all passed"; else echo "$line FAILED"; fi
exit $st
