// The office packages (src/render/export/package.ts, zipped by src/io/zip.ts) read back by jszip, a real
// zip reader that checks every entry's CRC-32: the parts as given, and a package another library wrote
// written again without the clock.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { rewritePackage, writePackage } from "../../../src/render/export/package.js";

const FIXED = Date.UTC(2000, 0, 1);

describe("the office packages", () => {
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
