// The catalog of render formats: one entry per format with its names, file extensions, kind (text or
// binary) and the engines that draw it, each with its renderer. The render command, its help text and
// the docs read this; adding a format is one entry here plus its pure renderer.
import { JourneymapError } from "../errors.js";
import type { Journey } from "../journey/model.js";
import { renderMarkdown, type PageLinks } from "./markdown.js";
import { renderDrawableMermaid } from "./mermaid.js";
import type { MermaidCliEngine } from "./mermaid-cli.js";
import type { SiteLayout } from "./site/generators.js";
import type { MapLinker } from "./svg/layout.js";

export const FORMAT_NAMES = ["mermaid", "markdown", "svg", "png", "pdf"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const ENGINE_NAMES = ["native", "mermaid-cli"] as const;
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
}

export interface RenderContext extends RenderSettings {
  /** The run's one mermaid-cli engine (one browser for every map), started on first use. */
  mermaidCli(): Promise<MermaidCliEngine>;
  /** A page written to a file: the picture beside it and, in a portfolio, its links. */
  page?: PageContext;
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
  const links = context.page?.pictureLinks;
  return renderSvg(journey, {
    theme: context.theme,
    ...(links ? { links } : {}),
    ...(context.asOf !== undefined ? { asOf: context.asOf } : {}),
    ...(context.windowDays !== undefined ? { windowDays: context.windowDays } : {}),
  });
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
    companion: { extension: ".svg", draw: nativeSvg },
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
    description: "the journey-map picture (or Mermaid's, with --engine mermaid-cli)",
    kind: "text",
    engines: [
      { engine: "native", draw: nativeSvg },
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
        draw: async (journey, context) =>
          (await import("./png.js")).svgToPng(await nativeSvg(journey, context), { scale: context.scale }),
      },
      { engine: "mermaid-cli", draw: mermaidCliDraw("png") },
    ],
  },
  pdf: {
    aliases: [],
    extensions: [".pdf"],
    description: "the picture as a one-page PDF, printed by the system's Chrome",
    kind: "binary",
    engines: [
      {
        engine: "native",
        draw: async (journey, context) =>
          (await import("./pdf.js")).svgToPdf(await nativeSvg(journey, context), { browser: context.browser }),
      },
      { engine: "mermaid-cli", draw: mermaidCliDraw("pdf") },
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

/** The format a file's extension names, or undefined. */
export function formatOfPath(path: string): RenderFormat | undefined {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || /[/\\]/.test(path.slice(dot))) return undefined;
  const extension = path.slice(dot).toLowerCase();
  const name = FORMAT_NAMES.find((candidate) =>
    (renderFormats[candidate].extensions as readonly string[]).includes(extension),
  );
  return name === undefined ? undefined : entry(name);
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
    throw new JourneymapError(`unknown engine "${options.engine}": use ${ENGINE_NAMES.join(" or ")}`);
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

/** "mermaid (mmd), markdown (md), svg, png, pdf": the --format help, from the catalog. */
export function formatHelp(): string {
  return FORMAT_NAMES.map((name) => {
    const aliases = renderFormats[name].aliases;
    return aliases.length > 0 ? `${name} (${aliases.join(", ")})` : name;
  }).join(", ");
}
