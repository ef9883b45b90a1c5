#!/usr/bin/env bash
# The graph database test (tests/graphdb.rs) loads the Neo4j export into
# LadybugDB, the embedded Cypher database that continues Kùzu, through its
# Python package real_ladybug. Installs it from PyPI when missing; quiet and
# quick when it is there. Pinned to the minor version the test was written
# against (0.15): its Cypher dialect (ALL SHORTEST, COPY FROM a LOAD FROM)
# still moves between versions.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/apt.sh

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
apt_install "the graph database test" "${missing[@]}"

package="real_ladybug~=0.15.3"
if ! python3 -c "import real_ladybug" >/dev/null 2>&1; then
  echo "govgraph: installing $package (the graph database test), from PyPI" >&2
  # A Debian python3 refuses both the first two (PEP 668); the last installs
  # into the user's site-packages only, leaving the system's untouched.
  python3 -m pip install -q "$package" >/dev/null 2>&1 \
    || python3 -m pip install -q --user "$package" >/dev/null 2>&1 \
    || python3 -m pip install -q --user --break-system-packages "$package" >/dev/null 2>&1 \
    || true
  python3 -c "import real_ladybug" >/dev/null 2>&1 || {
    echo "govgraph: could not install real_ladybug for $(command -v python3); install it (pip install '$package') and run this again" >&2
    exit 1
  }
fi
