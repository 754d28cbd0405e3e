#!/bin/sh
# Lists the seed inputs of one harness: the project's own files of the kind
# it reads (one path a line). Used by scripts/fuzz.sh and, through
# tests/fuzz/seeds.txt (generated), by tests/unit/test_fuzz_regressions.c.
#   seeds.sh NAME
set -eu
cd "$(dirname "$0")/../.."
case $1 in
csv|table) find data tests/fixtures -name '*.csv' -not -path '*/reference/*' | sort ;;
json) find data/claims data/mappings figures -name '*.json' | sort ;;
geojson) find data/geo tests/fixtures -name '*.geojson' | sort ;;
odata) find tests/fixtures/import tests/fixtures/fetch -name '*.json' | sort ;;
mapping) find data/mappings tests/fixtures/import/mappings -name '*.json' | sort ;;
claims) find data/claims tests/fixtures/claims -name 'ch*.json' | sort ;;
spec) find figures tests/fixtures/figures -name '*.json' | sort ;;
fetch) find tests/fuzz/seeds/fetch -type f | sort ;;
import) find tests/fuzz/seeds/import -type f | sort ;;
diff) find tests/fuzz/seeds/diff -type f | sort ;;
site) find tests/fuzz/seeds/site -type f | sort ;;
scan) find data/claims -name 'ch*.json' | sort  # their quotes are report text
      [ ! -f ../shared/report/samenleven-in-verscheidenheid.txt ] || echo ../shared/report/samenleven-in-verscheidenheid.txt ;;
expr|measure_answer) ;;
*) echo "seeds.sh: unknown harness $1" >&2; exit 2 ;;
esac
