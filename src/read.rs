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
//! One unreadable article must not cost the user the rest: a file that cannot
//! be read (permission denied, an I/O error), a dangling symbolic link, a link
//! not followed or leading in a loop, what is not a regular file, a file that
//! is binary or neither UTF-8 nor GB18030 (many Chinese sites still serve GBK),
//! a line that is not a JSON object and a record without text are each
//! [`Skipped`], with the reason, and the rest is read. A path named as an input
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
    #[error("not text (binary: it holds NUL bytes)")]
    Binary,
    #[error("not UTF-8 or GB18030 text")]
    NotDecodable,
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
            Why::Binary | Why::NotDecodable => ("not text", "not text"),
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
            Ok(file) => report.files.push(file),
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
    let mut files: Vec<(String, PathBuf, Kind)> = Vec::new();
    let mut warnings = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if input.as_os_str() == STDIN {
            if files.iter().any(|f| f.2 == Kind::Stdin) {
                return Err(ReadError::StdinTwice);
            }
            files.push(("stdin".into(), input.clone(), Kind::Stdin));
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
            for path in walk(input, follow_links, &mut skipped) {
                let name = relative_name(input, &path);
                let kind = kind_of(&path).unwrap_or(Kind::Article);
                files.push((name, path, kind));
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
            files.push((name, input.clone(), kind));
        }
    }
    // Two inputs may hold files of the same name; evidence must tell them apart.
    let mut seen = HashSet::new();
    for (name, path, _) in &mut files {
        if !seen.insert(name.clone()) {
            *name = path.display().to_string();
        }
    }
    let mut found = Found {
        entries: Vec::new(),
        names: Vec::new(),
        skipped,
        warnings,
    };
    for (name, path, kind) in files {
        match kind {
            Kind::Article => found.push(
                vec![name.clone(), path.display().to_string()],
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
    let reader = match open_regular(path) {
        Ok(f) => BufReader::new(f),
        Err(why) => {
            found.skipped.push(Skipped::path(path, why));
            return;
        }
    };
    let mut last = 0;
    let listed = each_line(
        reader,
        |at, line, bytes| match json_record(bytes, fields) {
            Ok((id, _)) => found.push_record(
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

/// The id and the article of one JSON line, or why it is skipped.
fn json_record(bytes: &[u8], fields: &Fields) -> Result<(Option<String>, Article), Why> {
    let text = text_of(bytes)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| Why::NotJson(e.to_string()))?;
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
    article(
        text,
        [
            field(&fields.id),
            field(&fields.title),
            field(&fields.url),
            field(&fields.date),
            field(&fields.source),
        ],
        fields,
    )
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
        Ok(f) => csv_reader(true, f),
        Err(why) => {
            found.skipped.push(Skipped::path(path, why));
            return;
        }
    };
    let header = match reader.byte_headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            found.skipped.push(Skipped::path(path, csv_why(e)));
            return;
        }
    };
    let header: Vec<String> = header
        .iter()
        .map(|h| decode(h).unwrap_or_default().trim().to_string())
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
            Ok((id, _)) => found.push_record(
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

/// The id and the article of one CSV record, or why it is skipped.
fn csv_record(
    record: &csv::ByteRecord,
    file: &RecordFile,
) -> Result<(Option<String>, Article), Why> {
    let c = &file.columns;
    let field = |column: Option<usize>| -> Result<Option<String>, Why> {
        column.and_then(|i| record.get(i)).map(text_of).transpose()
    };
    let text = field(Some(c.text))?.unwrap_or_default();
    article(
        text,
        [
            field(c.id)?,
            field(c.title)?,
            field(c.url)?,
            field(c.date)?,
            field(c.source)?,
        ],
        &file.fields,
    )
}

/// Lists standard input: JSON lines, or one article.
fn list_stdin(path: &Path, fields: &Fields, found: &mut Found) -> Result<(), ReadError> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(ReadError::Stdin)?;
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii_start())
        .find(|l| !l.is_empty());
    let held = |name: &str, text: String, meta: Metadata| Entry {
        name: String::new(),
        path: path.to_path_buf(),
        record: Some(Record::Held(Arc::new(SourceFile {
            name: name.to_string(),
            path: path.to_path_buf(),
            text,
            meta,
        }))),
    };
    let first = first.map(|l| l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l));
    if first.is_some_and(|l| l.starts_with(b"{")) {
        let each = |_, line, bytes: &[u8]| match json_record(bytes, fields) {
            Ok((id, (text, meta))) => {
                found.push_record(id, "stdin", path, line, held("", text, meta));
            }
            Err(why) => found.skipped.push(Skipped {
                what: format!("stdin:{line}"),
                why,
            }),
        };
        each_line(&bytes[..], each, &mut 0).map_err(ReadError::Stdin)?;
    } else if first.is_some() {
        match text_of(&bytes) {
            Ok(text) => found.push(
                vec!["stdin".into()],
                held("stdin", text, Metadata::default()),
            ),
            Err(why) => found.skipped.push(Skipped {
                what: "stdin".into(),
                why,
            }),
        }
    }
    Ok(())
}

/// Reads one listed article, or tells why it is skipped: it cannot be read
/// (permission denied, an I/O error, no longer a regular file), it is not
/// text, or a record no longer reads as one.
pub fn read_entry(entry: &Entry) -> Result<SourceFile, Skipped> {
    let path = &entry.path;
    let record = |file: &RecordFile, line: u64, parsed: Result<(Option<String>, Article), Why>| {
        parsed
            .map(|(_, (text, mut meta))| {
                meta.file = Some(file.name.clone());
                SourceFile {
                    name: entry.name.clone(),
                    path: path.clone(),
                    text,
                    meta,
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
                .and_then(|mut f| f.read_to_end(&mut bytes).map_err(|e| Why::of_io(&e)))
                .and_then(|_| text_of(&bytes))
                .map(|text| SourceFile {
                    name: entry.name.clone(),
                    path: path.clone(),
                    text,
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

/// The text of bytes, or why they are none: binary (NUL bytes), or neither
/// UTF-8 nor GB18030.
fn text_of(bytes: &[u8]) -> Result<String, Why> {
    if bytes.contains(&0) {
        return Err(Why::Binary);
    }
    decode(bytes).ok_or(Why::NotDecodable)
}

/// Decodes bytes as UTF-8, else as GB18030; `None` when it is neither.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
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

    #[test]
    fn gbk_text_is_decoded() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("区委书记出席会议");
        assert_eq!(decode(&bytes).as_deref(), Some("区委书记出席会议"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]), None);
        assert_eq!(decode(&[0x81, 0x20, 0xff, 0xff]), None);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode("\u{feff}福田".as_bytes()).as_deref(), Some("福田"));
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
    fn a_summary_counts_reasons_most_first() {
        let skip = |why: Why| Skipped {
            what: "a.txt".into(),
            why,
        };
        assert_eq!(summary(&[]), None);
        let skipped = [
            skip(Why::NotDecodable),
            skip(Why::PermissionDenied),
            skip(Why::Io("Input/output error (os error 5)".into())),
            skip(Why::Binary),
            skip(Why::PermissionDenied),
            skip(Why::Io("Stale file handle (os error 116)".into())),
            skip(Why::NotDecodable),
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
