//! `govgraph extract`: articles in, one JSON Lines record of facts per
//! article out (the map step; `govgraph merge` is the reduce).

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::build::{Bar, ReadArgs, strict, tally};
use crate::merge::Record;
use crate::output::AtomicFile;

/// Read articles, each alone, and write one JSON Lines record of facts per
/// article.
#[derive(Debug, Args)]
#[command(
    after_help = "Records are in the order the articles are listed; `govgraph merge` makes a graph of any set of them.\n\nExamples:\n  govgraph extract seeds -o seeds.facts.jsonl\n  govgraph extract seeds | head -c 300\n  cat examples/articles.jsonl | govgraph extract - > new.facts.jsonl\n  govgraph extract seeds -o a.jsonl && govgraph extract examples/articles.jsonl -o b.jsonl && govgraph merge a.jsonl b.jsonl -o out"
)]
pub struct ExtractArgs {
    /// Files or folders to read, as `build` reads them; `-` for standard
    /// input, read a line at a time when it holds JSON lines (memory then
    /// holds one batch of records, however long the stream).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the records to FILE (whole or not at all) instead of standard
    /// output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let pipeline = args.read.pipeline()?;
    let mut out = Output::open(args.output.as_deref())?;
    let mut failed: Option<std::io::Error> = None;
    let mut sink = |record: Record| {
        if failed.is_none()
            && let Err(err) = out.write_record(&record)
        {
            failed = Some(err);
        }
    };
    let stdin_alone = args.inputs.len() == 1 && args.inputs[0] == Path::new("-");
    let stdin = std::io::stdin();
    let mut stream = std::io::BufReader::with_capacity(1 << 16, stdin.lock());
    let (mut skipped, extracted) = if stdin_alone && opens_json(&mut stream)? {
        let records =
            crate::read::json_lines(stream, "stdin", args.read.fields(), args.read.max_file_size);
        let spinner = Spinner::new(args.quiet);
        let extracted = pipeline.extract_stream(records, |p| spinner.update(p), &mut sink);
        spinner.finish();
        (Vec::new(), extracted)
    } else {
        drop(stream);
        let (entries, skipped) = args.read.list(&args.inputs)?;
        let bar = Bar::new(entries.len(), args.quiet);
        let pipeline = pipeline.with_reading_counter(bar.counter());
        let extracted = pipeline.extract_entries(&entries, |p| bar.update(p), &mut sink);
        bar.finish();
        (skipped, extracted)
    };
    if let Some(err) = failed {
        return Err(anyhow::Error::new(err).context("writing the records"));
    }
    for warning in &extracted.warnings {
        eprintln!("govgraph: warning: {warning}");
    }
    for skip in &extracted.skipped {
        eprintln!("govgraph: warning: {skip}");
    }
    skipped.extend(extracted.skipped);
    strict(args.read.strict, &skipped)?;
    let written = out.finish()?;
    if !args.quiet {
        let n = extracted.documents;
        let articles = if n == 1 { "article" } else { "articles" };
        match written {
            Some(path) => eprintln!("govgraph: {n} {articles}, wrote {}", path.display()),
            None => eprintln!("govgraph: {n} {articles}"),
        }
    }
    tally(extracted.documents, &skipped);
    Ok(ExitCode::SUCCESS)
}

/// Progress over a stream of unknown length, on stderr when it is a
/// terminal: articles and megabytes read so far, a batch at a time.
struct Spinner(Option<indicatif::ProgressBar>);

impl Spinner {
    fn new(quiet: bool) -> Spinner {
        use std::io::IsTerminal;
        Spinner((!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
            {
                bar.set_style(style);
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        }))
    }

    fn update(&self, p: crate::pipeline::Progress) {
        if let Some(bar) = &self.0 {
            let secs = bar.elapsed().as_secs_f64().max(0.001);
            let mb = p.bytes as f64 / 1e6;
            bar.set_message(format!(
                "{} articles, {mb:.1} MB  {:.1} MB/s",
                p.documents,
                mb / secs
            ));
        }
    }

    fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

/// True when the stream's first character that is not white space (after a
/// byte-order mark) opens a JSON object. Reads nothing from the stream.
fn opens_json(stream: &mut impl BufRead) -> anyhow::Result<bool> {
    let buf = stream
        .fill_buf()
        .map_err(|e| anyhow::Error::new(e).context("reading standard input"))?;
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    Ok(buf
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{'))
}

/// Where records go: standard output, or a file written whole or not at all.
enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(AtomicFile),
}

impl Output {
    fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout(std::io::BufWriter::new(std::io::stdout())));
        };
        if path.file_name().is_none() {
            anyhow::bail!("{} names no file to write", path.display());
        }
        let file = AtomicFile::create(path)
            .map_err(|e| anyhow::Error::new(e).context(format!("writing {}", path.display())))?;
        Ok(Output::File(file))
    }

    fn write_record(&mut self, record: &Record) -> std::io::Result<()> {
        let line = record.to_json();
        let w: &mut dyn Write = match self {
            Output::Stdout(w) => w,
            Output::File(file) => file,
        };
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")
    }

    /// Flushes; a file is synced and renamed into place. The path written.
    fn finish(self) -> anyhow::Result<Option<PathBuf>> {
        match self {
            Output::Stdout(mut w) => {
                w.flush()?;
                Ok(None)
            }
            Output::File(file) => {
                let path = file.path().to_path_buf();
                file.commit().map_err(|e| {
                    anyhow::Error::new(e).context(format!("writing {}", path.display()))
                })?;
                Ok(Some(path))
            }
        }
    }
}
