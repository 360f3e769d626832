#!/usr/bin/env node
// The journeymap command: the bundled CLI, started through its code cache (see src/cli/start.ts).
// CommonJS (bin/package.json): an ES module entry alone would cost a third of Node's own start-up.
require("../dist/bundle/start.js").main(process.argv);
