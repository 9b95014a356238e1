#!/usr/bin/env bash
# Runs Trellis from the dev build: the GUI when a display is available, otherwise the
# headless side (trellis-cli).
set -euo pipefail
build="${1:-build/dev}"
shift || true
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/gui/trellis" "$@"
fi
echo "No display found: here is the headless tool, trellis-cli." >&2
echo "(The headless homeserver, 'trellis-cli serve', is not part of this build yet.)" >&2
exec "$build/app/cli/trellis-cli" --help
