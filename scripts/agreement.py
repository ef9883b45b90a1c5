#!/usr/bin/env python3
"""How far two readers agree on the projects of the same articles.

    python3 scripts/agreement.py                       # tests/devset/second-reader vs tests/devset/gold
    python3 scripts/agreement.py SECOND_DIR [FIRST_DIR] [-v]

SECOND_DIR holds one file per article ({"file": "ID.md", "projects": [...]}),
written by a reader who saw neither govgraph's rules nor the first gold; each
is compared with FIRST_DIR/ID.json. Names are compared as `govgraph eval`
compares them (width folded, case folded, quotes and 《》 dropped, a trailing
项目 or 工程 dropped). Prints the second reader's precision, recall and F1
against the first, and how often two matched projects have the same district.
"""

import json
import os
import sys
import unicodedata

QUOTES = "“”‘’\"'《》「」『』"


def key(name):
    n = unicodedata.normalize("NFKC", name).lower()
    n = "".join(c for c in n if c not in QUOTES and not c.isspace())
    while True:
        for s in ("项目", "工程"):
            if n.endswith(s) and len(n) > len(s):
                n = n[: -len(s)]
                break
        else:
            return n


def projects(path):
    with open(path, encoding="utf-8") as f:
        return {key(p["name"]): p.get("district") for p in json.load(f).get("projects", [])}


def main(args):
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    second = args[0] if args else "tests/devset/second-reader"
    first = args[1] if len(args) > 1 else "tests/devset/gold"
    both = only_first = only_second = same = compared = 0
    for name in sorted(os.listdir(second)):
        if not name.endswith(".json"):
            continue
        a = projects(os.path.join(first, name))
        b = projects(os.path.join(second, name))
        shared = set(a) & set(b)
        both += len(shared)
        only_first += len(set(a) - set(b))
        only_second += len(set(b) - set(a))
        for k in shared:
            if a[k] and b[k]:
                compared += 1
                same += a[k] == b[k]
        if verbose and set(a) ^ set(b):
            print(name[:-5], "first only:", sorted(set(a) - set(b)), "second only:", sorted(set(b) - set(a)))
    p = both / max(both + only_second, 1)
    r = both / max(both + only_first, 1)
    f = 2 * both / max(2 * both + only_first + only_second, 1)
    print(f"first {both + only_first}, second {both + only_second}, both {both}: "
          f"precision {p:.3f} recall {r:.3f} F1 {f:.3f}; same district {same}/{compared}")


if __name__ == "__main__":
    main(sys.argv[1:])
