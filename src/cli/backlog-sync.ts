// `journeymap backlog --sync github`: the options that keep the repository's opportunities in step with
// GitHub issues (--dry-run, --pull, --repo, --label, --site-url, --timeout) and their action, wiring the
// maps, the collector (src/backlog/collect.ts) and the sync engine (src/backlog/sync/). The one place a
// sync reads the environment (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL) and the git remote.
import { spawnSync } from "node:child_process";
import { relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { findMaps, type MapInput } from "../io/find-maps.js";
import { safeFileName } from "../io/file-names.js";
import { findRepositoryRoot } from "../io/repository.js";
import { stderr, stdout } from "../io/standard-streams.js";
import { writeOutput } from "../io/write-output.js";
import { printable } from "../text/shorten.js";
import { visible } from "../text/visible.js";
import { formatters } from "../report/index.js";
import type { CollectedMap, CollectedOpportunity } from "../backlog/collect.js";
import type { StatusChange } from "../backlog/types.js";
import type { OpportunityEdit } from "../backlog/status-edit.js";
import { hasErrors, useColor } from "./options.js";

/** The options this file adds to `journeymap backlog`. */
export interface BacklogSyncOptions {
  sync?: string;
  dryRun?: boolean;
  pull?: boolean;
  repo?: string;
  label?: string;
  siteUrl?: string;
  timeout?: string;
}

/** The trackers `--sync` knows. */
const TRACKERS = ["github"] as const;

/** Adds the sync's options to the backlog command; its action calls `runBacklogSync` first. */
export function registerBacklogSync(command: Command): Command {
  return command
    .option(
      "--sync <tracker>",
      "keep an issue per opportunity in step with the maps: open, update, close (github; see docs/backlog-sync.md)",
    )
    .option("--dry-run", "with --sync: print what the sync would write (or --pull would change); write nothing")
    .option(
      "--pull",
      "with --sync: write the state of the issues the sync opened back into the maps (closed → done or dropped, reopened → in-progress) and their address into `issue`",
    )
    .option(
      "--repo <owner/name>",
      "with --sync: the repository of the issues (default: GITHUB_REPOSITORY, else the git remote origin)",
    )
    .option("--label <name>", "with --sync: the label of the sync's issues (default: journey-opportunity)")
    .option(
      "--site-url <url>",
      'with --sync: where the docs site serves the map pages, linked from each issue ("{name}" stands for the page\'s name; else <url>/<name>/)',
    )
    .option(
      "--timeout <time>",
      "with --sync: the time limit of the whole sync, every request, wait and retry included: seconds (300, 90s) or minutes (5m); default 5m",
    );
}

/** Runs the sync when --sync is given and returns true; false (nothing done) otherwise, after refusing the
 * sync's options without it. */
export async function runBacklogSync(paths: string[], options: BacklogSyncOptions, command: Command): Promise<boolean> {
  if (options.sync === undefined) {
    const stray = (["dryRun", "pull", "repo", "label", "siteUrl", "timeout"] as const).find(
      (key) => options[key] !== undefined,
    );
    if (stray !== undefined)
      throw new JourneymapError(
        `--${stray.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} goes with --sync github: add it, or leave the option out`,
      );
    return false;
  }
  if (!(TRACKERS as readonly string[]).includes(options.sync))
    throw new JourneymapError(
      `unknown issue tracker "${printable(options.sync)}" for --sync: use ${TRACKERS.join(", ")}`,
    );
  // The clock starts before the maps are read: the limit is the whole command's, as a CI job sees it.
  const { Deadline, DEFAULT_TIMEOUT_SECONDS, parseTimeout } = await import("../backlog/sync/deadline.js");
  const deadline = new Deadline(
    options.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : parseTimeout(options.timeout),
  );
  const env = process.env;
  const repository = await repositoryOption(options.repo ?? (env.GITHUB_REPOSITORY || undefined));
  // The token is read here and only handed to the client: never printed, never part of a message.
  const token = env.GITHUB_TOKEN ?? "";
  if (!token)
    throw new JourneymapError(
      'no GitHub token: set GITHUB_TOKEN to a token with "issues: write" (in a workflow: GITHUB_TOKEN: ${{ github.token }})',
    );
  const pageOf = pageUrls(options.siteUrl);
  const maps = await loadMaps(paths.length > 0 ? paths : ["."], pageOf, useColor(command, stderr));
  if (!maps) return true;
  const { collectOpportunities } = await import("../backlog/collect.js");
  const collected = collectOpportunities(maps.collected);
  for (const duplicate of collected.duplicates)
    note(
      `opportunity "${duplicate.id}" is written with a title again in ${duplicate.place.map} (first in ${duplicate.first.map}): only the first is synced; name it by id alone elsewhere`,
    );
  const { pullIssues, syncIssues, formatSync } = await import("../backlog/sync/sync.js");
  const syncOptions = {
    repository,
    token,
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(env.GITHUB_API_URL ? { apiBase: env.GITHUB_API_URL } : {}),
    dryRun: options.dryRun === true,
    onWait: (message: string) => note(message),
    deadline,
  };
  if (!options.pull) {
    const result = await syncIssues(collected.opportunities, syncOptions);
    stdout.write(formatSync(result));
    return true;
  }
  // Every read is done (or the time limit has stopped the run) before the first map is edited; the
  // edits below make no request, so the deadline never falls between two maps' writes.
  const pulled = await pullIssues(collected.opportunities, syncOptions);
  for (const line of pulled.notes) note(line);
  const edits = new Map<string, OpportunityEdit>();
  for (const change of pulled.changes) edits.set(change.id, { id: change.id, status: change.to });
  for (const { id, issue } of pulled.addresses) edits.set(id, { ...edits.get(id), id, issue });
  await writeBack(collected.opportunities, edits, maps.files, pulled.changes, options.dryRun === true);
  return true;
}

/** "owner/name" from the option or GITHUB_REPOSITORY, else from the git remote origin. */
async function repositoryOption(given: string | undefined): Promise<string> {
  const value = given ?? remoteRepository();
  if (value === undefined)
    throw new JourneymapError(
      "no repository to sync with: give --repo owner/name (GITHUB_REPOSITORY on GitHub Actions, or a git remote origin, names it otherwise)",
    );
  const { repositoryOf } = await import("../backlog/sync/sync.js");
  return repositoryOf(value);
}

/** owner/name of the git remote origin (https or ssh, any host), if there is one. */
function remoteRepository(): string | undefined {
  const ran = spawnSync("git", ["config", "--get", "remote.origin.url"], { encoding: "utf8", timeout: 10_000 });
  if (ran.status !== 0 || typeof ran.stdout !== "string") return undefined;
  const match = /[:/]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?\/?$/.exec(ran.stdout.trim());
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The URL of a map's page on the docs site, from --site-url: "{name}" replaced by the page's name, or the
 * name as a folder under the URL (MkDocs' directory URLs). Checked to be http or https. */
function pageUrls(siteUrl: string | undefined): ((name: string) => string) | undefined {
  if (siteUrl === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(siteUrl.replace(/\{name\}/g, "name"));
  } catch {
    throw new JourneymapError(
      `--site-url "${printable(siteUrl)}" is not a URL: give the docs site's address, such as https://acme.github.io/shop/journeys/`,
    );
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password)
    throw new JourneymapError("--site-url must be an http or https URL, without credentials");
  return (name) => {
    const page = encodeURIComponent(name);
    return siteUrl.includes("{name}") ? siteUrl.replace(/\{name\}/g, page) : `${siteUrl.replace(/\/+$/, "")}/${page}/`;
  };
}

function note(message: string): void {
  stderr.write(`journeymap: note: ${visible(message)}\n`);
}

interface LoadedMaps {
  collected: CollectedMap[];
  /** Each map's absolute path by the path the opportunities name it with (relative to the repository). */
  files: Map<string, { path: string; shown: string }>;
}

/** Every map of the paths, loaded with its shared definitions; undefined (after printing the problems,
 * exit 1) when one has errors: a sync must see every opportunity, or it could close or miss one. */
async function loadMaps(
  paths: string[],
  pageOf: ((name: string) => string) | undefined,
  color: boolean,
): Promise<LoadedMaps | undefined> {
  const inputs: MapInput[] = await findMaps(paths);
  if (inputs.some((input) => !input.path))
    throw new JourneymapError("the sync reads map files: name files or folders, not standard input");
  const { loadMapFile } = await import("../workspace/load.js");
  const { SharedFinder } = await import("../workspace/scope.js");
  const root = findRepositoryRoot(process.cwd()) ?? process.cwd();
  const finder = new SharedFinder({ cwd: root });
  const collected: CollectedMap[] = [];
  const files = new Map<string, { path: string; shown: string }>();
  const results = [];
  for (const input of inputs) {
    const loaded = loadMapFile(input.path!, { finder, shown: input.file });
    results.push({ filePath: input.file, source: loaded.text, messages: loaded.diagnostics });
    if (!loaded.journey) continue;
    const path = relative(root, resolve(input.path!)).split(sep).join("/");
    files.set(path, { path: input.path!, shown: input.file });
    const name = safeFileName(input.path!.replace(/^.*[\\/]/, "").replace(/\.journey\.ya?ml$|\.ya?ml$/i, ""));
    collected.push({ journey: loaded.journey, path, ...(pageOf ? { page: pageOf(name) } : {}) });
  }
  if (hasErrors(results)) {
    stderr.write(formatters.stylish(results, { color, command: "lint", rules: [] }));
    stderr.write("journeymap: the maps have errors (above): nothing was synced; fix them first\n");
    process.exitCode = 1;
    return undefined;
  }
  if (inputs.length === 0) note("no map found: nothing to sync");
  return { collected, files };
}

/** Writes the pulled statuses and addresses into the maps that define the opportunities (or, in a dry run,
 * prints them as a diff). Every map is read and edited before the first is written: a map that cannot be
 * edited changes none. */
async function writeBack(
  opportunities: readonly CollectedOpportunity[],
  edits: ReadonlyMap<string, OpportunityEdit>,
  files: ReadonlyMap<string, { path: string; shown: string }>,
  changes: readonly StatusChange[],
  dryRun: boolean,
): Promise<void> {
  const byMap = new Map<string, OpportunityEdit[]>();
  for (const opportunity of opportunities) {
    const edit = edits.get(opportunity.id);
    const place = opportunity.places.find((candidate) => candidate.defines);
    if (!edit || !place) continue;
    byMap.set(place.map, [...(byMap.get(place.map) ?? []), edit]);
  }
  const { readTextFile } = await import("../io/read-text.js");
  const { writeOpportunityFields } = await import("../backlog/status-edit.js");
  const { formatFixDiff } = await import("../lint/fix/diff.js");
  const planned: Array<{ path: string; shown: string; before: string; after: string }> = [];
  for (const [map, mapEdits] of byMap) {
    const file = files.get(map)!;
    const before = readTextFile(file.path, { shown: file.shown, what: "map" });
    const after = writeOpportunityFields(before.replace(/^\uFEFF/, ""), mapEdits).text;
    const kept = before.startsWith("\uFEFF") ? `\uFEFF${after}` : after;
    if (kept !== before) planned.push({ ...file, before, after: kept });
  }
  for (const change of changes)
    stdout.write(
      `${visible(`${dryRun ? "would set" : "set"} opportunity "${change.id}" from ${change.from} to ${change.to} (${change.issue})`)}\n`,
    );
  for (const map of planned) {
    if (dryRun) stdout.write(formatFixDiff(map.shown, map.before, map.after));
    // The map itself is the target here, on purpose: written atomically, as lint --fix does.
    else writeOutput(map.path, map.after, { shown: map.shown, replacesInput: true });
  }
  const addresses = [...edits.values()].filter((edit) => edit.issue !== undefined).length;
  const counts = `${changes.length} status${changes.length === 1 ? "" : "es"} and ${addresses} issue address${addresses === 1 ? "" : "es"}`;
  stdout.write(
    planned.length === 0
      ? "pull: the maps are in step with the issues; nothing to write\n"
      : dryRun
        ? `dry run: would write ${counts} into ${planned.length} map${planned.length === 1 ? "" : "s"}; nothing was written\n`
        : `pull: wrote ${counts} into ${planned.length} map${planned.length === 1 ? "" : "s"}\n`,
  );
}
