//! Fits the weights of `data/project_features.tsv` on real articles.
//!
//! Every project candidate govgraph reads in the articles of the gold sets is
//! labelled by its article's gold file: a project when its name (or its name as
//! written, district and all) matches a gold project as `govgraph eval` matches
//! them. A candidate that only overlaps a gold project (a name cut short or grown)
//! is a fault of the name's bounds, not of the decision: it is left out of the
//! fit and listed with `--bounds`. The weights are those of a logistic
//! regression (L2-regularised, fitted by gradient descent); the threshold is the
//! one that gives the best F1 of distinct projects per article.
//!
//!     cargo run --release --example fit_projects                 # report only
//!     cargo run --release --example fit_projects -- --write data/project_features.tsv
//!     cargo run --release --example fit_projects -- --bounds      # names to fix
//!
//! Sets default to the seeds (tests/gold on seeds/) and the development set
//! (tests/devset/gold on tests/devset/texts/); `--set GOLD INPUTS` replaces them.
//! The report gives the fit's figures and those of five-fold cross-validation by
//! article, the honest ones. Output is deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use govgraph::eval::{load_dir, project_key};
use govgraph::extract::Extractor;
use govgraph::rules::{Feature, Rules};

thread_local! {
    /// Each article's weight in the figures (see `run`).
    static DOC_WEIGHT: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One labelled candidate: its article, its key, its signs, its label.
struct Example {
    doc: usize,
    /// Its share of the fit: each set counts as much as any other, whatever
    /// its number of candidates.
    weight: f64,
    key: String,
    signs: Vec<Feature>,
    label: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fit_projects: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut sets: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut write: Option<PathBuf> = None;
    let mut bounds = false;
    let mut misses = false;
    let mut list = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--set" => {
                let gold = args.next().ok_or("--set needs GOLD INPUTS")?;
                let inputs = args.next().ok_or("--set needs GOLD INPUTS")?;
                sets.push((gold.into(), inputs.into()));
            }
            "--write" => write = Some(args.next().ok_or("--write needs a file")?.into()),
            "--bounds" => bounds = true,
            "--misses" => misses = true,
            "--list" => list = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if sets.is_empty() {
        sets = vec![
            ("tests/gold".into(), "seeds".into()),
            ("tests/devset/gold".into(), "tests/devset/texts".into()),
        ];
    }
    let rules = Rules::builtin();
    let extractor = Extractor::new(rules.clone()).keeping_candidates();
    let mut examples = Vec::new();
    let mut gold_keys: Vec<BTreeSet<String>> = Vec::new();
    let mut doc_set: Vec<usize> = Vec::new();
    let mut near = 0;
    let mut uncovered = 0;
    for (set_index, (gold_dir, inputs)) in sets.iter().enumerate() {
        let files = load_dir(gold_dir).map_err(|e| e.to_string())?;
        for f in files {
            let path = inputs.join(&f.gold.file);
            let Some(doc) = read_doc(&path) else {
                eprintln!("skipped {}: no article", path.display());
                continue;
            };
            // As a build reads one article: alone.
            let facts = extractor.extract(&doc);
            let keys: BTreeSet<String> = f
                .gold
                .projects
                .iter()
                .map(|p| project_key(&p.name))
                .collect();
            let d = gold_keys.len();
            let mut covered: BTreeSet<String> = BTreeSet::new();
            for c in &facts.project_candidates {
                covered.insert(project_key(&c.name));
                covered.extend(c.aliases.iter().map(|a| project_key(a)));
            }
            let missing: Vec<&String> = keys.iter().filter(|k| !covered.contains(*k)).collect();
            uncovered += missing.len();
            if misses {
                for k in missing {
                    let near = if overlaps(k, &covered) {
                        "near"
                    } else {
                        "none"
                    };
                    println!("missed\t{}\t{k}\t{near}", f.gold.file);
                }
            }
            for c in &facts.project_candidates {
                let key = project_key(&c.name);
                let label =
                    keys.contains(&key) || c.aliases.iter().any(|a| keys.contains(&project_key(a)));
                if !label && overlaps(&key, &keys) {
                    near += 1;
                    if bounds {
                        println!(
                            "bounds\t{}\t{}\t{}",
                            f.gold.file,
                            c.name,
                            closest(&key, &keys)
                        );
                    }
                    continue;
                }
                examples.push(Example {
                    doc: d,
                    weight: set_index as f64,
                    key,
                    signs: c.signs.clone(),
                    label,
                });
            }
            gold_keys.push(keys);
            doc_set.push(set_index);
        }
    }
    // Articles' weights in the figures: each set's gold projects count as much
    // as any other set's.
    let mut gold_per_set: BTreeMap<usize, usize> = BTreeMap::new();
    for (d, keys) in gold_keys.iter().enumerate() {
        *gold_per_set.entry(doc_set[d]).or_default() += keys.len();
    }
    let doc_weight: Vec<f64> = doc_set
        .iter()
        .map(|s| 1.0 / gold_per_set[s].max(1) as f64)
        .collect();
    DOC_WEIGHT.with(|w| *w.borrow_mut() = doc_weight);
    // Set weights: each set's examples share one unit, scaled to average 1.
    let mut per_set: BTreeMap<usize, usize> = BTreeMap::new();
    for e in &examples {
        *per_set.entry(e.weight as usize).or_default() += 1;
    }
    let n_sets = per_set.len() as f64;
    let n = examples.len() as f64;
    for e in &mut examples {
        e.weight = n / (n_sets * per_set[&(e.weight as usize)] as f64);
    }
    let positives = examples.iter().filter(|e| e.label).count();
    let total: usize = gold_keys.iter().map(BTreeSet::len).sum();
    println!(
        "candidates name {} of {} gold projects",
        total - uncovered,
        total
    );
    println!(
        "{} articles, {} candidates ({} projects), {} left out as bound faults",
        gold_keys.len(),
        examples.len(),
        positives,
        near
    );
    let (bias, weights) = fit(&examples);
    let threshold = best_threshold(&examples, &gold_keys, bias, &weights);
    let (p, r) = figures(&examples, &gold_keys, bias, &weights, threshold);
    if list {
        for e in &examples {
            let signs: Vec<&str> = e.signs.iter().map(|f| f.name()).collect();
            println!(
                "example\t{}\t{:.2}\t{}\t{}",
                e.label,
                score(bias, &weights, &e.signs),
                e.key,
                signs.join(" ")
            );
        }
    }
    println!(
        "fit on all: threshold {threshold:.2}, precision {p:.3}, recall {r:.3} (of gold projects any candidate could match)"
    );
    // Five folds by article.
    let mut held: Vec<(usize, bool, String, f64)> = Vec::new();
    for fold in 0..5 {
        let train: Vec<&Example> = examples.iter().filter(|e| e.doc % 5 != fold).collect();
        let owned: Vec<Example> = train
            .iter()
            .map(|e| Example {
                doc: e.doc,
                weight: e.weight,
                key: e.key.clone(),
                signs: e.signs.clone(),
                label: e.label,
            })
            .collect();
        let (b, w) = fit(&owned);
        let t = best_threshold(&owned, &gold_keys, b, &w);
        for e in examples.iter().filter(|e| e.doc % 5 == fold) {
            held.push((e.doc, e.label, e.key.clone(), score(b, &w, &e.signs) - t));
        }
    }
    let (cp, cr) = set_figures(
        held.iter().map(|(d, _, k, s)| (*d, k.as_str(), *s >= 0.0)),
        &gold_keys,
    );
    println!("five-fold by article: precision {cp:.3}, recall {cr:.3}");
    println!("\nfeature\tweight");
    println!("bias\t{bias:.2}");
    for (f, w) in Feature::ALL.iter().zip(&weights) {
        println!("{}\t{w:.2}", f.name());
    }
    if let Some(path) = write {
        write_weights(&path, bias, threshold, &weights)?;
        println!("\nwrote {}", path.display());
    }
    Ok(())
}

fn read_doc(path: &Path) -> Option<govgraph::normalise::Document> {
    let bytes = std::fs::read(path).ok()?;
    let text = govgraph::read::decode(&bytes).ok()?.text;
    let name = path.file_name()?.to_string_lossy().into_owned();
    Some(govgraph::normalise::normalise(&name, &text))
}

/// True when `key` and a gold key share a stretch of name: one holds the other.
fn overlaps(key: &str, keys: &BTreeSet<String>) -> bool {
    key.chars().count() >= 2
        && keys
            .iter()
            .any(|k| k.chars().count() >= 2 && (k.contains(key) || key.contains(k.as_str())))
}

fn closest<'a>(key: &str, keys: &'a BTreeSet<String>) -> &'a str {
    keys.iter()
        .find(|k| k.contains(key) || key.contains(k.as_str()))
        .map_or("", |k| k.as_str())
}

fn score(bias: f64, w: &[f64], signs: &[Feature]) -> f64 {
    let z = bias + signs.iter().map(|f| w[*f as usize]).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// L2-regularised logistic regression by gradient descent.
fn fit(examples: &[Example]) -> (f64, Vec<f64>) {
    let k = Feature::ALL.len();
    let (mut bias, mut w) = (0.0f64, vec![0.0f64; k]);
    let n: f64 = examples.iter().map(|e| e.weight).sum::<f64>().max(1.0);
    let lambda = 1.0 / n;
    for _ in 0..4000 {
        let mut gb = 0.0;
        let mut gw = vec![0.0; k];
        for e in examples {
            let err = e.weight * (score(bias, &w, &e.signs) - if e.label { 1.0 } else { 0.0 });
            gb += err;
            for f in &e.signs {
                gw[*f as usize] += err;
            }
        }
        bias -= 2.0 * gb / n;
        for i in 0..k {
            w[i] -= 2.0 * (gw[i] / n + lambda * w[i]);
        }
    }
    (bias, w)
}

/// Precision and recall of distinct projects per article, as `govgraph eval`
/// counts them (gold projects no candidate matches count as missed too), each
/// set weighing as much as any other.
fn set_figures<'a>(
    decided: impl Iterator<Item = (usize, &'a str, bool)>,
    gold: &[BTreeSet<String>],
) -> (f64, f64) {
    let mut kept: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (d, k, yes) in decided {
        if yes {
            kept.entry(d).or_default().insert(k);
        }
    }
    let weight = |d: usize| DOC_WEIGHT.with(|w| w.borrow().get(d).copied().unwrap_or(1.0));
    let (mut found, mut right) = (0f64, 0f64);
    for (d, keys) in &kept {
        found += weight(*d) * keys.len() as f64;
        right += weight(*d) * keys.iter().filter(|k| gold[*d].contains(**k)).count() as f64;
    }
    let total: f64 = gold
        .iter()
        .enumerate()
        .map(|(d, k)| weight(d) * k.len() as f64)
        .sum();
    (right / found.max(1e-9), right / total.max(1e-9))
}

fn figures(
    examples: &[Example],
    gold: &[BTreeSet<String>],
    bias: f64,
    w: &[f64],
    t: f64,
) -> (f64, f64) {
    set_figures(
        examples
            .iter()
            .map(|e| (e.doc, e.key.as_str(), score(bias, w, &e.signs) >= t)),
        gold,
    )
}

/// The threshold, in steps of 0.05, with the best F1 of distinct projects.
fn best_threshold(examples: &[Example], gold: &[BTreeSet<String>], bias: f64, w: &[f64]) -> f64 {
    let mut best = (0.0, 0.5);
    for step in 4..=18 {
        let t = step as f64 * 0.05;
        let (p, r) = figures(examples, gold, bias, w, t);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        if f > best.0 + 1e-9 {
            best = (f, t);
        }
    }
    best.1
}

/// Rewrites the weight column of the features file, keeping its comments and
/// the descriptions.
fn write_weights(path: &Path, bias: f64, threshold: f64, w: &[f64]) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = String::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let value = match cols[0] {
            _ if line.starts_with('#') || cols.len() < 2 => None,
            "bias" => Some(bias),
            "threshold" => Some(threshold),
            name => Feature::ALL
                .iter()
                .position(|f| f.name() == name)
                .map(|i| w[i]),
        };
        match value {
            Some(v) => {
                let rest = cols[2..].join("\t");
                out.push_str(&format!("{}\t{v:.2}\t{rest}\n", cols[0]));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let tmp = path.with_extension("tsv.tmp");
    std::fs::write(&tmp, out).map_err(|e| e.to_string())?;
    std::fs::rename(&tmp, path).map_err(|e| e.to_string())
}
