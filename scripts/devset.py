#!/usr/bin/env python3
"""Score govgraph on the development set of real articles, per genre.

The development set is real news found with a search engine's stored pages:
`tests/devset/manifest.tsv` lists each article's id, genre, the query that found
it and its url; `tests/devset/gold/ID.json` is what a careful reader takes from
it (tests/gold/FORMAT.md), written by annotators who had not read govgraph's
rules. The article texts are not ours to publish, so they are kept out of the
repository, in `tests/devset/texts/ID.md` (ignored by git): each is the stored
page's text with a front matter of its url and, where the url gives it, its
publication date. This script scores whatever texts are there and lists the
ones missing.

    python3 scripts/devset.py                 # table per genre and in total
    python3 scripts/devset.py --json          # the same as JSON
    python3 scripts/devset.py --binary PATH   # another govgraph binary
    python3 scripts/devset.py --texts-from RAW  # first write texts/ from pages

A fresh checkout has no texts. To restore them, run each manifest row's query
through the same search engine's stored pages and save the text of the result
whose address is the row's url, exactly as stored, as RAW/ID.txt; then
`--texts-from RAW` writes tests/devset/texts/ID.md, each with its front matter:
`url:` and, where the url holds a whole day (t20171215, /2022-01-13/,
/2022/0419/), `date:`. A url that gives only a month gives no date, as the
gold files assume.

Figures are micro-averaged (counts summed, then divided), as `govgraph eval`
does. `wrong dates` counts participations of a person the gold file does give
participations to, on a day it does not: a date govgraph got wrong rather than
an activity it should not have read. Projects are scored as `govgraph eval`
scores them: precision and recall of project nodes by name, and the share of
matched projects placed in the gold district.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVSET = os.path.join(ROOT, "tests", "devset")
MEASURES = ("officials", "titles", "participations", "projects", "personnel")


def manifest():
    rows = []
    with open(os.path.join(DEVSET, "manifest.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.strip():
                rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    return rows


def evaluate(binary, ids):
    """govgraph eval over the articles present; the JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = os.path.join(tmp, "gold")
        os.mkdir(gold_dir)
        for i in ids:
            src = os.path.join(DEVSET, "gold", i + ".json")
            with open(src, encoding="utf-8") as a, open(os.path.join(gold_dir, i + ".json"), "w", encoding="utf-8") as b:
                b.write(a.read())
        out = subprocess.run(
            [binary, "eval", "--gold", gold_dir, "--inputs", os.path.join(DEVSET, "texts"), "--format", "json"],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            sys.exit("govgraph eval failed: " + out.stderr.strip())
        return json.loads(out.stdout)


def wrong_dates(file_report, gold):
    people = {p["person"] for p in gold.get("participations", [])}
    n = 0
    for f in file_report.get("findings", []):
        if f["measure"] == "participations" and f["kind"] == "wrong":
            person = f["item"].split(" @ ")[0]
            n += person in people
    return n


def ratio(a, b):
    return a / b if b else None


URL_DAYS = [
    # t20171215_96534, 2012090416093319 (a time stamp), /202209/06/, /2022/0419/
    re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])"),
    re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})/?(0[1-9]|1[0-2])/?(0[1-9]|[12][0-9]|3[01])(?![0-9])"),
    # /2021/difang/1336/1122/: a year's folder, then a day's
    re.compile(r"/((?:19|20)[0-9]{2})/(?:[^/]+/)*?(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])/"),
    # /2022-01-13/, /art/2015/9/7/
    re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-/_]([1-9]|0[1-9]|1[0-2])[-/_]([1-9]|0[1-9]|[12][0-9]|3[01])(?![0-9])"),
]


def url_day(url):
    """The day a url's path names (…/t20171215_1.html), or None."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    for pattern in URL_DAYS:
        m = pattern.search(path)
        if m:
            return f"{m[1]}-{int(m[2]):02}-{int(m[3]):02}"
    return None


def write_texts(raw, rows):
    """RAW/ID.txt (a stored page's text) -> texts/ID.md with front matter."""
    os.makedirs(os.path.join(DEVSET, "texts"), exist_ok=True)
    n = 0
    for r in rows:
        src = os.path.join(raw, r["id"] + ".txt")
        if not os.path.exists(src):
            continue
        with open(src, encoding="utf-8") as f:
            body = f.read().strip("\n")
        head = f"---\nurl: {r['url']}\n"
        day = url_day(r["url"])
        if day:
            head += f"date: {day}\n"
        dst = os.path.join(DEVSET, "texts", r["id"] + ".md")
        with open(dst + ".tmp", "w", encoding="utf-8") as f:
            f.write(head + "---\n\n" + body + "\n")
        os.replace(dst + ".tmp", dst)
        n += 1
    print(f"wrote {n} texts to tests/devset/texts/", file=sys.stderr)


def f1(c):
    p, r = ratio(c["matched_graph"], c["graph"]), ratio(c["matched_gold"], c["gold"])
    if p is None and r is None:
        return None
    return 2 * p * r / (p + r) if p and r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "govgraph"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--texts-from", metavar="RAW", help="write texts/ID.md from RAW/ID.txt first")
    args = ap.parse_args()
    rows = manifest()
    if args.texts_from:
        write_texts(args.texts_from, rows)
    present = [r for r in rows if os.path.exists(os.path.join(DEVSET, "texts", r["id"] + ".md"))]
    missing = [r["id"] for r in rows if r not in present]
    if not present:
        sys.exit("no article texts in tests/devset/texts/ (they are kept out of the repository)")
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary}: no such binary (cargo build --release first)")
    report = evaluate(args.binary, [r["id"] for r in present])
    by_file = {os.path.splitext(f["gold"])[0]: f for f in report["files"]}
    groups = {}
    for r in present:
        for key in (r["genre"], "TOTAL"):
            g = groups.setdefault(key, {"files": 0, "wrong_dates": 0, "district": [0, 0], "pdates": [0, 0], **{m: dict.fromkeys(("graph", "gold", "matched_graph", "matched_gold"), 0) for m in MEASURES}})
            f = by_file[r["id"]]
            g["files"] += 1
            g["district"][0] += f["project_district"]["right"]
            g["district"][1] += f["project_district"]["of"]
            g["pdates"][0] += f["personnel_dates"]["right"]
            g["pdates"][1] += f["personnel_dates"]["of"]
            for m in MEASURES:
                for k in g[m]:
                    g[m][k] += f[m][k]
            with open(os.path.join(DEVSET, "gold", r["id"] + ".json"), encoding="utf-8") as gf:
                g["wrong_dates"] += wrong_dates(f, json.load(gf))
    table = []
    for name in sorted(groups, key=lambda k: (k == "TOTAL", k)):
        g = groups[name]
        p = g["participations"]
        table.append({
            "genre": name,
            "files": g["files"],
            "officials_f1": f1(g["officials"]),
            "titles_f1": f1(g["titles"]),
            "participations_f1": f1(p),
            "participations_precision": ratio(p["matched_graph"], p["graph"]),
            "participations_recall": ratio(p["matched_gold"], p["gold"]),
            "wrong_dates": g["wrong_dates"],
            "projects_precision": ratio(g["projects"]["matched_graph"], g["projects"]["graph"]),
            "projects_recall": ratio(g["projects"]["matched_gold"], g["projects"]["gold"]),
            "project_district": ratio(*g["district"]),
            "personnel_precision": ratio(g["personnel"]["matched_graph"], g["personnel"]["graph"]),
            "personnel_recall": ratio(g["personnel"]["matched_gold"], g["personnel"]["gold"]),
            "personnel_dates": ratio(*g["pdates"]),
        })
    if args.json:
        print(json.dumps({"genres": table, "missing_texts": missing}, ensure_ascii=False, indent=2))
        return
    cols = ["genre", "files", "officials_f1", "titles_f1", "participations_f1", "participations_precision", "participations_recall", "wrong_dates", "projects_precision", "projects_recall", "project_district", "personnel_precision", "personnel_recall", "personnel_dates"]
    heads = ["genre", "files", "officials F1", "titles F1", "particip. F1", "particip. P", "particip. R", "wrong dates", "projects P", "projects R", "proj. district", "personnel P", "personnel R", "pers. dates"]
    fmt = lambda v: "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))
    cells = [[fmt(row[c]) for c in cols] for row in table]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    print("  ".join(h.ljust(w) for h, w in zip(heads, widths)))
    print("  ".join("-" * w for w in widths))
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths)))
    if missing:
        print(f"\n{len(missing)} article texts missing from tests/devset/texts/: {' '.join(missing)}")


if __name__ == "__main__":
    main()
