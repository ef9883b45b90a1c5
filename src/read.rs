//! Reading articles from files, folders, record files and standard input.
//!
//! Folders are read recursively in sorted order (so a build never depends on the
//! order the file system lists things in) and only article files (`.txt`, `.md`,
//! `.html`) and JSON-lines files (`.jsonl`, `.ndjson`) are taken; a CSV file is
//! read only when named, since a folder's CSV files are more often tables than
//! articles (an export's `nodes.csv`). A file named explicitly whose ending is
//! none of these is read as one plain-text article, with a warning. Hidden
//! entries (a name opening with `.`) are passed over.
//!
//! Folders are walked by `walkdir`, which sorts each folder's entries, reports
//! an error per entry instead of ending the walk, and knows a symbolic link
//! loop when it follows links. Symbolic links inside folders are followed only
//! when asked ([`list_with`]); a link named as an input is always followed.
//! Only regular files are opened: a FIFO or socket named `a.txt` would block
//! or fail the read, so its type is checked first.
//!
//! A record file holds one article per record: JSON lines (one object a line)
//! or CSV (a header row naming the columns; read with the `csv` crate, which is
//! well kept and gets quoting and line breaks inside fields right). A record's
//! fields are [`Fields`]: `text` (required), `id`, `title`, `url`, `date` and
//! `source`, under names a user may change. Its article is named by its `id`,
//! else `FILE:LINE` (`news.jsonl:3`); `title` and `date` are read as front
//! matter's are (`date` dates the article as a dateline does), `url` and
//! `source` (the outlet) are kept for the article's `document` node. Listing a
//! record file reads it once, to name its records; reading a record reads only
//! its own bytes again, so a build holds one batch of texts at a time whatever
//! the size of the file.
//!
//! `-` is standard input: JSON lines (records `stdin:LINE`) when its first line
//! that is not blank opens with `{`, else one article named `stdin`. It is held
//! in memory.
//!
//! Encodings: `encoding_rs` decodes; `chardetng`, the detector Firefox uses,
//! guesses. Articles are read in the encodings a Chinese news corpus holds:
//! UTF-8 (with or without its byte-order mark), UTF-16LE and UTF-16BE after
//! their mark, GB18030 (and GBK, which many Chinese sites still serve) and Big5
//! (Traditional-Chinese pages); [`decode`] tells how it chooses. A few invalid
//! bytes are replaced by U+FFFD and told of ([`SourceFile::replaced`]); beyond
//! one character in a hundred, or with NUL bytes outside UTF-16, the bytes are
//! not text. Each JSON line and CSV row is decoded as a file is, on its own
//! (files gathered from many crawls mix encodings), a CSV row's fields in the
//! encoding of the whole row; a record file, or standard input, that opens
//! with a UTF-16 mark is decoded whole first, and held in memory.
//!
//! One unreadable article must not cost the user the rest: a file that cannot
//! be read (permission denied, an I/O error), a dangling symbolic link, a link
//! not followed or leading in a loop, what is not a regular file, a file that
//! is not text (binary, or in none of those encodings), a line that is not a
//! JSON object and a record without text are each [`Skipped`], with the
//! reason, and the rest is read. A path named as an input
//! that does not exist, on the other hand, is an error: the user mistyped
//! something.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use walkdir::WalkDir;

/// File endings of articles, read whole.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// File endings of JSON lines: one article (a JSON object) a line.
pub const JSON_LINES: &[&str] = &["jsonl", "ndjson"];

/// File endings of CSV files: one article a row, under a header row.
pub const CSV: &[&str] = &["csv"];

/// The input that stands for standard input.
pub const STDIN: &str = "-";

/// One article as read, decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name evidence refers to: the path relative to the input folder, or the
    /// file name for a file given directly; a record's id, else `FILE:LINE`.
    pub name: String,
    /// The file it was read from (`-` for standard input).
    pub path: PathBuf,
    pub text: String,
    /// What its source says of it besides the text.
    pub meta: Metadata,
    /// Invalid bytes replaced in decoding it, if any: a warning to give.
    pub replaced: Option<Replaced>,
}

/// What a source says of an article besides its text, as written there:
/// [`crate::normalise::normalise_with`] reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// A record's title.
    pub title: Option<String>,
    /// A record's date, as written (read as front matter's `date:`).
    pub date: Option<String>,
    /// A record's address of the article.
    pub url: Option<String>,
    /// A record's outlet.
    pub source: Option<String>,
    /// The file the article was read from, named as evidence names files;
    /// `None` for standard input.
    pub file: Option<String>,
}

/// The names of a record's fields (JSON keys, CSV column headers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The article's text: a record without it is skipped.
    pub text: String,
    /// Its id, which names it in evidence.
    pub id: String,
    pub title: String,
    pub url: String,
    /// Its date of publication.
    pub date: String,
    /// The outlet that published it.
    pub source: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            url: "url".into(),
            date: "date".into(),
            source: "source".into(),
        }
    }
}

/// An article found under the inputs, not yet read: its name for evidence and
/// where it is. Listing first lets a build read one article at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// The file it is in (`-` for standard input).
    pub path: PathBuf,
    /// Where in the file: `None` when the article is the whole file.
    pub record: Option<Record>,
}

/// Where a record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// Line `line` of a JSON-lines file: `len` bytes from byte `at`.
    Json {
        file: Arc<RecordFile>,
        at: u64,
        len: usize,
        line: u64,
    },
    /// The CSV record that opens at byte `at`, on line `line`.
    Csv {
        file: Arc<RecordFile>,
        at: u64,
        line: u64,
    },
    /// An article from standard input, held whole.
    Held(Arc<SourceFile>),
}

/// A file of records, as its records need it to be read.
#[derive(Debug, PartialEq, Eq)]
pub struct RecordFile {
    /// Its name, as evidence names files.
    name: String,
    fields: Fields,
    /// For CSV: the columns of the fields.
    columns: Columns,
}

/// The column of each field in a CSV file.
#[derive(Debug, Default, PartialEq, Eq)]
struct Columns {
    text: usize,
    id: Option<usize>,
    title: Option<usize>,
    url: Option<usize>,
    date: Option<usize>,
    source: Option<usize>,
}

/// The articles under the inputs, what was skipped on the way, and what was
/// doubtful (a file of no known kind read as text, a record's id taken).
#[derive(Debug, Default)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// What reading the inputs gave: the articles, what was skipped on the way,
/// and what was doubtful.
#[derive(Debug, Default)]
pub struct ReadReport {
    pub files: Vec<SourceFile>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// A file, link, folder or record that is not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What is skipped: its path, or `PATH:LINE` for a record.
    pub what: String,
    pub why: Why,
}

impl Skipped {
    fn path(path: &Path, why: Why) -> Skipped {
        Skipped {
            what: path.display().to_string(),
            why,
        }
    }

    fn line(path: &Path, line: u64, why: Why) -> Skipped {
        Skipped {
            what: format!("{}:{line}", path.display()),
            why,
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "skipping {}: {}", self.what, self.why)
    }
}

/// Why something is skipped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Why {
    #[error("permission denied")]
    PermissionDenied,
    #[error("cannot be read ({0})")]
    Io(String),
    #[error("dangling symbolic link (what it points to does not exist)")]
    DanglingLink,
    #[error("symbolic link, not followed (--follow-links follows links)")]
    LinkNotFollowed,
    #[error("symbolic link loop (it leads back to {})", .0.display())]
    LinkLoop(PathBuf),
    /// What it is instead: "a FIFO", "a socket" ...
    #[error("not a regular file but {0}, so never opened")]
    NotRegular(&'static str),
    /// Binary, or in no encoding read ([`decode`]).
    #[error("{0}")]
    NotText(NotText),
    #[error("not JSON ({0})")]
    NotJson(String),
    #[error("not a JSON object")]
    NotObject,
    /// The name of the text's field.
    #[error("no text (field {0:?})")]
    NoText(String),
    #[error("no column {field:?} for the text (its columns: {columns})")]
    NoTextColumn { field: String, columns: String },
    #[error("not CSV ({0})")]
    NotCsv(String),
    #[error("the record is gone")]
    Gone,
    /// Its size and the limit, in bytes.
    #[error("larger than {} MiB ({} MiB; --max-file-size raises the limit)", .limit / (1 << 20), .size.div_ceil(1 << 20))]
    TooLarge { size: u64, limit: u64 },
    /// The limit, in milliseconds.
    #[error("took longer than {} s to read, so left out (--max-file-seconds raises the limit)", *.0 as f64 / 1000.0)]
    TooSlow(u64),
}

impl Why {
    /// What a summary counts it as, for one and for more.
    pub fn label(&self) -> (&'static str, &'static str) {
        match self {
            Why::PermissionDenied => ("permission denied", "permission denied"),
            Why::Io(_) => ("I/O error", "I/O errors"),
            Why::DanglingLink => ("dangling symbolic link", "dangling symbolic links"),
            Why::LinkNotFollowed => ("symbolic link not followed", "symbolic links not followed"),
            Why::LinkLoop(_) => ("symbolic link loop", "symbolic link loops"),
            Why::NotRegular(_) => ("not a regular file", "not regular files"),
            Why::NotText(_) => ("not text", "not text"),
            Why::NotJson(_) | Why::NotObject => ("not JSON", "not JSON"),
            Why::NoText(_) => ("no text", "no text"),
            Why::NoTextColumn { .. } => ("no text column", "no text column"),
            Why::NotCsv(_) => ("not CSV", "not CSV"),
            Why::Gone => ("record gone", "records gone"),
            Why::TooLarge { .. } => ("too large", "too large"),
            Why::TooSlow(_) => ("too slow to read", "too slow to read"),
        }
    }

    /// Why an I/O error keeps a file from being read.
    fn of_io(err: &io::Error) -> Why {
        match err.kind() {
            io::ErrorKind::PermissionDenied => Why::PermissionDenied,
            _ => Why::Io(err.to_string()),
        }
    }
}

/// How many were skipped and why, most first: "3 skipped: 2 permission
/// denied, 1 not text" (`None` when nothing was).
pub fn summary(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for s in skipped {
        *counts.entry(s.why.label()).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let reasons: Vec<String> = counts
        .into_iter()
        .map(|((one, more), n)| format!("{n} {}", if n == 1 { one } else { more }))
        .collect();
    Some(format!("{} skipped: {}", skipped.len(), reasons.join(", ")))
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: no such file or folder", .0.display())]
    Missing(PathBuf),
    #[error("reading standard input: {0}")]
    Stdin(std::io::Error),
    #[error("- (standard input) is given more than once")]
    StdinTwice,
}

/// Reads every article under `inputs`, records by the default [`Fields`].
pub fn read_inputs(inputs: &[PathBuf]) -> Result<ReadReport, ReadError> {
    let listing = list(inputs, &Fields::default())?;
    let mut report = ReadReport {
        files: Vec::new(),
        skipped: listing.skipped,
        warnings: listing.warnings,
    };
    for entry in listing.entries {
        match read_entry(&entry) {
            Ok(file) => {
                report
                    .warnings
                    .extend(file.replaced.iter().map(|r| r.to_string()));
                report.files.push(file);
            }
            Err(skipped) => report.skipped.push(skipped),
        }
    }
    Ok(report)
}

/// The articles under `inputs`, as [`list`] gives them with the default
/// [`Fields`], without its warnings.
pub fn list_inputs(inputs: &[PathBuf]) -> Result<Vec<Entry>, ReadError> {
    Ok(list(inputs, &Fields::default())?.entries)
}

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    JsonLines,
    Csv,
    Stdin,
}

/// The articles under `inputs`, as [`list_with`] gives them when symbolic
/// links in folders are not followed.
pub fn list(inputs: &[PathBuf], fields: &Fields) -> Result<Listing, ReadError> {
    list_with(inputs, fields, false)
}

/// The articles under `inputs`, in order, without reading their texts:
/// folders recursively and sorted, files as given, record files record by
/// record; symbolic links in folders followed if `follow_links` (a loop is
/// skipped), else skipped. Names are unique: where two inputs hold files of
/// one name, the later is named by its path; a record whose id is taken is
/// named `FILE:LINE`. An input that does not exist is an error; whatever
/// else cannot be read is [`Skipped`].
pub fn list_with(
    inputs: &[PathBuf],
    fields: &Fields,
    follow_links: bool,
) -> Result<Listing, ReadError> {
    // Each file's name, path, kind, and the folders its name may be
    // qualified with (innermost first).
    let mut files: Vec<(String, PathBuf, Kind, Vec<String>)> = Vec::new();
    let mut warnings = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if input.as_os_str() == STDIN {
            if files.iter().any(|f| f.2 == Kind::Stdin) {
                return Err(ReadError::StdinTwice);
            }
            files.push(("stdin".into(), input.clone(), Kind::Stdin, Vec::new()));
            continue;
        }
        let meta = match named(input) {
            Ok(meta) => meta,
            Err(None) => return Err(ReadError::Missing(input.clone())),
            Err(Some(why)) => {
                skipped.push(Skipped::path(input, why));
                continue;
            }
        };
        if meta.is_dir() {
            let folders = folder_names(input);
            for path in walk(input, follow_links, &mut skipped) {
                let name = relative_name(input, &path);
                let kind = kind_of(&path).unwrap_or(Kind::Article);
                files.push((name, path, kind, folders.clone()));
            }
        } else if !meta.is_file() {
            let why = Why::NotRegular(type_name(meta.file_type()));
            skipped.push(Skipped::path(input, why));
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| input.display().to_string());
            let kind = kind_of(input).unwrap_or_else(|| {
                warnings.push(format!(
                    "{}: not a known kind of file (articles: .txt, .md, .html; records: \
                     .jsonl, .ndjson, .csv), read as one plain-text article",
                    input.display()
                ));
                Kind::Article
            });
            let folders = input.parent().map(folder_names).unwrap_or_default();
            files.push((name, input.clone(), kind, folders));
        }
    }
    qualify_clashing_names(&mut files);
    let mut found = Found {
        entries: Vec::new(),
        names: Vec::new(),
        skipped,
        warnings,
    };
    for (name, path, kind, _) in files {
        match kind {
            Kind::Article => found.push(
                vec![name.clone()],
                Entry {
                    name,
                    path,
                    record: None,
                },
            ),
            Kind::JsonLines => list_json_lines(&name, &path, fields, &mut found),
            Kind::Csv => list_csv(&name, &path, fields, &mut found),
            Kind::Stdin => list_stdin(&path, fields, &mut found)?,
        }
    }
    Ok(found.named())
}

/// The names of the folders `dir` is in and is, innermost first, as the
/// input was written (`news/2024` gives `2024`, `news`), else as the system
/// resolves it (`.`); never a root or a drive.
fn folder_names(dir: &Path) -> Vec<String> {
    let parts = |p: &Path| -> Vec<String> {
        p.components()
            .filter_map(|c| match c {
                std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                _ => None,
            })
            .rev()
            .collect()
    };
    let written = parts(dir);
    if written.is_empty()
        || dir
            .components()
            .any(|c| c == std::path::Component::ParentDir)
    {
        fs::canonicalize(dir).map(|p| parts(&p)).unwrap_or(written)
    } else {
        written
    }
}

/// Names files apart that two inputs hold under one name (`X/a.txt` and
/// `Y/a.txt`, both `a.txt` in their folders): each name shared by several
/// files gets the fewest folders of its input in front that tell them all
/// apart. It depends on the set of files, not on the order of the inputs,
/// and no name is ever absolute. Linear in the files, times the depth
/// needed (a few folders).
fn qualify_clashing_names(files: &mut [(String, PathBuf, Kind, Vec<String>)]) {
    let mut by_name: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, f) in files.iter().enumerate() {
        by_name.entry(f.0.clone()).or_default().push(i);
    }
    let mut taken: HashSet<String> = by_name
        .iter()
        .filter(|(_, ix)| ix.len() == 1)
        .map(|(n, _)| n.clone())
        .collect();
    let mut clashes: Vec<(String, Vec<usize>)> =
        by_name.into_iter().filter(|(_, ix)| ix.len() > 1).collect();
    clashes.sort();
    for (name, ix) in clashes {
        let deepest = ix.iter().map(|&i| files[i].3.len()).max().unwrap_or(0);
        let at = |depth: usize, i: usize| -> String {
            let folders = &files[i].3;
            let mut parts: Vec<&str> = folders
                .iter()
                .take(depth)
                .rev()
                .map(String::as_str)
                .collect();
            parts.push(&name);
            parts.join("/")
        };
        let depth = (1..=deepest)
            .find(|&d| {
                let names: HashSet<String> = ix.iter().map(|&i| at(d, i)).collect();
                names.len() == ix.len() && names.iter().all(|n| !taken.contains(n))
            })
            .unwrap_or(deepest);
        // The same file given twice keeps one name; `named` numbers the rest.
        let qualified: Vec<String> = ix.iter().map(|&i| at(depth, i)).collect();
        for (&i, q) in ix.iter().zip(qualified) {
            taken.insert(q.clone());
            files[i].0 = q;
        }
    }
}

/// What an input named on the command line is, a symbolic link followed:
/// `Err(None)` when nothing is there, `Err(Some(why))` when it is there but
/// cannot be told (a dangling link, a folder above it not readable).
fn named(input: &Path) -> Result<fs::Metadata, Option<Why>> {
    match fs::symlink_metadata(input) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(None),
        Err(e) => Err(Some(Why::of_io(&e))),
        Ok(meta) if meta.file_type().is_symlink() => match fs::metadata(input) {
            Ok(target) => Ok(target),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Some(Why::DanglingLink)),
            Err(e) => Err(Some(Why::of_io(&e))),
        },
        Ok(meta) => Ok(meta),
    }
}

/// Entries found, each with the names it may take, best first, and whether
/// the first is a record's id.
struct Found {
    entries: Vec<Entry>,
    names: Vec<(Vec<String>, bool)>,
    skipped: Vec<Skipped>,
    warnings: Vec<String>,
}

impl Found {
    fn push(&mut self, names: Vec<String>, entry: Entry) {
        self.entries.push(entry);
        self.names.push((names, false));
    }

    /// A record named by its id, else `FILE:LINE`, else `PATH:LINE`.
    fn push_record(&mut self, id: Option<String>, file: &str, path: &Path, line: u64, e: Entry) {
        let has_id = id.is_some();
        let names = id
            .into_iter()
            .chain([
                format!("{file}:{line}"),
                format!("{}:{line}", path.display()),
            ])
            .collect();
        self.entries.push(e);
        self.names.push((names, has_id));
    }

    /// Each entry under the first of its names no entry before it took (a
    /// record whose id is taken is told of), else its first name numbered.
    fn named(mut self) -> Listing {
        let mut taken = HashSet::new();
        for (entry, (names, has_id)) in self.entries.iter_mut().zip(self.names) {
            let name = match names.iter().position(|n| !taken.contains(n.as_str())) {
                Some(i) => {
                    if i > 0 && has_id {
                        self.warnings.push(format!(
                            "the id {:?} is taken: the record is named {}",
                            names[0], names[i]
                        ));
                    }
                    names[i].clone()
                }
                None => (2..)
                    .map(|n| format!("{}#{n}", names[0]))
                    .find(|n| !taken.contains(n.as_str()))
                    .unwrap_or_default(),
            };
            taken.insert(name.clone());
            entry.name = name;
        }
        Listing {
            entries: self.entries,
            skipped: self.skipped,
            warnings: self.warnings,
        }
    }
}

/// Lists the records of the JSON-lines file `path`, named `name`.
fn list_json_lines(name: &str, path: &Path, fields: &Fields, found: &mut Found) {
    let file = Arc::new(RecordFile {
        name: name.to_string(),
        fields: fields.clone(),
        columns: Columns::default(),
    });
    let mut reader = match open_regular(path) {
        Ok(f) => BufReader::new(f),
        Err(why) => {
            found.skipped.push(Skipped::path(path, why));
            return;
        }
    };
    match utf16_whole(path, &mut reader, found) {
        Ok(None) => {}
        Ok(Some(text)) => {
            list_held_json_lines(name, Some(name), path, text.as_bytes(), fields, found);
            return;
        }
        Err(why) => {
            found.skipped.push(Skipped::path(path, why));
            return;
        }
    }
    let mut last = 0;
    let listed = each_line(
        reader,
        |at, line, bytes| match json_record(bytes, fields) {
            Ok((id, _, _)) => found.push_record(
                id,
                name,
                path,
                line,
                Entry {
                    name: String::new(),
                    path: path.to_path_buf(),
                    record: Some(Record::Json {
                        file: file.clone(),
                        at,
                        len: bytes.len(),
                        line,
                    }),
                },
            ),
            Err(why) => found.skipped.push(Skipped::line(path, line, why)),
        },
        &mut last,
    );
    if let Err(e) = listed {
        // The lines before are listed; the rest cannot be read.
        found
            .skipped
            .push(Skipped::line(path, last + 1, Why::of_io(&e)));
    }
}

/// The text of a record file in UTF-16 (it opens with a UTF-16 byte-order
/// mark), read whole: its lines and fields cannot be found in its bytes as in
/// those of an encoding ASCII is part of. `None` for any other file, which is
/// read record by record. Invalid bytes replaced are warned of here.
fn utf16_whole(
    path: &Path,
    reader: &mut BufReader<File>,
    found: &mut Found,
) -> Result<Option<String>, Why> {
    let head = reader.fill_buf().map_err(|e| Why::of_io(&e))?;
    if !utf16_bom(head) {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| Why::of_io(&e))?;
    let decoded = text_of(&bytes)?;
    if let Some(warning) = decoded.warning() {
        found
            .warnings
            .push(format!("{}: {warning}", path.display()));
    }
    Ok(Some(decoded.text))
}

fn utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Lists the JSON lines of `bytes`, held in memory, as the records of the file
/// named `file` (`None`: standard input) at `path`; `name` names their lines
/// (`stdin:3`, `news.jsonl:3`).
fn list_held_json_lines(
    name: &str,
    file: Option<&str>,
    path: &Path,
    bytes: &[u8],
    fields: &Fields,
    found: &mut Found,
) {
    let what = |line: u64| match file {
        Some(_) => format!("{}:{line}", path.display()),
        None => format!("{name}:{line}"),
    };
    let each = |_, line, bytes: &[u8]| match json_record(bytes, fields) {
        Ok((id, (text, mut meta), lossy)) => {
            meta.file = file.map(str::to_string);
            let replaced = replaced(what(line), lossy);
            found.push_record(id, name, path, line, held(path, text, meta, replaced));
        }
        Err(why) => found.skipped.push(Skipped {
            what: what(line),
            why,
        }),
    };
    // Lines in memory: no error to be had.
    let _ = each_line(bytes, each, &mut 0);
}

/// An entry that holds its article, read already.
fn held(path: &Path, text: String, meta: Metadata, replaced: Option<Replaced>) -> Entry {
    Entry {
        name: String::new(),
        path: path.to_path_buf(),
        record: Some(Record::Held(Arc::new(SourceFile {
            name: String::new(),
            path: path.to_path_buf(),
            text,
            meta,
            replaced,
        }))),
    }
}

/// Calls `f` with the byte offset, number (from 1) and bytes (without the line
/// break) of every line of `reader` that is not blank; `line` is the number of
/// the last line read whole.
fn each_line(
    mut reader: impl BufRead,
    mut f: impl FnMut(u64, u64, &[u8]),
    line: &mut u64,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut at = 0u64;
    *line = 0;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        *line += 1;
        let line = *line;
        let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            f(at, line, bytes);
        }
        at += n as u64;
    }
}

/// The encoding of a record's text and the invalid bytes replaced in it,
/// when any were.
type Lossy = Option<(Encoding, usize)>;

fn lossy(decoded: &Decoded) -> Lossy {
    (decoded.replaced > 0).then_some((decoded.encoding, decoded.invalid_bytes))
}

/// What a reader is warned of for `what`, when `lossy` says bytes were
/// replaced.
fn replaced(what: String, lossy: Lossy) -> Option<Replaced> {
    lossy.map(|(encoding, bytes)| Replaced {
        what,
        encoding,
        bytes,
    })
}

/// A record read: its id, its article, and the bytes replaced in decoding it.
type Parsed = (Option<String>, Article, Lossy);

/// The id and the article of one JSON line, or why it is skipped. The line is
/// decoded on its own ([`decode`]): files gathered from many crawls mix
/// encodings line by line.
fn json_record(bytes: &[u8], fields: &Fields) -> Result<Parsed, Why> {
    let decoded = text_of(bytes)?;
    let lossy = lossy(&decoded);
    let value: Value =
        serde_json::from_str(&decoded.text).map_err(|e| Why::NotJson(e.to_string()))?;
    let Value::Object(map) = value else {
        return Err(Why::NotObject);
    };
    let field = |key: &str| match map.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = match map.get(&fields.text) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let (id, article) = article(
        text,
        [
            field(&fields.id),
            field(&fields.title),
            field(&fields.url),
            field(&fields.date),
            field(&fields.source),
        ],
        fields,
    )?;
    Ok((id, article, lossy))
}

/// An article's text and metadata, from a record.
type Article = (String, Metadata);

/// The id and the article of a record with `text` and `[id, title, url, date,
/// source]`, or why it is skipped: it has no text.
fn article(
    text: String,
    [id, title, url, date, source]: [Option<String>; 5],
    fields: &Fields,
) -> Result<(Option<String>, Article), Why> {
    if text.trim().is_empty() {
        return Err(Why::NoText(fields.text.clone()));
    }
    let given = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let meta = Metadata {
        title: given(title),
        date: given(date),
        url: given(url),
        source: given(source),
        file: None,
    };
    Ok((given(id), (text, meta)))
}

/// Lists the records of the CSV file `path`, named `name`.
fn list_csv(name: &str, path: &Path, fields: &Fields, found: &mut Found) {
    let mut reader = match open_regular(path) {
        Ok(f) => BufReader::new(f),
        Err(why) => {
            found.skipped.push(Skipped::path(path, why));
            return;
        }
    };
    match utf16_whole(path, &mut reader, found) {
        Ok(None) => list_csv_rows(name, path, fields, csv_reader(true, reader), false, found),
        Ok(Some(text)) => {
            let reader = csv_reader(true, text.as_bytes());
            list_csv_rows(name, path, fields, reader, true, found);
        }
        Err(why) => found.skipped.push(Skipped::path(path, why)),
    }
}

/// Lists the records `reader` reads of the CSV file `path`, named `name`:
/// each found again in the file when read, or `held` in memory.
fn list_csv_rows<R: Read>(
    name: &str,
    path: &Path,
    fields: &Fields,
    mut reader: csv::Reader<R>,
    held_rows: bool,
    found: &mut Found,
) {
    let header = match reader.byte_headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            found.skipped.push(Skipped::path(path, csv_why(e)));
            return;
        }
    };
    let header: Vec<String> = header
        .iter()
        .map(|h| {
            decode(h)
                .map(|d| d.text)
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(text) = column(&fields.text) else {
        let why = Why::NoTextColumn {
            field: fields.text.clone(),
            columns: header.join(", "),
        };
        found.skipped.push(Skipped::path(path, why));
        return;
    };
    let file = Arc::new(RecordFile {
        name: name.to_string(),
        fields: fields.clone(),
        columns: Columns {
            text,
            id: column(&fields.id),
            title: column(&fields.title),
            url: column(&fields.url),
            date: column(&fields.date),
            source: column(&fields.source),
        },
    });
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // The records before are listed; the rest cannot be read.
                let skipped = match e.position() {
                    Some(p) => Skipped::line(path, p.line(), csv_why(e)),
                    None => Skipped::path(path, csv_why(e)),
                };
                found.skipped.push(skipped);
                break;
            }
        }
        let (at, line) = record.position().map_or((0, 0), |p| (p.byte(), p.line()));
        match csv_record(&record, &file) {
            Ok((id, (text, mut meta), lossy)) if held_rows => {
                meta.file = Some(name.to_string());
                let replaced = replaced(format!("{}:{line}", path.display()), lossy);
                found.push_record(id, name, path, line, held(path, text, meta, replaced));
            }
            Ok((id, _, _)) => found.push_record(
                id,
                name,
                path,
                line,
                Entry {
                    name: String::new(),
                    path: path.to_path_buf(),
                    record: Some(Record::Csv {
                        file: file.clone(),
                        at,
                        line,
                    }),
                },
            ),
            Err(why) => found.skipped.push(Skipped::line(path, line, why)),
        }
    }
}

/// Why a CSV file cannot be read on.
fn csv_why(e: csv::Error) -> Why {
    let text = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Why::of_io(&e),
        _ => Why::NotCsv(text),
    }
}

/// A CSV reader of rows of any length, with or without a header row.
fn csv_reader<R: Read>(headers: bool, from: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(headers)
        .flexible(true)
        .from_reader(from)
}

/// The id and the article of one CSV record, or why it is skipped. The
/// encoding is that of the whole row (a date or an id alone says little of
/// it), which each field is decoded in.
fn csv_record(record: &csv::ByteRecord, file: &RecordFile) -> Result<Parsed, Why> {
    let mut row = Vec::with_capacity(record.as_slice().len() + record.len());
    for (i, field) in record.iter().enumerate() {
        if i > 0 {
            row.push(b'\n');
        }
        row.extend_from_slice(field);
    }
    let encoding = text_of(&row)?.encoding;
    let mut invalid = 0;
    let mut field = |column: Option<usize>| {
        let decoded = decode_as(encoding, column.and_then(|i| record.get(i))?, false);
        invalid += decoded.invalid_bytes;
        Some(decoded.text)
    };
    let c = &file.columns;
    let text = field(Some(c.text)).unwrap_or_default();
    let others = [
        field(c.id),
        field(c.title),
        field(c.url),
        field(c.date),
        field(c.source),
    ];
    let (id, article) = article(text, others, &file.fields)?;
    Ok((id, article, (invalid > 0).then_some((encoding, invalid))))
}

/// Lists standard input: JSON lines, or one article.
fn list_stdin(path: &Path, fields: &Fields, found: &mut Found) -> Result<(), ReadError> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(ReadError::Stdin)?;
    // UTF-16 is decoded first: its lines and `{` are found in its text.
    if utf16_bom(&bytes) {
        match decode(&bytes) {
            Ok(decoded) => {
                if let Some(warning) = decoded.warning() {
                    found.warnings.push(format!("stdin: {warning}"));
                }
                bytes = decoded.text.into_bytes();
            }
            Err(not) => {
                found.skipped.push(Skipped {
                    what: "stdin".into(),
                    why: Why::NotText(not),
                });
                return Ok(());
            }
        }
    }
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii_start())
        .find(|l| !l.is_empty());
    let first = first.map(|l| l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l));
    if first.is_some_and(|l| l.starts_with(b"{")) {
        list_held_json_lines("stdin", None, path, &bytes, fields, found);
    } else if first.is_some() {
        match text_of(&bytes) {
            Ok(decoded) => {
                let replaced = replaced("stdin".into(), lossy(&decoded));
                let entry = held(path, decoded.text, Metadata::default(), replaced);
                found.push(vec!["stdin".into()], entry);
            }
            Err(why) => found.skipped.push(Skipped {
                what: "stdin".into(),
                why,
            }),
        }
    }
    Ok(())
}

/// The articles of a JSON Lines stream (`govgraph extract -` reads standard
/// input so), one line at a time: memory holds one record, whatever the
/// length of the stream. A record is named by its id, else `NAME:LINE`; a
/// line that is no record, or larger than `max` bytes, is skipped with why.
/// Ids are not checked for clashes, as a listing does: a stream is never
/// held whole. Linear in the stream.
pub fn json_lines<R: BufRead>(
    reader: R,
    name: &str,
    fields: Fields,
    max: u64,
) -> impl Iterator<Item = Result<SourceFile, Skipped>> {
    let name = name.to_string();
    let mut reader = reader;
    let mut line = 0u64;
    let mut buf = Vec::new();
    let mut failed = false;
    std::iter::from_fn(move || {
        loop {
            if failed {
                return None;
            }
            buf.clear();
            let n = match reader.read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(err) => {
                    failed = true;
                    return Some(Err(Skipped {
                        what: format!("{name}:{}", line + 1),
                        why: Why::of_io(&err),
                    }));
                }
            };
            if n == 0 {
                return None;
            }
            line += 1;
            let bytes = buf.trim_ascii();
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            if bytes.is_empty() {
                continue;
            }
            let what = format!("{name}:{line}");
            if bytes.len() as u64 > max {
                return Some(Err(Skipped {
                    what,
                    why: Why::TooLarge {
                        size: bytes.len() as u64,
                        limit: max,
                    },
                }));
            }
            return Some(match json_record(bytes, &fields) {
                Ok((id, (text, meta), lossy)) => Ok(SourceFile {
                    name: id.unwrap_or_else(|| what.clone()),
                    path: PathBuf::from("-"),
                    text,
                    meta,
                    replaced: replaced(what, lossy),
                }),
                Err(why) => Err(Skipped { what, why }),
            });
        }
    })
}

/// Reads one listed article, or tells why it is skipped: it cannot be read
/// (permission denied, an I/O error, no longer a regular file), it is not
/// text, or a record no longer reads as one. Invalid bytes replaced in
/// decoding it are in [`SourceFile::replaced`], for the caller to warn of.
pub fn read_entry(entry: &Entry) -> Result<SourceFile, Skipped> {
    read_entry_within(entry, u64::MAX)
}

/// The default of [`read_entry_within`]'s bound: 64 MiB, a thousand times
/// the longest article of the genre.
pub const MAX_FILE_SIZE: u64 = 64 << 20;

/// As [`read_entry`], but an article file, or a JSON Lines record, of more
/// than `max_bytes` bytes is skipped ([`Why::TooLarge`]) without being read:
/// one file never takes more memory than the bound allows. A record file as a
/// whole may be larger (its records are read one at a time).
pub fn read_entry_within(entry: &Entry, max_bytes: u64) -> Result<SourceFile, Skipped> {
    let path = &entry.path;
    let too_large = |size: u64| {
        (size > max_bytes).then_some(Why::TooLarge {
            size,
            limit: max_bytes,
        })
    };
    let record = |file: &RecordFile, line: u64, parsed: Result<Parsed, Why>| {
        parsed
            .map(|(_, (text, mut meta), lossy)| {
                meta.file = Some(file.name.clone());
                SourceFile {
                    name: entry.name.clone(),
                    path: path.clone(),
                    text,
                    meta,
                    replaced: replaced(format!("{}:{line}", path.display()), lossy),
                }
            })
            .map_err(|why| Skipped::line(path, line, why))
    };
    // The file from byte `at`.
    let open_at = |at: u64, line: u64| {
        let mut f = open_regular(path).map_err(|why| Skipped::line(path, line, why))?;
        f.seek(SeekFrom::Start(at))
            .map_err(|e| Skipped::line(path, line, Why::of_io(&e)))?;
        Ok(f)
    };
    match &entry.record {
        None => {
            let mut bytes = Vec::new();
            open_regular(path)
                .and_then(|f| {
                    let size = f.metadata().map_err(|e| Why::of_io(&e))?.len();
                    too_large(size).map_or(Ok(f), Err)
                })
                .and_then(|f| {
                    // Read no more than the bound, should the file grow meanwhile.
                    let mut f = f.take(max_bytes.saturating_add(1));
                    f.read_to_end(&mut bytes).map_err(|e| Why::of_io(&e))?;
                    too_large(bytes.len() as u64).map_or(Ok(()), Err)
                })
                .and_then(|_| text_of(&bytes))
                .map(|decoded| SourceFile {
                    name: entry.name.clone(),
                    path: path.clone(),
                    replaced: replaced(path.display().to_string(), lossy(&decoded)),
                    text: decoded.text,
                    meta: Metadata {
                        file: Some(entry.name.clone()),
                        ..Metadata::default()
                    },
                })
                .map_err(|why| Skipped::path(path, why))
        }
        Some(Record::Held(file)) => Ok(SourceFile {
            name: entry.name.clone(),
            ..SourceFile::clone(file)
        }),
        Some(Record::Json {
            file,
            at,
            len,
            line,
        }) => {
            if let Some(why) = too_large(*len as u64) {
                return Err(Skipped::line(path, *line, why));
            }
            let mut bytes = vec![0; *len];
            open_at(*at, *line)?
                .read_exact(&mut bytes)
                .map_err(|e| Skipped::line(path, *line, Why::of_io(&e)))?;
            record(file, *line, json_record(&bytes, &file.fields))
        }
        Some(Record::Csv { file, at, line }) => {
            let f = open_at(*at, *line)?;
            let mut row = csv::ByteRecord::new();
            let got = csv_reader(false, BufReader::new(f)).read_byte_record(&mut row);
            match got {
                Ok(true) => record(file, *line, csv_record(&row, file)),
                Ok(false) => record(file, *line, Err(Why::Gone)),
                Err(e) => record(file, *line, Err(csv_why(e))),
            }
        }
    }
}

/// Opens a regular file; what is not one (a FIFO, a socket, a device, a
/// folder) is never opened, for opening a FIFO waits for a writer.
fn open_regular(path: &Path) -> Result<File, Why> {
    let meta = fs::metadata(path).map_err(|e| Why::of_io(&e))?;
    if !meta.is_file() {
        return Err(Why::NotRegular(type_name(meta.file_type())));
    }
    File::open(path).map_err(|e| Why::of_io(&e))
}

/// What a file that is not a regular file is, for a message.
fn type_name(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_char_device() {
            return "a character device";
        } else if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "of a kind of its own"
    }
}

/// The text of bytes, or why they are none ([`decode`]).
fn text_of(bytes: &[u8]) -> Result<Decoded, Why> {
    decode(bytes).map_err(Why::NotText)
}

/// The encodings articles are read in: those a Chinese news corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    /// Little-endian UTF-16: read only after its byte-order mark.
    Utf16Le,
    /// Big-endian UTF-16: read only after its byte-order mark.
    Utf16Be,
    /// GB18030, and GBK and GB2312, which it contains.
    Gb18030,
    /// Big5 (Traditional Chinese), with the HKSCS extensions.
    Big5,
}

impl Encoding {
    /// Its name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
        }
    }

    /// The `encoding_rs` codec that decodes it.
    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Big5 => encoding_rs::BIG5,
        }
    }

    /// One of these, for an `encoding_rs` encoding (GBK is read as GB18030,
    /// which contains it); `None` for any other (windows-1252, Shift_JIS ...).
    fn of(codec: &'static encoding_rs::Encoding) -> Option<Encoding> {
        [
            Encoding::Utf8,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Gb18030,
            Encoding::Big5,
        ]
        .into_iter()
        .find(|e| e.codec() == codec)
        .or((codec == encoding_rs::GBK).then_some(Encoding::Gb18030))
    }

    /// Whether ASCII bytes are ASCII characters in it, and never part of
    /// another (so lines and CSV fields may be split before decoding).
    fn ascii_compatible(self) -> bool {
        !matches!(self, Encoding::Utf16Le | Encoding::Utf16Be)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text decoded from bytes by [`decode`], and how: the encoding read, and the
/// invalid byte sequences replaced.
///
/// Each invalid sequence (a stray byte, a character cut short, a lone UTF-16
/// surrogate) is one U+FFFD REPLACEMENT CHARACTER in `text`: `replaced` counts
/// them, `invalid_bytes` the bytes they stood for. A few are let through
/// (one stray byte must not cost a long article), and told of
/// ([`Decoded::warning`]); beyond one character in a hundred the bytes are
/// [`NotText`] instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    pub encoding: Encoding,
    /// Whether the bytes opened with a byte-order mark.
    pub bom: bool,
    /// Invalid byte sequences, each now one U+FFFD.
    pub replaced: usize,
    /// The bytes in them.
    pub invalid_bytes: usize,
}

impl Decoded {
    /// What a reader is warned of, when anything was replaced: `2 invalid
    /// bytes replaced (UTF-8)`.
    pub fn warning(&self) -> Option<String> {
        (self.replaced > 0).then(|| replaced_warning(self.invalid_bytes, self.encoding))
    }
}

fn replaced_warning(bytes: usize, encoding: Encoding) -> String {
    let s = if bytes == 1 { "" } else { "s" };
    format!("{bytes} invalid byte{s} replaced ({encoding})")
}

/// Invalid bytes replaced in an article read, which a build warns of:
/// `news/a.txt: 2 invalid bytes replaced (UTF-8)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The file (`PATH:LINE` for a record), as [`Skipped`] names it.
    pub what: String,
    pub encoding: Encoding,
    /// The invalid bytes.
    pub bytes: usize,
}

impl fmt::Display for Replaced {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let warning = replaced_warning(self.bytes, self.encoding);
        write!(f, "{}: {warning}", self.what)
    }
}

/// Why bytes are not text ([`decode`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes, outside UTF-16: a binary file.
    Nul,
    /// The signature of a binary format opens it: what it is ("a PNG
    /// image").
    Signature(&'static str),
    /// Control characters (other than tab, line breaks and form feed) make
    /// more than one character in a hundred.
    Control { count: usize, chars: usize },
    /// More than one character in a hundred is invalid in the encoding that
    /// reads it best.
    Invalid {
        encoding: Encoding,
        replaced: usize,
        chars: usize,
    },
}

impl std::error::Error for NotText {}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            NotText::Nul => write!(f, "not text (binary: it holds NUL bytes)"),
            NotText::Signature(what) => write!(f, "not text (binary: {what})"),
            NotText::Control { count, chars } => write!(
                f,
                "not text (binary: {count} of its {chars} characters are control characters)"
            ),
            NotText::Invalid {
                encoding,
                replaced,
                chars,
            } => write!(
                f,
                "not text in UTF-8, UTF-16, GB18030 or Big5 \
                 (at best {replaced} of its {chars} characters invalid, in {encoding})"
            ),
        }
    }
}

/// How many invalid or control characters `chars` characters of text may
/// hold: one in a hundred, and always one.
fn tolerated(chars: usize) -> usize {
    chars.div_ceil(100)
}

/// The bytes the encoding detector looks at: enough to tell the encoding of
/// any article, a bounded cost for a large file.
const SAMPLE: usize = 1 << 20;

/// The signatures of binary formats a crawl saves beside its pages, which may
/// hold no NUL byte in their first bytes (or none at all: a PDF may be ASCII).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7z archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Office document"),
    (b"\x7FELF", "an executable"),
];

/// Decodes bytes to text, in the encoding they are in, or tells why they are
/// not text.
///
/// - A byte-order mark decides: UTF-8, UTF-16LE, UTF-16BE (NUL bytes are part
///   of UTF-16, so the mark is looked at first).
/// - Otherwise NUL bytes, or the signature of a binary format (PNG, JPEG,
///   GIF, PDF, zip, gzip ...), make the bytes binary: [`NotText::Nul`],
///   [`NotText::Signature`]. UTF-16 without its mark is taken for binary.
/// - Valid UTF-8 is UTF-8. So is UTF-8 with a few invalid sequences: at most
///   one in a hundred of its characters that are not ASCII, and ten valid
///   ones for each (text in GBK or Big5 read as UTF-8 has an invalid sequence
///   every character or two, and a valid one by chance now and then).
/// - Otherwise `chardetng` guesses from the first megabyte. Its guess is taken
///   when it is GBK (read as GB18030) or Big5 and reads the bytes within the
///   threshold below; any other guess (windows-1252, Shift_JIS, EUC-KR ...) is
///   passed over for a Chinese corpus, and of GB18030, Big5 and UTF-8 the one
///   with the fewest invalid sequences is taken, GB18030 first.
///
/// Limits: every Big5 character is also a valid GB18030 one, so only the
/// detector tells Big5 from GBK; and a few GBK characters are valid UTF-8 by
/// chance (通知 is), so a string of a few characters may be misread, which an
/// article's length makes unlikely. The same bytes always decode the same.
///
/// The threshold: text may hold invalid sequences (each replaced by U+FFFD,
/// and counted in [`Decoded`]) and control characters other than tab, line
/// breaks and form feed, each up to one character in a hundred (and always
/// one, for a short record). A stray byte or two in an article is damage to
/// read past; beyond that the guess is wrong or the bytes are no text, and
/// reading them would put garbage in the graph: [`NotText::Invalid`],
/// [`NotText::Control`].
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((codec, len)) = encoding_rs::Encoding::for_bom(bytes) {
        let encoding = Encoding::of(codec).unwrap_or(Encoding::Utf8);
        let rest = &bytes[len..];
        if encoding.ascii_compatible() && rest.contains(&0) {
            return Err(NotText::Nul);
        }
        return checked(decode_as(encoding, rest, true));
    }
    if bytes.contains(&0) {
        return Err(NotText::Nul);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(NotText::Signature(what));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            bom: false,
            replaced: 0,
            invalid_bytes: 0,
        });
    }
    let utf8 = decode_as(Encoding::Utf8, bytes, false);
    let non_ascii = utf8.text.chars().filter(|c| !c.is_ascii()).count();
    let valid = non_ascii.saturating_sub(utf8.replaced);
    if utf8.replaced <= tolerated(non_ascii) && valid >= 10 * utf8.replaced {
        return checked(utf8);
    }
    checked(guessed(bytes, utf8))
}

/// Bytes that are neither marked nor UTF-8, in the encoding `chardetng`
/// guesses if it is one of a Chinese corpus and reads them within the
/// threshold, else in the one of GB18030, Big5 and UTF-8 (`utf8`, decoded
/// already) with the fewest invalid sequences.
fn guessed(bytes: &[u8], utf8: Decoded) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    detector.feed(sample, sample.len() == bytes.len());
    let guess = Encoding::of(detector.guess(None, true))
        .filter(|e| matches!(e, Encoding::Gb18030 | Encoding::Big5));
    let mut tried = Vec::with_capacity(3);
    if let Some(encoding) = guess {
        let decoded = decode_as(encoding, bytes, false);
        if decoded.replaced <= tolerated(decoded.text.chars().count()) {
            return decoded;
        }
        tried.push(decoded);
    }
    for encoding in [Encoding::Gb18030, Encoding::Big5] {
        if guess != Some(encoding) {
            tried.push(decode_as(encoding, bytes, false));
        }
    }
    tried.push(utf8);
    let order = |e: Encoding| match e {
        Encoding::Gb18030 => 0,
        Encoding::Big5 => 1,
        _ => 2,
    };
    tried
        .into_iter()
        .min_by_key(|d| (d.replaced, order(d.encoding)))
        .unwrap_or_else(|| decode_as(Encoding::Gb18030, bytes, false))
}

/// Decodes `bytes` (without a byte-order mark) in `encoding`, each invalid
/// sequence replaced by U+FFFD and counted.
fn decode_as(encoding: Encoding, bytes: &[u8], bom: bool) -> Decoded {
    let mut decoder = encoding.codec().new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, len: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(len)
            .unwrap_or(len.saturating_add(16))
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let (mut replaced, mut invalid_bytes) = (0, 0);
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(room(&decoder, rest.len())),
            encoding_rs::DecoderResult::Malformed(len, _) => {
                replaced += 1;
                invalid_bytes += usize::from(len);
                text.push('\u{FFFD}');
            }
        }
    }
    Decoded {
        text,
        encoding,
        bom,
        replaced,
        invalid_bytes,
    }
}

/// Decoded bytes, unless invalid sequences or control characters make more
/// than one character in a hundred.
fn checked(decoded: Decoded) -> Result<Decoded, NotText> {
    let (mut chars, mut control) = (0, 0);
    for c in decoded.text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            control += 1;
        }
    }
    if control > tolerated(chars) {
        Err(NotText::Control {
            count: control,
            chars,
        })
    } else if decoded.replaced > tolerated(chars) {
        Err(NotText::Invalid {
            encoding: decoded.encoding,
            replaced: decoded.replaced,
            chars,
        })
    } else {
        Ok(decoded)
    }
}

/// The article and JSON-lines files under the folder `root`, sorted by name
/// folder by folder (which is the order of their paths), hidden entries
/// passed over; what would have been read but cannot be goes to `skipped`.
fn walk(root: &Path, follow_links: bool, skipped: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        // The root is read whatever its name (`.` is a folder to read).
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                skipped.extend(walk_error(root, &err));
                continue;
            }
        };
        let path = entry.path();
        // With links followed, this is the type of what a link leads to.
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            skipped.extend(link_not_followed(path).map(|why| Skipped::path(path, why)));
        } else if !read_in_folders(path) {
            // Not an article: passed over in silence.
        } else if kind.is_file() {
            paths.push(path.to_path_buf());
        } else {
            skipped.push(Skipped::path(path, Why::NotRegular(type_name(kind))));
        }
    }
    paths
}

/// A symbolic link in a folder, not followed: skipped when it leads to a
/// folder or is named as an article would be (and told apart when it leads
/// nowhere); a link to anything else is passed over, as that thing would be.
fn link_not_followed(path: &Path) -> Option<Why> {
    match fs::metadata(path) {
        Ok(target) => (target.is_dir() || read_in_folders(path)).then_some(Why::LinkNotFollowed),
        // What it leads to cannot be known: its name tells.
        Err(_) if !read_in_folders(path) => None,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(Why::DanglingLink),
        Err(e) => Some(Why::of_io(&e)),
    }
}

/// What a walk's error skips: a folder that cannot be read, a link loop, a
/// link that leads nowhere (if named as an article would be).
fn walk_error(root: &Path, err: &walkdir::Error) -> Option<Skipped> {
    let path = err.path().unwrap_or(root);
    if path != root && path.file_name().is_some_and(hidden) {
        return None;
    }
    if let Some(ancestor) = err.loop_ancestor() {
        return Some(Skipped::path(path, Why::LinkLoop(ancestor.to_path_buf())));
    }
    let why = match err.io_error() {
        Some(e) if e.kind() == io::ErrorKind::NotFound && is_link(path) => {
            if !read_in_folders(path) {
                return None;
            }
            Why::DanglingLink
        }
        Some(e) => Why::of_io(e),
        None => Why::Io(err.to_string()),
    };
    Some(Skipped::path(path, why))
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// A name opening with a dot: hidden.
fn hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether a file of this name is read when found in a folder: articles and
/// JSON lines (not CSV).
fn read_in_folders(path: &Path) -> bool {
    matches!(kind_of(path), Some(Kind::Article | Kind::JsonLines))
}

/// How a file is read, by its ending; `None` for an ending of no known kind.
fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let ext = ext.as_str();
    if EXTENSIONS.contains(&ext) {
        Some(Kind::Article)
    } else if JSON_LINES.contains(&ext) {
        Some(Kind::JsonLines)
    } else if CSV.contains(&ext) {
        Some(Kind::Csv)
    } else {
        None
    }
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIMPLIFIED: &str = "12月3日，福田区召开区委常委会会议。区委书记张某某主持会议。";
    const TRADITIONAL: &str = "12月3日，福田區召開區委常委會會議。區委書記張某某主持會議。";

    fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} in {}", encoding.name());
        bytes.into_owned()
    }

    /// UTF-16 with its byte-order mark (`encoding_rs` encodes UTF-16 as
    /// UTF-8, as the Encoding Standard has it).
    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn read(bytes: &[u8]) -> (String, Encoding, bool, usize) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{e}"));
        (d.text, d.encoding, d.bom, d.replaced)
    }

    #[test]
    fn every_encoding_of_a_chinese_corpus_is_read() {
        let article = || SIMPLIFIED.to_string();
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SIMPLIFIED.as_bytes());
        let cases = [
            (SIMPLIFIED.as_bytes().to_vec(), Encoding::Utf8, false),
            (bom, Encoding::Utf8, true),
            (utf16(SIMPLIFIED, false), Encoding::Utf16Le, true),
            (utf16(SIMPLIFIED, true), Encoding::Utf16Be, true),
            (
                encoded(encoding_rs::GBK, SIMPLIFIED),
                Encoding::Gb18030,
                false,
            ),
            (
                encoded(encoding_rs::GB18030, SIMPLIFIED),
                Encoding::Gb18030,
                false,
            ),
        ];
        for (bytes, encoding, bom) in cases {
            assert_eq!(read(&bytes), (article(), encoding, bom, 0), "{encoding}");
        }
        let big5 = encoded(encoding_rs::BIG5, TRADITIONAL);
        assert_eq!(
            read(&big5),
            (TRADITIONAL.to_string(), Encoding::Big5, false, 0)
        );
    }

    #[test]
    fn gbk_only_gb18030_has_is_read() {
        // 𠀀 (four bytes in GB18030) and the euro sign.
        let text = "区委书记出席会议𠀀€";
        let bytes = encoded(encoding_rs::GB18030, text);
        assert_eq!(read(&bytes).0, text);
    }

    #[test]
    fn a_few_invalid_bytes_are_replaced_and_counted() {
        let long = SIMPLIFIED.repeat(10);
        let mut bytes = long.as_bytes().to_vec();
        bytes.insert(30, 0xFF);
        // A character cut short: two bytes of three.
        bytes.extend_from_slice(&"会".as_bytes()[..2]);
        let d = decode(&bytes).unwrap();
        assert_eq!(
            (d.encoding, d.replaced, d.invalid_bytes),
            (Encoding::Utf8, 2, 3)
        );
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
        assert_eq!(d.text.replace('\u{FFFD}', ""), long);
        assert_eq!(
            d.warning().as_deref(),
            Some("3 invalid bytes replaced (UTF-8)")
        );

        // One stray byte in a short article too.
        let mut short = SIMPLIFIED.as_bytes().to_vec();
        short.insert(9, 0x80);
        let d = decode(&short).unwrap();
        assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1));
        assert_eq!(
            d.warning().as_deref(),
            Some("1 invalid byte replaced (UTF-8)")
        );

        // And in GBK: a lead byte at the end, with nothing to lead.
        let mut gbk = encoded(encoding_rs::GBK, &long);
        gbk.push(0xB0);
        let d = decode(&gbk).unwrap();
        assert_eq!((d.encoding, d.replaced), (Encoding::Gb18030, 1));
        assert!(d.text.starts_with(&long));

        // A lone surrogate in UTF-16.
        let mut utf16le = utf16(&long, false);
        utf16le.extend_from_slice(&[0x00, 0xD8]);
        let d = decode(&utf16le).unwrap();
        assert_eq!(
            (d.encoding, d.replaced, d.invalid_bytes),
            (Encoding::Utf16Le, 1, 2)
        );
        assert_eq!(d.text, format!("{long}\u{FFFD}"));
    }

    #[test]
    fn beyond_one_character_in_a_hundred_it_is_not_text() {
        // 61 characters: one replaced is tolerated, two are not.
        let mut bytes = SIMPLIFIED.repeat(2).into_bytes();
        bytes.insert(0, 0xFF);
        assert!(decode(&bytes).is_ok());
        bytes.insert(0, 0xFF);
        let not = decode(&bytes).unwrap_err();
        assert!(
            matches!(not, NotText::Invalid { replaced: 2, .. }),
            "{not:?}"
        );
        assert_eq!(
            decode(&[0x81, 0x20, 0xff, 0xff]).map(|d| d.text),
            Err(NotText::Invalid {
                encoding: Encoding::Gb18030,
                replaced: 3,
                chars: 4,
            })
        );
        assert_eq!(
            Why::NotText(decode(&[0x81, 0x20, 0xff, 0xff]).unwrap_err()).to_string(),
            "not text in UTF-8, UTF-16, GB18030 or Big5 \
             (at best 3 of its 4 characters invalid, in GB18030)"
        );
    }

    #[test]
    fn binary_is_refused() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
        ];
        assert_eq!(decode(&png), Err(NotText::Nul));
        assert_eq!(
            NotText::Nul.to_string(),
            "not text (binary: it holds NUL bytes)"
        );
        // NUL is binary in UTF-8 even after its byte-order mark.
        assert_eq!(decode(b"\xEF\xBB\xBF\xE7\xA6\x8F\0"), Err(NotText::Nul));
        // A signature, though no NUL comes before the end.
        assert_eq!(decode(&png[..8]), Err(NotText::Signature("a PNG image")));
        assert_eq!(
            decode(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
            Err(NotText::Signature("a PDF document"))
        );
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00"),
            Err(NotText::Nul),
            "a zip's NUL bytes are found first"
        );
        // Bytes of every value but NUL: control characters everywhere.
        let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 255 + 1) as u8).collect();
        assert!(
            matches!(
                decode(&noise),
                Err(NotText::Control { .. } | NotText::Invalid { .. })
            ),
            "{:?}",
            decode(&noise).map(|d| d.encoding)
        );
        // UTF-32 read as UTF-16LE after its mark: NUL characters.
        let mut utf32 = vec![0xFF, 0xFE, 0, 0];
        for c in "福田区".chars() {
            utf32.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        assert!(matches!(decode(&utf32), Err(NotText::Control { .. })));
    }

    #[test]
    fn a_guess_outside_a_chinese_corpus_is_passed_over_for_gb18030() {
        // Short GBK that chardetng takes for EUC-KR and EUC-JP.
        for (text, guess) in [("领导", encoding_rs::EUC_KR), ("数据", encoding_rs::EUC_JP)] {
            let bytes = encoded(encoding_rs::GBK, text);
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&bytes, true);
            assert_eq!(detector.guess(None, true), guess, "{text}");
            assert_eq!(
                read(&bytes),
                (text.to_string(), Encoding::Gb18030, false, 0)
            );
        }
        // UTF-8 with a stray byte, which it takes for windows-1252.
        let mut bytes = SIMPLIFIED.as_bytes().to_vec();
        bytes.push(0xFF);
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(&bytes, true);
        assert_eq!(detector.guess(None, true), encoding_rs::WINDOWS_1252);
        assert_eq!(read(&bytes).1, Encoding::Utf8);
    }

    #[test]
    fn empty_and_ascii_are_utf8() {
        assert_eq!(read(b""), (String::new(), Encoding::Utf8, false, 0));
        assert_eq!(
            read(b"a\tb\r\n"),
            ("a\tb\r\n".into(), Encoding::Utf8, false, 0)
        );
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode("\u{feff}福田".as_bytes()).unwrap().text, "福田");
    }

    fn temp(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("govgraph-read-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn json_lines_are_listed_and_read_record_by_record() {
        let path = temp(
            "news.jsonl",
            "{\"id\": \"a1\", \"text\": \"甲\", \"title\": \"标题\", \"date\": \"2024-12-11\"}\r\n\
             \n\
             not json\n\
             {\"text\": \"\"}\n\
             {\"text\": \"乙\", \"url\": \"https://example.org/b\", \"id\": 7}\n\
             {\"text\": \"丙\", \"id\": \"a1\"}",
        );
        let listing = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a1", "7", "news.jsonl:6"]);
        assert_eq!(listing.skipped.len(), 2, "{:?}", listing.skipped);
        let skipped: Vec<String> = listing.skipped.iter().map(|s| s.to_string()).collect();
        assert!(skipped[0].contains("news.jsonl:3: not JSON ("));
        assert!(skipped[1].ends_with("news.jsonl:4: no text (field \"text\")"));
        assert_eq!(listing.warnings.len(), 1, "{:?}", listing.warnings);
        assert!(listing.warnings[0].contains("\"a1\" is taken"));
        let read: Vec<SourceFile> = (listing.entries.iter())
            .map(|e| read_entry(e).unwrap())
            .collect();
        assert_eq!(read[0].text, "甲");
        assert_eq!(read[0].meta.title.as_deref(), Some("标题"));
        assert_eq!(read[0].meta.date.as_deref(), Some("2024-12-11"));
        assert_eq!(read[0].meta.file.as_deref(), Some("news.jsonl"));
        assert_eq!(read[1].meta.url.as_deref(), Some("https://example.org/b"));
        assert_eq!(read[2].text, "丙");
    }

    #[test]
    fn csv_columns_are_found_by_name() {
        let path = temp(
            "news.csv",
            "Body,headline,when\n\"甲,\n乙\",标题,2024-12-11\n,空,2024-12-12\n丙,,\n",
        );
        let fields = Fields {
            text: "body".into(),
            title: "headline".into(),
            date: "when".into(),
            ..Fields::default()
        };
        let listing = list(std::slice::from_ref(&path), &fields).unwrap();
        let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["news.csv:2", "news.csv:5"]);
        assert_eq!(listing.skipped.len(), 1);
        let skipped = listing.skipped[0].to_string();
        assert!(skipped.ends_with("news.csv:4: no text (field \"body\")"));
        let first = read_entry(&listing.entries[0]).unwrap();
        assert_eq!(first.text, "甲,\n乙");
        assert_eq!(first.meta.title.as_deref(), Some("标题"));
        assert_eq!(first.meta.date.as_deref(), Some("2024-12-11"));
        let last = read_entry(&listing.entries[1]).unwrap();
        assert_eq!((last.text.as_str(), last.meta.title.clone()), ("丙", None));

        let none = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        assert!(none.entries.is_empty());
        assert!(none.skipped[0].to_string().contains("no column \"text\""));
    }

    #[test]
    fn a_csv_row_is_decoded_in_the_encoding_of_the_whole_row() {
        // 通知 in GBK is valid UTF-8 by chance: alone, it would be misread.
        let title = encoded(encoding_rs::GBK, "通知");
        assert_eq!(read(&title).1, Encoding::Utf8);
        let csv = encoded(
            encoding_rs::GBK,
            &format!("title,text\n通知,{SIMPLIFIED}\n"),
        );
        let dir = std::env::temp_dir().join(format!("govgraph-csv-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gbk.csv");
        fs::write(&path, csv).unwrap();
        let listing = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        let read = read_entry(&listing.entries[0]).unwrap();
        assert_eq!(read.text, SIMPLIFIED);
        assert_eq!(read.meta.title.as_deref(), Some("通知"));
        assert_eq!(read.replaced, None);
        // In UTF-16, read whole and held.
        fs::write(
            &path,
            utf16(&format!("title,text\n通知,{SIMPLIFIED}\n"), false),
        )
        .unwrap();
        let listing = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        assert!(matches!(listing.entries[0].record, Some(Record::Held(_))));
        let read = read_entry(&listing.entries[0]).unwrap();
        assert_eq!(
            (read.name.as_str(), read.text.as_str()),
            ("gbk.csv:2", SIMPLIFIED)
        );
        assert_eq!(read.meta.file.as_deref(), Some("gbk.csv"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_summary_counts_reasons_most_first() {
        let skip = |why: Why| Skipped {
            what: "a.txt".into(),
            why,
        };
        assert_eq!(summary(&[]), None);
        let skipped = [
            skip(Why::NotText(NotText::Signature("a PDF document"))),
            skip(Why::PermissionDenied),
            skip(Why::Io("Input/output error (os error 5)".into())),
            skip(Why::NotText(NotText::Nul)),
            skip(Why::PermissionDenied),
            skip(Why::Io("Stale file handle (os error 116)".into())),
            skip(Why::NotText(NotText::Nul)),
        ];
        assert_eq!(
            summary(&skipped).as_deref(),
            Some("7 skipped: 3 not text, 2 I/O errors, 2 permission denied")
        );
        assert_eq!(
            summary(&skipped[..2]).as_deref(),
            Some("2 skipped: 1 not text, 1 permission denied")
        );
        assert_eq!(
            skip(Why::PermissionDenied).to_string(),
            "skipping a.txt: permission denied"
        );
    }

    #[test]
    fn a_folder_named_as_an_input_is_read_whatever_its_name() {
        let dir = std::env::temp_dir().join(format!("govgraph-walk-{}", std::process::id()));
        let corpus = dir.join(".corpus");
        fs::create_dir_all(corpus.join(".hidden")).unwrap();
        fs::write(corpus.join("a.txt"), "福田区").unwrap();
        fs::write(corpus.join(".b.txt"), "福田区").unwrap();
        fs::write(corpus.join(".hidden/c.txt"), "福田区").unwrap();
        let listing = list(std::slice::from_ref(&corpus), &Fields::default()).unwrap();
        let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt"]);
        assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unknown_ending_is_read_whole_with_a_warning() {
        let path = temp("notes.json", "福田区");
        let listing = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        assert_eq!(listing.entries.len(), 1);
        assert_eq!(listing.entries[0].record, None);
        assert!(listing.warnings[0].contains("notes.json: not a known kind of file"));
    }
}
