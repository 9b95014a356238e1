#!/usr/bin/env bash
# check_metainfo.sh FILE VERSION: the AppStream metainfo names VERSION as its newest release, and
# passes appstreamcli validate (offline; pedantic issues are reported, only errors fail).
set -euo pipefail
file="$1" version="$2"
newest=$(grep -o '<release [^>]*version="[^"]*"' "$file" | head -n 1 \
    | sed 's/.*version="\([^"]*\)"/\1/')
if [ "$newest" != "$version" ]; then
    echo "FAIL: the newest <release> in $file is '$newest', the project's version is $version" >&2
    exit 1
fi
command -v appstreamcli >/dev/null || {
    echo "SKIP: appstreamcli is not installed (Debian: appstream)"; exit 77; }
appstreamcli validate --no-net --pedantic --explain "$file"
