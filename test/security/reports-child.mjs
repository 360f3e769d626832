// Runs the built CLI (as bin/journeymap.js does) in this process with the arguments after the first,
// and on exit writes the process's peak resident memory in MB to the file named first: the parent
// (reports-hostile.test.ts) runs this with a capped heap and reads how much the whole run took.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const [, script, measureFile, ...args] = process.argv;
process.on("exit", () => writeFileSync(measureFile, String(Math.round(process.resourceUsage().maxRSS / 1024))));
createRequire(import.meta.url)("../../dist/bundle/start.js").main([process.argv[0], script, ...args]);
