// The json output: the JourneyDiff objects as they are (their shape is documented in docs/diff.md).
import { inertJson } from "../text/visible.js";
import type { DiffFormatter } from "./formats.js";

export const json: DiffFormatter = (diffs) => `${inertJson(JSON.stringify(diffs, null, 2))}\n`;
