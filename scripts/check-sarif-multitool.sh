#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool (schema plus the SARIF1xxx/2xxx rules that
# GitHub code scanning follows). Usage: scripts/check-sarif-multitool.sh report.sarif [more.sarif ...]
# Installs the tool once into $SARIF_MULTITOOL_DIR (default .cache/sarif-multitool); exits 1 when the
# tool reports an error-level result, 2 when it cannot run.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 file.sarif..." >&2; exit 2; }
dir="${SARIF_MULTITOOL_DIR:-.cache/sarif-multitool}"
version="5.7.0"
tool="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -f "$tool" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save "@microsoft/sarif-multitool@$version" >&2 || exit 2
fi
# npm does not run the package's postinstall (chmod) unless install scripts are allowed.
chmod u+x "$tool"
status=0
for file in "$@"; do
  tmp="$(mktemp -d)"
  out="$tmp/result.sarif"
  if ! "$tool" validate "$file" --output "$out" >&2; then
    echo "sarif-multitool could not validate $file" >&2
    rm -rf "$tmp"
    exit 2
  fi
  # The tool's own exit code is 0 even when it finds errors: count error-level results in its report.
  errors="$(node -e 'const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = log.runs.flatMap((run) => run.results ?? []).filter((r) => (r.level ?? "warning") === "error");
    for (const r of bad) console.error(`${process.argv[2]}: ${r.ruleId}: ${r.message.text ?? r.message.id}`);
    console.log(bad.length);' "$out" "$file")"
  rm -rf "$tmp"
  if [ "$errors" != "0" ]; then status=1; fi
done
exit $status
