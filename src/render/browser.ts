// Finds and launches the system's Chromium for the parts that need a browser (the mermaid-cli engine,
// PDF). journeymap never downloads a browser; puppeteer is imported only when one is launched.
import { existsSync } from "node:fs";
import type { Browser } from "puppeteer";
import { JourneymapError } from "../errors.js";

const USUAL_PLACES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** The browser to use: --browser, else PUPPETEER_EXECUTABLE_PATH, else the usual places; undefined if none. */
export function findBrowser(explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  return USUAL_PLACES.find((path) => existsSync(path));
}

export const NO_BROWSER_MESSAGE =
  "no Chromium or Chrome found: install one (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome), " +
  "or point to it with --browser PATH or the PUPPETEER_EXECUTABLE_PATH environment variable";

/** Launches headless Chromium; throws JourneymapError (exit 2) when there is none. */
export async function launchBrowser(explicit?: string): Promise<Browser> {
  const executablePath = findBrowser(explicit);
  if (!executablePath) {
    throw new JourneymapError(explicit ? `no browser at "${explicit}": ${NO_BROWSER_MESSAGE}` : NO_BROWSER_MESSAGE);
  }
  const { default: puppeteer } = await import("puppeteer");
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
