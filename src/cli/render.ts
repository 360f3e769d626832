// `journeymap render`: maps to a Mermaid diagram, a Markdown docs page, or an SVG, PNG or PDF picture
// (native renderer or the mermaid-cli engine), to stdout, a file or a folder, once or on every save.
import { readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import type { Journey } from "../journey/model.js";
import { JourneymapError } from "../errors.js";
import { displayPath, findMaps, type MapInput } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { writeAtomic } from "../io/write-atomic.js";
import { formatters } from "../report/index.js";
import { inline, renderMarkdown } from "../render/markdown.js";
import { renderMermaid } from "../render/mermaid.js";
import type { MermaidCliEngine } from "../render/mermaid-cli.js";
import { examples, useColor } from "./options.js";

const FORMATS = ["mermaid", "markdown", "svg", "png", "pdf"] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { mermaid: ".mmd", markdown: ".md", svg: ".svg", png: ".png", pdf: ".pdf" };
const FORMAT_OF_EXTENSION: Record<string, Format> = {
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".md": "markdown",
  ".markdown": "markdown",
  ".svg": "svg",
  ".png": "png",
  ".pdf": "pdf",
};
const TEXT_FORMATS = new Set<Format>(["mermaid", "markdown", "svg"]);
const ENGINES = ["native", "mermaid-cli"] as const;
type Engine = (typeof ENGINES)[number];
const INDEX_PAGE = "index.md";

interface RenderOptions {
  format?: string;
  output?: string;
  engine?: string;
  theme: string;
  scale: string;
  browser?: string;
  mermaidConfig?: string;
  frontMatter?: boolean;
  watch?: boolean;
  stdinFilename?: string;
}

/** Everything a run needs, checked before any map is read. */
interface Plan {
  format: Format;
  engine?: Engine;
  theme: "light" | "dark";
  scale: number;
  browser?: string;
  mermaidConfig?: Record<string, unknown>;
  frontMatter: boolean;
  inputs: MapInput[];
  /** Absent: stdout. */
  destination?: { kind: "file"; path: string } | { kind: "folder"; path: string };
}

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("draw maps as a Mermaid diagram, a Markdown docs page, or an SVG, PNG or PDF picture")
    .argument("<paths...>", "map files, folders (searched for *.journey.yaml), quoted globs, or - for stdin")
    .option("-f, --format <format>", `${FORMATS.join(", ")} (default: from --output's extension, else mermaid)`)
    .option("-o, --output <path>", "a file, or a folder for several maps (one file per map, named after it)")
    .option(
      "--engine <engine>",
      "for svg, png, pdf: native (the journey-map picture, default) or mermaid-cli (the Mermaid diagram, drawn in Chromium)",
    )
    .option("--theme <theme>", "light or dark", "light")
    .option("--scale <n>", "PNG pixels per point", "2")
    .option("--browser <path>", "Chromium or Chrome to use (else PUPPETEER_EXECUTABLE_PATH, else the usual places)")
    .option(
      "--mermaid-config <file>",
      "Mermaid configuration (JSON or YAML: theme, themeVariables, ...) written into the diagram as front matter",
    )
    .option(
      "--front-matter",
      "start Markdown pages with YAML front matter (title, description, tags) for static site generators",
    )
    .option("-w, --watch", "render again whenever a map changes (Ctrl-C to stop)")
    .option("--stdin-filename <name>", "the name to show for standard input")
    .addHelpText(
      "after",
      examples(
        "$ journeymap render examples/hotel.journey.yaml                 # Mermaid on stdout",
        "$ journeymap render examples/hotel.journey.yaml -o hotel.md     # Markdown docs page",
        "$ journeymap render maps/ --format markdown -o docs/journeys    # one page per map + index.md",
        "$ journeymap render examples/hotel.journey.yaml -o hotel.svg    # the journey-map picture",
        "$ journeymap render examples/hotel.journey.yaml -o hotel.png --engine mermaid-cli --scale 3",
        "$ journeymap render maps/ --format markdown -o docs/journeys --watch",
      ),
    )
    .action(async (paths: string[], options: RenderOptions, command: Command) => {
      const plan = await makePlan(paths, options);
      const run = new RenderRun(plan, useColor(command, process.stderr));
      try {
        await run.renderAll();
        if (options.watch) await run.watch();
      } finally {
        await run.close();
      }
    });
}

async function makePlan(paths: string[], options: RenderOptions): Promise<Plan> {
  const format = pickFormat(options);
  const engine = pickEngine(format, options.engine);
  if (options.theme !== "light" && options.theme !== "dark")
    throw new JourneymapError(`unknown theme "${options.theme}": use light or dark`);
  const scale = Number(options.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10)
    throw new JourneymapError(`--scale must be a number above 0 and at most 10 (got "${options.scale}")`);
  const mermaidConfig = options.mermaidConfig === undefined ? undefined : readMermaidConfig(options.mermaidConfig);
  const inputs = await findMaps(paths, { stdinFilename: options.stdinFilename });
  if (options.watch && inputs.some((input) => !input.path))
    throw new JourneymapError("--watch needs map files: standard input cannot be watched");

  const manyMaps =
    inputs.length > 1 || paths.some((path) => path !== "-" && statSync(path, { throwIfNoEntry: false })?.isDirectory());
  const plan: Plan = {
    format,
    engine,
    theme: options.theme,
    scale,
    browser: options.browser,
    mermaidConfig,
    frontMatter: options.frontMatter ?? false,
    inputs,
  };
  if (options.output === undefined) {
    if (manyMaps)
      throw new JourneymapError(`several maps need --output FOLDER: one ${EXTENSIONS[format]} file is written per map`);
    if (!TEXT_FORMATS.has(format) && process.stdout.isTTY) {
      throw new JourneymapError(
        `${format.toUpperCase()} is binary and would garble the terminal: write it with --output FILE${EXTENSIONS[format]} or redirect stdout`,
      );
    }
    return plan;
  }
  const output = resolve(options.output);
  const existing = statSync(output, { throwIfNoEntry: false });
  const folder = manyMaps || existing?.isDirectory() === true || /[/\\]$/.test(options.output);
  if (
    folder &&
    ((existing && !existing.isDirectory()) || (!existing && FORMAT_OF_EXTENSION[extname(output).toLowerCase()]))
  ) {
    throw new JourneymapError(
      `--output "${options.output}" names a file, but several maps need a folder (one file per map)`,
    );
  }
  plan.destination = { kind: folder ? "folder" : "file", path: output };
  checkTargets(plan);
  return plan;
}

function pickFormat(options: RenderOptions): Format {
  const fromExtension =
    options.output === undefined ? undefined : FORMAT_OF_EXTENSION[extname(options.output).toLowerCase()];
  if (options.format === undefined) return fromExtension ?? "mermaid";
  const format =
    options.format.toLowerCase() === "md"
      ? "markdown"
      : options.format.toLowerCase() === "mmd"
        ? "mermaid"
        : options.format.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new JourneymapError(`unknown format "${options.format}": use one of ${FORMATS.join(", ")}`);
  if (fromExtension !== undefined && fromExtension !== format) {
    throw new JourneymapError(
      `--output "${options.output}" ends in ${extname(options.output!)} but --format is ${format}: make them agree`,
    );
  }
  return format as Format;
}

function pickEngine(format: Format, engine: string | undefined): Engine | undefined {
  if (engine === undefined) return format === "mermaid" || format === "markdown" ? undefined : "native";
  if (!(ENGINES as readonly string[]).includes(engine))
    throw new JourneymapError(`unknown engine "${engine}": use native or mermaid-cli`);
  if (format === "mermaid" || format === "markdown")
    throw new JourneymapError(`--engine applies to svg, png and pdf, not to ${format}`);
  return engine as Engine;
}

function readMermaidConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new JourneymapError(`cannot read the Mermaid config "${file}": ${(error as Error).message}`);
  }
  let config: unknown;
  try {
    config = parseYaml(text); // JSON is YAML too
  } catch (error) {
    throw new JourneymapError(
      `the Mermaid config "${file}" is not valid JSON or YAML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new JourneymapError(
      `the Mermaid config "${file}" must be a mapping of Mermaid settings, such as {"theme": "forest"}`,
    );
  }
  return config as Record<string, unknown>;
}

/** Where a map's rendering goes; undefined for stdout. */
function targetOf(plan: Plan, input: MapInput): string | undefined {
  const destination = plan.destination;
  if (!destination) return undefined;
  if (destination.kind === "file") return destination.path;
  // Standard input without --stdin-filename is shown as "<stdin>": its file is called "stdin".
  const name =
    basename(input.path ?? input.file)
      .replace(/\.journey\.ya?ml$|\.ya?ml$/i, "")
      .replace(/[<>:"|?*]/g, "") || "map";
  return join(destination.path, `${name}${EXTENSIONS[plan.format]}`);
}

/** Refuses, before anything is written, a run that would overwrite a map or write two maps to one file. */
function checkTargets(plan: Plan): void {
  const inputPaths = new Set(plan.inputs.flatMap((input) => (input.path ? [input.path] : [])));
  const seen = new Map<string, string>();
  const index =
    plan.destination?.kind === "folder" && plan.format === "markdown"
      ? join(plan.destination.path, INDEX_PAGE)
      : undefined;
  if (index) seen.set(index, "the index page");
  for (const input of plan.inputs) {
    const target = targetOf(plan, input)!;
    if (inputPaths.has(target))
      throw new JourneymapError(
        `refusing to overwrite the map "${input.file}" with its rendering: choose another --output`,
      );
    const other = seen.get(target);
    if (other)
      throw new JourneymapError(
        `"${input.file}" and ${other} would both be written to "${displayPath(target)}": rename one of the maps`,
      );
    seen.set(target, `"${input.file}"`);
  }
}

/** One run: renders maps, writes them, remembers the last good page of each for the index and --watch. */
class RenderRun {
  #engine?: Promise<MermaidCliEngine>;
  #pages = new Map<MapInput, { title: string; target: string }>();
  #watchers: FSWatcher[] = [];

  constructor(
    private readonly plan: Plan,
    private readonly color: boolean,
  ) {}

  async renderAll(): Promise<void> {
    let failed = false;
    for (const input of this.plan.inputs) {
      const rendered = await this.renderOne(input);
      const page = this.#pages.get(input);
      // Say where files went (stderr, so piping stdout stays clean); stdout renderings speak for themselves.
      if (rendered && page) process.stderr.write(`✔ ${input.file} → ${displayPath(page.target)}\n`);
      failed = !rendered || failed;
    }
    this.writeIndex();
    process.exitCode = failed ? 1 : 0;
  }

  /** Renders one map; false when it has errors (they are printed and nothing is written for it). */
  async renderOne(input: MapInput): Promise<boolean> {
    const map = await readMap(input);
    if (!map.journey) {
      process.stderr.write(
        formatters.stylish([{ filePath: map.file, source: map.text, messages: map.diagnostics }], {
          color: this.color,
          command: "render",
          rules: [],
        }),
      );
      return false;
    }
    const rendering = await this.draw(map.journey, map.file);
    const target = targetOf(this.plan, input);
    if (target === undefined) process.stdout.write(rendering);
    else writeAtomic(target, rendering);
    if (target !== undefined) this.#pages.set(input, { title: map.journey.title, target });
    return true;
  }

  private async draw(journey: Journey, file: string): Promise<string | Uint8Array> {
    const { format, engine, theme, mermaidConfig: config } = this.plan;
    if (format === "mermaid") return renderMermaid(journey, { config, theme });
    if (format === "markdown") return renderMarkdown(journey, { config, theme, frontMatter: this.plan.frontMatter });
    if (engine === "mermaid-cli") {
      const mermaidCli = await this.mermaidCli();
      try {
        return await mermaidCli.draw(renderMermaid(journey, { config, theme }), format, {
          scale: this.plan.scale,
          background: theme === "dark" ? "#333333" : "white",
        });
      } catch (error) {
        throw new JourneymapError(`cannot draw "${file}" with mermaid-cli: ${(error as Error).message}`);
      }
    }
    // The native picture's modules (and the rasterizer behind PNG) load only when asked for.
    const { renderSvg } = await import("../render/svg/index.js");
    const svg = renderSvg(journey, { theme });
    if (format === "svg") return svg;
    if (format === "png") return (await import("../render/png.js")).svgToPng(svg, { scale: this.plan.scale });
    return (await import("../render/pdf.js")).svgToPdf(svg, { browser: this.plan.browser });
  }

  /** One browser for the whole run (and every re-render under --watch), launched on first use. */
  private mermaidCli(): Promise<MermaidCliEngine> {
    this.#engine ??= import("../render/mermaid-cli.js").then(({ startMermaidCli }) =>
      startMermaidCli({ browser: this.plan.browser }),
    );
    return this.#engine;
  }

  /** index.md beside the pages: a link to every page with its map's title, for a docs site's journey section. */
  private writeIndex(): void {
    const destination = this.plan.destination;
    if (destination?.kind !== "folder" || this.plan.format !== "markdown") return;
    const links = this.plan.inputs.flatMap((input) => {
      const page = this.#pages.get(input);
      if (!page) return [];
      const href = relative(destination.path, page.target).split(/[\\/]/).map(encodeURIComponent).join("/");
      return [`- [${inline(page.title)}](${href})`];
    });
    writeAtomic(
      join(destination.path, INDEX_PAGE),
      `# Journey maps\n\n${links.length ? links.join("\n") : "_No maps rendered yet._"}\n`,
    );
  }

  /** Re-renders a map when its file changes; a broken save shows its errors and keeps the last good output. */
  async watch(): Promise<void> {
    const byFolder = new Map<string, MapInput[]>();
    for (const input of this.plan.inputs) {
      const folder = dirname(input.path!);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), input]);
    }
    const pending = new Map<MapInput, NodeJS.Timeout>();
    let queue = Promise.resolve();
    const rerender = (input: MapInput) => {
      queue = queue.then(async () => {
        if (!statSync(input.path!, { throwIfNoEntry: false })?.isFile()) return; // deleted or mid-rename: wait for the next save
        try {
          const ok = await this.renderOne(input);
          this.writeIndex();
          const target = targetOf(this.plan, input);
          if (ok) process.stderr.write(`✔ ${input.file}${target ? ` → ${displayPath(target)}` : ""}\n`);
          else process.stderr.write(`✖ ${input.file} has errors: kept the last good rendering\n`);
        } catch (error) {
          process.stderr.write(`journeymap: ${(error as Error).message}\n`);
        }
      });
    };
    // Folders, not files, are watched: editors often save by writing a new file and renaming it over
    // the old one, which a watch on the file itself would lose.
    for (const [folder, inputs] of byFolder) {
      const watcher = watch(folder, (_event, name) => {
        const input = inputs.find((candidate) => basename(candidate.path!) === String(name));
        if (!input) return;
        clearTimeout(pending.get(input));
        pending.set(
          input,
          setTimeout(() => rerender(input), 50),
        ); // one render per burst of writes
      });
      this.#watchers.push(watcher);
    }
    process.stderr.write(
      `watching ${this.plan.inputs.length === 1 ? this.plan.inputs[0]!.file : `${this.plan.inputs.length} maps`} (Ctrl-C to stop)\n`,
    );
    await new Promise<void>((done) => {
      // Ctrl-C is the normal end of a watch: exit 0 after closing the browser, if any (launchBrowser
      // turns off puppeteer's own SIGINT handler, which would kill it and exit 130).
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    for (const timer of pending.values()) clearTimeout(timer);
    await queue;
    process.exitCode = 0;
  }

  async close(): Promise<void> {
    for (const watcher of this.#watchers) watcher.close();
    this.#watchers = [];
    const engine = await this.#engine?.catch(() => undefined);
    await engine?.close();
  }
}
