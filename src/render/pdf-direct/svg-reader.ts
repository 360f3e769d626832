// Reads the SVG that journeymap itself draws as a stream of start tags, end tags and text, in one
// linear pass: the subset of XML its pictures use (double-quoted attributes, the five named entities
// and numeric references). Anything else (a comment, CDATA, a doctype, a single-quoted attribute) is
// refused with the reason, and the caller prints the picture the general way.

/** Thrown when the SVG holds something this reader does not know: the reason says what. */
export class NotDirect extends Error {}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*"([^"<]*)"/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of character data or an attribute value with its references replaced. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) throw new NotDirect("a bare & in the SVG");
    const named = NAMED[reference];
    if (named !== undefined) return named;
    if (!reference.startsWith("#")) throw new NotDirect(`the entity ${whole}`);
    const code = reference[1] === "x" ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new NotDirect(`the reference ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** What a reader of the SVG is told, in document order. */
export interface SvgHandler {
  /** `attributes`: name, value, name, value… */
  start(name: string, attributes: string[]): void;
  end(name: string): void;
  text(text: string): void;
}

/** Reads an SVG document from its <svg> start tag on (an XML declaration before it is skipped). */
export function readSvg(svg: string, handler: SvgHandler): void {
  let at = svg.indexOf("<svg");
  if (at < 0) throw new NotDirect("no <svg> element");
  if (/<!|<\?/.test(svg.slice(at))) throw new NotDirect("a comment, CDATA section or processing instruction");
  while (at < svg.length) {
    const open = svg.indexOf("<", at);
    if (open < 0) {
      if (svg.slice(at).trim() !== "") throw new NotDirect("text after the picture");
      return;
    }
    if (open > at) handler.text(unescapeXml(svg.slice(at, open)));
    TAG.lastIndex = open;
    const tag = TAG.exec(svg);
    if (!tag) throw new NotDirect(`markup this reader does not know at offset ${open}`);
    const [whole, closing, name, attributeText, selfClosing] = tag as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    at = open + whole.length;
    if (closing) {
      if (attributeText || selfClosing) throw new NotDirect(`a malformed end tag </${name}>`);
      handler.end(name);
      continue;
    }
    // Names and values in turn: a picture's elements have a handful each, and a flat list is the
    // cheapest thing to build for the few thousand of them.
    const attributes: string[] = [];
    if (attributeText) {
      ATTRIBUTE.lastIndex = 0;
      for (let match = ATTRIBUTE.exec(attributeText); match; match = ATTRIBUTE.exec(attributeText)) {
        const key = match[1]!;
        for (let i = 0; i < attributes.length; i += 2)
          if (attributes[i] === key) throw new NotDirect(`the attribute ${key} twice`);
        attributes.push(key, unescapeXml(match[2]!));
      }
    }
    handler.start(name, attributes);
    if (selfClosing) handler.end(name);
  }
}
