"""Checks govgraph's Neo4j export against the header rules of neo4j-admin import
and against the graph.json it came from. Usage: check_neo4j.py GRAPH.json DIR"""
import csv
import datetime
import json
import os
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
NODE_SPECIAL = {"ID", "LABEL", "IGNORE"}
REL_SPECIAL = {"START_ID", "END_ID", "TYPE", "IGNORE"}


def parse_header(header, special):
    """Each field is name:type, name, :SPECIAL or name:SPECIAL; returns [(name, type)]."""
    fields = []
    for field in header:
        name, _, typ = field.partition(":")
        if typ in special:
            fields.append((name, typ))
            continue
        if not name:
            raise SystemExit(f"header field {field!r} has no name")
        base = typ[:-2] if typ.endswith("[]") else typ
        if typ and base not in TYPES:
            raise SystemExit(f"header field {field!r}: unknown type {typ!r}")
        fields.append((name, typ or "string"))
    return fields


def check_value(typ, value, where, raw=""):
    if value == "":
        return
    base = typ[:-2] if typ.endswith("[]") else typ
    for item in (value.split(";") if typ.endswith("[]") else [value]):
        if base == "date":
            datetime.date.fromisoformat(item)
        elif base in ("int", "long"):
            int(item)
        elif base == "boolean" and item not in ("true", "false"):
            raise SystemExit(f"{where}: boolean cell {item!r} is neither true nor false")
    # A cell that looks like a formula is kept as the article wrote it (Neo4j
    # stores it) and quoted; no guard character is added to the value.
    if base == "string" and value[:1] in "=+@":
        quoted = '"' + value.replace('"', '""') + '"'
        if quoted not in raw:
            raise SystemExit(f"{where}: formula-like cell {value!r} is not quoted")
    if value[:1] == "'" and value[1:2] in "=+-@":
        raise SystemExit(f"{where}: cell {value!r} was changed by a guard character")


def read(path, special):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    fields = parse_header(rows[0], special)
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(fields):
            raise SystemExit(f"{path}:{i}: {len(row)} cells, header has {len(fields)}")
        for (name, typ), value in zip(fields, row):
            if typ not in special:
                check_value(typ, value, f"{path}:{i}", raw)
    return fields, rows[1:]


def main():
    src, folder = sys.argv[1:3]
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    nf, nodes = read(os.path.join(folder, "nodes.csv"), NODE_SPECIAL)
    rf, rels = read(os.path.join(folder, "relationships.csv"), REL_SPECIAL)
    kinds = [t for _, t in nf]
    if kinds.count("ID") != 1 or kinds.count("LABEL") != 1:
        raise SystemExit("nodes.csv needs exactly one :ID and one :LABEL column")
    rkinds = [t for _, t in rf]
    for need in ("START_ID", "END_ID", "TYPE"):
        if rkinds.count(need) != 1:
            raise SystemExit(f"relationships.csv needs exactly one :{need} column")
    idcol = kinds.index("ID")
    ids = [r[idcol] for r in nodes]
    if len(set(ids)) != len(ids):
        raise SystemExit("nodes.csv repeats an id")
    known = set(ids)
    s, t = rkinds.index("START_ID"), rkinds.index("END_ID")
    for r in rels:
        for end in (r[s], r[t]):
            if end not in known:
                raise SystemExit(f"relationships.csv refers to {end!r}, which nodes.csv lacks")
    if sorted(ids) != sorted(n["id"] for n in data["nodes"]):
        raise SystemExit("nodes.csv ids differ from graph.json")
    if len(rels) != len(data["edges"]):
        raise SystemExit(f"{len(rels)} relationships, graph.json has {len(data['edges'])} edges")
    check_personnel(data, rf, rels)
    check_nodes(data, nf, nodes)
    cypher = open(os.path.join(folder, "load.cypher"), encoding="utf-8").read()
    for needed in ("CREATE CONSTRAINT", "LOAD CSV WITH HEADERS", "MERGE"):
        if needed not in cypher:
            raise SystemExit(f"load.cypher lacks {needed}")
    check_cypher(cypher)
    print(f"neo4j: {len(nodes)} nodes, {len(rels)} relationships, headers valid")


# The personnel columns: (header field, graph.json field), and how graph.json's
# value is written (acting: true/false on holds_post, empty elsewhere).
PERSONNEL = [("start:date", "start"), ("end:date", "end"), ("acting:boolean", "acting"),
             ("change", "change"), ("body", "body")]


def cell(edge, field):
    value = edge.get(field)
    if field == "acting":
        return ("true" if value else "false") if edge["relation"] == "holds_post" else ""
    return "" if value is None else str(value)


def check_personnel(data, rf, rels):
    """Every relationship row carries the tenure, acting, change and body of its edge,
    and no two rows of one type between the same nodes share a key (LOAD CSV's MERGE
    would fold them into one)."""
    # Columns by header field: `:TYPE`, `key` (a string), `start:date`.
    col = {(f"{n}:{t}" if t in REL_SPECIAL or t != "string" else n): i
           for i, (n, t) in enumerate(rf)}
    for field, _ in PERSONNEL:
        if field not in col:
            raise SystemExit(f"relationships.csv lacks the {field} column")
    want = sorted(
        (e["source"], e["target"], e["relation"].upper(), tuple(cell(e, f) for _, f in PERSONNEL))
        for e in data["edges"])
    have = sorted(
        (r[col[":START_ID"]], r[col[":END_ID"]], r[col[":TYPE"]],
         tuple(r[col[h]].lstrip("'") for h, _ in PERSONNEL))
        for r in rels)
    if want != have:
        diff = next((w, h) for w, h in zip(want, have) if w != h)
        raise SystemExit(f"relationships.csv personnel cells differ: got {diff[1]!r}, expected {diff[0]!r}")
    keys = [(r[col[":START_ID"]], r[col[":END_ID"]], r[col[":TYPE"]], r[col["key"]]) for r in rels]
    if len(set(keys)) != len(keys):
        raise SystemExit("relationships.csv: two relationships share a MERGE key")


# The node columns after the first eleven: (header field, graph.json field), in
# their order, appended at the end so that the older columns keep their places.
OLD_NODE_HEADER = ["id:ID", ":LABEL", "name", "aliases:string[]", "date:date", "end_date:date",
                   "roles:string[]", "city", "province", "code", "evidence"]
NODE_PROPERTIES = [("title", "title"), ("url", "url"), ("source", "source"), ("file", "file"),
                   ("pinyin", "pinyin"), ("ambiguous:boolean", "ambiguous"),
                   ("first_seen:date", "first_seen"), ("last_seen:date", "last_seen"),
                   ("stages:string[]", "stages")]


def node_cell(node, field):
    """What nodes.csv holds for a graph.json field: ambiguous true/false on
    districts, stages as `DATE STAGE DOC` items (`-`: no day) joined by `;`."""
    value = node.get(field)
    if field == "ambiguous":
        return "true" if value else ("false" if node["kind"] == "district" else "")
    if field == "stages":
        return ";".join(f"{s.get('date') or '-'} {s['stage']} {s['doc']}".replace(";", "；")
                        for s in value or [])
    return "" if value is None else str(value).replace("\n", " ").replace("\r", " ")


def check_nodes(data, nf, nodes):
    """nodes.csv keeps its older columns first, then every other property graph.json
    gives a node (citations, pinyin, ambiguity, a project's timeline)."""
    header = [f"{n}:{t}" if t in NODE_SPECIAL or t != "string" else n for n, t in nf]
    want_header = OLD_NODE_HEADER + [h for h, _ in NODE_PROPERTIES]
    if header != want_header:
        raise SystemExit(f"nodes.csv header {header}, expected {want_header}")
    by_id = {n["id"]: n for n in data["nodes"]}
    for row in nodes:
        node = by_id[row[0]]
        for (h, field), got in zip(NODE_PROPERTIES, row[len(OLD_NODE_HEADER):]):
            want = node_cell(node, field)
            if got != want:
                raise SystemExit(f"nodes.csv {row[0]} {h}: got {got!r}, expected {want!r}")


def check_cypher(cypher):
    """The nodes' LOAD CSV sets every node property; each relationship type's
    LOAD CSV sets the properties that type has."""
    nodes = next((b for b in cypher.split("\n\n") if "SET n.name = row.name" in b), "")
    for w in ["n.title = row.title", "n.url = row.url", "n.source = row.source",
              "n.file = row.file", "n.pinyin = row.pinyin",
              "n.ambiguous = toBoolean(row.`ambiguous:boolean`)",
              "n.first_seen = date(row.`first_seen:date`)",
              "n.last_seen = date(row.`last_seen:date`)",
              "n.stages = CASE WHEN row.`stages:string[]` IS NULL THEN null"
              " ELSE split(row.`stages:string[]`, ';') END"]:
        if w not in nodes:
            raise SystemExit(f"load.cypher: nodes do not set {w}")
    blocks = {}
    for block in cypher.split("\n\n"):
        for line in block.splitlines():
            if line.startswith("WITH row WHERE row.`:TYPE` = '"):
                blocks[line.split("'")[1]] = block
    need = {
        "HOLDS_POST": ["r.start = date(row.`start:date`)", "r.end = date(row.`end:date`)",
                       "r.acting = toBoolean(row.`acting:boolean`)", "r.first_seen", "r.title"],
        "APPOINTED": ["r.date = date(row.`date:date`)", "r.change = row.change",
                      "r.body = row.body", "r.title = row.title"],
        "REMOVED": ["r.date = date(row.`date:date`)", "r.change = row.change",
                    "r.body = row.body", "r.title = row.title"],
    }
    for t, wants in need.items():
        if t not in blocks:
            raise SystemExit(f"load.cypher loads no {t} relationships")
        for w in wants:
            if w not in blocks[t]:
                raise SystemExit(f"load.cypher: {t} does not set {w}")


main()
