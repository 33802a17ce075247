#!/usr/bin/env bash
# Checks the rust-version Cargo.toml declares against what builds tailor.
#
# Only one toolchain can be installed here (no `cargo +1.89`), so the check
# is in two halves: clippy's incompatible_msrv lint (denied in Cargo.toml,
# run by .ci/run's clippy) keeps tailor's own code to the standard library
# of that version, and this script fails when a locked dependency declares
# a newer rust-version than tailor does (cargo would refuse to build it on
# the declared version). Raise rust-version, or hold the dependency back.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo metadata --format-version 1 --locked --offline 2>/dev/null >"${TMPDIR:-/tmp}/tailor-metadata.json" ||
    cargo metadata --format-version 1 --locked >"${TMPDIR:-/tmp}/tailor-metadata.json"
python3 - "${TMPDIR:-/tmp}/tailor-metadata.json" <<'PY'
import json, sys

meta = json.load(open(sys.argv[1]))
def version(v):
    parts = [int(x) for x in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))

ours = next(p for p in meta["packages"] if p["name"] == "tailor")
declared = version(ours["rust_version"])
# Every package the lock file resolves for this workspace (dev ones too:
# `cargo test` must build on the declared version as well).
newer = sorted(
    (p["name"], p["version"], p["rust_version"])
    for p in meta["packages"]
    if p["name"] != "tailor" and p.get("rust_version") and version(p["rust_version"]) > declared
)
if newer:
    print(f"rust-version {ours['rust_version']} is older than what these dependencies declare:")
    for name, v, rv in newer:
        print(f"  {name} {v}: rust-version {rv}")
    print("hint: raise rust-version in Cargo.toml (and the README), or hold the dependency back")
    sys.exit(1)
print(f"msrv: rust-version {ours['rust_version']} covers all {len(meta['packages']) - 1} locked dependencies")
PY
