// Started by office.test.ts: renders a deck through the built modules as if pptxgenjs were not
// installed (a resolve hook refuses it as Node refuses a missing package), and prints the message.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "pptxgenjs") {
    const error = new Error("Cannot find package 'pptxgenjs' imported from " + context.parentURL);
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}`)}`,
);
const { renderPptx } = await import("../../dist/render/export/pptx.js");
try {
  await renderPptx({ journeymap: 1, title: "T", personas: [], stages: [] });
  console.log("no error");
} catch (error) {
  console.log(`${error.constructor.name}: ${error.message}`);
}
