// Kept for callers written before writeOutput: the same safe, atomic write without a list of inputs.
import { writeOutput } from "./write-output.js";

export function writeAtomic(path: string, contents: string | Uint8Array): void {
  writeOutput(path, contents);
}
