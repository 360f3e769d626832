// The day tests check the examples' dates as of: their maps were last reviewed by then and no tracked
// work was due, so a test that lints an example (whose review-overdue and opportunity-overdue findings
// depend on the day) says the same on any machine's clock. test/docs/examples-day.test.ts moves the clock.
export const EXAMPLES_AS_OF = "2026-12-01";
