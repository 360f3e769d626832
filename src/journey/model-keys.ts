// Every key of every model type, and whether it is required, written so that the compiler rejects
// any drift from model.ts (a touchpoint's and a stage's read from the field registry, fields.ts);
// test/journey/model.test.ts compares these lists with the JSON Schema.
import { STAGE_FIELDS, TOUCHPOINT_FIELDS } from "./fields.js";
import type { JourneyDocument, Persona, Stage, Team, Touchpoint } from "./model.js";

type Keys<T> = Exclude<keyof T, `x-${string}`>;
// `{}` is the point here: a key is optional exactly when an empty object is assignable to Pick<T, K>.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type IsRequired<T, K extends keyof T> = {} extends Pick<T, K> ? false : true;
/** For each key of T: true when required, false when optional. The compiler checks both the keys and the flags. */
type KeyTable<T> = { [K in Keys<T>]-?: IsRequired<T, K> };

export const MODEL_KEYS: {
  journey: KeyTable<JourneyDocument>;
  persona: KeyTable<Persona>;
  team: KeyTable<Team>;
  stage: KeyTable<Stage>;
  touchpoint: KeyTable<Touchpoint>;
} = {
  journey: {
    journeymap: true,
    id: false,
    title: true,
    description: false,
    owner: false,
    type: false,
    status: false,
    reviewed: false,
    tags: false,
    personas: false,
    teams: false,
    metrics: false,
    lanes: false,
    sources: false,
    stages: true,
  },
  persona: { id: true, name: true, description: false, goals: false, frustrations: false, color: false },
  team: { id: true, name: false, description: false },
  stage: requiredFlags(STAGE_FIELDS),
  touchpoint: requiredFlags(TOUCHPOINT_FIELDS),
};

/** Each field's `required` flag, keyed by field: the registry's type carries the flags model.ts gives. */
function requiredFlags<R extends Record<string, { required: boolean }>>(
  fields: R,
): { [K in keyof R]: R[K]["required"] } {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.required])) as {
    [K in keyof R]: R[K]["required"];
  };
}
