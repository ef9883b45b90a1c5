//! Reading articles from files and folders.
//!
//! Folders are read recursively in sorted order (so a build never depends on the
//! order the file system lists things in) and only `.txt`, `.md` and `.html`
//! files are taken. One unreadable article must not cost the user the rest of a
//! folder: a file that is neither UTF-8 nor GB18030 (many Chinese sites still
//! serve GBK) is skipped with a warning that names it. A path that does not
//! exist, on the other hand, is an error: the user mistyped something.

use std::fs;
use std::path::{Path, PathBuf};

/// File endings read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// One article as read from disk, decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name evidence refers to: the path relative to the input folder, or the
    /// file name for a file given directly.
    pub name: String,
    pub path: PathBuf,
    pub text: String,
}

/// An article found under the inputs, not yet read: its name for evidence and
/// its path. Listing first lets a build read one article at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
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
}

/// Reads every article under `inputs`.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<ReadReport, ReadError> {
    let mut report = ReadReport::default();
    for entry in list_inputs(inputs)? {
        match read_entry(&entry)? {
            Ok(file) => report.files.push(file),
            Err(warning) => report.warnings.push(warning),
        }
    }
    Ok(report)
}

/// The articles under `inputs`, in order, without reading them: folders
/// recursively and sorted, files as given. Names are unique: where two inputs
/// hold files of one name, the later is named by its path.
pub fn list_inputs(inputs: &[PathBuf]) -> Result<Vec<Entry>, ReadError> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.exists() {
            return Err(ReadError::Missing(input.clone()));
        }
        if input.is_dir() {
            let mut paths = Vec::new();
            walk(input, &mut paths)?;
            paths.sort();
            for path in paths {
                let name = relative_name(input, &path);
                out.push(Entry { name, path });
            }
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| input.display().to_string());
            out.push(Entry {
                name,
                path: input.clone(),
            });
        }
    }
    // Two inputs may hold files of the same name; evidence must tell them apart.
    let mut seen = std::collections::HashSet::new();
    for entry in &mut out {
        if !seen.insert(entry.name.clone()) {
            entry.name = entry.path.display().to_string();
        }
    }
    Ok(out)
}

/// Reads one listed article: `Ok(Err(warning))` when it is neither UTF-8 nor
/// GB18030 and is skipped, an error when it cannot be read at all.
pub fn read_entry(entry: &Entry) -> Result<Result<SourceFile, String>, ReadError> {
    let bytes = fs::read(&entry.path).map_err(|source| ReadError::Io {
        path: entry.path.clone(),
        source,
    })?;
    Ok(match decode(&bytes) {
        Some(text) => Ok(SourceFile {
            name: entry.name.clone(),
            path: entry.path.clone(),
            text,
        }),
        None => Err(format!(
            "skipping {}: not UTF-8 or GB18030 text",
            entry.path.display()
        )),
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
        } else if has_article_extension(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
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
}
