#!/usr/bin/env bash
# Graphviz (with a CJK font for the labels) renders graph.dot in the tests.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list : family 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
apt_install "drawing graph.dot" "${missing[@]}"
