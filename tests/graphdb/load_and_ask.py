"""Loads govgraph's Neo4j export into an embedded Cypher database and asks it
the questions `govgraph query` answers; prints the answers as JSON.

Usage:
  load_and_ask.py EXPORT SCRATCH [--titles data/titles.tsv] [--nodes]
                  [--attended PERSON]... [--met PERSON]...
                  [--officials DISTRICT DAY]... [--path A B]...

EXPORT holds nodes.csv and relationships.csv as `govgraph export --format
neo4j` writes them. The database is LadybugDB (`real_ladybug`), else Kùzu, of
which it is the fork: both want typed tables, so the schema is read from the
neo4j-admin headers: one node table per label (GovGraph, on every node, is the
whole database), one relationship table per :TYPE with a FROM/TO pair per pair
of labels it links; every table has every property column of its file. The
rows of each table are written to SCRATCH/csv and copied in with COPY FROM a
LOAD FROM that converts each cell as neo4j-admin does (`;` between array
items, an empty cell unset). The database itself is SCRATCH/graph.db;
SCRATCH must be new or empty.

--nodes adds every node as the database holds it: each property of its
table, by name (dates as ISO days, an unset one null), sorted by id.

People, districts and path ends are named by id, or by a name only one node
has. The answers carry the fields of `govgraph query ... --format json`,
evidence as the export's one cell; a path answer gives every shortest chain.
What the export does not hold comes from data/titles.tsv (--titles): which
posts have a single holder (officials --on), and how principal a post is (the
post an attended row shows when its fact names none).
"""

import argparse
import csv
import datetime
import json
import os
import re
import sys

try:
    import real_ladybug as db_module
except ImportError:
    import kuzu as db_module

# neo4j-admin property types and the column types they load as.
TYPES = {
    "string": "STRING",
    "char": "STRING",
    "boolean": "BOOLEAN",
    "byte": "INT8",
    "short": "INT16",
    "int": "INT32",
    "long": "INT64",
    "float": "FLOAT",
    "double": "DOUBLE",
    "date": "DATE",
}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
EVERY_NODE = "GovGraph"
PARTICIPATION = ("CHAIRED", "ATTENDED")

# The tenure rules of src/query/tenure.rs over a HOLDS_POST `h` and a day
# `day`. A comparison with an unset date is null, so each rule says what an
# unset date means. A personnel fact rules the post out on a day after its
# end, or before its start when no sighting comes earlier; a tenure runs from
# its start or first sighting, whichever is earlier, to its end, else for
# good after a start, else to its last sighting. (What the tenure covers is
# never ruled out, so COVERS need not say so.)
RULED_OUT = (
    "(coalesce(h.`end` < day, false)"
    " OR (coalesce(h.start > day, false) AND coalesce(h.first_seen > day, true)))"
)
TENURE_FROM = (
    "CASE WHEN h.start < h.first_seen OR h.first_seen IS NULL THEN h.start"
    " ELSE h.first_seen END"
)
COVERS = (
    f"coalesce({TENURE_FROM} <= day"
    " AND coalesce(h.`end` >= day, h.start IS NOT NULL OR h.last_seen >= day), false)"
)

# A person's events (src/query/attended.rs): the district an event was held
# in (the first by id), and the person's posts there, for the post a row shows
# when its fact names none.
ATTENDED = f"""
MATCH (p {{id: $person}})-[r:{'|'.join(PARTICIPATION)}]->(e)
OPTIONAL MATCH (e)-[:HELD_IN]->(held:District)
WITH p, r, e, min(held.id) AS district_id
OPTIONAL MATCH (d:District {{id: district_id}})
OPTIONAL MATCH (p)-[h:HOLDS_POST]->(d)
WITH p, r, e, d, h, coalesce(r.date, e.date) AS day
WITH p, r, e, d, day,
     collect({{title: h.title, date: h.date, acting: h.acting,
              last_seen: h.last_seen, covers: {COVERS}}}) AS posts
RETURN day AS date, e.end_date AS end_date,
       p.name AS person, p.id AS person_id, label(r) AS relation,
       r.title AS title, e.name AS event, e.id AS event_id,
       d.name AS district, d.id AS district_id, r.evidence AS evidence, posts
ORDER BY date, event_id, relation
"""

# The people who took part in the events a person took part in (src/query/met.rs).
MET = f"""
MATCH (p {{id: $person}})-[:{'|'.join(PARTICIPATION)}]->(e)
      <-[:{'|'.join(PARTICIPATION)}]-(o)
WHERE o.id <> p.id
WITH o, collect(DISTINCT e.id) AS events, collect(DISTINCT e.date) AS dates
RETURN o.name AS person, o.id AS person_id, size(events) AS count,
       dates, events
ORDER BY count DESC, person_id
"""

# The holders of a district's posts on a day (src/query/officials.rs), per
# post (district, title): of the holders a personnel fact does not rule out,
# those whose tenure covers the day (of a single-holder post, the newest
# arrival among them), or if none does, those last seen on or before it.
# `covers = true`, not `covers`: LadybugDB 0.15.3 and Kùzu 0.11.3 take a CASE
# WHEN on a bare boolean variable as true for the first row only (LadybugDB
# issue 662).
OFFICIALS = f"""
MATCH (p)-[h:HOLDS_POST]->(d:District {{id: $district}})
WITH d, p, h, date($day) AS day
WHERE NOT {RULED_OUT}
WITH d, p, h, day, {TENURE_FROM} AS since, {COVERS} AS covers
WITH d, h.title AS title, day,
     collect({{p: p, h: h, since: since, covers: covers}}) AS holders,
     count(CASE WHEN covers = true THEN 1 END) AS covering,
     max(CASE WHEN covers = true THEN since END) AS newest,
     max(CASE WHEN h.last_seen <= day THEN h.last_seen END) AS latest
UNWIND holders AS x
WITH d, title, covering, newest, latest, x
WHERE CASE WHEN covering > 0
           THEN x.covers AND (NOT title IN $single_posts OR x.since = newest)
           ELSE x.h.last_seen = latest END
RETURN d.name AS district, d.id AS district_id, title,
       x.p.name AS person, x.p.id AS person_id,
       x.h.first_seen AS first_seen, x.h.last_seen AS last_seen,
       x.h.start AS start, x.h.`end` AS `end`, x.h.acting AS acting,
       CASE WHEN covering = 0 THEN 'last_seen_before'
            WHEN x.h.start IS NOT NULL OR x.h.`end` IS NOT NULL THEN 'tenure'
            ELSE 'seen' END AS basis,
       x.h.evidence AS evidence
ORDER BY district_id, title, first_seen, person_id
"""

# Every shortest chain of facts between two nodes, facts in either direction
# (src/query/path.rs gives one of them).
PATHS = """
MATCH p = (a {id: $a})-[* ALL SHORTEST 1..30]-(b {id: $b})
RETURN nodes(p) AS nodes, rels(p) AS rels
"""


def fail(message):
    sys.exit(f"load_and_ask: {message}")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        fail(f"{path} is empty")
    return rows[0], rows[1:]


class Column:
    """One header field: `name:type`, `name` (a string) or `name:SPECIAL`."""

    def __init__(self, field):
        name, _, kind = field.partition(":")
        self.name = name
        self.special = kind if kind in SPECIAL else None
        self.array = kind.endswith("[]")
        base = kind[:-2] if self.array else (kind or "string")
        if self.special is None and base not in TYPES:
            fail(f"header field {field!r}: no column type for {base!r}")
        self.type = None if self.special else TYPES[base] + ("[]" if self.array else "")

    def load(self, position):
        """The LOAD FROM expression giving this column's value from its cell."""
        cell = f"column{position}"
        if self.array:
            return f"CAST(string_split({cell}, ';') AS {self.type})"
        if self.type == "STRING" or self.special:
            return cell
        return f"CAST({cell} AS {self.type})"


def quote(name):
    """A table or column name as Cypher writes one."""
    return "`" + name.replace("`", "``") + "`"


def literal(text):
    """A string as a Cypher literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def load_from(path, skip=0):
    """LOAD FROM a headerless CSV file, every cell a string (`column0` ...)."""
    return f"LOAD FROM {literal(path)} (header=false, skip={skip}, auto_detect=false)"


def table_of(label_cell):
    """The node table of a :LABEL cell: its one label besides GovGraph."""
    labels = [label for label in label_cell.split(";") if label and label != EVERY_NODE]
    if len(labels) != 1:
        fail(f"a node labelled {label_cell!r}: expected one label besides {EVERY_NODE}")
    return labels[0]


def write_rows(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def same_cells(conn, path, rows):
    """Requires the database's CSV reader to read the cells Python's does."""
    result = conn.execute(f"{load_from(path, skip=1)} RETURN *")
    theirs = []
    while result.has_next():
        theirs.append([cell or "" for cell in result.get_next()])
    if theirs != rows:
        fail(f"the database reads {path} differently from Python's csv module")


def positions(columns):
    """Where each special column (ID, LABEL, START_ID ...) is."""
    return {c.special: i for i, c in enumerate(columns) if c.special}


def count(conn, query):
    return conn.execute(query).get_next()[0]


def load(export, scratch):
    """Creates the schema from the headers, loads the rows; returns a connection."""
    node_header, nodes = read_csv(os.path.join(export, "nodes.csv"))
    rel_header, rels = read_csv(os.path.join(export, "relationships.csv"))
    node_cols = [Column(f) for f in node_header]
    rel_cols = [Column(f) for f in rel_header]
    node_at, rel_at = positions(node_cols), positions(rel_cols)
    for needed, found in (("ID", "LABEL"), node_at), (("START_ID", "END_ID", "TYPE"), rel_at):
        if not all(s in found for s in needed):
            fail(f"a header lacks one of :{', :'.join(needed)}")

    # Each node's table; each table's rows; each relationship type's rows by
    # the tables of its ends.
    table = {row[node_at["ID"]]: table_of(row[node_at["LABEL"]]) for row in nodes}
    node_tables, rel_tables = {}, {}
    for row in nodes:
        node_tables.setdefault(table[row[node_at["ID"]]], []).append(row)
    for row in rels:
        start, end = row[rel_at["START_ID"]], row[rel_at["END_ID"]]
        if start not in table or end not in table:
            fail(f"the relationship {start} -> {end} has an end nodes.csv lacks")
        by_ends = rel_tables.setdefault(row[rel_at["TYPE"]], {})
        by_ends.setdefault((table[start], table[end]), []).append(row)

    if os.path.exists(scratch) and os.listdir(scratch):
        fail(f"{scratch} is not empty")
    os.makedirs(os.path.join(scratch, "csv"))
    conn = db_module.Connection(db_module.Database(os.path.join(scratch, "graph.db")))
    same_cells(conn, os.path.join(export, "nodes.csv"), nodes)
    same_cells(conn, os.path.join(export, "relationships.csv"), rels)

    id_col = node_cols[node_at["ID"]]
    node_props = [(i, c) for i, c in enumerate(node_cols) if c.type]
    columns = ", ".join(
        [f"{quote(id_col.name or 'id')} STRING PRIMARY KEY"]
        + [f"{quote(c.name)} {c.type}" for _, c in node_props]
    )
    values = ", ".join([id_col.load(node_at["ID"])] + [c.load(i) for i, c in node_props])
    for name, rows in sorted(node_tables.items()):
        path = os.path.join(scratch, "csv", f"node-{name}.csv")
        write_rows(path, rows)
        conn.execute(f"CREATE NODE TABLE {quote(name)}({columns})")
        conn.execute(f"COPY {quote(name)} FROM ({load_from(path)} RETURN {values})")

    rel_props = [(i, c) for i, c in enumerate(rel_cols) if c.type]
    columns = ", ".join(f"{quote(c.name)} {c.type}" for _, c in rel_props)
    values = ", ".join(
        [f"column{rel_at['START_ID']}", f"column{rel_at['END_ID']}"]
        + [c.load(i) for i, c in rel_props]
    )
    for name, by_ends in sorted(rel_tables.items()):
        ends = ", ".join(f"FROM {quote(a)} TO {quote(b)}" for a, b in sorted(by_ends))
        conn.execute(f"CREATE REL TABLE {quote(name)}({ends}, {columns})")
        for (a, b), rows in sorted(by_ends.items()):
            path = os.path.join(scratch, "csv", f"rel-{name}-{a}-{b}.csv")
            write_rows(path, rows)
            conn.execute(
                f"COPY {quote(name)} FROM ({load_from(path)} RETURN {values})"
                f" (from={literal(a)}, to={literal(b)})"
            )

    if count(conn, "MATCH (n) RETURN count(n)") != len(nodes):
        fail("the database holds another number of nodes than nodes.csv")
    if count(conn, "MATCH ()-[r]->() RETURN count(r)") != len(rels):
        fail("the database holds another number of relationships than relationships.csv")
    return conn


def plain(value):
    """A database value as JSON has it: dates as ISO days."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def rows(conn, query, **params):
    result = conn.execute(query, params)
    names = result.get_column_names()
    out = []
    while result.has_next():
        out.append({name: plain(v) for name, v in zip(names, result.get_next())})
    return out


def one_node(conn, name):
    """The id of the node with this id, else of the one node with this name."""
    for key in ("id", "name"):
        found = rows(conn, f"MATCH (n {{{key}: $name}}) RETURN n.id AS id", name=name)
        if len(found) == 1:
            return found[0]["id"]
        if found:
            fail(f"{len(found)} nodes are named {name!r}: give an id")
    fail(f"no node is named {name!r}")


def titles_file(path):
    """The single-holder posts and the rank of each post, from data/titles.tsv
    (title, level, canonical, flags, rank), as src/rules reads them."""
    single, rank = set(), {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.strip().startswith("#"):
                continue
            cells = ([c.strip() for c in line.split("\t")] + [""] * 5)[:5]
            title, _, canonical, flags, position = cells
            canonical = canonical or title
            if "single" in (flag.strip() for flag in flags.split(",")):
                single.add(canonical)
            if position:
                for name in (title, canonical):
                    rank[name] = min(rank.get(name, int(position)), int(position))
    return sorted(single), rank


def shown_title(post):
    return ("代" if post["acting"] else "") + (post["title"] or "")


def title_in(posts, day, rank):
    """The post a row shows when its fact names none (src/query/util.rs
    title_in): the most principal of those covering the day, else of those
    last seen on or before it, else of all; ties by title, then date."""
    posts = [p for p in posts if p["acting"] is not None]  # not the no-post row
    seen = [p["last_seen"] for p in posts if p["last_seen"] and day and p["last_seen"] <= day]
    latest = max(seen, default=None)
    principal = lambda p: (rank.get(p["title"], sys.maxsize), p["title"] or "", p["date"] or "")
    for group in (
        [p for p in posts if p["covers"]],
        [p for p in posts if latest and p["last_seen"] == latest],
        posts,
    ):
        if group:
            return shown_title(min(group, key=principal))
    return None


def attended(conn, person, rank):
    answer = rows(conn, ATTENDED, person=one_node(conn, person))
    for row in answer:
        posts = row.pop("posts")
        row["relation"] = row["relation"].lower()
        if row["title"] is None:
            row["title"] = title_in(posts, row["date"], rank)
    return answer


def met(conn, person):
    answer = rows(conn, MET, person=one_node(conn, person))
    for row in answer:
        row["dates"] = sorted(d for d in row["dates"] if d is not None)
        row["events"] = sorted(row["events"])
    return answer


# The document of an evidence entry, as the export writes one: `doc:start-end text`.
EVIDENCE_DOC = re.compile(r"^(.*?):\d+-\d+ ")


def sources(evidence):
    """The number of documents among an evidence cell's entries."""
    entries = evidence.split(" || ") if evidence else []
    return len({EVIDENCE_DOC.match(e).group(1) for e in entries})


def officials(conn, district, day, single):
    answer = rows(
        conn,
        OFFICIALS,
        district=one_node(conn, district),
        day=day,
        single_posts=single,
    )
    for row in answer:
        row["sources"] = sources(row["evidence"])
    return answer


def fact(source, relation, title, date, target):
    """A fact as one line, as src/query/util.rs fact_line writes it."""
    detail = ", ".join(x for x in (title, date) if x is not None)
    detail = f"({detail})" if detail else ""
    return f"{source} —{relation}{detail}→ {target}"


def internal(value, key):
    """A path element's internal field: `_ID` in LadybugDB, `_id` in Kùzu."""
    return value[key] if key in value else value[key.lower()]


def step(rel, names, ids):
    source, target = str(internal(rel, "_SRC")), str(internal(rel, "_DST"))
    relation = internal(rel, "_LABEL").lower()
    return {
        "source": names[source],
        "source_id": ids[source],
        "relation": relation,
        "title": rel["title"],
        "date": rel["date"],
        "target": names[target],
        "target_id": ids[target],
        "fact": fact(names[source], relation, rel["title"], rel["date"], names[target]),
        "evidence": rel["evidence"],
    }


def paths(conn, a, b):
    """Every shortest chain of facts from a to b, each step as stated."""
    ends = [one_node(conn, a), one_node(conn, b)]
    named = rows(conn, "MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name", ids=ends)
    name = {n["id"]: n["name"] for n in named}
    found = [[]] if ends[0] == ends[1] else []
    if ends[0] != ends[1]:
        for row in rows(conn, PATHS, a=ends[0], b=ends[1]):
            ids = {str(internal(n, "_ID")): n["id"] for n in row["nodes"]}
            names = {str(internal(n, "_ID")): n["name"] for n in row["nodes"]}
            found.append([step(r, names, ids) for r in row["rels"]])
    lengths = {len(p) for p in found}
    if len(lengths) > 1:
        fail(f"shortest paths of several lengths: {sorted(lengths)}")
    return {
        "from": name[ends[0]],
        "from_id": ends[0],
        "to": name[ends[1]],
        "to_id": ends[1],
        "length": lengths.pop() if lengths else None,
        "paths": sorted(found, key=lambda p: json.dumps(p, ensure_ascii=False)),
    }


def all_nodes(conn):
    """Every node's properties as loaded, sorted by id."""
    found = rows(conn, "MATCH (n) RETURN n")
    nodes = [{k: v for k, v in row["n"].items() if not k.startswith("_")} for row in found]
    return sorted(nodes, key=lambda n: n["id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="the folder govgraph export --format neo4j wrote")
    parser.add_argument("scratch", help="a new or empty folder for the database")
    parser.add_argument("--titles", default="data/titles.tsv")
    parser.add_argument("--nodes", action="store_true", help="print every node as loaded")
    asked = {"action": "append", "default": []}
    parser.add_argument("--attended", metavar="PERSON", **asked)
    parser.add_argument("--met", metavar="PERSON", **asked)
    parser.add_argument("--officials", nargs=2, metavar=("DISTRICT", "DAY"), **asked)
    parser.add_argument("--path", nargs=2, metavar=("A", "B"), **asked)
    args = parser.parse_args()

    single, rank = titles_file(args.titles)
    conn = load(args.export, args.scratch)
    answers = {
        "database": db_module.__name__,
        "attended": [{"person": p, "answer": attended(conn, p, rank)} for p in args.attended],
        "met": [{"person": p, "answer": met(conn, p)} for p in args.met],
        "officials": [
            {"district": d, "on": day, "answer": officials(conn, d, day, single)}
            for d, day in args.officials
        ],
        "path": [{"a": a, "b": b, "answer": paths(conn, a, b)} for a, b in args.path],
    }
    if args.nodes:
        answers["nodes"] = all_nodes(conn)
    json.dump(answers, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
