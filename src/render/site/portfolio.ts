// The index page of a docs site of maps: the portfolio at a glance. The hierarchy as a tree of links, a
// table of every map, the heat map picture, the backlog (every pain point and opportunity, by owning
// team, each linked to its map) and who owns how many touchpoints of which map. Pure, and linear in
// the maps' size: the tree is walked once, wide tables are capped.
export { HEATMAP_FILE };
import { countOf } from "../../journey/queries.js";
import type { MapFacts } from "../../workspace/facts.js";
import { buildGraph, hierarchyOrder } from "../../workspace/graph.js";
import { BREAK, asHeading, inline, link, table, type PageLink } from "../markdown.js";
import { HEATMAP_FILE } from "./heatmap.js";
import type { Backlog } from "../../backlog/backlog.js";
import type { CollectedOpportunity } from "../../backlog/collect.js";
import type { BACKLOG_FORMATS } from "../backlog/formats.js";
import { GENERIC_LAYOUT, type SiteLayout } from "./generators.js";

/** One pain point or opportunity of a map, with who owns its touchpoint. */
export interface BacklogItem {
  kind: "pain point" | "opportunity";
  text: string;
  stage: string;
  touchpoint: string;
  /** The touchpoint's owner (a team id, or a name as written); absent: nobody. */
  owner?: string;
}

/** A map of the site as its index shows it. */
export interface PortfolioMap {
  facts: MapFacts;
  /** The map's page, relative to the index. */
  page: string;
  backlog: BacklogItem[];
  /** Touchpoints per owner. */
  ownership: ReadonlyMap<string, number>;
  /** Lint findings per severity, when the map was linted. */
  findings?: { error: number; warning: number; info: number };
  /** The opportunities tracked as work that the map writes with a title (its `map.page` is the page). */
  opportunities?: CollectedOpportunity[];
}

/** The ranked backlog's page and the matrix picture, beside the index. */
export const BACKLOG_PAGE = "backlog.md";
export const MATRIX_FILE = "backlog-matrix.svg";
/** Rows of the ranked backlog on the index; the rest are on the backlog page. */
export const INDEX_BACKLOG_ROWS = 10;

/** Tree levels past this are listed at this depth (a chain of a thousand maps stays a readable list). */
const MAX_DEPTH = 6;
/** Team columns of the ownership matrix: the teams owning most touchpoints; the rest share one column. */
const MAX_TEAM_COLUMNS = 12;

/** The maps in hierarchy order, each after the one it details, with its depth in the tree; maps that
 * share an id with an earlier one (lint reports it) come last. */
export function portfolioOrder(listed: readonly PortfolioMap[]): Array<{ map: PortfolioMap; depth: number }> {
  const byId = new Map<string, PortfolioMap>();
  for (const map of listed) if (!byId.has(map.facts.id)) byId.set(map.facts.id, map);
  const first = new Set(byId.values());
  return [
    ...hierarchyOrder(buildGraph([...byId.values()].map((map) => map.facts))).map(({ id, depth }) => ({
      map: byId.get(id)!,
      depth,
    })),
    ...listed.filter((map) => !first.has(map)).map((map) => ({ map, depth: 0 })),
  ];
}

/** Where the index finds the heat map and how its generator shows pictures and tables. */
export interface PortfolioOptions {
  site?: SiteLayout;
  /** The heat map's href (default: beside the index). */
  heatmap?: string;
  /** The ranked backlog of the maps' tracked opportunities (none: no such section), and the matrix's
   * href (default: beside the index). */
  backlog?: Backlog;
  /** How the ranked backlog is written as Markdown (render/backlog/formats.ts), given with it: the index
   * loads the backlog's outputs only for a site whose maps track opportunities. */
  backlogMarkdown?: (typeof BACKLOG_FORMATS)["markdown"]["formatter"];
  matrix?: string;
}

/** The index page of `listed`, in hierarchy order. */
export function renderPortfolio(listed: readonly PortfolioMap[], options: PortfolioOptions = {}): string {
  const site = options.site ?? GENERIC_LAYOUT;
  const blocks = ["# Journey maps"];
  if (listed.length === 0) return `${blocks[0]}\n\n_No maps rendered yet._\n`;
  const order = portfolioOrder(listed);
  const maps = order.map(({ map }) => map);
  const pageOf = (map: PortfolioMap): PageLink => ({ title: map.facts.title, href: map.page });
  const teamNames = new Map<string, string>();
  for (const map of maps)
    for (const team of map.facts.teams) if (team.name && !teamNames.has(team.id)) teamNames.set(team.id, team.name);
  const teamLabel = (id: string) => inline(teamNames.get(id) ?? id);

  const touchpoints = maps.reduce((sum, map) => sum + map.facts.touchpoints, 0);
  const pains = maps.reduce((sum, map) => sum + map.facts.painPoints, 0);
  const opportunities = maps.reduce((sum, map) => sum + map.facts.opportunities, 0);
  blocks.push(
    `${countOf(maps.length, "map")}, ${countOf(touchpoints, "touchpoint")}, ${countOf(pains, "pain point")} and ${countOf(opportunities, "opportunity").replace(/opportunitys$/, "opportunities")}.`,
  );

  blocks.push("## Hierarchy", tree(order, pageOf, site.listIndent));

  const header = ["Map", "Owner", "Personas", "Stages", "Touchpoints", "Pain points", "Average emotion", "Lint"];
  const rows = maps.map((map) => [
    link(pageOf(map)),
    map.facts.owner === undefined ? "" : teamLabel(map.facts.owner),
    site.personaLines ? personaLines(map.facts.personas) : inline(map.facts.personas.join(", ")),
    String(map.facts.stages.length),
    String(map.facts.touchpoints),
    String(map.facts.painPoints),
    map.facts.emotion === undefined ? "not recorded" : map.facts.emotion.toFixed(1),
    status(map.findings),
  ]);
  // On a site, the lint status comes second: a wide table scrolls, and the status must not scroll away.
  const lintFirst = (cells: string[]) => (site.lintFirst ? [cells[0]!, cells.at(-1)!, ...cells.slice(1, -1)] : cells);
  blocks.push("## Maps", site.wideTable(table(lintFirst(header), rows.map(lintFirst))));

  blocks.push(
    "## Emotion by stage",
    site.picture(
      "Heat map: the average emotion of each map's stages, from 1 (very negative, dark orange) through 3 (neutral, grey) to 5 (very positive, purple)",
      options.heatmap ?? HEATMAP_FILE,
    ),
  );

  if (options.backlog && options.backlogMarkdown)
    blocks.push("## Ranked backlog", ...rankedBacklog(options.backlog, options.backlogMarkdown, site, options.matrix));
  blocks.push("## Backlog by owning team", ...backlog(maps, pageOf, teamLabel, site));
  blocks.push("## Touchpoint ownership", site.wideTable(ownershipTable(maps, pageOf, teamLabel)));
  return `${blocks.join("\n\n")}\n`;
}

/** The top of the ranked backlog, linking the whole of it, and the value × effort matrix. */
function rankedBacklog(
  ranked: Backlog,
  markdown: NonNullable<PortfolioOptions["backlogMarkdown"]>,
  site: SiteLayout,
  matrix = MATRIX_FILE,
): string[] {
  const top = markdown(ranked, {
    color: false,
    heading: false,
    top: INDEX_BACKLOG_ROWS,
    more: BACKLOG_PAGE,
    mapLink: backlogMapLink,
    wideTable: (written) => site.wideTable(written),
  });
  return [
    top.trimEnd(),
    `[The whole backlog](${BACKLOG_PAGE})`,
    site.picture(
      "Value × effort matrix: each open opportunity placed by its value (up) and its effort (right); quick wins top left",
      matrix,
    ),
  ];
}

/** A map's page in the backlog's tables: the page path the runner gave, beside the index. */
export function backlogMapLink(map: { page?: string }): string | undefined {
  return map.page === undefined ? undefined : map.page.split("/").map(encodeURIComponent).join("/");
}

/** Code-point order: the same on every machine, whatever its locale (and no collator to load). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function status(findings: PortfolioMap["findings"]): string {
  if (!findings) return "";
  const parts = [
    findings.error ? countOf(findings.error, "error") : "",
    findings.warning ? countOf(findings.warning, "warning") : "",
  ].filter(Boolean);
  return parts.length ? `⚠ ${parts.join(", ")}` : "✔ clean";
}

/** The hierarchy as nested links, `indent` spaces per level; levels past MAX_DEPTH stay at that depth. */
function tree(
  order: ReadonlyArray<{ map: PortfolioMap; depth: number }>,
  pageOf: (map: PortfolioMap) => PageLink,
  indent: number,
): string {
  return order
    .map(({ map, depth }) => `${" ".repeat(indent * Math.min(depth, MAX_DEPTH))}- ${link(pageOf(map))}`)
    .join("\n");
}

/** Persona names one to a line, each after a bullet: a comma inside a name ("Dana, working parent") or
 * any separator ("Sam · Alex") stays inside one entry. A line break in a name reads as a space. */
function personaLines(names: readonly string[]): string {
  return names.map((name) => `• ${inline(name.replace(/\s+/g, " "))}`).join(BREAK);
}

function backlog(
  maps: readonly PortfolioMap[],
  pageOf: (map: PortfolioMap) => PageLink,
  teamLabel: (id: string) => string,
  site: SiteLayout,
): string[] {
  const byOwner = new Map<string, string[]>();
  const unowned: string[] = [];
  for (const map of maps) {
    for (const item of map.backlog) {
      const kind = item.kind === "pain point" ? "Pain point" : "Opportunity";
      const line = `- ${kind}: ${inline(item.text)} (${link(pageOf(map))}, ${inline(item.stage)}: ${inline(item.touchpoint)})`;
      if (item.owner === undefined) unowned.push(line);
      else {
        const list = byOwner.get(item.owner);
        if (list) list.push(line);
        else byOwner.set(item.owner, [line]);
      }
    }
  }
  if (byOwner.size === 0 && unowned.length === 0) return ["_No pain points or opportunities yet._"];
  const owners = [...byOwner.keys()].sort((a, b) => byText(teamLabel(a), teamLabel(b)) || byText(a, b));
  const blocks: string[] = [];
  for (const owner of owners) {
    const label = teamLabel(owner);
    blocks.push(
      `### ${asHeading(label === inline(owner) ? label : `${label} (${inline(owner)})`, site)}`,
      byOwner.get(owner)!.join("\n"),
    );
  }
  if (unowned.length > 0) blocks.push("### No owner", unowned.join("\n"));
  return blocks;
}

/** Touchpoints per team and map: the teams that own most as columns, any others summed in one. */
function ownershipTable(
  maps: readonly PortfolioMap[],
  pageOf: (map: PortfolioMap) => PageLink,
  teamLabel: (id: string) => string,
): string {
  const totals = new Map<string, number>();
  for (const map of maps)
    for (const [owner, count] of map.ownership) totals.set(owner, (totals.get(owner) ?? 0) + count);
  if (totals.size === 0) return "_No touchpoint has an owner yet._";
  const teams = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))
    .slice(0, MAX_TEAM_COLUMNS)
    .map(([team]) => team);
  const others = totals.size > teams.length;
  const shownTeams = new Set(teams);
  const header = ["Map", ...teams.map(teamLabel), ...(others ? ["Other teams"] : [])];
  const rows = maps.map((map) => {
    const cells = teams.map((team) => String(map.ownership.get(team) ?? 0));
    if (others) {
      let rest = 0;
      for (const [team, count] of map.ownership) if (!shownTeams.has(team)) rest += count;
      cells.push(String(rest));
    }
    return [link(pageOf(map)), ...cells.map((cell) => (cell === "0" ? "" : cell))];
  });
  return table(header, rows);
}
