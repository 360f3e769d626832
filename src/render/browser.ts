// Finds and launches the system's Chrome, Chromium or Edge for the parts that need a browser (the
// mermaid-cli engine, PDF). journeymap never downloads a browser: it drives one with puppeteer-core,
// an optional peer dependency imported only when a browser is launched.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { JourneymapError } from "../errors.js";
import { installCommand } from "../io/package-manager.js";

/** Where Chrome, Chromium and Edge install themselves, per platform, most common first. */
export function usualBrowserPlaces(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = env.HOME ?? "",
): string[] {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(
      (root): root is string => root !== undefined && root !== "",
    );
    const programs = [
      "Google\\Chrome\\Application\\chrome.exe",
      "Chromium\\Application\\chrome.exe",
      "Microsoft\\Edge\\Application\\msedge.exe",
    ];
    return programs.flatMap((program) => roots.map((root) => `${root}\\${program}`));
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    return apps.flatMap((app) => [`/Applications/${app}`, ...(home ? [join(home, "Applications", app)] : [])]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/snap/bin/chromium",
    "/usr/bin/microsoft-edge",
    "/usr/bin/microsoft-edge-stable",
  ];
}

/**
 * The browser to use: --browser, else PUPPETEER_EXECUTABLE_PATH, else CHROME_PATH, else the usual
 * install places; undefined if none exists. A path that was asked for and is missing is not
 * silently replaced by another browser.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const asked = explicit || env.PUPPETEER_EXECUTABLE_PATH || env.CHROME_PATH;
  if (asked) return existsSync(asked) ? asked : undefined;
  return usualBrowserPlaces(process.platform, env).find((path) => existsSync(path));
}

export const NO_BROWSER_MESSAGE =
  "no Chromium or Chrome found: install one (Debian/Ubuntu: apt-get install chromium; macOS, Windows: Google Chrome " +
  "or Microsoft Edge), or point to it with --browser PATH or PUPPETEER_EXECUTABLE_PATH or CHROME_PATH";

/**
 * Imports an optional peer dependency, or says in one line what to install: a missing optional
 * package must never break the commands that do not need it, nor end in a stack trace.
 */
export async function importOptional<T>(name: string, purpose: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, name)) throw new JourneymapError(missingPackageMessage(purpose, [name]));
    throw error;
  }
}

/** Node's "cannot find" for `name`, or Yarn Plug'n'Play's refusal of a peer dependency the project lacks. */
function isMissingPackage(error: unknown, name: string): boolean {
  const { code, message = "", pnpCode } = (error ?? {}) as NodeJS.ErrnoException & { pnpCode?: string };
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return false;
  if (message.includes(`'${name}'`)) return true;
  // "journeymap tried to access puppeteer-core (a peer dependency) but it isn't provided by your application".
  const pnpMissing = pnpCode === "MISSING_PEER_DEPENDENCY" || pnpCode === "UNDECLARED_DEPENDENCY";
  return pnpMissing && (message.includes(`tried to access ${name} `) || message.includes(`tried to access ${name},`));
}

/**
 * "PDF needs puppeteer-core, an optional package that is not installed: run pnpm add puppeteer-core",
 * with the user's package manager. mermaid-cli brings puppeteer, whose install script downloads a
 * Chrome: the command skips that download (journeymap uses the system's browser).
 */
export function missingPackageMessage(purpose: string, packages: string[]): string {
  const names = packages.join(" and ");
  const skipDownload = packages.includes("@mermaid-js/mermaid-cli") ? "PUPPETEER_SKIP_DOWNLOAD=1 " : "";
  return `${purpose} needs ${names}, ${packages.length === 1 ? "an optional package that is" : "optional packages that are"} not installed: run ${skipDownload}${installCommand(packages)}`;
}

/** Launches headless Chrome; throws JourneymapError (exit 2) when there is none or puppeteer-core is missing. */
export async function launchBrowser(explicit: string | undefined, purpose: string): Promise<Browser> {
  const { default: puppeteer } = await importOptional("puppeteer-core", purpose, () => import("puppeteer-core"));
  const executablePath = findBrowser(explicit);
  if (!executablePath) {
    const asked = explicit || process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH;
    throw new JourneymapError(asked ? `no browser at "${asked}": ${NO_BROWSER_MESSAGE}` : NO_BROWSER_MESSAGE);
  }
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      // journeymap handles Ctrl-C itself (render --watch exits 0); puppeteer's handler would exit 130.
      handleSIGINT: false,
      args: [
        ...(runningAsRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    });
  } catch (error) {
    throw new JourneymapError(
      `could not start the browser at "${executablePath}": ${(error as Error).message.split("\n")[0]}`,
    );
  }
}
