#!/usr/bin/env bash
# usage: heldout-check URL  -> exits 1 (and says so) when URL is a held-out article
u="$1"; norm() { echo "$1" | sed -E 's#^https?://##; s#/$##'; }
n=$(norm "$u")
while read -r line; do case "$line" in \#*|"") continue;; esac; [ "$(norm "$line")" = "$n" ] && { echo "HELD OUT: do not use"; exit 1; }; done < /work/shared/heldout-urls.txt
echo ok
