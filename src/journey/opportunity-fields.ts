// The fields of an opportunity tracked as work, one registry entry each (as fields.ts is for touchpoints
// and stages): what a value is, its column in the workbook's Opportunities sheet and in the backlog's CSV,
// and whether `diff` compares it. The sheet's columns, the CSV's and the diff's compared fields are read
// from here, so a field added to OpportunityObject is one entry, and the compiler asks for it.
import type { OpportunityObject } from "./model.js";

/** What a field holds: the id that names it, a line of text, one of the statuses, a number, a URL, a
 * date (YYYY-MM-DD), a list of texts, or the metric to move (its id, and a target of its own column). */
export type OpportunityFieldKind = "id" | "text" | "status" | "number" | "url" | "date" | "list" | "metric";

/** A place an output puts a field: in the registry's order, or right `after` another field. */
type Placed = true | { after: OpportunityFieldKey | "target" };

export interface OpportunityFieldSpec {
  kind: OpportunityFieldKind;
  /** Its column header in the workbook's Opportunities sheet (the metric's target: "Target", after it). */
  header: string;
  /** Its column in the backlog's CSV, headed by its key; absent: the CSV has none. */
  csv?: Placed;
  /** Compared by `diff` (the metric as its id, its target apart); absent: what pairs two versions, or ignored. */
  diff?: Placed;
}

export type OpportunityFieldKey = Exclude<keyof OpportunityObject, `x-${string}`>;

/** Every field of an opportunity, in the order the workbook's columns and the model's type give them;
 * the CSV and the diff, older, put a few elsewhere (`after`), which their outputs keep. */
export const OPPORTUNITY_FIELDS = {
  id: { kind: "id", header: "Id", csv: true },
  title: { kind: "text", header: "Title", csv: true, diff: true },
  owner: { kind: "text", header: "Owner", csv: { after: "status" }, diff: { after: "status" } },
  status: { kind: "status", header: "Status", csv: true, diff: true },
  value: { kind: "number", header: "Value", csv: true, diff: true },
  effort: { kind: "number", header: "Effort", csv: true, diff: true },
  confidence: { kind: "number", header: "Confidence", csv: true, diff: true },
  issue: { kind: "url", header: "Issue", csv: { after: "due" }, diff: true },
  metric: { kind: "metric", header: "Metric", diff: { after: "due" } },
  due: { kind: "date", header: "Due", csv: true, diff: { after: "issue" } },
  addresses: { kind: "list", header: "Addresses", diff: true },
} as const satisfies { [K in OpportunityFieldKey]-?: OpportunityFieldSpec };

/** A column or a compared field: a field, or the metric's target (a number, in a column of its own). */
export interface OpportunityColumn {
  key: OpportunityFieldKey | "target";
  kind: OpportunityFieldKind;
  header: string;
}

/** The fields an output has, as a type (a place typed with it must know each of them). */
export type OpportunityFieldOf<Output extends "csv" | "diff"> = {
  [K in OpportunityFieldKey]: (typeof OPPORTUNITY_FIELDS)[K] extends { [O in Output]: Placed } ? K : never;
}[OpportunityFieldKey];

/** The fields `diff` compares, by the names its outputs give them (the metric's target is `target`). */
export type ComparedOpportunityField = OpportunityFieldOf<"diff"> | "target";

/** The registry's columns in order, the metric followed by its target; read when called, so a test may
 * add a field to the registry. */
export function opportunityColumns(): OpportunityColumn[] {
  return (
    Object.entries(OPPORTUNITY_FIELDS) as Array<[OpportunityFieldKey, OpportunityFieldSpec]>
  ).flatMap<OpportunityColumn>(([key, { kind, header }]) =>
    kind === "metric"
      ? [
          { key, kind, header },
          { key: "target", kind: "number", header: "Target" },
        ]
      : [{ key, kind, header }],
  );
}

/** The columns an output has (the CSV's, the diff's), in its order: the registry's, but a field placed
 * `after` another goes right after it (the metric's target always right after the metric). */
export function opportunityColumnsOf(output: "csv" | "diff"): OpportunityColumn[] {
  const places = new Map<string, Placed>();
  for (const [key, spec] of Object.entries(OPPORTUNITY_FIELDS) as Array<[OpportunityFieldKey, OpportunityFieldSpec]>) {
    const place = spec[output];
    if (place !== undefined) places.set(key, place);
  }
  if (places.has("metric")) places.set("target", { after: "metric" });
  const columns = opportunityColumns().filter((column) => places.has(column.key));
  const ordered = columns.filter((column) => places.get(column.key) === true);
  let pending = columns.filter((column) => places.get(column.key) !== true);
  // Each round places the fields whose anchor is placed (one after another, as the registry lists them).
  while (pending.length) {
    const left = pending.filter((column) => {
      const { after } = places.get(column.key) as { after: string };
      const at = ordered.findIndex((other) => other.key === after);
      if (at < 0) return true;
      ordered.splice(at + 1, 0, column);
      return false;
    });
    if (left.length === pending.length)
      throw new Error(
        `opportunity fields placed after no ${output} column: ${left.map((column) => column.key).join(", ")}`,
      );
    pending = left;
  }
  return ordered;
}
