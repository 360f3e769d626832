// The aggregation catalog is the schema's list of aggregations, and each gives the value users expect.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGGREGATION_NAMES, aggregations, emptyTally, tallyAnswer } from "../../src/data/aggregations.js";

describe("the aggregation catalog", () => {
  it("names exactly the aggregations the schema allows", () => {
    const schema = JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")) as {
      definitions: { sourceMetric: { properties: { aggregate: { enum: string[] } } } };
    };
    expect(schema.definitions.sourceMetric.properties.aggregate.enum).toEqual(AGGREGATION_NAMES);
  });

  it("computes NPS and CSAT as their definitions say", () => {
    const nps = emptyTally();
    for (const answer of [10, 9, 8, 7, 6, 0]) tallyAnswer(nps, answer);
    expect(aggregations.nps.result(nps)).toBe(0); // 2 promoters, 2 detractors of 6
    const csat = emptyTally();
    for (const answer of [5, 4, 3]) tallyAnswer(csat, answer);
    expect(aggregations.csat.result(csat)).toBe(66.7);
  });
});
