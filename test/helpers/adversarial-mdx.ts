// Map text that Docusaurus's MDX would compile as JSX, JavaScript or an expression, and a small hostile
// repository of it (a map and the map it details) for the Docusaurus build test: each text must build
// and be shown as written.

/** Texts that MDX reads as code or markup: braces (expressions), "<" (JSX, autolinks, comments),
 * import/export lines (ES modules), and what VitePress, Liquid and the page's own HTML would act on. */
export const MDX_HOSTILE = {
  rootTitle: "Root {props.x} {1+1} <Tabs> </div> </script><script>window.pwned=1</script>",
  rootDescription: "import fs from 'node:fs'",
  personaDescription: "export const pwned = (window.pwned = 2)",
  persona: "{{ 7 * 191 }} <!-- comment -->",
  stage: "S {/* hidden */} <details open>",
  stageDescription: "export default function Page() { return null }",
  touchpoint: "a < b > c { and } <https://example.com/x> <b>bold</b>",
  pain: "{window.pwned = 3} <img src=x onerror=alert(1)>",
  opportunity: "$x$ `code` {.evil onclick=alert(4)} \\{ backslash",
  childTitle: "Child <Foo bar={1} /> {'{'}",
  childTouchpoint: "import('./x') {` template `} <>fragment</>",
} as const;

/** Tags that become Docusaurus tag pages (front matter): paths, case twins, braces, nothing left after slugging. */
export const MDX_TAGS = [
  "..",
  "/",
  "a/b",
  "Grocery",
  "grocery",
  "{{ x }}",
  "<script>",
  "%",
  "?",
  "#",
  "🙂",
  "x".repeat(300),
];

const q = (value: string) => JSON.stringify(value);

/** The hostile repository: file name (relative to its folder) → map text. */
export function mdxHostileMaps(): Record<string, string> {
  const text = MDX_HOSTILE;
  return {
    "root.journey.yaml": `journeymap: 1
id: root
title: ${q(text.rootTitle)}
description: ${q(text.rootDescription)}
tags: [${MDX_TAGS.map(q).join(", ")}]
personas:
  - id: p
    name: ${q(text.persona)}
    description: ${q(text.personaDescription)}
stages:
  - id: s
    name: ${q(text.stage)}
    description: ${q(text.stageDescription)}
    details: child
    touchpoints:
      - name: ${q(text.touchpoint)}
        emotion: 2
        painPoints: [${q(text.pain)}]
        opportunities: [${q(text.opportunity)}]
`,
    // A number prefix, which Docusaurus drops from the route: the root picture's link must drop it too.
    "01-child.journey.yaml": `journeymap: 1
id: child
title: ${q(text.childTitle)}
personas:
  - id: p
    name: ${q(text.persona)}
stages:
  - id: s
    name: Only stage
    touchpoints:
      - name: ${q(text.childTouchpoint)}
        emotion: 4
`,
  };
}
