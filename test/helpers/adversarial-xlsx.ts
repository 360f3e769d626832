// Hostile spreadsheets for `journeymap import`: zip packages built byte by byte (a bomb whose directory
// tells the truth, one whose directory lies), and workbooks written by exceljs, a real producer.
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** The uncompressed size the directory declares, when it lies. */
  declared?: number;
}

/** A zip package of deflated entries, with their declared sizes as given. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const compressed = deflateRawSync(part.data, { level: 9 });
    const sizes = { crc: crc32(part.data), compressed: compressed.length, size: part.declared ?? part.data.length };
    locals.push(header(0x04034b50, name, sizes), compressed);
    centrals.push(header(0x02014b50, name, sizes, offset));
    offset += 30 + name.length + compressed.length;
  }
  return new Uint8Array(Buffer.concat([...locals, ...centrals, endRecord(parts.length, centrals, offset)]));
}

/** `count` directory entries, each named differently, all pointing to one local entry of `size` zeros:
 * Fifield's non-recursive zip bomb in its simplest, overlapping form. */
export function overlappingZip(count: number, size: number): Uint8Array {
  const zeros = new Uint8Array(size);
  const compressed = deflateRawSync(zeros, { level: 9 });
  const sizes = { crc: crc32(zeros), compressed: compressed.length, size };
  const local = header(0x04034b50, Buffer.from("kernel"), sizes);
  const centrals = Array.from({ length: count }, (_, index) =>
    header(0x02014b50, Buffer.from(`xl/part${index}.xml`), sizes, 0),
  );
  return new Uint8Array(
    Buffer.concat([local, compressed, ...centrals, endRecord(count, centrals, local.length + compressed.length)]),
  );
}

/** A local header (30 bytes) or, with the local header's offset, a central one (46 bytes), then the name. */
function header(
  signature: number,
  name: Buffer,
  { crc, compressed, size }: { crc: number; compressed: number; size: number },
  offset?: number,
): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(20, 0);
  fields.writeUInt16LE(8, 4);
  fields.writeUInt32LE(crc, 10);
  fields.writeUInt32LE(compressed, 14);
  fields.writeUInt32LE(size, 18);
  fields.writeUInt16LE(name.length, 22);
  const start = Buffer.alloc(offset === undefined ? 4 : 6);
  start.writeUInt32LE(signature, 0);
  if (offset === undefined) return Buffer.concat([start, fields, name]);
  start.writeUInt16LE(20, 4);
  const tail = Buffer.alloc(14);
  tail.writeUInt32LE(offset, 10);
  return Buffer.concat([start, fields, tail, name]);
}

/** The end of central directory record after `centrals`, which start at `offset`. */
function endRecord(count: number, centrals: readonly Buffer[], offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(
    centrals.reduce((size, central) => size + central.length, 0),
    12,
  );
  end.writeUInt32LE(offset, 16);
  return end;
}

/** A zip bomb: `megabytes` of zeros in one entry, a few hundred KB on disk. */
export function zipBomb(megabytes: number, lying = false): Uint8Array {
  const zeros = new Uint8Array(megabytes * 1024 * 1024);
  return zipOf([
    { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: zeros, ...(lying ? { declared: 1000 } : {}) },
  ]);
}
