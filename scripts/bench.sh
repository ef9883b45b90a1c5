#!/usr/bin/env bash
# Measures `govgraph build` against plain single-threaded jieba-rs segmentation
# of the same bytes (examples/cut.rs), on corpora generated from seeds/ by
# scripts/gen-corpus.py, and times a few queries on the largest graph.
#
#   scripts/bench.sh                     # sizes 10,50,200 MB; articles 1,4,16 MB; 1000,2000 dated sentences
#   scripts/bench.sh --quick             # sizes 2,10; article 1 MB; 1000,2000 dated sentences
#   scripts/bench.sh --sizes 10          # other sizes of the many-file corpora
#   scripts/bench.sh --threads 4         # passed on to `govgraph build --threads`
#
# Corpora are written under target/bench/ and reused while the generator, the
# seeds and the gold files are unchanged. Needs GNU time (/usr/bin/time -v) for
# the peak memory; `apt-get install time` if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [--sizes LIST] [--articles LIST] [--dated LIST] [--quick] [--threads N]
  --sizes LIST     megabytes of the many-file corpora, copies and names (default 10,50,200)
  --articles LIST  megabytes of the single long articles (default 1,4,16)
  --dated LIST     sentences of the single dated articles (default 1000,2000)
  --quick          a smoke run: sizes 2,10, article 1 MB, dated 1000,2000
  --threads N      pass --threads N to govgraph build (only when given)
EOF
}

die() {
  echo "bench: $*" >&2
  exit 1
}

sizes="" articles="" dated="" quick=0 threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || { usage >&2; exit 2; }; sizes="$2"; shift 2 ;;
    --articles) [ $# -ge 2 ] || { usage >&2; exit 2; }; articles="$2"; shift 2 ;;
    --dated) [ $# -ge 2 ] || { usage >&2; exit 2; }; dated="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || { usage >&2; exit 2; }; threads="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then
  : "${sizes:=2,10}" "${articles:=1}" "${dated:=1000,2000}"
else
  : "${sizes:=10,50,200}" "${articles:=1,4,16}" "${dated:=1000,2000}"
fi

# check_list LIST KIND: exits 2 unless LIST is comma-separated positive numbers
# (integers when KIND is integer).
check_list() {
  local item pattern='^[0-9]*[1-9][0-9]*([.][0-9]+)?$|^[0-9]+[.][0-9]*[1-9][0-9]*$'
  local -a items
  [ "$2" = integer ] && pattern='^[1-9][0-9]*$'
  IFS=',' read -r -a items <<<"$1"
  [ "${#items[@]}" -gt 0 ] || { echo "bench: empty list" >&2; exit 2; }
  for item in "${items[@]}"; do
    [[ "$item" =~ $pattern ]] || { echo "bench: not a positive $2: '$item'" >&2; exit 2; }
  done
}
check_list "$sizes" number
check_list "$articles" number
check_list "$dated" integer
IFS=',' read -r -a size_list <<<"$sizes"
IFS=',' read -r -a article_list <<<"$articles"
IFS=',' read -r -a dated_list <<<"$dated"
threads_args=()
if [ -n "$threads" ]; then
  [[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --threads needs a positive integer" >&2; exit 2; }
  threads_args=(--threads "$threads")
fi

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  die "GNU time is needed at /usr/bin/time (apt-get install time)"
fi
command -v python3 >/dev/null || die "python3 is needed to generate the corpora"

echo "bench: cargo build --release --bin govgraph --example cut" >&2
cargo build --release --quiet --bin govgraph --example cut

BENCH=target/bench
mkdir -p "$BENCH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Run copies, so that a build of target/ during the run changes nothing.
cp target/release/govgraph "$tmp/govgraph"
cp target/release/examples/cut "$tmp/cut"
GOVGRAPH=$tmp/govgraph
CUT=$tmp/cut

# What a corpus depends on besides its parameters.
fingerprint=$(cat scripts/gen-corpus.py seeds/*.txt tests/gold/*.json | sha256sum | cut -c1-16)

# gen MODE ARG NAME: target/bench/NAME, generated unless already there.
gen() {
  local mode="$1" arg="$2" name="$3"
  local dir="$BENCH/$name" params="$BENCH/$name.params"
  local want="$mode $arg $fingerprint"
  if [ -d "$dir" ] && [ -f "$params" ] && [ "$(cat "$params")" = "$want" ]; then
    return
  fi
  echo "bench: generating $dir" >&2
  rm -rf "$dir" "$params"
  python3 scripts/gen-corpus.py "$mode" "$dir" "$arg" >/dev/null
  echo "$want" >"$params"
}

now_ns() { date +%s%N; }

rows=()
# run NAME: builds and cuts target/bench/NAME and adds a row to the table.
run() {
  local name="$1"
  local dir="$BENCH/$name" out="$BENCH/out-$name"
  local bytes files t0 t1 rss_kb cut_line cut_mbs graph_bytes status
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  files=$(find "$dir" -type f | wc -l)
  rm -rf "$out"
  echo "bench: build $name ($files files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB)" >&2
  t0=$(now_ns)
  status=0
  /usr/bin/time -v -o "$tmp/build.time" \
    "$GOVGRAPH" build "$dir" -o "$out" -q ${threads_args[@]+"${threads_args[@]}"} \
    >"$tmp/build.out" 2>"$tmp/build.err" || status=$?
  t1=$(now_ns)
  if [ "$status" != 0 ]; then
    echo "bench: govgraph build failed on $name (exit $status):" >&2
    cat "$tmp/build.err" "$tmp/build.out" >&2
    exit 1
  fi
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/build.time")
  graph_bytes=$(stat -c %s "$out/graph.json")

  echo "bench: cut $name" >&2
  status=0
  /usr/bin/time -v -o "$tmp/cut.time" "$CUT" "$dir" >"$tmp/cut.out" 2>"$tmp/cut.err" || status=$?
  if [ "$status" != 0 ]; then
    echo "bench: cut failed on $name (exit $status):" >&2
    cat "$tmp/cut.err" >&2
    exit 1
  fi
  cut_line=$(cat "$tmp/cut.out")
  cut_mbs=$(sed -n 's/.*mb_per_s=\([0-9.]*\).*/\1/p' <<<"$cut_line")
  [ -n "$cut_mbs" ] || die "cut printed no mb_per_s: $cut_line"

  rows+=("$(awk -v name="$name" -v bytes="$bytes" -v files="$files" -v ns="$((t1 - t0))" \
    -v cut="$cut_mbs" -v rss="$rss_kb" -v graph="$graph_bytes" 'BEGIN {
      mb = bytes / 1e6; s = ns / 1e9; bmbs = (s > 0) ? mb / s : 0
      ratio = (cut > 0) ? bmbs / cut : 0
      printf "%-14s %8.2f %6d %9.2f %10.3f %9.2f %9.3f %11.1f %13.2f",
        name, mb, files, s, bmbs, cut, ratio, rss * 1024 / 1e6, graph / 1e6
    }')")
}

for size in "${size_list[@]}"; do
  gen copies "$size" "copies-$size"
  gen names "$size" "names-$size"
done
for size in "${article_list[@]}"; do
  gen article "$size" "article-$size"
done
for n in "${dated_list[@]}"; do
  gen dated "$n" "dated-$n"
done

for size in "${size_list[@]}"; do
  run "copies-$size"
  run "names-$size"
done
for size in "${article_list[@]}"; do
  run "article-$size"
done
for n in "${dated_list[@]}"; do
  run "dated-$n"
done

# time_query GRAPH LABEL ARGS...: best of three wall times of `govgraph query
# ARGS`, in milliseconds, added to the query table.
query_rows=()
time_query() {
  local graph_name="$1" label="$2"
  shift 2
  local best="" t0 t1 ms status lines
  for _ in 1 2 3; do
    t0=$(now_ns)
    status=0
    "$GOVGRAPH" query "$@" >"$tmp/query.out" 2>"$tmp/query.err" || status=$?
    t1=$(now_ns)
    if [ "$status" != 0 ]; then
      echo "bench: govgraph query $* failed (exit $status):" >&2
      cat "$tmp/query.err" >&2
      exit 1
    fi
    ms=$(((t1 - t0) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  lines=$(wc -l <"$tmp/query.out")
  query_rows+=("$(printf '%-14s %8s %8s  %s' "$graph_name" "$best" "$lines" "$label")")
}

largest=$(printf '%s\n' "${size_list[@]}" | sort -g | tail -n 1)
for kind in copies names; do
  graph_name="$kind-$largest"
  graph="$BENCH/out-$graph_name/graph.json"
  echo "bench: queries on $graph" >&2
  time_query "$graph_name" "stats" stats --graph "$graph"
  time_query "$graph_name" "officials" officials --graph "$graph"
  time_query "$graph_name" "projects" projects --graph "$graph"
  # The most connected person of the stats, else the first official.
  person=$("$GOVGRAPH" query stats --graph "$graph" --format csv | awk -F, '$1 == "person" { print $2; exit }')
  if [ -z "$person" ]; then
    person=$("$GOVGRAPH" query officials --graph "$graph" --format csv | awk -F, 'NR == 2 { print $3; exit }')
  fi
  if [ -n "$person" ]; then
    time_query "$graph_name" "attended --person $person" attended --graph "$graph" --person "$person"
  else
    echo "bench: no person in $graph; attended not timed" >&2
  fi
done

echo
printf '%-14s %8s %6s %9s %10s %9s %9s %11s %13s\n' \
  corpus MB files "build s" "build MB/s" "cut MB/s" build/cut "peak RSS MB" "graph.json MB"
printf '%s\n' "${rows[@]}"
echo
printf '%-14s %8s %8s  %s\n' graph "ms" lines query
printf '%s\n' "${query_rows[@]}"
echo

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- src Cargo.toml Cargo.lock data 2>/dev/null)" ]; then
  commit="$commit (src modified)"
fi
echo "machine: nproc $(nproc), ${cpu:-unknown CPU}, ${mem}; commit $commit${threads:+; --threads $threads}"
