// An Open Packaging Conventions zip (the container of .vsdx, as of .docx and .pptx) written by
// io/zip.ts: parts in a fixed order with a fixed date, so the same map gives the same bytes.
import { unzipFiles, zipFiles, type ZipFile } from "../../io/zip.js";
import { inertReferences } from "./xml.js";

/** Zips the parts (name → XML text) in the order given. */
export async function writePackage(parts: ReadonlyArray<readonly [string, string | Uint8Array]>): Promise<Uint8Array> {
  return Promise.resolve(zipFiles(parts.map(([name, content]) => ({ name, data: bytesOf(content) }))));
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

/** A package another library wrote, written again without the clock: every entry's date fixed, the
 * core properties' created and modified dates removed, and the packages inside it (a chart's data
 * workbook) the same way. Parts keep their order and content otherwise. */
export async function rewritePackage(bytes: Uint8Array): Promise<Uint8Array> {
  return Promise.resolve(rewritten(bytes));
}

function rewritten(bytes: Uint8Array): Uint8Array {
  const parts = unzipFiles(bytes).map(({ name, data }): ZipFile => {
    if (/\.(xml|rels)$/i.test(name)) {
      let xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
      if (name === "docProps/core.xml")
        xml = xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "");
      return { name, data: Buffer.from(inertReferences(xml), "utf8") };
    }
    if (/\.(xlsx|pptx|docx)$/i.test(name)) return { name, data: rewritten(data) };
    return { name, data };
  });
  return zipFiles(parts);
}
