#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit: a scratch git repository holding the example maps
# (with their shared file and configurations) and a bad map uses this repository's committed HEAD (cloned,
# as pre-commit needs a rev) and runs every hook: the per-file ones on the maps named, the repository one
# on the whole repository when a map, the shared file or a configuration is staged.
# pre-commit builds the hook as a user's machine would: `npm install` and `npm pack` in its clone.
# Exit 0 when the hooks pass and fail as they should, 1 when they do not, 2 when the check cannot run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "check-pre-commit: pre-commit is not installed (apt-get install pre-commit)" >&2
  exit 2
fi
if [[ -n "$(git -C "$root" status --porcelain -- .pre-commit-hooks.yaml package.json package-lock.json .puppeteerrc.cjs)" ]]; then
  echo "check-pre-commit: note: pre-commit uses the committed HEAD; uncommitted hook or package changes are not tested" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/journeymap-pre-commit-XXXXXX")"
trap 'rm -rf "$work"' EXIT
rev="$(git -C "$root" rev-parse HEAD)"
git clone --quiet --no-local "$root" "$work/journeymap"

mkdir "$work/maps"
cd "$work/maps"
git init --quiet
git config user.email check@example.com
git config user.name check
# The example repository: a top map, the maps it links to (details:), shared definitions, configurations.
cp -R "$root/examples/." .
# Invalid in both senses: an unknown key (validate) and an undeclared owner (lint).
cat >bad.journey.yml <<'MAP'
journeymap: 1
title: Broken
personas:
  - id: shopper
    name: Shopper
stages:
  - id: buy
    name: Buy
    touchpoints:
      - name: Pays
        ownr: web
MAP
# Staged under a name that looks like an option: the hooks' "--" makes it a map, never --format.
cp bad.journey.yml -- --format=sarif=x.journey.yml
cat >.pre-commit-config.yaml <<CONFIG
repos:
  - repo: $work/journeymap
    rev: $rev
    hooks:
      - id: journeymap-lint
      - id: journeymap-validate
      - id: journeymap-lint-repository
      # A per-file hook with options of its own: they go before the entry's "--".
      - id: journeymap-lint
        alias: journeymap-lint-strict
        name: journeymap lint (no warnings)
        entry: journeymap lint --max-warnings 0 --
        stages: [manual]
      # The repository hook with options as args: they follow "journeymap lint .".
      - id: journeymap-lint-repository
        alias: journeymap-lint-repository-strict
        name: journeymap lint (repository, no warnings)
        args: [--max-warnings, "0"]
        stages: [manual]
CONFIG
# Options are given by overriding the entry, before its "--" (args would come after it, as file names).
cat >"$work/options-config.yaml" <<CONFIG
repos:
  - repo: $work/journeymap
    rev: $rev
    hooks:
      - id: journeymap-lint
        entry: journeymap lint --max-warnings 0 --
CONFIG
git add .
export PRE_COMMIT_HOME="$work/cache"
# The user's machine: no switch that would hide a browser download from the check.
unset PUPPETEER_SKIP_DOWNLOAD PUPPETEER_SKIP_CHROME_DOWNLOAD npm_config_ignore_scripts

failures=0
expect() { # expect <exit code> <hook> <file> [text the output must contain]
  local want="$1" hook="$2" file="$3" text="${4:-}" got=0 started
  started=$(date +%s)
  local stage=()
  if [[ "$hook" == *-strict ]]; then stage=(--hook-stage manual); fi
  pre-commit run "$hook" "${stage[@]}" --files "$file" >"$work/out.txt" 2>&1 || got=$?
  local took=$(($(date +%s) - started))
  if [[ "$got" == "$want" ]] && { [[ -z "$text" ]] || grep -qF -- "$text" "$work/out.txt"; }; then
    printf 'ok    %-26s %-24s exit %s (%ss)\n' "$hook" "$file" "$got" "$took"
  else
    printf 'FAIL  %-26s %-24s exit %s, expected %s%s\n' "$hook" "$file" "$got" "$want" "${text:+ and \"$text\"}"
    sed 's/^/      /' "$work/out.txt" | tail -40
    failures=$((failures + 1))
  fi
}

# The first run installs the hook environment (npm install and npm pack in the clone): timed separately.
started=$(date +%s)
if ! pre-commit install-hooks >"$work/install.txt" 2>&1; then
  echo "FAIL  pre-commit install-hooks"
  sed 's/^/      /' "$work/install.txt" | tail -40
  tail -60 "$work/cache/pre-commit.log" 2>/dev/null || true
  exit 1
fi
echo "ok    pre-commit install-hooks ($(pre-commit --version)) built the hook environment in $(($(date +%s) - started))s"
browsers=$(find "$work/cache" "$HOME/.cache/puppeteer" -maxdepth 6 -type d \( -name 'chrome-linux*' -o -name 'chrome-headless-shell-linux*' \) -newer "$work/journeymap" 2>/dev/null | head -3 || true)
if [[ -n "$browsers" ]]; then
  echo "FAIL  the hook install downloaded a browser: $browsers"
  failures=$((failures + 1))
fi

expect 0 journeymap-lint freshcart.journey.yaml
expect 1 journeymap-lint bad.journey.yml 'unknown key "ownr" in touchpoint'
expect 0 journeymap-validate freshcart.journey.yaml
expect 1 journeymap-validate bad.journey.yml 'bad.journey.yml'
expect 0 journeymap-lint-strict freshcart.journey.yaml
# As a commit runs them: every hook on every staged file.
got=0
pre-commit run --all-files >"$work/out.txt" 2>&1 || got=$?
if [[ "$got" == 1 ]] && grep -q '^journeymap lint\.*Failed' "$work/out.txt" &&
  grep -q '^journeymap validate\.*Failed' "$work/out.txt" && grep -q '^journeymap lint (repository)\.*Failed' "$work/out.txt" &&
  grep -qF -- '--format=sarif=x.journey.yml' "$work/out.txt" && [[ ! -e x.journey.yml ]]; then
  echo "ok    pre-commit run --all-files: every hook fails on the staged bad maps (one named like an option), exit 1"
else
  echo "FAIL  pre-commit run --all-files: exit $got"
  sed 's/^/      /' "$work/out.txt" | tail -40
  failures=$((failures + 1))
fi
git rm --quiet -f -- bad.journey.yml --format=sarif=x.journey.yml

# The repository hook: the rules across maps, which the per-file hooks cannot see.
expect 0 journeymap-lint-repository freshcart.journey.yaml
expect 0 journeymap-lint-repository-strict freshcart.journey.yaml
# A details: link to a map that does not exist passes the per-file hook and fails the repository one.
sed -i 's/details: checkout /details: checkoutt/' freshcart.journey.yaml
grep -q 'details: checkoutt' freshcart.journey.yaml || { echo "FAIL  the check's own edit of freshcart.journey.yaml"; exit 2; }
git add freshcart.journey.yaml
expect 0 journeymap-lint freshcart.journey.yaml
expect 1 journeymap-lint-repository freshcart.journey.yaml 'unknown-map-link'
cp "$root/examples/freshcart.journey.yaml" . && git add freshcart.journey.yaml

# hook_runs <file> <exit> <what the repository hook shows>: an edit to <file> alone, as a commit runs the hooks.
hook_runs() {
  local file="$1" want="$2" shows="$3" got=0
  git add "$file"
  pre-commit run --files "$file" >"$work/out.txt" 2>&1 || got=$?
  if [[ "$got" == "$want" ]] && grep -q "^journeymap lint (repository)\.*$shows" "$work/out.txt" &&
    grep -q '^journeymap lint\.*(no files to check)Skipped' "$work/out.txt"; then
    printf 'ok    an edit to %-33s runs the repository hook only: %s, exit %s\n' "$file" "$shows" "$got"
  else
    echo "FAIL  an edit to $file: exit $got, expected $want with the repository hook $shows and the per-file ones skipped"
    sed 's/^/      /' "$work/out.txt" | tail -40
    failures=$((failures + 1))
  fi
}
# A shared file that no longer defines the team the maps name as owner.
cp journeymap.shared.yaml "$work/shared.yaml"
sed -i 's/^  - id: payments$/  - id: billing/' journeymap.shared.yaml
hook_runs journeymap.shared.yaml 1 Failed
cp "$work/shared.yaml" journeymap.shared.yaml
hook_runs journeymap.shared.yaml 0 Passed
# A configuration naming a rule that does not exist (exit 2 from journeymap: pre-commit fails the hook).
cp freshcart/journeymap.config.yaml "$work/config.yaml"
printf '  no-such-rule: error\n' >>freshcart/journeymap.config.yaml
grep -q '^rules:' freshcart/journeymap.config.yaml || { echo "FAIL  freshcart/journeymap.config.yaml has no rules: section to extend"; exit 2; }
hook_runs freshcart/journeymap.config.yaml 1 Failed
cp "$work/config.yaml" freshcart/journeymap.config.yaml
hook_runs freshcart/journeymap.config.yaml 0 Passed

got=0
pre-commit run --config "$work/options-config.yaml" journeymap-lint --files good.journey.yaml >"$work/out.txt" 2>&1 || got=$?
if [[ "$got" == 0 ]]; then
  echo "ok    an entry overridden with options before its -- (--max-warnings 0) passes on the good map"
else
  echo "FAIL  entry: journeymap lint --max-warnings 0 --: exit $got"
  sed 's/^/      /' "$work/out.txt" | tail -40
  failures=$((failures + 1))
fi

if ((failures)); then
  echo "check-pre-commit: $failures check(s) failed"
  exit 1
fi
echo "check-pre-commit: the per-file hooks pass on good maps and fail on a bad one; the repository hook runs the rules across maps on an edit to a map, the shared file or a configuration"
