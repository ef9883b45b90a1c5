#!/usr/bin/env bash
# Draws graphs/graph.svg from graphs/graph.dot with Graphviz. The labels are
# Chinese, so it needs a CJK font as well; without either it says what to
# install and leaves graphs/graph.svg untouched (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list : family 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "govgraph: graphs/graph.svg not redrawn: it needs ${missing[*]} (Debian: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
dot -Tsvg graphs/graph.dot -o graphs/.graph.svg.tmp
mv graphs/.graph.svg.tmp graphs/graph.svg
echo "govgraph: drew graphs/graph.svg" >&2
