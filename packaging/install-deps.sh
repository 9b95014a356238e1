#!/usr/bin/env bash
# Installs the Debian 12 packages Trellis needs to build, test and run, when any is missing.
# Called by `make run` and `make test`; safe to run again (it only installs what is absent).
# Also installs matrix-js-sdk (npm, pinned by tests/integration/js/package-lock.json), the
# second real Matrix client the integration tests drive.
set -euo pipefail

packages=(
    # toolchain
    g++ make cmake ninja-build pkg-config ccache
    # Qt 6.4 and friends
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libgl-dev qtkeychain-qt6-dev
    # crypto, HTTP
    libsodium-dev libssl-dev openssl libhttp-parser-dev
    # the real Matrix client the integration tests drive
    python3-matrix-nio
    # a real keychain for the signing key's tests: the Secret Service on a throwaway D-Bus session
    gnome-keyring dbus-daemon
    # fuzzing (libFuzzer comes with clang's runtime)
    clang libclang-rt-14-dev
    # packaging: the app icon's renders, checks of the desktop files, the .deb (dpkg-shlibdeps)
    librsvg2-bin desktop-file-utils appstream dpkg-dev
)
# Node.js runs matrix-js-sdk; a machine may have it from elsewhere (NodeSource) already.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing Debian packages: ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

js_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/integration/js"
if [ ! -f "$js_dir/node_modules/.package-lock.json" ] ||
   [ "$js_dir/package-lock.json" -nt "$js_dir/node_modules/.package-lock.json" ]; then
    echo "Installing matrix-js-sdk for the integration tests (npm ci in tests/integration/js)"
    npm ci --prefix "$js_dir" --no-audit --no-fund --loglevel=error
fi
