// `journeymap backlog`: the repository's opportunities. A minimal command written by the sync so that
// `--sync github` runs before the backlog's own listing lands: that listing replaces this file, keeping
// the call to registerBacklogSync and runBacklogSync first in its action.
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { registerBacklogSync, runBacklogSync, type BacklogSyncOptions } from "./backlog-sync.js";
import { examples } from "./options.js";

export function registerBacklog(program: Command): void {
  const command = program
    .command("backlog")
    .description("the repository's opportunities, kept in step with GitHub issues with --sync github")
    .argument(
      "[paths...]",
      'map files, folders (searched for *.journey.yaml), quoted globs, "!glob" to leave maps out',
    );
  registerBacklogSync(command)
    .addHelpText(
      "after",
      examples(
        "$ journeymap backlog examples --sync github --dry-run",
        "$ GITHUB_TOKEN=… journeymap backlog . --sync github --repo acme/shop --site-url https://acme.github.io/shop/journeys/",
        "$ journeymap backlog . --sync github --pull && git diff",
      ),
    )
    .action(async (paths: string[], options: BacklogSyncOptions, self: Command) => {
      if (await runBacklogSync(paths, options, self)) return;
      throw new JourneymapError("the backlog listing is not built yet: use --sync github");
    });
}
