#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs from the repository's own
# files (and ../shared when it is beside the repository). The corpora are not
# committed: run this before the first `cargo fuzz run`. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=../../shared
c=corpus
mkdir -p "$c/posting" "$c/score" "$c/pipeline" "$c/import" "$c/profile"

copy() { # copy DIR FILES...: each file under its own name, skipping missing ones
    local dir=$1
    shift
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"
    done
    return 0
}

# Postings: the example in the repo, the hand-labelled ones and the first
# 40 postings of the corpus in shared/.
for t in posting score pipeline; do
    copy "$c/$t" "$root"/job-descriptions/* "$shared"/eval/postings/*
    if [ -f "$shared/corpus/remote-jobs.jsonl" ] && command -v python3 >/dev/null; then
        python3 - "$shared/corpus/remote-jobs.jsonl" "$c/$t" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i >= 40:
            break
        text = json.loads(line).get("text", "")
        with open(f"{out}/corpus-{i:03}.md", "w", encoding="utf-8") as o:
            o.write(text[:60000])
PY
    fi
done

# Markdown import: the user's matrices, plus the docs (Markdown all the same).
copy "$c/import" "$shared"/seeds/*.txt "$shared"/seeds/*.md "$root"/docs/*.md

# Profiles: the shipped profile, the import golden file and every ```yaml
# block of the docs.
copy "$c/profile" "$root"/profile.yaml "$root"/tests/golden/*.yaml
for doc in "$root"/docs/*.md; do
    awk -v out="$c/profile/$(basename "$doc" .md)-" '
        /^```yaml/ { n++; f = out n ".yaml"; inblock = 1; next }
        /^```/ { inblock = 0; next }
        inblock { print > f }
    ' "$doc"
done

for t in posting score import profile; do
    echo "$t: $(find "$c/$t" -type f | wc -l) seeds"
done
