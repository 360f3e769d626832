// Reads the maps that findMaps named and loads each one; an unreadable file is an I/O error (exit 2).
import { readFile } from "node:fs/promises";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import { JourneymapError } from "../errors.js";
import type { MapInput } from "./find-maps.js";

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readMap(input: MapInput): Promise<LoadedJourney> {
  let bytes: Uint8Array;
  try {
    bytes = input.path ? await readFile(input.path) : await readStdin();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new JourneymapError(`cannot read "${input.file}": ${reason}`);
  }
  return loadJourney(bytes, { file: input.file });
}

export async function readMaps(inputs: MapInput[]): Promise<LoadedJourney[]> {
  return Promise.all(inputs.map(readMap));
}
