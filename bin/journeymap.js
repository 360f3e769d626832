#!/usr/bin/env node
// The journeymap command: everything lives in the compiled CLI.
import { main } from "../dist/cli/main.js";

main(process.argv);
