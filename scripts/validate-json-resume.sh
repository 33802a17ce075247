#!/usr/bin/env bash
# Validates JSON Resume files written by `tailor build -f json-resume`
# against the published schema (npm @jsonresume/schema, the jsonresume.org
# validator). Needs node and npm; the schema package is installed once into
# a cache folder and reused.
#
#   scripts/validate-json-resume.sh out/resume.json [more.json ...]
#
# Exit status: 0 when every file is valid, 1 when one is not, 2 on usage or
# setup errors. Set TAILOR_CACHE_DIR to choose the cache folder.
set -euo pipefail

SCHEMA_VERSION=1.3.1

if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE.json [FILE.json ...]" >&2
    exit 2
fi
for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool not found" >&2
        echo "hint: install Node.js (Debian: apt-get install nodejs npm)" >&2
        exit 2
    fi
done

cache="${TAILOR_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tailor}/jsonresume-schema-$SCHEMA_VERSION"
if [ ! -f "$cache/node_modules/@jsonresume/schema/schema.json" ]; then
    mkdir -p "$cache"
    echo "installing @jsonresume/schema@$SCHEMA_VERSION into $cache" >&2
    (cd "$cache" &&
        { [ -f package.json ] || echo '{"private":true}' >package.json; } &&
        npm install --silent --no-audit --no-fund --no-save "@jsonresume/schema@$SCHEMA_VERSION" >&2) || {
        echo "error: failed to install @jsonresume/schema@$SCHEMA_VERSION" >&2
        exit 2
    }
fi

NODE_PATH="$cache/node_modules" node - "$@" <<'JS'
const fs = require('fs');
const { validate } = require('@jsonresume/schema');
let failed = false;
for (const file of process.argv.slice(2)) {
  let resume;
  try {
    resume = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: error: ${e.message}`);
    failed = true;
    continue;
  }
  validate(resume, (errors, valid) => {
    if (valid) {
      console.log(`${file}: valid JSON Resume`);
    } else {
      failed = true;
      for (const e of errors) {
        console.error(`${file}: ${e.property}: ${e.message}`);
      }
    }
  });
}
process.exit(failed ? 1 : 0);
JS
