//! The project tables: the words of `data/projects.tsv` and the weights of
//! `data/project_features.tsv`.
//!
//! Every word of the word table is compiled into one automaton that reports all
//! matches, overlapping ones too, so a sentence's project words are found in one
//! pass, in time linear in its length.

use std::collections::BTreeMap;

use aho_corasick::AhoCorasick;

use super::{RulesError, bad, rows};

/// What a works word tells about the name it ends (the `ending` rows' class).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EndingClass {
    /// 项目, 工程: the text calls it a works.
    Works,
    /// A park, campus, building or complex (产业园, 大厦, 广场).
    Park,
    /// An area being developed (片区, 起步区).
    Zone,
    /// A centre, hall or museum (中心, 博物馆).
    Hall,
    /// A plant, station or production line.
    Plant,
    /// A school or hospital: it exists beyond its works.
    Institution,
    /// A road, railway or line.
    Road,
    /// What is done to a work (改扩建, 迁建).
    Done,
}

impl EndingClass {
    fn parse(s: &str) -> Option<EndingClass> {
        Some(match s {
            "works" => EndingClass::Works,
            "park" => EndingClass::Park,
            "zone" => EndingClass::Zone,
            "hall" => EndingClass::Hall,
            "plant" => EndingClass::Plant,
            "institution" => EndingClass::Institution,
            "road" => EndingClass::Road,
            "done" => EndingClass::Done,
            _ => return None,
        })
    }
}

/// One `ending` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    pub word: String,
    pub class: EndingClass,
    /// The fewest characters a name with this ending has.
    pub min_chars: usize,
}

/// The kinds of word rows, as `data/projects.tsv` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WordKind {
    Ending,
    Phase,
    Continues,
    After,
    Stop,
    Generic,
    Judgement,
    Category,
    FalseEnding,
    Stage,
    Build,
    Develop,
    Visit,
    Held,
    Closer,
    Prefix,
    Adverb,
    ItemUnit,
    ListKind,
    RangeMark,
    ListIntro,
}

impl WordKind {
    fn parse(s: &str) -> Option<WordKind> {
        Some(match s {
            "ending" => WordKind::Ending,
            "phase" => WordKind::Phase,
            "continues" => WordKind::Continues,
            "after" => WordKind::After,
            "stop" => WordKind::Stop,
            "generic" => WordKind::Generic,
            "judgement" => WordKind::Judgement,
            "category" => WordKind::Category,
            "false_ending" => WordKind::FalseEnding,
            "stage" => WordKind::Stage,
            "build" => WordKind::Build,
            "develop" => WordKind::Develop,
            "visit" => WordKind::Visit,
            "held" => WordKind::Held,
            "closer" => WordKind::Closer,
            "prefix" => WordKind::Prefix,
            "adverb" => WordKind::Adverb,
            "item_unit" => WordKind::ItemUnit,
            "list_kind" => WordKind::ListKind,
            "range_mark" => WordKind::RangeMark,
            "list_intro" => WordKind::ListIntro,
            _ => return None,
        })
    }
}

/// A project word found in a text: character offset and length, its kind, and
/// its index among the words of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordHit {
    pub at: usize,
    pub len: usize,
    pub kind: WordKind,
    pub index: usize,
}

/// The signs a project candidate is scored on; `data/project_features.tsv` gives
/// each its weight and says what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    EndsWorks,
    EndsPark,
    EndsZone,
    EndsHall,
    EndsPlant,
    EndsInstitution,
    EndsRoad,
    EndsDone,
    NoEnding,
    Listed,
    ListedOther,
    InTitle,
    Enumerated,
    WorksSentence,
    Quoted,
    StageWord,
    StageNext,
    BuildVerb,
    DevelopVerb,
    VisitVerb,
    HasPlace,
    HasProperName,
    HasNumber,
    Generic,
    Category,
    /// A 项目/工程 right after a judgement word (某某2024年第一批重大项目,
    /// 某县招商引资项目): a set of works judged so, not one named.
    JudgedWorks,
    Counted,
    /// A count right before 项目/工程 (松溪11个项目, 三项工程): works counted, none named.
    CountedWorks,
    /// An amount of money right before it (投资2亿元的…项目): a planner's item.
    Invested,
    VerbInside,
    PersonInside,
    DistrictBefore,
    OpensBadly,
    OpensWithVerb,
    RareWord,
    Plain,
    NamedWorks,
    /// A works word after a place's name (滨湖大道改造工程, 南湾片区提升工程).
    PlaceWorks,
    BuiltInstitution,
    BuiltFacility,
    Short,
    Long,
    Venue,
}

impl Feature {
    pub const ALL: [Feature; 43] = [
        Feature::EndsWorks,
        Feature::EndsPark,
        Feature::EndsZone,
        Feature::EndsHall,
        Feature::EndsPlant,
        Feature::EndsInstitution,
        Feature::EndsRoad,
        Feature::EndsDone,
        Feature::NoEnding,
        Feature::Listed,
        Feature::ListedOther,
        Feature::InTitle,
        Feature::Enumerated,
        Feature::WorksSentence,
        Feature::Quoted,
        Feature::StageWord,
        Feature::StageNext,
        Feature::BuildVerb,
        Feature::DevelopVerb,
        Feature::VisitVerb,
        Feature::HasPlace,
        Feature::HasProperName,
        Feature::HasNumber,
        Feature::Generic,
        Feature::Category,
        Feature::JudgedWorks,
        Feature::Counted,
        Feature::CountedWorks,
        Feature::Invested,
        Feature::VerbInside,
        Feature::PersonInside,
        Feature::DistrictBefore,
        Feature::OpensBadly,
        Feature::OpensWithVerb,
        Feature::RareWord,
        Feature::Plain,
        Feature::NamedWorks,
        Feature::PlaceWorks,
        Feature::BuiltInstitution,
        Feature::BuiltFacility,
        Feature::Short,
        Feature::Long,
        Feature::Venue,
    ];

    /// The name `data/project_features.tsv` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Feature::EndsWorks => "ends_works",
            Feature::EndsPark => "ends_park",
            Feature::EndsZone => "ends_zone",
            Feature::EndsHall => "ends_hall",
            Feature::EndsPlant => "ends_plant",
            Feature::EndsInstitution => "ends_institution",
            Feature::EndsRoad => "ends_road",
            Feature::EndsDone => "ends_done",
            Feature::NoEnding => "no_ending",
            Feature::Listed => "listed",
            Feature::ListedOther => "listed_other",
            Feature::InTitle => "in_title",
            Feature::Enumerated => "enumerated",
            Feature::WorksSentence => "works_sentence",
            Feature::Quoted => "quoted",
            Feature::StageWord => "stage_word",
            Feature::StageNext => "stage_next",
            Feature::BuildVerb => "build_verb",
            Feature::DevelopVerb => "develop_verb",
            Feature::VisitVerb => "visit_verb",
            Feature::HasPlace => "has_place",
            Feature::HasProperName => "has_proper_name",
            Feature::HasNumber => "has_number",
            Feature::Generic => "generic",
            Feature::Category => "category",
            Feature::JudgedWorks => "judged_works",
            Feature::Counted => "counted",
            Feature::CountedWorks => "counted_works",
            Feature::Invested => "invested",
            Feature::VerbInside => "verb_inside",
            Feature::PersonInside => "person_inside",
            Feature::DistrictBefore => "district_before",
            Feature::OpensBadly => "opens_badly",
            Feature::OpensWithVerb => "opens_with_verb",
            Feature::RareWord => "rare_word",
            Feature::Plain => "plain",
            Feature::NamedWorks => "named_works",
            Feature::PlaceWorks => "place_works",
            Feature::BuiltInstitution => "built_institution",
            Feature::BuiltFacility => "built_facility",
            Feature::Short => "short",
            Feature::Long => "long",
            Feature::Venue => "venue",
        }
    }

    /// The feature of an ending class.
    pub fn of_ending(class: EndingClass) -> Feature {
        match class {
            EndingClass::Works => Feature::EndsWorks,
            EndingClass::Park => Feature::EndsPark,
            EndingClass::Zone => Feature::EndsZone,
            EndingClass::Hall => Feature::EndsHall,
            EndingClass::Plant => Feature::EndsPlant,
            EndingClass::Institution => Feature::EndsInstitution,
            EndingClass::Road => Feature::EndsRoad,
            EndingClass::Done => Feature::EndsDone,
        }
    }
}

/// The weights of `data/project_features.tsv`: a logistic model over the signs.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectModel {
    pub bias: f64,
    pub threshold: f64,
    /// One weight per [`Feature::ALL`] entry, in that order.
    pub weights: Vec<f64>,
}

impl Default for ProjectModel {
    fn default() -> ProjectModel {
        ProjectModel {
            bias: 0.0,
            threshold: 0.5,
            weights: vec![0.0; Feature::ALL.len()],
        }
    }
}

impl ProjectModel {
    /// The score, in 0..1, of a candidate showing `signs`.
    pub fn score(&self, signs: &[Feature]) -> f64 {
        let z: f64 = self.bias + signs.iter().map(|f| self.weights[*f as usize]).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Parses `data/project_features.tsv`; every feature must have a weight.
    pub fn parse(file: &str, text: &str) -> Result<ProjectModel, RulesError> {
        let mut model = ProjectModel::default();
        let mut seen = vec![false; Feature::ALL.len()];
        let (mut bias, mut threshold) = (false, false);
        for (line, cols) in rows(file, text) {
            let name = cols[0].as_str();
            let value: f64 = cols
                .get(1)
                .and_then(|v| v.parse().ok())
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| bad(file, line, format!("{name}: weight is not a number")))?;
            match name {
                "bias" => {
                    model.bias = value;
                    bias = true;
                }
                "threshold" => {
                    if !(0.0..=1.0).contains(&value) {
                        return Err(bad(file, line, "threshold is not within 0..1".into()));
                    }
                    model.threshold = value;
                    threshold = true;
                }
                _ => {
                    let f = Feature::ALL
                        .iter()
                        .position(|f| f.name() == name)
                        .ok_or_else(|| bad(file, line, format!("unknown feature {name:?}")))?;
                    model.weights[f] = value;
                    seen[f] = true;
                }
            }
        }
        if let Some(missing) = seen.iter().position(|s| !s) {
            let name = Feature::ALL[missing].name();
            return Err(bad(file, 0, format!("no weight for feature {name:?}")));
        }
        if !bias || !threshold {
            return Err(bad(file, 0, "no bias or threshold row".into()));
        }
        Ok(model)
    }
}

/// The words of `data/projects.tsv`, by kind, with one automaton over them all.
#[derive(Debug, Clone, Default)]
pub struct ProjectWords {
    pub endings: Vec<Ending>,
    /// Words by kind (endings too, by their word), in file order.
    words: BTreeMap<WordKind, Vec<String>>,
    /// For stage words: the stage each tells (签约, 开工 ...).
    pub stages: Vec<String>,
    patterns: Vec<(WordKind, usize)>,
    matcher: Option<AhoCorasick>,
    /// Leftmost-longest automata of the kinds [`ProjectWords::strip`] removes.
    strippers: BTreeMap<WordKind, AhoCorasick>,
}

impl ProjectWords {
    /// Parses `data/projects.tsv`.
    pub fn parse(file: &str, text: &str) -> Result<ProjectWords, RulesError> {
        let mut out = ProjectWords::default();
        for (line, cols) in rows(file, text) {
            let kind = WordKind::parse(&cols[0])
                .ok_or_else(|| bad(file, line, format!("unknown kind {:?}", cols[0])))?;
            let word = cols
                .get(1)
                .filter(|w| !w.is_empty())
                .cloned()
                .ok_or_else(|| bad(file, line, "missing word".into()))?;
            match kind {
                WordKind::Ending => {
                    let class = cols
                        .get(2)
                        .and_then(|c| EndingClass::parse(c))
                        .ok_or_else(|| bad(file, line, "missing or unknown ending class".into()))?;
                    let min_chars = match cols.get(3).filter(|c| !c.is_empty()) {
                        Some(n) => n
                            .parse()
                            .map_err(|_| bad(file, line, format!("bad length {n:?}")))?,
                        None => word.chars().count() + 2,
                    };
                    out.endings.push(Ending {
                        word: word.clone(),
                        class,
                        min_chars,
                    });
                }
                WordKind::Stage => {
                    let stage = cols
                        .get(2)
                        .filter(|s| !s.is_empty())
                        .cloned()
                        .ok_or_else(|| bad(file, line, "a stage word needs its stage".into()))?;
                    out.stages.push(stage);
                }
                _ => {}
            }
            out.words.entry(kind).or_default().push(word);
        }
        out.compile();
        Ok(out)
    }

    fn compile(&mut self) {
        let mut words: Vec<&str> = Vec::new();
        self.patterns.clear();
        for (kind, list) in &self.words {
            for (i, w) in list.iter().enumerate() {
                words.push(w);
                self.patterns.push((*kind, i));
            }
        }
        self.matcher = AhoCorasick::new(&words).ok();
        self.strippers.clear();
        for kind in [WordKind::Generic, WordKind::Judgement] {
            let list = self.of(kind);
            if let Ok(m) = AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(list)
            {
                self.strippers.insert(kind, m);
            }
        }
    }

    /// `text` without the words of `kind` (generic or judgement words), the
    /// longest at each place, in one pass: linear in the text.
    pub fn strip(&self, kind: WordKind, text: &str) -> String {
        match self.strippers.get(&kind) {
            Some(m) => m.replace_all(text, &vec![""; self.of(kind).len()]),
            None => text.to_string(),
        }
    }

    /// True when `word` is one of a kind.
    pub fn has(&self, kind: WordKind, word: &str) -> bool {
        self.of(kind).iter().any(|w| w == word)
    }

    /// The words of one kind, in file order.
    pub fn of(&self, kind: WordKind) -> &[String] {
        self.words.get(&kind).map_or(&[], Vec::as_slice)
    }

    /// Every project word in `text`, overlapping ones too, in order of their
    /// end, then kind. Linear in the text and the number of hits.
    pub fn find(&self, text: &str) -> Vec<WordHit> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let mut char_at = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            char_at[b] = n;
            n += 1;
        }
        char_at[text.len()] = n;
        let mut out: Vec<WordHit> = m
            .find_overlapping_iter(text)
            .map(|f| {
                let (kind, index) = self.patterns[f.pattern().as_usize()];
                let at = char_at[f.start()];
                WordHit {
                    at,
                    len: char_at[f.end()] - at,
                    kind,
                    index,
                }
            })
            .collect();
        out.sort_by_key(|h| (h.at + h.len, h.kind, h.at));
        out
    }

    /// Adds a word of `kind` (a user's dictionary line).
    pub fn add(&mut self, kind: WordKind, word: &str) {
        self.words.entry(kind).or_default().push(word.to_string());
        self.compile();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_has_a_weight_and_bad_rows_are_named() {
        let text = include_str!("../../data/project_features.tsv");
        let model = ProjectModel::parse("f", text).expect("shipped weights parse");
        assert_eq!(model.weights.len(), Feature::ALL.len());
        let missing = ProjectModel::parse("f", "bias\t1\nthreshold\t0.5\n");
        assert!(missing.unwrap_err().to_string().contains("no weight"));
        let bad = ProjectModel::parse("f", "bias\tx\n");
        assert!(bad.unwrap_err().to_string().contains("f:1"));
    }

    #[test]
    fn words_are_found_overlapping() {
        let words = ProjectWords::parse(
            "p",
            "ending\t产业园\tpark\nending\t园\tpark\nstage\t开工\t开工\n",
        )
        .expect("parses");
        let hits = words.find("某产业园开工");
        let kinds: Vec<(usize, usize, WordKind)> =
            hits.iter().map(|h| (h.at, h.len, h.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (1, 3, WordKind::Ending),
                (3, 1, WordKind::Ending),
                (4, 2, WordKind::Stage)
            ]
        );
        assert_eq!(words.stages, vec!["开工"]);
    }
}
