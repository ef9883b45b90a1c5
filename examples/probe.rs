fn main() {
    let rules = govgraph::rules::Rules::builtin();
    let jieba = jieba_rs::Jieba::new();
    for s in std::env::args().skip(1) {
        let found = govgraph::extract::project::find(&rules, &jieba, &s);
        println!(
            "{s}\n  -> {:?}",
            found
                .iter()
                .map(|m| (m.name.as_str(), m.venue))
                .collect::<Vec<_>>()
        );
    }
}
