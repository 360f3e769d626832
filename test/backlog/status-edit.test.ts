// Statuses written back into a map's YAML: only the named opportunities' status changes or is added,
// comments and formatting stay byte for byte, and the result reads back with the new statuses.
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { writeOpportunityFields, writeStatuses } from "../../src/backlog/status-edit.js";
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

describe("writeStatuses on generated maps (property, yaml as the oracle)", () => {
  const STATUSES = ["idea", "planned", "in-progress", "done", "dropped"] as const;
  const entry = fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
    quoted: fc.boolean(),
    flow: fc.boolean(),
    comment: fc.option(fc.stringMatching(/^[ -~]{0,12}$/), { nil: undefined }),
  });
  const mapOf = (entries: { id: string; status?: string; quoted: boolean; flow: boolean; comment?: string }[]) =>
    [
      "journeymap: 1",
      "opportunities:",
      ...entries.map((e) => {
        const status = e.status === undefined ? undefined : e.quoted ? `"${e.status}"` : e.status;
        const comment = e.comment === undefined ? "" : ` # ${e.comment}`;
        if (e.flow) return `  - {id: ${e.id}${status ? `, status: ${status}` : ""}, title: T}${comment}`;
        return [
          `  - id: ${e.id}${comment}`,
          ...(status ? [`    status: ${status}${comment}`] : []),
          "    title: T",
        ].join("\n");
      }),
      "",
    ].join("\n");

  it("sets exactly the named statuses and keeps every other line", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom(...STATUSES),
        (entries, picks, to) => {
          const text = mapOf(entries);
          const named = [
            ...new Set(picks.filter(() => entries.length > 0).map((pick) => entries[pick % entries.length]!.id)),
          ];
          const result = writeStatuses(
            text,
            named.map((id) => ({ id, to })),
          );
          expect(result.applied.sort()).toEqual([...named].sort());
          const read = parse(result.text) as { opportunities: { id: string; status?: string }[] };
          expect((read.opportunities ?? []).map((o) => [o.id, o.status])).toEqual(
            entries.map((e) => [e.id, named.includes(e.id) ? to : e.status]),
          );
          // Everything but the statuses is kept: the texts are the same once every status is taken out.
          const withoutStatuses = (yaml: string) =>
            yaml.replace(/^ +status: .*\n/gm, "").replace(/, status: [^,}]+/g, "");
          expect(withoutStatuses(result.text)).toBe(withoutStatuses(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("writeOpportunityFields", () => {
  it("writes the issue's address beside the status, adds both after the id when missing, and skips a reference by id", () => {
    const text = `opportunities:
  - id: guest-checkout   # the big one
    title: Let guests check out
    issue: https://example.com/old   # moved
  - id: saved-cards
    title: Saved cards
  - { id: express-pay, title: Express pay }
  - id: saved-cards
`;
    const result = writeOpportunityFields(text, [
      { id: "guest-checkout", issue: "https://github.com/acme/shop/issues/1" },
      { id: "saved-cards", status: "done", issue: "https://github.com/acme/shop/issues/2" },
      { id: "express-pay", issue: "https://github.com/acme/shop/issues/3" },
    ]);
    expect(result.text).toBe(`opportunities:
  - id: guest-checkout   # the big one
    title: Let guests check out
    issue: https://github.com/acme/shop/issues/1   # moved
  - id: saved-cards
    status: done
    issue: https://github.com/acme/shop/issues/2
    title: Saved cards
  - { id: express-pay, issue: https://github.com/acme/shop/issues/3, title: Express pay }
  - id: saved-cards
`);
    const read = parse(result.text) as { opportunities: Record<string, string>[] };
    expect(read.opportunities[2]!.issue).toBe("https://github.com/acme/shop/issues/3");
  });

  it("quotes an address YAML would read otherwise", () => {
    const text = "opportunities:\n  - { id: a, title: A }\n";
    const url = "https://example.com/a,b#c d";
    const result = writeOpportunityFields(text, [{ id: "a", issue: url }]);
    expect((parse(result.text) as { opportunities: { issue: string }[] }).opportunities[0]!.issue).toBe(url);
  });
});
