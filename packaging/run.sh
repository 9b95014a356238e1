#!/usr/bin/env bash
# Runs Trellis from the dev build: the GUI when a display is available, otherwise the
# headless homeserver (trellis-cli serve, which asks for the owner's account on first run).
set -euo pipefail
build="${1:-build/dev}"
shift || true
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/gui/trellis" "$@"
fi
echo "No display found: starting the headless homeserver (trellis-cli serve)." >&2
exec "$build/app/cli/trellis-cli" serve "$@"
