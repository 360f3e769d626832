// What the Action's scripts and journeymap's issue sync both check of GitHub's REST API: the API's base
// URL (https, or http to this machine for tests; no credentials, query or fragment), a repository's
// owner/name, an answer's text read up to a size, and the sync's time limit (--timeout, sync-timeout).
// Plain ESM with Node built-ins only, so the Action runs it from its checkout without a build; the sync
// (src/backlog/sync/github.ts) imports it too and the CLI bundle carries it. Each caller turns a problem
// into its own error and message.

/** "owner/name" as GitHub allows them. */
export function isRepository(value) {
  return (
    typeof value === "string" &&
    /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(value) &&
    !/\/\.\.?$/.test(value)
  );
}

/** The API's base URL without its trailing slashes, or what is wrong with it: "not a URL", "not https"
 * (an http URL to another machine, another scheme, or credentials), or "query" (a query or a fragment). */
export function checkApiUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return { problem: "not a URL" };
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && loopback)) || url.username || url.password)
    return { problem: "not https" };
  if (url.search || url.hash) return { problem: "query" };
  return { url: url.href.replace(/\/+$/, "") };
}

/** The sync's time limit when none is given: five minutes, a sync of a few hundred opportunities with a
 * second between writes and room for a minute's rate-limit wait (a first sync of more finishes on the
 * next run). */
export const DEFAULT_TIMEOUT_SECONDS = 5 * 60;

/** The longest time limit a sync takes: a GitHub-hosted runner's job limit, 6 hours. */
const MAX_TIMEOUT_SECONDS = 6 * 60 * 60;

/** A time limit in seconds, written as seconds ("300", "90s"), minutes ("5m") or hours ("1h"), as
 * `parseDays` (src/journey/dates.ts) reads days and weeks; undefined when it is not one, or is 0 or
 * more than MAX_TIMEOUT_SECONDS. */
export function timeoutSeconds(value) {
  const match = typeof value === "string" ? /^\s*(\d{1,5})\s*([smh]?)\s*$/i.exec(value) : null;
  if (!match) return undefined;
  const seconds = Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600 }[match[2].toLowerCase()];
  return seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS ? seconds : undefined;
}

/** An answer's text, read up to `maxBytes`; undefined (the rest cancelled) when it is larger. The
 * request's abort signal (its timeout, clipped to the sync's time limit) also ends the read: an answer
 * whose bytes drip in is cut off there, the read rejecting with the signal's reason. */
export async function readBounded(response, maxBytes) {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
