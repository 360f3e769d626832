// `journeymap diff`: what changed between two versions of a map (two files, or every map that differs
// between two git revisions), as a terminal report, a pull-request comment, JSON or a picture.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { ComparedMap, DiffFormat, DiffFormatContext, JourneyDiff } from "../diff/index.js";
import { JourneymapError } from "../errors.js";
import { displayPath } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { parseSize } from "../io/read-text.js";
import { writeOutput } from "../io/write-output.js";
import { parseScale } from "../render/scale.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import type { SharedFile } from "../journey/shared.js";
import { formatters } from "../report/index.js";
import { SharedFinder } from "../workspace/scope.js";
import type { SharedAt } from "../workspace/git.js";
import { examples, tell, useColor } from "./options.js";
import { stdout, stderr } from "../io/standard-streams.js";

interface DiffCliOptions {
  format: string;
  output?: string;
  base?: string;
  head?: string;
  labels?: string;
  failOn?: string;
  theme: string;
  scale: string;
  maxFileSize?: string;
}

export const FAIL_CONDITIONS = ["new-errors", "new-warnings", "emotion-drop"] as const;
type FailCondition = (typeof FAIL_CONDITIONS)[number];

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("show what changed between two versions of a map: touchpoints, owners, emotions, lint findings")
    .argument("[paths...]", "OLD NEW (two map files, either may be -), or with --base the paths to compare")
    .option(
      "-f, --format <format>",
      "output: stylish, markdown (a pull-request comment), json, svg or png (the picture of the change)",
      "stylish",
    )
    .option("-o, --output <file>", "write the output to this file (atomically) instead of standard output")
    .option("--base <rev>", "compare every map that differs between this git revision and --head")
    .option("--head <rev>", "the newer git revision (default: the working tree)")
    .option("--labels <old,new>", 'names for the two versions, e.g. "As-is,To-be" (default: the maps\' titles)')
    .option("--fail-on <conditions>", "exit 1 when one holds: new-errors, new-warnings, emotion-drop (comma-separated)")
    .option("--theme <theme>", "the picture's theme (svg, png): light or dark", "light")
    .option("--scale <n>", "PNG pixels per point: 1 at the picture's own size, 2 for high-DPI screens", "1")
    .option("--max-file-size <size>", "refuse maps larger than this, on disk or in git (default 16MB)")
    .addHelpText(
      "after",
      examples(
        "$ journeymap diff docs/examples/hotel.journey.yaml docs/examples/hotel-to-be.journey.yaml",
        '$ journeymap diff docs/examples/hotel.journey.yaml docs/examples/hotel-to-be.journey.yaml --labels "As-is,To-be" --format markdown',
        "$ journeymap diff --base origin/main examples/ --format markdown -o journey-diff.md",
        "$ journeymap diff --base HEAD~1 --head HEAD --fail-on new-errors,emotion-drop",
        "$ journeymap diff docs/examples/hotel.journey.yaml docs/examples/hotel-to-be.journey.yaml --format svg -o change.svg",
      ),
    )
    .action(async (paths: string[], options: DiffCliOptions, command: Command) => {
      // Loaded here, not at start-up, so that other commands do not pay for the diff and the rules.
      const diffModule = await import("../diff/index.js");
      const { ConfigFinder } = await import("../lint/index.js");
      const format = diffModule.diffFormatOf(options.format);
      if (!format)
        throw new JourneymapError(
          `unknown format "${options.format}": use one of ${diffModule.diffFormatNames.join(", ")}`,
        );
      const failOn = parseFailOn(options.failOn);
      const maxBytes = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
      const labels = parseLabels(options.labels);
      if (options.head !== undefined && options.base === undefined)
        throw new JourneymapError("--head needs --base (the older revision to compare it with)");
      const picture = pictureSettings(options, format);

      const cwd = process.cwd();
      const finder = new ConfigFinder();
      const configFor = (folder: string) => finder.forFolder(existsSync(folder) ? folder : cwd);
      const compared: ComparedMap[] = [];
      /** The map files this run reads: --output may replace none of them. */
      const inputs: string[] = [];
      let failed = false;
      /** Where the shared definitions came from: their files are inputs, and their errors are reported. */
      const sharedFiles: Array<{ files: ReadonlyMap<string, SharedFile> }> = [];
      const compare = (before: LoadedJourney | undefined, after: LoadedJourney | undefined, folder: string) => {
        try {
          // The picture shows no findings: both versions are linted only when an output or --fail-on needs them.
          const lint = format.kind === "text" || failOn.some((condition) => condition !== "emotion-drop");
          const diff = diffModule.diffJourneys(before, after, { labels, lint: lint ? configFor(folder) : false });
          compared.push({
            diff,
            ...(before?.journey ? { old: before.journey } : {}),
            ...(after?.journey ? { new: after.journey } : {}),
          });
        } catch (error) {
          // One invalid map does not hide the others' changes; the run still ends with exit 2.
          if (!(error instanceof JourneymapError)) throw error;
          tell(`journeymap: ${error.message}`);
          failed = true;
        }
      };

      if (options.base !== undefined) {
        const git = await import("../workspace/git.js");
        const revisions = git.resolveRevisions(cwd, options.base, options.head);
        const notFound = git.pathsNotFound(revisions, cwd, paths);
        if (notFound.length)
          throw new JourneymapError(
            `no file or folder ${notFound.map((path) => `"${path}"`).join(", ")} in ${revisions.head === undefined ? "the working tree" : `--head ${options.head}`} or at --base ${options.base}: check the path (paths after --base limit the maps compared)`,
          );
        const changedMaps = git.changedMaps(revisions, cwd, paths);
        const olds = git.readAllAt(
          revisions,
          revisions.base,
          changedMaps.flatMap((m) => (m.oldPath ? [m.oldPath] : [])),
          maxBytes,
        );
        const news = git.readAllAt(
          revisions,
          revisions.head,
          changedMaps.flatMap((m) => (m.newPath ? [m.newPath] : [])),
          maxBytes,
        );
        // A map that one version cannot give (a link, a submodule, a map above the size limit) is
        // skipped with a message; the others are still compared.
        const unread = new Set<string>();
        for (const [side, { unread: skipped }] of [
          ["old", olds],
          ["new", news],
        ] as const)
          for (const { path, message, severity } of skipped) {
            unread.add(`${side}\0${path}`);
            tell(`journeymap: ${severity === "warning" ? "warning: " : ""}${message}`);
            if (severity === "error") failed = true;
          }
        // Each version with the shared definitions of its own revision, as lint would have seen it there.
        const sharedBase = new git.SharedAt(revisions, revisions.base, maxBytes);
        const sharedHead = new git.SharedAt(revisions, revisions.head, maxBytes);
        sharedFiles.push(sharedBase, sharedHead);
        const load = (files: Map<string, Uint8Array>, path: string | undefined, shared: SharedAt) => {
          if (path === undefined) return undefined;
          const scope = shared.forMap(path);
          return loadJourney(files.get(path)!, {
            file: displayPath(join(revisions.root, path), cwd),
            ...(scope ? { shared: scope } : {}),
          });
        };
        const told = new Set<string>();
        for (const changed of changedMaps) {
          const skipped = (side: "old" | "new", path: string | undefined) =>
            path !== undefined && unread.has(`${side}\0${path}`);
          if (skipped("old", changed.oldPath) || skipped("new", changed.newPath)) continue;
          for (const path of [changed.oldPath, changed.newPath]) if (path) inputs.push(join(revisions.root, path));
          let before: LoadedJourney | undefined;
          let after: LoadedJourney | undefined;
          try {
            before = load(olds.files, changed.oldPath, sharedBase);
            after = load(news.files, changed.newPath, sharedHead);
          } catch (error) {
            // A shared file that cannot be read (a link, too big) fails the maps in its scope, not the others.
            if (!(error instanceof JourneymapError)) throw error;
            if (!told.has(error.message)) tell(`journeymap: ${error.message}`);
            told.add(error.message);
            failed = true;
            continue;
          }
          compare(before, after, dirname(join(revisions.root, changed.newPath ?? changed.oldPath!)));
        }
      } else {
        if (paths.length !== 2)
          throw new JourneymapError(
            `diff needs two maps, OLD and NEW (got ${paths.length}), or --base REV to compare git revisions`,
          );
        if (paths[0] === "-" && paths[1] === "-")
          throw new JourneymapError("only one of OLD and NEW can be standard input (-)");
        // Each map with the shared definitions of its folder (standard input: the working directory's).
        const finder = new SharedFinder({ maxBytes });
        sharedFiles.push(finder);
        const read = (path: string) => {
          const shared = finder.forFolder(path === "-" ? cwd : dirname(resolve(path)));
          return readMap(
            path === "-" ? { file: "<stdin>" } : { file: displayPath(resolve(path), cwd), path: resolve(path) },
            { maxBytes, ...(shared ? { shared } : {}) },
          );
        };
        inputs.push(...paths.filter((path) => path !== "-").map((path) => resolve(path)));
        const before = await read(paths[0]!);
        const after = await read(paths[1]!);
        compare(before, after, paths[1] === "-" ? cwd : dirname(resolve(paths[1]!)));
      }

      // A shared file with errors defines nothing: its maps were compared without it, and the run fails.
      const reported = new Set<string>();
      for (const source of sharedFiles)
        for (const [path, shared] of source.files) {
          inputs.push(path);
          if (shared.diagnostics.length === 0 || reported.has(shared.file)) continue;
          reported.add(shared.file);
          failed = true;
          stderr.write(
            formatters.stylish([{ filePath: shared.file, source: shared.text, messages: shared.diagnostics }], {
              color: useColor(command, stderr),
              command: "validate",
              rules: [],
            }),
          );
        }

      const diffs = compared.map((map) => map.diff);
      const context: DiffFormatContext = { color: options.output ? false : useColor(command), ...picture };
      const output = await outputOf(format, compared, context, failed);
      if (output !== undefined && options.output) writeOutput(options.output, output, { inputs });
      else if (output !== undefined) stdout.write(output);

      const holds = failOn.filter((condition) => diffs.some((diff) => conditionHolds(condition, diff, diffModule)));
      if (holds.length) stderr.write(`journeymap: --fail-on ${holds.join(", ")}: the change ${describe(holds)}\n`);
      process.exitCode = failed ? 2 : holds.length ? 1 : 0;
    });
}

function conditionHolds(
  condition: FailCondition,
  diff: JourneyDiff,
  diffModule: { emotionDrops: (diff: JourneyDiff) => number },
): boolean {
  switch (condition) {
    case "new-errors":
      return diff.findings.introduced.some((finding) => finding.severity === "error");
    case "new-warnings":
      return diff.findings.introduced.some((finding) => finding.severity === "warning");
    case "emotion-drop":
      return diffModule.emotionDrops(diff) > 0;
  }
}

function describe(holds: FailCondition[]): string {
  const words: Record<FailCondition, string> = {
    "new-errors": "adds lint errors",
    "new-warnings": "adds lint warnings",
    "emotion-drop": "lowers an emotion",
  };
  return holds.map((condition) => words[condition]).join(" and ");
}

function parseFailOn(value: string | undefined): FailCondition[] {
  if (value === undefined) return [];
  const conditions = value.split(",").map((part) => part.trim());
  for (const condition of conditions)
    if (!(FAIL_CONDITIONS as readonly string[]).includes(condition))
      throw new JourneymapError(`--fail-on: unknown condition "${condition}": use ${FAIL_CONDITIONS.join(", ")}`);
  return conditions as FailCondition[];
}

function parseLabels(value: string | undefined): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((part) => part.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new JourneymapError(`--labels needs two names separated by a comma, like "As-is,To-be" (got "${value}")`);
  return [parts[0], parts[1]];
}

/** The picture's theme and scale, checked before any map is read; a binary picture never goes to a terminal. */
function pictureSettings(options: DiffCliOptions, format: DiffFormat): { theme: "light" | "dark"; scale: number } {
  if (options.theme !== "light" && options.theme !== "dark")
    throw new JourneymapError(`unknown theme "${options.theme}": use light or dark`);
  const scale = parseScale(options.scale);
  if (format.kind === "picture") {
    const name = format.extension.slice(1);
    if (options.output === undefined && format.output === "binary" && stdout.isTTY)
      throw new JourneymapError(
        `${name.toUpperCase()} is binary and would garble the terminal: write it with --output FILE${format.extension} or redirect stdout`,
      );
    const extension = /\.[^./\\]+$/.exec(options.output ?? "")?.[0].toLowerCase();
    if (extension !== undefined && extension !== format.extension)
      throw new JourneymapError(
        `--output "${options.output}" ends in ${extension} but --format is ${name}: make them agree (${format.extension})`,
      );
  }
  return { theme: options.theme, scale };
}

/** The output's text or bytes; undefined when a picture has no map to draw because the map failed. */
async function outputOf(
  format: DiffFormat,
  compared: ComparedMap[],
  context: DiffFormatContext,
  failed: boolean,
): Promise<string | Uint8Array | undefined> {
  if (format.kind === "text")
    return format.formatter(
      compared.map((map) => map.diff),
      context,
    );
  if (compared.length === 1) return format.draw(compared[0]!, context);
  if (failed && compared.length === 0) return undefined;
  throw new JourneymapError(
    `--format ${format.extension.slice(1)} draws one map, and this run compares ${compared.length}: name one map file after --base, or use --format markdown`,
  );
}
