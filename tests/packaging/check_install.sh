#!/usr/bin/env bash
# check_install.sh CMAKE BUILD_DIR APP_ID VERSION gui|nogui
# `DESTDIR=… cmake --install BUILD_DIR --prefix /usr` lays out what a package needs: the programs
# (which run from there), the desktop file, the metainfo, the icons at their sizes, man pages,
# the licence; and the desktop file's Exec and Icon name installed files.
set -euo pipefail
cmake="$1" build="$2" app="$3" version="$4" gui="$5"

destdir=$(mktemp -d "$build/packaging-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT
DESTDIR="$destdir" "$cmake" --install "$build" --prefix /usr >"$destdir.log" 2>&1 || {
    cat "$destdir.log" >&2; rm -f "$destdir.log"; echo "FAIL: cmake --install" >&2; exit 1; }
rm -f "$destdir.log"
root="$destdir/usr"

failures=0
expect() {
    if [ -e "$root/$1" ]; then
        echo "ok: /usr/$1"
    else
        echo "FAIL: /usr/$1 is not installed" >&2
        failures=$((failures + 1))
    fi
}
# The width and height of a PNG, from its IHDR chunk (bytes 16..23, big-endian).
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3 * 256 + $4, $7 * 256 + $8 }'
}

expect bin/trellis-cli
expect share/man/man1/trellis-cli.1
expect share/doc/trellis/copyright
if ! out=$("$root/bin/trellis-cli" --version 2>&1) || [[ "$out" != *"$version"* ]]; then
    echo "FAIL: the installed trellis-cli --version printed '$out', not version $version" >&2
    failures=$((failures + 1))
fi

if [ "$gui" = gui ]; then
    expect bin/trellis
    expect share/man/man1/trellis.1
    expect "share/applications/$app.desktop"
    expect "share/metainfo/$app.metainfo.xml"
    expect "share/icons/hicolor/scalable/apps/$app.svg"
    for size in 16 22 24 32 48 64 128 256 512; do
        png="share/icons/hicolor/${size}x${size}/apps/$app.png"
        expect "$png"
        if [ -e "$root/$png" ] && [ "$(png_size "$root/$png")" != "${size}x${size}" ]; then
            echo "FAIL: /usr/$png is $(png_size "$root/$png"), not ${size}x${size}" >&2
            failures=$((failures + 1))
        fi
    done
    desktop="$root/share/applications/$app.desktop"
    if [ -e "$desktop" ]; then
        exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
        icon=$(sed -n 's/^Icon=//p' "$desktop")
        [ -x "$root/bin/$exec_program" ] || {
            echo "FAIL: Exec=$exec_program is not an installed program" >&2
            failures=$((failures + 1))
        }
        [ "$icon" = "$app" ] || {
            echo "FAIL: Icon=$icon is not the app ID $app" >&2
            failures=$((failures + 1))
        }
    fi
else
    if [ -e "$root/bin/trellis" ]; then
        echo "FAIL: trellis installed without the GUI" >&2
        failures=$((failures + 1))
    fi
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "installed layout complete"
