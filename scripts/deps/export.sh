#!/usr/bin/env bash
# The export tests check each format with the program that reads it: Graphviz,
# xmllint (GEXF schema), headless Chromium (the HTML view), Python networkx
# (GraphML, GEXF, node-link) and the cytoscape npm package. Installs whatever of
# these is missing; quiet and quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/apt.sh

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
fc-list : family 2>/dev/null | grep "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
apt_install "the export tests" "${missing[@]}"

if ! python3 -c "import networkx" >/dev/null 2>&1; then
  echo "govgraph: installing networkx (the export tests), from PyPI" >&2
  python3 -m pip install -q networkx >/dev/null 2>&1 \
    || python3 -m pip install -q --user networkx >/dev/null 2>&1 \
    || apt_install "the export tests" python3-networkx
  python3 -c "import networkx" >/dev/null 2>&1 || {
    echo "govgraph: could not install networkx for $(command -v python3); install it (pip install networkx) and run this again" >&2
    exit 1
  }
fi

if [ ! -d tests/js/node_modules/cytoscape ]; then
  echo "govgraph: installing the cytoscape npm package (tests/js)" >&2
  (cd tests/js && npm ci --silent --no-audit --no-fund >/dev/null)
fi
