// Report formats by name: the terminal (stylish), scripts (json) and CI (sarif, github, junit).
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, junit };

export type { FileResult, Formatter, ReportContext, RuleDescriptor } from "./types.js";
