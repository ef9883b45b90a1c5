#!/usr/bin/env bash
# The export tests check each format with the program that reads it: Graphviz,
# xmllint (GEXF schema), headless Chromium (the HTML view), Python networkx
# (GraphML, GEXF, node-link) and the cytoscape npm package. Installs whatever of
# these is missing; quiet and quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
fc-list : family 2>/dev/null | grep "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c "import networkx" >/dev/null 2>&1; then
  echo "installing networkx" >&2
  python3 -m pip install -q networkx >/dev/null 2>&1 \
    || python3 -m pip install -q --break-system-packages networkx >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >/dev/null; }
  python3 -c "import networkx" || { echo "could not install networkx for $(command -v python3)" >&2; exit 1; }
fi

if [ ! -d tests/js/node_modules/cytoscape ]; then
  echo "installing the cytoscape npm package" >&2
  (cd tests/js && npm ci --silent --no-audit --no-fund >/dev/null)
fi
