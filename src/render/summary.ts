// The one line that ends a render run on standard error: how many maps were rendered, how many files
// were written (pages, pictures, the index and its heat map of a site), and how long it took.

export interface RunFigures {
  /** The maps of the run (or of the rebuild, under --watch). */
  maps: number;
  /** Of those, the maps with errors (nothing was written for them). */
  failed: number;
  /** Files written; undefined when the rendering went to standard output. */
  files: number | undefined;
  seconds: number;
}

function counted(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Seconds with one decimal under a minute ("3.1 s"), else minutes and seconds ("2 min 5 s"). */
export function elapsed(seconds: number): string {
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** "Rendered 200 maps to 200 files in 3.1 s.", "Rendered 1 map to standard output in 0.2 s.",
 * "Rendered 198 of 200 maps to 198 files in 3.0 s; 2 maps had errors." */
export function renderSummary({ maps, failed, files, seconds }: RunFigures): string {
  const rendered = maps - failed;
  const which = failed === 0 ? counted(maps, "map") : `${rendered} of ${counted(maps, "map")}`;
  const where =
    files === undefined
      ? rendered > 0
        ? " to standard output"
        : ""
      : files > 0
        ? ` to ${counted(files, "file")}`
        : "";
  const errors = failed === 0 ? "" : `; ${counted(failed, "map")} had errors`;
  return `Rendered ${which}${where} in ${elapsed(seconds)}${errors}.`;
}
