#!/bin/sh
# Installs what wrrfig needs from Debian packages when run as root; otherwise
# names what is missing and the exact apt-get line, and fails.
#   install-deps.sh [build] [render] [test] [bench]     (default: build render)
# The needs are kept apart so that `make figures` does not pull in test tools:
#   build:  compiler, libraries and headers the program is built from
#   render: gnuplot (a program run at render time)
#   test:   the second compiler and its sanitizer runtime (clang, libFuzzer),
#           valgrind, a headless browser and an HTML validator for the site tests
#   bench:  the peer benchmark's matplotlib and GNU time (peak RSS)
set -eu
build_pkgs="gcc make pkg-config zlib1g-dev libcjson-dev libcmocka-dev libcurl4-openssl-dev"
render_pkgs="gnuplot-nox"
bench_pkgs="python3-matplotlib time"
test_pkgs="clang libclang-rt-14-dev valgrind chromium tidy python3 bash-completion"
[ $# -gt 0 ] || set -- build render
want=""
for need in "$@"; do
    case $need in
    build) want="$want $build_pkgs" ;;
    render) want="$want $render_pkgs" ;;
    test) want="$want $test_pkgs" ;;
    bench) want="$want $bench_pkgs" ;;
    *) echo "install-deps.sh: unknown need '$need' (build, render, test, bench)" >&2; exit 2 ;;
    esac
done
missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "wrrfig: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "wrrfig: missing Debian packages:$missing"
    echo "install them with:  sudo apt-get install -y$missing"
    exit 1
fi
