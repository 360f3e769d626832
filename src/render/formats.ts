// The catalog of render formats: one entry per format with its names, file extensions, kind (text or
// binary) and the engines that draw it, each with its renderer. The render command, its help text and
// the docs read this; adding a format is one entry here plus its pure renderer.
import { JourneymapError } from "../errors.js";
import type { Journey } from "../journey/model.js";
import { renderMarkdown, type PageLinks } from "./markdown.js";
import { renderDrawableMermaid } from "./mermaid.js";
import type { MermaidCliEngine } from "./mermaid-cli.js";
import type { svgToPng } from "./png.js";
import type { SiteLayout } from "./site/generators.js";
import type { SvgOptions } from "./svg/index.js";
import type { MapLinker } from "./svg/layout.js";
import type { FooterFacts, PaperName } from "./svg/pages.js";

export const FORMAT_NAMES = [
  "mermaid",
  "markdown",
  "svg",
  "png",
  "pdf",
  "xlsx",
  "pptx",
  "drawio",
  "drawio-svg",
  "vsdx",
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const ENGINE_NAMES = ["native", "chrome", "mermaid-cli"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Everything a renderer may use besides the map; checked before any map is read. */
export interface RenderSettings {
  theme: "light" | "dark";
  /** PNG pixels per point. */
  scale: number;
  /** Chrome to use for PDF and the mermaid-cli engine. */
  browser?: string;
  /** Mermaid's own configuration, written into the diagram as front matter. */
  mermaidConfig?: Record<string, unknown>;
  /** Markdown pages start with YAML front matter. */
  frontMatter: boolean;
  /** The picture shows a metric value's date when it is older than windowDays at this day. */
  asOf?: string;
  windowDays?: number;
  /** --page: PNG and PDF printed on pages of this paper, landscape unless --portrait. */
  print?: { paper: PaperName; landscape: boolean };
  /** --view: the picture drawn for svg, png, pdf and a page's picture; absent: the map's `type` decides. */
  view?: PictureView;
}

export const PICTURE_VIEWS = ["journey", "blueprint"] as const;
export type PictureView = (typeof PICTURE_VIEWS)[number];

/** The picture a map is drawn as: --view when given, else a blueprint for `type: blueprint`. */
export function viewOf(journey: Journey, view: PictureView | undefined): PictureView {
  return view ?? (journey.type === "blueprint" ? "blueprint" : "journey");
}

export interface RenderContext extends RenderSettings {
  /** The run's one mermaid-cli engine (one browser for every map), started on first use. */
  mermaidCli(): Promise<MermaidCliEngine>;
  /** A page written to a file: the picture beside it and, in a portfolio, its links. */
  page?: PageContext;
  /** What a printed page's footer says of the map's file (--page). */
  footer?: FooterFacts;
  /** Says something on stderr that does not change the exit code (a font that is missing). */
  warn?: (message: string) => void;
  /** svgToPng on worker threads, for a run of many PNG maps (raster-pool.ts); else this thread's. */
  svgToPng?: typeof svgToPng;
}

/** What a page knows of where it is written. */
export interface PageContext {
  /** The file name of the picture written beside the page (its companion). */
  picture?: string;
  /** Embed the Mermaid diagram as well (--mermaid). */
  mermaid?: boolean;
  /** Breadcrumbs and the pages of linked maps (a folder rendered as a docs site). */
  links?: PageLinks;
  /** The same links for the picture's cards: the linked map's picture or page, relative. */
  pictureLinks?: MapLinker;
  /** The docs-site generator the page is written for (--site, or found above the output folder). */
  site?: SiteLayout;
}

/** Draws a map in one format with one engine. Heavy parts (resvg, the browser) load inside, lazily. */
export type Draw<Output> = (journey: Journey, context: RenderContext) => Output | Promise<Output>;

interface EngineOf<Output> {
  engine: EngineName;
  draw: Draw<Output>;
}

/** One format. Every engine it lists comes with the function that draws it, or it does not compile. */
export type FormatSpec = {
  /** Other names --format accepts. */
  aliases: readonly string[];
  /** File extensions, the one written first; --output's extension picks the format. */
  extensions: readonly [string, ...string[]];
  description: string;
  /** A file written beside each rendering written to a file (the page's picture), with its extension. */
  companion?: { extension: string; draw: Draw<string> };
} & (
  | { kind: "text"; engines: readonly [EngineOf<string>, ...EngineOf<string>[]] }
  | { kind: "binary"; engines: readonly [EngineOf<Uint8Array>, ...EngineOf<Uint8Array>[]] }
);

async function nativeSvg(journey: Journey, context: RenderContext): Promise<string> {
  // The native picture's modules load only when a picture is asked for.
  const { renderSvg } = await import("./svg/index.js");
  return renderSvg(journey, svgOptions(context));
}

function svgOptions(context: RenderContext): SvgOptions {
  const links = context.page?.pictureLinks;
  return {
    theme: context.theme,
    ...(links ? { links } : {}),
    ...(context.asOf !== undefined ? { asOf: context.asOf } : {}),
    ...(context.windowDays !== undefined ? { windowDays: context.windowDays } : {}),
  };
}

/** The native picture of the map's view: the journey-map picture, or the service blueprint (src/render/blueprint). */
async function pictureSvg(journey: Journey, context: RenderContext): Promise<string> {
  if (viewOf(journey, context.view) === "journey") return nativeSvg(journey, context);
  const { renderBlueprintSvg } = await import("./blueprint/index.js");
  return renderBlueprintSvg(journey, { theme: context.theme });
}

function mermaidCliDraw(format: "svg" | "png" | "pdf") {
  return async (journey: Journey, context: RenderContext): Promise<Uint8Array> => {
    // Refused before the browser starts: Mermaid would draw only its "Maximum text size" picture.
    const diagram = renderDrawableMermaid(
      journey,
      { config: context.mermaidConfig, theme: context.theme },
      "draw the journey-map picture with --engine native",
    );
    const engine = await context.mermaidCli();
    return engine.draw(diagram, format, {
      scale: context.scale,
      background: context.theme === "dark" ? "#333333" : "white",
    });
  };
}

export const renderFormats = {
  mermaid: {
    aliases: ["mmd"],
    extensions: [".mmd", ".mermaid"],
    description: "the Mermaid journey diagram",
    kind: "text",
    engines: [
      {
        engine: "native",
        draw: (journey, context) =>
          renderDrawableMermaid(
            journey,
            { config: context.mermaidConfig, theme: context.theme },
            "draw the journey-map picture with --format svg",
          ),
      },
    ],
  },
  markdown: {
    aliases: ["md"],
    extensions: [".md", ".markdown"],
    description: "a Markdown docs page",
    kind: "text",
    // Written to a file, the page shows the journey-map picture, an SVG beside it.
    companion: { extension: ".svg", draw: pictureSvg },
    engines: [
      {
        engine: "native",
        draw: (journey, context) =>
          renderMarkdown(journey, {
            config: context.mermaidConfig,
            theme: context.theme,
            frontMatter: context.frontMatter,
            ...(context.page?.picture !== undefined ? { picture: context.page.picture } : {}),
            ...(context.page?.mermaid !== undefined ? { mermaid: context.page.mermaid } : {}),
            ...(context.page?.links ? { links: context.page.links } : {}),
            ...(context.page?.site ? { site: context.page.site } : {}),
          }),
      },
    ],
  },
  svg: {
    aliases: [],
    extensions: [".svg"],
    description: "the journey-map picture, or the service blueprint (--view; or Mermaid's, with --engine mermaid-cli)",
    kind: "text",
    engines: [
      { engine: "native", draw: pictureSvg },
      {
        engine: "mermaid-cli",
        draw: async (journey, context) => new TextDecoder().decode(await mermaidCliDraw("svg")(journey, context)),
      },
    ],
  },
  png: {
    aliases: [],
    extensions: [".png"],
    description: "the picture as PNG, at --scale",
    kind: "binary",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) => {
          const toPng = context.svgToPng ?? (await import("./png.js")).svgToPng;
          return toPng(await pictureSvg(journey, context), {
            scale: context.scale,
            ...(context.warn ? { warn: context.warn } : {}),
          });
        },
      },
      { engine: "mermaid-cli", draw: mermaidCliDraw("png") },
    ],
  },
  pdf: {
    aliases: [],
    extensions: [".pdf"],
    description: "the picture as a one-page PDF with selectable text (--engine chrome: printed by the system's Chrome)",
    kind: "binary",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) =>
          (await import("./pdf-native.js")).svgToNativePdf(await pictureSvg(journey, context), {
            title: journey.title,
            ...(context.warn ? { warn: context.warn } : {}),
          }),
      },
      {
        engine: "chrome",
        draw: async (journey, context) =>
          (await import("./pdf.js")).svgToPdf(await pictureSvg(journey, context), { browser: context.browser }),
      },
      { engine: "mermaid-cli", draw: mermaidCliDraw("pdf") },
    ],
  },
  xlsx: {
    aliases: ["excel"],
    extensions: [".xlsx"],
    description: "an Excel workbook: the map as stages by lanes, a table of touchpoints, personas, teams, metrics",
    kind: "binary",
    engines: [{ engine: "native", draw: async (journey) => (await import("./export/xlsx.js")).renderXlsx(journey) }],
  },
  // The office exports (src/render/export/): a deck to present, and diagrams to edit in draw.io and Visio.
  pptx: {
    aliases: ["powerpoint"],
    extensions: [".pptx"],
    description: "a PowerPoint deck: personas, the picture, a slide per stage, the emotion chart and metrics",
    kind: "binary",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) =>
          (await import("./export/pptx.js")).renderPptx(journey, { theme: context.theme }),
      },
    ],
  },
  drawio: {
    aliases: ["diagrams.net"],
    extensions: [".drawio"],
    description: "a draw.io diagram: the picture as editable shapes, a swimlane per lane",
    kind: "text",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) => (await import("./export/drawio.js")).renderDrawio(journey, context),
      },
    ],
  },
  "drawio-svg": {
    aliases: [],
    extensions: [".drawio.svg"],
    description: "the picture as SVG carrying its draw.io diagram (GitHub shows it, draw.io edits it)",
    kind: "text",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) =>
          (await import("./export/drawio.js")).renderDrawioPicture(journey, svgOptions(context)),
      },
    ],
  },
  vsdx: {
    aliases: ["visio"],
    extensions: [".vsdx"],
    description: "a Visio drawing: the picture as native, editable shapes",
    kind: "binary",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) =>
          (await import("./export/vsdx.js")).renderVsdx(journey, { theme: context.theme }),
      },
    ],
  },
} as const satisfies Record<FormatName, FormatSpec>;

/** A format chosen for a run, with its entry. */
export interface RenderFormat {
  name: FormatName;
  spec: FormatSpec;
}

function entry(name: FormatName): RenderFormat {
  return { name, spec: renderFormats[name] };
}

/** The format a --format value names (its name or an alias, any case); undefined if none. */
export function formatNamed(value: string): RenderFormat | undefined {
  const wanted = value.toLowerCase();
  const name = FORMAT_NAMES.find(
    (candidate) => candidate === wanted || (renderFormats[candidate].aliases as readonly string[]).includes(wanted),
  );
  return name === undefined ? undefined : entry(name);
}

/** The format a file's extension names (the longest that matches: .drawio.svg before .svg), or undefined. */
export function formatOfPath(path: string): RenderFormat | undefined {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1).toLowerCase();
  let found: { name: FormatName; length: number } | undefined;
  for (const name of FORMAT_NAMES) {
    for (const extension of renderFormats[name].extensions as readonly string[]) {
      if (base.endsWith(extension) && extension.length > (found?.length ?? 0))
        found = { name, length: extension.length };
    }
  }
  return found === undefined ? undefined : entry(found.name);
}

/** The extensions of every format, for messages: ".mmd .mermaid .md ...". */
export function knownExtensions(): string[] {
  return FORMAT_NAMES.flatMap((name) => [...renderFormats[name].extensions]);
}

/** The engines that draw a format, the default first. */
export function enginesOf(format: RenderFormat): EngineName[] {
  return format.spec.engines.map((candidate) => candidate.engine);
}

/**
 * The format and engine for --format, --output and --engine. Throws JourneymapError (exit 2) for an
 * unknown format or engine, an --output extension that names no format (never a silent default), or
 * a disagreement between them.
 */
export function chooseFormat(options: { format?: string; output?: string; engine?: string; folder?: boolean }): {
  format: RenderFormat;
  engine: EngineName;
} {
  const names = FORMAT_NAMES.join(", ");
  const fromOutput = options.output === undefined || options.folder ? undefined : formatOfPath(options.output);
  let format: RenderFormat;
  if (options.format !== undefined) {
    const named = formatNamed(options.format);
    if (!named) throw new JourneymapError(`unknown format "${options.format}": use one of ${names}`);
    if (fromOutput && fromOutput.name !== named.name) {
      throw new JourneymapError(
        `--output "${options.output}" ends in ${extensionOf(options.output!)} but --format is ${named.name}: make them agree`,
      );
    }
    format = named;
  } else if (fromOutput) {
    format = fromOutput;
  } else if (options.output !== undefined && !options.folder && extensionOf(options.output)) {
    throw new JourneymapError(
      `--output "${options.output}" ends in ${extensionOf(options.output)}, which is not a format journeymap renders: ` +
        `use one of ${knownExtensions().join(" ")}, or --format (${names})`,
    );
  } else {
    format = entry("mermaid");
  }
  const engines = enginesOf(format);
  if (options.engine === undefined) return { format, engine: engines[0]! };
  if (!(ENGINE_NAMES as readonly string[]).includes(options.engine))
    throw new JourneymapError(
      `unknown engine "${options.engine}": use ${ENGINE_NAMES.slice(0, -1).join(", ")} or ${ENGINE_NAMES.at(-1)!}`,
    );
  const engine = options.engine as EngineName;
  if (!engines.includes(engine)) {
    const drawnBy = FORMAT_NAMES.filter((name) => enginesOf(entry(name)).includes(engine));
    const list = drawnBy.length > 1 ? `${drawnBy.slice(0, -1).join(", ")} and ${drawnBy.at(-1)!}` : drawnBy.join("");
    throw new JourneymapError(`--engine applies to ${list}, not to ${format.name}: ${engine} draws only those`);
  }
  return { format, engine };
}

function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : "";
}

/** Draws a map in the chosen format and engine: text or bytes, ready to write. */
export async function drawMap(
  journey: Journey,
  format: RenderFormat,
  engine: EngineName,
  context: RenderContext,
): Promise<string | Uint8Array> {
  const chosen = format.spec.engines.find((candidate) => candidate.engine === engine);
  if (!chosen) throw new JourneymapError(`--engine ${engine} does not draw ${format.name}`);
  return chosen.draw(journey, context);
}

/** The formats --page prints: the native picture on pages of a paper size. */
export const PRINTED_FORMATS: readonly FormatName[] = ["png", "pdf"];

/**
 * The map printed on pages of `context.print`'s paper (renderPages): one PDF of every page, or one PNG
 * per page (each within the PNG budgets). Throws JourneymapError (exit 2) for a format that is not printed.
 */
export async function drawPrinted(
  journey: Journey,
  format: RenderFormat,
  engine: EngineName,
  context: RenderContext & { print: NonNullable<RenderSettings["print"]> },
): Promise<Uint8Array[]> {
  if (!PRINTED_FORMATS.includes(format.name))
    throw new JourneymapError(`--page prints ${PRINTED_FORMATS.join(" and ")}, not ${format.name}`);
  if (viewOf(journey, context.view) === "blueprint")
    throw new JourneymapError(
      `--page prints the journey-map picture, and "${journey.title}" is drawn as a service blueprint: leave out --page for the blueprint on one page, or add --view journey`,
    );
  const { renderPages } = await import("./svg/pages.js");
  const links = context.page?.pictureLinks;
  const pages = renderPages(journey, {
    paper: context.print.paper,
    landscape: context.print.landscape,
    theme: context.theme,
    ...(context.footer ? { footer: context.footer } : {}),
    ...(links ? { links } : {}),
    ...(context.asOf !== undefined ? { asOf: context.asOf } : {}),
    ...(context.windowDays !== undefined ? { windowDays: context.windowDays } : {}),
  });
  if (format.name === "pdf" && engine === "chrome")
    return [await (await import("./pdf.js")).pagesToPdf(pages, { browser: context.browser })];
  if (format.name === "pdf")
    return [
      await (
        await import("./pdf-native.js")
      ).pdfOfPages(pages, {
        title: journey.title,
        unit: "pt",
        ...(context.warn ? { warn: context.warn } : {}),
      }),
    ];
  const { refuseTooMuchText, svgToPng } = await import("./png.js");
  // The text and the pixels of every page together: the time it takes to draw them all is what the budgets bound.
  refuseTooMuchText(pages.map((page) => page.svg).join(""), "PNG");
  refusePrintedPng(pages, context.scale);
  const images: Uint8Array[] = [];
  for (const page of pages) images.push(await svgToPng(page.svg, { scale: context.scale }));
  return images;
}

/**
 * The most PNG pages of one map, and the most pixels of them all together. resvg took about 0.15 s of
 * CPU per A4 page at --scale 2 (2 megapixels, mostly paper; 38 pages: 5.8 s), much of it loading the
 * system's fonts again for each page: 20 such pages stay under 3 s. PDF prints up to MAX_PAGES.
 */
export const MAX_PNG_PAGES = 20;
export const MAX_PRINTED_PIXELS = 40_000_000;

function refusePrintedPng(pages: readonly { width: number; height: number }[], scale: number): void {
  if (pages.length > MAX_PNG_PAGES)
    throw new JourneymapError(
      `the map prints on ${pages.length} PNG pages, more than ${MAX_PNG_PAGES}: use --format pdf, or a larger --page`,
    );
  const pixels = pages.reduce((sum, page) => sum + Math.ceil(page.width * scale) * Math.ceil(page.height * scale), 0);
  if (pixels <= MAX_PRINTED_PIXELS) return;
  const fits = Math.floor(Math.sqrt(MAX_PRINTED_PIXELS / (pixels / scale ** 2)) * 10) / 10;
  throw new JourneymapError(
    `the map prints on ${pages.length} PNG pages of ${pixels.toLocaleString("en-US")} pixels in all at --scale ${scale}, ` +
      `more than ${MAX_PRINTED_PIXELS.toLocaleString("en-US")}: use ${fits >= 0.1 ? `--scale ${fits} or less, or ` : ""}--format pdf`,
  );
}

/** "mermaid (mmd), markdown (md), svg, png, pdf": the --format help, from the catalog. */
export function formatHelp(): string {
  return FORMAT_NAMES.map((name) => {
    const aliases = renderFormats[name].aliases;
    return aliases.length > 0 ? `${name} (${aliases.join(", ")})` : name;
  }).join(", ");
}
