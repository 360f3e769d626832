// The SVG read back with a real XML parser (fast-xml-parser): an element tree, and the texts of a card.
import { XMLParser } from "fast-xml-parser";

export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parses SVG markup into a plain element tree with fast-xml-parser (entities decoded). */
export function parse(svg: string): Element {
  const tree = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(svg) as unknown[];
  const convert = (node: Record<string, unknown>): Element | undefined => {
    const name = Object.keys(node).find((key) => key !== ":@");
    if (!name || name === "#text") return undefined;
    const children = (node[name] as Array<Record<string, unknown>>)
      .map(convert)
      .filter((child): child is Element => child !== undefined);
    const text = (node[name] as Array<Record<string, unknown>>)
      .map((child) => (typeof child["#text"] === "string" ? child["#text"] : ""))
      .join("");
    return { name, attributes: (node[":@"] as Record<string, string>) ?? {}, children, text };
  };
  return (tree as Array<Record<string, unknown>>).map(convert).find((element) => element?.name === "svg")!;
}

export function* walk(element: Element): Generator<Element> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

const textsByCard = new WeakMap<Element, Map<string, string[]>>();

/**
 * The words of every text line in a card, in order; wrapping may have split words, so compare without
 * spaces. The texts are indexed by card once per tree: a walk per card made big maps quadratic here.
 */
export function cardText(root: Element, card: string): string {
  let index = textsByCard.get(root);
  if (!index) {
    index = new Map();
    for (const element of walk(root)) {
      if (element.name !== "text") continue;
      const id = element.attributes["data-in"] ?? "";
      const texts = index.get(id);
      if (texts) texts.push(element.text);
      else index.set(id, [element.text]);
    }
    textsByCard.set(root, index);
  }
  return (index.get(card) ?? []).join(" ");
}
