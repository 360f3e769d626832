// `journeymap render` (being built).
import type { Command } from "commander";

export function registerRender(_program: Command): void {}
