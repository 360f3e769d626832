// Maps of about 1 MB aimed at render --page: shapes that make many pages, a header taller than a page and
// a lane taller than a page. Each is valid, so the page splitter (not the schema) has to deal with it.

const q = (text: string) => JSON.stringify(text);
const header = (personas: string) => `journeymap: 1\ntitle: Print ${"x".repeat(20)}\npersonas:\n${personas}\nstages:\n`;
const onePersona = "  - {id: p, name: P}";

export const printMaps: Record<string, () => string> = {
  // One stage of 25,000 touchpoints: as wide as a map gets, thousands of pages at any paper size.
  "one giant stage": () =>
    `${header(onePersona)}  - id: s\n    name: Everything\n    touchpoints:\n${Array.from(
      { length: 25_000 },
      (_, t) => `      - {name: Touchpoint ${String(t).padStart(5, "0")}, emotion: ${1 + (t % 5)}}`,
    ).join("\n")}\n`,
  // 5,000 stages of a touchpoint each: 800 A4 pages.
  "5,000 stages": () =>
    `${header(onePersona)}${Array.from(
      { length: 5_000 },
      (_, s) =>
        `  - id: s${s}\n    name: ${q(`Stage ${s} ${"of a journey ".repeat(6)}`)}\n    touchpoints: [{name: ${q(`Touchpoint ${s} ${"in a stage ".repeat(5)}`)}, emotion: 3}]`,
    ).join("\n")}\n`,
  // 3,000 personas with descriptions: a header of a thousand rows of cards, on pages a few rows tall.
  "a crowd of personas": () =>
    `${header(
      Array.from(
        { length: 3_000 },
        (_, p) => `  - {id: p${p}, name: ${q(`Persona ${p}`)}, description: ${q("lives a long story ".repeat(15))}}`,
      ).join("\n"),
    )}  - id: s\n    name: S\n    touchpoints: [{name: T, emotion: 3}, {name: U, emotion: 4}]\n`,
  // One touchpoint with 2,000 long pain points: a lane hundreds of pages tall.
  "a lane taller than a page": () =>
    `${header(onePersona)}  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        painPoints:\n${Array.from(
      { length: 2_000 },
      (_, i) => `          - ${q(`Pain ${i} ${"hurts a lot ".repeat(40)}`)}`,
    ).join("\n")}\n`,
};
