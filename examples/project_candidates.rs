//! Prints the project candidates of each line of standard input: name, source,
//! score, kept or not, and signs. For editing `data/projects.tsv`:
//!
//!     echo "福田区华兴新材生产研发基地、创科光显等31个项目投产投运。" |
//!         cargo run --release --example project_candidates

use std::io::BufRead;

use govgraph::extract::mention::{Mentions, project};
use govgraph::rules::Rules;

fn main() {
    let rules = Rules::builtin();
    let jieba = jieba_rs::Jieba::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let text = govgraph::normalise::fold_width(&line);
        let m = Mentions::find(&rules, &jieba, &text);
        println!("{text}");
        for c in project::candidates(&rules, &jieba, &m) {
            let signs: Vec<&str> = c.signs.iter().map(|f| f.name()).collect();
            println!(
                "  {} {:<24} {:?} {:.2} district={:?} aliases={:?} stage={:?} [{}]",
                if c.project { "+" } else { "-" },
                c.name,
                c.source,
                c.score,
                c.district,
                c.aliases,
                c.stage,
                signs.join(" ")
            );
        }
    }
}
