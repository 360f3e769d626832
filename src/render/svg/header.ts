// The top of the picture: the map's title and description, then a card per persona with its key.
import type { Journey } from "../../journey/model.js";
import {
  BODY,
  DESCRIPTION,
  GAP,
  MARGIN,
  NAME,
  PAD,
  SMALL_BOLD,
  TITLE,
  TextColumn,
  largest,
  lineHeight,
} from "./column.js";
import { FACE_RADIUS, MAX_CURVES } from "./emotion.js";
import type { Box, Layout } from "./geometry.js";

export const PERSONA_WIDTH = 300;
const SWATCH_WIDTH = 44;

/** Lays out the header and the persona cards from `top` across `contentWidth`; returns where the grid starts. */
export function layoutHeader(layout: Layout, journey: Journey, contentWidth: number, top: number): number {
  let y = top;
  const header = new TextColumn(layout, "header", MARGIN, contentWidth, y);
  header.paragraph(journey.title, TITLE);
  if (journey.description) {
    header.space(4);
    header.paragraph(journey.description, DESCRIPTION, "muted");
  }
  // The header box is invisible; padding it like a card keeps its texts as clear of its edge as any card's.
  layout.boxes.push({
    id: "header",
    surface: "page",
    x: MARGIN - PAD,
    y: y - PAD,
    width: contentWidth + 2 * PAD,
    height: header.y - y + 2 * PAD,
    invisible: true,
  });
  y = header.y + PAD + 12;

  const personas = journey.personas;
  const perRow = Math.max(1, Math.floor((contentWidth + GAP) / (PERSONA_WIDTH + GAP)));
  for (let first = 0; first < personas.length; first += perRow) {
    const row = personas.slice(first, first + perRow).map((persona, offset) => {
      const p = first + offset;
      const id = `persona-${p + 1}`;
      const cardX = MARGIN + offset * (PERSONA_WIDTH + GAP);
      const inner = PERSONA_WIDTH - 2 * PAD;
      const name = new TextColumn(layout, id, cardX + PAD + SWATCH_WIDTH, inner - SWATCH_WIDTH, y + PAD);
      name.paragraph(persona.name, NAME);
      // The key shows how the persona's curve looks; a persona beyond the drawn curves has none to show.
      if (p < MAX_CURVES) {
        layout.swatches.push({
          persona: p,
          ownColor: persona.color,
          x1: cardX + PAD,
          x2: cardX + PAD + SWATCH_WIDTH - 8,
          y: y + PAD + Math.max(lineHeight(NAME), 2 * FACE_RADIUS + 2) / 2,
        });
      }
      const body = new TextColumn(layout, id, cardX + PAD, inner, Math.max(name.y, y + PAD + 2 * FACE_RADIUS + 2));
      if (persona.description) {
        body.space(2);
        body.paragraph(persona.description, BODY, "muted");
      }
      for (const [heading, entries] of [
        ["Goals", persona.goals],
        ["Frustrations", persona.frustrations],
      ] as const) {
        if (!entries?.length) continue;
        body.space(6);
        body.paragraph(heading, SMALL_BOLD, "muted");
        for (const entry of entries) body.bullet(entry, BODY);
      }
      const box: Box = { id, surface: "persona", x: cardX, y, width: PERSONA_WIDTH, height: body.y + PAD - y };
      layout.boxes.push(box);
      return box;
    });
    const height = largest(row.map((box) => box.height));
    for (const box of row) box.height = height;
    y += height + GAP;
  }
  return y + 12;
}
