#!/usr/bin/env node
// The journeymap command: everything lives in the compiled, bundled CLI (see scripts/bundle-cli.mjs).
import { main } from "../dist/bundle/cli.js";

main(process.argv);
