// The script of a lint worker thread when journeymap runs unbundled (dist/lint/); the bundled CLI's
// workers start at dist/bundle/lint-worker.js, through the code cache, and serve the same loop.
import { serveLintWorker } from "./pool.js";

serveLintWorker();
