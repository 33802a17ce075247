//! Profile loading: any bytes -> `validate::check_bytes` (decode, parse with
//! positions, then every validation check), as `tailor check` does, and
//! `load::parse_bytes`, as every other command does. Diagnostics are fine; a
//! panic or a hang is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tailor::profile::{load, validate};

fuzz_target!(|data: &[u8]| {
    for d in validate::check_bytes(data, "profile.yaml") {
        let _ = d.located();
    }
    let _ = load::parse_bytes(data, "profile.yaml");
});
