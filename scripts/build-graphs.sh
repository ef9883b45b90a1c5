#!/usr/bin/env bash
# Builds graphs/ from seeds/ in every export format. Needs only Rust (cargo);
# graphs/graph.svg is redrawn by scripts/draw-svg.sh where Graphviz and a CJK
# font are installed, and otherwise left as it is. Run it whenever extraction
# changes: a test checks that the committed graphs match a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "govgraph: compiling (release; the first build takes a few minutes)" >&2
cargo build --release
./target/release/govgraph build seeds -o graphs --formats json,dot,graphml,gexf,cytoscape,neo4j,jsonld,html
./scripts/draw-svg.sh || true
