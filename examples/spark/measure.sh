#!/usr/bin/env bash
# Times the Spark job (examples/spark/govgraph_job.py, local mode) against
# `govgraph build` on the same generated articles, checks that both write the
# same graph, and measures the peak memory of `govgraph extract -` on the
# stream, which should not grow with the number of articles, and of `govgraph
# merge` of all the records extract wrote (the job's last step, on the driver).
#
#   examples/spark/measure.sh                         # 1,000 and 10,000 articles
#   examples/spark/measure.sh --sizes 10,1000         # other numbers of articles
#   examples/spark/measure.sh --govgraph PATH         # default target/release/govgraph
#   examples/spark/measure.sh --master 'local[4]'     # default local[2]
#
# The articles are the seeds taken in turn, each with a numbered last line
# (examples/spark/to_jsonl.py --copies N), written under target/spark-measure/.
# Needs pyspark and Java (scripts/deps/spark.sh) and GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() {
  sed -n 's/^#   \(examples\/spark\/measure.sh\)/\1/p' "$0"
}

die() {
  echo "measure: $*" >&2
  exit 1
}

sizes=1000,10000 govgraph=target/release/govgraph master='local[2]'
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || { usage >&2; exit 2; }; sizes="$2"; shift 2 ;;
    --govgraph) [ $# -ge 2 ] || { usage >&2; exit 2; }; govgraph="$2"; shift 2 ;;
    --master) [ $# -ge 2 ] || { usage >&2; exit 2; }; master="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "measure: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
IFS=',' read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "not a positive integer: '$n'"
done
[ -x "$govgraph" ] || die "no govgraph at $govgraph (cargo build --release, or pass --govgraph PATH)"
/usr/bin/time -v true >/dev/null 2>&1 || die "GNU time is needed at /usr/bin/time (apt-get install time)"
python3 -c "import pyspark" 2>/dev/null || die "pyspark is missing: run scripts/deps/spark.sh"

WORK=target/spark-measure
mkdir -p "$WORK"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy, so that a build of target/ during the run changes nothing.
cp "$govgraph" "$tmp/govgraph"
GOVGRAPH=$tmp/govgraph

now_ns() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
# peak_mb FILE: the maximum resident set size a `time -v` report gives, in MB.
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 * 1024 / 1e6 }' "$1"; }

# timed NAME CMD...: runs CMD under time -v, its stderr kept in $WORK/NAME.err;
# sets $wall (seconds) and $peak (MB); stops the script if CMD fails.
timed() {
  local name="$1" t0 t1 status=0
  shift
  t0=$(now_ns)
  /usr/bin/time -v -o "$WORK/$name.time" "$@" 2>"$WORK/$name.err" || status=$?
  t1=$(now_ns)
  if [ "$status" != 0 ]; then
    echo "measure: $name failed (exit $status): $*" >&2
    echo "measure: its standard error is in $WORK/$name.err; the last lines:" >&2
    tail -n 5 "$WORK/$name.err" >&2
    exit 1
  fi
  wall=$(seconds $((t1 - t0)))
  peak=$(peak_mb "$WORK/$name.time")
}

rows=()
for n in "${size_list[@]}"; do
  articles=$WORK/articles-$n.jsonl
  python3 examples/spark/to_jsonl.py seeds --copies "$n" -o "$articles" 2>/dev/null
  mb=$(awk -v b="$(stat -c %s "$articles")" 'BEGIN { printf "%.1f", b / 1e6 }')

  echo "measure: $n articles ($mb MB): extract" >&2
  timed "extract-$n" sh -c '"$1" extract - -q < "$2" > "$3"' sh "$GOVGRAPH" "$articles" "$tmp/facts.jsonl"
  extract_s=$wall extract_mb=$peak

  # What the Spark job does once, on the driver, after the workers are done.
  echo "measure: $n articles: merge of all the fact records" >&2
  rm -rf "$tmp/merged"
  timed "merge-$n" "$GOVGRAPH" merge "$tmp/facts.jsonl" -o "$tmp/merged" -q
  merge_s=$wall merge_mb=$peak
  rm -rf "$tmp/facts.jsonl" "$tmp/merged"

  echo "measure: $n articles: build" >&2
  rm -rf "$WORK/build-$n"
  timed "build-$n" sh -c '"$1" build - -o "$2" -q < "$3"' sh "$GOVGRAPH" "$WORK/build-$n" "$articles"
  build_s=$wall build_mb=$peak

  echo "measure: $n articles: spark ($master)" >&2
  rm -rf "$WORK/spark-$n"
  timed "spark-$n" python3 examples/spark/govgraph_job.py "$articles" "$WORK/spark-$n" \
    --master "$master" --govgraph "$GOVGRAPH"
  spark_s=$wall

  same=yes
  for f in graph.json graph.facts.jsonl graph.json.idx graph.dot graph.manifest.json; do
    cmp -s "$WORK/build-$n/$f" "$WORK/spark-$n/$f" || same="NO ($f differs)"
  done
  records=$(wc -l <"$WORK/build-$n/graph.facts.jsonl")
  rows+=("$(printf '%8s %7s %8s %8s %9s %10s %11s %8s %9s %8s  %s' "$n" "$mb" "$spark_s" \
    "$build_s" "$build_mb" "$extract_s" "$extract_mb" "$merge_s" "$merge_mb" "$records" "$same")")
done

echo
printf '%8s %7s %8s %8s %9s %10s %11s %8s %9s %8s  %s\n' articles MB "spark s" "build s" \
  "build MB" "extract s" "extract MB" "merge s" "merge MB" records "same graph"
printf '%s\n' "${rows[@]}"
echo
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo)
echo "machine: nproc $(nproc), ${cpu:-unknown CPU}, $mem; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "spark s: wall time of the whole job (JVM start-up included), master $master;"
echo "extract: govgraph extract - (the stream on stdin); merge: govgraph merge of all its records"
echo "build MB, extract MB, merge MB: peak resident memory (time -v); MB are 10^6 bytes"
