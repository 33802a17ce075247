#!/usr/bin/env bash
# Reads back the Word résumés `tailor build -f docx` writes, with readers
# that are not tailor's: python-docx (installed once into a venv under
# target/) extracts the paragraphs, and every chosen bullet must be there,
# in order, verbatim, as a Word list item (List Bullet style with numPr).
# The chosen bullets come from the JSON Resume of the same build. When
# LibreOffice is installed (soffice or libreoffice), each file is also
# converted to PDF headless and its page count reported beside tailor's own
# PDF's; without it the script says so and skips that step.
#
#   scripts/validate-docx.sh [POSTING ...]   # default: job-descriptions/*
#
# Exit status: 0 when every file reads back whole, 1 when one does not, 2 on
# usage or setup errors. Set TAILOR to use another binary.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

PYTHON_DOCX_VERSION=1.2.0
venv="$root/target/validate-docx-venv"
if ! "$venv/bin/python" -c "import docx" 2>/dev/null; then
    echo "installing python-docx==$PYTHON_DOCX_VERSION into $venv" >&2
    python3 -m venv "$venv" >&2 || {
        echo "error: python3 -m venv failed" >&2
        echo "hint: install python3 and its venv module (Debian: apt-get install python3-venv)" >&2
        exit 2
    }
    "$venv/bin/pip" install --quiet --disable-pip-version-check "python-docx==$PYTHON_DOCX_VERSION" >&2 || {
        echo "error: failed to install python-docx==$PYTHON_DOCX_VERSION" >&2
        exit 2
    }
fi

tailor="${TAILOR:-}"
if [ -z "$tailor" ]; then
    cargo build --quiet --release >&2
    tailor="$root/target/release/tailor"
fi

if [ "$#" -eq 0 ]; then
    set -- job-descriptions/*.md job-descriptions/*.txt job-descriptions/*.html
fi

soffice=""
for c in soffice libreoffice; do
    if command -v "$c" >/dev/null; then
        soffice="$c"
        break
    fi
done
if [ -z "$soffice" ]; then
    echo "note: LibreOffice (soffice) not found: skipping the PDF conversion and page count" >&2
    echo "      (Debian: apt-get install libreoffice-writer-nogui)" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
for posting in "$@"; do
    [ -f "$posting" ] || continue
    out="$work/$(basename "${posting%.*}")"
    mkdir -p "$out"
    TAILOR_PROFILE="${TAILOR_PROFILE:-$root/profile.yaml}" \
        "$tailor" build -q --force "$posting" -f docx,json-resume,pdf -o "$out/" || {
        echo "$posting: error: tailor build failed" >&2
        failed=1
        continue
    }
    docx="$(ls "$out"/*.docx)"
    json="$(ls "$out"/*.json)"
    pdf="$(ls "$out"/*.pdf)"
    if ! "$venv/bin/python" - "$docx" "$json" "$posting" <<'PY'
import json
import sys

import docx
from docx.oxml.ns import qn

path, resume_path, posting = sys.argv[1:4]
d = docx.Document(path)
resume = json.load(open(resume_path, encoding="utf-8"))
bullets = [h for w in resume.get("work", []) for h in w.get("highlights", [])]
bullets += [h for p in resume.get("projects", []) for h in p.get("highlights", [])]

paras = d.paragraphs
items = [
    p for p in paras
    if p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None
]
texts = [p.text for p in paras]
problems = []
at = 0
for b in bullets:
    b = " ".join(b.split())
    try:
        at = texts.index(b, at) + 1
    except ValueError:
        problems.append(f"bullet missing or out of order: {b[:70]!r}")
        continue
    p = paras[at - 1]
    if p not in items:
        problems.append(f"bullet is not a Word list item (no numPr): {b[:70]!r}")
if "•" in "".join(texts):
    problems.append("a typed bullet character in the text")
if d.tables:
    problems.append(f"{len(d.tables)} table(s) in the body")
headings = [p.text for p in paras if p.style.name.startswith("Heading 1")]
props = d.core_properties
if not props.title or not props.author:
    problems.append(f"document properties: title {props.title!r}, author {props.author!r}")
name = posting
if problems:
    for pr in problems:
        print(f"{name}: {pr}", file=sys.stderr)
    sys.exit(1)
print(
    f"{name}: python-docx reads {len(paras)} paragraphs; all {len(bullets)} bullets present "
    f"in order as list items; sections {' / '.join(headings)}; title {props.title!r}"
)
PY
    then
        failed=1
    fi
    if [ -n "$soffice" ]; then
        if "$soffice" --headless --convert-to pdf --outdir "$out/lo" "$docx" >"$out/lo.log" 2>&1 &&
            [ -f "$out/lo/$(basename "${docx%.docx}").pdf" ]; then
            lo_pdf="$out/lo/$(basename "${docx%.docx}").pdf"
            count() {
                if command -v pdfinfo >/dev/null; then
                    pdfinfo "$1" | awk '/^Pages:/ {print $2}'
                else
                    grep -c -a '/Type */Page[^s]' "$1" || true
                fi
            }
            echo "$posting: LibreOffice converted it without error: $(count "$lo_pdf") page(s) (tailor's PDF: $(count "$pdf"))"
        else
            echo "$posting: error: LibreOffice could not convert $docx:" >&2
            cat "$out/lo.log" >&2
            failed=1
        fi
    fi
done
exit "$failed"
