// Lint configuration: reading journeymap.config.yaml (checked by its own schema, with positions in
// messages), finding it from a map's folder upward to the repository root, and resolving severities.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ErrorObject } from "ajv";
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from "yaml";
import type { Range } from "../diagnostic.js";
import { JourneymapError } from "../errors.js";
import { displayPath } from "../io/find-maps.js";
import { readTextFile } from "../io/read-text.js";
import { findRepositoryRoot, isInside } from "../io/repository.js";
import { readFastYaml } from "../journey/fast-yaml.js";
import { SourceMap, offsetsToRange } from "../journey/source-map.js";
import { parsePointer } from "../journey/validate.js";
import { closest } from "../journey/suggest.js";
import { validate as validateConfigSchema } from "../validators/config.generated.js";
import { parseDays } from "../journey/dates.js";
import { DEFAULT_MAX_AGE_DAYS } from "../journey/metrics.js";
import { DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS } from "../journey/review.js";
import { DEFAULT_PRESET, STAGE_PRESETS, isPresetName } from "./presets.js";
import { repositoryRules } from "./repository/rules/index.js";
import { rules as mapRules } from "./rules/index.js";
import { RULE_SEVERITIES, type RuleSeverity } from "./types.js";

/** A configuration as written: every key optional. */
export interface LintConfig {
  /** Expected stage ids in order, or a preset name (funnel, saas, service-design). */
  stages?: readonly string[] | string;
  /** Severity per rule id; rules not listed keep their default. */
  rules?: Readonly<Record<string, RuleSeverity>>;
  /** How `journeymap backlog` ranks (docs/backlog.md); read by the backlog, not by the rules. */
  backlog?: BacklogConfig;
  /** Settings of metric values: the age at which stale-metric speaks ("90d", "12w"). */
  data?: { maxAge?: string };
  /** How often each map must be reviewed: a number of days, or days or weeks ("90d", "13w"). */
  review?: { every?: number | string };
}

/** The backlog's settings as written: a named priority formula and the confidence of an opportunity
 * that states none. */
export interface BacklogConfig {
  priority?: { formula?: string; defaultConfidence?: number };
}

/** A configuration with every rule's severity and the expected stages decided. */
export interface ResolvedConfig {
  stages: readonly string[];
  rules: Readonly<Record<string, RuleSeverity>>;
  /** stale-metric's maximum age in days (default 90). */
  maxAgeDays: number;
  /** review-overdue: a map reviewed longer ago than this many days is overdue (default 180). */
  reviewDays: number;
  /** Whether the configuration sets the review period: then every map is expected to have an owner. */
  reviewConfigured?: boolean;
  /** The day a run measures ages at (set by the run, never read from a file). */
  asOf?: string;
  /** The file it came from, when it came from one. */
  file?: string;
  backlog?: BacklogConfig;
}

/** File names searched for in each folder, in this order. */
export const CONFIG_FILE_NAMES = ["journeymap.config.yaml", ".journeymaprc.yaml"] as const;

/** Every rule a configuration can set: the map rules and the repository rules. */
const rules = { ...mapRules, ...repositoryRules };

const validate = validateConfigSchema as unknown as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The default configuration with `config` applied over it. Throws JourneymapError for an unknown rule id,
 * severity or preset, so that embedders get the same messages as the command line. */
export function resolveConfig(config: LintConfig = {}, file?: string): ResolvedConfig {
  const severities: Record<string, RuleSeverity> = {};
  for (const [id, rule] of Object.entries(rules)) severities[id] = rule.meta.defaultSeverity;
  for (const [id, severity] of Object.entries(config.rules ?? {})) {
    checkRuleId(id);
    checkSeverity(severity, id);
    severities[id] = severity;
  }
  const maxAgeDays =
    config.data?.maxAge === undefined ? DEFAULT_MAX_AGE_DAYS : parseDays(config.data.maxAge, "data.maxAge");
  return {
    ...(config.backlog ? { backlog: config.backlog } : {}),
    stages: stagesOf(config.stages ?? DEFAULT_PRESET),
    rules: severities,
    maxAgeDays,
    ...reviewOf(config.review),
    ...(file ? { file } : {}),
  };
}

/** The configuration with command-line overrides (`--rule id:severity`) applied. */
export function withRuleOverrides(
  config: ResolvedConfig,
  overrides: Readonly<Record<string, RuleSeverity>>,
): ResolvedConfig {
  if (Object.keys(overrides).length === 0) return config;
  return { ...config, rules: { ...config.rules, ...overrides } };
}

/** Parses one `--rule id:severity` option. */
export function parseRuleOption(option: string): [string, RuleSeverity] {
  const at = option.lastIndexOf(":");
  if (at === -1)
    throw new JourneymapError(
      `--rule "${option}" needs the form id:severity, for example --rule touchpoint-owner:error`,
    );
  const id = option.slice(0, at).trim();
  const severity = option.slice(at + 1).trim();
  checkRuleId(id, "--rule");
  checkSeverity(severity, id, "--rule");
  return [id, severity];
}

// The same problems are found in a configuration object (resolveConfig) and, with positions, in a
// configuration file's schema errors: one message for each, wherever it is found.

/** `unknown rule "x" in <where>`; `where` is empty for a message placed at the key itself. */
function unknownRuleMessage(id: string, where = ""): string {
  const guess = closest(id, Object.keys(rules));
  return `unknown rule "${id}"${where ? ` in ${where}` : ""}${guess ? ` (did you mean "${guess}"?)` : ""}: run "journeymap rules" for the list`;
}

function badSeverityMessage(severity: string, id: string, where = ""): string {
  const guess = severity === "warn" ? "warning" : closest(severity, RULE_SEVERITIES);
  return `bad severity "${severity}" for rule "${id}"${where ? ` in ${where}` : ""}${guess ? ` (did you mean "${guess}"?)` : ""}: use one of ${RULE_SEVERITIES.join(", ")}`;
}

function unknownPresetMessage(name: string): string {
  const guess = closest(name, Object.keys(STAGE_PRESETS));
  return `unknown stage preset "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}: use one of ${Object.keys(STAGE_PRESETS).join(", ")}, or a list of stage ids`;
}

function checkRuleId(id: string, where = "the configuration"): void {
  if (!Object.prototype.hasOwnProperty.call(rules, id)) throw new JourneymapError(unknownRuleMessage(id, where));
}

function checkSeverity(severity: string, id: string, where = "the configuration"): asserts severity is RuleSeverity {
  if (!(RULE_SEVERITIES as readonly string[]).includes(severity))
    throw new JourneymapError(badSeverityMessage(severity, id, where));
}

/** The review period in days, from a number of days or a "90d"/"13w" text. */
function reviewOf(review: LintConfig["review"]): Pick<ResolvedConfig, "reviewDays" | "reviewConfigured"> {
  const every = review?.every;
  if (every === undefined) return { reviewDays: DEFAULT_REVIEW_DAYS };
  if (typeof every === "number") {
    if (!Number.isSafeInteger(every) || every <= 0 || every > MAX_REVIEW_DAYS)
      throw new JourneymapError(
        `review.every needs a whole number of days from 1 to ${MAX_REVIEW_DAYS} (got ${every})`,
      );
    return { reviewDays: every, reviewConfigured: true };
  }
  return { reviewDays: parseDays(every, "review.every"), reviewConfigured: true };
}

function stagesOf(stages: readonly string[] | string): readonly string[] {
  if (typeof stages !== "string") return stages;
  if (isPresetName(stages)) return STAGE_PRESETS[stages];
  throw new JourneymapError(unknownPresetMessage(stages));
}

/** Reads and checks a configuration file. Throws JourneymapError (exit 2) with file:line:column for each problem. */
export function loadConfigFile(path: string, options: { maxBytes?: number } = {}): ResolvedConfig {
  const shown = displayPath(path);
  // Bounded, regular files only: a configuration named on the command line may be a FIFO or /dev/zero.
  const text = readTextFile(path, { shown, what: "the configuration", maxBytes: options.maxBytes });
  return resolveConfig(parseConfig(text, shown), shown);
}

/** A configuration this deep is not a configuration (it has two levels); refusing it early keeps the
 * YAML parser's recursion, and its stack, small. */
const MAX_CONFIG_DEPTH = 64;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Parses configuration text; every problem becomes one `file:line:column: message` line of a JourneymapError. */
export function parseConfig(text: string, file: string): LintConfig {
  if (nestingDepth(text) > MAX_CONFIG_DEPTH)
    throw new JourneymapError(
      `${file}:1:1: the configuration is nested more than ${MAX_CONFIG_DEPTH} levels deep: a configuration has "stages" and "rules"`,
    );
  // A configuration in the YAML maps are written in, and valid, is read by the loader's one pass (no
  // yaml package to load, which is most of what a lint of one map would otherwise load for it). Anything
  // else goes through yaml's document, which gives every problem with its position.
  const fast = readFastYaml(text, new SourceMap(text));
  if (fast?.kind === "value" && validate(fast.value)) return fast.value as LintConfig;
  if (fast?.kind === "empty" && validate({})) return {};
  const lineCounter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (error instanceof RangeError) throw new JourneymapError(`${file}:1:1: the configuration is nested too deeply`);
    throw error;
  }
  const at = (start: number, end: number): Range => offsetsToRange(text, lineCounter, start, Math.max(end, start + 1));
  const fail = (problems: Array<{ message: string; range?: Range }>): never => {
    const position = (range?: Range) => (range ? range.line * 1e6 + range.column : 0);
    const lines = [...problems]
      .sort((a, b) => position(a.range) - position(b.range))
      .map(({ message, range }) => `${file}:${range ? `${range.line}:${range.column}` : "1:1"}: ${message}`);
    throw new JourneymapError(lines.join("\n"));
  };
  if (document.errors.length > 0) {
    fail(
      document.errors.map((error) => ({
        message: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
        range: at(error.pos[0], error.pos[1]),
      })),
    );
  }
  let value: unknown;
  try {
    // A few aliases are fine; an alias bomb (aliases of aliases, exponentially) is refused by yaml's limit.
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const reason = /alias/i.test(error.message)
      ? "aliases expand to too many values: this looks like an alias bomb"
      : error instanceof RangeError
        ? "the configuration is nested too deeply"
        : error.message;
    throw new JourneymapError(`${file}:1:1: ${reason}`);
  }
  if (validate(value)) return value as LintConfig;

  const problems = schemaProblems(validate.errors ?? [], value, document, at);
  return fail(problems.length > 0 ? problems : [{ message: "the configuration does not match its schema" }]);
}

type At = (start: number, end: number) => Range;

function schemaProblems(
  errors: ErrorObject[],
  value: unknown,
  document: Document,
  at: At,
): Array<{ message: string; range?: Range }> {
  const problems: Array<{ message: string; range?: Range }> = [];
  const seen = new Set<string>();
  const add = (message: string, range: Range | undefined) => {
    const key = `${range?.line}:${range?.column}:${message}`;
    if (!seen.has(key)) problems.push({ message, ...(range ? { range } : {}) });
    seen.add(key);
  };
  const stages = (value as { stages?: unknown } | null)?.stages;
  for (const error of errors) {
    const path = parsePointer(error.instancePath);
    const node = (p: string[]) => rangeOfNode(document.getIn(p, true) as Node | undefined, at);
    if (error.keyword === "additionalProperties") {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const keyRange = rangeOfKey(document, path, key, at);
      if (path.length === 1 && path[0] === "rules") {
        add(unknownRuleMessage(key), keyRange);
      } else {
        const keys = path[0] === "review" ? ["every"] : ["stages", "rules", "data", "review"];
        const guess = closest(key, keys);
        const has =
          path[0] === "review" ? '"review" has "every"' : 'a configuration has "stages", "rules", "data" and "review"';
        add(`unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}: ${has}`, keyRange);
      }
    } else if (path[0] === "rules" && path.length === 2) {
      add(badSeverityMessage(String(document.getIn(path)), path[1]!), node(path));
    } else if (path[0] === "stages" && typeof stages === "string") {
      add(unknownPresetMessage(stages), node(path));
    } else if (path[0] === "stages" && Array.isArray(stages)) {
      if (error.keyword === "pattern" || (error.keyword === "type" && path.length === 2)) {
        add(
          `stage id ${JSON.stringify(document.getIn(path))} must be a lowercase kebab-case id like "first-order"`,
          node(path),
        );
      } else if (error.keyword === "uniqueItems") {
        const { i, j } = error.params as { i: number; j: number };
        const second = Math.max(i, j);
        add(`stage "${String(stages[second])}" is listed twice in "stages"`, node([...path, String(second)]));
      }
    } else if (path[0] === "stages") {
      add(
        `"stages" must be a list of stage ids or a preset name (${Object.keys(STAGE_PRESETS).join(", ")})`,
        node(path),
      );
    } else if (path[0] === "backlog" && path[2] === "formula") {
      add(`backlog.priority.formula must be one of rice, ice, value (see docs/backlog.md)`, node(path));
    } else if (path[0] === "backlog" && path[2] === "defaultConfidence") {
      add(`backlog.priority.defaultConfidence must be a percent from 0 to 100`, node(path));
    } else if (path[0] === "data" && path[1] === "maxAge") {
      add(`data.maxAge must be a number of days or weeks, such as 90d or 12w`, node(path));
    } else if (path[0] === "review" && path[1] === "every") {
      add(`review.every must be a number of days, or days or weeks such as 90d or 13w`, node(path));
    } else if (error.keyword === "type") {
      const what = path.length === 0 ? "the configuration" : `"${path.join(".")}"`;
      add(`${what} must be a mapping${path[0] === "rules" ? " of rule id to severity" : ""}`, node(path));
    } else {
      add(`${path.length ? `"${path.join(".")}" ` : ""}${error.message ?? "is not valid"}`, node(path));
    }
  }
  return problems;
}

function rangeOfNode(node: Node | undefined, at: At): Range | undefined {
  return node?.range ? at(node.range[0], node.range[1]) : undefined;
}

function rangeOfKey(document: Document, path: string[], key: string, at: At): Range | undefined {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return rangeOfNode(pair?.key as Node | undefined, at);
}

export { findRepositoryRoot };

/** Finds each map's configuration from its folder upward. The search stops at the repository root;
 * outside a repository it does not climb above the working directory (a map outside it gets only its
 * own folder), so a configuration planted in /tmp or a home folder never applies silently. Lookups are
 * cached per folder and files are read once, so a thousand maps in one folder cost one search. */
export class ConfigFinder {
  readonly #byFolder = new Map<string, ResolvedConfig>();
  readonly #byFile = new Map<string, ResolvedConfig>();
  readonly #defaults = resolveConfig();
  readonly #cwd: string;
  readonly #maxBytes: number | undefined;

  constructor(options: { cwd?: string; maxBytes?: number } = {}) {
    this.#cwd = resolve(options.cwd ?? process.cwd());
    this.#maxBytes = options.maxBytes;
  }

  forFolder(folder: string): ResolvedConfig {
    const start = resolve(folder);
    const cached = this.#byFolder.get(start);
    if (cached) return cached;
    const repository = findRepositoryRoot(start);
    const boundary = repository ?? (isInside(start, this.#cwd) ? this.#cwd : start);
    let found: ResolvedConfig | undefined;
    for (let current = start; ; current = dirname(current)) {
      const file = CONFIG_FILE_NAMES.map((name) => join(current, name)).find((path) => existsSync(path));
      if (file) {
        found = this.#byFile.get(file) ?? loadConfigFile(file, { maxBytes: this.#maxBytes });
        this.#byFile.set(file, found);
        break;
      }
      if (current === boundary || dirname(current) === current) break;
    }
    const config = found ?? this.#defaults;
    this.#byFolder.set(start, config);
    return config;
  }
}
