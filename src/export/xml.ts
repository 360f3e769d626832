// The XML that every office export writes through xmlbuilder2: map text cleaned of the characters XML
// 1.0 forbids (as in the picture, they become U+FFFD) and the serialized document's line breaks, C1,
// bidi and separator controls written as character references, so an attribute keeps its line breaks
// (a reader would turn a raw one into a space) and a file printed to a terminal or a CI log acts on none.
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { cleanText } from "../render/svg/text.js";

/** A map string made safe for an XML builder: forbidden characters become U+FFFD, as in the picture. */
export function xmlText(text: string): string {
  return cleanText(text);
}

/** Characters written as references: they are the same text to a reader, and inert everywhere else. */
const REFERENCED = /[\t\n\r\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The document as text, not pretty-printed (every line break in it belongs to a value). */
export function serializeXml(document: XMLBuilder, options: { declaration?: boolean } = {}): string {
  const xml = document.end({ headless: options.declaration === false, prettyPrint: false });
  return xml.replace(REFERENCED, (character) => `&#${character.charCodeAt(0)};`);
}

/** Controls that act on a terminal or reorder text (C1, bidi, separators), as references in serialized
 * XML: for a part another library wrote, whose own line breaks are formatting and stay. */
export function inertReferences(xml: string): string {
  return xml.replace(
    /[\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (character) => `&#${character.charCodeAt(0)};`,
  );
}
