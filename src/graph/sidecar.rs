//! graph.json.idx: a compact binary copy of graph.json for fast queries.
//!
//! graph.json is mostly evidence sentences, and parsing all of it costs far more
//! than most questions do. So whenever graph.json is written, this sidecar is
//! written beside it (`graph.json` → `graph.json.idx`): every node and edge with
//! every field, and every evidence's document and offsets, but each sentence
//! replaced by the place of its JSON string in graph.json. A question that shows
//! no sentence never reads graph.json at all; one that does reads only its own
//! sentences.
//!
//! The decisions behind it:
//! - **Correctness first.** The sidecar is made from graph.json's own bytes,
//!   only when they are a graph as govgraph writes it (nodes by id, edges by
//!   key, each once, normalised), and the graph is rebuilt from it node by node
//!   and edge by edge in file order, as [`GovGraph::from_file`] does: every
//!   question sees the same graph, petgraph indices included, either way. A
//!   sidecar that is missing, of another version, damaged (each section carries
//!   an xxh3 checksum) or not the one of this graph.json is ignored, and the
//!   caller parses graph.json: [`load`] returns `None`, never an error.
//! - **Staleness is checked cheaply.** The header holds graph.json's length,
//!   the xxh3 of its bytes and of 16 blocks of 4 KiB spread over it. A load
//!   checks the length and the 16 blocks (64 KiB read), and trusts the sidecar
//!   when graph.json is not newer than it; when graph.json is newer (copied,
//!   checked out, touched), it hashes the whole file before trusting it.
//! - **Only the evidence asked for.** Evidence is most of a graph, and most
//!   questions read little or none of it, so each list of evidence is stored
//!   behind its length and a load takes only the lists [`Wanted`] names: by
//!   kind of node and by relation. The others are left empty; what a question
//!   reads is the caller's to say (`cli::query` says it per question).
//! - **Sentences stay lazy but compare as before.** Loaded with texts, each
//!   evidence's `text` is a placeholder, `\0` and 8 hex digits giving the rank
//!   of its sentence among all distinct sentences of the graph, so sorting and
//!   deduplicating evidence give the same order as the sentences would; the
//!   caller swaps the sentences in at the end ([`EvidenceTexts`]). Since no
//!   string of the graph may hold `\0` (else no sidecar is written), a
//!   placeholder can never be confused with real text. Loaded without texts,
//!   `text` is empty: for answers that show no sentence.
//! - **No edge index until one is needed.** The graph's index of edges by key
//!   serves only to merge facts added later, and building it (four strings
//!   copied and hashed per edge) is a large share of a load; it is left empty,
//!   and `GovGraph::add_edge` builds it on first use.
//! - **Deterministic.** The same graph.json gives the same sidecar bytes; no
//!   time or path is stored in it.
//!
//! Layout (integers in the sections are LEB128 varints; a string is its index
//! in the string table; an optional string is 0 for none, else index + 1):
//! ```text
//! header    magic "govgidx\n", version u32 LE, then u64 LE: json_len,
//!           json_xxh3, json_sample, core_len, core_xxh3, evidence_len,
//!           evidence_xxh3
//! core      strings: count, blob_len, blob (UTF-8), then count lengths
//!           node count, edge count, format (the string "govgraph-1")
//!           nodes: per node, id kind name [aliases] date? end_date? title?
//!             url? source? file? [roles] city? province? code? pinyin?
//!             ambiguous(0|1) first_seen? last_seen?
//!             [stages: date? stage doc]
//!           edges: per edge, source target (node numbers, in file order)
//!             relation title? date? first_seen? last_seen? start? end?
//!             acting(0|1) change? body?
//!           sentences: count, then per rank the offset and length in
//!             graph.json of its JSON string, quotes included
//! evidence  per node, then per edge: the list's length in bytes, its count,
//!           then per entry: doc start end rank
//! ```

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use super::{Edge, Evidence, FORMAT, GovGraph, GraphFile, Node, NodeKind, Relation, StageSeen};

/// What is appended to graph.json's file name to name its sidecar.
pub const SUFFIX: &str = ".idx";

const MAGIC: &[u8; 8] = b"govgidx\n";
/// Bump whenever the layout, or a field of [`Node`], [`Edge`] or [`Evidence`],
/// changes: a sidecar of another version is ignored.
const VERSION: u32 = 4;
const HEADER_LEN: usize = 8 + 4 + 8 * 7;
/// The sampled fingerprint: this many blocks of this many bytes.
const SAMPLES: u64 = 16;
const SAMPLE_LEN: u64 = 4096;
/// Sentences closer than this in graph.json are read in one go ...
const READ_GAP: u64 = 64 * 1024;
/// ... of at most this many bytes.
const READ_MAX: u64 = 4 << 20;

/// The sidecar of the graph.json at `json`: the same path with [`SUFFIX`] added.
///
/// # Example
/// ```
/// use std::path::Path;
/// use govgraph::graph::sidecar;
/// let p = sidecar::path_for(Path::new("graphs/graph.json"));
/// assert_eq!(p, Path::new("graphs/graph.json.idx"));
/// ```
pub fn path_for(json: &Path) -> PathBuf {
    let mut name = json.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// Writes the sidecar of the graph.json just written at `json_path` with the
/// bytes `json`, atomically, and returns its path. When these bytes cannot have
/// one (not a govgraph graph, or a string holding `\0`), removes any sidecar
/// left from before and returns `None`.
pub fn write_beside(json_path: &Path, json: &[u8]) -> io::Result<Option<PathBuf>> {
    write_encoded(json_path, encode(json))
}

/// [`write_beside`] for a graph.json just written from `graph`: the sidecar is
/// encoded from the graph in memory, without parsing `json` again.
pub fn write_beside_graph(
    json_path: &Path,
    graph: &GovGraph,
    json: &[u8],
) -> io::Result<Option<PathBuf>> {
    write_encoded(json_path, encode_graph(graph, json))
}

fn write_encoded(json_path: &Path, encoded: Option<Vec<u8>>) -> io::Result<Option<PathBuf>> {
    let path = path_for(json_path);
    match encoded {
        Some(bytes) => {
            crate::output::write_atomic(&path, &bytes)?;
            Ok(Some(path))
        }
        None => {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
            Ok(None)
        }
    }
}

/// The sidecar bytes of the graph.json bytes `json`, or `None` when they cannot
/// have one.
pub fn encode(json: &[u8]) -> Option<Vec<u8>> {
    let file: GraphFile = serde_json::from_slice(json).ok()?;
    if file.format != FORMAT {
        return None;
    }
    // Only a file as govgraph writes it: nodes by id, edges by key, none twice,
    // each normalised. Then adding them one by one, in file order, as `load`
    // does, is what `GovGraph::from_file` does, index for index.
    let canonical = GovGraph::from_file(file.clone()).ok()?.to_file();
    if canonical.nodes != file.nodes || canonical.edges != file.edges {
        return None;
    }
    let nodes: Vec<&Node> = file.nodes.iter().collect();
    let edges: Vec<&Edge> = file.edges.iter().collect();
    encode_parts(json, &nodes, &edges)
}

/// The sidecar bytes of `graph`, whose graph.json `json` was just written
/// from it (`GovGraph::to_json`): no second parse of the file, no copy of the
/// graph. `None` when the bytes and the graph disagree.
pub fn encode_graph(graph: &GovGraph, json: &[u8]) -> Option<Vec<u8>> {
    encode_parts(json, &graph.nodes(), &graph.edges())
}

/// The sidecar of graph.json bytes `json` holding `nodes` and `edges`, in
/// file order.
fn encode_parts(json: &[u8], nodes: &[&Node], edges: &[&Edge]) -> Option<Vec<u8>> {
    // Each evidence's sentence, in file order, paired with where graph.json has
    // it; the pairing is checked, not assumed.
    let evidence: Vec<&Evidence> = nodes
        .iter()
        .flat_map(|n| &n.evidence)
        .chain(edges.iter().flat_map(|e| &e.evidence))
        .collect();
    let spans = text_spans(json)?;
    if spans.len() != evidence.len() {
        return None;
    }
    let mut ranks: Vec<&str> = evidence.iter().map(|e| e.text.as_ref()).collect();
    ranks.sort_unstable();
    ranks.dedup();
    if ranks.len() > u32::MAX as usize || ranks.iter().any(|t| t.contains('\0')) {
        return None;
    }
    let rank_of: HashMap<&str, usize> = ranks.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let mut text_span: Vec<Option<(usize, usize)>> = vec![None; ranks.len()];
    let mut ev_rank = Vec::with_capacity(evidence.len());
    for (ev, &(a, b)) in evidence.iter().zip(&spans) {
        let rank = rank_of[ev.text.as_ref()];
        if text_span[rank].is_none() {
            let read: String = serde_json::from_slice(&json[a..b]).ok()?;
            if *read != *ev.text {
                return None;
            }
            text_span[rank] = Some((a, b - a));
        } else {
            // A sentence met again must be written the same way.
            let (at, len) = text_span[rank]?;
            if json[a..b] != json[at..at + len] {
                return None;
            }
        }
        ev_rank.push(rank);
    }

    let index_of: HashMap<&str, usize> = (nodes.iter().enumerate())
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut w = Writer::default();
    w.string(FORMAT);
    let mut lists: Vec<&[Evidence]> = Vec::with_capacity(nodes.len() + edges.len());
    for &node in nodes {
        // Every field by name: a new field fails to compile until it is stored.
        let Node {
            id,
            kind,
            name,
            aliases,
            date,
            end_date,
            title,
            url,
            source,
            file,
            roles,
            city,
            province,
            code,
            pinyin,
            ambiguous,
            first_seen,
            last_seen,
            stages,
            evidence,
        } = node;
        w.string(id);
        w.string(kind.as_str());
        w.string(name);
        w.strings(aliases);
        w.opt(date);
        w.opt(end_date);
        w.opt(title);
        w.opt(url);
        w.opt(source);
        w.opt(file);
        w.strings(roles);
        w.opt(city);
        w.opt(province);
        w.opt(code);
        w.opt(pinyin);
        w.int(*ambiguous as u64);
        w.opt(first_seen);
        w.opt(last_seen);
        w.int(stages.len() as u64);
        for StageSeen { date, stage, doc } in stages {
            w.opt(date);
            w.string(stage);
            w.string(doc);
        }
        lists.push(evidence);
    }
    for &edge in edges {
        let Edge {
            source,
            target,
            relation,
            title,
            date,
            first_seen,
            last_seen,
            start,
            end,
            acting,
            change,
            body,
            evidence,
        } = edge;
        w.int(*index_of.get(source.as_str())? as u64);
        w.int(*index_of.get(target.as_str())? as u64);
        w.string(relation.as_str());
        w.opt(title);
        w.opt(date);
        w.opt(first_seen);
        w.opt(last_seen);
        w.opt(start);
        w.opt(end);
        w.int(*acting as u64);
        w.opt(change);
        w.opt(body);
        lists.push(evidence);
    }
    let mut texts = Vec::new();
    put_int(&mut texts, text_span.len() as u64);
    for span in &text_span {
        let (a, len) = (*span)?;
        put_int(&mut texts, a as u64);
        put_int(&mut texts, len as u64);
    }
    // Each list of evidence behind its length in bytes, so that a reader
    // skips the lists it does not want without reading them.
    let mut ranks = ev_rank.into_iter();
    let mut evidence = Vec::new();
    let mut list = Vec::new();
    for ev in lists {
        list.clear();
        put_int(&mut list, ev.len() as u64);
        for Evidence {
            doc,
            start,
            end,
            text: _,
        } in ev
        {
            put_int(&mut list, w.intern(doc));
            put_int(&mut list, *start as u64);
            put_int(&mut list, *end as u64);
            put_int(&mut list, ranks.next()? as u64);
        }
        put_int(&mut evidence, list.len() as u64);
        evidence.extend_from_slice(&list);
    }
    if w.has_nul {
        return None;
    }
    let mut core = Vec::with_capacity(w.out.len() + w.blob.len() + texts.len() + 64);
    // Strings first, so a reader has them before anything that points at them.
    put_int(&mut core, w.lens.len() as u64);
    put_int(&mut core, w.blob.len() as u64);
    core.extend_from_slice(&w.blob);
    for len in &w.lens {
        put_int(&mut core, *len);
    }
    put_int(&mut core, nodes.len() as u64);
    put_int(&mut core, edges.len() as u64);
    core.extend_from_slice(&w.out);
    core.extend_from_slice(&texts);

    let mut out = Vec::with_capacity(HEADER_LEN + core.len() + evidence.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(json.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(json).to_le_bytes());
    let sample = sample_hash(json.len() as u64, |at, buf| {
        buf.copy_from_slice(&json[at as usize..][..buf.len()]);
        Ok(())
    })
    .ok()?;
    out.extend_from_slice(&sample.to_le_bytes());
    for section in [&core, &evidence] {
        out.extend_from_slice(&(section.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(section).to_le_bytes());
    }
    out.extend_from_slice(&core);
    out.extend_from_slice(&evidence);
    Some(out)
}

/// The byte spans (quotes included) of every string value whose key is `text`,
/// in file order. Only evidence has a `text` field. `None` if the JSON is cut.
fn text_spans(json: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::new();
    let mut i = 0;
    let n = json.len();
    // The end (one past the closing quote) of the string starting at `at`.
    let string_end = |mut at: usize| -> Option<usize> {
        at += 1;
        loop {
            match *json.get(at)? {
                b'"' => return Some(at + 1),
                b'\\' => at += 2,
                _ => at += 1,
            }
        }
    };
    let skip_ws = |mut at: usize| {
        while at < n && matches!(json[at], b' ' | b'\n' | b'\r' | b'\t') {
            at += 1;
        }
        at
    };
    while i < n {
        if json[i] != b'"' {
            i += 1;
            continue;
        }
        let end = string_end(i)?;
        let after = skip_ws(end);
        if &json[i..end] == b"\"text\"" && json.get(after) == Some(&b':') {
            let v = skip_ws(after + 1);
            if json.get(v) == Some(&b'"') {
                let v_end = string_end(v)?;
                spans.push((v, v_end));
                i = v_end;
                continue;
            }
        }
        i = end;
    }
    Some(spans)
}

/// xxh3 of [`SAMPLES`] blocks of [`SAMPLE_LEN`] bytes spread evenly over a file
/// of `len` bytes (the whole file when it is shorter than that), read with `read`.
fn sample_hash(
    len: u64,
    mut read: impl FnMut(u64, &mut [u8]) -> io::Result<()>,
) -> io::Result<u64> {
    let mut h = Xxh3::new();
    if len <= SAMPLES * SAMPLE_LEN {
        let mut buf = vec![0u8; len as usize];
        read(0, &mut buf)?;
        h.update(&buf);
    } else {
        let mut buf = vec![0u8; SAMPLE_LEN as usize];
        for i in 0..SAMPLES {
            read((len - SAMPLE_LEN) * i / (SAMPLES - 1), &mut buf)?;
            h.update(&buf);
        }
    }
    Ok(h.digest())
}

#[derive(Default)]
struct Writer<'a> {
    out: Vec<u8>,
    blob: Vec<u8>,
    lens: Vec<u64>,
    index: HashMap<&'a str, u64>,
    has_nul: bool,
}

impl<'a> Writer<'a> {
    fn int(&mut self, v: u64) {
        put_int(&mut self.out, v);
    }

    fn intern(&mut self, s: &'a str) -> u64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.has_nul |= s.contains('\0');
        let i = self.lens.len() as u64;
        self.blob.extend_from_slice(s.as_bytes());
        self.lens.push(s.len() as u64);
        self.index.insert(s, i);
        i
    }

    fn string(&mut self, s: &'a str) {
        let i = self.intern(s);
        self.int(i);
    }

    fn opt(&mut self, s: &'a Option<String>) {
        match s {
            Some(s) => {
                let i = self.intern(s);
                self.int(i + 1);
            }
            None => self.int(0),
        }
    }

    fn strings(&mut self, list: &'a [String]) {
        self.int(list.len() as u64);
        for s in list {
            self.string(s);
        }
    }
}

fn put_int(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A graph loaded from its sidecar.
#[derive(Debug)]
pub struct Loaded {
    pub graph: GovGraph,
    /// With texts: where to read the sentences the placeholders stand for.
    pub texts: Option<EvidenceTexts>,
}

/// Which evidence to load: a question that reads none of it, or only that of
/// some facts, need not pay for the rest (evidence is most of a graph).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// The kinds of node whose evidence is loaded; the others have none.
    pub nodes: Vec<NodeKind>,
    /// The relations whose edges' evidence is loaded; the others have none.
    pub edges: Vec<Relation>,
    /// Whether the sentences are wanted (as placeholders) or only the
    /// documents and offsets (`text` empty).
    pub texts: bool,
    /// Only the first evidence of each document in the whole graph (in file
    /// order: nodes, then edges), for an answer that only counts documents.
    pub docs_once: bool,
}

impl Wanted {
    /// Every evidence, with its sentence: the graph as graph.json has it.
    pub fn everything() -> Wanted {
        Wanted {
            nodes: NodeKind::ALL.to_vec(),
            edges: Relation::ALL.to_vec(),
            texts: true,
            docs_once: false,
        }
    }
}

/// Loads the graph of the graph.json at `json_path` from its sidecar, when there
/// is a sidecar and it is this graph.json's; else `None`, and the caller parses
/// graph.json.
///
/// The graph is graph.json's but for its evidence: only the lists `wanted`
/// names are loaded, the others are empty; with `wanted.texts`, each `text` is
/// a placeholder to be swapped for its sentence by [`EvidenceTexts`], without,
/// it is empty. A graph loaded with [`Wanted::everything`] and its texts
/// filled in is the graph `from_json` gives.
pub fn load(json_path: &Path, wanted: &Wanted) -> Option<Loaded> {
    let side = File::open(path_for(json_path)).ok()?;
    let side_meta = side.metadata().ok()?;
    let json = File::open(json_path).ok()?;
    let json_meta = json.metadata().ok()?;
    let mut head = [0u8; HEADER_LEN];
    side.read_exact_at(&mut head, 0).ok()?;
    let header = Header::parse(&head)?;
    let core_at = HEADER_LEN as u64;
    let evidence_at = core_at.checked_add(header.core_len)?;
    if header.json_len != json_meta.len()
        || evidence_at.checked_add(header.evidence_len) != Some(side_meta.len())
    {
        return None;
    }
    let sample = sample_hash(header.json_len, |at, buf| json.read_exact_at(buf, at)).ok()?;
    if sample != header.json_sample {
        return None;
    }
    let newer = match (json_meta.modified(), side_meta.modified()) {
        (Ok(j), Ok(s)) => j > s,
        _ => true,
    };
    if newer && full_hash(&json).ok()? != header.json_xxh3 {
        return None;
    }
    // Each section is read only when needed, and checked against its hash.
    let section = |at: u64, len: u64, hash: u64| {
        let mut bytes = vec![0u8; usize::try_from(len).ok()?];
        side.read_exact_at(&mut bytes, at).ok()?;
        (xxh3_64(&bytes) == hash).then_some(bytes)
    };
    let core = section(core_at, header.core_len, header.core_xxh3)?;
    let any = !wanted.nodes.is_empty() || !wanted.edges.is_empty();
    let evidence = match any {
        true => section(evidence_at, header.evidence_len, header.evidence_xxh3)?,
        false => Vec::new(),
    };
    let (graph, spans) = decode(&core, any.then_some(&evidence[..]), wanted)?;
    let texts = wanted.texts.then(|| EvidenceTexts { json, spans });
    Some(Loaded { graph, texts })
}

struct Header {
    json_len: u64,
    json_xxh3: u64,
    json_sample: u64,
    core_len: u64,
    core_xxh3: u64,
    evidence_len: u64,
    evidence_xxh3: u64,
}

impl Header {
    fn parse(bytes: &[u8]) -> Option<Header> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return None;
        }
        if u32::from_le_bytes(bytes[8..12].try_into().ok()?) != VERSION {
            return None;
        }
        let word = |i: usize| {
            let at = 12 + 8 * i;
            u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
        };
        Some(Header {
            json_len: word(0),
            json_xxh3: word(1),
            json_sample: word(2),
            core_len: word(3),
            core_xxh3: word(4),
            evidence_len: word(5),
            evidence_xxh3: word(6),
        })
    }
}

fn full_hash(file: &File) -> io::Result<u64> {
    let mut h = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut at = 0u64;
    loop {
        let n = file.read_at(&mut buf, at)?;
        if n == 0 {
            return Ok(h.digest());
        }
        h.update(&buf[..n]);
        at += n as u64;
    }
}

/// Reads the sections back into the graph they were made from, with the
/// evidence `wanted` (`evidence` is the evidence section, needed when any is
/// wanted), and the spans of the sentences in graph.json.
///
/// The nodes and edges are added as they come, as `GovGraph::from_file` adds
/// them, but without merging or normalising: the sidecar holds only files as
/// govgraph writes them, where there is nothing to merge (see [`encode`]).
fn decode(
    core: &[u8],
    evidence: Option<&[u8]>,
    wanted: &Wanted,
) -> Option<(GovGraph, Vec<(u64, u32)>)> {
    let mut r = Reader { bytes: core, at: 0 };
    let count = r.len()?;
    let blob_len = r.len()?;
    let blob = std::str::from_utf8(r.take(blob_len)?).ok()?;
    let mut strings: Vec<&str> = Vec::with_capacity(count);
    let mut at = 0usize;
    for _ in 0..count {
        let len = r.len()?;
        strings.push(blob.get(at..at.checked_add(len)?)?);
        at += len;
    }
    let n_nodes = r.len()?;
    let n_edges = r.len()?;
    if *strings.get(usize::try_from(r.int()?).ok()?)? != FORMAT {
        return None;
    }
    let mut d = Decoder {
        r,
        texts: wanted.texts,
        seen: wanted.docs_once.then(|| vec![false; strings.len()]),
        strings,
    };
    let mut g = GovGraph {
        graph: StableDiGraph::with_capacity(n_nodes, n_edges),
        by_id: HashMap::with_capacity(n_nodes),
        by_key: HashMap::new(),
    };
    for _ in 0..n_nodes {
        let node = d.node()?;
        let id = node.id.clone();
        let ix = g.graph.add_node(node);
        if g.by_id.insert(id, ix).is_some() {
            return None;
        }
    }
    for _ in 0..n_edges {
        let mut end = || {
            let i = usize::try_from(d.r.int()?).ok()?;
            (i < n_nodes).then(|| NodeIndex::new(i))
        };
        let (a, b) = (end()?, end()?);
        let (source, target) = (g.graph[a].id.clone(), g.graph[b].id.clone());
        let edge = d.edge(source, target)?;
        g.graph.add_edge(a, b, edge);
    }
    let n_texts = d.r.len()?;
    let mut spans = Vec::with_capacity(n_texts);
    for _ in 0..n_texts {
        let at = d.r.int()?;
        let len = u32::try_from(d.r.int()?).ok()?;
        spans.push((at, len));
    }
    if d.r.at != core.len() {
        return None;
    }
    let Some(evidence) = evidence else {
        return Some((g, spans));
    };
    d.r = Reader {
        bytes: evidence,
        at: 0,
    };
    for i in 0..n_nodes {
        let ix = NodeIndex::new(i);
        if let Some(list) = d.evidence(wanted.nodes.contains(&g.graph[ix].kind))? {
            g.graph[ix].evidence = list;
        }
    }
    for i in 0..n_edges {
        let ix = EdgeIndex::new(i);
        if let Some(list) = d.evidence(wanted.edges.contains(&g.graph[ix].relation))? {
            g.graph[ix].evidence = list;
        }
    }
    if d.r.at != evidence.len() {
        return None;
    }
    Some((g, spans))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn int(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            if shift > 63 {
                return None;
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
    }

    /// A count or length: never more than the bytes left, so a damaged file
    /// cannot ask for a huge allocation.
    fn len(&mut self) -> Option<usize> {
        let v = usize::try_from(self.int()?).ok()?;
        (v <= self.bytes.len() - self.at).then_some(v)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
}

struct Decoder<'a> {
    r: Reader<'a>,
    strings: Vec<&'a str>,
    texts: bool,
    /// With `docs_once`: the documents (by string number) already given.
    seen: Option<Vec<bool>>,
}

impl Decoder<'_> {
    fn str(&mut self) -> Option<&str> {
        let i = usize::try_from(self.r.int()?).ok()?;
        self.strings.get(i).copied()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match usize::try_from(self.r.int()?).ok()? {
            0 => Some(None),
            i => self.strings.get(i - 1).map(|s| Some(s.to_string())),
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.string()?);
        }
        Some(out)
    }

    /// The next list of evidence: `Some(None)` when it is skipped (not
    /// `wanted`), `None` when the body is damaged.
    fn evidence(&mut self, wanted: bool) -> Option<Option<Vec<Evidence>>> {
        let len = self.r.len()?;
        if !wanted {
            self.r.take(len)?;
            return Some(None);
        }
        let end = self.r.at + len;
        let n = self.r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let d = usize::try_from(self.r.int()?).ok()?;
            let start = usize::try_from(self.r.int()?).ok()?;
            let end = usize::try_from(self.r.int()?).ok()?;
            let rank = u32::try_from(self.r.int()?).ok()?;
            let doc = *self.strings.get(d)?;
            if let Some(seen) = &mut self.seen
                && std::mem::replace(&mut seen[d], true)
            {
                continue;
            }
            let doc = doc.to_string();
            let text = if self.texts {
                placeholder(rank)
            } else {
                String::new()
            };
            out.push(Evidence {
                doc: doc.into(),
                start,
                end,
                text: text.into(),
            });
        }
        (self.r.at == end).then_some(Some(out))
    }

    fn node(&mut self) -> Option<Node> {
        let id = self.string()?;
        let kind = NodeKind::parse(self.str()?)?;
        let name = self.string()?;
        let aliases = self.strings()?;
        let date = self.opt()?;
        let end_date = self.opt()?;
        let title = self.opt()?;
        let url = self.opt()?;
        let source = self.opt()?;
        let file = self.opt()?;
        let roles = self.strings()?;
        let city = self.opt()?;
        let province = self.opt()?;
        let code = self.opt()?;
        let pinyin = self.opt()?;
        let ambiguous = match self.r.int()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let first_seen = self.opt()?;
        let last_seen = self.opt()?;
        let n = self.r.len()?;
        let mut stages = Vec::with_capacity(n);
        for _ in 0..n {
            stages.push(StageSeen {
                date: self.opt()?,
                stage: self.string()?,
                doc: self.string()?,
            });
        }
        Some(Node {
            id,
            kind,
            name,
            aliases,
            date,
            end_date,
            title,
            url,
            source,
            file,
            roles,
            city,
            province,
            code,
            pinyin,
            ambiguous,
            first_seen,
            last_seen,
            stages,
            evidence: Vec::new(),
        })
    }

    fn edge(&mut self, source: String, target: String) -> Option<Edge> {
        Some(Edge {
            source,
            target,
            relation: Relation::parse(self.str()?)?,
            title: self.opt()?,
            date: self.opt()?,
            first_seen: self.opt()?,
            last_seen: self.opt()?,
            start: self.opt()?,
            end: self.opt()?,
            acting: match self.r.int()? {
                0 => false,
                1 => true,
                _ => return None,
            },
            change: self.opt()?,
            body: self.opt()?,
            evidence: Vec::new(),
        })
    }
}

/// The placeholder of the sentence of rank `rank`: `\0` and 8 hex digits, so that
/// placeholders sort as their sentences do.
fn placeholder(rank: u32) -> String {
    format!("\0{rank:08x}")
}

/// Why sentences could not be read back from graph.json.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("reading evidence from graph.json: {0}")]
    Io(#[from] io::Error),
    #[error("graph.json does not hold the evidence its sidecar points at")]
    Mismatch,
}

/// Where the sentences behind placeholders are: graph.json, open since it was
/// checked, and each sentence's span in it.
#[derive(Debug)]
pub struct EvidenceTexts {
    json: File,
    spans: Vec<(u64, u32)>,
}

impl EvidenceTexts {
    /// Replaces each placeholder in `cells` (table cells, where a sentence may
    /// sit inside other text) by its sentence.
    pub fn fill_cells<'a>(
        &self,
        cells: impl IntoIterator<Item = &'a mut String>,
    ) -> Result<(), TextError> {
        let mut cells: Vec<&mut String> = cells.into_iter().filter(|c| c.contains('\0')).collect();
        let mut wanted = Vec::new();
        for cell in &cells {
            scan(cell, "\0", "", |rank, _| wanted.push(rank));
        }
        let texts = self.read(wanted)?;
        for cell in cells.iter_mut() {
            let filled = replace(cell, "\0", "", |rank| texts.get(&rank).map(String::as_str))?;
            **cell = filled;
        }
        Ok(())
    }

    /// Replaces each placeholder string in JSON text (`"\u0000` 8 hex digits `"`)
    /// by its sentence as a JSON string.
    pub fn fill_json(&self, json: &str) -> Result<String, TextError> {
        const OPEN: &str = "\"\\u0000";
        let mut wanted = Vec::new();
        scan(json, OPEN, "\"", |rank, _| wanted.push(rank));
        let texts = self.read(wanted)?;
        let quoted: HashMap<u32, String> = texts
            .into_iter()
            .map(|(rank, text)| (rank, serde_json::to_string(&text).unwrap_or_default()))
            .collect();
        replace(json, OPEN, "\"", |rank| {
            quoted.get(&rank).map(String::as_str)
        })
    }

    /// The sentences of the ranks `wanted`, read from graph.json, nearby spans
    /// in one read.
    fn read(&self, mut wanted: Vec<u32>) -> Result<HashMap<u32, String>, TextError> {
        wanted.sort_unstable();
        wanted.dedup();
        let mut spans: Vec<(u64, u32, u32)> = Vec::with_capacity(wanted.len());
        for rank in wanted {
            let &(at, len) = self.spans.get(rank as usize).ok_or(TextError::Mismatch)?;
            spans.push((at, len, rank));
        }
        spans.sort_unstable();
        let mut out = HashMap::with_capacity(spans.len());
        let mut i = 0;
        let mut buf = Vec::new();
        while i < spans.len() {
            // One read for a run of spans each within READ_GAP of the last.
            let start = spans[i].0;
            let mut end = start + spans[i].1 as u64;
            let mut j = i + 1;
            while j < spans.len()
                && spans[j].0 <= end + READ_GAP
                && spans[j].0 + spans[j].1 as u64 <= start + READ_MAX
            {
                end = end.max(spans[j].0 + spans[j].1 as u64);
                j += 1;
            }
            buf.resize((end - start) as usize, 0);
            self.json.read_exact_at(&mut buf, start)?;
            for &(at, len, rank) in &spans[i..j] {
                let raw = &buf[(at - start) as usize..][..len as usize];
                if raw.first() != Some(&b'"') {
                    return Err(TextError::Mismatch);
                }
                let text: String = serde_json::from_slice(raw).map_err(|_| TextError::Mismatch)?;
                out.insert(rank, text);
            }
            i = j;
        }
        Ok(out)
    }
}

/// Calls `found(rank, (start, end))` for each `open` + 8 hex digits + `close`
/// in `text`.
fn scan(text: &str, open: &str, close: &str, mut found: impl FnMut(u32, (usize, usize))) {
    let bytes = text.as_bytes();
    let full = open.len() + 8 + close.len();
    let mut from = 0;
    while let Some(at) = text[from..].find(open) {
        let i = from + at;
        from = i + 1;
        let Some(candidate) = bytes.get(i..i + full) else {
            break;
        };
        let hex = &candidate[open.len()..open.len() + 8];
        if candidate.ends_with(close.as_bytes())
            && let Some(rank) = parse_hex(hex)
        {
            found(rank, (i, i + full));
            from = i + full;
        }
    }
}

/// `text` with each placeholder found by [`scan`] replaced by `with(rank)`.
fn replace<'t>(
    text: &str,
    open: &str,
    close: &str,
    with: impl Fn(u32) -> Option<&'t str>,
) -> Result<String, TextError> {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut missing = false;
    scan(text, open, close, |rank, (a, b)| {
        out.push_str(&text[last..a]);
        match with(rank) {
            Some(s) => out.push_str(s),
            None => missing = true,
        }
        last = b;
    });
    if missing {
        return Err(TextError::Mismatch);
    }
    out.push_str(&text[last..]);
    Ok(out)
}

fn parse_hex(hex: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &b in hex {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        v = (v << 4) | d as u32;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> GovGraph {
        let mut g = GovGraph::new();
        let mut futian = Node::new(NodeKind::District, "福田区");
        futian.aliases.push("福田".into());
        futian.pinyin = Some("Futian District".into());
        g.add_node(futian);
        g.add_node(Node::new(NodeKind::Person, "黄伟"));
        let mut doc = Node::new(NodeKind::Document, "区委书记黄伟参加发布会");
        doc.id = "document:b.txt".into();
        doc.title = Some(doc.name.clone());
        doc.date = Some("2024-12-11".into());
        doc.url = Some("https://example.org/b".into());
        doc.source = Some("福田区融媒体中心".into());
        doc.file = Some("b.txt".into());
        g.add_node(doc);
        let mut e = Edge::new("person:黄伟", "district:福田区", Relation::HoldsPost);
        e.title = Some("区委书记".into());
        for (doc, text) in [("b.txt", "区委书记黄伟参加。"), ("a.txt", "他说：“好\\n”")]
        {
            e.evidence.push(Evidence {
                doc: doc.into(),
                start: 3,
                end: 9,
                text: text.into(),
            });
        }
        g.add_edge(e);
        g
    }

    #[test]
    fn placeholders_sort_as_their_ranks() {
        assert!(placeholder(9) < placeholder(10));
        assert!(placeholder(0xff) < placeholder(0x100));
        assert_eq!(parse_hex(b"0000000a"), Some(10));
    }

    #[test]
    fn finds_the_text_of_every_evidence_and_nothing_else() {
        let json = br#"{"a": "text", "text": "x\"y", "b": ["text"], "text":"z"}"#;
        let spans = text_spans(json).unwrap();
        let got: Vec<&[u8]> = spans.iter().map(|&(a, b)| &json[a..b]).collect();
        assert_eq!(got, [&br#""x\"y""#[..], &br#""z""#[..]]);
    }

    #[test]
    fn round_trips_the_graph_and_its_sentences() {
        let g = graph();
        let json = g.to_json();
        let dir = std::env::temp_dir().join(format!("govgraph-sidecar-{}", std::process::id()));
        let path = dir.join("graph.json");
        crate::output::write_atomic(&path, json.as_bytes()).unwrap();
        write_beside(&path, json.as_bytes()).unwrap().unwrap();
        let bare = load(
            &path,
            &Wanted {
                texts: false,
                ..Wanted::everything()
            },
        )
        .unwrap();
        assert!(bare.texts.is_none());
        assert_eq!(bare.graph.nodes(), g.nodes());
        assert_eq!(
            bare.graph.document("b.txt").unwrap().url.as_deref(),
            Some("https://example.org/b")
        );
        let loaded = load(&path, &Wanted::everything()).unwrap();
        let texts = loaded.texts.unwrap();
        let mut shown = loaded.graph.to_json();
        shown = texts.fill_json(&shown).unwrap();
        assert_eq!(shown, json);
        let mut cells = vec![format!(
            "{} [a.txt]",
            loaded.graph.edges()[0].evidence[0].text
        )];
        texts.fill_cells(cells.iter_mut()).unwrap();
        assert_eq!(cells, ["他说：“好\\n” [a.txt]"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_loaded_graph_still_merges_the_facts_added_to_it() {
        let g = graph();
        let json = g.to_json();
        let dir = std::env::temp_dir().join(format!("govgraph-sidecar-add-{}", std::process::id()));
        let path = dir.join("graph.json");
        crate::output::write_atomic(&path, json.as_bytes()).unwrap();
        write_beside(&path, json.as_bytes()).unwrap().unwrap();
        let mut loaded = load(&path, &Wanted::default()).unwrap().graph;
        let mut again = Edge::new("person:黄伟", "district:福田区", Relation::HoldsPost);
        again.title = Some("区委书记".into());
        again.first_seen = Some("2024-01-02".into());
        loaded.add_edge(again);
        assert_eq!(loaded.edge_count(), 1);
        assert_eq!(loaded.edges()[0].first_seen.as_deref(), Some("2024-01-02"));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_damaged_sidecar_is_refused_without_panic() {
        let json = graph().to_json();
        let bytes = encode(json.as_bytes()).unwrap();
        let header = Header::parse(&bytes).unwrap();
        let core = &bytes[HEADER_LEN..][..header.core_len as usize];
        let evidence = &bytes[HEADER_LEN + core.len()..];
        let all = Wanted::everything();
        assert!(decode(core, Some(evidence), &all).is_some());
        for cut in 0..core.len() {
            assert!(
                decode(&core[..cut], Some(evidence), &all).is_none(),
                "cut at {cut}"
            );
        }
        for cut in 0..evidence.len() {
            assert!(
                decode(core, Some(&evidence[..cut]), &all).is_none(),
                "cut at {cut}"
            );
        }
        for at in 0..bytes.len() - HEADER_LEN {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = bytes[HEADER_LEN..].to_vec();
                bad[at] ^= flip;
                let (core, evidence) = bad.split_at(core.len());
                let _ = decode(core, Some(evidence), &all);
            }
        }
        assert!(Header::parse(&bytes[..HEADER_LEN - 1]).is_none());
    }
}
