// File names journeymap makes from map file names (a page, a picture per map in an output folder): safe on
// every file system and for docs generators, and the key under which two names are one file on macOS and
// Windows (case-insensitive, Unicode-normalizing) even where the file system here tells them apart.

/** Characters a file name must not carry: controls (C0, DEL, C1), bidi controls, zero-width characters
 * and line separators (they hide or reorder what a reader sees), path separators and the characters
 * Windows refuses (`<>:"|?*`), and `#` and `%`, which links and web servers read as a fragment or an escape. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff/\\<>:"|?*#%]+/g;

/** Names Windows keeps for devices, whatever follows the first dot (`nul.md` and `nul.v2.md` are the null
 * device there). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

/** File systems allow 255 bytes in a name; NFC can lengthen a map's name (U+0958 becomes two characters),
 * and an extension and a temporary file's prefix and suffix are added: pages keep at most this many bytes. */
const MAX_BYTES = 200;

/** `name` cut to at most MAX_BYTES of UTF-8, at a character boundary. */
function cut(name: string): string {
  if (Buffer.byteLength(name) <= MAX_BYTES) return name;
  let bytes = 0;
  let end = 0;
  for (const character of name) {
    bytes += Buffer.byteLength(character);
    if (bytes > MAX_BYTES) break;
    end += character.length;
  }
  return name.slice(0, end);
}

/** `name` (without extension) as a file name: NFC-normalized, each run of unsafe characters replaced by
 * `-`, without the leading dots, underscores or dashes that hide a file from docs generators (Jekyll and
 * VitePress skip `_name` and `.name`), nor the trailing dots and spaces Windows drops, and at most 200 bytes
 * (two maps whose names differ only past that are refused as one page, like any clash). Deterministic: the
 * same map file name always gives the same page name. `fallback` when nothing is left. */
export function safeFileName(name: string, fallback = "map"): string {
  const safe = cut(name.normalize("NFC").replace(UNSAFE, "-"))
    .replace(/^[\s._-]+/, "")
    .replace(/[\s.]+$/, "");
  if (safe === "") return fallback;
  return safe.replace(RESERVED, "$1-map");
}

/** The key under which two file names are the same file on a case-insensitive, normalizing file system
 * (macOS, Windows): `Checkout.md` and `checkout.md`, or `é` composed and decomposed, share one. */
export function fileNameKey(name: string): string {
  return name.normalize("NFC").toUpperCase().toLowerCase();
}
