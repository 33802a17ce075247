//! Posting analysis: any bytes -> `decode` -> `analyse`, as `tailor match`
//! reads a posting file. Errors are fine; a panic or a hang is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tailor::posting;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = posting::decode(data) else {
        return;
    };
    if let Ok(p) = posting::analyse(&text, "fuzz.txt") {
        for line in &p.lines {
            assert!(line.number >= 1, "line numbers are 1-based");
        }
    }
});
