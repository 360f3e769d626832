// fail-point-unowned: in a blueprint, a fail point with no owner or no opportunity (at `fail`), an owner
// that is no declared team or an opportunity id that no opportunity object of the map has (at the value).
import { testRule, yaml } from "../rule-tester.js";
import { WELL_FORMED_BLUEPRINT } from "./blueprint-maps.js";

testRule("fail-point-unowned", {
  valid: [
    {
      name: "a well-formed blueprint",
      code: WELL_FORMED_BLUEPRINT,
    },
    {
      name: "the same fail points in a journey map",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        teams: [{id: front-office}, {id: digital}]
        lanes:
          - {id: backstage, label: Back office, layer: backstage}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                owner: front-office
                opportunities:
                  - Faster queue
                  - {id: live-room-status, title: Live room status}
                lanes:
                  backstage:
                    - id: lookup
                      text: Looks up the booking
                      fail: {risk: Booking not found}
                    - id: assign
                      text: Assigns a room
                      fail: {owner: front-ofice, opportunity: live-room-staus}
                    - id: key
                      text: Codes the key card
                      fail: {risk: Card not coded, owner: legal, opportunity: new-encoder}
                    - id: bill
                      text: Opens the bill
                      fail: {risk: Wrong rate, owner: digital, opportunity: live-room-status}
      `,
    },
  ],
  invalid: [
    {
      name: "missing, misspelt and unknown owners and opportunities",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        teams: [{id: front-office}, {id: digital}]
        lanes:
          - {id: backstage, label: Back office, layer: backstage}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                owner: front-office
                opportunities:
                  - Faster queue
                  - {id: live-room-status, title: Live room status}
                lanes:
                  backstage:
                    - id: lookup
                      text: Looks up the booking
                      fail: {risk: Booking not found}
                    - id: assign
                      text: Assigns a room
                      fail: {owner: front-ofice, opportunity: live-room-staus}
                    - id: key
                      text: Codes the key card
                      fail: {risk: Card not coded, owner: legal, opportunity: new-encoder}
                    - id: bill
                      text: Opens the bill
                      fail: {risk: Wrong rate, owner: digital, opportunity: live-room-status}
      `,
      errors: [
        {
          line: 21,
          column: 15,
          endLine: 21,
          endColumn: 19,
          message:
            'the fail point "Booking not found" of backstage action "Looks up the booking" of touchpoint "Checks in" has no owner: add "owner: <team>" under fail, the team that must prevent it',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:lookup fail:owner",
        },
        {
          line: 21,
          column: 15,
          endLine: 21,
          endColumn: 19,
          message:
            'the fail point "Booking not found" of backstage action "Looks up the booking" of touchpoint "Checks in" has no opportunity: add "opportunity: <id>" under fail, naming the opportunity that would prevent it',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:lookup fail:opportunity",
        },
        {
          line: 24,
          column: 29,
          endLine: 24,
          endColumn: 40,
          message:
            'owner "front-ofice" of the fail point of backstage action "Assigns a room" of touchpoint "Checks in" is not a declared team: did you mean "front-office"?',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:assign fail:owner",
        },
        {
          line: 24,
          column: 55,
          endLine: 24,
          endColumn: 70,
          message:
            'the fail point of backstage action "Assigns a room" of touchpoint "Checks in" names opportunity "live-room-staus", which no opportunity of the map has as id: did you mean "live-room-status"?',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:assign fail:opportunity",
        },
        {
          line: 27,
          column: 51,
          endLine: 27,
          endColumn: 56,
          message:
            'owner "legal" of the fail point "Card not coded" of backstage action "Codes the key card" of touchpoint "Checks in" is not a declared team: use one of front-office and digital, or add it to teams',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:key fail:owner",
        },
        {
          line: 27,
          column: 71,
          endLine: 27,
          endColumn: 82,
          message:
            'the fail point "Card not coded" of backstage action "Codes the key card" of touchpoint "Checks in" names opportunity "new-encoder", which no opportunity of the map has as id: use one of live-room-status, or give the opportunity that prevents it "id: new-encoder"',
          subject: "touchpoint:arrival/Checks in lane:backstage entry:key fail:opportunity",
        },
      ],
    },
  ],
});
