// journeymap's version, from package.json: --version, the reports that name the tool, the schema URL
// that init writes, the links to each rule's page at this version. The bundled CLI has it written in
// at build time (scripts/bundle-cli.mjs), which saves reading and parsing package.json at every start-up.
import { readFileSync } from "node:fs";

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
