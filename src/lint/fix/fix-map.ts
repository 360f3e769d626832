// fixMap: applies the certain fixes to a map's text, step by step, keeping every untouched byte;
// each step's result is re-loaded and re-linted, and a step that would break the map is dropped.
import { parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../../diagnostic.js";
import { loadJourney, type LoadedJourney } from "../../journey/load.js";
import type { Journey } from "../../journey/model.js";
import { resolveConfig, type ResolvedConfig } from "../config.js";
import { lintLoaded } from "../engine.js";
import { rules } from "../rules/index.js";
import { parseDirectives, type Directive } from "../suppressions.js";
import { LineIndex, OffsetMap, applyEdits, withoutOverlaps } from "./edits.js";
import { FIX_STEPS, type FixStep } from "./fixers.js";
import type { AppliedFix, FixContext, ProposedFix } from "./types.js";

export interface FixOptions {
  /** The name used in findings; defaults to "<input>". */
  file?: string;
  /** The lint configuration of the map (a rule that is "off" is not fixed); defaults to the defaults. */
  config?: ResolvedConfig;
  /** The map as the caller already loaded it from this very text, without shared definitions: spares
   * loading it again (a 1 MB map takes a fifth of a second). */
  loaded?: LoadedJourney;
}

export interface FixResult {
  /** The fixed text: the input itself when nothing was fixed. */
  text: string;
  /** The fixes applied: in source order, pass after pass (a second pass fixes what the first uncovered). */
  fixes: AppliedFix[];
  /** The fixed text loaded (without shared definitions), when a fix was applied. */
  loaded?: LoadedJourney;
}

type StepFix = ProposedFix & { step: FixStep };

interface Analysis {
  loaded: LoadedJourney & { journey: Journey };
  findings: Diagnostic[];
}

/** A correction can reveal a real finding elsewhere, but never create a second element with one id. */
const NEVER_MORE = ["duplicate-id"];
/** Each pass can enable the next (a removed comment frees a line); three is more than any map needs. */
const MAX_PASSES = 3;

/** Fixes the map's text. Never throws for bad input: a map with YAML or schema errors is returned as
 * it is, with no fixes. Linear in the size of the map (a constant number of loads and lints). */
export function fixMap(input: string, options: FixOptions = {}): FixResult {
  const bom = input.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const original = bom ? input.slice(1) : input;
  const config = options.config ?? resolveConfig();
  const analyse = (text: string, given?: LoadedJourney): Analysis | undefined => {
    const loaded = given?.text === text ? given : loadJourney(text, { file: options.file });
    if (!loaded.journey || loaded.diagnostics.length > 0) return undefined;
    return { loaded: loaded as Analysis["loaded"], findings: lintLoaded(loaded, config) };
  };
  let state = analyse(original, options.loaded);
  if (!state) return { text: input, fixes: [] };

  const originalLines = new LineIndex(original);
  const history: OffsetMap[] = [];
  const applied: AppliedFix[] = [];
  let text = original;
  const enabled = FIX_STEPS.filter(
    (step) => !step.rule || (config.rules[step.rule] ?? rules[step.rule]!.meta.defaultSeverity) !== "off",
  );
  /** Applies fixes when the result passes `accept`; says whether it did. */
  const attempt = (fixes: StepFix[], accept: (before: Diagnostic[], after: Diagnostic[]) => boolean): boolean => {
    const kept = withoutOverlaps(fixes);
    if (kept.length === 0) return false;
    const edits = kept.map((fix) => fix.edit);
    const candidate = applyEdits(text, edits);
    const next = analyse(candidate);
    if (!next || !accept(state!.findings, next.findings)) return false;
    for (const fix of kept) {
      const offset = history.reduceRight((at, map) => map.toInput(at), fix.edit.start);
      applied.push({ fixId: fix.step.id, message: fix.message, ...originalLines.position(offset) });
    }
    history.push(new OffsetMap(edits));
    text = candidate;
    state = next;
    return true;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // Every step's fixes at once, accepted when no rule's findings grow; when that fails (a corrected
    // persona can reveal a real gap), each step runs alone with its own check, at the cost of more loads.
    const context = contextOf(text, state, config, options.file);
    const proposed = enabled.flatMap((step) => step.fixer(context).map((fix) => ({ ...fix, step })));
    if (proposed.length === 0) break;
    const steps = new Set(proposed.map((fix) => fix.step));
    if (
      attempt(proposed, (before, after) =>
        [...steps].every((step) =>
          acceptable({ ...step, strict: true }, before, after, proposed.filter((fix) => fix.step === step).length),
        ),
      )
    )
      continue;
    let changed = false;
    for (const step of enabled) {
      const fixes = step.fixer(contextOf(text, state, config, options.file)).map((fix) => ({ ...fix, step }));
      if (attempt(fixes, (before, after) => acceptable(step, before, after, withoutOverlaps(fixes).length)))
        changed = true;
    }
    if (!changed) break;
  }
  return applied.length > 0 ? { text: bom + text, fixes: applied, loaded: state.loaded } : { text: input, fixes: [] };
}

function contextOf(text: string, state: Analysis, config: ResolvedConfig, file: string | undefined): FixContext {
  // Parsed on first use: most steps find nothing to fix from the findings alone.
  let document: Document.Parsed | undefined;
  let directives: Directive[] | undefined;
  let unsuppressed: Diagnostic[] | undefined | null = null;
  const lines = new LineIndex(text);
  return {
    text,
    loaded: state.loaded,
    get document() {
      return (document ??= parseDocument(text, { keepSourceTokens: true }));
    },
    lines,
    config,
    findings: state.findings,
    get directives() {
      return (directives ??= parseDirectives(text));
    },
    unsuppressedFindings() {
      // The same text with every directive turned into a plain comment of the same length: the
      // findings keep their positions, and none is suppressed.
      if (unsuppressed !== null) return unsuppressed;
      const edits = this.directives.map((directive) => {
        const start = lines.offset(directive.range.line, directive.range.column);
        const end = lines.offset(directive.range.endLine, directive.range.endColumn);
        return { start, end, replacement: "#".padEnd(end - start, " ") };
      });
      const loaded = loadJourney(applyEdits(text, edits), { file });
      // Should the blanked text not load, no comment can be shown unused.
      unsuppressed = loaded.journey ? lintLoaded(loaded, config) : undefined;
      return unsuppressed;
    },
  };
}

function countByRule(findings: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** A step's result is kept when it resolved at least one finding per fix of its rule and raised no
 * count it may not raise. */
function acceptable(step: FixStep, before: Diagnostic[], after: Diagnostic[], fixCount: number): boolean {
  const was = countByRule(before);
  const is = countByRule(after);
  if (step.rule && (is.get(step.rule) ?? 0) > (was.get(step.rule) ?? 0) - fixCount) return false;
  for (const [ruleId, count] of is) {
    if (ruleId === step.rule) continue;
    if ((step.strict || NEVER_MORE.includes(ruleId)) && count > (was.get(ruleId) ?? 0)) return false;
  }
  return true;
}
