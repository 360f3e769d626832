// PDF of journeymap's own pictures, written directly (no PDF library): each page's SVG painted by
// painter.ts, the Latin faces embedded as CIDFontType2 subsets (font-subset.ts), streams compressed,
// the same bytes for the same pages. A picture it cannot draw exactly throws NotDirect, and
// pdf-native.ts prints it with pdfkit instead (see directRefusal for the rule).
import { crc32, deflateSync } from "node:zlib";
import { LATIN_FAMILIES, latinFaces } from "../fonts/installed.js";
import { TrueTypeFont } from "../fonts/truetype.js";
import type { FontFace } from "../fonts/font-file.js";
import { subsetFontFile, subsetTag, toUnicodeCmap, UsedFont, widthsArray } from "./font-subset.js";
import { paintPage, pdfNumber as n, Resources, type PaintedPage } from "./painter.js";
import { NotDirect } from "./svg-reader.js";

export { NotDirect };

/** One page: its size in points and the SVG drawn to fill it. */
export interface DirectPage {
  width: number;
  height: number;
  svg: string;
}

/** "D:20000101000000Z": every PDF says it was made then, so the same map gives the same bytes. */
const MADE_AT = "D:20000101000000Z";

/** A PDF text string: UTF-16BE with its byte order mark, in hex. */
function textString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
}

/** A PDF literal string of printable ASCII (a link's href). */
function asciiString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The document's objects, numbered in the order they are added, written with their cross-reference table. */
class PdfObjects {
  readonly #bodies: Buffer[] = [];

  /** The number the next object will get. */
  reserve(): number {
    this.#bodies.push(Buffer.alloc(0));
    return this.#bodies.length;
  }

  set(number: number, dictionary: string, stream?: Buffer): void {
    this.#bodies[number - 1] = stream
      ? Buffer.concat([
          Buffer.from(
            `${number} 0 obj\n${dictionary.replace(/>>$/, ` /Length ${stream.length} >>`)}\nstream\n`,
            "latin1",
          ),
          stream,
          Buffer.from("\nendstream\nendobj\n", "latin1"),
        ])
      : Buffer.from(`${number} 0 obj\n${dictionary}\nendobj\n`, "latin1");
  }

  add(dictionary: string, stream?: Buffer): number {
    const number = this.reserve();
    this.set(number, dictionary, stream);
    return number;
  }

  /** A compressed stream object. */
  addStream(dictionary: string, data: string | Buffer): number {
    const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    // The fastest level: a third of the time of the default for a few per cent more bytes.
    return this.add(dictionary.replace(/>>$/, "/Filter /FlateDecode >>"), deflateSync(bytes, { level: 1 }));
  }

  write(root: number, info: number): Uint8Array {
    const header = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
    const offsets: number[] = [];
    let at = header.length;
    for (const body of this.#bodies) {
      offsets.push(at);
      at += body.length;
    }
    // The same objects, the same ID: four CRC-32s of the body, each seeded with the one before.
    let id = "";
    for (let i = 0, crc = 0; i < 4; i++) {
      for (const body of this.#bodies) crc = crc32(body, crc);
      id += crc.toString(16).padStart(8, "0");
    }
    const xref = [
      "xref",
      `0 ${this.#bodies.length + 1}`,
      "0000000000 65535 f ",
      ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
      "trailer",
      `<< /Size ${this.#bodies.length + 1} /Root ${root} 0 R /Info ${info} 0 R /ID [<${id}> <${id}>] >>`,
      "startxref",
      String(at),
      "%%EOF",
      "",
    ].join("\n");
    return new Uint8Array(Buffer.concat([header, ...this.#bodies, Buffer.from(xref, "latin1")]));
  }
}

/** The face a FontFace names, opened for its glyphs (a collection's face by PostScript name). */
function openFace(face: FontFace | undefined): TrueTypeFont | undefined {
  if (!face) return undefined;
  return TrueTypeFont.open(face.path, /\.(ttc|otc)$/i.test(face.path) ? face.postscriptName : undefined);
}

/** The PDF objects of one embedded face: Type0 over a CIDFontType2 with its subset file. */
function addFont(objects: PdfObjects, used: UsedFont): number {
  const { font } = used;
  const scale = 1000 / font.unitsPerEm;
  const name = `${subsetTag(used)}+${font.postscriptName().replace(/[^A-Za-z0-9-]/g, "") || "Latin"}`;
  const file = objects.addStream("<< >>", subsetFontFile(used));
  const descriptor = objects.add(
    `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${font.box.map((value) => n(value * scale)).join(" ")}]` +
      ` /ItalicAngle 0 /Ascent ${n(font.ascender * scale)} /Descent ${n(font.descender * scale)}` +
      ` /CapHeight ${n(font.ascender * scale)} /StemV 80 /FontFile2 ${file} 0 R >>`,
  );
  const cidFont = objects.add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name}` +
      ` /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
      ` /FontDescriptor ${descriptor} 0 R /DW 0 /W ${widthsArray(used, n)} /CIDToGIDMap /Identity >>`,
  );
  const toUnicode = objects.addStream("<< >>", toUnicodeCmap(used));
  return objects.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H` +
      ` /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
}

/** The PDF of `pages`, or NotDirect with the reason it must be printed the general way. */
export function directPdf(pages: DirectPage[], options: { title?: string } = {}): Uint8Array {
  let faces: ReturnType<typeof latinFaces> | undefined;
  const opened = new Map<"regular" | "bold", UsedFont | undefined>();
  const face = (weight: "regular" | "bold") => {
    if (!opened.has(weight)) {
      faces ??= latinFaces(LATIN_FAMILIES);
      const font = openFace(faces[weight]);
      opened.set(weight, font ? new UsedFont(font, weight === "bold" ? "F2" : "F1") : undefined);
    }
    return opened.get(weight);
  };
  const resources = new Resources({ regular: () => face("regular"), bold: () => face("bold") });
  const painted: PaintedPage[] = pages.map((page) => paintPage(page.svg, page.width, page.height, resources));

  const objects = new PdfObjects();
  const catalog = objects.reserve();
  const pageTree = objects.reserve();
  const shared = objects.reserve();
  const fonts = [...opened.values()]
    .filter((used): used is UsedFont => used !== undefined && used.glyphs.length > 1)
    .sort((a, b) => (a.resource < b.resource ? -1 : 1))
    .map((used) => `/${used.resource} ${addFont(objects, used)} 0 R`);
  const states = [...resources.states.values()].map(
    (state) => `/${state.name} << /Type /ExtGState /ca ${n(state.fill)} /CA ${n(state.stroke)} >>`,
  );
  const groups = resources.groups.map(
    (group) =>
      `/${group.name} ${objects.addStream(
        `<< /Type /XObject /Subtype /Form /BBox [${group.box.map(n).join(" ")}] /Group << /S /Transparency >> /Resources ${shared} 0 R >>`,
        group.content,
      )} 0 R`,
  );
  objects.set(
    shared,
    `<< /ProcSet [/PDF /Text] /Font << ${fonts.join(" ")} >> /ExtGState << ${states.join(" ")} >> /XObject << ${groups.join(" ")} >> >>`,
  );
  const kids = painted.map((page, i) => {
    const { width, height } = pages[i]!;
    const content = objects.addStream("<< >>", page.content);
    const annotations = page.links.map((link) =>
      objects.add(
        `<< /Type /Annot /Subtype /Link /Rect [${link.box.map(n).join(" ")}] /Border [0 0 0]` +
          ` /A << /S /URI /URI ${asciiString(link.href)} >> >>`,
      ),
    );
    return objects.add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${n(width)} ${n(height)}] /Resources ${shared} 0 R` +
        ` /Contents ${content} 0 R${annotations.length > 0 ? ` /Annots [${annotations.map((a) => `${a} 0 R`).join(" ")}]` : ""} >>`,
    );
  });
  objects.set(
    pageTree,
    `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((kid) => `${kid} 0 R`).join(" ")}] >>`,
  );
  const titled = options.title !== undefined;
  objects.set(
    catalog,
    `<< /Type /Catalog /Pages ${pageTree} 0 R${titled ? " /ViewerPreferences << /DisplayDocTitle true >>" : ""} >>`,
  );
  const info = objects.add(
    `<< /Producer (journeymap) /Creator (journeymap) /CreationDate (${MADE_AT})${
      titled ? ` /Title ${textString(options.title!)}` : ""
    } >>`,
  );
  return objects.write(catalog, info);
}

/** Why the pages go to the general (pdfkit) printer, or undefined when they are written directly. */
export function directRefusal(pages: DirectPage[]): string | undefined {
  try {
    directPdf(pages);
    return undefined;
  } catch (error) {
    if (error instanceof NotDirect) return error.message;
    throw error;
  }
}
