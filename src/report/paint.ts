// The painter of the terminal reports (lint's and diff's stylish): chalk when colours are on, and
// without them the text as it is, for any chain of styles (`paint.red.bold(text)`), without setting
// chalk up: the bundled CLI loads chalk only when a run has colours (scripts/bundle-cli.mjs).
import { Chalk, type ChalkInstance } from "chalk";

const plain: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(" ")) as ChalkInstance, {
  get: () => plain,
});

export function painter(color: boolean): ChalkInstance {
  return color ? new Chalk({ level: 1 }) : plain;
}
