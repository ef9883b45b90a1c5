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


def check_value(typ, value, where):
    if value == "":
        return
    base = typ[:-2] if typ.endswith("[]") else typ
    for item in (value.split(";") if typ.endswith("[]") else [value]):
        if base == "date":
            datetime.date.fromisoformat(item)
        elif base in ("int", "long"):
            int(item)
    if base == "string" and value[:1] in "=+@" :
        raise SystemExit(f"{where}: cell {value!r} would be read as a formula")


def read(path, special):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    fields = parse_header(rows[0], special)
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(fields):
            raise SystemExit(f"{path}:{i}: {len(row)} cells, header has {len(fields)}")
        for (name, typ), value in zip(fields, row):
            if typ not in special:
                check_value(typ, value, f"{path}:{i}")
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
    cypher = open(os.path.join(folder, "load.cypher"), encoding="utf-8").read()
    for needed in ("CREATE CONSTRAINT", "LOAD CSV WITH HEADERS", "MERGE"):
        if needed not in cypher:
            raise SystemExit(f"load.cypher lacks {needed}")
    print(f"neo4j: {len(nodes)} nodes, {len(rels)} relationships, headers valid")


main()
