// A remote that hangs while the diff comment fetches the pull request's base commit: the fetch is stopped
// at its time limit with one message, instead of holding the step until the job's own timeout. Run
// against a `git` that answers cat-file "missing" and then never finishes its fetch.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-fetch-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("stops a fetch of the base commit that hangs, and says what to do", async () => {
  const git = join(folder, "git");
  writeFileSync(git, '#!/bin/sh\nif [ "$1" = cat-file ]; then exit 1; fi\nexec sleep 30\n');
  chmodSync(git, 0o755);
  const { ensureCommit, ActionError } = (await import(pathToFileURL(join(ROOT, "action/diff-comment.mjs")).href)) as {
    ensureCommit: (sha: string, timeoutMs?: number) => void;
    ActionError: new (message: string) => Error;
  };
  const path = process.env.PATH;
  process.env.PATH = `${folder}${delimiter}${path ?? ""}`;
  const started = performance.now();
  let thrown: unknown;
  try {
    ensureCommit("a".repeat(40), 800);
  } catch (error) {
    thrown = error;
  } finally {
    process.env.PATH = path;
  }
  const seconds = (performance.now() - started) / 1000;
  expect(thrown).toBeInstanceOf(ActionError);
  expect((thrown as Error).message).toBe(
    "fetching the pull request's base commit aaaaaaaaaaaa took longer than 1 s and was stopped: check that the remote answers, or use actions/checkout with fetch-depth: 0",
  );
  expect(seconds).toBeLessThan(10);
});
