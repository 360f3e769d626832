// A shared-definitions file (journeymap.shared.yaml): personas, teams and metrics for every map in its
// folder and below, loaded like a map (the same limits on hostile YAML, positions in every error) and
// checked by schemas/journeymap.shared.schema.json.
import { basename } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import { DEFINITION_KIND_NAMES, DEFINITION_KINDS, type Definition, type SharedDefinition } from "./definitions.js";
import { loadDocument, type DocumentKind } from "./load.js";
import { sharedSchemaDiagnostics } from "./validate.js";

/** The file name a folder's shared definitions have. */
export const SHARED_FILE = "journeymap.shared.yaml";

/** Whether a file given to a command is a shared-definitions file (by its name; standard input is a map). */
export function isSharedFile(input: { path?: string }): boolean {
  return input.path !== undefined && basename(input.path) === SHARED_FILE;
}

export interface SharedFile {
  /** As shown in messages. */
  file: string;
  text: string;
  /** YAML and schema errors; a file with any defines nothing. */
  diagnostics: Diagnostic[];
  /** Every definition in file order, kinds in registry order (duplicates included: lint reports them). */
  definitions: SharedDefinition[];
}

const SHARED_DOCUMENT: DocumentKind = {
  empty:
    'the file is empty: a shared-definitions file starts with "journeymap: 1", then lists personas, teams and metrics',
  check: sharedSchemaDiagnostics,
};

export function loadSharedFile(input: string | Uint8Array, file: string): SharedFile {
  const loaded = loadDocument(input, file, SHARED_DOCUMENT);
  const definitions: SharedDefinition[] = [];
  if (loaded.value !== undefined) {
    const record = loaded.value as Record<string, unknown>;
    for (const kind of DEFINITION_KIND_NAMES) {
      for (const value of (record[DEFINITION_KINDS[kind].list] as Definition[] | undefined) ?? []) {
        const range = loaded.source.rangeOf(value);
        definitions.push({ kind, value, file, ...(range ? { range } : {}) });
      }
    }
  }
  return { file, text: loaded.text, diagnostics: loaded.diagnostics, definitions };
}
