// Start-up: runs the bundled CLI (dist/bundle/cli.js) through a V8 code cache kept in the package's
// own .cache/ folder, so that a run skips compiling it. Built as dist/bundle/start.js (CommonJS, which
// bin/journeymap.js requires: an ES module entry alone costs a third of Node's own start-up). The cache only ever speeds a run
// up: missing, from another Node, corrupt, not ours, unwritable — the bundle is compiled as usual.
// It is trusted exactly as far as the bundle is: only a file owned by the bundle's owner (or the
// user running it) that nobody else can write, in a folder nobody else can write, is read.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/** Each bundle's modules that the other one imports, by name (see scripts/bundle-cli.mjs). */
type Modules = Record<string, () => unknown>;

/** What the hot bundle exports (src/cli/bundle.ts, and its modules). */
interface Bundle {
  main(argv: string[]): Promise<void>;
  runWorker(kind: string): Promise<void>;
  modules: Modules;
}

const MAGIC = 0x4a4d4331; // "JMC1"
const HEADER = 24;
/** A cache bigger than this is not ours (the bundle's is a few megabytes at most). */
const MAX_CACHE = 64 * 1024 * 1024;
const COMMANDS = new Set(["validate", "lint", "render", "diff", "init", "rules", "schema"]);

// Paths from the start-up's own folder: it is built as CommonJS into dist/bundle/ (scripts/bundle-cli.mjs),
// where Node gives it __dirname. File URLs would load node:url's code at every start (~0.3 ms).
const BUNDLE = join(__dirname, "cli.js");
/** The modules no validate, lint or render of a map needs, loaded the first time one of them is asked for. */
const COLD_BUNDLE = join(__dirname, "cold.js");
/** The package root's .cache/ (two folders up from dist/bundle/), which npm never packs. No trailing
 * slash: lstat must see a link at this name as a link, not the folder it points to. */
const CACHE_FOLDER = join(__dirname, "..", "..", ".cache", "code");

/** Runs the journeymap command. */
export async function main(argv: string[]): Promise<void> {
  await loadBundles(cacheName(argv)).main(argv);
}

/** Runs a worker thread's loop (the lint pool's workers start here, in dist/bundle/lint-worker.js). */
export function startWorker(kind: string): Promise<void> {
  return loadBundles(`worker-${kind}`).runWorker(kind);
}

/** The hot bundle, run, with the cold one at hand: each asks the other for the modules it imports
 * from it. `name` names their code caches. */
function loadBundles(name: string): Bundle {
  let cold: Modules | undefined;
  const module = (modules: Modules, key: string): unknown => {
    if (!Object.hasOwn(modules, key)) throw new Error(`journeymap's bundles are damaged: no module ${key}`);
    return modules[key]!();
  };
  const hot: Bundle = load(BUNDLE, fileName(name), (key): unknown => {
    cold ??= load<{ modules: Modules }>(COLD_BUNDLE, fileName(`${name}.cold`), (hotKey): unknown =>
      module(hot.modules, hotKey),
    ).modules;
    return module(cold, key);
  });
  return hot;
}

/** The code cache's name: one per command (each compiles different functions); fileName adds Node's. */
function cacheName(argv: readonly string[]): string {
  const args = argv.slice(2);
  const command = args.find((arg) => !arg.startsWith("-"));
  let name = command !== undefined && COMMANDS.has(command) ? command : "other";
  // The formats draw with different code: the first one asked for would otherwise decide.
  if (name === "render") name += `-${renderFormat(args)}`;
  return name;
}

/** The formats render draws, by --format value or --output extension (one cache each, at most). */
const RENDER_FORMATS: Record<string, string> = {
  mermaid: "mermaid",
  mmd: "mermaid",
  markdown: "markdown",
  md: "markdown",
  svg: "svg",
  png: "png",
  pdf: "pdf",
};

function renderFormat(args: readonly string[]): string {
  const after = (names: readonly string[]) => {
    const at = args.findIndex((arg) => names.includes(arg));
    return at === -1 ? undefined : args[at + 1];
  };
  const asked = after(["--format", "-f"]) ?? /\.([a-z]+)$/i.exec(after(["--output", "-o"]) ?? "")?.[1] ?? "mermaid";
  const format = asked.toLowerCase();
  return Object.hasOwn(RENDER_FORMATS, format) ? RENDER_FORMATS[format]! : "other";
}

function fileName(name: string): string {
  return `${name}-${process.version}-${process.arch}.v8`;
}

/** Compiles and runs one bundle through its code cache `name`; `other` serves its imports of the other
 * bundle's modules. */
function load<Exports = Bundle>(bundle: string, name: string, other: (key: string) => unknown): Exports {
  const source = readSource(bundle);
  const key = keyOf(source);
  const path = join(CACHE_FOLDER, name);
  const cached = disabled() ? undefined : readCache(path, key);
  // The bundle is one function expression (see scripts/bundle-cli.mjs), compiled as it is.
  const script = new Script(source, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  if (!disabled() && (!cached || script.cachedDataRejected === true)) {
    // After the run, when every function the command needed has been compiled.
    process.once("exit", () => writeCache(path, key, script));
  }
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(
    module.exports,
    module.exports,
    bundleRequire(),
    module,
    bundle,
    dirname(bundle),
    // Packages outside the bundle (the browser, resvg) are imported from here, as from the bundle's folder.
    (specifier: string) => import(specifier),
    other,
  );
  return module.exports;
}

/** The bundle's text. The build makes it ASCII only: latin1 is then the same text, read without decoding.
 * Read through a descriptor, as the cache is: readFileSync and toString would each load code of Node's
 * of their own at every start (~0.4 ms together). */
function readSource(bundle: string): string {
  const descriptor = openSync(bundle, constants.O_RDONLY);
  try {
    const bytes = readWhole(descriptor, fstatSync(descriptor).size).bytes;
    const latin1 = (bytes as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
    return latin1 ? latin1.call(bytes, 0, bytes.length) : bytes.toString("latin1");
  } finally {
    closeSync(descriptor);
  }
}

/** Up to `size` bytes from the start of an open file, read into the start-up's one memory when there is
 * one (scratchOf): the bytes read (fewer at the file's end), with that memory's checksum loop. */
function readWhole(descriptor: number, size: number): { bytes: Buffer; words: WordSum | undefined } {
  const words = scratchOf(size);
  const bytes = words ? Buffer.from(words.memory.buffer, 0, size) : Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(descriptor, bytes, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return { bytes: bytes.subarray(0, length), words };
}

/** The bundle's require. Built as dist/bundle/start.js, the start-up is a CommonJS module in the bundle's own
 * folder, so its require resolves exactly as the bundle's would; loading node:module for createRequire
 * instead costs ~0.4 ms of every start. */
function bundleRequire(): NodeJS.Require {
  if (typeof require === "function") return require;
  return process.getBuiltinModule("node:module").createRequire(BUNDLE);
}

function disabled(): boolean {
  return process.env.JOURNEYMAP_CODE_CACHE === "0";
}

interface Key {
  length: number;
  /** The build (the bundle's first line names it) and the runtime the code was compiled for. */
  build: number;
  runtime: number;
}

function keyOf(source: string): Key {
  const firstLine = source.slice(0, source.indexOf("\n"));
  return {
    length: source.length,
    build: checksum(Buffer.from(firstLine)),
    runtime: checksum(
      Buffer.from(`${process.version} ${process.arch} ${process.versions.v8} ${process.execArgv.join(" ")}`),
    ),
  };
}

/** A 32-bit checksum (FNV-1a over 32-bit words, then the odd bytes): catches a truncated or damaged
 * file, which V8 itself would not notice (it checks the cache's versions and flags, not its contents).
 * Not a defence against anyone who can write the cache, which trusted() keeps to the bundle's own
 * owner. Bytes in `words`' memory are summed by its WebAssembly loop, the rest here. */
function checksum(bytes: Uint8Array, words?: WordSum): number {
  const whole = bytes.length & ~3;
  const aligned = bytes.byteOffset % 4 === 0;
  let hash = 0x811c9dc5;
  if (words && bytes.buffer === words.memory.buffer && aligned) {
    hash = words.fnv(bytes.byteOffset, bytes.byteOffset + whole);
  } else if (aligned) {
    const view = new Int32Array(bytes.buffer, bytes.byteOffset, whole >> 2);
    for (let i = 0; i < view.length; i++) hash = Math.imul(hash ^ view[i]!, 0x01000193);
  }
  for (let i = aligned ? whole : 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return (hash ^ bytes.length) >>> 0;
}

/** The checksum's loop over the words of a cache file read into WebAssembly memory: a JavaScript loop
 * over half a megabyte costs 1–2 ms before any JIT, and zlib's CRC-32 as much to load (it brings
 * Node's streams), against ~0.5 ms here. The module (103 bytes) is
 * `(func (export "fnv") (param $from i32) (param $to i32) (result i32))`, FNV-1a from $from to $to,
 * the same sum as the JavaScript loop above. */
interface WordSum {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  fnv: (from: number, to: number) => number;
}

/** The part of WebAssembly used here (TypeScript's Node types do not declare it). */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number }) => WordSum["memory"];
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

// Bytes, not base64: decoding base64 would compile Buffer's encoders at every start.
const FNV_WASM = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 2, 15, 1, 3, 101, 110, 118, 6, 109, 101, 109, 111, 114,
  121, 2, 0, 0, 3, 2, 1, 0, 7, 7, 1, 3, 102, 110, 118, 0, 0, 10, 54, 1, 52, 1, 1, 127, 65, 197, 187, 242, 136, 120, 33,
  2, 2, 64, 3, 64, 32, 0, 32, 1, 79, 13, 1, 32, 2, 32, 0, 40, 2, 0, 115, 65, 147, 131, 128, 8, 108, 33, 2, 32, 0, 65, 4,
  106, 33, 0, 12, 0, 11, 11, 32, 2, 11,
]);

/** The start-up's one memory for what it reads (the bundle's text, then its cache, then the cold bundle's),
 * at least `size` bytes, with the checksum's word loop over it: each read reuses the pages the one before
 * touched, where fresh memory for each would cost its page faults (~0.3 ms a megabyte). Undefined where
 * there is no WebAssembly (--jitless): each read then has a buffer of its own. */
let scratch: WordSum | null | undefined;
function scratchOf(size: number): WordSum | undefined {
  scratch ??= wordSum(size) ?? null;
  if (scratch === null) return undefined;
  const short = size - scratch.memory.buffer.byteLength;
  if (short > 0) scratch.memory.grow(Math.ceil(short / 65536));
  return scratch;
}

/** Memory for `size` bytes with the word loop over it; undefined where there is no WebAssembly
 * (--jitless), and the checksum runs in JavaScript. */
function wordSum(size: number): WordSum | undefined {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!wasm) return undefined;
  try {
    const memory = new wasm.Memory({ initial: Math.ceil(size / 65536) });
    const module = new wasm.Module(FNV_WASM);
    const fnv = new wasm.Instance(module, { env: { memory } }).exports.fnv as WordSum["fnv"];
    return { memory, fnv };
  } catch {
    return undefined;
  }
}

/** Whether a file or folder of the cache is as trustworthy as the bundle: owned by the bundle's
 * owner or by this user, and writable by nobody else. */
function trusted(stats: Stats): boolean {
  if (typeof process.getuid !== "function") return true; // Windows: the folder's ACL is the profile's
  return (stats.uid === process.getuid() || stats.uid === bundleOwner()) && (stats.mode & 0o022) === 0;
}

let owner: number | undefined;
function bundleOwner(): number {
  owner ??= statSync(BUNDLE).uid;
  return owner;
}

function folderTrusted(): boolean {
  try {
    const stats = lstatSync(CACHE_FOLDER);
    return stats.isDirectory() && trusted(stats);
  } catch {
    return false;
  }
}

/** The cached code for `key`, or undefined for anything else (never throws). */
function readCache(path: string, key: Key): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    if (!folderTrusted()) return undefined;
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || !trusted(stats) || stats.size <= HEADER || stats.size > MAX_CACHE) return undefined;
    // Read straight into the checksum's WebAssembly memory, when there is one: no copy.
    const { bytes: file, words } = readWhole(descriptor, stats.size);
    if (file.length < stats.size) return undefined;
    const payload = file.subarray(HEADER);
    const fits =
      file.readUInt32LE(0) === MAGIC &&
      file.readUInt32LE(4) === key.length &&
      file.readUInt32LE(8) === key.build &&
      file.readUInt32LE(12) === key.runtime &&
      file.readUInt32LE(16) === payload.length &&
      file.readUInt32LE(20) === checksum(payload, words);
    return fits ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Writes the compiled code next to the package, atomically; any failure leaves things as they were. */
function writeCache(path: string, key: Key, script: Script): void {
  const temporary = `${path}.${process.pid}.tmp`;
  let descriptor: number | undefined;
  try {
    mkdirSync(CACHE_FOLDER, { recursive: true, mode: 0o700 });
    if (!folderTrusted()) return;
    removeStale();
    const payload = script.createCachedData();
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(key.length, 4);
    header.writeUInt32LE(key.build, 8);
    header.writeUInt32LE(key.runtime, 12);
    header.writeUInt32LE(payload.length, 16);
    header.writeUInt32LE(checksum(payload), 20);
    descriptor = openSync(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
      0o600,
    );
    for (const part of [header, payload]) {
      let written = 0;
      while (written < part.length) written += writeSync(descriptor, part, written);
    }
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was created
    }
  }
}

/** Temporary files of runs killed while writing (a recognisable name), an hour old or more. */
function removeStale(): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(CACHE_FOLDER)) {
    if (!name.endsWith(".tmp")) continue;
    try {
      const file = join(CACHE_FOLDER, name);
      if (lstatSync(file).mtimeMs < hourAgo) unlinkSync(file);
    } catch {
      // another run removed it
    }
  }
}
