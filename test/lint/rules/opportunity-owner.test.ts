// opportunity-owner: an opportunity written with its title and no owner (unless done or dropped), or
// an owner outside the declared teams; an id named alone is not checked here.
import { describe, expect, it } from "vitest";
import { lintOnly, OPPORTUNITY_HEAD } from "./opportunity-helpers.js";

describe("opportunity-owner", () => {
  it("reports a missing owner at the opportunity, and an undeclared one at its value with a suggestion", () => {
    const code = `${OPPORTUNITY_HEAD}        opportunities:
          - {id: next-free-slot, title: Show the next free slot}
          - {id: pool, title: Pool orders, owner: apps}
          - {id: wallet, title: Wallet, owner: payments}
          - {id: old, title: Old idea, status: dropped}
          - id: named-elsewhere
          - Plain text
`;
    expect(lintOnly("opportunity-owner", code)).toEqual([
      {
        line: 11,
        column: 13,
        message:
          'opportunity "next-free-slot" at touchpoint "Picks a slot" has no owner: add "owner: <team>" naming the team that carries the work',
        subject: "touchpoint:decision/Picks a slot:opportunity:next-free-slot",
      },
      {
        line: 12,
        column: 51,
        message:
          'owner "apps" of opportunity "pool" at touchpoint "Picks a slot" is not a declared team: did you mean "app"?',
        subject: "touchpoint:decision/Picks a slot:opportunity:pool",
      },
      {
        line: 13,
        column: 48,
        message:
          'owner "payments" of opportunity "wallet" at touchpoint "Picks a slot" is not a declared team: use one of app and ops, or add it to teams',
        subject: "touchpoint:decision/Picks a slot:opportunity:wallet",
      },
    ]);
  });

  it("accepts any owner when the map declares no teams", () => {
    const code = `${OPPORTUNITY_HEAD.replace("teams: [{id: app}, {id: ops}]\n", "")}        opportunities:
          - {id: wallet, title: Wallet, owner: payments}
`;
    expect(lintOnly("opportunity-owner", code)).toEqual([]);
  });
});
