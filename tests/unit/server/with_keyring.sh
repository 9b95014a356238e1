#!/bin/sh
# Runs a test against a real Secret Service: gnome-keyring on a D-Bus session of its own, with
# its keyrings in a throwaway directory (never the user's), unlocked with a throwaway password.
# Usage: with_keyring.sh TEST [ARGS...]. Exits 77 (ctest: skipped) without the two tools
# (packaging/install-deps.sh installs them).
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "no $tool: skipped" >&2; exit 77; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Not exec: this shell stays to remove the scratch directory afterwards.
dbus-run-session -- sh -c '
    printf "test keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    TRELLIS_TEST_KEYRING=1 exec "$@"' keyring "$@"
