// The service blueprint picture in SVG (docs/blueprint.md): Shostack's five rows under the map's stages and
// touchpoints, the three lines between them, arrows from the entries that serve others, fail points and
// waits. Laid out by layout.ts (arrows by route.ts), drawn by draw.ts. Pure: the same map gives the same bytes.
import type { Journey } from "../../journey/model.js";
import { themeNamed } from "../svg/themes.js";
import { drawBlueprint } from "./draw.js";
import { layoutBlueprint, type BlueprintOptions } from "./layout.js";

export type { BlueprintLayout } from "./layout.js";
export { arrowsNotDrawnNote, layoutBlueprint, MAX_ARROWS } from "./layout.js";

export interface BlueprintSvgOptions extends BlueprintOptions {
  theme?: "light" | "dark";
}

export function renderBlueprintSvg(journey: Journey, options: BlueprintSvgOptions = {}): string {
  const { theme, ...layout } = options;
  return drawBlueprint(layoutBlueprint(journey, layout), themeNamed(theme));
}
