// The user's package manager, for install hints a user can paste: `pnpm add`, not `npm install`, to a
// pnpm user. Told by the client that started journeymap (every client sets npm_config_user_agent for
// the scripts and binaries it runs), else by the lockfile in the working folder, else npm.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type PackageManager = "npm" | "pnpm" | "yarn" | "bun";

/** The lockfiles each client writes, in the order they are looked for. */
const LOCKFILES: [string, PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
];

export function detectPackageManager(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PackageManager {
  const agent = /^(npm|pnpm|yarn|bun)\//.exec(env.npm_config_user_agent ?? "")?.[1] as PackageManager | undefined;
  if (agent) return agent;
  for (const [lockfile, manager] of LOCKFILES) if (existsSync(join(cwd, lockfile))) return manager;
  return "npm";
}

/** The command that adds packages to the user's project, e.g. "pnpm add puppeteer-core". */
export function installCommand(packages: string[], manager: PackageManager = detectPackageManager()): string {
  const verb = manager === "npm" ? "npm install" : `${manager} add`;
  return `${verb} ${packages.join(" ")}`;
}
