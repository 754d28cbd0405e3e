#!/bin/sh
# Regenerates tests/fixtures/reference/outputs.sha256 from a full build on
# the shipped data. Run it only when a change is meant to alter outputs, and
# name the figures that changed in the commit message.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/wrrfig-ref-XXXXXX)
build/bin/wrrfig build --out "$out" >/dev/null
(cd "$out" && sha256sum -- *.gp *.csv *.svg *.png *.md *.html 2>/dev/null | sort -k2) >tests/fixtures/reference/outputs.sha256
rm -rf "$out"
git diff --stat -- tests/fixtures/reference/outputs.sha256
