// A zip package's central directory, read without inflating anything: what a workbook's entries claim
// to hold (for refusing a zip bomb before a library inflates it), and a package written again with
// native deflate and fixed entry dates (so that the same map gives the same .xlsx bytes, quickly).
// ZIP64 packages are refused: an exported map never needs one.
import { deflateRawSync, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  crc: number;
  /** The name as stored, and the directory's flags for it (bit 11: UTF-8). */
  nameBytes: Uint8Array;
  flags: number;
}

/** A package that is not a zip, or one journeymap will not read; `message` says which, for a user. */
export class ZipProblem extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record (22 bytes) and the longest comment it may carry. */
const EOCD_SEARCH = 22 + 0xffff;

function findEnd(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - 22; at >= lowest; at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new ZipProblem("it is not a zip package (no end of central directory): is it really an .xlsx file?");
}

/** The entries listed in the central directory, checked against the package's bounds. */
export function zipEntries(bytes: Uint8Array, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(bytes, view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ZipProblem("it is a ZIP64 package, which journeymap does not read: save it again as a plain .xlsx");
  if (count > maxEntries)
    throw new ZipProblem(`it lists ${count} entries, more than the ${maxEntries} a workbook needs`);
  if (offset + size > end) throw new ZipProblem("its central directory lies outside the file: the package is damaged");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      throw new ZipProblem("its central directory is damaged: save the workbook again");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      crc: view.getUint32(at + 16, true),
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLength),
      flags: view.getUint16(at + 8, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
      throw new ZipProblem("it is a ZIP64 package, which journeymap does not read: save it again as a plain .xlsx");
    if (entry.localOffset + 30 + entry.compressedSize > bytes.length)
      throw new ZipProblem(`its entry "${entry.name}" lies outside the file: the package is damaged`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The data of an entry, inflated, never more than its declared size: an entry that lies about its
 * size (a zip bomb's trick) is refused here, before any library trusts the directory. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== LOCAL) throw new ZipProblem(`its entry "${entry.name}" is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8)
    throw new ZipProblem(`its entry "${entry.name}" uses compression method ${entry.method}, not deflate`);
  try {
    // One byte more than declared: an entry that inflates past its size fails instead of filling memory.
    const inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    if (inflated.length !== entry.uncompressedSize) throw new Error("size");
    return inflated;
  } catch {
    throw new ZipProblem(
      `its entry "${entry.name}" does not inflate to the ${entry.uncompressedSize} bytes its directory declares: the package is damaged or a zip bomb`,
    );
  }
}

/** The MS-DOS date and time of 1980-01-01 00:00, the zip format's first day. */
const FIRST_DAY = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

/**
 * The package written again: every entry deflated by Node's zlib (native, several times faster than
 * the JavaScript deflate a library brings) and dated 1980-01-01, so that the same content gives the
 * same bytes. Entries keep their names, order and checksums. `stored`: every entry inflated once here
 * (natively, each within its declared size) and written uncompressed, for a library to read without
 * inflating it again in JavaScript.
 */
export function repackZip(bytes: Uint8Array, { stored = false }: { stored?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  const entries = zipEntries(bytes);
  for (const entry of entries) {
    const data = inflateEntry(bytes, entry);
    const compressed = data.length === 0 || stored ? data : deflateRawSync(data, { level: 6 });
    const method = data.length === 0 || stored ? 0 : 8;
    // Bit 3 (sizes in a data descriptor) is dropped: the sizes are in the headers now.
    const flags = entry.flags & 0x0800;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(10, FIRST_DAY.time, true);
    local.setUint16(12, FIRST_DAY.date, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, compressed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, entry.nameBytes.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, CENTRAL, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, flags, true);
    central.setUint16(10, method, true);
    central.setUint16(12, FIRST_DAY.time, true);
    central.setUint16(14, FIRST_DAY.date, true);
    central.setUint32(16, entry.crc, true);
    central.setUint32(20, compressed.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, entry.nameBytes.length, true);
    central.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), entry.nameBytes, compressed);
    directory.push(new Uint8Array(central.buffer), entry.nameBytes);
    offset += 30 + entry.nameBytes.length + compressed.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, EOCD, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...directory, new Uint8Array(end.buffer)]);
}
