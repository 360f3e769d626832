// The starter map that `journeymap init` writes: every section of the format, clean under validate and lint.

export function starterMap(schemaReference: string): string {
  return `# yaml-language-server: $schema=${schemaReference}
# A customer journey map as code. Edit it, then run:
#   npx journeymap validate <this file>   (format)      npx journeymap lint <this file>   (gaps)
#   npx journeymap render <this file> --format markdown
journeymap: 1
title: First purchase on our web shop
description: A new customer finds the shop, buys for the first time, and comes back.
owner: cx

personas:
  - id: newcomer
    name: Sam, first-time buyer
    description: Found us through a search; has never bought from us
    goals: [Find the right product quickly, Pay without surprises]
    frustrations: [Hidden shipping costs]

teams:
  - id: marketing
    name: Marketing
  - id: web
    name: Web team
  - id: support
    name: Customer support

stages:
  - id: awareness
    name: Awareness
    touchpoints:
      - name: Sees a search ad
        channel: search
        owner: marketing
        emotion: 3
        actions: [Clicks the ad]
  - id: consideration
    name: Consideration
    touchpoints:
      - name: Compares products
        channel: web
        owner: web
        emotion: 4
        thoughts: ["Which one fits me?"]
  - id: decision
    name: Decision
    touchpoints:
      - name: Checks out
        channel: web
        owner: web
        emotion: 2
        painPoints: [Shipping cost appears only at the last step]
        opportunities: [Show shipping cost on the product page]
  - id: retention
    name: Retention
    touchpoints:
      - name: Receives the order
        channel: delivery
        owner: support
        emotion: 4
        metrics: {on-time-rate: 0.94}
  - id: advocacy
    name: Advocacy
    touchpoints:
      - name: Recommends the shop to a friend
        channel: word of mouth
        owner: marketing
        emotion: 5
`;
}
