#!/usr/bin/env bash
# check_deb.sh CPACK BUILD_DIR APP_ID VERSION gui|nogui
# Opt-in (TRELLIS_TEST_INSTALL=1; it changes the machine, so root or sudo): builds the .deb with
# CPack, installs it with apt, runs the installed trellis-cli and checks that dpkg lists the
# desktop integration files. A package that was not installed before is removed again, unless
# TRELLIS_TEST_KEEP_INSTALLED=1.
set -euo pipefail
cpack="$1" build="$2" app="$3" version="$4" gui="$5"

if [ "${TRELLIS_TEST_INSTALL:-}" != 1 ]; then
    echo "SKIP: set TRELLIS_TEST_INSTALL=1 to build the .deb and install it on this machine"
    exit 77
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "FAIL: installing needs root or sudo" >&2; exit 1; }
    sudo=(sudo -n)   # never wait for a password inside ctest
fi
for tool in dpkg-shlibdeps apt-get; do
    command -v "$tool" >/dev/null || {
        echo "FAIL: $tool is missing (packaging/install-deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d "$build/packaging-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$build" && "$cpack" -G DEB -B "$work") >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
debs=("$work"/trellis_"$version"_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || {
    ls -l "$work" >&2; echo "FAIL: expected one trellis_${version}_<arch>.deb" >&2; exit 1; }
deb="${debs[0]}"
echo "built $(basename "$deb")"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = trellis ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)'"
[ "$(field Section)" = net ] || fail "Section is '$(field Section)', not net"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
expect_depends() {
    for package in "$@"; do
        [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] \
            || fail "Depends lacks $package"
    done
}
# From dpkg-shlibdeps (what the programs link) and from CPACK_DEBIAN_PACKAGE_DEPENDS (plugins).
expect_depends libc6 libqt6core6 libqt6network6 libqt6sql6 libsodium23 libqt6keychain1 \
    libhttp-parser2.9 libqt6sql6-sqlite
[ "$gui" != gui ] || expect_depends libqt6widgets6 qt6-qpa-plugins

was_installed=0
dpkg-query -W -f='${Status}' trellis 2>/dev/null | grep -q 'install ok installed' && was_installed=1
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get install -y --reinstall "$deb" >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2; echo "FAIL: apt-get install" >&2; exit 1; }
remove_again() {
    if [ "$was_installed" = 0 ] && [ "${TRELLIS_TEST_KEEP_INSTALLED:-}" != 1 ]; then
        "${sudo[@]}" apt-get remove -y trellis >/dev/null 2>&1 \
            || echo "warning: could not remove trellis" >&2
    fi
    rm -rf "$work"
}
trap remove_again EXIT

out=$(/usr/bin/trellis-cli --version 2>&1) || fail "/usr/bin/trellis-cli --version failed: $out"
[[ "$out" == *"$version"* ]] || fail "/usr/bin/trellis-cli --version printed '$out'"
echo "installed: $out"
/usr/bin/trellis-cli --help >/dev/null 2>&1 || fail "/usr/bin/trellis-cli --help failed"

listed=$(dpkg -L trellis)
expect_listed() {
    if grep -qx "$1" <<<"$listed"; then
        echo "ok: dpkg -L lists $1"
    else
        fail "dpkg -L trellis lacks $1"
    fi
}
expect_listed /usr/bin/trellis-cli
if [ "$gui" = gui ]; then
    expect_listed /usr/bin/trellis
    expect_listed "/usr/share/applications/$app.desktop"
    expect_listed "/usr/share/metainfo/$app.metainfo.xml"
    expect_listed "/usr/share/icons/hicolor/scalable/apps/$app.svg"
    for size in 16 22 24 32 48 64 128 256 512; do
        expect_listed "/usr/share/icons/hicolor/${size}x${size}/apps/$app.png"
    done
    # What the installed desktop file launches resolves to the installed program.
    on_path=$(command -v trellis || true)
    [ "$on_path" = /usr/bin/trellis ] || fail "trellis on PATH is '$on_path', not /usr/bin/trellis"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "the .deb installs and runs"
