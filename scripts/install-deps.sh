#!/bin/sh
# Installs what wrrfig needs from Debian packages when run as root; otherwise
# names what is missing and the exact apt-get line, and fails.
#   build:  gcc make pkg-config libcjson-dev libcmocka-dev
#   render: gnuplot-nox (a program, run at render time)
#   check:  clang (the second compiler make check builds with)
set -eu
missing=""
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing="$missing $1"; }
for p in gcc make pkg-config libcjson-dev libcmocka-dev gnuplot-nox clang; do need_pkg "$p"; done
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
