// Rectangle checks shared by the layout tests and the live-browser test: containment and overlaps.

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function inside(inner: Area, outer: Area, tolerance = 0): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

function overlap(a: Area, b: Area, tolerance: number): boolean {
  return (
    a.x + a.width - tolerance > b.x &&
    b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y &&
    b.y + b.height - tolerance > a.y
  );
}

/** Pairs of areas that overlap (by more than `tolerance` px on both axes); a sweep over x keeps it fast. */
export function overlappingPairs<T extends Area>(areas: T[], tolerance = 0): Array<[T, T]> {
  const sorted = [...areas].sort((a, b) => a.x - b.x);
  const pairs: Array<[T, T]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width - tolerance; j++) {
      if (overlap(a, sorted[j]!, tolerance)) pairs.push([a, sorted[j]!]);
    }
  }
  return pairs;
}
