// The day tests check the examples' dates as of: their maps were last reviewed by then and no tracked
// work was due, so a test that lints an example (whose review-overdue and opportunity-overdue findings
// depend on the day) says the same on any machine's clock. Only the data example's metric values (of
// 2025-01-31) are stale on it, as on every day since 2025-05-02. test/docs/examples-day.test.ts moves
// the clock, and lists the first day each example warns without --as-of (FIRST_WARNINGS).
export const EXAMPLES_AS_OF = "2026-12-01";
