//! govgraph turns Chinese government news into a knowledge graph.
//!
//! Data flows one way, and the modules follow it:
//!
//! 1. [`read`]: files and folders to decoded text;
//! 2. [`normalise`]: front matter, HTML, character widths: the text evidence points into;
//! 3. [`annotate`]: paragraphs, sections and sentences, with offsets;
//! 4. [`extract`]: mentions of dates, districts, people and titles, events, projects,
//!    driven by the tables in [`rules`];
//! 5. [`resolve`]: mentions to one [`graph::GovGraph`] across documents;
//! 6. [`query`] and [`export`]: questions and other formats over the graph.
//!
//! [`pinyin`] gives people and districts their names in pinyin, for the graph
//! and for queries.
//!
//! [`pipeline::Pipeline`] strings 3 to 5 together.

pub mod annotate;
pub mod cli;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod merge;
pub mod normalise;
pub mod output;
pub mod pinyin;
pub mod pipeline;
pub mod query;
pub mod read;
pub mod resolve;
pub mod rules;
pub mod script;
