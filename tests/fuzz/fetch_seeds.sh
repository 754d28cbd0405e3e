#!/bin/sh
# Writes the seeds of the fetch harness (tests/fuzz/seeds/fetch/) from the
# fetch test fixtures (tests/fixtures/fetch/): the responses in the order
# `wrrfig fetch` asks for them, separated by "\n----\n", {BASE} replaced.
# Re-run after changing those fixtures:  sh tests/fuzz/fetch_seeds.sh
set -eu
cd "$(dirname "$0")/../.."
fix=tests/fixtures/fetch
out=tests/fuzz/seeds/fetch
mkdir -p "$out"
# seed API FILE RESOURCE... : the API byte, then the responses
seed() {
    api=$1 dst=$out/$2
    shift 2
    {
        printf '%s' "$api"
        first=1
        for r in "$@"; do
            [ $first = 1 ] || printf '\n----\n'
            first=0
            case $r in
            HTTP*) printf '%s\n' "$r" ;;
            *) sed 's#{BASE}#http://fuzz#g' "$fix/v$api/T0001/$r.json" ;;
            esac
        done
    } >"$dst"
}
seed 3 v3-T0001 TableInfos DataProperties RegioS Perioden TypedDataSet TypedDataSet_p2
seed 4 v4-T0001 Properties Dimensions MeasureCodes PeriodenCodes Observations Observations_p2
seed 3 v3-status-503 TableInfos DataProperties RegioS Perioden 'HTTP 503'
seed 4 v4-last-page-missing Properties Dimensions MeasureCodes PeriodenCodes Observations
