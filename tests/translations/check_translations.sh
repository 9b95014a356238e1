#!/usr/bin/env bash
# Fails when a user-visible string in ui/ or app/gui/ has no finished translation in some
# translations/trellis_*.ts: refreshes copies of the .ts files from the sources with lupdate,
# then looks for unfinished or empty entries.
set -euo pipefail
lupdate="$1"
root="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$root"/translations/trellis_*.ts; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -silent -no-obsolete -locations none -I "$root" "$root/ui" "$root/app/gui" -ts "$copy"
    if grep -n -B1 -E 'type="unfinished"|<translation></translation>|<translation/>' "$copy"; then
        echo "$(basename "$ts"): strings above lack a translation (run update_translations, fill translations/<lang>.json, run translations/translate.py)" >&2
        status=1
    fi
done
exit $status
