//! Compiles `data/lexicon.tsv` into tables the binary uses without parsing
//! or relocating: every string in one text, and open-addressing hash tables
//! of byte offsets into it (forms -> term, first tokens -> longest form).
//! The first line naming a form wins, as a map filled in file order would
//! have it. `src/engine/keywords/lexicon.rs` includes the result and hashes keys
//! with the same [`fnv`].

use std::collections::BTreeMap;
use std::fmt::Write;
use std::{env, fs, path::Path};

/// FNV-1a, 64 bits: the runtime copy is `lexicon::fnv`.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Appends `s` to `text` (once) and returns its offset and length.
fn intern(text: &mut String, seen: &mut BTreeMap<String, (u32, u32)>, s: &str) -> (u32, u32) {
    if let Some(&at) = seen.get(s) {
        return at;
    }
    let at = (text.len() as u32, s.len() as u32);
    text.push_str(s);
    seen.insert(s.to_owned(), at);
    at
}

/// An open-addressing table of `entries` keyed by their strings, as
/// `[key offset, key length, value, extra]` rows, a power of two long with
/// at most half its rows used; an empty row has length 0 and offset u32::MAX.
fn table(text: &str, entries: &[((u32, u32), u32, u32)]) -> Vec<[u32; 4]> {
    let size = (entries.len() * 2).next_power_of_two().max(2);
    let mut rows = vec![[u32::MAX, 0, 0, 0]; size];
    for &((off, len), value, extra) in entries {
        let key = &text[off as usize..(off + len) as usize];
        let mut i = (fnv(key) as usize) & (size - 1);
        while rows[i][0] != u32::MAX {
            i = (i + 1) & (size - 1);
        }
        rows[i] = [off, len, value, extra];
    }
    rows
}

fn main() {
    println!("cargo:rerun-if-changed=data/lexicon.tsv");
    let data = fs::read_to_string("data/lexicon.tsv").expect("data/lexicon.tsv");
    let mut lines = data.lines();
    let postings: u32 = lines
        .next()
        .and_then(|l| l.strip_prefix("#postings\t"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1);
    let mut text = String::new();
    let mut seen = BTreeMap::new();
    let mut terms: Vec<[u32; 5]> = Vec::new();
    // Category names, each once, in order of first use; terms hold an index.
    let mut categories: Vec<&str> = Vec::new();
    let mut forms: Vec<((u32, u32), u32, u32)> = Vec::new();
    let mut form_seen = std::collections::HashSet::new();
    let mut first: BTreeMap<String, u32> = BTreeMap::new();
    let mut max_tokens = 1;
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let id = terms.len() as u32;
        let (n_off, n_len) = intern(&mut text, &mut seen, f[0]);
        let category = categories
            .iter()
            .position(|&c| c == f[1])
            .unwrap_or_else(|| {
                categories.push(f[1]);
                categories.len() - 1
            }) as u32;
        let df = f[2].parse::<u32>().unwrap_or(0);
        terms.push([n_off, n_len, category, df, u32::from(f[3].contains("weak"))]);
        for form in f[4]
            .split('|')
            .filter(|x| !x.is_empty() && !x.starts_with('~'))
        {
            let (form, context) = form.split_once('?').unwrap_or((form, ""));
            let (form, cased) = match form.strip_prefix('^') {
                Some(x) => (x, true),
                None => (form, false),
            };
            let n = form.split(' ').count();
            max_tokens = max_tokens.max(n);
            if !form_seen.insert(form.to_owned()) {
                continue;
            }
            let key = intern(&mut text, &mut seen, form);
            // extra: bit 0 cased; bits 1..9 the context's length, bits 9..
            // its interned offset + 1 (all 0: no context).
            let ctx = if context.is_empty() {
                0
            } else {
                let (o, l) = intern(&mut text, &mut seen, context);
                assert!(l < 256 && o < (1 << 22), "context too long or late");
                ((o + 1) << 8 | l) << 1
            };
            forms.push((key, id, ctx | u32::from(cased)));
            let head = form.split(' ').next().unwrap_or("").to_owned();
            let e = first.entry(head).or_insert(0);
            *e = (*e).max(n as u32);
        }
    }
    let first: Vec<((u32, u32), u32, u32)> = first
        .iter()
        .map(|(h, &n)| (intern(&mut text, &mut seen, h), n, 0))
        .collect();
    let form_rows = table(&text, &forms);
    let first_rows = table(&text, &first);
    let mut out = String::new();
    let _ = writeln!(out, "pub(super) const POSTINGS: u32 = {postings};");
    let _ = writeln!(out, "pub(super) const MAX_TOKENS: usize = {max_tokens};");
    let _ = writeln!(out, "pub(super) static TEXT: &str = {text:?};");
    let rows = |out: &mut String, name: &str, rows: &[[u32; 4]]| {
        let _ = writeln!(
            out,
            "pub(super) static {name}: [[u32; 4]; {}] = [",
            rows.len()
        );
        for r in rows {
            let _ = writeln!(out, "[{},{},{},{}],", r[0], r[1], r[2], r[3]);
        }
        out.push_str("];\n");
    };
    rows(&mut out, "FORMS", &form_rows);
    rows(&mut out, "FIRST", &first_rows);
    let _ = writeln!(
        out,
        "pub(super) static CATEGORIES: [&str; {}] = {categories:?};",
        categories.len()
    );
    let _ = writeln!(
        out,
        "pub(super) static TERMS: [[u32; 5]; {}] = [",
        terms.len()
    );
    for t in &terms {
        let _ = writeln!(out, "[{},{},{},{},{}],", t[0], t[1], t[2], t[3], t[4]);
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "#[cfg(test)]\npub(super) const FORM_COUNT: usize = {};",
        forms.len()
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon_table.rs");
    fs::write(dest, out).expect("write the lexicon table");
    section_cues();
    profile_code();
    fixed_address_binary();
}

/// Links the `tailor` executable at a fixed address (`-no-pie`) on Linux
/// with glibc. Position-independent, it carried 13,568 relative
/// relocations (vtables, panic locations, … of every crate) that the
/// loader applied at every start, writing to every page of `.data.rel.ro`
/// (213 KB): 24 of a warm one-posting `tailor match`'s ~380 page faults,
/// 52 of `tailor --version`'s 178, on a machine where a page fault is
/// dear. (Packed relative relocations, `-z pack-relative-relocs`, shrink
/// the table but still write those pages: no fewer faults.) Only the
/// binary: the library, tests and benches link as before, and nothing is
/// recompiled. What it costs: the executable's own code and data are not
/// at a random address (its libraries, heap and stack still are); tailor's
/// code has no `unsafe`.
fn fixed_address_binary() {
    let target = |key: &str| env::var(key).unwrap_or_default();
    // A static build (`+crt-static`) links with `-static-pie`, which
    // `-no-pie` would turn into a binary that crashes at start.
    let crt_static = target("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if target("CARGO_CFG_TARGET_OS") == "linux"
        && target("CARGO_CFG_TARGET_ENV") == "gnu"
        && !crt_static
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// A fingerprint of the code that turns a profile's bytes into a loaded
/// profile (its types, parsing, validation, the cache's encoding), of what
/// indexes it (the lexicon, its tables, the skill graph and the engine
/// code that reads text with them: the cache keeps the index too) and
/// of the locked dependencies (serde_yaml's version), as `TAILOR_PROFILE_CODE`:
/// the profile cache keys its files with it, so a build that would load
/// the same bytes differently never reads an older build's file, even
/// under the same version number.
fn profile_code() {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut paths: Vec<String> = [
        "build.rs",
        "data/lexicon.tsv",
        "data/skill-graph.tsv",
        "Cargo.lock",
    ]
    .map(String::from)
    .to_vec();
    // The whole engine and profile code, not the files that load and
    // index a profile today: code they come to call in another file
    // (validation's spelling and locations) changes the result as much.
    println!("cargo:rerun-if-changed=src/engine");
    println!("cargo:rerun-if-changed=src/profile");
    paths.extend(rust_files("src/engine"));
    paths.extend(rust_files("src/profile"));
    for path in &paths {
        println!("cargo:rerun-if-changed={path}");
        // Without Cargo.lock (a packaged crate), the sources alone.
        for b in fs::read(path).unwrap_or_default() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=TAILOR_PROFILE_CODE={h:016x}");
}

/// The `.rs` files under `dir`, at any depth, sorted (so the fingerprint
/// does not depend on the order the file system lists them in).
fn rust_files(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![Path::new(dir).to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// Compiles `data/section-cues.tsv` into a table sorted by heading, which
/// `src/engine/sections.rs` binary-searches: some 3,000 headings a run
/// would otherwise read into a map before its first heading. Like the
/// lexicon's, the table is offsets into one text, so the loader relocates
/// nothing. A heading named twice keeps its last line, as a map filled in
/// file order would.
fn section_cues() {
    println!("cargo:rerun-if-changed=data/section-cues.tsv");
    let data = fs::read_to_string("data/section-cues.tsv").expect("data/section-cues.tsv");
    let mut cues: BTreeMap<&str, &str> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        if let (Some(heading), Some(kind)) = (f.next(), f.next()) {
            cues.insert(heading, kind);
        }
    }
    let mut kinds: Vec<&str> = cues.values().copied().collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut text = String::new();
    let mut rows = String::new();
    for (heading, kind) in &cues {
        let kind = kinds.binary_search(kind).expect("a kind listed");
        let _ = writeln!(rows, "[{},{},{kind}],", text.len(), heading.len());
        text.push_str(heading);
    }
    let mut out = String::new();
    let _ = writeln!(out, "pub(super) static HEADINGS: &str = {text:?};");
    let _ = writeln!(
        out,
        "pub(super) static KINDS: [&str; {}] = {kinds:?};",
        kinds.len()
    );
    let _ = writeln!(
        out,
        "pub(super) static CUES: [[u32; 3]; {}] = [",
        cues.len()
    );
    out.push_str(&rows);
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("section_cues.rs");
    fs::write(dest, out).expect("write the section cues");
}
