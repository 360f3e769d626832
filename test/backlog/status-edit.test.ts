// Statuses written back into a map's YAML: only the named opportunities' status changes or is added,
// comments and formatting stay byte for byte, and the result reads back with the new statuses.
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { writeStatuses } from "../../src/backlog/status-edit.js";
import { JourneymapError } from "../../src/errors.js";

const MAP = `journeymap: 1
title: Checkout   # the FreshCart checkout
opportunities:
  # ranked by the team on Monday
  - id: guest-checkout
    title: Let guests check out
    status: "planned"   # agreed with finance
    owner: checkout
  - id: saved-cards # no status yet
    title: Saved cards
  - { id: express-pay, title: "Express pay" }
  - Plain text opportunity
stages:
  - id: guest-checkout   # a stage of the same id is not an opportunity
    status: planned
`;

describe("writeStatuses", () => {
  it("changes an existing status, adds a missing one after the id, and keeps every other byte", () => {
    const result = writeStatuses(MAP, [
      { id: "guest-checkout", to: "done" },
      { id: "saved-cards", to: "in-progress" },
      { id: "express-pay", to: "dropped" },
      { id: "unknown", to: "done" },
    ]);
    expect(result.text).toBe(`journeymap: 1
title: Checkout   # the FreshCart checkout
opportunities:
  # ranked by the team on Monday
  - id: guest-checkout
    title: Let guests check out
    status: done   # agreed with finance
    owner: checkout
  - id: saved-cards # no status yet
    status: in-progress
    title: Saved cards
  - { id: express-pay, status: dropped, title: "Express pay" }
  - Plain text opportunity
stages:
  - id: guest-checkout   # a stage of the same id is not an opportunity
    status: planned
`);
    expect(result.applied).toEqual(["guest-checkout", "saved-cards", "express-pay"]);
    expect(result.missing).toEqual(["unknown"]);
    const read = parse(result.text) as { opportunities: { id: string; status: string }[] };
    expect(read.opportunities.slice(0, 3).map((o) => [o.id, o.status])).toEqual([
      ["guest-checkout", "done"],
      ["saved-cards", "in-progress"],
      ["express-pay", "dropped"],
    ]);
  });

  it("keeps Windows line endings, and changes nothing when nothing is asked", () => {
    const crlf = MAP.replace(/\n/g, "\r\n");
    const result = writeStatuses(crlf, [{ id: "saved-cards", to: "done" }]);
    expect(result.text).toBe(crlf.replace("# no status yet\r\n", "# no status yet\r\n    status: done\r\n"));
    expect(writeStatuses(MAP, []).text).toBe(MAP);
  });

  it("refuses a map that is not valid YAML rather than writing into it", () => {
    expect(() => writeStatuses("opportunities: [\n", [{ id: "a", to: "done" }])).toThrow(JourneymapError);
  });
});
