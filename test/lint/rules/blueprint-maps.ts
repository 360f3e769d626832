// What the blueprint rules' cases share: a well-formed service blueprint (customer actions served by the
// front desk, served by the back office and the systems below; a fail point with an owner and an
// opportunity; evidence where the customer acts), on which none of them finds anything.
import { yaml } from "../rule-tester.js";

export const WELL_FORMED_BLUEPRINT = yaml`
  journeymap: 1
  title: Hotel check-in
  type: blueprint
  personas: [{id: guest, name: Guest}]
  teams: [{id: front-office}]
  lanes:
    - {id: customer, label: Guest, layer: customer}
    - {id: frontstage, label: Front desk, layer: frontstage}
    - {id: backstage, label: Back office, layer: backstage}
    - {id: systems, label: Systems, layer: support}
  stages:
    - id: arrival
      name: Arrival
      touchpoints:
        - name: Checks in
          owner: front-office
          actions: [Gives name and passport]
          evidence: [Lobby, Key card]
          opportunities:
            - {id: live-room-status, title: Live room status}
          lanes:
            customer: [{id: ask, text: Asks for the room, servedBy: [greet]}]
            frontstage: [{id: greet, text: Greets, servedBy: [lookup, pms]}]
            backstage:
              - id: lookup
                text: Looks up the booking
                servedBy: [pms]
                fail: {risk: Booking not found, owner: front-office, opportunity: live-room-status}
            systems: [{id: pms, text: PMS}]
        - name: Sleeps
`;
