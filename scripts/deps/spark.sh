#!/usr/bin/env bash
# The Spark test (tests/spark.rs) runs examples/spark/govgraph_job.py in local
# mode: it needs Python's pyspark and a Java runtime (17 or later). Installs
# whatever of these is missing; quiet and quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/apt.sh

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
apt_install "the Spark test" "${missing[@]}"

# Spark 4 runs on Java 17 or later; `java -version` says e.g. "17.0.15" or "1.8.0_402".
java_major=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\)[."].*/\1/p' | head -n 1)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "govgraph: the Spark test needs Java 17 or later; $(command -v java) is version ${java_major:-unknown}" >&2
  echo "govgraph: install openjdk-17-jre-headless and make it the default java (update-alternatives --config java)" >&2
  exit 1
fi

if ! python3 -c "import pyspark" >/dev/null 2>&1; then
  echo "govgraph: installing pyspark (the Spark test), from PyPI" >&2
  python3 -m pip install -q pyspark >/dev/null 2>&1 \
    || python3 -m pip install -q --user pyspark >/dev/null 2>&1 \
    || true
  python3 -c "import pyspark" >/dev/null 2>&1 || {
    echo "govgraph: could not install pyspark for $(command -v python3); install it (python3 -m pip install pyspark) and run this again" >&2
    exit 1
  }
fi
