#!/bin/sh
# Re-imports every mapping in data/mappings/ from the shared third-party data
# (default ../shared/data) into data/. Deterministic: running it twice leaves
# the same bytes. With --check, writes nothing and fails if data/ is stale.
#   scripts/import-all.sh [--check] [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
check=""
if [ "${1:-}" = "--check" ]; then
    check="--check"
    shift
fi
shared="${1:-../shared/data}"
bin=build/bin/wrrfig
[ -x "$bin" ] || make -s "$bin"
if [ ! -d "$shared" ]; then
    echo "import-all: no shared data directory at $shared" >&2
    exit 4
fi
# Sorted so the order (and any output) is the same on every machine.
set -- $(ls data/mappings/*.json | LC_ALL=C sort)
exec "$bin" --data data import --shared "$shared" $check "$@"
