// LibreOffice Calc, headless, saving a workbook again as .xlsx (what a team does when it edits one in
// Calc), with a profile of its own so that runs side by side do not share one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { expect } from "vitest";

/** Calc's program, when this machine has it (CI installs libreoffice-calc: .ci/run). */
export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((path) => existsSync(path));

/** Saves `xlsx` again into the folder `into`; returns the saved file's path. */
export function calcResave(xlsx: string, into: string): string {
  expect(soffice, "CI installs libreoffice-calc (.ci/run)").toBeDefined();
  const profile = mkdtempSync(join(tmpdir(), "journeymap-lo-"));
  try {
    const convert = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        into,
        xlsx,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(into, basename(xlsx));
}
