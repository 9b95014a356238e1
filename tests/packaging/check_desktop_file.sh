#!/usr/bin/env bash
# check_desktop_file.sh FILE: the .desktop file passes desktop-file-validate (desktop-file-utils).
set -euo pipefail
command -v desktop-file-validate >/dev/null || {
    echo "SKIP: desktop-file-validate is not installed (Debian: desktop-file-utils)"; exit 77; }
desktop-file-validate "$1"
echo "ok: $1"
