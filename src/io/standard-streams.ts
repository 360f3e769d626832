// Standard output and standard error, written straight to their file descriptors. Node builds
// process.stdout and process.stderr on first use and loads its stream code to do so, and its socket
// code for a pipe: 1.7 ms for a file and 3.3 ms for a pipe on Node 20, a tenth of a small map's whole
// run. A direct write is what Node's streams do for files and (on Linux and macOS) pipes anyway:
// synchronous and in order. Only a non-blocking pipe that is full (EAGAIN) needs waiting for: from
// then on everything goes through Node's own stream, which waits, so nothing is reordered or lost.
import { fstatSync, statSync, writeSync } from "node:fs";
import { isatty } from "node:tty";

export class StandardStream {
  readonly #fd: number;
  readonly #name: "stdout" | "stderr";
  #stream: NodeJS.WriteStream | undefined;
  #terminal: boolean | undefined;
  /** Whether a status line (progress) is drawn at the cursor: anything else written clears it first. */
  #status = false;

  constructor(fd: 1 | 2) {
    this.#fd = fd;
    this.#name = fd === 1 ? "stdout" : "stderr";
    // A Windows console takes UTF-16 through Node's own stream, not bytes.
    if (process.platform === "win32") this.#stream = process[this.#name];
  }

  write(text: string | Uint8Array): void {
    if (this.#status) {
      this.#status = false;
      this.#write(CLEAR_LINE);
    }
    this.#write(text);
  }

  /** Draws `line` in place of the status line (a terminal's progress), or clears it for "". The caller
   * makes the line inert and fits it to the terminal's width: a line that wraps cannot be redrawn. */
  status(line: string): void {
    if (line === "" && !this.#status) return;
    this.#write(line === "" ? CLEAR_LINE : `\r${line}\x1b[K`);
    this.#status = line !== "";
  }

  /** The terminal's width in columns; undefined when it is not a terminal. */
  get columns(): number | undefined {
    if (!this.isTTY) return undefined;
    return process[this.#name].columns;
  }

  #write(text: string | Uint8Array): void {
    if (this.#stream) {
      this.#stream.write(text);
      return;
    }
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `journeymap lint | head -1`: the reader has gone, so there is no one left to tell; stop quietly.
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      // Closed before the run: Node's own stream discards what is written to it too.
      if (code === "EBADF") return;
      this.#stream = process[this.#name];
      this.#stream.write(bytes.subarray(written));
    }
  }

  /** Resolves once everything written has reached the descriptor: at once, unless a full pipe made
   * the writes go through Node's stream, which may still hold some. */
  drained(): Promise<void> {
    const stream = this.#stream;
    if (!stream || stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        stream.off("drain", finish);
        stream.off("close", finish);
        stream.off("error", finish);
        done();
      };
      stream.on("drain", finish);
      stream.on("close", finish);
      stream.on("error", finish);
    });
  }

  /** Whether it is a terminal (colours, and no binary output). */
  get isTTY(): boolean {
    if (this.#stream) return this.#stream.isTTY === true;
    this.#terminal ??= isTerminal(this.#fd);
    return this.#terminal;
  }
}

/** Back to the start of the line, and the line cleared to its end. */
const CLEAR_LINE = "\r\x1b[K";

export const stdout = new StandardStream(1);
export const stderr = new StandardStream(2);

/** A terminal is a character device; so is /dev/null (`2>/dev/null`, and a child's ignored output),
 * told apart by a stat, so that only a character device that may be a terminal loads Node's tty code. */
function isTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice()) return false;
    if (stats.rdev === statSync("/dev/null").rdev) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}
