// The diff module's public face: the pure comparison of two versions of a map, and its outputs.
export { diffJourneys, isEmptyDiff, type DiffOptions } from "./diff.js";
export { diffPicture, type DiffPicture } from "./picture.js";
export {
  diffFormats,
  diffFormatNames,
  diffFormatOf,
  type ComparedMap,
  type DiffDrawer,
  type DiffFormat,
  type DiffFormatContext,
  type DiffFormatName,
  type DiffFormatter,
} from "./formats.js";
export { emotionDrops, summaryLine } from "./notes.js";
export type * from "./types.js";
