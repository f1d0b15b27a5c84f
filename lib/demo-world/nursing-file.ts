// The content of each demo patient's nursing file: care plan, nursing notes, vital parameters,
// wound care, medication schedule, visits, social and financial-administrative data.
// Pure and deterministic: the same `today` gives the same rows (seeded PRNG, fixed ids), so the
// seed is idempotent and the tests can count what it writes.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DemoPatientKey } from "./ids";
import { demoPatients, demoUsers } from "./people";
import { seededRandom, type Random } from "./random";
import { addDays, atTime, dateDaysAgo } from "./time";

/** Days of notes and measurements per patient, ending yesterday (active care) or on the last day of care. */
export const HISTORY_DAYS = 45;
/** Visits the planning shows before and after the reference day. */
export const VISITS_DONE_DAYS = 7;
export const VISITS_PLANNED_DAYS = 7;

export interface NursingFileRows {
  carePlanItems: Prisma.CarePlanItemCreateManyInput[];
  nursingNotes: Prisma.NursingNoteCreateManyInput[];
  vitalSigns: Prisma.VitalSignCreateManyInput[];
  woundCareEntries: Prisma.WoundCareEntryCreateManyInput[];
  medicationSchedule: Prisma.MedicationScheduleItemCreateManyInput[];
  plannedVisits: Prisma.PlannedVisitCreateManyInput[];
  socialData: Prisma.SocialDataCreateManyInput;
  financialData: Prisma.FinancialAdministrativeDataCreateManyInput;
}

const NURSE_ID = demoUsers.nina.id;
const GP_NAME = `dr. ${demoUsers.dirk.firstName} ${demoUsers.dirk.lastName}`;

type VitalType = Prisma.VitalSignCreateManyInput["type"];

const UNITS: Record<VitalType, string> = {
  BLOOD_PRESSURE: "mm[Hg]",
  PULSE: "/min",
  TEMPERATURE: "Cel",
  GLUCOSE: "mmol/L",
  WEIGHT: "kg",
  PAIN_SCORE: "{score}",
  OXYGEN_SATURATION: "%",
};

const DECIMALS: Record<VitalType, number> = {
  BLOOD_PRESSURE: 0,
  PULSE: 0,
  TEMPERATURE: 1,
  GLUCOSE: 1,
  WEIGHT: 1,
  PAIN_SCORE: 0,
  OXYGEN_SATURATION: 0,
};

/** One day of care in the history: index 0 is the oldest day, `last` the most recent. */
interface CareDay {
  index: number;
  day: Date;
  /** Fraction of the history done, 0 at the oldest day and 1 at the most recent. */
  progress: number;
  last: boolean;
}

/** The measurements of one morning visit, also quoted in that day's note. */
interface DayVitals {
  systolic: number;
  diastolic: number;
  pulse: number;
  temperature?: number;
  glucose?: number;
  weight?: number;
  pain?: number;
  oxygen?: number;
}

interface PatientProfile {
  /** Morning visit time (UTC hour, minute). */
  visitTime: [number, number];
  /** A second daily visit (insulin in the evening), if any. */
  eveningVisitTime?: [number, number];
  vitals(day: CareDay, random: Random): DayVitals;
  note(day: CareDay, vitals: DayVitals, random: Random): { kind: "OBSERVATION" | "ASSESSMENT"; text: string };
  /** A note about contact with the GP, pharmacist or family, on some days. */
  communication?(day: CareDay, random: Random): string | null;
  wound?(day: CareDay, random: Random): { location: string; description: string; treatment: string } | null;
  carePlan(start: Date, end: Date | null): Omit<Prisma.CarePlanItemCreateManyInput, "id" | "patientId" | "authorId">[];
  medication(start: Date, end: Date | null): Omit<Prisma.MedicationScheduleItemCreateManyInput, "id" | "patientId">[];
  visitPurpose(random: Random, evening: boolean): string;
  social: Omit<Prisma.SocialDataCreateManyInput, "patientId">;
  financial: Omit<Prisma.FinancialAdministrativeDataCreateManyInput, "patientId">;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
/** A number as a Dutch text writes it: decimal comma. */
const nl = (value: number | undefined, decimals: number) => (value ?? 0).toFixed(decimals).replace(".", ",");
const lerp = (from: number, to: number, progress: number) => from + (to - from) * progress;

// ---------------------------------------------------------------------------------------------
// An Peeters: 85, type 2 diabetes on insulin, venous leg ulcer right lower leg, lives alone.
// ---------------------------------------------------------------------------------------------

const an: PatientProfile = {
  visitTime: [7, 30],
  eveningVisitTime: [17, 30],
  vitals(day, random) {
    const highGlucoseDay = day.index % 9 === 4;
    return {
      systolic: Math.round(lerp(142, 134, day.progress) + random.between(-7, 7)),
      diastolic: Math.round(78 + random.between(-5, 5)),
      pulse: Math.round(74 + random.between(-6, 6)),
      glucose: round(highGlucoseDay ? random.between(10.5, 12.8) : random.between(6.1, 9.2), 1),
      temperature: day.index % 3 === 0 ? round(random.between(36.3, 37.1), 1) : undefined,
      weight: day.index % 7 === 0 ? round(lerp(68.4, 67.6, day.progress) + random.between(-0.3, 0.3), 1) : undefined,
      pain: Math.max(0, Math.round(lerp(4, 1.5, day.progress) + random.between(-1, 1))),
    };
  },
  note(day, vitals, random) {
    if (day.index % 7 === 3) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie.",
          `Ulcus rechteronderbeen evolueert ${day.progress > 0.5 ? "gunstig: duidelijk meer granulatieweefsel, oppervlakte afgenomen" : "traag maar gunstig; fibrine neemt af"}.`,
          `Glycemies deze week tussen 6 en ${vitals.glucose && vitals.glucose > 10 ? "12" : "9"} mmol/L, geen hypo's.`,
          random.pick([
            "Valrisico blijft verhoogd (Morse 55): rollator binnenshuis, nachtlampje in de gang.",
            "Katz-schaal ongewijzigd: hulp nodig bij wassen onderlichaam en aantrekken steunkousen.",
            "Huid op stuit en hielen intact, Braden 17. Wisselhouding in zetel besproken.",
          ]),
        ].join(" "),
      };
    }
    const parts = [
      `Ochtendbezoek. Glycemie nuchter ${nl(vitals.glucose, 1)} mmol/L, ${vitals.glucose && vitals.glucose > 10 ? "22" : "20"} E insuline (Mixtard 30) subcutaan toegediend in de buik ${random.pick(["links", "rechts"])}.`,
      vitals.glucose && vitals.glucose > 10
        ? random.pick([
            "Hogere waarde: volgens mevrouw gisteren taart gegeten op een verjaardag; dieetadvies herhaald.",
            "Hogere waarde, geen duidelijke oorzaak; geen klachten van dorst of infectie. Morgen opnieuw controleren.",
            "Hogere waarde; mevrouw had gisteravond de insuline een uur later gekregen. Opvolgen.",
          ])
        : random.pick(["Ontbijt genomen.", "Mevrouw had al ontbeten: boterham met kaas en koffie.", "Eetlust goed."]),
      day.index % 2 === 0
        ? "Wonde rechteronderbeen verzorgd, zie wondzorg."
        : "Compressieverband zit goed, geen afzakken, tenen warm en roze.",
      random.pick([
        "Hulp bij wassen aan de lavabo, rug en benen gewassen, huid ingesmeerd.",
        "Douchebeurt met hulp, haar gewassen. Huid droog, ingesmeerd met hydraterende crème.",
        "Wassen aan de lavabo grotendeels zelfstandig, hulp bij de voeten.",
      ]),
      random.pick([
        "Mevrouw is opgewekt, vertelt over het bezoek van haar kleinkinderen.",
        "Mevrouw is wat moe, heeft slecht geslapen door pijn aan het been.",
        "Stemming goed. Ze kijkt uit naar de kinesitherapie morgen.",
        "Mevrouw oogt wat somber; even tijd genomen voor een gesprek.",
        "Helder en goedgezind.",
      ]),
      random.pick([
        "Stapt met rollator naar de keuken, stabiel.",
        "Transfers zelfstandig, loopt met rollator.",
        "Trap met hulp van de traplift; geen valincidenten.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return day.index < 20
      ? `Telefonisch contact met ${GP_NAME} over de glycemies: insulineschema ongewijzigd, opvolgen.`
      : "Zoon Tom gebeld: nieuwe voorraad steunkousen en wondverband geregeld via de apotheek.";
  },
  wound(day, random) {
    if (day.index % 2 !== 0) return null;
    const length = lerp(4.2, 2.1, day.progress);
    const width = lerp(3.1, 1.4, day.progress);
    const granulation = Math.round(lerp(60, 90, day.progress) / 5) * 5;
    return {
      location: "Rechteronderbeen, mediale zijde boven de enkel",
      description: `Veneus ulcus ${nl(length, 1)} x ${nl(width, 1)} cm. Wondbed ${granulation}% granulatieweefsel, ${100 - granulation}% fibrine. ${random.pick(["Matig exsudaat, sereus.", "Weinig exsudaat.", "Matig exsudaat, geen geur."])} Wondranden ${random.pick(["licht gemacereerd", "rustig", "rustig, epithelialisatie aan de rand"])}.`,
      treatment:
        "Gereinigd met fysiologisch water, alginaatverband, absorberend secundair verband; compressiezwachtel korte rek van tenen tot onder de knie.",
    };
  },
  carePlan: (start) => [
    {
      title: "Wondzorg veneus ulcus rechteronderbeen",
      description:
        "Wonde reinigen, alginaat en absorberend verband, compressietherapie. Wondevolutie meten en fotograferen elke week.",
      frequency: "Om de 2 dagen",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Diabetes type 2: insulinetherapie",
      description:
        "Glycemie nuchter meten, insuline toedienen volgens schema, voeten controleren. Bij glycemie < 4 of > 15 mmol/L huisarts verwittigen.",
      frequency: "2 x per dag",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Hulp bij persoonlijke hygiëne",
      description: "Hulp bij wassen van rug, benen en voeten; huid inspecteren en hydrateren.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Valpreventie",
      description: "Rollator binnenshuis, obstakels wegnemen, nachtverlichting. Valrisico maandelijks evalueren.",
      frequency: "Maandelijks evalueren",
      status: "ACTIVE",
      startDate: addDays(start, 30),
    },
  ],
  medication: (start) => [
    {
      medication: "Insuline Mixtard 30",
      dose: "20 E (volgens schema)",
      route: "subcutaan",
      times: ["08:00", "18:00"],
      instructions: "Vóór de maaltijd. Injectieplaats afwisselen.",
      prescriber: GP_NAME,
      startDate: start,
    },
    {
      medication: "Metformine 850 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00", "18:00"],
      instructions: "Tijdens de maaltijd.",
      prescriber: GP_NAME,
      startDate: start,
    },
    {
      medication: "Bisoprolol 2,5 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00"],
      prescriber: GP_NAME,
      startDate: start,
    },
    {
      medication: "Paracetamol 1 g",
      dose: "1 tablet",
      route: "oraal",
      times: [],
      instructions: "Bij pijn, maximaal 3 x per dag, minstens 6 uur tussen twee innames.",
      prescriber: GP_NAME,
      startDate: start,
    },
  ],
  visitPurpose: (random, evening) =>
    evening
      ? "Insuline en glycemie (avond)"
      : random.pick(["Insuline, hygiëne en wondzorg", "Insuline en hygiëne", "Insuline, hygiëne en compressie"]),
  social: {
    livingSituation: "Woont alleen in een rijwoning; slaapkamer boven, traplift aanwezig.",
    informalCarers:
      "Zoon Tom Peeters (vertrouwenspersoon) komt drie keer per week langs en belt dagelijks. Buurvrouw doet boodschappen.",
    homeAccess: "Sleutelkluisje naast de voordeur; code gekend bij het zorgteam.",
    languages: ["nl"],
    notes: "Warme maaltijden via het OCMW (maaltijdbedeling op weekdagen).",
  },
  financial: {
    insuranceFund: "CM (Christelijke Mutualiteit)",
    insuranceNumber: "1000412-31",
    thirdPartyPayment: true,
    increasedAllowance: true,
    billingAddress: "Kerkstraat 12, 2800 Mechelen",
  },
};

// ---------------------------------------------------------------------------------------------
// Bart Claes: 76, recovering from a left hip replacement, hypertension, lives with his wife.
// ---------------------------------------------------------------------------------------------

const bart: PatientProfile = {
  visitTime: [8, 0],
  vitals(day, random) {
    return {
      systolic: Math.round(lerp(152, 138, day.progress) + random.between(-8, 8)),
      diastolic: Math.round(lerp(90, 83, day.progress) + random.between(-5, 5)),
      pulse: Math.round(70 + random.between(-7, 7)),
      temperature: day.index % 3 === 1 ? round(random.between(36.4, 37.2), 1) : undefined,
      weight: day.index % 7 === 1 ? round(84.5 + random.between(-0.4, 0.4), 1) : undefined,
      pain: Math.max(0, Math.round(lerp(5, 2, day.progress) + random.between(-1, 1))),
    };
  },
  note(day, vitals, random) {
    if (day.index % 7 === 2) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie na heupprothese links.",
          `Pijn gemiddeld ${vitals.pain}/10, ${day.progress > 0.5 ? "loopt binnen zonder rollator, buiten nog met één kruk" : "stapt met rollator, korte afstanden"}.`,
          `Bloeddruk ${day.progress > 0.5 ? "onder controle onder amlodipine" : "nog wat hoog, opvolgen"}.`,
          random.pick([
            "Heupvoorzorgen gekend en toegepast: geen diepe stoel, verhoogde toiletzit.",
            "Zelfzorg neemt toe: wast zich grotendeels zelf, hulp bij voeten en steunkousen.",
          ]),
        ].join(" "),
      };
    }
    const parts = [
      `Bloeddruk ${vitals.systolic}/${vitals.diastolic} mmHg, pols ${vitals.pulse}/min.`,
      `Pijnscore ${vitals.pain}/10${vitals.pain !== undefined && vitals.pain >= 4 ? ", paracetamol genomen om 7 uur" : ""}.`,
      random.pick([
        "Hulp bij wassen onderlichaam en aantrekken steunkousen.",
        "Douche met douchestoel, hulp bij voeten en rug. Steunkousen aangetrokken.",
        "Wast zich grotendeels zelf aan de lavabo; steunkousen aangetrokken.",
      ]),
      random.pick([
        "Litteken heup rustig, droog en gesloten.",
        "Oefeningen van de kinesitherapeut samen overlopen.",
        "Stapt vlot met rollator naar de badkamer.",
        "Transfer bed-stoel zelfstandig, let goed op de heupvoorzorgen.",
      ]),
      random.pick([
        "Meneer is goedgezind, wil graag terug gaan wandelen met de hond.",
        "Meneer is wat ongeduldig over het herstel; realistische doelen besproken.",
        "Echtgenote aanwezig, tevreden over de zorg.",
        "Rustig, leest de krant.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return day.index < 25
      ? `Bloeddrukwaarden doorgegeven aan ${GP_NAME}: amlodipine verhoogd naar 10 mg, opvolgen.`
      : "Apotheek gebeld: weekdoos medicatie wordt vanaf nu klaargezet door de apotheker.";
  },
  carePlan: (start) => [
    {
      title: "Herstel na heupprothese links",
      description: "Heupvoorzorgen opvolgen, pijn meten, mobiliteit stimuleren in samenspraak met de kinesitherapeut.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Tromboseprofylaxe",
      description: "Enoxaparine subcutaan toedienen gedurende 5 weken na de operatie; steunkousen.",
      frequency: "Dagelijks",
      status: "COMPLETED",
      startDate: start,
      endDate: addDays(start, 35),
    },
    {
      title: "Hulp bij persoonlijke hygiëne",
      description: "Hulp bij wassen onderlichaam en voeten, aantrekken steunkousen.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Opvolging hypertensie",
      description: "Bloeddruk meten bij elk bezoek; waarden boven 160/95 mmHg doorgeven aan de huisarts.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: addDays(start, 10),
    },
  ],
  medication: (start) => [
    {
      medication: "Enoxaparine 40 mg",
      dose: "1 voorgevulde spuit",
      route: "subcutaan",
      times: ["08:00"],
      instructions: "5 weken na de operatie.",
      prescriber: "orthopedisch chirurg, ziekenhuis Leuven",
      startDate: start,
      endDate: addDays(start, 35),
    },
    {
      medication: "Amlodipine 10 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00"],
      prescriber: GP_NAME,
      startDate: addDays(start, 20),
    },
    {
      medication: "Paracetamol 1 g",
      dose: "1 tablet",
      route: "oraal",
      times: ["07:00", "13:00", "19:00"],
      prescriber: GP_NAME,
      startDate: start,
    },
    {
      medication: "Pantoprazol 20 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["07:00"],
      instructions: "Nuchter innemen.",
      prescriber: GP_NAME,
      startDate: start,
    },
  ],
  visitPurpose: (random) =>
    random.pick(["Hygiëne en steunkousen", "Hygiëne, bloeddruk en steunkousen", "Hygiëne en mobiliteit"]),
  social: {
    livingSituation: "Woont met zijn echtgenote in een woning met slaapkamer op het gelijkvloers.",
    informalCarers: "Echtgenote Maria helpt bij het aankleden; dochter komt in het weekend langs.",
    homeAccess: "Echtgenote doet open; bel aan de zijdeur.",
    languages: ["nl", "fr"],
  },
  financial: {
    insuranceFund: "Solidaris",
    insuranceNumber: "3060702-05",
    thirdPartyPayment: true,
    increasedAllowance: false,
    billingAddress: "Tiensesteenweg 88, 3000 Leuven",
  },
};

// ---------------------------------------------------------------------------------------------
// Chris Janssens: 88, heart failure and atrial fibrillation; moved to a nursing home 60 days ago.
// ---------------------------------------------------------------------------------------------

const chris: PatientProfile = {
  visitTime: [8, 30],
  vitals(day, random) {
    return {
      systolic: Math.round(118 + random.between(-9, 9)),
      diastolic: Math.round(68 + random.between(-6, 6)),
      pulse: Math.round(78 + random.between(-10, 12)),
      oxygen: Math.round(lerp(94, 95, day.progress) + random.between(-2, 2)),
      temperature: day.index % 3 === 2 ? round(random.between(36.2, 37.0), 1) : undefined,
      weight: day.index % 7 === 2 ? round(lerp(79.2, 80.6, day.progress) + random.between(-0.3, 0.3), 1) : undefined,
    };
  },
  note(day, vitals, random) {
    if (day.last) {
      return {
        kind: "ASSESSMENT",
        text: "Laatste bezoek. Meneer verhuist vandaag naar het woonzorgcentrum; medicatielijst, zorgplan en verslag meegegeven en telefonisch overgedragen aan de hoofdverpleegkundige. Thuisverpleging afgesloten.",
      };
    }
    if (day.index % 7 === 2) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie hartfalen.",
          `Gewicht ${vitals.weight === undefined ? "stabiel" : `${nl(vitals.weight, 1)} kg`}, ${day.progress > 0.6 ? "lichte toename sinds vorige week, enkeloedeem bilateraal +" : "stabiel, geen toename van oedeem"}.`,
          "Kortademig bij inspanning (trap), niet in rust.",
          day.progress > 0.6
            ? "Thuissituatie wordt te zwaar; opname in woonzorgcentrum besproken met meneer, zoon en huisarts."
            : "Zelfzorg lukt met hulp; medicatie wordt correct ingenomen.",
        ].join(" "),
      };
    }
    const parts = [
      `Bloeddruk ${vitals.systolic}/${vitals.diastolic} mmHg, pols ${vitals.pulse}/min ${random.pick(["onregelmatig", "licht onregelmatig", "regelmatig"])}, saturatie ${vitals.oxygen}%.`,
      random.pick([
        "Enkels licht gezwollen, steunkousen aangetrokken.",
        "Geen oedeem, steunkousen aangetrokken.",
        "Benen hooggelegd in de zetel na de verzorging.",
      ]),
      random.pick([
        "Medicatie voor de week klaargezet in de pillendoos.",
        "Medicatie ingenomen onder toezicht.",
        "Plasmiddel ingenomen om 8 uur; toiletbezoek 's voormiddags besproken.",
      ]),
      random.pick([
        "Hulp bij wassen en aankleden; kortademig na het aankleden, even gerust.",
        "Wassen aan de lavabo met hulp, huid intact.",
        "Douche met hulp, daarna moe.",
      ]),
      random.pick([
        "Meneer is goedgemutst.",
        "Meneer is wat verward over de dag van de week; geheugensteun op de kalender.",
        "Zoon was op bezoek gisteren, meneer vertelt er graag over.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return `Gewichtstoename gemeld aan ${GP_NAME}: furosemide tijdelijk verhoogd, gewicht dagelijks opvolgen.`;
  },
  carePlan: (start, end) => [
    {
      title: "Opvolging hartfalen",
      description:
        "Gewicht, oedeem en kortademigheid opvolgen; bij toename van meer dan 2 kg in 3 dagen huisarts verwittigen.",
      frequency: "Dagelijks",
      status: "COMPLETED",
      startDate: start,
      endDate: end,
    },
    {
      title: "Medicatiebeheer",
      description: "Weekdoos klaarzetten, inname controleren, bijwerkingen opvolgen.",
      frequency: "Wekelijks klaarzetten, dagelijks controleren",
      status: "COMPLETED",
      startDate: start,
      endDate: end,
    },
    {
      title: "Hulp bij persoonlijke hygiëne",
      description: "Hulp bij wassen en aankleden, steunkousen, huidinspectie.",
      frequency: "Dagelijks",
      status: "COMPLETED",
      startDate: start,
      endDate: end,
    },
  ],
  medication: (start, end) => [
    {
      medication: "Furosemide 40 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00"],
      instructions: "'s Morgens innemen.",
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
    {
      medication: "Bisoprolol 5 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00"],
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
    {
      medication: "Ramipril 5 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00"],
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
    {
      medication: "Apixaban 5 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00", "20:00"],
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
  ],
  visitPurpose: (random) =>
    random.pick(["Hygiëne en opvolging hartfalen", "Hygiëne en medicatie", "Hygiëne, gewicht en medicatie"]),
  social: {
    livingSituation:
      "Woonde alleen in een appartement (tweede verdieping, met lift); verblijft sinds het einde van de thuiszorg in een woonzorgcentrum.",
    informalCarers: "Zoon komt wekelijks langs.",
    languages: ["nl"],
  },
  financial: {
    insuranceFund: "Helan",
    insuranceNumber: "5381123-21",
    thirdPartyPayment: true,
    increasedAllowance: true,
    billingAddress: "Overpoortstraat 5, 9000 Gent",
  },
};

// ---------------------------------------------------------------------------------------------
// Dina Maes: 81, wound care after abdominal surgery; care ended 120 days ago when it had healed.
// ---------------------------------------------------------------------------------------------

const dina: PatientProfile = {
  visitTime: [9, 0],
  vitals(day, random) {
    return {
      systolic: Math.round(128 + random.between(-8, 8)),
      diastolic: Math.round(76 + random.between(-5, 5)),
      pulse: Math.round(lerp(82, 72, day.progress) + random.between(-5, 5)),
      temperature: round(lerp(37.3, 36.7, day.progress) + random.between(-0.3, 0.3), 1),
      weight: day.index % 7 === 3 ? round(lerp(61.0, 62.2, day.progress) + random.between(-0.2, 0.2), 1) : undefined,
      pain: Math.max(0, Math.round(lerp(4, 0, day.progress) + random.between(-0.8, 0.8))),
    };
  },
  note(day, vitals, random) {
    if (day.last) {
      return {
        kind: "ASSESSMENT",
        text: `Eindevaluatie. Operatiewonde volledig gesloten, geen tekenen van infectie. Mevrouw is zelfstandig voor hygiëne en mobiliteit. In overleg met ${GP_NAME} wordt de thuisverpleging afgesloten.`,
      };
    }
    if (day.index % 7 === 5) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie wondheling.",
          day.progress > 0.5
            ? "Wonde sluit goed, nog een klein open gedeelte onderaan."
            : "Wonde granuleert, weinig exsudaat, geen infectietekens.",
          `Pijn ${vitals.pain}/10, temperatuur normaal.`,
          "Voedingstoestand goed, gewicht neemt licht toe.",
        ].join(" "),
      };
    }
    const parts = [
      `Temperatuur ${nl(vitals.temperature, 1)} °C, pols ${vitals.pulse}/min, pijn ${vitals.pain}/10.`,
      day.index % 2 === 0 ? "Wondzorg buikwonde uitgevoerd, zie wondzorg." : "Verband droog en intact, niet vervangen.",
      random.pick([
        "Mevrouw wast zich zelfstandig; hulp bij de rug.",
        "Zelfstandig gedoucht, verband nadien gecontroleerd.",
        "Hulp bij wassen onderlichaam.",
      ]),
      random.pick([
        "Stoelgang gisteren normaal.",
        "Eetlust verbetert, eet kleine porties.",
        "Wandelt dagelijks een kwartier met haar echtgenoot.",
        "Slaapt beter sinds de pijn afneemt.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return day.index < 20
      ? `Foto van de wonde met toestemming van mevrouw doorgestuurd naar ${GP_NAME}; behandeling ongewijzigd.`
      : "Controleafspraak bij de chirurg bevestigd; echtgenoot brengt mevrouw.";
  },
  wound(day, random) {
    if (day.index % 2 !== 0 && !day.last) return null;
    if (day.last) {
      return {
        location: "Buik, mediane laparotomiewonde",
        description: "Wonde volledig gesloten, litteken soepel en rustig.",
        treatment: "Geen verband meer nodig; huid ingesmeerd.",
      };
    }
    const openLength = lerp(3.0, 0.3, day.progress);
    return {
      location: "Buik, mediane laparotomiewonde (onderste deel open)",
      description: `Open gedeelte ${nl(openLength, 1)} x ${nl(openLength / 3, 1)} cm, ${random.pick(["rood granulatieweefsel", "granulatieweefsel, wondranden rustig", "weinig sereus exsudaat"])}. Geen roodheid of warmte rond de wonde.`,
      treatment: "Gereinigd met fysiologisch water, hydrofiber in de wonde, afgedekt met een schuimverband.",
    };
  },
  carePlan: (start, end) => [
    {
      title: "Wondzorg buikwonde na operatie",
      description: "Wonde reinigen en verbinden, infectietekens opvolgen, temperatuur meten.",
      frequency: "Om de 2 dagen",
      status: "COMPLETED",
      startDate: start,
      endDate: end,
    },
    {
      title: "Pijnbeheersing",
      description: "Pijn meten en pijnmedicatie opvolgen, afbouwen in overleg met de huisarts.",
      frequency: "Dagelijks",
      status: "COMPLETED",
      startDate: start,
      endDate: end,
    },
    {
      title: "Hulp bij persoonlijke hygiëne",
      description: "Hulp bij wassen zolang bukken pijnlijk is; zelfstandigheid stimuleren.",
      frequency: "Dagelijks",
      status: "STOPPED",
      startDate: start,
      endDate: end === null ? null : addDays(end, -20),
    },
  ],
  medication: (start, end) => [
    {
      medication: "Paracetamol 1 g",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00", "14:00", "20:00"],
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
    {
      medication: "Macrogol 10 g",
      dose: "1 zakje",
      route: "oraal",
      times: ["08:00"],
      instructions: "Oplossen in een glas water.",
      prescriber: GP_NAME,
      startDate: start,
      endDate: end,
    },
    {
      medication: "Enoxaparine 40 mg",
      dose: "1 voorgevulde spuit",
      route: "subcutaan",
      times: ["20:00"],
      prescriber: "chirurg, ziekenhuis Hasselt",
      startDate: start,
      endDate: addDays(start, 28),
    },
  ],
  visitPurpose: (random) => random.pick(["Wondzorg en parameters", "Wondzorg", "Controle verband en parameters"]),
  social: {
    livingSituation: "Woont met haar echtgenoot in een gelijkvloerse woning.",
    informalCarers: "Echtgenoot Jan, zelfstandig en mobiel.",
    homeAccess: "Echtgenoot doet open.",
    languages: ["nl"],
  },
  financial: {
    insuranceFund: "Liberale Mutualiteit",
    insuranceNumber: "4450130-08",
    thirdPartyPayment: true,
    increasedAllowance: false,
    billingAddress: "Kapelstraat 27, 3500 Hasselt",
  },
};

// ---------------------------------------------------------------------------------------------
// Emma Wouters: 10, type 1 diabetes diagnosed three months ago; the nurse comes before school to
// measure, help with the insulin pen and teach Emma and her mother. Lives with her mother and Finn.
// ---------------------------------------------------------------------------------------------

const PEDIATRICIAN = "kinderarts-endocrinoloog, UZ Leuven";

const emma: PatientProfile = {
  visitTime: [6, 45],
  vitals(day, random) {
    return {
      systolic: Math.round(104 + random.between(-6, 6)),
      diastolic: Math.round(64 + random.between(-5, 5)),
      pulse: Math.round(88 + random.between(-9, 9)),
      glucose: round(lerp(9.5, 7.2, day.progress) + random.between(-2.2, 3.2), 1),
      temperature: day.index % 3 === 0 ? round(random.between(36.4, 37.2), 1) : undefined,
      weight: day.index % 7 === 0 ? round(lerp(31.0, 32.0, day.progress) + random.between(-0.2, 0.2), 1) : undefined,
    };
  },
  note(day, vitals, random) {
    if (day.index % 7 === 3) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie diabetes type 1.",
          `Glycemies deze week meestal tussen 5 en 11 mmol/L, ${day.progress > 0.5 ? "geen hypo's meer gemeld" : "één lichte hypo op school, goed opgevangen"}.`,
          day.progress > 0.5
            ? "Emma prikt nu zelf haar vinger en dient de insuline toe onder toezicht van mama."
            : "Mama dient de insuline toe; Emma leert de vingerprik zelf doen.",
          "Groei en gewicht volgen de curve; voedingsschema besproken met de diëtist.",
        ].join(" "),
      };
    }
    const parts = [
      `Glycemie nuchter ${nl(vitals.glucose, 1)} mmol/L, pols ${vitals.pulse}/min.`,
      random.pick([
        "Insuline toegediend met de pen door Emma zelf, onder begeleiding.",
        "Insuline toegediend door mama, injectieplaats buik links; Emma telt mee.",
        "Koolhydraten van het ontbijt samen geteld, dosis aangepast volgens schema.",
      ]),
      random.pick([
        "Schoolbrief met hypo-instructies nagekeken.",
        "Dagboekje glycemies van gisteren overlopen.",
        "Hypo-snoepjes in de boekentas gecontroleerd.",
        "Injectieplaatsen rustig, geen lipodystrofie.",
      ]),
      random.pick([
        "Emma is goedgezind en vertelt over de turnles.",
        "Emma is wat moe, ging laat slapen.",
        "Mama heeft vragen over het verjaardagsfeestje op school; advies gegeven.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return `Glycemiewaarden doorgestuurd naar de ${PEDIATRICIAN}: schema ongewijzigd, volgende consultatie over 3 weken.`;
  },
  carePlan: (start) => [
    {
      title: "Opvolging diabetes type 1",
      description: "Glycemie meten voor het ontbijt, insuline volgens schema, hypo's en hypers opvolgen.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Educatie kind en ouder",
      description:
        "Emma en haar mama leren de vingerprik, het tellen van koolhydraten en de insulinepen zelfstandig te gebruiken.",
      frequency: "Bij elk bezoek",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Afstemming met school",
      description: "Hypo-instructies en snacks voor de school; contact met de zorgcoördinator van de school.",
      frequency: "Maandelijks evalueren",
      status: "ACTIVE",
      startDate: addDays(start, 7),
    },
  ],
  medication: (start) => [
    {
      medication: "Insuline aspart (snelwerkend)",
      dose: "volgens koolhydratenschema",
      route: "subcutaan",
      times: ["07:00", "12:00", "18:00"],
      instructions: "Vóór de maaltijd; dosis volgens het schema van de kinderarts.",
      prescriber: PEDIATRICIAN,
      startDate: start,
    },
    {
      medication: "Insuline glargine (traagwerkend)",
      dose: "8 E",
      route: "subcutaan",
      times: ["20:00"],
      prescriber: PEDIATRICIAN,
      startDate: start,
    },
  ],
  visitPurpose: (random) => random.pick(["Glycemie en insuline", "Glycemie, insuline en educatie"]),
  social: {
    livingSituation: "Woont met haar mama en haar broer Finn in een rijwoning.",
    informalCarers: "Mama Rita Wouters; oma helpt op woensdagnamiddag.",
    homeAccess: "Bel aan de voordeur; vóór 7.15 uur.",
    languages: ["nl"],
  },
  financial: {
    insuranceFund: "CM (Christelijke Mutualiteit)",
    insuranceNumber: "1160915-02",
    thirdPartyPayment: true,
    increasedAllowance: true,
    billingAddress: "Diestsesteenweg 141, 3010 Kessel-Lo",
  },
};

// ---------------------------------------------------------------------------------------------
// Finn Wouters: 14, knee surgery (cruciate ligament) after a football injury, wound healing
// slowly; wound care every other day, pain and temperature followed. Lives with his mother and Emma.
// ---------------------------------------------------------------------------------------------

const ORTHOPEDIST = "orthopedisch chirurg, UZ Pellenberg";

const finn: PatientProfile = {
  visitTime: [16, 30],
  vitals(day, random) {
    return {
      systolic: Math.round(116 + random.between(-8, 8)),
      diastolic: Math.round(70 + random.between(-6, 6)),
      pulse: Math.round(72 + random.between(-8, 8)),
      temperature: round(lerp(37.4, 36.8, day.progress) + random.between(-0.3, 0.3), 1),
      weight: day.index % 7 === 1 ? round(56.0 + random.between(-0.4, 0.4), 1) : undefined,
      pain: Math.max(0, Math.round(lerp(5, 1, day.progress) + random.between(-1, 1))),
    };
  },
  note(day, vitals, random) {
    if (day.index % 7 === 4) {
      return {
        kind: "ASSESSMENT",
        text: [
          "Wekelijkse evaluatie wondheling knie links.",
          day.progress > 0.5
            ? "Wonde bijna gesloten, nog een klein korstje onderaan het litteken."
            : "Wonde onderaan het litteken nog open (dehiscentie), weinig exsudaat, geen infectietekens.",
          `Pijn ${vitals.pain}/10, temperatuur ${nl(vitals.temperature, 1)} °C.`,
          "Finn doet zijn oefeningen van de kinesitherapeut; stapt met krukken.",
        ].join(" "),
      };
    }
    const parts = [
      `Temperatuur ${nl(vitals.temperature, 1)} °C, pols ${vitals.pulse}/min, pijn ${vitals.pain}/10.`,
      day.index % 2 === 0
        ? "Wondzorg knie links uitgevoerd, zie wondzorg."
        : "Verband droog en intact, niet vervangen.",
      random.pick([
        "Finn stapt vlot met twee krukken.",
        "Knie licht gezwollen na school; koelen en hoogleggen besproken.",
        "Oefeningen samen overlopen.",
      ]),
      random.pick([
        "Finn is goedgezind, wil snel terug voetballen.",
        "Finn vindt het moeilijk om stil te zitten; realistische planning besproken.",
        "Mama aanwezig bij de verzorging.",
      ]),
    ];
    return { kind: "OBSERVATION", text: parts.join(" ") };
  },
  communication(day) {
    if (day.index % 10 !== 5) return null;
    return `Foto van de wonde met toestemming van Finn en zijn mama doorgestuurd naar de ${ORTHOPEDIST}; behandeling ongewijzigd.`;
  },
  wound(day, random) {
    if (day.index % 2 !== 0) return null;
    const openLength = lerp(1.5, 0.2, day.progress);
    return {
      location: "Knie links, onderste deel van het operatielitteken",
      description: `Open gedeelte ${nl(openLength, 1)} x ${nl(openLength / 2, 1)} cm, ${random.pick(["rood granulatieweefsel", "wondranden rustig", "weinig sereus exsudaat"])}. Geen roodheid of warmte.`,
      treatment: "Gereinigd met fysiologisch water, alginaat in de wonde, afgedekt met een schuimverband.",
    };
  },
  carePlan: (start) => [
    {
      title: "Wondzorg knie links",
      description: "Wonde reinigen en verbinden om de 2 dagen, infectietekens en temperatuur opvolgen.",
      frequency: "Om de 2 dagen",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Pijnopvolging",
      description: "Pijnscore bij elk bezoek; pijnstilling volgens schema, afbouwen in overleg met de arts.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
    {
      title: "Mobiliteit",
      description: "Stappen met krukken, oefeningen van de kinesitherapeut aanmoedigen.",
      frequency: "Dagelijks",
      status: "ACTIVE",
      startDate: start,
    },
  ],
  medication: (start) => [
    {
      medication: "Paracetamol 500 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["07:00", "13:00", "19:00"],
      instructions: "Afbouwen zodra de pijn lager is dan 3/10.",
      prescriber: ORTHOPEDIST,
      startDate: start,
    },
    {
      medication: "Ibuprofen 400 mg",
      dose: "1 tablet",
      route: "oraal",
      times: ["08:00", "20:00"],
      instructions: "Tijdens de maaltijd; maximaal 10 dagen.",
      prescriber: ORTHOPEDIST,
      startDate: start,
      endDate: addDays(start, 10),
    },
  ],
  visitPurpose: (random) => random.pick(["Wondzorg knie", "Controle verband en pijn"]),
  social: {
    livingSituation: "Woont met zijn mama en zijn zus Emma in een rijwoning; slaapkamer op de eerste verdieping.",
    informalCarers: "Mama Rita Wouters.",
    homeAccess: "Finn of mama doet open na 16 uur.",
    languages: ["nl"],
  },
  financial: {
    insuranceFund: "CM (Christelijke Mutualiteit)",
    insuranceNumber: "1120915-01",
    thirdPartyPayment: true,
    increasedAllowance: true,
    billingAddress: "Diestsesteenweg 141, 3010 Kessel-Lo",
  },
};

const profiles: Record<DemoPatientKey, PatientProfile> = { an, bart, chris, dina, emma, finn };

function vitalRows(patientId: string, key: string, measuredAt: Date, vitals: DayVitals, dayNumber: string) {
  const rows: Prisma.VitalSignCreateManyInput[] = [];
  const add = (type: VitalType, value: number, secondaryValue?: number) => {
    rows.push({
      id: `vital-${key}-${dayNumber}-${type.toLowerCase().replace(/_/g, "-")}`,
      patientId,
      type,
      value: value.toFixed(DECIMALS[type]),
      secondaryValue: secondaryValue === undefined ? null : secondaryValue.toFixed(DECIMALS[type]),
      unit: UNITS[type],
      measuredAt,
      recordedById: NURSE_ID,
    });
  };
  add("BLOOD_PRESSURE", vitals.systolic, vitals.diastolic);
  add("PULSE", vitals.pulse);
  if (vitals.temperature !== undefined) add("TEMPERATURE", vitals.temperature);
  if (vitals.glucose !== undefined) add("GLUCOSE", vitals.glucose);
  if (vitals.oxygen !== undefined) add("OXYGEN_SATURATION", vitals.oxygen);
  if (vitals.weight !== undefined) add("WEIGHT", vitals.weight);
  if (vitals.pain !== undefined) add("PAIN_SCORE", vitals.pain);
  return rows;
}

/** Every row of one demo patient's file, relative to `today`. */
export function buildNursingFile(key: DemoPatientKey, today: Date): NursingFileRows {
  const patient = demoPatients[key];
  const profile = profiles[key];
  const random = seededRandom(patient.id);
  const careStart = dateDaysAgo(today, patient.careStartedDaysAgo);
  const careEnd = patient.careEndedDaysAgo === null ? null : dateDaysAgo(today, patient.careEndedDaysAgo);
  // The most recent day with entries: yesterday during care (today's visit may not have happened
  // yet), the last day of care once it ended. Nothing is written after the end of care.
  const lastDay = careEnd ?? dateDaysAgo(today, 1);
  const pad = (n: number) => n.toString().padStart(3, "0");

  const rows: NursingFileRows = {
    carePlanItems: profile.carePlan(careStart, careEnd).map((item, i) => ({
      ...item,
      id: `careplan-${key}-${pad(i + 1)}`,
      patientId: patient.id,
      authorId: NURSE_ID,
    })),
    nursingNotes: [],
    vitalSigns: [],
    woundCareEntries: [],
    medicationSchedule: profile.medication(careStart, careEnd).map((item, i) => ({
      ...item,
      id: `medication-${key}-${pad(i + 1)}`,
      patientId: patient.id,
    })),
    plannedVisits: [],
    socialData: { ...profile.social, patientId: patient.id },
    financialData: { ...profile.financial, patientId: patient.id },
  };

  for (let index = 0; index < HISTORY_DAYS; index++) {
    const day = addDays(lastDay, index - (HISTORY_DAYS - 1));
    const careDay: CareDay = { index, day, progress: index / (HISTORY_DAYS - 1), last: index === HISTORY_DAYS - 1 };
    const dayNumber = pad(index + 1);
    const [hour, minute] = profile.visitTime;
    const visitStart = atTime(day, hour, minute + random.int(0, 20));
    const vitals = profile.vitals(careDay, random);

    rows.vitalSigns.push(...vitalRows(patient.id, key, visitStart, vitals, dayNumber));
    const note = profile.note(careDay, vitals, random);
    rows.nursingNotes.push({
      id: `note-${key}-${dayNumber}`,
      patientId: patient.id,
      authorId: NURSE_ID,
      kind: note.kind,
      writtenAt: new Date(visitStart.getTime() + 25 * 60 * 1000),
      text: note.text,
    });
    const communication = profile.communication?.(careDay, random) ?? null;
    if (communication) {
      rows.nursingNotes.push({
        id: `note-${key}-${dayNumber}-c`,
        patientId: patient.id,
        authorId: NURSE_ID,
        kind: "COMMUNICATION",
        writtenAt: atTime(day, 12, 15),
        text: communication,
      });
    }
    const wound = profile.wound?.(careDay, random) ?? null;
    if (wound) {
      rows.woundCareEntries.push({
        id: `wound-${key}-${dayNumber}`,
        patientId: patient.id,
        authorId: NURSE_ID,
        performedAt: new Date(visitStart.getTime() + 15 * 60 * 1000),
        ...wound,
      });
    }
  }

  // Visits: the last week of care done, and for patients still in care the coming week planned,
  // starting tomorrow.
  let visitNumber = 0;
  const addVisit = (day: Date, evening: boolean, status: "DONE" | "PLANNED") => {
    const [hour, minute] = evening && profile.eveningVisitTime ? profile.eveningVisitTime : profile.visitTime;
    rows.plannedVisits.push({
      id: `visit-${key}-${pad(++visitNumber)}`,
      patientId: patient.id,
      nurseId: NURSE_ID,
      startsAt: atTime(day, hour, minute),
      durationMinutes: evening ? 15 : 30,
      purpose: profile.visitPurpose(random, evening),
      status,
    });
  };
  const visitsPerDay = profile.eveningVisitTime ? [false, true] : [false];
  for (let daysBack = VISITS_DONE_DAYS - 1; daysBack >= 0; daysBack--) {
    for (const evening of visitsPerDay) addVisit(addDays(lastDay, -daysBack), evening, "DONE");
  }
  if (careEnd === null) {
    for (let daysAhead = 1; daysAhead <= VISITS_PLANNED_DAYS; daysAhead++) {
      for (const evening of visitsPerDay) addVisit(dateDaysAgo(today, -daysAhead), evening, "PLANNED");
    }
  }

  return rows;
}
