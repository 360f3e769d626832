// `journeymap lint` (being built).
import type { Command } from "commander";

export function registerLint(_program: Command): void {}
