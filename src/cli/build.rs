//! `govgraph build`: articles in, graph files out.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::export::Format;
use crate::merge::Merge;
use crate::pipeline::Pipeline;
use crate::rules::Rules;

/// Build the graph of the articles under INPUT... and write it to DIR.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  govgraph build seeds -o graphs\n  govgraph build seeds examples/articles.jsonl -o out --formats json,dot,graphml\n  govgraph build seeds --follow-links --strict -o out\n  govgraph build seeds --dict examples/names.txt\n  govgraph build seeds -o out --threads 1\n  govgraph build examples/articles.jsonl -o out\n  cat examples/articles.jsonl | govgraph build - -o out\n  govgraph build examples/articles.csv --text-field content --title-field headline --url-field link --date-field published -o out\n  govgraph build seeds -o out && govgraph build examples/articles.jsonl -o out --update"
)]
pub struct BuildArgs {
    /// Files or folders to read (folders recursively: .txt, .md, .html, and
    /// .jsonl or .ndjson with one article a line); a .csv file (one article a
    /// row, under a header row); `-` for standard input (JSON lines, or one
    /// article).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub out: GraphOut,
    /// Add the articles to the graph already in DIR, reading none of the old
    /// ones again (their facts are in DIR/graph.facts.jsonl): the graph is
    /// the one a build of old and new articles together gives. An article
    /// already in it (the same text, title and date) changes nothing.
    #[arg(long)]
    pub update: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Where a graph is written, and in which formats: shared by `build` and
/// `merge`.
#[derive(Debug, Args)]
pub struct GraphOut {
    /// The folder to write graph.json (with its query sidecar graph.json.idx
    /// and the facts it was made of, graph.facts.jsonl) and graph.dot into.
    #[arg(short, long, value_name = "DIR", default_value = "graphs")]
    pub output: PathBuf,
    /// The formats to write, comma-separated (json, dot, and any format `export` knows).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "json,dot"
    )]
    pub formats: Vec<String>,
}

/// How articles are read: shared by `build` and `extract`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// A user dictionary of people, titles, districts, organisations and projects
    /// (repeatable; format in docs/rules.md).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// The year of dates written without one, for articles that give no year
    /// anywhere (no dateline, no front-matter date, no full date): 12月11日
    /// is then YEAR-12-11. Without it such dates stay undated.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    pub year: Option<i32>,
    /// The date of publication of articles whose front matter or record gives
    /// none (a day: 2024-12-11, 2024/12/11, 2024年12月11日); it dates them as a
    /// dateline does, so 昨日 and 12月10日 are read against it.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Threads to read articles on, up to 256 (default, or 0: one per core).
    /// The graph is the same for any number.
    #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true,
          value_parser = clap::value_parser!(u16).range(0..=256))]
    pub threads: u16,
    /// The field (JSON key or CSV column) of a record's text; a record without
    /// it is skipped.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// The field of a record's id, which names it in evidence (else FILE:LINE).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// The field of a record's title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// The field of a record's address.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// The field of a record's date of publication, which dates the article
    /// as a dateline does (2024-12-11, 2024/12/11 or 2024年12月11日, a time
    /// after it allowed).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// The field of a record's outlet.
    #[arg(long, value_name = "NAME", default_value = "source")]
    pub source_field: String,
    /// Follow symbolic links inside folders (a link named as an INPUT is
    /// always followed). A link that leads back into a folder it is in is
    /// skipped with a warning, never walked twice. Without this flag a link
    /// in a folder is skipped with a warning.
    #[arg(long)]
    pub follow_links: bool,
    /// Fail when anything is skipped (a file that cannot be read, is not
    /// text or not a regular file, a symbolic link not followed, dangling or
    /// in a loop, a bad record): exit status 1 and no graph written. Without it, what is skipped is warned
    /// of, counted on the last line, and the graph built from the rest.
    #[arg(long)]
    pub strict: bool,
    /// The most time one article may take to read, in seconds (fractions
    /// allowed): an article still being read then is skipped with a warning,
    /// and the build goes on. Articles of the genre take well under a second.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0,
          value_parser = seconds)]
    pub max_file_seconds: f64,
    /// The largest article read: a larger file (or JSON Lines record) is
    /// skipped unread with a warning. Bytes, or with a unit: 64MiB, 500K, 1G
    /// (K, M, G are powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = size)]
    pub max_file_size: u64,
}

/// A size in bytes: a number, with K, M or G (KiB, MiB, GiB: powers of
/// 1024; a trailing B or iB allowed).
fn size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("{text:?} is not a size (64MiB, 500K, 1G, 1048576)")),
    };
    number
        .parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("{text:?} is not a size (64MiB, 500K, 1G, 1048576)"))
}

/// A positive number of seconds, up to a day.
fn seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!(
            "{text:?} is not a number of seconds between 0 and 86400"
        )),
    }
}

impl ReadArgs {
    /// The names of a record's fields.
    pub(super) fn fields(&self) -> crate::read::Fields {
        crate::read::Fields {
            text: self.text_field.clone(),
            id: self.id_field.clone(),
            title: self.title_field.clone(),
            url: self.url_field.clone(),
            date: self.date_field.clone(),
            source: self.source_field.clone(),
        }
    }
}

impl ReadArgs {
    /// The day --date gives, checked: a month or a year is refused.
    pub(super) fn day(&self) -> anyhow::Result<Option<String>> {
        match self.date.as_deref().map(crate::query::DateSpan::parse) {
            Some(Ok(span)) if span.is_day() => Ok(Some(span.first)),
            Some(_) => Err(super::usage_error(format!(
                "bad date {:?} for --date: give a day (2024-12-11, 2024/12/11, 2024年12月11日)",
                self.date.as_deref().unwrap_or_default().trim()
            ))),
            None => Ok(None),
        }
    }

    /// The rules (with the user's dictionaries) and the pipeline they make.
    pub(super) fn pipeline(&self) -> anyhow::Result<Pipeline> {
        let date = self.day()?;
        let rules = Rules::load(&self.dicts)?;
        Ok(Pipeline::new(rules)
            .with_year(self.year)
            .with_date(date)
            .with_threads(usize::from(self.threads))
            .with_time_limit(Some(std::time::Duration::from_secs_f64(
                self.max_file_seconds,
            )))
            .with_max_file_size(self.max_file_size))
    }

    /// The articles under `inputs`, and what was skipped listing them (each
    /// warned of); with --strict, anything skipped is an error.
    pub(super) fn list(
        &self,
        inputs: &[PathBuf],
    ) -> anyhow::Result<(Vec<crate::read::Entry>, Vec<crate::read::Skipped>)> {
        let listing = crate::read::list_with(inputs, &self.fields(), self.follow_links)?;
        for warning in &listing.warnings {
            eprintln!("govgraph: warning: {warning}");
        }
        for skipped in &listing.skipped {
            eprintln!("govgraph: warning: {skipped}");
        }
        strict(self.strict, &listing.skipped)?;
        Ok((listing.entries, listing.skipped))
    }
}

pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let formats = formats(&args.out.formats)?;
    args.read.day()?;
    // Before any work: an output folder that cannot be written fails now, not
    // after an hour of reading; what killed builds left in it goes.
    let out = prepare(&args.out.output, args.quiet)?;
    // --update: the records of the graph already there.
    let mut merge = Merge::new();
    let facts = args.out.output.join(crate::merge::FACTS_FILE);
    if args.update {
        if facts.is_file() {
            merge.read_path(&facts)?;
        } else if !args.quiet {
            eprintln!(
                "govgraph: {} holds no graph to update yet, so this builds one",
                args.out.output.display()
            );
        }
    }
    let before = merge.len();
    let (entries, mut skipped) = args.read.list(&args.inputs)?;
    if entries.is_empty() {
        tally(0, &skipped);
        anyhow::bail!(
            "no articles (.txt, .md, .html, or records in .jsonl, .csv) found in the inputs"
        );
    }
    let bar = Bar::new(entries.len(), args.quiet);
    let pipeline = args.read.pipeline()?.with_reading_counter(bar.counter());
    let mut built = pipeline.update_entries(merge, &entries, |p| bar.update(p));
    bar.finish();
    for warning in &built.warnings {
        eprintln!("govgraph: warning: {warning}");
    }
    for skip in &built.skipped {
        eprintln!("govgraph: warning: {skip}");
    }
    skipped.extend(built.skipped);
    strict(args.read.strict, &skipped)?;
    if built.documents == 0 {
        tally(0, &skipped);
        anyhow::bail!(
            "no articles (.txt, .md, .html, or records in .jsonl, .csv) could be read in the inputs"
        );
    }
    clashes(&built.clashes);
    let facts = std::mem::take(&mut built.facts);
    let graph = &built.graph;
    let total = built.documents;
    let new = built.records - before;
    write_outputs(
        out,
        graph,
        facts,
        &formats,
        &args.inputs,
        &args.out.output,
        args.quiet,
    )?;
    if !args.quiet {
        let articles = if total == 1 { "article" } else { "articles" };
        let copies = total - new;
        let mut line = format!("govgraph: {total} {articles}");
        if copies > 0 {
            let (what, verb) = if copies == 1 {
                ("one", "was")
            } else {
                ("ones", "were")
            };
            line.push_str(&format!(
                " ({copies} the same as {what} that {verb} already in)"
            ));
        }
        if args.update {
            line.push_str(&format!("; the graph holds {}", built.records));
        }
        eprintln!(
            "{line}, {} nodes, {} edges",
            graph.node_count(),
            graph.edge_count()
        );
        undated_note(graph, args.read.year.is_some());
    }
    // Last, as warnings are printed even when --quiet: what was skipped.
    tally(total, &skipped);
    Ok(ExitCode::SUCCESS)
}

/// The formats named, each once, in one order whatever the order given: the
/// manifest lists the same formats for the same files.
pub(super) fn formats(names: &[String]) -> anyhow::Result<Vec<Format>> {
    let mut formats = names
        .iter()
        .map(|f| Format::parse(f.trim()))
        .collect::<Result<Vec<_>, _>>()?;
    formats.sort_by_key(|f| Format::ALL.iter().position(|a| a == f));
    formats.dedup();
    Ok(formats)
}

/// The output folder, ready to be written (leftovers of killed runs removed).
pub(super) fn prepare(
    dir: &std::path::Path,
    quiet: bool,
) -> anyhow::Result<crate::output::OutputDir> {
    let out = crate::output::OutputDir::prepare(dir)?;
    if out.cleaned > 0 && !quiet {
        eprintln!(
            "govgraph: removed {} {} of interrupted builds from {}",
            out.cleaned,
            if out.cleaned == 1 {
                "leftover"
            } else {
                "leftovers"
            },
            dir.display()
        );
    }
    Ok(out)
}

/// Warns of document names two different articles share.
pub(super) fn clashes<'a>(names: impl IntoIterator<Item = &'a String>) {
    for name in names {
        eprintln!(
            "govgraph: warning: {name} names two different articles, both kept (an article edited since? build again from the articles to replace it)"
        );
    }
}

/// Says how many events have no date, and what would date them.
pub(super) fn undated_note(graph: &crate::graph::GovGraph, year_given: bool) {
    let undated = graph
        .nodes()
        .iter()
        .filter(|n| n.kind == crate::graph::NodeKind::Event && n.date.is_none())
        .count();
    if undated > 0 {
        let (noun, verb) = if undated == 1 {
            ("event", "has")
        } else {
            ("events", "have")
        };
        eprintln!(
            "govgraph: {undated} {noun} {verb} no date: their articles give no day or year{}",
            if year_given {
                ""
            } else {
                " (--year YEAR supplies a year)"
            }
        );
    }
}

/// The write phase: every format, and the records the graph was resolved
/// from (graph.facts.jsonl, what --update and `merge` add to), into the
/// temporary folder of `out`, then moved into it as a set, the manifest last
/// ([`crate::output`]); then `.govgraph` names the new graph.json. The
/// records are written first and dropped before any format is rendered, so
/// the two are never in memory together.
pub(super) fn write_outputs(
    out: crate::output::OutputDir,
    graph: &crate::graph::GovGraph,
    facts: Vec<u8>,
    formats: &[Format],
    inputs: &[PathBuf],
    dir: &std::path::Path,
    quiet: bool,
) -> anyhow::Result<()> {
    let mut staging = out.stage()?;
    staging.add(crate::merge::FACTS_FILE, &facts)?;
    // One record a line, one line an article.
    let records = facts.iter().filter(|&&b| b == b'\n').count();
    drop(facts);
    for &format in formats {
        staging.add_format(graph, format, &Default::default())?;
    }
    let manifest = crate::output::Manifest::new(formats, inputs, records);
    let written = staging.commit(Some(manifest))?;
    if !quiet {
        for path in written {
            eprintln!("govgraph: wrote {}", path.display());
        }
    }
    // `query`, `export` and `changes` run here read this graph from now on.
    if formats.contains(&Format::Json)
        && let Err(err) = super::record_graph(&dir.join("graph.json"))
    {
        eprintln!("govgraph: warning: {err:#}");
    }
    Ok(())
}

/// With --strict, anything skipped ends the build before anything is written.
pub(super) fn strict(strict: bool, skipped: &[crate::read::Skipped]) -> anyhow::Result<()> {
    match crate::read::summary(skipped) {
        Some(summary) if strict => anyhow::bail!("--strict: {summary}, so no graph is written"),
        _ => Ok(()),
    }
}

/// The line that counts what was read and skipped, when anything was skipped:
/// `govgraph: 412 read, 3 skipped: 2 permission denied, 1 not text`.
pub(super) fn tally(read: usize, skipped: &[crate::read::Skipped]) {
    if let Some(summary) = crate::read::summary(skipped) {
        eprintln!("govgraph: {read} read, {summary}");
    }
}

/// The progress bar on stderr: articles done (a batch at a time), and the
/// megabytes of text read, sentence by sentence, so that it moves within a
/// large article too (a ticker thread reads the counter four times a second).
pub(super) struct Bar {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    /// Bytes of text read so far, counted by the pipeline.
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Articles done, as the last batch reported.
    done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Bar {
    /// The bar's look: while reading, and after (merging the facts).
    const READING: &str =
        "{spinner} [{elapsed_precise}] [{bar:30}] {human_pos}/{human_len} articles  {msg}";
    const LINKING: &str = "{spinner} [{elapsed_precise}] {msg}";

    pub(super) fn new(total: usize, quiet: bool) -> Bar {
        use std::io::IsTerminal;
        use std::sync::Arc;
        let read = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            Bar::style(&bar, Bar::READING);
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        let ticker = bar.clone().map(|bar| {
            let (read, done, stop) = (read.clone(), done.clone(), stop.clone());
            let started = std::time::Instant::now();
            std::thread::spawn(move || {
                use std::sync::atomic::Ordering::Relaxed;
                while !stop.load(Relaxed) {
                    let done = done.load(Relaxed);
                    if done < total {
                        bar.set_message(Bar::reading(
                            read.load(Relaxed),
                            done,
                            total,
                            started.elapsed().as_secs_f64(),
                        ));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
            })
        });
        Bar {
            bar,
            total,
            read,
            done,
            stop,
            ticker,
        }
    }

    /// The counter the pipeline adds the bytes of each sentence to.
    pub(super) fn counter(&self) -> std::sync::Arc<std::sync::atomic::AtomicU64> {
        self.read.clone()
    }

    /// "12.3 MB  4.1 MB/s  310 articles/s  1m 20s left": the time left from
    /// the article rate once a batch is done, else none yet.
    fn reading(bytes: u64, done: usize, total: usize, secs: f64) -> String {
        let secs = secs.max(0.001);
        let mb = bytes as f64 / 1e6;
        let mut msg = format!("{mb:.1} MB  {:.1} MB/s", mb / secs);
        if done > 0 {
            let rate = done as f64 / secs;
            let left = ((total - done) as f64 / rate).round() as u64;
            msg.push_str(&format!(
                "  {rate:.0} articles/s  {}m {:02}s left",
                left / 60,
                left % 60
            ));
        }
        msg
    }

    fn style(bar: &indicatif::ProgressBar, template: &str) {
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
    }

    pub(super) fn update(&self, p: crate::pipeline::Progress) {
        self.done
            .store(p.documents, std::sync::atomic::Ordering::Relaxed);
        let Some(bar) = &self.bar else {
            return;
        };
        bar.set_position(p.documents as u64);
        if p.documents >= self.total {
            Bar::style(bar, Bar::LINKING);
            bar.set_message(format!(
                "{} articles, {:.1} MB read; merging their facts",
                p.documents,
                p.bytes as f64 / 1e6
            ));
        }
    }

    /// Stops the ticker and clears the bar, so that the summary follows on a
    /// clean line.
    pub(super) fn finish(mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bar;

    #[test]
    fn sizes_read_with_their_units() {
        assert_eq!(super::size("64MiB"), Ok(64 << 20));
        assert_eq!(super::size("500K"), Ok(500 << 10));
        assert_eq!(super::size("1g"), Ok(1 << 30));
        assert_eq!(super::size("1048576"), Ok(1 << 20));
        assert!(super::size("0").is_err());
        assert!(super::size("12 parsecs").is_err());
        assert!(super::size("99999999999G").is_err());
    }

    #[test]
    fn the_bar_gives_rates_and_the_time_left_once_articles_are_done() {
        assert_eq!(Bar::reading(3_000_000, 0, 10, 2.0), "3.0 MB  1.5 MB/s");
        assert_eq!(
            Bar::reading(3_000_000, 4, 10, 2.0),
            "3.0 MB  1.5 MB/s  2 articles/s  0m 03s left"
        );
    }
}
