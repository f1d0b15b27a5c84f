// Who lives in the demo world: shared/spec/demo-world.md as data. Names, ids, usernames, INSZ
// and roles are the contract; addresses, phone numbers and e-mail addresses are made up
// (example.* domains, unassigned-looking numbers).
//
// The two minors (Emma, 10, and Finn, 14) are born a fixed number of months before the seed day,
// half a year away from any birthday, so that their ages, and with them what the access rules
// for minors decide, are the same whenever the world is seeded. Their national numbers encode that
// birth date (demoIdentity), so they follow the seed day too; docs/demo-world.md says how.
import type { CaregiverProfession, RepresentationBasis, Role } from "@/lib/generated/prisma/enums";
import { buildInsz, inszBirthDate } from "@/lib/insz";
import { demoIds, demoUsernames, type DemoPatientKey, type DemoUserKey } from "./ids";
import { dateMonthsAgo } from "./time";

export interface DemoContact {
  email: string;
  phone: string;
  street?: string;
  postalCode?: string;
  city?: string;
}

/** A minor's national number follows from a birth date relative to the seed day. */
export interface BornMonthsAgo {
  bornMonthsAgo: number;
  /** The day's serial of the national number: odd for boys, even for girls. */
  inszSerial: number;
}

export interface DemoPersonDefinition {
  id: string;
  /** Null for a person without a login of their own (a child under 12). */
  username: string | null;
  honorific?: string;
  firstName: string;
  lastName: string;
  /** A fixed national number, or for a minor the birth it is derived from. */
  insz: string | BornMonthsAgo;
  role: Role;
  profession?: CaregiverProfession;
  rizivNumber?: string;
  contact: DemoContact;
}

export interface DemoPatientDefinition extends DemoPersonDefinition {
  role: "PATIENT";
  /** Care episode, in days before the seed's `today`. */
  careStartedDaysAgo: number;
  /** Null while care goes on. */
  careEndedDaysAgo: number | null;
  /** Days before `today` of the GIVEN consent event; null when never given. */
  consentGivenDaysAgo: number | null;
}

export const demoPatients = {
  an: {
    id: demoIds.patients.an,
    username: demoUsernames.an,
    firstName: "An",
    lastName: "Peeters",
    insz: "41031212410",
    role: "PATIENT",
    contact: {
      email: "an.peeters@example.be",
      phone: "015 20 41 12",
      street: "Kerkstraat 12",
      postalCode: "2800",
      city: "Mechelen",
    },
    careStartedDaysAgo: 240,
    careEndedDaysAgo: null,
    consentGivenDaysAgo: 235,
  },
  bart: {
    id: demoIds.patients.bart,
    username: demoUsernames.bart,
    firstName: "Bart",
    lastName: "Claes",
    insz: "50070205712",
    role: "PATIENT",
    contact: {
      email: "bart.claes@example.be",
      phone: "016 22 70 02",
      street: "Tiensesteenweg 88",
      postalCode: "3000",
      city: "Leuven",
    },
    careStartedDaysAgo: 75,
    careEndedDaysAgo: null,
    consentGivenDaysAgo: null,
  },
  chris: {
    id: demoIds.patients.chris,
    username: demoUsernames.chris,
    firstName: "Chris",
    lastName: "Janssens",
    insz: "38112321171",
    role: "PATIENT",
    contact: {
      email: "chris.janssens@example.be",
      phone: "09 225 11 23",
      street: "Overpoortstraat 5",
      postalCode: "9000",
      city: "Gent",
    },
    careStartedDaysAgo: 400,
    careEndedDaysAgo: 60,
    consentGivenDaysAgo: 395,
  },
  dina: {
    id: demoIds.patients.dina,
    username: demoUsernames.dina,
    firstName: "Dina",
    lastName: "Maes",
    insz: "45013008663",
    role: "PATIENT",
    contact: {
      email: "dina.maes@example.be",
      phone: "011 24 01 30",
      street: "Kapelstraat 27",
      postalCode: "3500",
      city: "Hasselt",
    },
    careStartedDaysAgo: 200,
    careEndedDaysAgo: 120,
    consentGivenDaysAgo: 198,
  },
  emma: {
    id: demoIds.patients.emma,
    // Under 12: no portal login of her own; her mother reads the file for her.
    username: null,
    firstName: "Emma",
    lastName: "Wouters",
    // 10 years and 6 months old on the seed day.
    insz: { bornMonthsAgo: 126, inszSerial: 2 },
    role: "PATIENT",
    contact: {
      email: "gezin.wouters@example.be",
      phone: "016 40 21 84",
      street: "Diestsesteenweg 141",
      postalCode: "3010",
      city: "Kessel-Lo",
    },
    careStartedDaysAgo: 90,
    careEndedDaysAgo: null,
    consentGivenDaysAgo: null,
  },
  finn: {
    id: demoIds.patients.finn,
    username: demoUsernames.finn,
    firstName: "Finn",
    lastName: "Wouters",
    // 14 years and 6 months old on the seed day.
    insz: { bornMonthsAgo: 174, inszSerial: 1 },
    role: "PATIENT",
    contact: {
      email: "finn.wouters@example.be",
      phone: "0476 40 21 14",
      street: "Diestsesteenweg 141",
      postalCode: "3010",
      city: "Kessel-Lo",
    },
    careStartedDaysAgo: 70,
    careEndedDaysAgo: null,
    consentGivenDaysAgo: null,
  },
} as const satisfies Record<DemoPatientKey, DemoPatientDefinition>;

export const demoUsers = {
  tom: {
    id: demoIds.users.tom,
    username: demoUsernames.tom,
    firstName: "Tom",
    lastName: "Peeters",
    insz: "68051416307",
    role: "TRUSTED_PERSON",
    contact: {
      email: "tom.peeters@example.be",
      phone: "0470 12 34 56",
      street: "Bruul 40",
      postalCode: "2800",
      city: "Mechelen",
    },
  },
  tina: {
    id: demoIds.users.tina,
    username: demoUsernames.tina,
    firstName: "Tina",
    lastName: "Claes",
    insz: "72090809477",
    role: "TRUSTED_PERSON",
    contact: {
      email: "tina.claes@example.be",
      phone: "0471 98 76 54",
      street: "Naamsestraat 14",
      postalCode: "3000",
      city: "Leuven",
    },
  },
  dirk: {
    id: demoIds.users.dirk,
    username: demoUsernames.dirk,
    honorific: "Dr.",
    firstName: "Dirk",
    lastName: "Smets",
    insz: "66021703381",
    role: "DOCTOR",
    profession: "GENERAL_PRACTITIONER",
    rizivNumber: "1-12345-67-001",
    contact: {
      email: "dirk.smets@huisartsen-demo.example",
      phone: "015 21 00 10",
      street: "Hoogstraat 3",
      postalCode: "2800",
      city: "Mechelen",
    },
  },
  eva: {
    id: demoIds.users.eva,
    username: demoUsernames.eva,
    honorific: "Dr.",
    firstName: "Eva",
    lastName: "Jacobs",
    insz: "79120104816",
    role: "DOCTOR",
    profession: "GENERAL_PRACTITIONER",
    rizivNumber: "1-23456-78-001",
    contact: {
      email: "eva.jacobs@huisartsen-demo.example",
      phone: "015 21 00 20",
      street: "Hoogstraat 3",
      postalCode: "2800",
      city: "Mechelen",
    },
  },
  frank: {
    id: demoIds.users.frank,
    username: demoUsernames.frank,
    honorific: "Dr.",
    firstName: "Frank",
    lastName: "Willems",
    insz: "70060614127",
    role: "DOCTOR",
    profession: "GENERAL_PRACTITIONER",
    rizivNumber: "1-34567-89-001",
    contact: {
      email: "frank.willems@praktijk-demo.example",
      phone: "03 230 06 14",
      street: "Meir 100",
      postalCode: "2000",
      city: "Antwerpen",
    },
  },
  gert: {
    id: demoIds.users.gert,
    username: demoUsernames.gert,
    honorific: "Dr.",
    firstName: "Gert",
    lastName: "Mertens",
    insz: "75040407946",
    role: "DOCTOR",
    profession: "GENERAL_PRACTITIONER",
    rizivNumber: "1-45678-90-001",
    contact: {
      email: "gert.mertens@huisartsen-demo.example",
      phone: "015 21 00 30",
      street: "Hoogstraat 3",
      postalCode: "2800",
      city: "Mechelen",
    },
  },
  nina: {
    id: demoIds.users.nina,
    username: demoUsernames.nina,
    firstName: "Nina",
    lastName: "De Smet",
    insz: "88081902053",
    role: "NURSE",
    contact: { email: "nina.desmet@thuiszorg-demo.example", phone: "0472 19 08 88" },
  },
  noah: {
    id: demoIds.users.noah,
    username: demoUsernames.noah,
    firstName: "Noah",
    lastName: "Peeters",
    insz: "95101015558",
    role: "NURSE",
    contact: { email: "noah.peeters@thuiszorg-demo.example", phone: "0473 10 10 95" },
  },
  carl: {
    id: demoIds.users.carl,
    username: demoUsernames.carl,
    firstName: "Carl",
    lastName: "Hermans",
    insz: "83030311111",
    role: "CAREGIVER",
    profession: "PHYSIOTHERAPIST",
    rizivNumber: "5-12345-67-001",
    contact: {
      email: "carl.hermans@kine-demo.example",
      phone: "015 33 03 83",
      street: "Adegemstraat 21",
      postalCode: "2800",
      city: "Mechelen",
    },
  },
  sara: {
    id: demoIds.users.sara,
    username: demoUsernames.sara,
    firstName: "Sara",
    lastName: "Lambrechts",
    insz: "90011504247",
    role: "SERVICE_CENTER",
    contact: { email: "sara.lambrechts@thuiszorg-demo.example", phone: "078 00 00 00" },
  },
  rita: {
    id: demoIds.users.rita,
    username: demoUsernames.rita,
    firstName: "Rita",
    lastName: "Wouters",
    insz: "84052108616",
    role: "LEGAL_REPRESENTATIVE",
    contact: {
      email: "rita.wouters@example.be",
      phone: "0476 21 05 84",
      street: "Diestsesteenweg 141",
      postalCode: "3010",
      city: "Kessel-Lo",
    },
  },
  kris: {
    id: demoIds.users.kris,
    username: demoUsernames.kris,
    firstName: "Kris",
    lastName: "Verhoeven",
    insz: "79110811721",
    role: "COORDINATOR",
    contact: { email: "kris.verhoeven@thuiszorg-demo.example", phone: "078 00 00 10" },
  },
  otto: {
    id: demoIds.users.otto,
    username: demoUsernames.otto,
    firstName: "Otto",
    lastName: "Vermeulen",
    insz: "71021723383",
    role: "PRIVACY_OFFICER",
    contact: { email: "otto.vermeulen@thuiszorg-demo.example", phone: "078 00 00 20" },
  },
} as const satisfies Record<DemoUserKey, DemoPersonDefinition>;

/** A demo person's national number and birth date on the seed day `today`. */
export function demoIdentity(person: DemoPersonDefinition, today: Date): { insz: string; birthDate: Date | null } {
  if (typeof person.insz === "string") return { insz: person.insz, birthDate: inszBirthDate(person.insz) };
  const birthDate = dateMonthsAgo(today, person.insz.bornMonthsAgo);
  return { insz: buildInsz(birthDate, person.insz.inszSerial), birthDate };
}

/** Days before `today` that each relation started; see seed.ts for how they are written. */
export const demoRelations = {
  /** Therapeutic relations (doctor or caregiver with a patient). */
  therapeutic: [
    { caregiver: "dirk", patient: "an", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 2000 },
    { caregiver: "dirk", patient: "bart", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 1500 },
    { caregiver: "dirk", patient: "chris", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 3000 },
    { caregiver: "dirk", patient: "dina", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 2500 },
    { caregiver: "eva", patient: "an", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 400 },
    { caregiver: "gert", patient: "an", kind: "GENERAL_PRACTITIONER", startedDaysAgo: 300 },
    { caregiver: "carl", patient: "an", kind: "PHYSIOTHERAPIST", startedDaysAgo: 90 },
  ],
  /** Trusted-person appointments; revokedDaysAgo is measured in 24-hour steps from `today`. */
  trustedPersons: [
    { trustedPerson: "tom", patient: "an", appointedDaysAgo: 230, revokedDaysAgo: null },
    { trustedPerson: "tina", patient: "bart", appointedDaysAgo: 70, revokedDaysAgo: 7 },
  ],
  exclusions: [{ patient: "an", excluded: "eva", createdDaysAgo: 30 }],
  /** Nina is the responsible nurse of every demo patient; Noah is in no care team. */
  careTeam: [
    { nurse: "nina", patient: "an", responsible: true },
    { nurse: "nina", patient: "bart", responsible: true },
    { nurse: "nina", patient: "chris", responsible: true },
    { nurse: "nina", patient: "dina", responsible: true },
    { nurse: "nina", patient: "emma", responsible: true },
    { nurse: "nina", patient: "finn", responsible: true },
  ],
  /**
   * Rita is the mother of Emma and Finn, recorded by the coordinator with their birth certificates
   * as proof; Finn (14) agreed that she reads his file.
   */
  legalRepresentatives: [
    {
      representative: "rita",
      patient: "emma",
      basis: "PARENT",
      proof: "Geboorteakte Emma Wouters, stad Leuven",
      minorAgreedDaysAgo: null,
    },
    {
      representative: "rita",
      patient: "finn",
      basis: "PARENT",
      proof: "Geboorteakte Finn Wouters, stad Leuven",
      minorAgreedDaysAgo: 35,
    },
  ],
  /** Accepted declaration version per account; everyone has the current one except Gert. */
  declarationVersionAccepted: {
    an: 4,
    bart: 4,
    chris: 4,
    dina: 4,
    tom: 4,
    tina: 4,
    dirk: 4,
    eva: 4,
    frank: 4,
    gert: 3,
    nina: 4,
    noah: 4,
    carl: 4,
    sara: 4,
    // No login of her own: she never accepted anything.
    emma: null,
    finn: 4,
    rita: 4,
    kris: 4,
    otto: 4,
  },
} as const satisfies {
  therapeutic: readonly {
    caregiver: DemoUserKey;
    patient: DemoPatientKey;
    kind: CaregiverProfession;
    startedDaysAgo: number;
  }[];
  trustedPersons: readonly {
    trustedPerson: DemoUserKey;
    patient: DemoPatientKey;
    appointedDaysAgo: number;
    revokedDaysAgo: number | null;
  }[];
  exclusions: readonly { patient: DemoPatientKey; excluded: DemoUserKey; createdDaysAgo: number }[];
  careTeam: readonly { nurse: DemoUserKey; patient: DemoPatientKey; responsible: boolean }[];
  legalRepresentatives: readonly {
    representative: DemoUserKey;
    patient: DemoPatientKey;
    basis: RepresentationBasis;
    proof: string;
    /** Days before `today` that a minor of 12 to 15 agreed to this representative reading the file. */
    minorAgreedDaysAgo: number | null;
  }[];
  declarationVersionAccepted: Record<DemoPatientKey | DemoUserKey, number | null>;
};
