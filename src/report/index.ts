// Report formats by name. Lint adds its CI formats here (sarif, github, junit).
import { json } from "./json.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<string, Formatter> = { stylish, json };

export type { FileResult, Formatter, ReportContext, RuleDescriptor } from "./types.js";
