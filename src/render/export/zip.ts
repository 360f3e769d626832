// The zip container of the office packages, written and read with Node's zlib (deflate and crc32 in
// native code): the headers jszip writes (UNIX, fixed date, no data descriptors), without its
// JavaScript deflate and its per-chunk workers, which took about half of a 200-slide deck's time.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** A part of a package: its name and bytes. */
export type ZipEntry = readonly [name: string, content: Uint8Array];

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORE = 0;
const DEFLATE = 8;
/** The entries' DOS time and date: 2000-01-01 00:00:00. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
/** Made by UNIX, zip 3.0; a regular file, rw-rw-r--: what jszip writes on the UNIX platform. */
const MADE_BY = 0x031e;
const FILE_ATTRIBUTES = (0x81b4 << 16) >>> 0;

/** A zip of the entries in the order given, each deflated at `level` (1: fast; the parts are XML). */
export function zipEntries(entries: readonly ZipEntry[], level = 1): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const encodedName = Buffer.from(name, "utf8");
    const flags = encodedName.length !== name.length ? 0x0800 : 0; // UTF-8 name
    const compressed = deflateRawSync(content, { level });
    const header = Buffer.alloc(26);
    header.writeUInt16LE(10, 0); // version needed
    header.writeUInt16LE(flags, 2);
    header.writeUInt16LE(DEFLATE, 4);
    header.writeUInt16LE(DOS_TIME, 6);
    header.writeUInt16LE(DOS_DATE, 8);
    header.writeUInt32LE(crc32(content), 10);
    header.writeUInt32LE(compressed.length, 14);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt16LE(encodedName.length, 22);
    header.writeUInt16LE(0, 24); // extra field
    const local = Buffer.alloc(4);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    chunks.push(local, header, encodedName, compressed);
    const central = Buffer.alloc(6);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(MADE_BY, 4);
    const tail = Buffer.alloc(14);
    tail.writeUInt16LE(0, 0); // comment
    tail.writeUInt16LE(0, 2); // disk
    tail.writeUInt16LE(0, 4); // internal attributes
    tail.writeUInt32LE(FILE_ATTRIBUTES, 6);
    tail.writeUInt32LE(offset, 10);
    directory.push(central, header, tail, encodedName);
    offset += 4 + header.length + encodedName.length + compressed.length;
  }
  const directorySize = directory.reduce((size, chunk) => size + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  const whole = Buffer.concat([...chunks, ...directory, end]);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

/** The file entries of a zip another library wrote (stored or deflated, no zip64), in its directory's
 * order; folders are left out. */
export function unzipEntries(zip: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("not a zip: a broken central directory");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (bytes.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`not a zip: no header for ${name}`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === STORE) entries.push([name, data]);
    else if (method === DEFLATE) entries.push([name, inflateRawSync(data)]);
    else throw new Error(`${name}: compression method ${method} is not stored or deflated`);
  }
  return entries;
}
