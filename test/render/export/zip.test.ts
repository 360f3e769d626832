// The office packages' zip (src/render/export/zip.ts, package.ts) read back by jszip, a real zip reader
// that checks every entry's CRC-32, and zips jszip wrote read by ours; the XML writer's flattened pieces
// give the document a single string would.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { rewritePackage, writePackage } from "../../../src/render/export/package.js";
import { XmlWriter } from "../../../src/render/export/xml.js";
import { unzipEntries, zipEntries } from "../../../src/render/export/zip.js";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const FIXED = Date.UTC(2000, 0, 1);

describe("the packages' zip", () => {
  const parts: Array<[string, string]> = [
    ["[Content_Types].xml", "<Types/>"],
    ["visio/pages/page1.xml", `<PageContents>${"<Shape/>".repeat(50_000)}</PageContents>`],
    ["docProps/café.xml", "<é>ü ✓ 👨‍👩‍👧</é>"],
    ["empty.xml", ""],
  ];

  it("is read back by jszip, CRC-32 checked: the same parts in the same order, dated 2000-01-01, deflated", async () => {
    const zip = await JSZip.loadAsync(await writePackage(parts), { checkCRC32: true });
    const entries = Object.values(zip.files);
    expect(entries.map((entry) => entry.name)).toEqual(parts.map(([name]) => name));
    for (const [index, entry] of entries.entries()) {
      expect(await entry.async("string"), entry.name).toBe(parts[index]![1]);
      expect(entry.date.getTime(), entry.name).toBe(FIXED);
      expect(entry.dir).toBe(false);
    }
    // 400 KB of one repeated element: deflated, not stored.
    expect((await writePackage(parts)).length).toBeLessThan(10_000);
  });

  it("gives the same bytes for the same parts", async () => {
    expect(Buffer.from(await writePackage(parts)).equals(Buffer.from(await writePackage(parts)))).toBe(true);
  });

  it("reads what jszip writes, stored or deflated, folders left out, in the directory's order", async () => {
    for (const compression of ["STORE", "DEFLATE"] as const) {
      const zip = new JSZip();
      zip.folder("ppt");
      for (const [name, content] of parts) zip.file(name, content);
      const entries = unzipEntries(await zip.generateAsync({ type: "uint8array", compression }));
      expect(
        entries.map(([name, content]) => [name, text(content)]),
        compression,
      ).toEqual(parts);
    }
  });

  it("refuses what is not a zip, and a method other than stored or deflated", () => {
    expect(() => unzipEntries(Buffer.from("not a zip at all, just text"))).toThrow(/no end of central directory/);
    const zip = Buffer.from(zipEntries([["a.xml", Buffer.from("<a/>")]]));
    // The central directory's method field (8 = deflated) set to 12 (bzip2).
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(12, central + 10);
    expect(() => unzipEntries(zip)).toThrow("a.xml: compression method 12 is not stored or deflated");
  });

  it("is written again without the clock, controls as references, a package inside it too", async () => {
    const core =
      '<cp:coreProperties><dc:title>T\u202e</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-08T01:02:03Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-08T01:02:03Z</dcterms:modified></cp:coreProperties>';
    const inner = new JSZip();
    inner.file("xl/workbook.xml", "<workbook>\u2066</workbook>", { date: new Date() });
    const outer = new JSZip();
    outer.file("docProps/core.xml", core, { date: new Date() });
    outer.file("ppt/embeddings/book.xlsx", await inner.generateAsync({ type: "uint8array" }), { date: new Date() });
    outer.file("ppt/media/image1.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x2e]));
    const rewritten = await JSZip.loadAsync(await rewritePackage(await outer.generateAsync({ type: "uint8array" })), {
      checkCRC32: true,
    });
    expect(await rewritten.file("docProps/core.xml")!.async("string")).toBe(
      "<cp:coreProperties><dc:title>T&#8238;</dc:title></cp:coreProperties>",
    );
    const book = await JSZip.loadAsync(await rewritten.file("ppt/embeddings/book.xlsx")!.async("uint8array"));
    expect(await book.file("xl/workbook.xml")!.async("string")).toBe("<workbook>&#8294;</workbook>");
    expect(book.file("xl/workbook.xml")!.date.getTime()).toBe(FIXED);
    expect([...(await rewritten.file("ppt/media/image1.png")!.async("uint8array"))]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x2e,
    ]);
    for (const entry of Object.values(rewritten.files)) expect(entry.date.getTime(), entry.name).toBe(FIXED);
  });
});

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
