// Stage presets: the stage lists teams already know, usable by name as "stages: <preset>" in the config.

export const STAGE_PRESETS = {
  /** The marketing funnel: the default when a config names no stages. */
  funnel: ["awareness", "consideration", "decision", "retention", "advocacy"],
  /** A SaaS customer lifecycle. */
  saas: ["acquisition", "activation", "adoption", "retention", "expansion", "advocacy"],
  /** Service design's three phases of a service encounter. */
  "service-design": ["pre-service", "service", "post-service"],
} as const satisfies Record<string, readonly string[]>;

export type PresetName = keyof typeof STAGE_PRESETS;

export const DEFAULT_PRESET: PresetName = "funnel";

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(STAGE_PRESETS, name);
}
