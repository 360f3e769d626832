// `journeymap render`: wiring only. Options in, renderPaths (src/render/runner.ts: the plan, the
// targets, drawing, writing, the index page and --watch), an exit code out.
import type { Command } from "commander";
import { ENGINE_NAMES, formatHelp, knownExtensions, PICTURE_VIEWS } from "../render/formats.js";
import type { LoadedJourney } from "../journey/load.js";
import { renderPaths, type RenderRunOptions } from "../render/runner.js";
import { SITE_GENERATORS } from "../render/site/generators.js";
import { dataOptions, dataSettings, reportData, type DataFlags } from "./data.js";
import { examples, useColor } from "./options.js";
import { stdout, stderr } from "../io/standard-streams.js";
import { progressWanted } from "../io/progress.js";

export function registerRender(program: Command): void {
  const command = program
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
      `for svg, png, pdf: ${ENGINE_NAMES.join(", ")}; native (the journey-map picture, PDF without a browser) is the default, chrome prints the picture to PDF in the system's Chrome, mermaid-cli draws the Mermaid diagram in Chrome`,
    )
    .option(
      "--view <view>",
      `the picture svg, png and pdf draw: ${PICTURE_VIEWS.join(" or ")} (default: blueprint for a map with "type: blueprint", else journey)`,
    )
    .option("--theme <theme>", "light or dark", "light")
    .option(
      "--scale <n>",
      "PNG pixels per point: 1 draws the picture at its own size (96 px per inch), 2 for high-DPI screens",
      "1",
    )
    .option(
      "--page <paper>",
      "print PNG or PDF on pages of a4, a3, letter, legal or tabloid, split at stages; PNG writes one file per page (map-1.png, map-2.png...)",
    )
    .option("--landscape", "with --page: pages wider than tall (the default: stages run left to right)")
    .option("--portrait", "with --page: pages taller than wide")
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
    .option(
      "--mermaid",
      "embed the Mermaid diagram in Markdown pages written to files, beside the picture (on stdout it is always there)",
    )
    .option("--no-mermaid", "leave the Mermaid diagram out of Markdown pages")
    .option(
      "--site <generator>",
      `with --format markdown -o <folder>: write the pages for ${SITE_GENERATORS.join(", ")} (default: the project found above the folder, else plain Markdown)`,
    )
    .option("-w, --watch", "render again whenever a map changes (Ctrl-C to stop)")
    .option("--quiet", "errors only on standard error: no line per map, no progress and no summary")
    .option("--stdin-filename <name>", "the name to show for standard input");
  dataOptions(command)
    .addHelpText(
      "after",
      examples(
        "$ journeymap render docs/examples/hotel.journey.yaml                 # Mermaid on stdout",
        "$ journeymap render docs/examples/hotel.journey.yaml -o hotel.md     # Markdown docs page",
        "$ journeymap render examples/ --format markdown -o site/            # a docs site: pages, pictures, portfolio index",
        "$ journeymap render docs/examples/hotel.journey.yaml -o hotel.svg    # the journey-map picture",
        "$ journeymap render docs/examples/hotel.journey.yaml -o hotel.png --engine mermaid-cli --scale 3",
        "$ journeymap render docs/examples/hotel.journey.yaml -o hotel.pdf --page a4      # A4 landscape pages, split at stages",
        "$ journeymap render docs/examples/hotel-check-in.blueprint.yaml -o check-in.svg  # a service blueprint (type: blueprint)",
        "$ journeymap render docs/examples/hotel.journey.yaml -o hotel-blueprint.png --view blueprint",
        "$ journeymap render examples/ --format markdown -o docs/journeys --watch",
        "$ journeymap render examples/ --format markdown -o docs/journeys --site mkdocs   # pages MkDocs builds as they are",
        "$ journeymap render docs/examples/data/office-order.journey.yaml -o office-order.svg --data --as-of 2025-06-30 --window 90d",
      ),
    )
    .action(async (paths: string[], options: RenderRunOptions & DataFlags, command: Command) => {
      const color = useColor(command, stderr);
      const { asOf, windowDays } = await dataSettings(options);
      const measure = options.data
        ? async (map: LoadedJourney, path: string | undefined) => {
            const { applySources } = await import("../data/runner.js");
            const { results, notes } = await applySources(map, path, { asOf, windowDays });
            reportData(results, notes, color, "render");
            return results.length === 0;
          }
        : undefined;
      process.exitCode = await renderPaths(
        paths,
        { ...options, asOf, ...(windowDays !== undefined ? { windowDays } : {}), ...(measure ? { measure } : {}) },
        {
          stdout: (rendering) => stdout.write(rendering),
          stderr: (text) => stderr.write(text),
          color,
          progress: progressWanted(options.quiet),
        },
      );
    });
}
