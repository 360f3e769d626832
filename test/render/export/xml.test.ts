// The diagrams' XML writer (src/render/export/xml.ts): its flattened pieces give the document a single
// string would, as text and as UTF-8 bytes.
import { describe, expect, it } from "vitest";
import { XmlWriter } from "../../../src/render/export/xml.js";

describe("the XML writer", () => {
  it("writes a document of many flattened pieces as the one string it stands for", () => {
    const xml = new XmlWriter().start("Shapes");
    let expected = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Shapes>';
    for (let index = 0; index < 20_000; index++) {
      xml.start("Shape", { ID: index, Name: `a & b ${index}` }).text(`<${index}>`);
      expected += `<Shape ID="${index}" Name="a &amp; b ${index}">&lt;${index}&gt;</Shape>`;
      xml.end();
    }
    expected += "</Shapes>";
    const written = xml.toString();
    expect(written.length).toBeGreaterThan(10 * 65_536);
    expect(written).toBe(expected);
  });

  it("gives the same document as UTF-8 bytes, its pieces encoded one by one (a character on a piece's edge kept whole)", () => {
    const document = () => {
      const xml = new XmlWriter().start("Texts");
      for (let index = 0; index < 30_000; index++) xml.element("T", { ID: index }, `é✓👨‍👩‍👧 ${index}`);
      return xml;
    };
    const text = document().toString();
    expect(text.length).toBeGreaterThan(10 * 65_536);
    expect(Buffer.from(document().toBytes()).toString("utf8")).toBe(text);
  });
});
