// Renders a run's maps: the plan (format, engine, destination, from the render-format catalog), the
// output targets and their clash checks, drawing and writing each map (with its shared definitions,
// and the picture beside a page), a folder of pages as a docs site (links between maps, the portfolio
// index and its heat map), and re-rendering on every save under --watch. The CLI calls this and exits.
import { lstatSync, readlinkSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { countBySeverity, type FileResult, type Severity } from "../diagnostic.js";
import { JourneymapError } from "../errors.js";
import type { MapLint } from "../lint/lint-map.js";
import { displayPath, findMaps, walkedMapTest, type MapInput } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { fileNameKey, safeFileName } from "../io/file-names.js";
import { readTextFile } from "../io/read-text.js";
import { checkOutputPath, resolveInputs, writeOutput, type InputFiles } from "../io/write-output.js";
import { formatters } from "../report/index.js";
import {
  chooseFormat,
  drawMap,
  drawPrinted,
  formatOfPath,
  PICTURE_VIEWS,
  PRINTED_FORMATS,
  type EngineName,
  type PictureView,
  type PageContext,
  type RenderContext,
  type RenderFormat,
  type RenderSettings,
} from "./formats.js";
import type { LoadedJourney } from "../journey/load.js";
import { touchpointsOf } from "../journey/model.js";
import { listOf } from "../journey/fields.js";
import { factsOf, type MapFacts } from "../workspace/facts.js";
import { boundedBreadcrumbsOf, buildGraph, type Breadcrumbs, type MapGraph } from "../workspace/graph.js";
import { SharedFinder } from "../workspace/scope.js";
import { isSharedFile } from "../journey/shared.js";
import { isInside } from "../io/repository.js";
import { INDEX_PAGE } from "./index-page.js";
import { parseScale } from "./scale.js";
import { pageHref, SKIPPED_CRUMBS, type PageLink, type PageLinks } from "./markdown.js";
import type { MermaidCliEngine } from "./mermaid-cli.js";
import { HEATMAP_FILE, renderHeatmap } from "./site/heatmap.js";
import { visibleLines } from "../text/visible.js";
import {
  detectSite,
  GENERATORS,
  picturePlace,
  readablePicture,
  SITE_GENERATORS,
  type PicturePlace,
  type SiteGenerator,
  type SiteLayout,
} from "./site/generators.js";
import {
  BACKLOG_PAGE,
  backlogMapLink,
  MATRIX_FILE,
  portfolioOrder,
  renderPortfolio,
  type BacklogItem,
  type PortfolioMap,
} from "./site/portfolio.js";
import type { MapLinker } from "./svg/layout.js";
import { watchMaps, type MapWatcher } from "./watch.js";
import { PAPER_NAMES, type FooterFacts, type PaperName } from "./svg/pages.js";
import { lastCommitOf } from "../workspace/git.js";
import { PACKAGE_VERSION } from "../version.js";
import { stdout } from "../io/standard-streams.js";
import { monotonicMs, PROGRESS_MAPS, ProgressLine } from "../io/progress.js";
import { renderSummary } from "./summary.js";

/** The render command's options as given (strings, unchecked). */
export interface RenderRunOptions {
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
  /** Embed the Mermaid diagram in Markdown pages that show the picture (--mermaid / --no-mermaid). */
  mermaid?: boolean;
  /** --page: print PNG and PDF on pages of this paper (any case); --landscape (the default) or --portrait. */
  page?: string;
  landscape?: boolean;
  portrait?: boolean;
  /** Errors only on standard error: no line per map, no progress and no summary (--quiet). */
  quiet?: boolean;
  /** The docs-site generator the pages are written for (--site); absent: found above the output folder. */
  site?: string;
  /** --view journey|blueprint: the picture drawn; absent: the map's `type` decides. */
  view?: string;
  /** The day metric values are judged at, and the window past which the picture shows their date. */
  asOf?: string;
  windowDays?: number;
  /** render --data: fills a map's metric values from its sources before it is drawn; false when the
   * data has problems (the hook reports them), and nothing is drawn for that map. */
  measure?: (map: LoadedJourney, path: string | undefined) => Promise<boolean>;
}

/** Where a run's renderings and messages go: standard output and standard error for the CLI. */
export interface RenderStreams {
  stdout(rendering: string | Uint8Array): void;
  stderr(text: string): void;
  /** Colour in the error reports of maps that cannot be rendered. */
  color: boolean;
  /** Show a progress line on standard error (a terminal, not CI, not --quiet: see progressWanted). */
  progress?: boolean;
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
  mermaid?: boolean;
  measure?: RenderRunOptions["measure"];
  quiet: boolean;
  /** A docs site written for a generator (--site, or found above the output folder). */
  site?: SitePlan;
}

/** What a run writes for a docs-site generator. */
interface SitePlan {
  layout: SiteLayout;
  /** Where the pictures go when the generator serves them from a folder of its own (public/, static/). */
  pictures?: Required<PicturePlace>;
  /** The folder no output may leave: the site's root when pictures go outside the output folder. */
  root?: string;
}

/** Renders the maps `paths` name, once and, with --watch, on every save until Ctrl-C. Resolves to the
 * exit code: 0 when every map was rendered, 1 when one had errors. Throws JourneymapError (exit 2) for
 * usage and I/O problems, before anything is written when it can know them up front. */
export async function renderPaths(paths: string[], options: RenderRunOptions, streams: RenderStreams): Promise<number> {
  const started = monotonicMs();
  const plan = await makePlan(paths, options);
  const run = new RenderRun(plan, streams);
  try {
    const failed = await run.renderAll(started);
    if (!options.watch) return failed ? 1 : 0;
    await run.watch();
    return 0;
  } finally {
    await run.close();
  }
}

async function makePlan(paths: string[], options: RenderRunOptions): Promise<Plan> {
  if (options.theme !== "light" && options.theme !== "dark")
    throw new JourneymapError(`unknown theme "${options.theme}": use light or dark`);
  const scale = parseScale(options.scale);
  if (options.view !== undefined && !(PICTURE_VIEWS as readonly string[]).includes(options.view))
    throw new JourneymapError(`unknown --view "${options.view}": use ${PICTURE_VIEWS.join(" or ")}`);
  if (options.site !== undefined && !(SITE_GENERATORS as readonly string[]).includes(options.site))
    throw new JourneymapError(`unknown --site "${options.site}": use ${SITE_GENERATORS.join(", ")}`);
  const folders = paths
    .filter((path) => path !== "-" && statSync(path, { throwIfNoEntry: false })?.isDirectory())
    .map((path) => resolve(path));
  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output !== undefined && lstatSync(output, { throwIfNoEntry: false })?.isSymbolicLink()) {
    // Checked here for a folder; writeOutput refuses a file that is a link (the same rule, one message).
    if (statSync(output, { throwIfNoEntry: false })?.isDirectory())
      throw new JourneymapError(
        `cannot write into "${options.output}": it is a symbolic link (to "${readlinkSync(output)}"), and journeymap never writes through a link: remove the link, or name the folder it points to`,
      );
  }
  const existing = output === undefined ? undefined : statSync(output, { throwIfNoEntry: false });
  const outputIsFolder =
    existing?.isDirectory() === true || (options.output !== undefined && /[/\\]$/.test(options.output));
  // Usage errors first (format, engine), before the maps are searched for.
  const earlyFolder = paths.length > 1 || folders.length > 0 || outputIsFolder;
  const { format, engine } = chooseFormat({ ...options, folder: earlyFolder });
  const print = printSettings(options, format, engine);
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
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(options.windowDays !== undefined ? { windowDays: options.windowDays } : {}),
      ...(print ? { print } : {}),
      ...(options.view !== undefined ? { view: options.view as PictureView } : {}),
    },
    ...(options.measure ? { measure: options.measure } : {}),
    quiet: options.quiet ?? false,
    inputs,
    folders,
    mermaidConfigPath: options.mermaidConfig === undefined ? undefined : resolve(options.mermaidConfig),
    ...(options.mermaid !== undefined ? { mermaid: options.mermaid } : {}),
  };
  const extension = format.spec.extensions[0];
  if (output === undefined) {
    if (options.site !== undefined) sitePlan(plan, options.site as SiteGenerator);
    if (manyMaps)
      throw new JourneymapError(`several maps need --output FOLDER: one ${extension} file is written per map`);
    if (format.spec.kind === "binary" && stdout.isTTY) {
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
  const site = sitePlan(plan, options.site as SiteGenerator | undefined);
  if (site) plan.site = site;
  // Docusaurus names a page (sidebar, previous/next links, the browser's title bar) after its first
  // heading's Markdown source, backslashes and character references included, unless the front matter
  // gives the title: its pages get front matter unless --front-matter says otherwise.
  if (site?.layout.generator === "docusaurus" && options.frontMatter === undefined) plan.settings.frontMatter = true;
  checkTargets(plan);
  return plan;
}

/** --page, --landscape and --portrait checked against each other and the format (exit 2 otherwise). */
function printSettings(
  options: RenderRunOptions,
  format: RenderFormat,
  engine: EngineName,
): RenderSettings["print"] | undefined {
  const papers = PAPER_NAMES.join(", ");
  if (options.page === undefined) {
    const orientation = options.portrait ? "--portrait" : options.landscape ? "--landscape" : undefined;
    if (orientation) throw new JourneymapError(`${orientation} needs --page (${papers}): say which paper to print on`);
    return undefined;
  }
  const paper = options.page.toLowerCase();
  if (!(PAPER_NAMES as readonly string[]).includes(paper))
    throw new JourneymapError(`unknown paper size "${options.page}": use --page with one of ${papers}`);
  if (!PRINTED_FORMATS.includes(format.name))
    throw new JourneymapError(
      `--page prints ${PRINTED_FORMATS.join(" and ")}, not ${format.name}: use --format pdf or png (or an --output ending in .pdf or .png)`,
    );
  if (engine === "mermaid-cli")
    throw new JourneymapError(`--page prints the journey-map picture: leave out --engine ${engine}`);
  if (options.landscape && options.portrait)
    throw new JourneymapError("--landscape and --portrait contradict each other: choose one");
  return { paper: paper as PaperName, landscape: !options.portrait };
}

/** Where a printed PNG page goes: `map.png` for a single page, `map-1.png`, `map-2.png`... for more. */
export function pageFile(target: string, page: number, count: number): string {
  if (count === 1) return target;
  const dot = target.lastIndexOf(".");
  const cut = dot > Math.max(target.lastIndexOf("/"), target.lastIndexOf("\\")) ? dot : target.length;
  return `${target.slice(0, cut)}-${page}${target.slice(cut)}`;
}

/** What a printed page's footer says of a map's file: its path (in the repository when git knows it) and
 * its commit when the file is unchanged since, else its modification date. */
function footerOf(input: MapInput): FooterFacts {
  const tool = `journeymap ${PACKAGE_VERSION}`;
  if (!input.path) return { file: input.file, tool };
  const commit = lastCommitOf(input.path);
  if (commit) return { file: commit.path, version: `commit ${commit.commit} (${commit.date})`, tool };
  const modified = statSync(input.path, { throwIfNoEntry: false })?.mtime;
  return {
    file: input.file,
    ...(modified ? { version: `modified ${modified.toISOString().slice(0, 10)}` } : {}),
    tool,
  };
}

/** The generator the pages are written for: --site, else the project found above the output folder. A
 * generator that serves pictures from a folder of its own needs that project (to know the folder). */
function sitePlan(plan: Plan, asked: SiteGenerator | undefined): SitePlan | undefined {
  if (!isSite(plan)) {
    if (asked === undefined) return undefined;
    throw new JourneymapError(
      `--site ${asked} writes a folder of Markdown pages: use --format markdown --output <folder> (and several maps, or a folder of maps)`,
    );
  }
  const output = plan.destination!.path;
  let found = detectSite(output, asked);
  // A folder beside MkDocs's docs_dir (not under it) is not one of its pages.
  if (found?.generator === "mkdocs" && !isInside(output, found.root)) found = undefined;
  const generator = asked ?? found?.generator;
  if (generator === undefined) return undefined;
  const spec = GENERATORS[generator];
  if (spec.staticFolder === undefined) return { layout: spec.layout };
  const place = found && picturePlace(found, output);
  if (!found || !place?.url) {
    const marker = generator === "vitepress" ? "a .vitepress folder" : "a docusaurus.config.js";
    throw new JourneymapError(
      `--site ${generator} serves pictures from ${spec.staticFolder}/ in its project, but no folder above "${displayPath(output)}" holds ${marker}: write the pages inside your ${generator === "vitepress" ? "VitePress" : "Docusaurus"} project (e.g. docs/journeys), or leave --site out`,
    );
  }
  return { layout: spec.layout, pictures: { folder: place.folder, url: place.url }, root: found.root };
}

/** The folder no output may leave: the output folder, or the site's root when pictures go outside it. */
function boundaryOf(plan: Plan): string | undefined {
  if (plan.destination?.kind !== "folder") return undefined;
  return plan.site?.root ?? plan.destination.path;
}

/** Where the heat map goes: beside the index, or with the pictures. */
function heatmapPath(plan: Plan): string {
  return join(plan.site?.pictures?.folder ?? plan.destination!.path, HEATMAP_FILE);
}

/** Where the backlog's matrix goes: beside the index, or with the pictures. */
/** The backlog's modules a site's index uses: loaded on a site's first page only. */
async function loadBacklog() {
  const [{ collectOpportunities }, { buildBacklog }, { prioritySettings }, { renderMatrix }, { BACKLOG_FORMATS }] =
    await Promise.all([
      import("../backlog/collect.js"),
      import("../backlog/backlog.js"),
      import("../backlog/priority.js"),
      import("./backlog/matrix.js"),
      import("./backlog/formats.js"),
    ]);
  return { collectOpportunities, buildBacklog, prioritySettings, renderMatrix, BACKLOG_FORMATS };
}

function matrixPath(plan: Plan): string {
  return join(plan.site?.pictures?.folder ?? plan.destination!.path, MATRIX_FILE);
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
  const name = safeFileName(basename(input.path ?? input.file).replace(/\.journey\.ya?ml$|\.ya?ml$/i, ""));
  return join(destination.path, `${name}${plan.format.spec.extensions[0]}`);
}

/** The file written beside a map's rendering (a page's picture), if its format has one. */
function companionOf(plan: Plan, input: MapInput): string | undefined {
  const companion = plan.format.spec.companion;
  const target = targetOf(plan, input);
  if (!companion || target === undefined) return undefined;
  const folder = (isSite(plan) && plan.site?.pictures?.folder) || dirname(target);
  return join(folder, `${basename(target).replace(/\.[^.]*$/, "")}${companion.extension}`);
}

/** A folder of Markdown pages is a docs site: pages link to each other, and the index is the portfolio. */
function isSite(plan: Plan): boolean {
  return plan.destination?.kind === "folder" && plan.format.name === "markdown";
}

function indexPath(plan: Plan): string | undefined {
  return isSite(plan) ? join(plan.destination!.path, INDEX_PAGE) : undefined;
}

/** The files a run writes so far, by the key under which a case-insensitive file system (macOS, Windows)
 * sees them (see fileNameKey): what each is for, and the maps' own paths, which no rendering may replace. */
interface Claims {
  writers: Map<string, { what: string; path: string }>;
  maps: Set<string>;
}

/** The claims of the outputs besides the maps' own (the index page and its heat map), and of the maps. */
function siteClaims(plan: Plan): Claims {
  const claims: Claims = {
    writers: new Map(),
    maps: new Set(plan.inputs.flatMap((input) => (input.path ? [fileNameKey(input.path)] : []))),
  };
  if (!isSite(plan)) return claims;
  for (const [file, what] of [
    [INDEX_PAGE, "the index page"],
    [HEATMAP_FILE, "the heat map"],
    [BACKLOG_PAGE, "the backlog page"],
    [MATRIX_FILE, "the backlog's matrix"],
  ] as const) {
    const path =
      file === HEATMAP_FILE
        ? heatmapPath(plan)
        : file === MATRIX_FILE
          ? matrixPath(plan)
          : join(plan.destination!.path, file);
    claims.writers.set(fileNameKey(path), { what, path });
  }
  return claims;
}

/** Why writing `input` would destroy a map or another map's rendering; undefined when it is safe. Two
 * names that differ only in case or Unicode normalization clash too: they are one file on macOS and
 * Windows, and a site that builds here would lose a page there. */
function clashOf(plan: Plan, input: MapInput, claims: Claims): string | undefined {
  const index = indexLikePage(plan, input);
  if (index) return index;
  const companion = companionOf(plan, input);
  for (const target of [targetOf(plan, input)!, ...(companion ? [companion] : [])]) {
    if (claims.maps.has(fileNameKey(target)))
      return `refusing to overwrite the map "${input.file}" with its rendering: choose another --output`;
    const other = claims.writers.get(fileNameKey(target));
    if (!other || other.what === `"${input.file}"`) continue;
    const where =
      other.path === target
        ? `"${displayPath(target)}"`
        : `"${displayPath(target)}" and "${displayPath(other.path)}", one file on macOS and Windows`;
    return `"${input.file}" and ${other.what} would both be written to ${where}: rename one of the maps`;
  }
  return undefined;
}

/** A site's page that a generator would serve as the folder's index in place of the portfolio's index.md:
 * README.md (MkDocs, Docusaurus and GitHub) and, for Docusaurus, a page named after its folder (the
 * folder's category page). Docusaurus fails its build on the duplicate route; MkDocs drops the page. */
function indexLikePage(plan: Plan, input: MapInput): string | undefined {
  if (!isSite(plan)) return undefined;
  const target = targetOf(plan, input)!;
  const name = basename(target, ".md").toLowerCase();
  const readme = name === "readme";
  const category =
    plan.site?.layout.generator === "docusaurus" && name === basename(plan.destination!.path).toLowerCase();
  if (!readme && !category) return undefined;
  const generators = readme ? "MkDocs, Docusaurus and GitHub show" : "Docusaurus serves";
  return `"${input.file}" would be the page "${displayPath(target)}", which ${generators} as the folder's index in place of the maps' index.md: rename the map file`;
}

/** Records what a map's rendering writes, so later maps cannot clash with it. */
function claim(plan: Plan, input: MapInput, claims: Claims): void {
  const companion = companionOf(plan, input);
  for (const path of [targetOf(plan, input)!, ...(companion ? [companion] : [])])
    claims.writers.set(fileNameKey(path), { what: `"${input.file}"`, path });
}

/** Refuses, before anything is written, a run that would overwrite a map, write two maps to one file, or
 * write through a link planted in the output folder (writeOutput checks each file again as it writes). */
function checkTargets(plan: Plan): void {
  const claims = siteClaims(plan);
  // Two pages the generator serves at one route ("01-intro" and "intro" for Docusaurus, which then fails).
  const routes = new Map<string, MapInput>();
  for (const input of plan.inputs) {
    const clash = clashOf(plan, input, claims);
    if (clash) throw new JourneymapError(clash);
    claim(plan, input, claims);
    if (!plan.site) continue;
    const target = targetOf(plan, input)!;
    const route = fileNameKey(plan.site.layout.pageUrl(basename(target)));
    const other = routes.get(route);
    if (other && other !== input)
      throw new JourneymapError(
        `"${input.file}" and "${other.file}" would be served at one address ("${plan.site.layout.pageUrl(basename(target))}"): rename one of the map files`,
      );
    routes.set(route, input);
  }
  const boundary = boundaryOf(plan);
  const within = boundary !== undefined ? { within: boundary } : {};
  for (const { path } of claims.writers.values()) checkOutputPath(path, { shown: displayPath(path), ...within });
}

/** How much map text a docs-site run keeps loaded from its first pass (links) to its second (pages). */
const KEPT_TEXT = 64 * 1024 * 1024;

/** Parents a page's breadcrumbs name after the root of its chain; the maps between are "…". */
const BREADCRUMB_PARENTS = 4;

/** A page's breadcrumbs as links, the maps left out as one "…". */
function crumbs(trail: Breadcrumbs, pageOf: (id: string) => PageLink | undefined): PageLinks["breadcrumbs"] {
  const links = (ids: string[]) => ids.flatMap((id) => pageOf(id) ?? []);
  return [...links(trail.top), ...(trail.gap ? ([SKIPPED_CRUMBS] as const) : []), ...links(trail.near)];
}

/** The site's lint status: a map's own findings, then the repository rules' over every map, by map file. */
interface SiteLinter {
  map(loaded: LoadedJourney, input: MapInput): PortfolioMap["findings"];
  repository(inputs: readonly MapInput[]): Map<string, Record<Severity, number>>;
  /** The stages the configuration of a map's folder expects, in order: the heat map's columns. */
  stages(input: MapInput): readonly string[] | undefined;
  /** The backlog settings of a map's folder's configuration: the ranked backlog's formula. */
  backlog(input: MapInput): import("../lint/config.js").BacklogConfig | undefined;
}

/** One run: renders maps, writes them, remembers the last good page of each for the index and --watch. */
class RenderRun {
  #engine?: Promise<MermaidCliEngine>;
  readonly #pages = new Map<MapInput, PortfolioMap>();
  readonly #facts = new Map<MapInput, MapFacts>();
  #graph: MapGraph = buildGraph([]);
  #inputById = new Map<string, MapInput>();
  #watcher?: MapWatcher;
  #lint?: Promise<SiteLinter>;
  /** The linter once loaded: the index, written synchronously, adds the repository rules' findings. */
  #siteLinter?: SiteLinter;
  /** The backlog's modules, loaded by the first page of a site (a run of pictures never loads them). */
  #backlog?: Awaited<ReturnType<typeof loadBacklog>>;
  #shared = new SharedFinder();
  readonly #reported = new Set<string>();
  readonly #written = new Map<string, string>();
  /** --page: which map each printed file belongs to, and the files each map printed to. */
  readonly #printed = new Map<string, string>();
  readonly #printedFiles = new Map<MapInput, string[]>();
  /** The files written since the last summary (pages, pictures, the index and its heat map). */
  #filesWritten = 0;
  #inputs?: { key: string; files: InputFiles };
  #context: RenderContext;

  constructor(
    private readonly plan: Plan,
    private readonly streams: RenderStreams,
  ) {
    this.#context = {
      ...plan.settings,
      mermaidCli: () => this.mermaidCli(),
      warn: (message) => this.tell(`journeymap: warning: ${message}`),
    };
  }

  /** A line for standard error that may quote file names or map text: shown escaped (see visibleLines). */
  private tell(message: string): void {
    this.streams.stderr(`${visibleLines(message)}\n`);
  }

  /** A line that says how the run goes (where a map went, the summary): left out with --quiet. */
  private note(message: string): void {
    if (!this.plan.quiet) this.tell(message);
  }

  /** The run's last line: maps rendered, files written, time taken (see renderSummary). */
  private summarize(started: number, maps: number, failed: number): void {
    const seconds = (monotonicMs() - started) / 1000;
    const files = this.plan.destination ? this.#filesWritten : undefined;
    this.note(renderSummary({ maps, failed, files, seconds }));
  }

  /** Renders every map of the plan; true when one of them (or a shared file they use) had errors. */
  async renderAll(started = monotonicMs()): Promise<boolean> {
    this.#filesWritten = 0;
    const total = this.plan.inputs.length;
    // A rendering on standard output may share the terminal with the line: no line then (one map).
    const shown = this.streams.progress === true && this.plan.destination !== undefined;
    const progress = shown ? new ProgressLine("rendering", total) : undefined;
    let failures: number;
    try {
      failures = await this.renderEach(progress);
    } finally {
      progress?.finish();
    }
    const sharedFailed = this.reportSharedErrors();
    this.summarize(started, total, failures);
    return sharedFailed || failures > 0;
  }

  /** Renders every map of the plan, then the site's index; the number of maps with errors. */
  private async renderEach(progress: ProgressLine | undefined): Promise<number> {
    let failures = 0;
    // On a terminal, a run of many maps shows its progress and its summary instead of a line per map.
    const perMap = !(progress && this.plan.inputs.length >= PROGRESS_MAPS);
    const rendered = (input: MapInput, ok: boolean) => {
      const target = targetOf(this.plan, input);
      // Say where files went (stderr, so piping stdout stays clean); stdout renderings speak for themselves.
      const printed = this.#printedFiles.get(input);
      if (ok && printed && printed.length > 1 && perMap)
        this.note(
          `✔ ${input.file} → ${displayPath(printed[0]!)} … ${basename(printed.at(-1)!)} (${printed.length} pages)`,
        );
      else if (ok && target && perMap) this.note(`✔ ${input.file} → ${displayPath(target)}`);
      if (!ok) failures++;
      progress?.advance();
    };
    const pool = await this.rasterPool();
    if (pool) {
      try {
        await this.renderOnThreads(pool.threads, rendered);
      } finally {
        this.#context = { ...this.#context, svgToPng: undefined };
        await pool.close();
      }
      return failures;
    }
    // A docs site links its pages: every map's id and title is known before the first page is drawn.
    // The maps stay loaded between the two passes while their text fits KEPT_TEXT; past it they are
    // read again, so memory stays bounded however large the portfolio.
    const kept = new Map<MapInput, LoadedJourney>();
    let keptText = 0;
    if (isSite(this.plan)) {
      for (const input of this.plan.inputs) {
        const map = await this.learn(input);
        keptText += map.text.length;
        if (keptText <= KEPT_TEXT) kept.set(input, map);
      }
      this.linkAll();
    }
    for (const input of this.plan.inputs) {
      const ok = await this.renderOne(input, kept.get(input));
      kept.delete(input);
      rendered(input, ok);
    }
    this.writeIndex();
    return failures;
  }

  /** The PNG workers of a run of many PNG files (native engine), set as the run's svgToPng; undefined
   * for any other run, or when a pool would not pay (raster-pool.ts). */
  private async rasterPool(): Promise<{ threads: number; close(): Promise<void> } | undefined> {
    const plan = this.plan;
    // --data measures each map on this thread as it goes, with messages of its own: one map at a time.
    if (plan.format.name !== "png" || plan.engine !== "native" || plan.destination?.kind !== "folder") return;
    if (plan.measure) return;
    const { RasterPool, rasterThreads } = await import("./raster-pool.js");
    const threads = rasterThreads(plan.inputs.length);
    if (threads === undefined) return;
    const pool = new RasterPool(threads);
    this.#context = { ...this.#context, svgToPng: pool.svgToPng };
    return { threads, close: () => pool.close() };
  }

  /** Renders the maps with their pictures rasterized on `threads` workers: a few maps ahead are drawn
   * while the first waits for its PNG, and each map's messages are told in input order, as a run on
   * one thread tells them. The first error in input order is the one thrown. */
  private async renderOnThreads(threads: number, rendered: (input: MapInput, ok: boolean) => void): Promise<void> {
    const ahead: Array<{ input: MapInput; said: string[]; ok: Promise<boolean> }> = [];
    const settle = async () => {
      const { input, said, ok } = ahead.shift()!;
      const drawn = await ok;
      for (const text of said) this.streams.stderr(text);
      rendered(input, drawn);
    };
    for (const input of this.plan.inputs) {
      const said: string[] = [];
      const ok = this.renderOne(input, undefined, (text) => said.push(text));
      // Awaited in order by settle: a later map's failure must not surface (unhandled) meanwhile.
      ok.catch(() => undefined);
      ahead.push({ input, said, ok });
      if (ahead.length >= 2 * threads) await settle();
    }
    while (ahead.length > 0) await settle();
  }

  /** Reads and loads a map with the shared definitions of its folder. */
  private async read(input: MapInput): Promise<LoadedJourney> {
    const shared = this.#shared.forFolder(input.path ? dirname(input.path) : process.cwd());
    return readMap(input, shared ? { shared } : {});
  }

  /** Takes a map's facts for the site's links (nothing for a map with errors: renderOne reports them). */
  private async learn(input: MapInput): Promise<LoadedJourney> {
    const map = await this.read(input);
    if (map.journey) this.#facts.set(input, factsOf({ ...map, journey: map.journey }, input.path));
    else this.#facts.delete(input);
    return map;
  }

  /** The link graph of the maps known so far, and which input each map id is (the first, as links see it). */
  private linkAll(): void {
    this.#graph = buildGraph(this.plan.inputs.flatMap((input) => this.#facts.get(input) ?? []));
    this.#inputById = new Map();
    for (const input of this.plan.inputs) {
      const facts = this.#facts.get(input);
      if (facts && !this.#inputById.has(facts.id)) this.#inputById.set(facts.id, input);
    }
  }

  /** Shared files with errors, reported once each: their definitions were left out. */
  private reportSharedErrors(): boolean {
    let failed = false;
    for (const shared of this.#shared.files.values()) {
      if (shared.diagnostics.length === 0) continue;
      failed = true;
      if (this.#reported.has(shared.file)) continue;
      this.#reported.add(shared.file);
      this.streams.stderr(
        formatters.stylish([{ filePath: shared.file, source: shared.text, messages: shared.diagnostics }], {
          color: this.streams.color,
          command: "render",
          rules: [],
        }),
      );
    }
    return failed;
  }

  /** Renders one map (read now, unless it was just read); false when it has errors (they are printed,
   * or handed to `say` to print in turn, and nothing is written for it). */
  async renderOne(
    input: MapInput,
    loaded?: LoadedJourney,
    say: (text: string) => void = (text) => this.streams.stderr(text),
  ): Promise<boolean> {
    const map = loaded ?? (await this.read(input));
    if (this.plan.measure && !(await this.plan.measure(map, input.path))) return false;
    if (!map.journey) {
      say(
        formatters.stylish([{ filePath: map.file, source: map.text, messages: map.diagnostics }], {
          color: this.streams.color,
          command: "render",
          rules: [],
        }),
      );
      return false;
    }
    const target = targetOf(this.plan, input);
    const companion = companionOf(this.plan, input);
    const context: RenderContext = companion
      ? { ...this.#context, page: this.pageContext(input, target!, companion) }
      : this.#context;
    if (this.plan.settings.print) {
      const print = this.plan.settings.print;
      const pages = await drawPrinted(map.journey, this.plan.format, this.plan.engine, {
        ...context,
        print,
        footer: footerOf(input),
      });
      this.writePages(input, target, pages);
      return true;
    }
    let rendering: string | Uint8Array;
    try {
      rendering = await drawMap(map.journey, this.plan.format, this.plan.engine, context);
    } catch (error) {
      if (error instanceof JourneymapError || this.plan.engine !== "mermaid-cli") throw error;
      throw new JourneymapError(`cannot draw "${map.file}" with mermaid-cli: ${(error as Error).message}`);
    }
    if (target === undefined) this.streams.stdout(rendering);
    else this.write(target, rendering);
    // The page first (what a reader under --watch waits for), then its picture.
    if (companion) {
      const picture = await this.plan.format.spec.companion!.draw(map.journey, context);
      this.write(companion, this.plan.site ? readablePicture(picture) : picture);
    }
    if (target !== undefined && isSite(this.plan))
      this.#pages.set(input, await this.portfolioEntry(map, input, target));
    return true;
  }

  /** Writes a printed map: the PDF, or its PNG pages beside each other (`map-1.png`...). More than one
   * page needs a file to name them after; no two maps of a run may print to the same file. */
  private writePages(input: MapInput, target: string | undefined, pages: Uint8Array[]): void {
    if (target === undefined) {
      if (pages.length > 1)
        throw new JourneymapError(
          `"${input.file}" prints on ${pages.length} PNG pages: write them with --output FILE.png (FILE-1.png to FILE-${pages.length}.png)`,
        );
      this.streams.stdout(pages[0]!);
      return;
    }
    const files = pages.map((_, p) => pageFile(target, p + 1, pages.length));
    for (const file of files) {
      const other = this.#printed.get(fileNameKey(file));
      if (other !== undefined && other !== input.file)
        throw new JourneymapError(
          `"${input.file}" and "${other}" would both be printed to "${displayPath(file)}": rename one of the maps`,
        );
      this.#printed.set(fileNameKey(file), input.file);
    }
    pages.forEach((page, p) => this.write(files[p]!, page));
    this.#printedFiles.set(input, files);
  }

  /** Where a page sits: its picture beside it and, in a site, its breadcrumbs and the pages it links to. */
  private pageContext(input: MapInput, target: string, companion: string): PageContext {
    const pictures = this.plan.site?.pictures;
    const page: PageContext = {
      picture: pictures ? `${pictures.url}${basename(companion)}` : basename(companion),
      ...(this.plan.site ? { site: this.plan.site.layout } : {}),
      ...(this.plan.mermaid !== undefined ? { mermaid: this.plan.mermaid } : {}),
    };
    const facts = this.#facts.get(input);
    if (!isSite(this.plan) || !facts) return page;
    const here = dirname(target);
    const hrefTo = (path: string) => relative(here, path).split(/[\\/]/).join("/");
    const pageOf = (id: string): PageLink | undefined => {
      const other = this.#inputById.get(id);
      return other ? { title: this.#facts.get(other)!.title, href: hrefTo(targetOf(this.plan, other)!) } : undefined;
    };
    const links: PageLinks = {
      breadcrumbs: [
        { title: "Journey maps", href: hrefTo(join(this.plan.destination!.path, INDEX_PAGE)) },
        ...crumbs(boundedBreadcrumbsOf(this.#graph, facts.id, BREADCRUMB_PARENTS), pageOf),
      ],
      pageOf,
    };
    // The picture's cards link to the linked map's page, percent-encoded: only ever a known map's page.
    // On a site, the link names the built page (x.html, x/, x), since the picture is opened on its own.
    const pictureLinks: MapLinker = (id) => {
      const found = pageOf(id);
      if (!found) return undefined;
      const href = this.plan.site ? this.plan.site.layout.pageUrl(found.href) : found.href;
      return { title: found.title, href: pageHref(href) };
    };
    return { ...page, links, pictureLinks };
  }

  /** What the index shows of a map: its facts, backlog, ownership and lint status. */
  private async portfolioEntry(map: LoadedJourney, input: MapInput, target: string): Promise<PortfolioMap> {
    const journey = map.journey!;
    const facts = factsOf({ ...map, journey }, input.path);
    const backlog: BacklogItem[] = [];
    const ownership = new Map<string, number>();
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const owner = touchpoint.owner;
      if (owner !== undefined) ownership.set(owner, (ownership.get(owner) ?? 0) + 1);
      const where = { stage: stage.name, touchpoint: touchpoint.name, ...(owner !== undefined ? { owner } : {}) };
      for (const text of touchpoint.painPoints ?? []) backlog.push({ kind: "pain point", text, ...where });
      for (const text of listOf(touchpoint, "opportunities")) backlog.push({ kind: "opportunity", text, ...where });
    }
    this.#siteLinter = await this.linter();
    const findings = this.#siteLinter.map(map, input);
    const page = relative(this.plan.destination!.path, target).split(/[\\/]/).join("/");
    // Only what the ranked backlog needs is kept of the map: its opportunities written with a title.
    this.#backlog ??= await loadBacklog();
    const { opportunities } = this.#backlog.collectOpportunities([{ journey, path: input.file, page }]);
    return {
      facts,
      page,
      backlog,
      ownership,
      ...(findings ? { findings } : {}),
      ...(opportunities.length > 0 ? { opportunities } : {}),
    };
  }

  /** The lint rules, loaded on first use, with each map folder's configuration: the index's lint status.
   * A map's own findings are counted when its page is drawn; the repository rules' (links, map ids,
   * shared definitions) when the index is written, over every map, as `journeymap lint` finds them.
   * The rules that read the day (review-overdue, opportunity-overdue, stale-metric) read render's
   * --as-of (today from the CLI), as lint's do: the same folder on the same day, the same findings. */
  private linter(): Promise<SiteLinter> {
    this.#lint ??= import("../lint/index.js").then((lint) => {
      const asOf = this.plan.settings.asOf;
      const resolver = new lint.ConfigResolver(asOf === undefined ? {} : { asOf });
      // What the repository rules need of each map: no text (a map's is read again for a finding's frame).
      const lints = new Map<MapInput, Pick<MapLint, "facts" | "deferred"> & { file: string }>();
      const guarded = <T>(run: () => T): T | undefined => {
        try {
          return run();
        } catch (error) {
          // A broken configuration is lint's to report; the page is still written, without a status.
          if (error instanceof JourneymapError) return undefined;
          throw error;
        }
      };
      return {
        map: (loaded, input) =>
          guarded(() => {
            const { config, checks } = resolver.forMap(input.path);
            const linted = lint.lintLoadedMap(loaded, config, { checks, ...(input.path ? { path: input.path } : {}) });
            lints.set(input, { file: linted.result.filePath, facts: linted.facts, deferred: linted.deferred });
            return { ...linted.counts };
          }),
        repository: (inputs) =>
          guarded(() => {
            const pass = new lint.RepositoryPass();
            // A result per map without its own findings (counted already): the pass adds its findings there.
            const results: FileResult[] = [];
            for (const input of inputs) {
              const linted = lints.get(input);
              if (!linted) continue;
              pass.scopeFor(input.path);
              pass.addMap(linted.file, linted.facts, linted.deferred);
              results.push({ filePath: linted.file, messages: [] });
            }
            pass.finish(results, { error: 0, warning: 0, info: 0 }, { resolver, folders: this.plan.folders });
            return new Map(results.map((result) => [result.filePath, countBySeverity(result.messages)]));
          }) ?? new Map(),
        stages: (input) => guarded(() => resolver.forMap(input.path).config.stages),
        backlog: (input) => guarded(() => resolver.forMap(input.path).config.backlog),
      };
    });
    return this.#lint;
  }

  /** Writes one of the run's files: never over an input, and, into an output folder, never out of it. */
  private write(path: string, contents: string | Uint8Array): void {
    const folder = boundaryOf(this.plan);
    writeOutput(path, contents, {
      inputs: this.inputPaths(),
      shown: displayPath(path),
      ...(folder !== undefined ? { within: folder } : {}),
    });
    this.#filesWritten++;
  }

  /** Every file this run reads (maps, shared definitions, the Mermaid config): no rendering may replace
   * one, whatever path (a symlink, a hard link, `..`) leads to it. Resolved once per batch of writes
   * (the whole run, or one save under --watch), so a write costs the same however many maps there are.
   * Maps are only ever added to the run and shared files to the finder (a new finder refreshes the
   * inputs), so their counts tell whether the batch changed, without joining every path per write. */
  private inputPaths(): InputFiles {
    const key = `${this.plan.inputs.length}:${this.#shared.files.size}`;
    if (this.#inputs?.key !== key) {
      const maps = this.plan.inputs.flatMap((input) => (input.path ? [input.path] : []));
      const read = [
        ...maps,
        ...this.#shared.files.keys(),
        ...(this.plan.mermaidConfigPath ? [this.plan.mermaidConfigPath] : []),
      ];
      this.#inputs = { key, files: resolveInputs(read) };
    }
    return this.#inputs.files;
  }

  /** Forgets the resolved inputs: a save under --watch may have replaced a file (a new inode). */
  private refreshInputs(): void {
    this.#inputs = undefined;
  }

  /** One browser for the whole run (and every re-render under --watch), launched on first use. */
  private mermaidCli(): Promise<MermaidCliEngine> {
    this.#engine ??= import("./mermaid-cli.js").then(({ startMermaidCli }) =>
      startMermaidCli({ browser: this.plan.settings.browser }),
    );
    return this.#engine;
  }

  /** The portfolio index and its heat map beside the pages, for every page rendered so far, in map order. */
  private writeIndex(): void {
    const index = indexPath(this.plan);
    if (!index) return;
    const repository = this.#siteLinter?.repository(this.plan.inputs);
    const maps = this.plan.inputs.flatMap((input): PortfolioMap[] => {
      const page = this.#pages.get(input);
      if (!page) return [];
      const own = page.findings;
      const more = own && repository?.get(page.facts.file);
      if (!own || !more) return [page];
      const findings = {
        error: own.error + more.error,
        warning: own.warning + more.warning,
        info: own.info + more.info,
      };
      return [{ ...page, findings }];
    });
    const site = this.plan.site;
    const heatmap = site?.pictures ? { heatmap: `${site.pictures.url}${HEATMAP_FILE}` } : {};
    const ranked = this.rankedBacklog(maps);
    const matrix =
      ranked && this.#backlog
        ? {
            backlog: ranked,
            backlogMarkdown: this.#backlog.BACKLOG_FORMATS.markdown.formatter,
            ...(site?.pictures ? { matrix: `${site.pictures.url}${MATRIX_FILE}` } : {}),
          }
        : {};
    this.writeOnce(index, renderPortfolio(maps, { ...(site ? { site: site.layout } : {}), ...heatmap, ...matrix }));
    if (ranked && this.#backlog) {
      const layout = site?.layout;
      const page = this.#backlog.BACKLOG_FORMATS.markdown.formatter(ranked, {
        color: false,
        mapLink: backlogMapLink,
        ...(layout ? { wideTable: (written: string) => layout.wideTable(written) } : {}),
      });
      this.writeOnce(join(this.plan.destination!.path, BACKLOG_PAGE), page);
      this.writeOnce(matrixPath(this.plan), this.#backlog.renderMatrix(ranked.opportunities));
    }
    this.writeOnce(
      heatmapPath(this.plan),
      renderHeatmap(
        portfolioOrder(maps).map(({ map }) => map.facts),
        { stages: this.configuredStages() },
      ),
    );
  }

  /** The open opportunities of the site's maps ranked as `journeymap backlog` ranks them (the first
   * map's configuration sets the formula); undefined when no map tracks one. An id written with a title
   * on two maps is ranked once, from the first. */
  private rankedBacklog(maps: readonly PortfolioMap[]) {
    const backlog = this.#backlog;
    if (!backlog || !maps.some((map) => map.opportunities)) return undefined;
    const seen = new Set<string>();
    const opportunities = maps.flatMap((map) =>
      (map.opportunities ?? []).filter((opportunity) => !seen.has(opportunity.id) && seen.add(opportunity.id)),
    );
    const first = this.plan.inputs[0];
    const config = first && this.#siteLinter?.backlog(first);
    let settings;
    try {
      settings = backlog.prioritySettings(config?.priority);
    } catch {
      settings = backlog.prioritySettings();
    }
    return backlog.buildBacklog({ opportunities, duplicates: [], unknown: [], untracked: 0 }, maps.length, {
      settings,
    });
  }

  /** The stages the configuration expects, in order (of the first map's folder; the default preset when
   * none is configured): the heat map lines its columns up on them. */
  private configuredStages(): readonly string[] | undefined {
    const first = this.plan.inputs[0];
    return first && this.#siteLinter?.stages(first);
  }

  /** Writes a file of the site unless this run last wrote the same text to it (an edit under --watch
   * changes one page and usually neither the heat map nor, often, the index). */
  private writeOnce(path: string, text: string): void {
    if (this.#written.get(path) === text) return;
    this.write(path, text);
    this.#written.set(path, text);
  }

  /** The input for a path under --watch: a known map, or one added to a watched folder (undefined if refused). */
  private inputFor(path: string): MapInput | undefined {
    const known = this.plan.inputs.find((input) => input.path === path);
    if (known) return known;
    const input: MapInput = { file: displayPath(path), path };
    const claims = siteClaims(this.plan);
    for (const other of this.plan.inputs) claim(this.plan, other, claims);
    const clash = clashOf(this.plan, input, claims);
    if (clash) {
      this.tell(`journeymap: ${clash}`);
      return undefined;
    }
    this.plan.inputs.push(input);
    return input;
  }

  /** Renders a map again on every save; a broken save shows its errors and keeps the last good output. */
  async watch(): Promise<void> {
    const isMap = walkedMapTest();
    this.#watcher = watchMaps({
      // The maps, and the shared files they use: an edit to one redraws the maps that follow it.
      files: [...this.plan.inputs.map((input) => input.path!), ...this.#shared.files.keys()],
      folders: this.plan.folders,
      isMap: (path) => isMap(path) || isSharedFile({ path }),
      skippedFolders: new Set(["node_modules", ".git"]),
      onChange: async (path) => {
        const started = monotonicMs();
        this.#filesWritten = 0;
        const stats = statSync(path, { throwIfNoEntry: false });
        // Deleted, mid-rename or just truncated by the editor: the write that follows brings another event.
        if (!stats?.isFile() || stats.size === 0) return false;
        if (isSharedFile({ path })) return this.sharedChanged(path, started);
        const input = this.inputFor(path);
        if (!input) return;
        this.refreshInputs();
        let loaded: LoadedJourney | undefined;
        if (isSite(this.plan)) {
          loaded = await this.learn(input);
          this.linkAll();
        }
        const ok = await this.renderOne(input, loaded);
        this.writeIndex();
        this.tellRedrawn(input, ok);
        this.summarize(started, 1, ok ? 0 : 1);
      },
      onError: (error) => this.tell(`journeymap: ${(error as Error).message}`),
    });
    const count = this.plan.inputs.length;
    this.note(`watching ${count === 1 ? this.plan.inputs[0]!.file : `${count} maps`} (Ctrl-C to stop)`);
    await new Promise<void>((done) => {
      // Ctrl-C is the normal end of a watch: exit 0 after closing the browser, if any (launchBrowser
      // turns off puppeteer's own SIGINT handler, which would kill it and exit 130).
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await this.#watcher.close();
    this.#watcher = undefined;
  }

  /** Under --watch, a shared file was saved: its definitions are read again and every map in its folder
   * or below is drawn again with them; a save with errors is reported and the last good renderings kept. */
  private async sharedChanged(path: string, started: number): Promise<void> {
    this.#shared = new SharedFinder();
    this.#reported.clear();
    this.refreshInputs();
    const folder = dirname(path);
    const scope = this.#shared.forFolder(folder);
    if (this.reportSharedErrors()) {
      this.tell(`✖ ${displayPath(path)} has errors: kept the last good renderings`);
      return;
    }
    const within = (input: MapInput) => input.path !== undefined && isInside(input.path, folder);
    const affected = this.plan.inputs.filter(within);
    if (isSite(this.plan)) {
      for (const input of this.plan.inputs) await this.learn(input);
      this.linkAll();
    }
    const drawn: Array<[MapInput, boolean]> = [];
    for (const input of affected) drawn.push([input, await this.renderOne(input)]);
    // The index first, as for a map's save: whoever waits for the message finds the site up to date.
    this.writeIndex();
    for (const [input, ok] of drawn) this.tellRedrawn(input, ok);
    if (affected.length === 0 && scope) this.note(`✔ ${displayPath(path)}: no map follows it yet`);
    if (drawn.length > 0) this.summarize(started, drawn.length, drawn.filter(([, ok]) => !ok).length);
  }

  /** What a redraw under --watch says of a map. */
  private tellRedrawn(input: MapInput, ok: boolean): void {
    const target = targetOf(this.plan, input);
    if (ok) this.note(`✔ ${input.file}${target ? ` → ${displayPath(target)}` : ""}`);
    else this.tell(`✖ ${input.file} has errors: kept the last good rendering`);
  }

  async close(): Promise<void> {
    await this.#watcher?.close();
    const engine = await this.#engine?.catch(() => undefined);
    await engine?.close();
  }
}
