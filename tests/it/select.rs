//! Properties of selection over random postings made of the shipped
//! profile's own vocabulary and some noise.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;
use tailor::keywords::Lexicon;
use tailor::profile::schema::Profile;
use tailor::score::{self, Evidence};
use tailor::select::{select, Budget};

fn indexed() -> &'static (Profile, Evidence) {
    static CELL: OnceLock<(Profile, Evidence)> = OnceLock::new();
    CELL.get_or_init(|| {
        let p =
            tailor::profile::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("profile.yaml"))
                .expect("the shipped profile loads");
        let ev = Evidence::new(&p, Lexicon::builtin(), score::profile_now(&p));
        (p, ev)
    })
}

/// Words a posting may be made of: the profile's skill keywords, some
/// skills it lacks, and filler.
fn vocabulary() -> Vec<String> {
    let (p, _) = indexed();
    let mut v: Vec<String> = p.skills.iter().flat_map(|s| s.keywords.clone()).collect();
    v.extend(
        [
            "Kafka", "Rust", "Swift", "nursing", "Istio", "SAP", "teamwork", "the", "and",
        ]
        .map(String::from),
    );
    v
}

fn posting() -> impl Strategy<Value = String> {
    let vocab = vocabulary();
    let n = vocab.len();
    (
        prop::collection::vec((0..n, 0..3u8), 0..40),
        prop::collection::vec(0..n, 0..10),
    )
        .prop_map(move |(required, nice)| {
            let mut s = String::from("# Engineer\n\n## Requirements\n\n");
            for (i, section) in &required {
                let head = ["Experience with", "Strong", "Knowledge of"][usize::from(*section)];
                s.push_str(&format!("- {head} {}\n", vocab[*i]));
            }
            s.push_str("\n## Nice to have\n\n");
            for i in &nice {
                s.push_str(&format!("- {}\n", vocab[*i]));
            }
            s
        })
}

fn end_key(e: tailor::profile::schema::End) -> u32 {
    match e {
        tailor::profile::schema::End::Present => u32::MAX,
        tailor::profile::schema::End::Date(d) => d.months(12),
    }
}

fn budget() -> impl Strategy<Value = Budget> {
    (1..7usize, 1..7usize, 1..25usize, 0..40usize).prop_map(|(p, per, total, skills)| Budget {
        max_projects: p,
        max_bullets_per_project: per,
        max_bullets: total,
        max_skills: skills,
        summary: None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn more_budget_never_drops_a_chosen_bullet(text in posting(), b in budget(), extra in 1..10usize) {
        let (p, ev) = indexed();
        let posting = tailor::posting::analyse(&text, "prop").unwrap();
        let m = score::score(ev, &posting);
        let small = select(p, ev, &m, &b);
        let big = select(p, ev, &m, &Budget { max_bullets: b.max_bullets + extra, ..b.clone() });
        let in_big: HashSet<&str> = big.tailored.bullet_ids().collect();
        for id in small.tailored.bullet_ids() {
            prop_assert!(in_big.contains(id), "{id} dropped with a larger budget");
        }
    }

    #[test]
    fn selection_is_deterministic_within_limits_and_never_repeats(text in posting(), b in budget()) {
        let (p, ev) = indexed();
        let posting = tailor::posting::analyse(&text, "prop").unwrap();
        let m = score::score(ev, &posting);
        let s = select(p, ev, &m, &b);
        prop_assert_eq!(&s, &select(p, ev, &m, &b));
        let ids: Vec<&str> = s.tailored.bullet_ids().collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len(), "a bullet twice: {:?}", ids);
        prop_assert!(ids.len() <= b.max_bullets);
        prop_assert!(s.tailored.experience.len() <= b.max_projects);
        prop_assert!(s.tailored.experience.iter().all(|x| x.bullets.len() <= b.max_bullets_per_project));
        prop_assert!(s.tailored.skills.len() <= b.max_skills);
        // Most recent first.
        let ends: Vec<u32> = s.tailored.experience.iter().map(|x| end_key(x.end)).collect();
        prop_assert!(ends.windows(2).all(|w| w[0] >= w[1]), "not most recent first: {:?}", ends);
    }
}
