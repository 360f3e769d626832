// A zip package's central directory, read without inflating anything: what a workbook's entries claim
// to hold (for refusing a zip bomb before a library inflates it), and fixed entry dates (so that the
// same map gives the same .xlsx bytes). ZIP64 packages are refused: an exported map never needs one.
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
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

/** A copy of the package with every entry dated 1980-01-01, in its local header and in the directory. */
export function withFixedDates(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const end = findEnd(copy, view);
  let at = view.getUint32(end + 16, true);
  for (let index = 0, count = view.getUint16(end + 10, true); index < count; index++) {
    view.setUint16(at + 12, FIRST_DAY.time, true);
    view.setUint16(at + 14, FIRST_DAY.date, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, FIRST_DAY.time, true);
    view.setUint16(local + 12, FIRST_DAY.date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return copy;
}
