//! Reading articles from files, folders, record files and standard input.
//!
//! Folders are read recursively in sorted order (so a build never depends on the
//! order the file system lists things in) and only article files (`.txt`, `.md`,
//! `.html`) and JSON-lines files (`.jsonl`, `.ndjson`) are taken; a CSV file is
//! read only when named, since a folder's CSV files are more often tables than
//! articles (an export's `nodes.csv`). A file named explicitly whose ending is
//! none of these is read as one plain-text article, with a warning.
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
//! One unreadable article must not cost the user the rest: a file that is
//! neither UTF-8 nor GB18030 (many Chinese sites still serve GBK), a line that
//! is not a JSON object and a record without text are skipped with a warning
//! naming the file (and line). A path that does not exist, on the other hand,
//! is an error: the user mistyped something.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

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

/// The articles under the inputs, and what was skipped or doubtful on the way.
#[derive(Debug, Default)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub warnings: Vec<String>,
}

/// What reading the inputs gave: the articles, and the files skipped on the way.
#[derive(Debug, Default)]
pub struct ReadReport {
    pub files: Vec<SourceFile>,
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: no such file or folder", .0.display())]
    Missing(PathBuf),
    #[error("reading {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
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
        warnings: listing.warnings,
    };
    for entry in listing.entries {
        match read_entry(&entry)? {
            Ok(file) => report.files.push(file),
            Err(warning) => report.warnings.push(warning),
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

/// The articles under `inputs`, in order, without reading their texts:
/// folders recursively and sorted, files as given, record files record by
/// record. Names are unique: where two inputs hold files of one name, the later
/// is named by its path; a record whose id is taken is named `FILE:LINE`.
pub fn list(inputs: &[PathBuf], fields: &Fields) -> Result<Listing, ReadError> {
    let mut files: Vec<(String, PathBuf, Kind)> = Vec::new();
    let mut warnings = Vec::new();
    for input in inputs {
        if input.as_os_str() == STDIN {
            if files.iter().any(|f| f.2 == Kind::Stdin) {
                return Err(ReadError::StdinTwice);
            }
            files.push(("stdin".into(), input.clone(), Kind::Stdin));
            continue;
        }
        if !input.exists() {
            return Err(ReadError::Missing(input.clone()));
        }
        if input.is_dir() {
            let mut paths = Vec::new();
            walk(input, &mut paths)?;
            paths.sort();
            for path in paths {
                let name = relative_name(input, &path);
                let kind = kind_of(&path).unwrap_or(Kind::Article);
                files.push((name, path, kind));
            }
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
            Kind::JsonLines => list_json_lines(&name, &path, fields, &mut found)?,
            Kind::Csv => list_csv(&name, &path, fields, &mut found)?,
            Kind::Stdin => list_stdin(&path, fields, &mut found)?,
        }
    }
    Ok(found.named())
}

/// Entries found, each with the names it may take, best first, and whether
/// the first is a record's id.
struct Found {
    entries: Vec<Entry>,
    names: Vec<(Vec<String>, bool)>,
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
            warnings: self.warnings,
        }
    }
}

/// Lists the records of the JSON-lines file `path`, named `name`.
fn list_json_lines(
    name: &str,
    path: &Path,
    fields: &Fields,
    found: &mut Found,
) -> Result<(), ReadError> {
    let io_error = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = Arc::new(RecordFile {
        name: name.to_string(),
        fields: fields.clone(),
        columns: Columns::default(),
    });
    let reader = BufReader::new(File::open(path).map_err(io_error)?);
    each_line(reader, |at, line, bytes| match json_record(bytes, fields) {
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
        Err(why) => found
            .warnings
            .push(format!("skipping {}:{line}: {why}", path.display())),
    })
    .map_err(io_error)
}

/// Calls `f` with the byte offset, number (from 1) and bytes (without the line
/// break) of every line of `reader` that is not blank.
fn each_line(mut reader: impl BufRead, mut f: impl FnMut(u64, u64, &[u8])) -> io::Result<()> {
    let mut buf = Vec::new();
    let (mut at, mut line) = (0u64, 0u64);
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            f(at, line, bytes);
        }
        at += n as u64;
    }
}

/// The id and the article of one JSON line, or why it is skipped.
fn json_record(bytes: &[u8], fields: &Fields) -> Result<(Option<String>, Article), String> {
    let text = decode(bytes).ok_or("not UTF-8 or GB18030 text")?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(map) = value else {
        return Err("not a JSON object".into());
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
) -> Result<(Option<String>, Article), String> {
    if text.trim().is_empty() {
        return Err(format!("no text (field {:?})", fields.text));
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
fn list_csv(name: &str, path: &Path, fields: &Fields, found: &mut Found) -> Result<(), ReadError> {
    let io_error = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let csv_error = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(source) => io_error(source),
        other => io_error(io::Error::other(format!("{other:?}"))),
    };
    let mut reader = csv_reader(true, File::open(path).map_err(io_error)?);
    let header = reader.byte_headers().map_err(csv_error)?.clone();
    let header: Vec<String> = header
        .iter()
        .map(|h| decode(h).unwrap_or_default().trim().to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(text) = column(&fields.text) else {
        found.warnings.push(format!(
            "skipping {}: no column {:?} for the text (its columns: {})",
            path.display(),
            fields.text,
            header.join(", ")
        ));
        return Ok(());
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
    while reader.read_byte_record(&mut record).map_err(csv_error)? {
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
            Err(why) => found
                .warnings
                .push(format!("skipping {}:{line}: {why}", path.display())),
        }
    }
    Ok(())
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
) -> Result<(Option<String>, Article), String> {
    let c = &file.columns;
    let field = |column: Option<usize>| -> Result<Option<String>, String> {
        match column.and_then(|i| record.get(i)) {
            Some(bytes) => decode(bytes)
                .map(Some)
                .ok_or_else(|| "not UTF-8 or GB18030 text".to_string()),
            None => Ok(None),
        }
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
        each_line(&bytes[..], |_, line, bytes| {
            match json_record(bytes, fields) {
                Ok((id, (text, meta))) => {
                    found.push_record(id, "stdin", path, line, held("", text, meta));
                }
                Err(why) => found.warnings.push(format!("skipping stdin:{line}: {why}")),
            }
        })
        .map_err(ReadError::Stdin)?;
    } else if first.is_some() {
        match decode(&bytes) {
            Some(text) => found.push(
                vec!["stdin".into()],
                held("stdin", text, Metadata::default()),
            ),
            None => found
                .warnings
                .push("skipping stdin: not UTF-8 or GB18030 text".into()),
        }
    }
    Ok(())
}

/// Reads one listed article: `Ok(Err(warning))` when it is skipped (not
/// UTF-8 or GB18030, or a record that no longer reads as one), an error when
/// it cannot be read at all.
pub fn read_entry(entry: &Entry) -> Result<Result<SourceFile, String>, ReadError> {
    let io_error = |source| ReadError::Io {
        path: entry.path.clone(),
        source,
    };
    let read = |file: &RecordFile, line: u64, parsed: Result<(Option<String>, Article), String>| {
        parsed
            .map(|(_, (text, mut meta))| {
                meta.file = Some(file.name.clone());
                SourceFile {
                    name: entry.name.clone(),
                    path: entry.path.clone(),
                    text,
                    meta,
                }
            })
            .map_err(|why| format!("skipping {}:{line}: {why}", entry.path.display()))
    };
    Ok(match &entry.record {
        None => {
            let bytes = fs::read(&entry.path).map_err(io_error)?;
            match decode(&bytes) {
                Some(text) => Ok(SourceFile {
                    name: entry.name.clone(),
                    path: entry.path.clone(),
                    text,
                    meta: Metadata {
                        file: Some(entry.name.clone()),
                        ..Metadata::default()
                    },
                }),
                None => Err(format!(
                    "skipping {}: not UTF-8 or GB18030 text",
                    entry.path.display()
                )),
            }
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
            let mut f = File::open(&entry.path).map_err(io_error)?;
            f.seek(SeekFrom::Start(*at)).map_err(io_error)?;
            f.read_exact(&mut bytes).map_err(io_error)?;
            read(file, *line, json_record(&bytes, &file.fields))
        }
        Some(Record::Csv { file, at, line }) => {
            let mut f = File::open(&entry.path).map_err(io_error)?;
            f.seek(SeekFrom::Start(*at)).map_err(io_error)?;
            let mut record = csv::ByteRecord::new();
            let got = csv_reader(false, BufReader::new(f)).read_byte_record(&mut record);
            match got {
                Ok(true) => read(file, *line, csv_record(&record, file)),
                Ok(false) => read(file, *line, Err("the record is gone".into())),
                Err(e) => read(file, *line, Err(format!("not CSV ({e})"))),
            }
        }
    })
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let entries = fs::read_dir(dir).map_err(|source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| ReadError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(kind_of(&path), Some(Kind::Article | Kind::JsonLines)) {
            out.push(path);
        }
    }
    Ok(())
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
        assert_eq!(listing.warnings.len(), 3, "{:?}", listing.warnings);
        assert!(listing.warnings[0].contains("news.jsonl:3: not JSON ("));
        assert!(listing.warnings[1].ends_with("news.jsonl:4: no text (field \"text\")"));
        assert!(listing.warnings[2].contains("\"a1\" is taken"));
        let read: Vec<SourceFile> = (listing.entries.iter())
            .map(|e| read_entry(e).unwrap().unwrap())
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
        assert_eq!(listing.warnings.len(), 1);
        assert!(listing.warnings[0].ends_with("news.csv:4: no text (field \"body\")"));
        let first = read_entry(&listing.entries[0]).unwrap().unwrap();
        assert_eq!(first.text, "甲,\n乙");
        assert_eq!(first.meta.title.as_deref(), Some("标题"));
        assert_eq!(first.meta.date.as_deref(), Some("2024-12-11"));
        let last = read_entry(&listing.entries[1]).unwrap().unwrap();
        assert_eq!((last.text.as_str(), last.meta.title.clone()), ("丙", None));

        let none = list(std::slice::from_ref(&path), &Fields::default()).unwrap();
        assert!(none.entries.is_empty());
        assert!(none.warnings[0].contains("no column \"text\""));
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
