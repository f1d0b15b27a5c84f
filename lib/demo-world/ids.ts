// The stable ids and usernames of the demo world (shared/spec/demo-world.md). Tests, end-to-end
// checks and benchmarks refer to people through these constants, never through string literals.

export const demoIds = {
  patients: {
    an: "pat-an",
    bart: "pat-bart",
    chris: "pat-chris",
    dina: "pat-dina",
    // Added with the roles they introduce (ADR 0019): a child under 12 and a minor of 14.
    emma: "pat-emma",
    finn: "pat-finn",
  },
  users: {
    tom: "usr-tom",
    tina: "usr-tina",
    dirk: "usr-dirk",
    eva: "usr-eva",
    frank: "usr-frank",
    gert: "usr-gert",
    nina: "usr-nina",
    noah: "usr-noah",
    carl: "usr-carl",
    sara: "usr-sara",
    rita: "usr-rita",
    kris: "usr-kris",
    otto: "usr-otto",
  },
} as const;

export const demoUsernames = {
  an: "p.an",
  bart: "p.bart",
  chris: "p.chris",
  dina: "p.dina",
  tom: "t.tom",
  tina: "t.tina",
  dirk: "d.dirk",
  eva: "d.eva",
  frank: "d.frank",
  gert: "d.gert",
  nina: "n.nina",
  noah: "n.noah",
  carl: "c.carl",
  sara: "s.sara",
  // Emma is 10: a child under 12 has no login of its own.
  finn: "p.finn",
  rita: "r.rita",
  kris: "k.kris",
  otto: "o.otto",
} as const;

/** Every demo account's password (demo login only). */
export const DEMO_PASSWORD = "demo";

export type DemoPatientKey = keyof typeof demoIds.patients;
export type DemoUserKey = keyof typeof demoIds.users;
export type DemoPersonKey = DemoPatientKey | DemoUserKey;

export const demoPatientKeys = Object.keys(demoIds.patients) as DemoPatientKey[];
export const demoUserKeys = Object.keys(demoIds.users) as DemoUserKey[];

export function demoPersonId(key: DemoPersonKey): string {
  return key in demoIds.patients ? demoIds.patients[key as DemoPatientKey] : demoIds.users[key as DemoUserKey];
}
