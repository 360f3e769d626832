// The script of a PNG worker thread when journeymap runs unbundled (dist/render/); the bundled CLI's
// workers start at dist/bundle/raster-worker.js, through the code cache, and serve the same loop.
import { serveRasterWorker } from "./raster-pool.js";

serveRasterWorker();
