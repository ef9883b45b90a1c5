#!/usr/bin/env python3
"""Turn folders of articles into JSON Lines, the input of govgraph_job.py.

    python3 examples/spark/to_jsonl.py FOLDER... > articles.jsonl
    python3 examples/spark/to_jsonl.py seeds -o articles.jsonl
    python3 examples/spark/to_jsonl.py seeds --copies 10000 -o big.jsonl

Every .txt and .md file under each FOLDER (recursively, in sorted order)
becomes one line `{"id": <path relative to FOLDER>, "text": <file text>}`.
A FILE named directly is read too, its id being its name. Files must be UTF-8
(a byte-order mark is dropped). Two files with the same id are an error: the
id names the article in the graph's evidence.

--copies N writes N records instead, a test corpus: the articles taken in
turn, record i (from 0) having the id `i/<id>` (i zero-padded to six digits)
and the article's text with a last line `（样稿 i）` appended, so that no two
records are the same article (the graph counts an article once, by its
content). The same arguments give the same bytes.
"""

import argparse
import json
import os
import sys

SUFFIXES = (".txt", ".md")


def articles(paths):
    """(id, path) of every article under `paths`, folders walked in sorted order."""
    for path in paths:
        if os.path.isfile(path):
            yield os.path.basename(path), path
            continue
        if not os.path.isdir(path):
            raise SystemExit(f"to_jsonl: no such file or folder: {path}")
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    full = os.path.join(folder, name)
                    yield os.path.relpath(full, path), full


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="FOLDER")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--copies", type=int, metavar="N", help="write N numbered copies")
    args = parser.parse_args(argv)

    sources = {}
    for ident, path in articles(args.paths):
        if ident in sources:
            raise SystemExit(f"to_jsonl: {path} and {sources[ident]} have the same id {ident!r}")
        sources[ident] = path
    if args.copies is not None and (args.copies < 0 or not sources):
        raise SystemExit("to_jsonl: --copies needs a count of 0 or more and articles to copy")

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        if args.copies is None:
            for ident, path in sources.items():
                write(out, ident, read(path))
        else:
            texts = [(ident, read(path).rstrip("\n")) for ident, path in sources.items()]
            for i in range(args.copies):
                ident, text = texts[i % len(texts)]
                write(out, f"{i:06d}/{ident}", f"{text}\n\n（样稿 {i}）\n")
    count = len(sources) if args.copies is None else args.copies
    print(f"to_jsonl: {count} articles", file=sys.stderr)


def read(path):
    try:
        with open(path, encoding="utf-8-sig") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise SystemExit(f"to_jsonl: reading {path}: {e}")


def write(out, ident, text):
    out.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
