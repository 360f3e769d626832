// An Open Packaging Conventions zip (the container of .vsdx, as of .docx and .pptx) written with Node's
// zlib (zip.ts): parts in a fixed order with a fixed date, so the same map gives the same bytes.
import { inertReferences } from "./xml.js";
import { unzipEntries, zipEntries, type ZipEntry } from "./zip.js";

/** Zips the parts (name → XML text) in the order given. */
export async function writePackage(parts: ReadonlyArray<readonly [string, string | Uint8Array]>): Promise<Uint8Array> {
  return Promise.resolve(zipEntries(parts.map(([name, content]) => [name, bytesOf(content)] as const)));
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
  const parts: ZipEntry[] = unzipEntries(bytes).map(([name, content]): ZipEntry => {
    if (/\.(xml|rels)$/i.test(name)) {
      let xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("utf8");
      if (name === "docProps/core.xml")
        xml = xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "");
      return [name, Buffer.from(inertReferences(xml), "utf8")];
    }
    if (/\.(xlsx|pptx|docx)$/i.test(name)) return [name, rewritten(content)];
    return [name, content];
  });
  return zipEntries(parts);
}
