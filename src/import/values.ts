// A cell read as what the map says: an emotion score, a number, a metric value, an id made from a name;
// each wrong value is told at its cell.
import type { CellValue } from "../render/export/layout.js";
import type { Score } from "../journey/model.js";
import { cellProblem, type Grid } from "./grid.js";

/** A score 1..5, from a number or its text; anything else is told at the cell. */
export function scoreAt(grid: Grid, row: number, column: number, value: CellValue): Score | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === "") return undefined;
  const score = Number(text);
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw cellProblem(
      grid,
      row,
      column,
      `emotion ${JSON.stringify(text.slice(0, 40))} is not 1–5: score each emotion from 1 (very negative) to 5 (very positive)`,
    );
  return score as Score;
}

/** A number from a number cell or a text such as "0.31"; undefined for a text that is not one. */
export function numberOf(value: CellValue): number | undefined {
  if (typeof value === "number") return value;
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** A number the map requires at this cell (a target, a sample size), or a message at the cell. */
export function requiredNumber(
  grid: Grid,
  row: number,
  column: number,
  value: CellValue,
  what: string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = numberOf(value);
  if (number === undefined)
    throw cellProblem(grid, row, column, `${what} ${JSON.stringify(String(value).slice(0, 40))} is not a number`);
  return number;
}

/** A cell as text for a text field, exactly (a map's " " stays " "): numbers as they read, empty as undefined. */
export function textOf(value: CellValue): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  return text === "" ? undefined : text;
}

/** An id for a name: "Picks a delivery slot" → "picks-a-delivery-slot", unique among `taken`. */
export function idFor(name: string, taken: Set<string>, fallback: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || fallback;
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}
