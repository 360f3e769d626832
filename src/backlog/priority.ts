// The backlog's priority: a few named formulas over value, effort and confidence (no expression from a
// configuration is ever evaluated), and the ranking they give, unscored opportunities last.
import { JourneymapError } from "../errors.js";
import type { CollectedOpportunity } from "./collect.js";

interface Scores {
  value: number;
  effort: number;
  /** 0..1 */
  confidence: number;
}

interface PriorityFormula {
  /** How the formula reads, for help, reports and docs. */
  description: string;
  /** Whether the formula needs an effort score (an opportunity without one is unscored). */
  usesEffort: boolean;
  priority(scores: Scores): number;
}

/** Every formula, by the name a configuration or --priority gives. */
export const PRIORITY_FORMULAS = {
  rice: {
    description: "value × confidence ÷ effort (RICE without reach)",
    usesEffort: true,
    priority: ({ value, effort, confidence }) => (value * confidence) / effort,
  },
  ice: {
    description: "value × confidence × ease, where ease is 6 − effort (ICE)",
    usesEffort: true,
    priority: ({ value, effort, confidence }) => value * confidence * (6 - effort),
  },
  value: {
    description: "value × confidence (effort left out)",
    usesEffort: false,
    priority: ({ value, confidence }) => value * confidence,
  },
} satisfies Record<string, PriorityFormula>;

export type PriorityFormulaName = keyof typeof PRIORITY_FORMULAS;
export const PRIORITY_FORMULA_NAMES = Object.keys(PRIORITY_FORMULAS) as PriorityFormulaName[];

/** An unstated confidence counts as RICE's "medium": a stated 100 % ranks above it, a stated 50 % below. */
export const DEFAULT_CONFIDENCE = 80;

/** How the backlog ranks, as journeymap.config.yaml's `backlog.priority` writes it. */
export interface PriorityConfig {
  formula?: string;
  defaultConfidence?: number;
}

export interface PrioritySettings {
  formula: PriorityFormulaName;
  /** Percent, for an opportunity that gives none. */
  defaultConfidence: number;
}

export function isPriorityFormula(name: string): name is PriorityFormulaName {
  return Object.hasOwn(PRIORITY_FORMULAS, name);
}

/** The settings a configuration asks for, with the defaults for what it leaves out. */
export function prioritySettings(config: PriorityConfig = {}): PrioritySettings {
  const formula = config.formula ?? "rice";
  if (!isPriorityFormula(formula))
    throw new JourneymapError(`unknown priority formula "${formula}": use one of ${PRIORITY_FORMULA_NAMES.join(", ")}`);
  const defaultConfidence = config.defaultConfidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isFinite(defaultConfidence) || defaultConfidence < 0 || defaultConfidence > 100)
    throw new JourneymapError(`the default confidence must be a percent from 0 to 100 (got ${defaultConfidence})`);
  return { formula, defaultConfidence };
}

export interface RankedOpportunity extends CollectedOpportunity {
  /** 1 for the first; unscored opportunities are ranked too, after every scored one. */
  rank: number;
  /** Absent when the opportunity lacks a score the formula needs. */
  priority?: number;
  /** The confidence the priority used, in percent (the default when the map gives none). */
  usedConfidence: number;
}

/** The priority of one opportunity, or undefined when a score the formula needs is missing or out of
 * the 1..5 scale (a schema-valid map never has one out of it; a library caller might). */
export function priorityOf(opportunity: CollectedOpportunity, settings: PrioritySettings): number | undefined {
  const formula = PRIORITY_FORMULAS[settings.formula];
  const { value, effort } = opportunity;
  if (!onScale(value)) return undefined;
  if (formula.usesEffort && !onScale(effort)) return undefined;
  const confidence = (opportunity.confidence ?? settings.defaultConfidence) / 100;
  if (!(confidence >= 0 && confidence <= 1)) return undefined;
  // Rounded so that floating-point noise (3 × 0.8 ÷ 3 ≠ 4 × 0.8 ÷ 4) never decides a rank or shows in JSON.
  return Math.round(formula.priority({ value, effort: effort ?? 1, confidence }) * 1e6) / 1e6;
}

function onScale(score: number | undefined): score is number {
  return score !== undefined && Number.isInteger(score) && score >= 1 && score <= 5;
}

/** Highest priority first; equal priorities by higher value, then lower effort, then repository order.
 * Unscored ones last, in repository order. Stable and linear-logarithmic. */
export function rankOpportunities(
  opportunities: readonly CollectedOpportunity[],
  settings: PrioritySettings,
): RankedOpportunity[] {
  const scored = opportunities.map((opportunity, order) => ({
    opportunity,
    order,
    priority: priorityOf(opportunity, settings),
  }));
  scored.sort((a, b) => {
    if (a.priority === undefined || b.priority === undefined) {
      if (a.priority !== b.priority) return a.priority === undefined ? 1 : -1;
      return a.order - b.order;
    }
    return (
      b.priority - a.priority ||
      (b.opportunity.value ?? 0) - (a.opportunity.value ?? 0) ||
      // An unknown effort (the value formula ranks without one) counts as more than any.
      (a.opportunity.effort ?? 6) - (b.opportunity.effort ?? 6) ||
      a.order - b.order
    );
  });
  return scored.map(({ opportunity, priority }, index) => ({
    ...opportunity,
    rank: index + 1,
    ...(priority !== undefined ? { priority } : {}),
    usedConfidence: opportunity.confidence ?? settings.defaultConfidence,
  }));
}

/** A priority as reports show it: two decimals at most. */
export function shownPriority(priority: number | undefined): string {
  return priority === undefined ? "–" : `${Math.round(priority * 100) / 100}`;
}
