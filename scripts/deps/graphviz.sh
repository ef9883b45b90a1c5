#!/usr/bin/env bash
# Graphviz renders graph.dot in the tests.
set -euo pipefail
command -v dot >/dev/null 2>&1 && exit 0
echo "installing graphviz and a CJK font" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq graphviz fonts-noto-cjk >/dev/null
