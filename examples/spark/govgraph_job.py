#!/usr/bin/env python3
"""Build a govgraph graph with Spark: extract on the workers, merge by key.

    python3 examples/spark/govgraph_job.py ARTICLES.jsonl OUT_DIR \\
        [--master local[2]] [--govgraph PATH] [--partitions N] [--work DIR]

ARTICLES.jsonl holds one article a line, `{"id": ..., "text": ...}` with
optional "title", "url", "date" and "source" (examples/spark/to_jsonl.py makes
one from folders of .txt/.md files). Every record needs a distinct "id": it
names the article in the graph, and a record without one would be named after
its line in the piece of input one worker happens to read.

The job writes into OUT_DIR the same graph set, byte for byte, as

    govgraph build - -o OUT_DIR -q < ARTICLES.jsonl

in three steps:

MAP      each partition of the input lines is piped through
         `govgraph extract - -q`, which reads every article alone and writes
         one fact record (a JSON line) per article:
         {"hash": ..., "key": "district:福田区", "about": ..., "facts": ...}.
SHUFFLE  records are keyed by their "key" (the district, person or document
         they are about) and partitioned by it, so that all the records of one
         key meet in one partition.
REDUCE   each partition is piped through `govgraph merge --facts - -q`, a
         partial merge that writes merged records in the same format, saved
         by the workers as text files (part-00000, ...) in a work folder.
         The driver then streams those files, one after the other, into the
         standard input of the final merge, run once:
         `govgraph merge - -o OUT_DIR -q`. (Read from standard input, it writes
         the same graph.manifest.json as `build -` does.)

The partial outputs are written by the workers, not collected: one key can
hold a large share of the records (all the articles about 福田区), and
collecting its partition puts them all in the driver's Java heap at once
(RDD.toLocalIterator ran out of the default 1 GB at 10,000 articles).

Merging is a set union keyed by each record's content hash, so any grouping
and order of the records gives the same graph; Spark's partitioning changes
nothing in the output.

--govgraph is the binary (default: `govgraph` on PATH); it must be at the same
path on every worker. --partitions is the number of partitions of both the
map and the reduce (default: Spark's default parallelism). --work is the
folder of the partial outputs (default: a new temporary folder, removed at the
end); on a cluster, give a folder of a file system that the workers and the
driver share. A missing binary or a govgraph run that fails stops the job
with govgraph's own error message as the last line.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib


class GovgraphError(RuntimeError):
    pass


def run_govgraph(argv, lines):
    """Pipes `lines` (str, without newline) through the command `argv`; yields
    its output lines (with newline). Raises GovgraphError, with the command's
    standard error, when it exits non-zero, and re-raises what `lines` raised."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        failed = []

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # the command died; its exit status says why
            except BaseException as e:
                failed.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        read_all = False
        try:
            for out in proc.stdout:
                yield out.decode("utf-8")
            read_all = True
        finally:
            if not read_all:
                proc.kill()  # the reader stopped early (a cancelled task)
        writer.join()
        status = proc.wait()
        if failed:
            raise failed[0]
        if status != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()
            raise GovgraphError(f"`{' '.join(argv)}` exited with status {status}: {message}")


def pipe_partition(argv):
    """A mapPartitions function piping a non-empty partition through `argv`."""

    def run(lines):
        lines = iter(lines)
        first = next(lines, None)
        if first is None:
            return
        for out in run_govgraph(argv, itertools.chain([first], lines)):
            yield out.rstrip("\n")

    return run


def entity_key(record):
    """(key, record) of a fact record: the entity all its facts are about."""
    return json.loads(record)["key"], record


def key_partition(key):
    """A partition number of a key, the same in every Python process."""
    return zlib.crc32(key.encode("utf-8"))


def read_parts(folder):
    """The lines of the part files Spark saved in `folder`, without newline."""
    for name in sorted(os.listdir(folder)):
        if name.startswith("part-"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    yield line.rstrip("\n")


def failure(e):
    """One line on why the Spark job failed: govgraph's message when a
    govgraph run on a worker failed, else the first line of Spark's error."""
    try:
        text = str(e)
    except Exception:  # the JVM died (it does on OutOfMemoryError)
        return f"Spark failed ({type(e).__name__}); its Java error is above"
    cause = re.search(r"GovgraphError: (.*)", text)
    if cause:
        return cause.group(1)
    java = re.search(r"java\.lang\.\w+(?:Error|Exception)[^\n]*", text)
    return f"Spark failed: {java.group(0) if java else text.strip().splitlines()[0]}"


def find_govgraph(name):
    path = shutil.which(name)
    if path is None:
        raise SystemExit(
            f"govgraph_job: govgraph not found: {name!r} (build it with "
            "`cargo build --release` and pass --govgraph target/release/govgraph)"
        )
    path = os.path.abspath(path)
    check = subprocess.run([path, "--version"], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"govgraph_job: {path} --version failed: {check.stderr.strip()}")
    return path


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", metavar="ARTICLES.jsonl")
    parser.add_argument("out", metavar="OUT_DIR")
    parser.add_argument(
        "--master", help="Spark master (default: the one spark-submit gives, else local[2])"
    )
    parser.add_argument("--govgraph", default="govgraph", help="the govgraph binary")
    parser.add_argument("--partitions", type=int, help="partitions of the map and the reduce")
    parser.add_argument("--work", help="a new folder for the partial outputs")
    args = parser.parse_args(argv)

    govgraph = find_govgraph(args.govgraph)
    if not os.path.isfile(args.articles):
        raise SystemExit(f"govgraph_job: no such file: {args.articles}")

    try:
        from py4j.protocol import Py4JJavaError
        from pyspark import SparkConf, SparkContext
        from pyspark.errors import PySparkException
    except ImportError:
        raise SystemExit("govgraph_job: pyspark is missing; run scripts/deps/spark.sh")

    conf = SparkConf()
    master = args.master or conf.get("spark.master", None) or "local[2]"
    if master.startswith("local"):
        # Local workers run this very Python, which has pyspark.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf = (
        conf.setMaster(master)
        .setAppName("govgraph")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="govgraph-spark-"))
    parts = os.path.join(work, "parts")
    try:
        sc = SparkContext(conf=conf)
        sc.setLogLevel("ERROR")
        try:
            partitions = args.partitions or sc.defaultParallelism
            articles = sc.textFile(os.path.abspath(args.articles), minPartitions=partitions)

            # MAP: articles -> one fact record per article.
            facts = articles.filter(lambda line: line.strip()).mapPartitions(
                pipe_partition([govgraph, "extract", "-", "-q"])
            )
            # SHUFFLE: the records of one entity key into one partition.
            grouped = facts.map(entity_key).partitionBy(partitions, key_partition).values()
            # REDUCE: a partial merge per partition, saved by the workers...
            merge = [govgraph, "merge", "--facts", "-", "-q"]
            grouped.mapPartitions(pipe_partition(merge)).saveAsTextFile(parts)
        except (Py4JJavaError, PySparkException) as e:
            raise SystemExit(f"govgraph_job: {failure(e)}") from e
        finally:
            sc.stop()

        # ...and streamed from the driver into the final merge, once.
        final = [govgraph, "merge", "-", "-o", args.out, "-q"]
        try:
            for _ in run_govgraph(final, read_parts(parts)):
                pass
        except GovgraphError as e:
            raise SystemExit(f"govgraph_job: {e}") from e
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main(sys.argv[1:])
