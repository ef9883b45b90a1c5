//! `govgraph query`: questions against a built graph.
//!
//! The graph comes from `--graph FILE`, else `$GOVGRAPH_GRAPH`, else the graph
//! the last `govgraph build` in the working folder wrote (named in `.govgraph`),
//! else `graphs/graph.json` ([`super::GraphLocation`]), or is built in memory
//! from `--input PATH`. Each question is one subcommand that calls one function
//! of [`crate::query`] and prints its answer as a table, JSON or CSV. A name that
//! designates nothing or several things, or a date that is not one, is a usage
//! error: one line on stderr and exit status 2. Dates are checked before any
//! graph is read ([`super::date_option`]).
//!
//! A graph.json is read through its sidecar, graph.json.idx, when it has a
//! valid one ([`crate::graph::sidecar`]): without the evidence sentences when
//! the answer shows none, else with placeholders that are swapped for the
//! sentences, read from graph.json, once the answer is formatted. Any trouble
//! with the sidecar falls back to parsing graph.json; the output is the same.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::{ExitWith, GRAPH_HELP, GraphLocation, date_option, date_range, print_out};
use crate::graph::sidecar::{self, EvidenceTexts, TextError, Wanted};
use crate::graph::{GovGraph, Relation};
use crate::query::{self, QueryError, Render};

/// Ask a built graph a question.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  govgraph query officials --district 龙岗区 --on 2024-04-24
  govgraph query attended --person 黄伟 --evidence
  govgraph query attendees --date 2024-12-13 --district 宝安区
  govgraph query met --person 黄伟 --format json
  govgraph query path 黄伟 周江涛
  govgraph query --input seeds stats

Dates: a day (2024-12-11, 2024/12/11, 2024.12.11, 2024年12月11日), a month
(2024-12, 2024/12, 2024年12月) or a year (2024, 2024年); full-width digits too.
--from takes a month's or year's first day, --to and --on its last.")]
pub struct QueryArgs {
    #[command(subcommand)]
    pub question: Question,
    /// The graph to read.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "input",
        help = GRAPH_HELP
    )]
    pub graph: Option<PathBuf>,
    /// Build the graph in memory from these articles (a file or folder) instead
    /// of reading graph.json.
    #[arg(long, global = true, value_name = "PATH")]
    pub input: Option<PathBuf>,
    /// How to print the answer.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Add the sentences each answer was read from (tables and CSV; JSON always
    /// has them).
    #[arg(long, global = true)]
    pub evidence: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Columns aligned for a terminal.
    Table,
    /// The fields documented in docs/commands.md.
    Json,
    /// RFC 4180, one header line.
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Question {
    /// Who holds which post, with first and last dates seen and the number of
    /// sources.
    ///
    /// With --on, the holders at that date: per post, whoever was seen in it over
    /// a range containing the date, otherwise the holder last seen on or before
    /// the date.
    #[command(after_help = "Examples:
  govgraph query officials
  govgraph query officials --district 福田
  govgraph query officials --district 龙岗区 --on 2024-04-24
  govgraph query officials --district 龙岗区 --on 2024年12月11日 --format json")]
    Officials {
        /// Only the posts of this district (name, alias or id).
        #[arg(long, value_name = "D")]
        district: Option<String>,
        /// Only the holders at this date (2024-12-11, 2024/12/11, 2024年12月11日);
        /// a month or year (2024-12, 2024) means its last day.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// A person's timeline: the events they chaired or attended, with date,
    /// district, post and (with --evidence) the sentence.
    #[command(after_help = "Examples:
  govgraph query attended --person 黄伟
  govgraph query attended --person 黄伟 --from 2024-12-01 --to 2024-12-31 --evidence
  govgraph query attended --person 黄伟 --relation chaired --format csv")]
    Attended {
        /// The person (name, alias, pinyin, substring or id).
        #[arg(long, value_name = "P")]
        person: String,
        /// Events on or after this date (a day, or a month's or year's first:
        /// 2024-12-11, 2024年12月, 2024).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Events on or before this date (a day, or a month's or year's last).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only `chaired` or only `attended`.
        #[arg(long, value_name = "R")]
        relation: Option<String>,
    },
    /// Who chaired and who attended an event, or every event of a day.
    #[command(after_help = "Examples:
  govgraph query attendees --date 2024-12-13 --district 宝安区
  govgraph query attendees --event 全区安全生产和平安稳定工作会议
  govgraph query attendees --date 2024/12/12 --format json")]
    Attendees {
        /// One event (name, substring or id).
        #[arg(long, value_name = "E", required_unless_present = "date")]
        event: Option<String>,
        /// Every event on this day, or in this month or year (2024-12-13,
        /// 2024年12月, 2024).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Only events held in this district.
        #[arg(long, value_name = "D")]
        district: Option<String>,
    },
    /// The people who shared events with a person, with counts and dates.
    #[command(after_help = "Examples:
  govgraph query met --person 黄伟
  govgraph query met --person 黄伟 --format json")]
    Met {
        /// The person (name, alias, pinyin, substring or id).
        #[arg(long, value_name = "P")]
        person: String,
    },
    /// The shortest chain of facts linking two entities, one fact a line.
    ///
    /// Facts are followed in either direction; each line states the fact as
    /// recorded, e.g. "黄伟 —holds_post(区委书记)→ 福田区".
    #[command(after_help = "Examples:
  govgraph query path 黄伟 周江涛
  govgraph query path 黄伟 宝安区 --evidence
  govgraph query path person:黄伟 district:龙岗区 --format json")]
    Path {
        /// Where the chain starts (any node: name, alias, substring or id).
        a: String,
        /// Where the chain ends.
        b: String,
    },
    /// The ego network of a node: every node within --depth facts of it.
    #[command(after_help = "Examples:
  govgraph query neighbors 福田区
  govgraph query neighbors 黄伟 --depth 2
  govgraph query neighbors 福田区 --relation holds_post --format json")]
    Neighbors {
        /// The node (name, alias, pinyin, substring or id).
        name: String,
        /// How many facts out to go.
        #[arg(long, value_name = "K", default_value_t = 1)]
        depth: usize,
        /// Follow only facts of this relation (holds_post, chaired, attended,
        /// held_in, located_in, concerns, involves, appointed, removed).
        #[arg(long, value_name = "R")]
        relation: Option<String>,
    },
    /// Projects, with their district and the events about them.
    #[command(after_help = "Examples:
  govgraph query projects
  govgraph query projects --district 坪山区 --evidence")]
    Projects {
        /// Only projects located in this district.
        #[arg(long, value_name = "D")]
        district: Option<String>,
    },
    /// Events, with their district and who chaired and attended.
    #[command(after_help = "Examples:
  govgraph query events --district 福田区
  govgraph query events --from 2024-12-01 --to 2024-12-31 --format csv")]
    Events {
        /// Only events held in this district.
        #[arg(long, value_name = "D")]
        district: Option<String>,
        /// Only events on or after this date (a day, or a month's or year's
        /// first: 2024-12-01, 2024-12, 2024).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only events on or before this date (a day, or a month's or year's
        /// last).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Counts by node kind and relation, documents covered, date range, and the
    /// most connected people and districts (degree, betweenness).
    ///
    /// Betweenness is exact up to 5,000 nodes and estimated from sampled source
    /// nodes above that (see docs/commands.md).
    #[command(after_help = "Examples:
  govgraph query stats
  govgraph query --input seeds stats --format json")]
    Stats,
    /// Every post a person held, in order, across districts: start and end
    /// (from personnel facts, else sightings), level, the personnel facts, and
    /// the sources (the row shape of career databases such as CPED).
    #[command(after_help = "Examples:
  govgraph query career --person 余锡权
  govgraph query career --person 黄伟 --format csv > career.csv")]
    Career {
        /// The person (name, alias, pinyin, substring or id).
        #[arg(long, value_name = "P")]
        person: String,
    },
    /// Posts whose holder changed, in order (old holder's end or last
    /// sighting → new holder's start or first sighting), and people who moved
    /// to a new post. Also `govgraph changes`.
    #[command(after_help = "Examples:
  govgraph query changes
  govgraph query changes --district 龙岗区 --evidence
  govgraph query changes --from 2024-06-01 --format json")]
    Changes {
        /// Only changes touching this district.
        #[arg(long, value_name = "D")]
        district: Option<String>,
        /// Only changes on or after this date (the new holder's; a day, or a
        /// month's or year's first: 2024-06-01, 2024-06, 2024).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only changes on or before this date (a day, or a month's or year's
        /// last).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Nodes whose name or alias contains TEXT.
    #[command(after_help = "Examples:
  govgraph query find 福田
  govgraph query find 会议 --format csv")]
    Find {
        /// The text to look for.
        text: String,
    },
}

pub fn run(args: QueryArgs) -> anyhow::Result<ExitCode> {
    check_dates(&args.question)?;
    if args.input.is_none()
        && let Ok(location) = GraphLocation::find(args.graph.as_deref())
    {
        super::warn_if_mixed(&location.path);
    }
    let result = match fast_answer(&args) {
        Some(Ok(out)) => Ok(out),
        Some(Err(Failed::Query(err))) => Err(Failed::Query(err)),
        // No usable sidecar, or its sentences could not be read: graph.json.
        None | Some(Err(Failed::Texts)) => {
            let graph = load(&args)?;
            let result = answer(&graph, &args, None);
            // Freeing a large graph piece by piece costs more than the answer:
            // the process is about to end and the system takes it back whole.
            std::mem::forget(graph);
            result
        }
    };
    let out = match result {
        Ok(out) => out,
        Err(Failed::Query(err)) => {
            return Err(ExitWith {
                code: err.exit_code(),
                message: err.to_string(),
            }
            .into());
        }
        // Only placeholders fail to be read, and graph.json has none.
        Err(Failed::Texts) => anyhow::bail!("reading the evidence sentences failed"),
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Checks the question's date options before any graph is read: a date that
/// is not one, or `--from` after `--to`, is a usage error naming the option.
fn check_dates(question: &Question) -> anyhow::Result<()> {
    match question {
        Question::Officials { on, .. } => {
            date_option("--on", on.as_deref())?;
        }
        Question::Attendees { date, .. } => {
            date_option("--date", date.as_deref())?;
        }
        Question::Attended { from, to, .. }
        | Question::Events { from, to, .. }
        | Question::Changes { from, to, .. } => date_range(from.as_deref(), to.as_deref())?,
        Question::Met { .. }
        | Question::Path { .. }
        | Question::Neighbors { .. }
        | Question::Projects { .. }
        | Question::Stats
        | Question::Career { .. }
        | Question::Find { .. } => {}
    }
    Ok(())
}

/// Why an answer could not be given.
enum Failed {
    /// The question has no answer: the same whichever way the graph was read.
    Query(QueryError),
    /// The sentences behind the sidecar's placeholders could not be read.
    Texts,
}

impl From<QueryError> for Failed {
    fn from(err: QueryError) -> Failed {
        Failed::Query(err)
    }
}

/// The answer read through graph.json's sidecar; `None` when there is no valid
/// sidecar (or the graph is built from `--input`).
fn fast_answer(args: &QueryArgs) -> Option<Result<String, Failed>> {
    if args.input.is_some() {
        return None;
    }
    let location = GraphLocation::find(args.graph.as_deref()).ok()?;
    let loaded = sidecar::load(&location.path, &evidence_read(args))?;
    let result = answer(&loaded.graph, args, loaded.texts.as_ref());
    // As in `run`: the process ends next, so the graph is not freed piecemeal.
    std::mem::forget(loaded);
    Some(result)
}

/// The evidence the answer reads, so that the sidecar loads only that.
///
/// Keep in step with `crate::query`: an answer that reads evidence this does
/// not name would count sources from empty lists or show none
/// (tests/fast_load.rs asks every question both ways to catch that). Sentences
/// are read only when shown: JSON carries the evidence of the answers that
/// have any, tables and CSV with --evidence.
fn evidence_read(args: &QueryArgs) -> Wanted {
    use crate::graph::NodeKind;
    /// The evidence of nodes of these kinds and of edges of these relations.
    type Lists = (&'static [NodeKind], &'static [Relation]);
    const NONE: Lists = (&[], &[]);
    const PARTICIPATION: &[Relation] = &[Relation::Chaired, Relation::Attended];
    // What each answer reads to count sources, and what it shows.
    let (counts, shows): (Lists, Lists) = match args.question {
        // The sources of a post are its holds_post facts'.
        Question::Officials { .. } | Question::Changes { .. } => {
            ((&[], &[Relation::HoldsPost]), (&[], &[Relation::HoldsPost]))
        }
        // A post's sources, and the personnel facts are not shown but read.
        Question::Career { .. } => ((&[], &[Relation::HoldsPost]), (&[], &[Relation::HoldsPost])),
        Question::Attended { .. } | Question::Attendees { .. } => (NONE, (&[], PARTICIPATION)),
        // Any fact can be a step.
        Question::Path { .. } => (NONE, (&[], &Relation::ALL)),
        // A project's own evidence and its located_in facts'.
        Question::Projects { .. } => {
            let read: Lists = (&[NodeKind::Project], &[Relation::LocatedIn]);
            (read, read)
        }
        // An event's own evidence and that of who chaired and attended it.
        Question::Events { .. } => {
            let read: Lists = (&[NodeKind::Event], PARTICIPATION);
            (read, read)
        }
        // The documents of all evidence.
        Question::Stats => ((&NodeKind::ALL, &Relation::ALL), NONE),
        Question::Met { .. } | Question::Neighbors { .. } | Question::Find { .. } => (NONE, NONE),
    };
    let shown = args.format == OutputFormat::Json || args.evidence;
    let texts = shown && shows != NONE;
    let mut wanted = Wanted {
        texts,
        // Stats reads evidence only to count the documents.
        docs_once: matches!(args.question, Question::Stats),
        ..Wanted::default()
    };
    for (nodes, edges) in [Some(counts), texts.then_some(shows)].into_iter().flatten() {
        wanted.nodes.extend(nodes);
        wanted.edges.extend(edges);
    }
    wanted
}

/// The graph the question is asked of, parsed from graph.json or built from
/// `--input`.
fn load(args: &QueryArgs) -> anyhow::Result<GovGraph> {
    if let Some(input) = &args.input {
        let rules = crate::rules::Rules::load(&[])?;
        let report = crate::read::read_inputs(std::slice::from_ref(input))?;
        for warning in &report.warnings {
            eprintln!("govgraph: warning: {warning}");
        }
        for skipped in &report.skipped {
            eprintln!("govgraph: warning: {skipped}");
        }
        if report.files.is_empty() {
            anyhow::bail!(
                "no articles (.txt, .md, .html) found in {}",
                input.display()
            );
        }
        return Ok(crate::pipeline::Pipeline::new(rules).build(&report.files, |_| {}));
    }
    let location = GraphLocation::find(args.graph.as_deref())?;
    let path = &location.path;
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "reading {}{} (build it with `govgraph build`, or use --input)",
            path.display(),
            location.origin()
        )
    })?;
    GovGraph::from_json(&text)
        .with_context(|| format!("reading {}{}", path.display(), location.origin()))
}

/// The answer to the question, formatted; with `texts`, the placeholders of
/// the graph's evidence are swapped for their sentences.
fn answer(g: &GovGraph, args: &QueryArgs, texts: Option<&EvidenceTexts>) -> Result<String, Failed> {
    // Sentences shown in tables cite their documents by title, date and url.
    let labels = if args.evidence && args.format != OutputFormat::Json {
        query::citations(g)
    } else {
        Default::default()
    };
    // JSON answers carry their evidence always, each entry with its document.
    let documents = if args.format == OutputFormat::Json {
        query::documents_json(g)
    } else {
        Default::default()
    };
    let fmt = |a: &dyn Shown| {
        a.show(args.format, args.evidence, texts, &labels, &documents)
            .map_err(|_: TextError| Failed::Texts)
    };
    Ok(match &args.question {
        Question::Officials { district, on } => fmt(&query::officials(
            g,
            &query::OfficialsOptions {
                district: district.clone(),
                on: on.clone(),
            },
        )?)?,
        Question::Attended {
            person,
            from,
            to,
            relation,
        } => {
            let relation = relation
                .as_deref()
                .map(|r| match Relation::parse(r) {
                    Some(r) if r.is_participation() => Ok(r),
                    _ => Err(QueryError::BadArgument(format!(
                        "--relation must be chaired or attended, not {r:?}"
                    ))),
                })
                .transpose()?;
            fmt(&query::attended(
                g,
                person,
                &query::AttendedOptions {
                    from: from.clone(),
                    to: to.clone(),
                    relation,
                },
            )?)?
        }
        Question::Attendees {
            event,
            date,
            district,
        } => fmt(&query::attendees(
            g,
            &query::AttendeesOptions {
                event: event.clone(),
                date: date.clone(),
                district: district.clone(),
            },
        )?)?,
        Question::Met { person } => fmt(&query::met(g, person)?)?,
        Question::Path { a, b } => {
            let answer = query::path(g, a, b)?;
            if answer.length.is_none() && args.format != OutputFormat::Json {
                format!(
                    "no chain of facts links {} and {}\n",
                    answer.from, answer.to
                )
            } else {
                fmt(&answer)?
            }
        }
        Question::Neighbors {
            name,
            depth,
            relation,
        } => {
            let relation = relation
                .as_deref()
                .map(|r| {
                    Relation::parse(r).ok_or_else(|| {
                        let known: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
                        QueryError::BadArgument(format!(
                            "unknown relation {r:?}; known: {}",
                            known.join(", ")
                        ))
                    })
                })
                .transpose()?;
            fmt(&query::neighbors(
                g,
                name,
                &query::NeighborsOptions {
                    depth: *depth,
                    relation,
                },
            )?)?
        }
        Question::Projects { district } => fmt(&query::projects(g, district.as_deref())?)?,
        Question::Events { district, from, to } => fmt(&query::events(
            g,
            &query::EventsOptions {
                district: district.clone(),
                from: from.clone(),
                to: to.clone(),
            },
        )?)?,
        Question::Stats => fmt(&query::stats(g)?)?,
        Question::Find { text } => fmt(&query::find(g, text)?)?,
        Question::Career { person } => fmt(&query::career(g, person)?)?,
        Question::Changes { district, from, to } => fmt(&query::changes(
            g,
            &query::ChangesOptions {
                district: district.clone(),
                from: from.clone(),
                to: to.clone(),
            },
        )?)?,
    })
}

/// An answer in any of the three formats.
trait Shown {
    fn show(
        &self,
        format: OutputFormat,
        evidence: bool,
        texts: Option<&EvidenceTexts>,
        labels: &std::collections::HashMap<String, String>,
        documents: &query::DocumentFields,
    ) -> Result<String, TextError>;
}

impl<T: Render + Serialize> Shown for T {
    fn show(
        &self,
        format: OutputFormat,
        evidence: bool,
        texts: Option<&EvidenceTexts>,
        labels: &std::collections::HashMap<String, String>,
        documents: &query::DocumentFields,
    ) -> Result<String, TextError> {
        let table = || -> Result<crate::query::Table, TextError> {
            let mut table = self.table(evidence);
            if let Some(texts) = texts {
                texts.fill_cells(table.rows.iter_mut().flatten())?;
            }
            if !labels.is_empty() {
                for cell in table.rows.iter_mut().flatten() {
                    *cell = query::cite(cell, labels);
                }
            }
            Ok(table)
        };
        Ok(match format {
            OutputFormat::Table => table()?.to_text(),
            OutputFormat::Csv => table()?.to_csv(),
            OutputFormat::Json => {
                let mut text =
                    query::cited_json(self, documents).unwrap_or_else(|e| format!("{e}"));
                if let Some(texts) = texts {
                    text = texts.fill_json(&text)?;
                }
                text.push('\n');
                text
            }
        })
    }
}

/// `govgraph changes`: the same question as `govgraph query changes`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  govgraph changes
  govgraph changes --district 龙岗区 --evidence
  govgraph changes --from 2024-06-01 --to 2024-12-31 --format csv
  govgraph changes --from 2024年6月 --to 2024

Dates: a day (2024-12-11, 2024/12/11, 2024.12.11, 2024年12月11日), a month
(2024-12, 2024/12, 2024年12月) or a year (2024, 2024年); full-width digits too.")]
pub struct ChangesArgs {
    /// Only changes touching this district.
    #[arg(long, value_name = "D")]
    pub district: Option<String>,
    /// Only changes on or after this date (the new holder's; a day, or a
    /// month's or year's first: 2024-06-01, 2024-06, 2024).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only changes on or before this date (a day, or a month's or year's
    /// last).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The graph to read.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "input",
        help = GRAPH_HELP
    )]
    pub graph: Option<PathBuf>,
    /// Build the graph in memory from these articles instead.
    #[arg(long, value_name = "PATH")]
    pub input: Option<PathBuf>,
    /// How to print the answer.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Add the sentences each side was read from.
    #[arg(long)]
    pub evidence: bool,
}

/// Runs `govgraph changes` as the query it is.
pub fn run_changes(args: ChangesArgs) -> anyhow::Result<ExitCode> {
    run(QueryArgs {
        question: Question::Changes {
            district: args.district,
            from: args.from,
            to: args.to,
        },
        graph: args.graph,
        input: args.input,
        format: args.format,
        evidence: args.evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> QueryArgs {
        match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Command::Query(q)) => q,
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn global_options_go_before_or_after_the_question() {
        let q = parse(&["govgraph", "query", "--input", "seeds", "stats"]);
        assert_eq!(q.input, Some(PathBuf::from("seeds")));
        let q = parse(&[
            "govgraph", "query", "met", "--person", "郭亮", "--format", "json",
        ]);
        assert_eq!(q.format, OutputFormat::Json);
    }

    #[test]
    fn graph_and_input_exclude_each_other() {
        let args = [
            "govgraph", "query", "--graph", "g.json", "--input", "seeds", "stats",
        ];
        assert!(Cli::try_parse_from(args).is_err());
    }

    #[test]
    fn attendees_needs_an_event_or_a_date() {
        assert!(Cli::try_parse_from(["govgraph", "query", "attendees"]).is_err());
    }
}
