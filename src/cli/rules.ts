// `journeymap rules` (being built).
import type { Command } from "commander";

export function registerRules(_program: Command): void {}
