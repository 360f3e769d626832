// `journeymap rules`: the rule catalog with default severities, for people (a table) or tools (json).
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { examples } from "./options.js";
import { stdout } from "../io/standard-streams.js";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("list every lint rule with its default severity and what it finds")
    .option("-f, --format <format>", "text or json", "text")
    .addHelpText("after", examples("$ journeymap rules", "$ journeymap rules --format json"))
    .action(async (options: { format: string }) => {
      if (options.format !== "text" && options.format !== "json")
        throw new JourneymapError(`unknown format "${options.format}": use text or json`);
      const { ruleDescriptors, STAGE_PRESETS, DEFAULT_PRESET } = await import("../lint/index.js");
      const catalog = ruleDescriptors();
      if (options.format === "json") {
        const shown = catalog.map(({ id, description, defaultSeverity, docsUrl }) => ({
          id,
          description,
          defaultSeverity,
          docsUrl,
        }));
        stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return;
      }
      const idWidth = Math.max(...catalog.map((rule) => rule.id.length));
      const lines = [`${"rule".padEnd(idWidth)}  ${"default".padEnd(7)}  finds`];
      for (const rule of catalog)
        lines.push(`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}`);
      const presets = Object.entries(STAGE_PRESETS).map(
        ([name, stages]) => `  ${name}${name === DEFAULT_PRESET ? " (default)" : ""}: ${stages.join(", ")}`,
      );
      lines.push(
        "",
        "Set severities (error, warning, info, off) and the expected stages in journeymap.config.yaml.",
        "Stage presets:",
        ...presets,
        `Each rule's page: ${catalog[0]!.docsUrl!.replace(/[^/]+\.md$/, "<rule>.md")}`,
      );
      stdout.write(`${lines.join("\n")}\n`);
    });
}
