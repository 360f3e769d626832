// The mermaid-cli engine: draws Mermaid text as SVG, PNG or PDF in the system's Chromium, with the
// Mermaid that @mermaid-js/mermaid-cli ships. One browser and one page serve every diagram of a run.
import { createRequire } from "node:module";
import type { Browser, Page } from "puppeteer-core";
import { JourneymapError } from "../errors.js";
import { launchBrowser, missingPackageMessage } from "./browser.js";
import { MERMAID_MAX_TEXT_SIZE } from "./mermaid.js";

export type MermaidCliFormat = "svg" | "png" | "pdf";

export interface MermaidCliOptions {
  /** Path to Chromium or Chrome; else PUPPETEER_EXECUTABLE_PATH or the usual places. */
  browser?: string;
}

export interface DrawOptions {
  /** Device pixels per CSS pixel for PNG (default 2, readable on a slide). */
  scale?: number;
  /** Page background behind the diagram. */
  background?: string;
}

export interface MermaidCliEngine {
  draw(definition: string, format: MermaidCliFormat, options?: DrawOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const DEFAULT_SCALE = 1;
const ENGINE = "--engine mermaid-cli";
const PAGE =
  '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="container"></div></body></html>';
// The same id for every diagram keeps the SVG's ids, and so its bytes, the same from run to run.
const SVG_ID = "journeymap";

/** The Mermaid bundle that mermaid-cli itself loads into its page (resolved from mermaid-cli, not from us). */
export function mermaidBundlePath(): string {
  const fromHere = createRequire(import.meta.url);
  const resolves = (name: string) => {
    try {
      return fromHere.resolve(name);
    } catch {
      return undefined;
    }
  };
  const mermaidCli = resolves("@mermaid-js/mermaid-cli");
  // Both optional packages are checked at once, so that one message names everything to install.
  const missing = [
    ...(mermaidCli ? [] : ["@mermaid-js/mermaid-cli"]),
    ...(resolves("puppeteer-core") ? [] : ["puppeteer-core"]),
  ];
  if (!mermaidCli || missing.length > 0) throw new JourneymapError(missingPackageMessage(ENGINE, missing));
  return createRequire(mermaidCli).resolve("mermaid/dist/mermaid.min.js");
}

/**
 * Launches the browser once and loads Mermaid into one page; `draw` then renders a diagram in that
 * page in tens of milliseconds, where mermaid-cli's own renderMermaid opens a new page (and loads
 * Mermaid again) for every diagram.
 */
export async function startMermaidCli(options: MermaidCliOptions = {}): Promise<MermaidCliEngine> {
  // Checked before the browser starts, so that a missing package costs no browser launch.
  const bundle = mermaidBundlePath();
  const browser = await launchBrowser(options.browser, ENGINE);
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ path: bundle });
    await page.evaluate(() => {
      // The bundle defines window.mermaid; diagrams are drawn on demand, never on load.
      (globalThis as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({
        startOnLoad: false,
        // A diagram Mermaid cannot parse throws instead of drawing Mermaid's error picture.
        suppressErrorRendering: true,
      });
    });
    return new Engine(browser, page);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The little of the page's DOM and Mermaid that drawing uses (this project compiles without DOM types). */
interface InPageSvg {
  style: { backgroundColor: string; removeProperty(name: string): void };
  viewBox?: { baseVal?: { width: number; height: number } };
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
}
interface InPage {
  mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
  document: {
    getElementById(id: string): { innerHTML: string; querySelector(selector: string): InPageSvg | null } | null;
  };
  XMLSerializer: new () => { serializeToString(node: InPageSvg): string };
}

class Engine implements MermaidCliEngine {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  async draw(definition: string, format: MermaidCliFormat, options: DrawOptions = {}): Promise<Uint8Array> {
    const svg = await this.#drawSvg(definition, options.background ?? "white");
    if (format === "svg") return new TextEncoder().encode(svg);
    const box = await this.page.$eval("#container svg", (element) => {
      const rect = (
        element as unknown as { getBoundingClientRect(): { left: number; top: number; width: number; height: number } }
      ).getBoundingClientRect();
      return {
        x: Math.floor(rect.left),
        y: Math.floor(rect.top),
        width: Math.ceil(rect.width),
        height: Math.ceil(rect.height),
      };
    });
    if (format === "png") {
      const scale = options.scale ?? DEFAULT_SCALE;
      await this.page.setViewport({ width: box.x + box.width, height: box.y + box.height, deviceScaleFactor: scale });
      return new Uint8Array(await this.page.screenshot({ type: "png", clip: box, omitBackground: false }));
    }
    // One page exactly the size of the diagram, not the diagram on a letter-size sheet.
    return new Uint8Array(
      await this.page.pdf({
        width: `${box.x * 2 + box.width}px`,
        height: `${box.y * 2 + box.height}px`,
        printBackground: true,
        pageRanges: "1-1",
      }),
    );
  }

  async #drawSvg(definition: string, background: string): Promise<string> {
    let drawn: { svg: string; kind: string | null };
    try {
      drawn = await this.page.evaluate(
        async (text, id, color) => {
          // Runs in the page, where the DOM exists (this project compiles without DOM types).
          const page = globalThis as unknown as InPage;
          const { svg } = await page.mermaid.render(id, text);
          const container = page.document.getElementById("container")!;
          container.innerHTML = svg;
          const element = container.querySelector("svg");
          if (!element) return { svg: "", kind: null };
          element.style.backgroundColor = color;
          // Mermaid sizes the SVG to its container (width 100%); a file stands alone, so it gets
          // the diagram's own size, which is also what PNG and PDF are cut to.
          const box = element.viewBox?.baseVal;
          if (box && box.width > 0) {
            element.setAttribute("width", String(box.width));
            element.setAttribute("height", String(box.height));
            element.style.removeProperty("max-width");
          }
          // Serialized from the DOM: well-formed XML, with Mermaid's entity codes resolved to characters.
          return {
            svg: new page.XMLSerializer().serializeToString(element),
            kind: element.getAttribute("aria-roledescription"),
          };
        },
        definition,
        SVG_ID,
        background,
      );
    } catch (error) {
      throw new Error(
        `Mermaid could not draw the diagram: ${(error as Error).message.split("\n")[0]!.replace(/^Evaluation failed: (Error: )?/, "")}`,
        { cause: error },
      );
    }
    // Every diagram journeymap writes is a journey: anything else is a picture Mermaid drew instead
    // (its "Maximum text size" flowchart, its error bomb), never to be written as if it were the map.
    if (drawn.kind !== "journey") {
      if (definition.length > MERMAID_MAX_TEXT_SIZE) {
        throw new Error(
          `the diagram is ${definition.length} characters, above Mermaid's limit of ${MERMAID_MAX_TEXT_SIZE}, and Mermaid ` +
            'drew only "Maximum text size in diagram exceeded": draw the journey-map picture with --engine native',
        );
      }
      throw new Error(`Mermaid drew a ${drawn.kind ?? "unknown"} picture instead of the journey diagram`);
    }
    return drawn.svg;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
