//! Scoring: any posting bytes -> `decode` -> `analyse` -> `score::score`
//! against the repository's own `profile.yaml` and the built-in lexicon,
//! then the human report, as `tailor match --explain` does. The evidence is
//! built once per process.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tailor::keywords::Lexicon;
use tailor::profile::load;
use tailor::score::{self, Evidence};
use tailor::{posting, report};

fn evidence() -> &'static Evidence {
    static EV: OnceLock<Evidence> = OnceLock::new();
    EV.get_or_init(|| {
        let profile = load::parse_bytes(include_bytes!("../../profile.yaml"), "profile.yaml")
            .expect("the shipped profile loads");
        let now = score::profile_now(&profile);
        Evidence::new(&profile, Lexicon::builtin(), now)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = posting::decode(data) else {
        return;
    };
    let Ok(p) = posting::analyse(&text, "fuzz.txt") else {
        return;
    };
    let m = score::score(evidence(), &p);
    let _ = report::human(&m, evidence(), true);
});
