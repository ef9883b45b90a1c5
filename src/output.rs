//! Writing outputs: one file atomically, or a whole set of files as one.
//!
//! A build that fails half-way, or is killed, must never leave a half-written
//! file where the last good one was, nor a new graph.json beside an old
//! graph.graphml with nothing to tell them apart.
//!
//! - [`write_atomic`]: one file, through a temporary file beside it
//!   (`.NAME.PID.tmp`) renamed over it. `export -o FILE` writes this way.
//! - [`OutputDir::prepare`]: before any work, the output folder is created if
//!   need be and proved writable (a probe file `.govgraph-probe-PID-N` is
//!   created and removed), and what killed runs left in it is removed (see
//!   [`OutputDir::prepare`] for what counts as left over). A folder that
//!   cannot be written fails here, at once: [`OutputError::Unwritable`].
//!   Folders `prepare` created are removed again if nothing is committed.
//! - [`OutputDir::stage`] → [`Staging`]: the files of a set are written into a
//!   fresh hidden folder inside the output folder, `DIR/.govgraph-tmp-PID-N/`
//!   (same file system, so a rename is atomic), each synced to disk as it is
//!   written ([`Staging::add`]). [`Staging::commit`] then moves them into DIR
//!   by rename, one atomic step per file: graph.json first, its sidecar
//!   graph.json.idx next, the others in the order they were added, and last
//!   the manifest `DIR/graph.manifest.json` ([`Manifest`]). The temporary
//!   folder is removed whatever happens (dropping a [`Staging`] removes it).
//!
//! What fails, and what is left:
//! - Writing into the temporary folder (disk full, permission):
//!   [`OutputError::Stage`]; nothing in DIR was replaced.
//! - Before the first rename, every file about to be replaced is kept as a
//!   hard link (a copy where links are refused) in the temporary folder; a
//!   target that is a folder, or that cannot be kept, fails then:
//!   [`OutputError::Blocked`], nothing replaced.
//! - A rename that fails puts every file already replaced back from those
//!   links: [`OutputError::Replace`], the previous set whole. Only if putting
//!   back fails too is DIR a mix: [`OutputError::Mixed`].
//! - Killed between two renames, DIR holds some new files beside the old
//!   manifest. graph.json is renamed first, so a reader of graph.json can tell
//!   ([`check_beside`]): its size or hash is not the one the manifest lists.
//!
//! The manifest (deterministic: no time, no absolute path unless an input was
//! given as one; files sorted by name):
//! ```text
//! {
//!   "format": "govgraph-manifest-1",
//!   "govgraph": "0.1.0",
//!   "formats": ["json", "dot"],
//!   "inputs": { "paths": ["seeds"], "documents": 40 },
//!   "files": [
//!     { "name": "graph.dot", "size": 106922, "xxh3_128": "<32 hex digits>" },
//!     { "name": "graph.json", "size": 277306, "xxh3_128": "…" },
//!     { "name": "graph.json.idx", "size": 45274, "xxh3_128": "…" }
//!   ]
//! }
//! ```

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::export::{ExportError, ExportOptions, Format};
use crate::graph::GovGraph;

/// The manifest's file name, in the output folder.
pub const MANIFEST: &str = "graph.manifest.json";
/// The manifest's `format`: a manifest of another format is ignored.
pub const MANIFEST_FORMAT: &str = "govgraph-manifest-1";
/// How the temporary folder of a set starts: `.govgraph-tmp-PID-N`.
pub const TMP_PREFIX: &str = ".govgraph-tmp-";
/// How the probe file of [`OutputDir::prepare`] starts: `.govgraph-probe-PID-N`.
const PROBE_PREFIX: &str = ".govgraph-probe-";
/// The folder, inside the temporary one, that keeps the files being replaced.
const PREVIOUS: &str = "previous";
/// The names govgraph writes into an output folder: their `.NAME.PID.tmp`
/// leftovers ([`write_atomic`]) are removed by [`OutputDir::prepare`].
const KNOWN: &[&str] = &[
    "graph.json",
    "graph.json.idx",
    "graph.dot",
    "graph.graphml",
    "graph.gexf",
    "graph.cytoscape.json",
    "graph.jsonld",
    "graph.html",
    "nodes.csv",
    "relationships.csv",
    "load.cypher",
    MANIFEST,
];
/// Without /proc to ask whether a process lives, a leftover this old is stale.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Numbers the temporary folders and probes of this process.
static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// creating the folder if need be.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fs::create_dir_all(folder_of(path))?;
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The folder a file is in: `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A file written beside its final name (`.NAME.PID.tmp`, buffered) and
/// renamed into place by [`AtomicFile::commit`] once whole: a reader sees the
/// old file or the new one, never part of one. Dropped uncommitted (an error
/// on the way), it leaves nothing behind.
pub struct AtomicFile {
    path: PathBuf,
    /// The temporary file, until it is renamed into place.
    tmp: Option<PathBuf>,
    file: io::BufWriter<File>,
}

impl AtomicFile {
    /// Creates the temporary file beside `path` (its folder must exist).
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let tmp = folder_of(path).join(format!(".{file_name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp: Some(tmp),
            file: io::BufWriter::new(file),
        })
    }

    /// The path the file is renamed to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes and syncs the file and renames it into place.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        let tmp = self.tmp.take().unwrap_or_else(|| self.path.clone());
        let renamed = fs::rename(&tmp, &self.path);
        if renamed.is_err() {
            self.tmp = Some(tmp);
        }
        renamed
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Why a set of outputs could not be written. Each is one line, naming the
/// path at fault and saying what was left.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder cannot be created, or a file cannot be created in it.
    #[error("cannot write into the output folder {}: {source}", dir.display())]
    Unwritable { dir: PathBuf, source: io::Error },
    /// A file could not be written into the temporary folder.
    #[error("writing {name} into {}: {source}; nothing in {} was replaced", dir.display(), dir.display())]
    Stage {
        dir: PathBuf,
        name: String,
        source: io::Error,
    },
    /// A file to be replaced is a folder, or could not be kept for putting back.
    #[error("cannot replace {}: {source}; nothing in {} was replaced", path.display(), dir.display())]
    Blocked {
        dir: PathBuf,
        path: PathBuf,
        source: io::Error,
    },
    /// A rename failed; the files already replaced were put back.
    #[error("replacing {}: {source}; the previous files of {} were put back", path.display(), dir.display())]
    Replace {
        dir: PathBuf,
        path: PathBuf,
        source: io::Error,
    },
    /// A rename failed, and putting the previous files back failed too.
    #[error(
        "replacing {}: {source}, and putting the previous files back failed ({restore}): {} may hold a mix, see {MANIFEST}",
        path.display(), dir.display()
    )]
    Mixed {
        dir: PathBuf,
        path: PathBuf,
        source: io::Error,
        restore: io::Error,
    },
    /// The files of a format could not be made.
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// One file of a set: its name in the output folder, size in bytes, and the
/// xxh3 128-bit hash of its bytes as 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub name: String,
    pub size: u64,
    pub xxh3_128: String,
}

impl ManifestFile {
    /// The entry of a file named `name` holding `bytes`.
    pub fn of(name: &str, bytes: &[u8]) -> ManifestFile {
        ManifestFile {
            name: name.to_string(),
            size: bytes.len() as u64,
            xxh3_128: hex(xxh3_128(bytes)),
        }
    }
}

/// The inputs a build read: the paths as given on the command line (`-` for
/// standard input), and the number of documents read from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub paths: Vec<String>,
    pub documents: usize,
}

/// `graph.manifest.json`: what the last build wrote into its output folder
/// (the shape is in the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`MANIFEST_FORMAT`].
    pub format: String,
    /// The version of govgraph that wrote it.
    pub govgraph: String,
    /// The formats written, by their names (`json`, `dot` …).
    pub formats: Vec<String>,
    pub inputs: Inputs,
    /// Every file of the set but the manifest itself, sorted by name.
    pub files: Vec<ManifestFile>,
}

impl Manifest {
    /// The manifest of a build of `inputs` into `formats`; its files are
    /// filled in by [`Staging::commit`].
    pub fn new(formats: &[Format], paths: &[PathBuf], documents: usize) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT.to_string(),
            govgraph: env!("CARGO_PKG_VERSION").to_string(),
            formats: formats.iter().map(|f| f.name().to_string()).collect(),
            inputs: Inputs {
                paths: paths
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect(),
                documents,
            },
            files: Vec::new(),
        }
    }

    /// The manifest in the folder `dir`: `None` when there is none, or it is
    /// not one of [`MANIFEST_FORMAT`]; an error when it cannot be read or parsed.
    pub fn read(dir: &Path) -> io::Result<Option<Manifest>> {
        let text = match fs::read_to_string(dir.join(MANIFEST)) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let value: serde_json::Value = serde_json::from_str(&text)?;
        if value.get("format").and_then(|f| f.as_str()) != Some(MANIFEST_FORMAT) {
            return Ok(None);
        }
        Ok(Some(serde_json::from_value(value)?))
    }

    /// The entry of the file `name`.
    pub fn file(&self, name: &str) -> Option<&ManifestFile> {
        self.files.iter().find(|f| f.name == name)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text.into_bytes()
    }
}

/// An output folder proved writable, ready for a set of files
/// ([`OutputDir::stage`]) or a single file written beside them.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    /// The folders `prepare` created, deepest first: removed again (when
    /// empty) if nothing is committed.
    created: Vec<PathBuf>,
    keep: bool,
    /// How many leftovers of killed runs `prepare` removed.
    pub cleaned: usize,
}

impl OutputDir {
    /// Creates the folder `dir` if need be, proves that a file can be created
    /// in it, and removes what killed runs left in it:
    /// - temporary folders `.govgraph-tmp-PID-N` and probes
    ///   `.govgraph-probe-PID-N`,
    /// - the temporary files of [`write_atomic`], `.NAME.PID.tmp`, for the
    ///   names govgraph writes (graph.json, graph.dot, nodes.csv …),
    ///
    /// when process PID is no longer alive (no /proc/PID, or a zombie); where
    /// there is no /proc, when they were last changed over an hour ago. Those
    /// of a process still running (another build into the same folder) are left.
    ///
    /// # Errors
    /// [`OutputError::Unwritable`], naming the folder and the system's reason.
    pub fn prepare(dir: &Path) -> Result<OutputDir, OutputError> {
        OutputDir::prepare_for(dir, KNOWN)
    }

    /// [`OutputDir::prepare`] for a folder that gets one file, or a few, of
    /// its own names (`export -o out/seeds.json`): only their `.NAME.PID.tmp`
    /// leftovers are removed, beside the `.govgraph-tmp-*` ones.
    pub fn prepare_for(dir: &Path, names: &[&str]) -> Result<OutputDir, OutputError> {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let mut out = OutputDir {
            dir: dir.to_path_buf(),
            created: dir
                .ancestors()
                .filter(|a| !a.as_os_str().is_empty())
                .take_while(|a| fs::symlink_metadata(a).is_err())
                .map(Path::to_path_buf)
                .collect(),
            keep: false,
            cleaned: 0,
        };
        let unwritable = |source| OutputError::Unwritable {
            dir: dir.to_path_buf(),
            source,
        };
        if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
            return Err(unwritable(io::Error::new(
                io::ErrorKind::NotADirectory,
                "it is a file, not a folder",
            )));
        }
        fs::create_dir_all(dir).map_err(unwritable)?;
        let probe = dir.join(format!("{PROBE_PREFIX}{}-{}", std::process::id(), next()));
        File::create(&probe)
            .and_then(|_| fs::remove_file(&probe))
            .map_err(unwritable)?;
        out.cleaned = clean(dir, names);
        Ok(out)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps the folder, whatever `prepare` created: for a file written into
    /// it without [`OutputDir::stage`].
    pub fn keep(mut self) {
        self.keep = true;
    }

    /// Starts a set: creates its temporary folder, `DIR/.govgraph-tmp-PID-N`.
    ///
    /// # Errors
    /// [`OutputError::Stage`] when the folder cannot be created.
    pub fn stage(self) -> Result<Staging, OutputError> {
        let name = format!("{TMP_PREFIX}{}-{}", std::process::id(), next());
        let tmp = self.dir.join(&name);
        if let Err(source) = fs::create_dir(&tmp) {
            return Err(OutputError::Stage {
                dir: self.dir.clone(),
                name,
                source,
            });
        }
        Ok(Staging {
            out: self,
            tmp,
            files: Vec::new(),
            removals: Vec::new(),
        })
    }
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        if !self.keep {
            for dir in &self.created {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
            }
        }
    }
}

/// A set of files being written into the temporary folder of an
/// [`OutputDir`]; nothing in the output folder changes until [`Staging::commit`].
/// Dropped without a commit (an error, a panic), it removes the temporary folder.
#[derive(Debug)]
pub struct Staging {
    out: OutputDir,
    tmp: PathBuf,
    /// The files written, in the order added.
    files: Vec<ManifestFile>,
    /// Files of the output folder the new set does not have (a stale sidecar).
    removals: Vec<String>,
}

impl Staging {
    /// Writes the file `name` of the set into the temporary folder and syncs it
    /// to disk. A name added twice is written twice, the second time winning.
    ///
    /// # Errors
    /// [`OutputError::Stage`] (disk full, permission …): the caller drops the
    /// staging, and nothing in the output folder is replaced.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let written = (|| {
            let mut f = File::create(self.tmp.join(name))?;
            f.write_all(bytes)?;
            f.sync_all()
        })();
        if let Err(source) = written {
            return Err(OutputError::Stage {
                dir: self.out.dir.clone(),
                name: name.to_string(),
                source,
            });
        }
        self.files.retain(|f| f.name != name);
        self.files.push(ManifestFile::of(name, bytes));
        self.removals.retain(|r| r != name);
        Ok(())
    }

    /// Marks the file `name` of the output folder as not in the new set: it is
    /// removed when the set is committed (and put back if the commit fails).
    pub fn remove(&mut self, name: &str) {
        if !self.files.iter().any(|f| f.name == name) && !self.removals.iter().any(|r| r == name) {
            self.removals.push(name.to_string());
        }
    }

    /// Renders `format` of `graph` (after `opts.filter`) and adds its files;
    /// graph.json gets its query sidecar, graph.json.idx, or, when these bytes
    /// cannot have one, the set removes the old one.
    pub fn add_format(
        &mut self,
        graph: &GovGraph,
        format: Format,
        opts: &ExportOptions,
    ) -> Result<(), OutputError> {
        for file in crate::export::render(graph, format, opts)? {
            self.add(&file.name, &file.bytes)?;
            if format == Format::Json {
                let name = format!("{}{}", file.name, crate::graph::sidecar::SUFFIX);
                let sidecar = if opts.filter.is_empty() {
                    crate::graph::sidecar::encode_graph(graph, &file.bytes)
                } else {
                    crate::graph::sidecar::encode(&file.bytes)
                };
                match sidecar {
                    Some(bytes) => self.add(&name, &bytes)?,
                    None => self.remove(&name),
                }
            }
        }
        Ok(())
    }

    /// The files added so far, in order.
    pub fn files(&self) -> &[ManifestFile] {
        &self.files
    }

    /// The output folder.
    pub fn dir(&self) -> &Path {
        &self.out.dir
    }

    /// Moves the set into the output folder (see the module documentation for
    /// the order), with `manifest`, its files filled in, renamed in last; syncs
    /// the folder; returns the paths written, in the order added, the manifest
    /// last. The temporary folder is removed.
    ///
    /// # Errors
    /// [`OutputError::Stage`] (the manifest could not be written),
    /// [`OutputError::Blocked`]: nothing replaced; [`OutputError::Replace`]:
    /// the previous files put back; [`OutputError::Mixed`].
    pub fn commit(mut self, manifest: Option<Manifest>) -> Result<Vec<PathBuf>, OutputError> {
        if let Some(mut manifest) = manifest {
            manifest.files = self.files.clone();
            manifest.files.sort_by(|a, b| a.name.cmp(&b.name));
            self.add(MANIFEST, &manifest.to_bytes())?;
        }
        let dir = self.out.dir.clone();
        let rank = |name: &str| match name {
            "graph.json" => 0,
            "graph.json.idx" => 1,
            MANIFEST => 3,
            _ => 2,
        };
        let mut puts: Vec<&str> = self.files.iter().map(|f| f.name.as_str()).collect();
        puts.sort_by_key(|name| rank(name));
        // Removals go before the manifest, which is renamed last.
        let manifest_last = puts.last() == Some(&MANIFEST);
        let mut ops: Vec<(&str, bool)> = puts.iter().map(|n| (*n, true)).collect();
        let at = if manifest_last {
            ops.len() - 1
        } else {
            ops.len()
        };
        for name in &self.removals {
            ops.insert(at, (name.as_str(), false));
        }

        // Keep what is about to be replaced, before anything is.
        let previous = self.tmp.join(PREVIOUS);
        let blocked = |path: PathBuf, source| OutputError::Blocked {
            dir: dir.clone(),
            path,
            source,
        };
        fs::create_dir(&previous).map_err(|source| OutputError::Stage {
            dir: dir.clone(),
            name: PREVIOUS.to_string(),
            source,
        })?;
        let mut kept = Vec::with_capacity(ops.len());
        for &(name, _) in &ops {
            let target = dir.join(name);
            match fs::symlink_metadata(&target) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => kept.push(false),
                Err(e) => return Err(blocked(target, e)),
                Ok(m) if m.is_dir() => {
                    let source = io::Error::new(io::ErrorKind::IsADirectory, "it is a folder");
                    return Err(blocked(target, source));
                }
                Ok(_) => {
                    let keep = previous.join(name);
                    fs::hard_link(&target, &keep)
                        .or_else(|_| fs::copy(&target, &keep).map(|_| ()))
                        .map_err(|e| blocked(target, e))?;
                    kept.push(true);
                }
            }
        }

        // One atomic step per file.
        for (i, &(name, put)) in ops.iter().enumerate() {
            let target = dir.join(name);
            let step = match put {
                true => rename(&self.tmp.join(name), &target),
                false => match fs::remove_file(&target) {
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                    other => other,
                },
            };
            if let Err(source) = step {
                let restore = put_back(&dir, &previous, &ops[..i], &kept[..i]);
                return Err(match restore {
                    Ok(()) => OutputError::Replace {
                        dir: dir.clone(),
                        path: target,
                        source,
                    },
                    Err(restore) => OutputError::Mixed {
                        dir: dir.clone(),
                        path: target,
                        source,
                        restore,
                    },
                });
            }
        }
        // The renames on disk, where the file system allows a folder to be synced.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        self.out.keep = true;
        let mut written: Vec<PathBuf> = (self.files.iter())
            .filter(|f| f.name != MANIFEST)
            .map(|f| dir.join(&f.name))
            .collect();
        if manifest_last {
            written.push(dir.join(MANIFEST));
        }
        Ok(written)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.tmp);
    }
}

/// Undoes the steps `done` (newest first): a replaced or removed file is put
/// back from `previous`, a new one removed.
fn put_back(dir: &Path, previous: &Path, done: &[(&str, bool)], kept: &[bool]) -> io::Result<()> {
    let mut first_error = None;
    for (&(name, _), &was) in done.iter().zip(kept).rev() {
        let target = dir.join(name);
        let undone = match was {
            true => fs::rename(previous.join(name), &target),
            false => fs::remove_file(&target),
        };
        if let Err(e) = undone {
            first_error.get_or_insert(e);
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `fs::rename`; in unit tests, failing at the rename a test asks for.
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(test)]
    if tests::FAIL_RENAME.with(|f| {
        let left = f.get();
        f.set(left.map(|n| n.saturating_sub(1)));
        left == Some(0)
    }) {
        return Err(io::Error::other("a failure the test asked for"));
    }
    fs::rename(from, to)
}

fn next() -> usize {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

fn hex(hash: u128) -> String {
    format!("{hash:032x}")
}

/// The xxh3 128-bit hash of the file at `path`, as in a [`ManifestFile`].
pub fn file_hash(path: &Path) -> io::Result<String> {
    use std::io::Read;
    let mut file = File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(hex(hasher.digest128()));
        }
        hasher.update(&buf[..n]);
    }
}

/// Removes the leftovers of killed runs in `dir` (see [`OutputDir::prepare`]);
/// returns how many. Best effort: what cannot be removed stays.
fn clean(dir: &Path, names: &[&str]) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut cleaned = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(pid) = leftover_pid(name, names) else {
            continue;
        };
        if pid == std::process::id() || !stale(pid, &entry.path()) {
            continue;
        }
        let path = entry.path();
        let removed = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        if removed.is_ok() {
            cleaned += 1;
        }
    }
    cleaned
}

/// The process id in the name of a leftover: `.govgraph-tmp-PID-N`,
/// `.govgraph-probe-PID-N`, or `.NAME.PID.tmp` for NAME among `names`.
fn leftover_pid(name: &str, names: &[&str]) -> Option<u32> {
    for prefix in [TMP_PREFIX, PROBE_PREFIX] {
        if let Some(rest) = name.strip_prefix(prefix) {
            let (pid, n) = rest.split_once('-')?;
            n.parse::<u64>().ok()?;
            return pid.parse().ok();
        }
    }
    let (base, pid) = name
        .strip_prefix('.')?
        .strip_suffix(".tmp")?
        .rsplit_once('.')?;
    names.contains(&base).then(|| pid.parse().ok())?
}

/// Whether the leftover at `path` of process `pid` is stale: the process is
/// gone (or a zombie); without /proc, the leftover is over an hour old.
fn stale(pid: u32, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return match fs::read_to_string(proc.join(pid.to_string()).join("stat")) {
            // `PID (COMM) STATE …`: the state follows the last parenthesis.
            Ok(stat) => stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.trim_start().chars().next())
                .is_some_and(|state| matches!(state, 'Z' | 'X')),
            Err(_) => true,
        };
    }
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER)
}

/// Whether the graph.json at `json` is the one the manifest beside it lists;
/// `None` when it is, or nothing can be said (no manifest beside it, a file
/// the manifest does not concern), else the warning to print:
/// `DIR/graph.json is not the one graph.manifest.json lists (an interrupted build?)`.
///
/// Cheap: the manifest is read (a few hundred bytes) and graph.json's size
/// compared; its bytes are hashed only when it changed after the manifest was
/// written (its modification time is later), as after a kill between two
/// renames, or a copy over it.
pub fn check_beside(json: &Path) -> Option<String> {
    let dir = match json.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = json.file_name()?.to_str()?;
    let shown = dir.join(MANIFEST);
    let manifest = match Manifest::read(dir) {
        Ok(Some(m)) => m,
        Ok(None) => return None,
        Err(e) => {
            return Some(format!(
                "{} cannot be read ({e}): cannot tell whether {} belongs with the files beside it",
                shown.display(),
                json.display()
            ));
        }
    };
    let Some(entry) = manifest.file(name) else {
        // Only a graph.json a build wrote is expected in the manifest.
        return (name == "graph.json").then(|| {
            format!(
                "{} is not among the files {MANIFEST} lists (left by an earlier build?)",
                json.display()
            )
        });
    };
    let meta = fs::metadata(json).ok()?;
    let differs = meta.len() != entry.size || {
        let newer = match (
            meta.modified(),
            fs::metadata(&shown).and_then(|m| m.modified()),
        ) {
            (Ok(j), Ok(m)) => j > m,
            _ => true,
        };
        newer && file_hash(json).ok()? != entry.xxh3_128
    };
    differs.then(|| {
        format!(
            "{} is not the one {MANIFEST} lists (an interrupted build?)",
            json.display()
        )
    })
}

/// The names among `written` that the manifest in `dir` lists with other
/// bytes: files of a build that an export into the same folder replaced.
pub fn replaced_listed(dir: &Path, written: &[ManifestFile]) -> Vec<String> {
    let Ok(Some(manifest)) = Manifest::read(dir) else {
        return Vec::new();
    };
    written
        .iter()
        .filter(|w| manifest.file(&w.name).is_some_and(|m| m != *w))
        .map(|w| w.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Fail the rename after this many more succeed.
        pub(super) static FAIL_RENAME: Cell<Option<usize>> = const { Cell::new(None) };
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "govgraph-output-{}-{name}-{}",
            std::process::id(),
            next()
        ));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces() {
        let dir = scratch("atomic");
        let path = dir.join("sub/graph.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.join("sub")).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_atomic_file_dropped_unfinished_leaves_the_old_one() {
        let dir = scratch("unfinished");
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("records.jsonl");
        write_atomic(&path, b"old").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"half of the new").unwrap();
        drop(file);
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(listing(&dir), ["records.jsonl"]);
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"new").unwrap();
        file.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(listing(&dir), ["records.jsonl"]);
        fs::remove_dir_all(dir).unwrap();
    }

    fn commit_set(dir: &Path, files: &[(&str, &[u8])], removals: &[&str]) -> Vec<PathBuf> {
        let mut staging = OutputDir::prepare(dir).unwrap().stage().unwrap();
        for (name, bytes) in files {
            staging.add(name, bytes).unwrap();
        }
        for name in removals {
            staging.remove(name);
        }
        let manifest = Manifest::new(&[Format::Json], &[PathBuf::from("seeds")], 3);
        staging.commit(Some(manifest)).unwrap()
    }

    #[test]
    fn a_set_is_committed_with_its_manifest_and_no_leftovers() {
        let dir = scratch("set");
        let written = commit_set(
            &dir,
            &[("graph.json", b"{}"), ("graph.dot", b"digraph {}")],
            &[],
        );
        let names: Vec<_> = written.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["graph.json", "graph.dot", MANIFEST]);
        assert_eq!(listing(&dir), ["graph.dot", "graph.json", MANIFEST]);
        let manifest = Manifest::read(&dir).unwrap().unwrap();
        assert_eq!(manifest.inputs.paths, ["seeds"]);
        assert_eq!(manifest.inputs.documents, 3);
        assert_eq!(manifest.files.len(), 2);
        assert_eq!(
            manifest.files[0],
            ManifestFile::of("graph.dot", b"digraph {}")
        );
        assert_eq!(
            file_hash(&dir.join("graph.json")).unwrap(),
            manifest.file("graph.json").unwrap().xxh3_128
        );
        assert_eq!(check_beside(&dir.join("graph.json")), None);
        // A stale sidecar goes with the set that has none.
        fs::write(dir.join("graph.json.idx"), b"old").unwrap();
        commit_set(&dir, &[("graph.json", b"{ }")], &["graph.json.idx"]);
        assert_eq!(listing(&dir), ["graph.dot", "graph.json", MANIFEST]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_rename_puts_the_previous_set_back() {
        let dir = scratch("rollback");
        commit_set(
            &dir,
            &[("graph.json", b"old json"), ("graph.dot", b"old dot")],
            &[],
        );
        let before: Vec<(String, Vec<u8>)> = listing(&dir)
            .into_iter()
            .map(|n| (n.clone(), fs::read(dir.join(&n)).unwrap()))
            .collect();
        for fail_at in 0..4 {
            let mut staging = OutputDir::prepare(&dir).unwrap().stage().unwrap();
            staging.add("graph.json", b"new json").unwrap();
            staging.add("graph.dot", b"new dot").unwrap();
            staging.add("graph.gexf", b"new gexf").unwrap();
            FAIL_RENAME.with(|f| f.set(Some(fail_at)));
            let manifest = Manifest::new(&[Format::Json], &[], 1);
            let err = staging.commit(Some(manifest)).unwrap_err();
            FAIL_RENAME.with(|f| f.set(None));
            assert!(matches!(err, OutputError::Replace { .. }), "{err}");
            assert!(err.to_string().contains("were put back"), "{err}");
            let after: Vec<(String, Vec<u8>)> = listing(&dir)
                .into_iter()
                .map(|n| (n.clone(), fs::read(dir.join(&n)).unwrap()))
                .collect();
            assert_eq!(after, before, "failing at rename {fail_at}");
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_folder_in_the_way_replaces_nothing() {
        let dir = scratch("blocked");
        commit_set(&dir, &[("graph.json", b"old")], &[]);
        fs::create_dir(dir.join("graph.gexf")).unwrap();
        let mut staging = OutputDir::prepare(&dir).unwrap().stage().unwrap();
        staging.add("graph.json", b"new").unwrap();
        staging.add("graph.gexf", b"new").unwrap();
        let err = staging.commit(None).unwrap_err();
        let expected = format!(
            "cannot replace {}: it is a folder; nothing in {} was replaced",
            dir.join("graph.gexf").display(),
            dir.display()
        );
        assert_eq!(err.to_string(), expected);
        assert_eq!(fs::read(dir.join("graph.json")).unwrap(), b"old");
        assert_eq!(listing(&dir), ["graph.gexf", "graph.json", MANIFEST]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn leftovers_of_dead_processes_are_cleaned_and_live_ones_kept() {
        let dir = scratch("clean");
        fs::create_dir_all(&dir).unwrap();
        // Process ids above the kernel's largest are never alive.
        let dead = 4_194_304 + 7;
        let live = std::process::id();
        fs::create_dir(dir.join(format!("{TMP_PREFIX}{dead}-0"))).unwrap();
        fs::write(dir.join(format!("{TMP_PREFIX}{dead}-0/graph.json")), b"x").unwrap();
        fs::write(dir.join(format!(".graph.json.{dead}.tmp")), b"x").unwrap();
        fs::write(dir.join(format!(".graph.json.idx.{dead}.tmp")), b"x").unwrap();
        fs::write(dir.join(format!("{PROBE_PREFIX}{dead}-3")), b"").unwrap();
        fs::create_dir(dir.join(format!("{TMP_PREFIX}{live}-999"))).unwrap();
        // Not govgraph's: left alone.
        fs::write(dir.join(format!(".notes.txt.{dead}.tmp")), b"x").unwrap();
        fs::write(dir.join("graph.json"), b"x").unwrap();
        let out = OutputDir::prepare(&dir).unwrap();
        assert_eq!(out.cleaned, 4);
        assert_eq!(
            listing(&dir),
            [
                format!("{TMP_PREFIX}{live}-999"),
                format!(".notes.txt.{dead}.tmp"),
                "graph.json".to_string()
            ]
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_folder_prepare_made_goes_when_nothing_is_written() {
        let dir = scratch("unused");
        let out = OutputDir::prepare(&dir.join("a/b")).unwrap();
        assert!(dir.join("a/b").is_dir());
        drop(out);
        assert!(!dir.exists());
        let staging = OutputDir::prepare(&dir).unwrap().stage().unwrap();
        drop(staging);
        assert!(!dir.exists());
    }

    #[test]
    fn a_file_is_no_output_folder() {
        let dir = scratch("file");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("f"), b"").unwrap();
        for path in [dir.join("f"), dir.join("f/out")] {
            let err = OutputDir::prepare(&path).unwrap_err();
            assert!(matches!(err, OutputError::Unwritable { .. }), "{err}");
            assert!(
                err.to_string().starts_with(&format!(
                    "cannot write into the output folder {}: ",
                    path.display()
                )),
                "{err}"
            );
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_graph_json_replaced_behind_the_manifest_is_told() {
        let dir = scratch("mixed");
        commit_set(&dir, &[("graph.json", b"{\"a\":1}")], &[]);
        let json = dir.join("graph.json");
        assert_eq!(check_beside(&json), None);
        // The same size, other bytes, written after the manifest.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&json, b"{\"a\":2}").unwrap();
        let warning = check_beside(&json).expect("a warning");
        assert_eq!(
            warning,
            format!(
                "{} is not the one {MANIFEST} lists (an interrupted build?)",
                json.display()
            )
        );
        // Another size.
        fs::write(&json, b"{}").unwrap();
        assert!(check_beside(&json).is_some());
        // A file of another name beside it is not the manifest's concern.
        fs::write(dir.join("other.json"), b"{}").unwrap();
        assert_eq!(check_beside(&dir.join("other.json")), None);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn leftover_names() {
        assert_eq!(leftover_pid(".govgraph-tmp-12-0", KNOWN), Some(12));
        assert_eq!(leftover_pid(".govgraph-probe-12-3", KNOWN), Some(12));
        assert_eq!(leftover_pid(".graph.json.idx.99.tmp", KNOWN), Some(99));
        assert_eq!(leftover_pid(".graph.json.x.tmp", KNOWN), None);
        assert_eq!(leftover_pid(".mine.99.tmp", KNOWN), None);
        assert_eq!(leftover_pid(".govgraph-tmp-x-0", KNOWN), None);
        assert_eq!(leftover_pid("graph.json", KNOWN), None);
    }
}
