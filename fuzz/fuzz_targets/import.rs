//! Markdown import: UTF-8 text, split into up to four "files" at each NUL
//! byte so merging across files is exercised, -> `import` -> `to_yaml` and
//! the report, then the YAML is parsed back as `tailor check` would.
//! A panic or a hang is a bug; the YAML failing to load is not (undated
//! projects are written as `TODO` on purpose).

#![no_main]

use libfuzzer_sys::fuzz_target;
use tailor::profile::{import, load};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files: Vec<(String, String)> = text
        .splitn(4, '\0')
        .enumerate()
        .map(|(i, t)| (format!("matrix{i}.md"), t.to_owned()))
        .collect();
    let result = import::import(&files);
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let yaml = result.to_yaml(&names);
    let _ = result.counts();
    let _ = load::parse(&yaml, "imported.yaml");
});
