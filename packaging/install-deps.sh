#!/usr/bin/env bash
# Installs the Debian 12 packages Trellis needs to build, test and run, when any is missing.
# Called by `make run` and `make test`; safe to run again (it only installs what is absent).
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
    # fuzzing (libFuzzer comes with clang's runtime)
    clang libclang-rt-14-dev
    # packaging: the app icon's renders, checks of the desktop files, the .deb (dpkg-shlibdeps)
    librsvg2-bin desktop-file-utils appstream dpkg-dev
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
