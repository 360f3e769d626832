// Zip packages (every office export, every workbook imported) read and written with Node's zlib.
// Reading checks the central directory against the file's bounds before inflating anything, and caps
// each entry at its declared size, so that a damaged package or a zip bomb is refused with a message;
// writing deflates natively with one fixed date, so that the same files give the same bytes. ZIP64 is
// neither read nor written: an exported map never needs one.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** A file of a package: its name (a path inside the package) and its bytes. */
export interface ZipFile {
  name: string;
  data: Uint8Array;
}

/** A file's entry in a package's central directory: what it claims, before anything is inflated. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  crc: number;
}

/** A package that is not a zip, or one journeymap will not read; `message` says which, for a user. */
export class ZipProblem extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record (22 bytes) and the longest comment it may carry. */
const EOCD_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const ZIP64 = "it is a ZIP64 package, which journeymap does not read: save it again as a plain zip package";

function findEnd(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - 22; at >= lowest; at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new ZipProblem(
    "it is not a zip package (no end of central directory), as every Office file is: save it again from its program",
  );
}

/** The file entries listed in the central directory (folders left out), in its order, each checked
 * against the package's bounds. More than `maxEntries` (files and folders) is refused before any is read. */
export function listEntries(bytes: Uint8Array, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(bytes, view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // Before the ZIP64 markers: 65,535 entries reads as a ZIP64 count, but too many is the better reason.
  if (count > maxEntries)
    throw new ZipProblem(`it lists ${count} entries, more than the ${maxEntries} a journey map's package needs`);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipProblem(ZIP64);
  if (offset + size > end) throw new ZipProblem("its central directory lies outside the file: the package is damaged");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      throw new ZipProblem("its central directory is damaged: save the package again");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      crc: view.getUint32(at + 16, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipProblem(ZIP64);
    if (entry.localOffset + 30 + entry.compressedSize > bytes.length)
      throw new ZipProblem(`its entry "${entry.name}" lies outside the file: the package is damaged`);
    if (!entry.name.endsWith("/")) entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The data of an entry, inflated, never more than its declared size (an entry that lies about its size,
 * a zip bomb's trick, is refused here, before any library trusts the directory), and checked against
 * its CRC-32. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== LOCAL) throw new ZipProblem(`its entry "${entry.name}" is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ZipProblem(
      `its entry "${entry.name}" uses compression method ${entry.method}, not deflate: save the package again`,
    );
  const inflated = entry.method === STORED ? data : inflatedWithin(data, entry.uncompressedSize);
  if (inflated?.length !== entry.uncompressedSize)
    throw new ZipProblem(
      `its entry "${entry.name}" does not inflate to the ${entry.uncompressedSize} bytes its directory declares: the package is damaged or a zip bomb`,
    );
  if (crc32(inflated) !== entry.crc)
    throw new ZipProblem(`its entry "${entry.name}" does not match its CRC-32: the package is damaged`);
  return inflated;
}

/** Deflated data inflated to at most one byte more than `size` (an entry that inflates past its size
 * fails instead of filling memory), or undefined when it is not deflate data. */
function inflatedWithin(data: Uint8Array, size: number): Uint8Array | undefined {
  try {
    return inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch {
    return undefined;
  }
}

/** Every file of a package, inflated and checked (`listEntries`, `inflateEntry`), in its directory's order. */
export function unzipFiles(bytes: Uint8Array, entries = listEntries(bytes)): ZipFile[] {
  return entries.map((entry) => ({ name: entry.name, data: inflateEntry(bytes, entry) }));
}

/**
 * Every entry's MS-DOS time and date: 2000-01-01 00:00. Fixed, so that the same files give the same
 * bytes; not the format's first day (1980-01-01), which a reader that takes it as local time and
 * converts it may push before 1980, a date some tools refuse to write back (Gradle fixes 1980-02-01
 * for that reason). 2000 is also the date jszip gave the decks before journeymap wrote their zip.
 */
const FIXED_DATE = { time: 0, date: ((2000 - 1980) << 9) | (1 << 5) | 1 };
/** Zip 2.0 (deflate), made by MS-DOS (no file modes): what Office's own packages say. */
const VERSION = 20;
/**
 * zlib's level 3, the last of its fast levels: on the Visio page of 10,000 lanes (30 MB of XML) it
 * deflates in 45 ms to 939 KB where level 1 takes 55 ms for 1,045 KB and level 6 220–260 ms for 590 KB
 * (ARCHITECTURE.md, "The office exports' own code").
 */
const LEVEL = 3;

/**
 * A zip of the files in the order given: names in UTF-8 (flagged when not ASCII), each file deflated
 * natively (an empty one, or every one when `stored`, kept as it is), its CRC-32 computed natively, the
 * sizes in the headers (no data descriptors) and every entry dated 2000-01-01 00:00.
 */
export function zipFiles(files: readonly ZipFile[], { stored = false }: { stored?: boolean } = {}): Uint8Array {
  if (files.length >= 0xffff) throw new Error(`a zip of ${files.length} files would need ZIP64`);
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const store = stored || data.length === 0;
    const written = store ? data : deflateRawSync(data, { level: LEVEL });
    const header = new DataView(new ArrayBuffer(26));
    header.setUint16(0, VERSION, true); // needed to extract
    header.setUint16(2, nameBytes.length === name.length ? 0 : UTF8_NAME, true);
    header.setUint16(4, store ? STORED : DEFLATED, true);
    header.setUint16(6, FIXED_DATE.time, true);
    header.setUint16(8, FIXED_DATE.date, true);
    header.setUint32(10, crc32(data), true);
    header.setUint32(14, written.length, true);
    header.setUint32(18, data.length, true);
    header.setUint16(22, nameBytes.length, true);
    // The local header is its signature and these 26 bytes; the central one adds "made by" before them,
    // and the comment, disk, attributes (all 0) and the local header's offset after them.
    const local = new DataView(new ArrayBuffer(4));
    local.setUint32(0, LOCAL, true);
    const central = new DataView(new ArrayBuffer(6));
    central.setUint32(0, CENTRAL, true);
    central.setUint16(4, VERSION, true);
    const tail = new DataView(new ArrayBuffer(14));
    tail.setUint32(10, offset, true);
    const fields = new Uint8Array(header.buffer);
    parts.push(new Uint8Array(local.buffer), fields, nameBytes, written);
    directory.push(new Uint8Array(central.buffer), fields, new Uint8Array(tail.buffer), nameBytes);
    offset += 30 + nameBytes.length + written.length;
    if (offset > 0xffffffff) throw new Error("a zip of more than 4 GB would need ZIP64");
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, EOCD, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const whole = Buffer.concat([...parts, ...directory, new Uint8Array(end.buffer)]);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

/** A package another program wrote, written again by `zipFiles` (its files checked, in its order): the
 * same content gives the same bytes. `stored`: every file uncompressed, for a library to read without
 * inflating it again in JavaScript. */
export function repackZip(bytes: Uint8Array, options: { stored?: boolean } = {}): Uint8Array {
  return zipFiles(unzipFiles(bytes), options);
}
