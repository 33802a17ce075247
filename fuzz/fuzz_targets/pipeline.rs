//! The whole `build` path on any posting bytes: `decode` -> `analyse` ->
//! `build::tailor` (score, select, fit to one page, render every format)
//! against the repository's own `profile.yaml`, as `tailor build posting
//! -f md,pdf,… --pages 1` does minus the file writing. An error is fine
//! (a posting that is binary or empty); a panic, a hang or unbounded memory
//! is a bug. The profile and its evidence are built once per process.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tailor::config::{BuildConfig, Input, Output};
use tailor::keywords::Lexicon;
use tailor::profile::load;
use tailor::profile::schema::Profile;
use tailor::render::{Format, RenderOptions};
use tailor::score::{self, Evidence};
use tailor::select::Budget;
use tailor::{build, posting};

struct Fixed {
    profile: Profile,
    ev: Evidence,
    cfg: BuildConfig,
}

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        let profile = load::parse_bytes(include_bytes!("../../profile.yaml"), "profile.yaml")
            .expect("the shipped profile loads");
        let now = score::profile_now(&profile);
        let ev = Evidence::new(&profile, Lexicon::builtin(), now);
        let cfg = BuildConfig {
            input: Input::File(PathBuf::from("fuzz.txt")),
            profile: PathBuf::from("profile.yaml"),
            formats: Format::ALL.to_vec(),
            output: Output::Stdout,
            render: RenderOptions::default(),
            pages: Some(1),
            budget: Budget::default(),
            force: false,
            recursive: false,
            quiet: true,
            explain: true,
        };
        Fixed { profile, ev, cfg }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = posting::decode(data) else {
        return;
    };
    let Ok(p) = posting::analyse(&text, "fuzz.txt") else {
        return;
    };
    let f = fixed();
    let _ = build::tailor(&f.cfg, &f.profile, &f.ev, &p);
});
