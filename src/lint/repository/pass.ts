// The repository side of a lint run: the shared definitions in scope of each map (found per folder),
// the facts of each map as the per-map loop hands them over, and, at the end, the shared files'
// own findings and every repository rule's, merged into the run's results.
import { dirname, resolve } from "node:path";
import { compareDiagnostics, countBySeverity, type FileResult, type Severity } from "../../diagnostic.js";
import type { SharedScope } from "../../journey/definitions.js";
import { readTextFile } from "../../io/read-text.js";
import { sharedFactsOf, type RepositoryFacts, type SharedFileFacts } from "../../workspace/facts.js";
import { SharedFinder } from "../../workspace/scope.js";
import type { ConfigResolver } from "../runner.js";
import { splitSuppressed, type Directive } from "../suppressions.js";
import { ruleIds } from "../rules/index.js";
import { lintRepository } from "./engine.js";
import { repositoryRuleIds, repositoryRules } from "./rules/index.js";

const KNOWN_RULES = [...ruleIds, ...repositoryRuleIds];

export class RepositoryPass {
  readonly #finder: SharedFinder;
  readonly #named = new Set<string>();
  readonly #maps: RepositoryFacts[] = [];
  readonly #directives = new Map<string, Directive[]>();
  readonly #maxBytes: number | undefined;

  constructor(options: { cwd?: string; maxBytes?: number } = {}) {
    this.#finder = new SharedFinder(options);
    this.#maxBytes = options.maxBytes;
  }

  /** The shared-definitions files read (absolute paths): inputs that no output may replace. */
  get sharedFiles(): string[] {
    return [...this.#finder.files.keys()];
  }

  /** A shared-definitions file named on the command line: read now, and listed in the results even when
   * it has no findings (it was asked for). */
  addSharedFile(path: string): void {
    this.#finder.forFolder(dirname(path));
    const file = this.#finder.files.get(resolve(path));
    if (file) this.#named.add(file.file);
  }

  /** The shared definitions for the map at `path` (standard input: the working directory's). */
  scopeFor(path: string | undefined): SharedScope | undefined {
    return this.#finder.forFolder(path ? dirname(path) : process.cwd());
  }

  /** Takes a map's facts (none for a map with errors: it has no model to take them from) and the
   * comments that silence repository rules in it: plain data, as a worker thread sends it. */
  addMap(file: string, facts: RepositoryFacts | undefined, deferred: readonly Directive[]): void {
    // A copy: the loader's strings can be slices of the map's whole text, which the facts would keep
    // alive (10,000 maps: ~80 MB); a worker's facts arrive copied already, this costs microseconds.
    if (facts) this.#maps.push(structuredClone(facts));
    if (deferred.length > 0) this.#directives.set(file, [...deferred]);
  }

  /** Adds the repository findings to `results` and `counts`, and a result for each shared file with
   * findings of its own (a clean shared file is not a map, and is not listed). */
  finish(
    results: FileResult[],
    counts: Record<Severity, number>,
    options: { resolver: ConfigResolver; folders: readonly string[]; quiet?: boolean },
  ): void {
    const start = results.length;
    this.#finish(results, counts, options);
    const kept = results
      .slice(start)
      .filter((result) => result.messages.length > 0 || result.suppressed?.length || this.#named.has(result.filePath));
    results.splice(start, results.length - start, ...kept);
  }

  #finish(
    results: FileResult[],
    counts: Record<Severity, number>,
    options: { resolver: ConfigResolver; folders: readonly string[]; quiet?: boolean },
  ): void {
    const shared: SharedFileFacts[] = [];
    const pathOf = new Map<string, string | undefined>(this.#maps.map((map) => [map.file, map.path]));
    for (const [path, file] of this.#finder.files) {
      pathOf.set(file.file, path);
      shared.push(sharedFactsOf(path, file));
      results.push({ filePath: file.file, source: file.text, messages: [...file.diagnostics], checks: [] });
      for (const message of file.diagnostics) counts[message.severity]++;
    }
    const findings = lintRepository({
      maps: this.#maps,
      shared,
      folders: options.folders,
      severity: (id, file) => {
        const path = pathOf.get(file);
        return (
          options.resolver.forMap(path ? resolve(path) : undefined).config.rules[id] ??
          repositoryRules[id]!.meta.defaultSeverity
        );
      },
    });
    if (findings.length === 0) return;
    const byFile = new Map(results.map((result) => [result.filePath, result]));
    const grouped = new Map<string, typeof findings>();
    for (const finding of findings) {
      const list = grouped.get(finding.file);
      if (list) list.push(finding);
      else grouped.set(finding.file, [finding]);
    }
    for (const [file, list] of grouped) {
      const result = byFile.get(file);
      if (!result) continue;
      const directives = this.#directives.get(file) ?? [];
      const { kept, suppressed } = splitSuppressed(list, directives, {
        file,
        knownRules: KNOWN_RULES,
        unusedSeverity: options.resolver.forMap(pathOf.get(file)).config.rules["unused-disable"] ?? "warning",
      });
      const counted = countBySeverity(kept);
      for (const severity of ["error", "warning", "info"] as const) counts[severity] += counted[severity];
      const shown = options.quiet ? kept.filter((finding) => finding.severity === "error") : kept;
      result.messages = [...result.messages, ...shown].sort(compareDiagnostics);
      this.#withText(result, pathOf.get(file));
      if (suppressed.length > 0) result.suppressed = [...(result.suppressed ?? []), ...suppressed];
    }
    // Comments for repository rules in maps without repository findings suppress nothing.
    for (const [file, directives] of this.#directives) {
      if (grouped.has(file)) continue;
      const result = byFile.get(file);
      if (!result) continue;
      const { kept } = splitSuppressed([], directives, {
        file,
        knownRules: KNOWN_RULES,
        unusedSeverity: options.resolver.forMap(pathOf.get(file)).config.rules["unused-disable"] ?? "warning",
      });
      for (const finding of kept) counts[finding.severity]++;
      result.messages = [
        ...result.messages,
        ...(options.quiet ? kept.filter((f) => f.severity === "error") : kept),
      ].sort(compareDiagnostics);
      this.#withText(result, pathOf.get(file));
    }
  }

  /** A clean map's result keeps no text (lint-map.ts): a repository finding in it reads the text again,
   * for its code frame (as the loader saw it: no byte-order mark, a lone CR as a line break). */
  #withText(result: FileResult, path: string | undefined): void {
    if (result.source !== undefined || result.messages.length === 0 || !path) return;
    try {
      const text = readTextFile(path, { maxBytes: this.#maxBytes });
      result.source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r(?!\n)/g, "\n");
    } catch {
      // Gone or changed since: the finding is shown without its code frame.
    }
  }
}
