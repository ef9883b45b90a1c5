fn main() {
    let rules = govgraph::rules::Rules::builtin();
    let jieba = jieba_rs::Jieba::new();
    for s in std::env::args().skip(1) {
        let found = govgraph::extract::project::find(&rules, &jieba, &s);
        let tags: Vec<String> = jieba
            .tag(&s, true)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect();
        println!(
            "{s}\n  {}\n  -> {:?}",
            tags.join(" "),
            found
                .iter()
                .map(|m| (m.name.as_str(), m.venue))
                .collect::<Vec<_>>()
        );
    }
}
