"""Reads govgraph's GraphML, GEXF and node-link exports with networkx and checks
that each holds the same nodes, edges and attributes as the graph.json it came
from. Usage: check_networkx.py GRAPH.json OUT.graphml OUT.gexf OUT.json"""
import json
import sys

import networkx as nx

NODE_FIELDS = ["kind", "name", "aliases", "date", "end_date", "roles", "evidence"]
EDGE_FIELDS = ["relation", "title", "date", "first_seen", "last_seen", "start", "end", "acting",
               "change", "body", "evidence"]


def as_text(field, value):
    """A graph.json value as the GraphML/GEXF exports write it."""
    if value in (None, [], ""):
        return None
    if field == "evidence":
        return "\n".join(f"{e['doc']}:{e['start']}-{e['end']} {e['text']}" for e in value)
    if isinstance(value, list):
        return "|".join(value)
    return value


def gexf_time(e):
    """networkx reads a GEXF edge's own start/end (a dated edge's day) into the
    same keys as the start/end attributes of a tenure."""
    if e.get("date") and "start" not in e and "end" not in e:
        return dict(e, start=e["date"], end=e["date"])
    return e


def tenure(e):
    """The spell govgraph writes for a holds_post edge."""
    a, b = e.get("start") or e.get("first_seen"), e.get("end") or e.get("last_seen")
    if a and b and a > b:  # out of order: every day known of the edge
        days = [e[k] for k in ("start", "end", "first_seen", "last_seen") if e.get(k)]
        a, b = min(days), max(days)
    return (a, b)


def expected(data, text, gexf=False):
    conv = (lambda f, v: as_text(f, v)) if text else (lambda f, v: v if v not in ([], "") else None)
    nodes = {n["id"]: {f: conv(f, n.get(f)) for f in NODE_FIELDS} for n in data["nodes"]}
    edges = sorted(
        (e["source"], e["target"], json.dumps({f: conv(f, e.get(f)) for f in EDGE_FIELDS}, sort_keys=True, ensure_ascii=False))
        for e in (map(gexf_time, data["edges"]) if gexf else data["edges"])
    )
    return nodes, edges


def got(g, fields, text):
    nodes = {}
    for n, d in g.nodes(data=True):
        nodes[n] = {f: d.get(f) for f in NODE_FIELDS}
        if "name" not in d and "label" in d:  # GEXF keeps the name as the label
            nodes[n]["name"] = d["label"]
    edges = sorted(
        (u, v, json.dumps({f: d.get(f) for f in EDGE_FIELDS}, sort_keys=True, ensure_ascii=False))
        for u, v, d in g.edges(data=True)
    )
    return nodes, edges


def compare(what, exp, out):
    (en, ee), (gn, ge) = exp, out
    problems = []
    if len(en) != len(gn):
        problems.append(f"{len(gn)} nodes, expected {len(en)}")
    if len(ee) != len(ge):
        problems.append(f"{len(ge)} edges, expected {len(ee)}")
    for nid, attrs in en.items():
        if nid not in gn:
            problems.append(f"node {nid!r} missing")
        elif gn[nid] != attrs:
            problems.append(f"node {nid!r}: got {gn[nid]!r}, expected {attrs!r}")
    if ee != ge:
        for a, b in zip(ee, ge):
            if a != b:
                problems.append(f"edge differs: got {b!r}, expected {a!r}")
                break
    if problems:
        print(f"{what}: " + "; ".join(problems))
        return False
    print(f"{what}: {len(gn)} nodes, {len(ge)} edges, attributes equal")
    return True


def main():
    src, graphml, gexf, nodelink = sys.argv[1:5]
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    ok = True

    g = nx.read_graphml(graphml, force_multigraph=True)
    ok &= g.is_directed()
    ok &= compare("graphml", expected(data, True), got(g, NODE_FIELDS, True))

    g = nx.read_gexf(gexf)
    ok &= g.is_directed()
    ok &= compare("gexf", expected(data, True, gexf=True), got(g, NODE_FIELDS, True))
    # Every holds_post edge lives for its tenure: one spell, an open side unwritten
    # (which networkx reads as the text "None"); one with no day known, always.
    want = sorted((e["source"], e["target"], e.get("title"), tenure(e))
                  for e in data["edges"] if e["relation"] == "holds_post")
    have = sorted((u, v, d.get("title"),
                   tuple(None if t == "None" else t for t in d["spells"][0])
                   if len(d.get("spells", [])) == 1 else (None, None))
                  for u, v, d in g.edges(data=True) if d.get("relation") == "holds_post")
    if want != have:
        diff = next(((w, h) for w, h in zip(want, have) if w != h), (len(want), len(have)))
        print(f"gexf: holds_post spells differ: got {diff[1]!r}, expected {diff[0]!r}")
        ok = False
    if any(d.get("acting") is not True for _, _, d in g.edges(data=True) if "acting" in d):
        print("gexf: acting is not read as a boolean")
        ok = False
    events = [d for _, d in g.nodes(data=True) if d.get("kind") == "event" and d.get("date")]
    if not all(d.get("start") == d["date"] for d in events):
        print("gexf: an event without its start time")
        ok = False

    with open(nodelink, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges="edges")
    ok &= g.is_directed() and g.is_multigraph()
    ok &= compare("node-link", expected(data, False), got(g, NODE_FIELDS, False))
    sys.exit(0 if ok else 1)


main()
