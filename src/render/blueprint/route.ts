// The blueprint's arrows, routed orthogonally where no card is: up from the serving card's top edge into
// the gap above its strip, along that gap to a gutter between columns, along the gutter to the gap below
// the served card's strip, and up into its bottom edge. Gaps span the whole width and gutters are free of
// cards except where a stage's own value spans its inner gutters (then the stage's outer gutter is used),
// so no segment crosses a card. Every arrow gets its own track in each gap and gutter it runs along.
// One pass over the arrows: linear in their number, never all pairs of cards.

/** An arrow asked for: from the serving card to the served one (positions in the card list). */
export interface ArrowRequest {
  from: number;
  to: number;
}

/** Where a card sits in the grid: its strip and its columns. */
export interface GridCell {
  id: string;
  strip: number;
  first: number;
  last: number;
}

/** A stage's columns and the strips in which its own values span them (sorted). */
export type StageOfColumn = (
  column: number,
) => { span: { first: number; last: number }; strips: readonly number[] | undefined } | undefined;

interface Route {
  from: number;
  to: number;
  /** The gap above the serving card's strip and its track there. */
  gapFrom: number;
  trackFrom: number;
  /** Absent when both ends share one gap: the arrow runs along it alone. */
  gutter?: { index: number; track: number; gapTo: number; trackTo: number };
  exit: number;
  entry: number;
}

/** Tracks past this many in one gap or gutter share a track again (they never cross a card either). */
export const MAX_TRACKS = 24;
const TRACK_X = 6;
const TRACK_Y = 5;
export const MIN_GUTTER = 16;

/** The routes and the room they need: each gutter's width and each gap's height. */
export interface Channels {
  routes: Route[];
  gutterWidth(gutter: number): number;
  /** A gap's height for its tracks, at least `base`; remembered for placeArrows. */
  gapHeight(gap: number, base: number): number;
  gapHeights: number[];
  gutterTracks: Int32Array;
  gapTracks: Int32Array;
  exits: Int32Array;
  entries: Int32Array;
}

/** The first position in a sorted list holding a value of at least `low`. */
function lowerBound(values: readonly number[], low: number): number {
  let start = 0;
  let end = values.length;
  while (start < end) {
    const middle = (start + end) >> 1;
    if (values[middle]! < low) start = middle + 1;
    else end = middle;
  }
  return start;
}

export function routeArrows(
  requests: readonly ArrowRequest[],
  cards: readonly GridCell[],
  strips: number,
  columns: number,
  stageOf: StageOfColumn,
): Channels {
  const gutterTracks = new Int32Array(columns + 1);
  const gapTracks = new Int32Array(strips + 1);
  const exits = new Int32Array(cards.length);
  const entries = new Int32Array(cards.length);
  const bump = (counts: Int32Array, index: number) => {
    const count = counts[index]!;
    counts[index] = count + 1;
    return count;
  };
  const take = (counts: Int32Array, index: number) => bump(counts, index) % MAX_TRACKS;
  const routes: Route[] = [];
  for (const { from, to } of requests) {
    const source = cards[from]!;
    const target = cards[to]!;
    const gapFrom = source.strip;
    const gapTo = target.strip + 1;
    const route: Route = {
      from,
      to,
      gapFrom,
      trackFrom: take(gapTracks, gapFrom),
      exit: bump(exits, from),
      entry: bump(entries, to),
    };
    if (gapFrom !== gapTo) {
      let gutter =
        source.last < target.first
          ? target.first
          : source.first > target.last
            ? target.last + 1
            : Math.min(source.last, target.last) + 1;
      // A gutter inside a stage is closed in the strips where that stage's own value spans it.
      const stage = gutter > 0 && gutter < columns ? stageOf(gutter) : undefined;
      if (stage && stage.span.first < gutter && stage.strips) {
        const low = Math.min(gapFrom, gapTo);
        const high = Math.max(gapFrom, gapTo) - 1;
        const at = lowerBound(stage.strips, low);
        if (at < stage.strips.length && stage.strips[at]! <= high)
          gutter = source.first < stage.span.first ? stage.span.first : stage.span.last + 1;
      }
      route.gutter = { index: gutter, track: take(gutterTracks, gutter), gapTo, trackTo: take(gapTracks, gapTo) };
    }
    routes.push(route);
  }
  const gapHeights: number[] = [];
  return {
    routes,
    gutterTracks,
    gapTracks,
    exits,
    entries,
    gapHeights,
    gutterWidth: (gutter) => Math.max(MIN_GUTTER, (Math.min(gutterTracks[gutter] ?? 0, MAX_TRACKS) + 1) * TRACK_X),
    gapHeight: (gap, base) => {
      const height = Math.max(base, (Math.min(gapTracks[gap] ?? 0, MAX_TRACKS) + 1) * TRACK_Y);
      gapHeights[gap] = height;
      return height;
    },
  };
}

/** An arrow placed: its points from the serving card's top edge to the served card's bottom edge. */
export interface Arrow {
  from: string;
  to: string;
  points: Array<{ x: number; y: number }>;
}

/** Turns the routes into points once the columns and the gaps have their places. */
export function placeArrows(
  channels: Channels,
  cards: ReadonlyArray<{ id: string; x: number; y: number; width: number; height: number }>,
  columnX: readonly number[],
  columnWidth: number,
  gapTop: readonly number[],
  gapBand: readonly number[],
): Arrow[] {
  const trackX = (gutter: number, track: number) => {
    const width = channels.gutterWidth(gutter);
    const left = gutter === 0 ? columnX[0]! - width : columnX[gutter - 1]! + columnWidth;
    const used = Math.min(channels.gutterTracks[gutter]!, MAX_TRACKS);
    return left + (width - (used - 1) * TRACK_X) / 2 + track * TRACK_X;
  };
  const trackY = (gap: number, track: number) => {
    const height = channels.gapHeights[gap]!;
    const used = Math.min(channels.gapTracks[gap]!, MAX_TRACKS);
    return gapTop[gap]! + gapBand[gap]! + (height - (used - 1) * TRACK_Y) / 2 + track * TRACK_Y;
  };
  return channels.routes.map((route) => {
    const source = cards[route.from]!;
    const target = cards[route.to]!;
    // Arrows leave from the left half of a card's top edge and arrive on the right half of its bottom edge:
    // one card's exit and the card above's entry never share a line, so an arrow never seems to join them.
    const exitX = source.x + ((route.exit + 1) * source.width) / 2 / (channels.exits[route.from]! + 1);
    const entryX =
      target.x + target.width / 2 + ((route.entry + 1) * target.width) / 2 / (channels.entries[route.to]! + 1);
    const fromY = trackY(route.gapFrom, route.trackFrom);
    const points = [
      { x: exitX, y: source.y },
      { x: exitX, y: fromY },
    ];
    if (route.gutter) {
      const x = trackX(route.gutter.index, route.gutter.track);
      const toY = trackY(route.gutter.gapTo, route.gutter.trackTo);
      points.push({ x, y: fromY }, { x, y: toY }, { x: entryX, y: toY });
    } else {
      points.push({ x: entryX, y: fromY });
    }
    points.push({ x: entryX, y: target.y + target.height });
    return { from: source.id, to: target.id, points };
  });
}
