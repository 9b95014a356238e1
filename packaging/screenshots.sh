#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots, offscreen (no display needed), from a
# build in build/dev (`make run` or `cmake --preset dev && cmake --build --preset dev`):
#  - dag-explorer.png and stateres-stepthrough.png: the explorer on sample room dumps, by the
#    UI tests that open them (tests/data/cli/room/ban_races_topic.json);
#  - server-dashboard.png, live-room.png and live-room-dark.png: the app itself on a throwaway
#    server, seeded with a few rooms through the Client-Server API.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
out=docs/screenshots
export QT_QPA_PLATFORM=offscreen
# The offscreen platform warns that it cannot propagate size hints (uncategorised, so in the
# "default" category); on a real display there is no such warning for the dashboard's log.
export QT_LOGGING_RULES="default.warning=false"
mkdir -p "$out"

TRELLIS_SCREENSHOT_DIR=$out "$build/tests/unit/ui/tst_dagview" >/dev/null
TRELLIS_SCREENSHOT_DIR=$out "$build/tests/unit/ui/tst_stateresview" >/dev/null

data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
printf 'screenshot password' >"$data/pw"
"$build/app/cli/trellis-cli" serve --data-dir "$data/server" --server-name trellis.example \
    --listen 127.0.0.1:0 --no-keychain --init --user alice --password-file "$data/pw" >"$data/out" 2>/dev/null &
server=$!
for _ in $(seq 50); do grep -q '^listening' "$data/out" && break; sleep 0.1; done
address=$(sed -n 's/^listening //p' "$data/out" | head -1)
python3 - "http://$address" <<'PY'
import json, sys, urllib.request
base = sys.argv[1] + "/_matrix/client/v3"
def call(method, path, body, token=None):
    request = urllib.request.Request(base + path, json.dumps(body).encode(), method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(request))
token = call("POST", "/login", {"type": "m.login.password", "password": "screenshot password",
                                "identifier": {"type": "m.id.user", "user": "alice"}})["access_token"]
for name in ["Design review", "Matrix federation notes", "Family"]:
    room = call("POST", "/createRoom", {"name": name, "topic": "About " + name}, token)["room_id"]
    for i in range(6):
        call("PUT", f"/rooms/{room}/send/m.room.message/t{i}",
             {"msgtype": "m.text", "body": f"message {i} in {name}"}, token)
call("POST", "/createRoom", {"name": "Old version room", "room_version": "10"}, token)
PY
kill "$server"; wait "$server" 2>/dev/null || true

TRELLIS_DATA_DIR="$data/server" TRELLIS_SCREENSHOT="$out/server-dashboard.png" \
    "$build/app/gui/trellis" >/dev/null 2>&1
TRELLIS_DATA_DIR="$data/server" TRELLIS_SCREENSHOT="$out/live-room.png" TRELLIS_SCREENSHOT_ROOM=2 \
    TRELLIS_SCREENSHOT_DELAY_MS=3500 "$build/app/gui/trellis" >/dev/null 2>&1
# The same in the dark appearance, chosen as a user would (Settings ▸ Appearance stores it), in
# a settings directory of its own.
mkdir -p "$data/config/Trellis"
printf '[appearance]\ntheme=dark\n' >"$data/config/Trellis/Trellis.conf"
XDG_CONFIG_HOME="$data/config" TRELLIS_DATA_DIR="$data/server" TRELLIS_SCREENSHOT="$out/live-room-dark.png" \
    TRELLIS_SCREENSHOT_ROOM=1 TRELLIS_SCREENSHOT_DELAY_MS=3500 "$build/app/gui/trellis" >/dev/null 2>&1
ls -l "$out"
