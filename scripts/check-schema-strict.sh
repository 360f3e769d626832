#!/usr/bin/env bash
# Checks the published schemas (schemas/*.json) with the real ajv-cli and its defaults (strict mode, as a
# user runs it without flags): each compiles, the repository's example maps, shared file and configurations
# validate, and a map with a misspelt key does not. Exit 0 when all hold, 1 when one does not, 2 when
# ajv-cli cannot be installed ("skipped: …").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
AJV_CLI="ajv-cli@5.0.0"

work="$(mktemp -d "${TMPDIR:-/tmp}/journeymap-schema-XXXXXX")"
trap 'rm -rf "$work"' EXIT
if ! npx --yes "$AJV_CLI" help >/dev/null 2>"$work/npx.err"; then
  echo "skipped: npx could not install $AJV_CLI: $(tail -1 "$work/npx.err")"
  exit 2
fi
ajv() { npx --yes "$AJV_CLI" "$@" 2>&1 | grep -v '^strict mode: use allowUnionTypes' || true; }

failures=0
check() { # check <what> <text the output must contain> <ajv-cli arguments...>
  local what="$1" want="$2" out
  shift 2
  out="$(ajv "$@")"
  if grep -qF -- "$want" <<<"$out"; then
    echo "ok    $what"
  else
    echo "FAIL  $what: expected \"$want\""
    printf '      %s\n' "$out"
    failures=$((failures + 1))
  fi
}

map=(-s schemas/journeymap.schema.json -r schemas/journeymap.shared.schema.json)
check "ajv-cli compiles the map schema" "is valid" compile "${map[@]}"
check "ajv-cli compiles the shared-file schema" "is valid" compile -s schemas/journeymap.shared.schema.json -r schemas/journeymap.schema.json
check "ajv-cli compiles the configuration schema" "is valid" compile -s schemas/journeymap.config.schema.json
for file in examples/*.journey.yaml examples/freshcart/*.journey.yaml docs/examples/*.journey.yaml; do
  check "ajv-cli: $file is valid" "$file valid" validate "${map[@]}" -d "$file"
done
check "ajv-cli: examples/journeymap.shared.yaml is valid" "examples/journeymap.shared.yaml valid" validate -s schemas/journeymap.shared.schema.json -r schemas/journeymap.schema.json -d examples/journeymap.shared.yaml
check "ajv-cli: examples/journeymap.config.yaml is valid" "examples/journeymap.config.yaml valid" validate -s schemas/journeymap.config.schema.json -d examples/journeymap.config.yaml
printf 'journeymap: 1\ntitle: T\nstages:\n  - id: buy\n    name: Buy\n    touchpoints:\n      - name: Pays\n        ownr: web\n' >"$work/bad.journey.yaml"
check "ajv-cli: a misspelt key is invalid" "must NOT have additional properties" validate "${map[@]}" -d "$work/bad.journey.yaml"

if ((failures)); then exit 1; fi
echo "check-schema-strict: the published schemas compile and validate under ajv-cli's defaults (strict mode)"
