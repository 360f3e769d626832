// `journeymap render`: wiring from options to a plan (format, engine, destination, from the render-format
// catalog) to a run that reads, draws and writes each map, once or, with --watch, on every save.
import { statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { JourneymapError } from "../errors.js";
import { displayPath, findMaps, MAP_FILE, type MapInput } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { readTextFile } from "../io/read-text.js";
import { writeOutput } from "../io/write-output.js";
import { formatters } from "../report/index.js";
import {
  chooseFormat,
  drawMap,
  ENGINE_NAMES,
  formatHelp,
  formatOfPath,
  knownExtensions,
  type EngineName,
  type RenderContext,
  type RenderFormat,
  type RenderSettings,
} from "../render/formats.js";
import { INDEX_PAGE, renderIndexPage } from "../render/index-page.js";
import type { MermaidCliEngine } from "../render/mermaid-cli.js";
import { watchMaps, type MapWatcher } from "../render/watch.js";
import { examples, useColor } from "./options.js";

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
  format: RenderFormat;
  engine: EngineName;
  settings: RenderSettings;
  inputs: MapInput[];
  /** Folders named on the command line: under --watch, maps added to them later are rendered too. */
  folders: string[];
  /** Absent: stdout. */
  destination?: { kind: "file"; path: string } | { kind: "folder"; path: string };
  /** The --mermaid-config file, an input that no output may replace. */
  mermaidConfigPath?: string;
}

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("draw maps as a Mermaid diagram, a Markdown docs page, or an SVG, PNG or PDF picture")
    .argument("<paths...>", "map files, folders (searched for *.journey.yaml), quoted globs, or - for stdin")
    .option(
      "-f, --format <format>",
      `${formatHelp()} (default: from --output's extension, ${knownExtensions().join(" ")}, else mermaid)`,
    )
    .option("-o, --output <path>", "a file, or a folder for several maps (one file per map, named after it)")
    .option(
      "--engine <engine>",
      `for svg, png, pdf: ${ENGINE_NAMES.join(" or ")}; native (the journey-map picture) is the default, mermaid-cli draws the Mermaid diagram in Chrome`,
    )
    .option("--theme <theme>", "light or dark", "light")
    .option("--scale <n>", "PNG pixels per point", "2")
    .option(
      "--browser <path>",
      "Chrome, Chromium or Edge to use (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, or the usual install places)",
    )
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
  if (options.theme !== "light" && options.theme !== "dark")
    throw new JourneymapError(`unknown theme "${options.theme}": use light or dark`);
  const scale = Number(options.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10)
    throw new JourneymapError(`--scale must be a number above 0 and at most 10 (got "${options.scale}")`);
  const folders = paths
    .filter((path) => path !== "-" && statSync(path, { throwIfNoEntry: false })?.isDirectory())
    .map((path) => resolve(path));
  const output = options.output === undefined ? undefined : resolve(options.output);
  const existing = output === undefined ? undefined : statSync(output, { throwIfNoEntry: false });
  const outputIsFolder =
    existing?.isDirectory() === true || (options.output !== undefined && /[/\\]$/.test(options.output));
  // Usage errors first (format, engine), before the maps are searched for.
  const earlyFolder = paths.length > 1 || folders.length > 0 || outputIsFolder;
  const { format, engine } = chooseFormat({ ...options, folder: earlyFolder });
  const mermaidConfig = options.mermaidConfig === undefined ? undefined : readMermaidConfig(options.mermaidConfig);
  const inputs = await findMaps(paths, { stdinFilename: options.stdinFilename });
  if (options.watch && inputs.some((input) => !input.path))
    throw new JourneymapError("--watch needs map files: standard input cannot be watched");

  const manyMaps = inputs.length > 1 || folders.length > 0;
  const plan: Plan = {
    format,
    engine,
    settings: {
      theme: options.theme,
      scale,
      browser: options.browser,
      mermaidConfig,
      frontMatter: options.frontMatter ?? false,
    },
    inputs,
    folders,
    mermaidConfigPath: options.mermaidConfig === undefined ? undefined : resolve(options.mermaidConfig),
  };
  const extension = format.spec.extensions[0];
  if (output === undefined) {
    if (manyMaps)
      throw new JourneymapError(`several maps need --output FOLDER: one ${extension} file is written per map`);
    if (format.spec.kind === "binary" && process.stdout.isTTY) {
      throw new JourneymapError(
        `${format.name.toUpperCase()} is binary and would garble the terminal: write it with --output FILE${extension} or redirect stdout`,
      );
    }
    return plan;
  }
  const folder = manyMaps || outputIsFolder;
  if (folder && ((existing && !existing.isDirectory()) || (!existing && formatOfPath(output)))) {
    throw new JourneymapError(
      `--output "${options.output}" names a file, but several maps need a folder (one file per map)`,
    );
  }
  plan.destination = { kind: folder ? "folder" : "file", path: output };
  checkTargets(plan);
  return plan;
}

function readMermaidConfig(file: string): Record<string, unknown> {
  const text = readTextFile(file, { what: "the Mermaid config" });
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
  return join(destination.path, `${name}${plan.format.spec.extensions[0]}`);
}

function indexPath(plan: Plan): string | undefined {
  return plan.destination?.kind === "folder" && plan.format.name === "markdown"
    ? join(plan.destination.path, INDEX_PAGE)
    : undefined;
}

/** Why writing `input` would destroy a map or another map's rendering; undefined when it is safe. */
function clashOf(plan: Plan, input: MapInput, seen: Map<string, string>): string | undefined {
  const target = targetOf(plan, input)!;
  if (plan.inputs.some((other) => other.path === target))
    return `refusing to overwrite the map "${input.file}" with its rendering: choose another --output`;
  const other = seen.get(target);
  if (other && other !== `"${input.file}"`)
    return `"${input.file}" and ${other} would both be written to "${displayPath(target)}": rename one of the maps`;
  return undefined;
}

/** Refuses, before anything is written, a run that would overwrite a map or write two maps to one file. */
function checkTargets(plan: Plan): void {
  const seen = new Map<string, string>();
  const index = indexPath(plan);
  if (index) seen.set(index, "the index page");
  for (const input of plan.inputs) {
    const clash = clashOf(plan, input, seen);
    if (clash) throw new JourneymapError(clash);
    seen.set(targetOf(plan, input)!, `"${input.file}"`);
  }
}

/** One run: renders maps, writes them, remembers the last good page of each for the index and --watch. */
class RenderRun {
  #engine?: Promise<MermaidCliEngine>;
  #pages = new Map<MapInput, { title: string; target: string }>();
  #watcher?: MapWatcher;
  readonly #context: RenderContext;

  constructor(
    private readonly plan: Plan,
    private readonly color: boolean,
  ) {
    this.#context = { ...plan.settings, mermaidCli: () => this.mermaidCli() };
  }

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
    let rendering: string | Uint8Array;
    try {
      rendering = await drawMap(map.journey, this.plan.format, this.plan.engine, this.#context);
    } catch (error) {
      if (error instanceof JourneymapError || this.plan.engine !== "mermaid-cli") throw error;
      throw new JourneymapError(`cannot draw "${map.file}" with mermaid-cli: ${(error as Error).message}`);
    }
    const target = targetOf(this.plan, input);
    if (target === undefined) process.stdout.write(rendering);
    else writeOutput(target, rendering, { inputs: this.inputPaths() });
    if (target !== undefined) this.#pages.set(input, { title: map.journey.title, target });
    return true;
  }

  /** Every file this run reads (maps, the Mermaid config): no rendering may replace one, whatever
   * path (a symlink, a hard link, `..`) leads to it. */
  private inputPaths(): string[] {
    const maps = this.plan.inputs.flatMap((input) => (input.path ? [input.path] : []));
    return this.plan.mermaidConfigPath ? [...maps, this.plan.mermaidConfigPath] : maps;
  }

  /** One browser for the whole run (and every re-render under --watch), launched on first use. */
  private mermaidCli(): Promise<MermaidCliEngine> {
    this.#engine ??= import("../render/mermaid-cli.js").then(({ startMermaidCli }) =>
      startMermaidCli({ browser: this.plan.settings.browser }),
    );
    return this.#engine;
  }

  /** index.md beside the pages, listing every page rendered so far in the order of the maps. */
  private writeIndex(): void {
    const index = indexPath(this.plan);
    if (!index || this.plan.destination?.kind !== "folder") return;
    const folder = this.plan.destination.path;
    const entries = this.plan.inputs.flatMap((input) => {
      const page = this.#pages.get(input);
      return page ? [{ title: page.title, page: relative(folder, page.target) }] : [];
    });
    writeOutput(index, renderIndexPage(entries), { inputs: this.inputPaths() });
  }

  /** The input for a path under --watch: a known map, or one added to a watched folder (undefined if refused). */
  private inputFor(path: string): MapInput | undefined {
    const known = this.plan.inputs.find((input) => input.path === path);
    if (known) return known;
    const input: MapInput = { file: displayPath(path), path };
    const seen = new Map<string, string>();
    const index = indexPath(this.plan);
    if (index) seen.set(index, "the index page");
    for (const other of this.plan.inputs) seen.set(targetOf(this.plan, other)!, `"${other.file}"`);
    const clash = clashOf(this.plan, input, seen);
    if (clash) {
      process.stderr.write(`journeymap: ${clash}\n`);
      return undefined;
    }
    this.plan.inputs.push(input);
    return input;
  }

  /** Renders a map again on every save; a broken save shows its errors and keeps the last good output. */
  async watch(): Promise<void> {
    this.#watcher = watchMaps({
      files: this.plan.inputs.map((input) => input.path!),
      folders: this.plan.folders,
      isMap: (path) => MAP_FILE.test(basename(path)),
      skippedFolders: new Set(["node_modules", ".git"]),
      onChange: async (path) => {
        const stats = statSync(path, { throwIfNoEntry: false });
        // Deleted, mid-rename or just truncated by the editor: the write that follows brings another event.
        if (!stats?.isFile() || stats.size === 0) return false;
        const input = this.inputFor(path);
        if (!input) return;
        const ok = await this.renderOne(input);
        this.writeIndex();
        const target = targetOf(this.plan, input);
        if (ok) process.stderr.write(`✔ ${input.file}${target ? ` → ${displayPath(target)}` : ""}\n`);
        else process.stderr.write(`✖ ${input.file} has errors: kept the last good rendering\n`);
      },
      onError: (error) => process.stderr.write(`journeymap: ${(error as Error).message}\n`),
    });
    const count = this.plan.inputs.length;
    process.stderr.write(`watching ${count === 1 ? this.plan.inputs[0]!.file : `${count} maps`} (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      // Ctrl-C is the normal end of a watch: exit 0 after closing the browser, if any (launchBrowser
      // turns off puppeteer's own SIGINT handler, which would kill it and exit 130).
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await this.#watcher.close();
    this.#watcher = undefined;
    process.exitCode = 0;
  }

  async close(): Promise<void> {
    await this.#watcher?.close();
    const engine = await this.#engine?.catch(() => undefined);
    await engine?.close();
  }
}
