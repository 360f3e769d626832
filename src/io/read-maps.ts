// Reads the maps that findMaps named and loads each one; an unreadable or oversized input is an I/O error (exit 2).
import type { SharedScope } from "../journey/definitions.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import type { MapInput } from "./find-maps.js";
import { readFileBytes, readStdinBounded } from "./read-text.js";

export interface ReadMapOptions {
  /** Refuse maps (and standard input) larger than this many bytes (default 16 MB). */
  maxBytes?: number;
  /** The shared definitions in the map's scope (src/workspace/scope.ts). */
  shared?: SharedScope;
}

export async function readMap(input: MapInput, options: ReadMapOptions = {}): Promise<LoadedJourney> {
  const bytes = await readMapBytes(input, options);
  return loadJourney(bytes, { file: input.file, ...(options.shared ? { shared: options.shared } : {}) });
}

/** The bytes of a map (a file, or standard input), with the same checks and limit as readMap. */
export async function readMapBytes(input: MapInput, options: ReadMapOptions = {}): Promise<Uint8Array> {
  return input.path
    ? readFileBytes(input.path, { maxBytes: options.maxBytes, shown: input.file, what: "map" })
    : await readStdinBounded({ maxBytes: options.maxBytes, what: "standard input" });
}
