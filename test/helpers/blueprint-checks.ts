// Checks of a service blueprint's geometry shared by the layout tests and the live-browser test: the
// arrows' segments against the cards, their ends against the cards they serve.
import { inside, type Area } from "../render/svg/geometry.js";

export interface Point {
  x: number;
  y: number;
}

export interface Card extends Area {
  id: string;
}

/** The points of a path written as M/L commands with absolute numbers (what the blueprint draws). */
export function pathPoints(d: string): Point[] {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
  }));
}

/** Every arrow segment that runs through a card's inside (more than `tolerance` px past its edges). */
export function segmentsThroughCards(
  arrows: ReadonlyArray<{ label: string; points: readonly Point[] }>,
  cards: readonly Card[],
  tolerance = 1,
): string[] {
  const crossings: string[] = [];
  for (const arrow of arrows)
    for (let i = 1; i < arrow.points.length; i++) {
      const a = arrow.points[i - 1]!;
      const b = arrow.points[i]!;
      const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
      const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
      for (const card of cards)
        if (
          left < card.x + card.width - tolerance &&
          right > card.x + tolerance &&
          top < card.y + card.height - tolerance &&
          bottom > card.y + tolerance
        )
          crossings.push(`${arrow.label} segment ${i} (${a.x},${a.y})→(${b.x},${b.y}) crosses ${card.id}`);
    }
  return crossings;
}

/** Arrows whose end point is not on the card they serve (within `tolerance` px of its box). */
export function arrowsMissingTheirCard(
  arrows: ReadonlyArray<{ label: string; to: string; end: Point }>,
  cards: ReadonlyMap<string, Area>,
  tolerance = 1,
): string[] {
  return arrows
    .filter((arrow) => {
      const card = cards.get(arrow.to);
      return !card || !inside({ ...arrow.end, width: 0, height: 0 }, card, tolerance);
    })
    .map((arrow) => `${arrow.label} ends at (${arrow.end.x},${arrow.end.y}), not on ${arrow.to}`);
}

/** Segments that are neither horizontal nor vertical: the router draws only orthogonal lines. */
export function slantedSegments(arrows: ReadonlyArray<{ label: string; points: readonly Point[] }>): string[] {
  const slanted: string[] = [];
  for (const arrow of arrows)
    for (let i = 1; i < arrow.points.length; i++) {
      const a = arrow.points[i - 1]!;
      const b = arrow.points[i]!;
      if (Math.abs(a.x - b.x) > 0.01 && Math.abs(a.y - b.y) > 0.01) slanted.push(`${arrow.label} segment ${i}`);
    }
  return slanted;
}
