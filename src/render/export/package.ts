// An Open Packaging Conventions zip (the container of .vsdx, as of .docx and .pptx) written with jszip:
// parts in a fixed order with a fixed date, so the same map gives the same bytes.
import JSZip from "jszip";
import { inertReferences } from "./xml.js";

/** Every part's date: a package must not depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Zips the parts (name → XML text) in the order given. */
export async function writePackage(parts: ReadonlyArray<readonly [string, string | Uint8Array]>): Promise<Uint8Array> {
  const zip = new JSZip();
  // Text as UTF-8 bytes from Node's own encoder: jszip's, in JavaScript, took a tenth of a Visio export.
  // Handed over as a plain Uint8Array: jszip copies a Node Buffer byte by byte first.
  for (const [name, content] of parts)
    zip.file(name, typeof content === "string" ? plainBytes(Buffer.from(content, "utf8")) : plainBytes(content), {
      date: FIXED_DATE,
      createFolders: false,
    });
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 1 },
    platform: "UNIX",
  });
}

function plainBytes(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

/** A package another library wrote, written again without the clock: every entry's date fixed, the
 * core properties' created and modified dates removed, and the packages inside it (a chart's data
 * workbook) the same way. Parts keep their order and content otherwise. */
export async function rewritePackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Array<readonly [string, string | Uint8Array]> = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (/\.(xml|rels)$/i.test(entry.name)) {
      let xml = await entry.async("string");
      if (entry.name === "docProps/core.xml")
        xml = xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "");
      parts.push([entry.name, inertReferences(xml)]);
    } else if (/\.(xlsx|pptx|docx)$/i.test(entry.name)) {
      parts.push([entry.name, await rewritePackage(await entry.async("uint8array"))]);
    } else {
      parts.push([entry.name, await entry.async("uint8array")]);
    }
  }
  return writePackage(parts);
}
