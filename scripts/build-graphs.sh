#!/usr/bin/env bash
# Builds graphs/ from seeds/: every export format, and graph.svg drawn by
# Graphviz (installed first if missing). Run it whenever extraction changes;
# a test checks that the committed graphs match a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps/graphviz.sh
cargo build --release --quiet
./target/release/govgraph build seeds -o graphs --formats json,dot,graphml,gexf,cytoscape,neo4j,jsonld,html
dot -Tsvg graphs/graph.dot -o graphs/.graph.svg.tmp
mv graphs/.graph.svg.tmp graphs/graph.svg
