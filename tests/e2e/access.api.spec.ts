// The access matrix of shared/spec/demo-world.md through the HTTP surface, with the exact
// status and error codes: every account against every patient, the declaration row (d.gert),
// the emergency-access row (n.noah), identical denials for unknown and malformed ids, the
// patient's access log, and suspension after systematic querying.
import { expect, test, type APIResponse } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { signedInContextPool } from "./support/login";

test.describe.configure({ mode: "serial" });

const PATIENTS = ["pat-an", "pat-bart", "pat-chris", "pat-dina"] as const;
type PatientId = (typeof PATIENTS)[number];
type Expected = "allow" | "admin-only" | "forbidden";

/** demo-world.md's matrix, minus the rows with a state change (d.gert, n.noah), tested below. */
const MATRIX: Record<string, Record<PatientId, Expected>> = {
  "p.an": { "pat-an": "allow", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  "t.tom": { "pat-an": "allow", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  "t.tina": { "pat-an": "forbidden", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  "d.dirk": { "pat-an": "allow", "pat-bart": "forbidden", "pat-chris": "allow", "pat-dina": "forbidden" },
  "d.eva": { "pat-an": "forbidden", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  "d.frank": { "pat-an": "forbidden", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  "n.nina": { "pat-an": "allow", "pat-bart": "allow", "pat-chris": "allow", "pat-dina": "forbidden" },
  "c.carl": { "pat-an": "allow", "pat-bart": "forbidden", "pat-chris": "forbidden", "pat-dina": "forbidden" },
  // The service center reads administrative sections, never health data.
  "s.sara": { "pat-an": "admin-only", "pat-bart": "admin-only", "pat-chris": "admin-only", "pat-dina": "forbidden" },
};

const { signedIn, disposeAll } = signedInContextPool();

async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status(), `${response.url()} status`).toBe(status);
  const body = (await response.json()) as { error?: { code?: string; message?: string } };
  expect(body.error?.code).toBe(code);
  expect(body.error?.message, "a denial names what is wrong").toBeTruthy();
}

test.beforeAll(async () => await reseedDemoWorld());
test.afterAll(async () => {
  await disposeAll();
});

test("without a session every patient route answers 401", async ({ request }) => {
  await expectError(await request.get("/api/patients/pat-an/record"), 401, "unauthenticated");
  await expectError(await request.get("/api/patients/pat-an/access-log"), 401, "unauthenticated");
  await expectError(
    await request.post("/api/patients/pat-an/emergency-access", { data: { reason: "Valt thuis, geen antwoord" } }),
    401,
    "unauthenticated",
  );
});

for (const [username, row] of Object.entries(MATRIX)) {
  test(`${username}: the record of each demo patient`, async ({ baseURL }) => {
    const api = await signedIn(baseURL, username);
    for (const patientId of PATIENTS) {
      const response = await api.get(`/api/patients/${patientId}/record`);
      const expected = row[patientId];
      if (expected === "forbidden") {
        await expectError(response, 403, "forbidden");
        continue;
      }
      expect(response.status(), `${username} reads ${patientId}`).toBe(200);
      const file = (await response.json()) as {
        patientId: string;
        administrative: { identification: { lastName: string } };
        health?: { nursingNotes: unknown[]; vitalSigns: unknown[]; carePlan: unknown[] };
      };
      expect(file.patientId).toBe(patientId);
      expect(file.administrative.identification.lastName).toBeTruthy();
      if (expected === "admin-only") {
        expect(file.health, "no health data for the service center").toBeUndefined();
      } else {
        expect(file.health!.nursingNotes.length).toBeGreaterThanOrEqual(30);
        expect(file.health!.vitalSigns.length).toBeGreaterThan(0);
        expect(file.health!.carePlan.length).toBeGreaterThan(0);
      }
    }
  });
}

/**
 * demo-world.md's "Accounts added with the roles they introduce": r.rita reads Emma's and Finn's
 * files and nobody else's, p.finn only his own, k.kris and o.otto no health section of any file.
 * The added accounts are checked against all six patients, the others against Emma and Finn.
 */
const ADDED_PATIENTS = ["pat-emma", "pat-finn"] as const;
const ADDED_MATRIX: Record<string, Partial<Record<string, Expected>>> = {
  "r.rita": { "pat-emma": "allow", "pat-finn": "allow" },
  "p.finn": { "pat-finn": "allow" },
  "k.kris": {},
  "o.otto": {},
  "p.an": {},
  "t.tom": {},
  "d.dirk": {},
  "c.carl": {},
  "n.nina": { "pat-emma": "allow", "pat-finn": "allow" }, // care team of both
  "s.sara": { "pat-emma": "admin-only", "pat-finn": "admin-only" },
};
const NEW_ACCOUNTS = new Set(["r.rita", "p.finn", "k.kris", "o.otto"]);

for (const [username, row] of Object.entries(ADDED_MATRIX)) {
  test(`${username}: the records of the patients added with the new roles`, async ({ baseURL }) => {
    const api = await signedIn(baseURL, username);
    const patients = NEW_ACCOUNTS.has(username) ? [...PATIENTS, ...ADDED_PATIENTS] : [...ADDED_PATIENTS];
    for (const patientId of patients) {
      const response = await api.get(`/api/patients/${patientId}/record`);
      const expected = row[patientId] ?? "forbidden";
      if (expected === "forbidden") {
        await expectError(response, 403, "forbidden");
        continue;
      }
      expect(response.status(), `${username} reads ${patientId}`).toBe(200);
      const file = (await response.json()) as { patientId: string; health?: { nursingNotes: unknown[] } };
      expect(file.patientId).toBe(patientId);
      if (expected === "admin-only") expect(file.health).toBeUndefined();
      else expect(file.health!.nursingNotes.length).toBeGreaterThanOrEqual(30);
    }
  });
}

test("r.rita reads Emma's access log (under 12) but not Finn's (14: reading only)", async ({ baseURL }) => {
  const rita = await signedIn(baseURL, "r.rita");
  const log = await rita.get("/api/patients/pat-emma/access-log?limit=50");
  expect(log.status()).toBe(200);
  const { entries } = (await log.json()) as { entries: Array<{ actor: { name: string } | null; reason: string }> };
  expect(entries.some((entry) => entry.actor?.name === "Rita Wouters" && entry.reason === "legal_representative")).toBe(
    true,
  );
  await expectError(await rita.get("/api/patients/pat-finn/access-log"), 403, "forbidden");
});

test("a denial is byte-for-byte the same for a known patient, an unknown id and a malformed id", async ({
  baseURL,
}) => {
  const frank = await signedIn(baseURL, "d.frank");
  const ids = ["pat-an", "pat-nobody", "..%2F..%2Fetc", "%27%20OR%201%3D1--", "x".repeat(300)];
  const answers = [];
  for (const id of ids) {
    const response = await frank.get(`/api/patients/${id}/record`);
    answers.push({ status: response.status(), body: await response.text() });
  }
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(answers[0]!.status).toBe(403);
});

test("p.dina is told her file is no longer online and how to ask a copy", async ({ baseURL }) => {
  const dina = await signedIn(baseURL, "p.dina");
  const response = await dina.get("/api/patients/pat-dina/record");
  await expectError(response, 403, "forbidden");
  const body = (await response.json()) as { error: { message: string } };
  expect(body.error.message).toContain("copy");
});

test("d.gert answers declaration_required until he accepts version 4, then reads An only", async ({ baseURL }) => {
  const gert = await signedIn(baseURL, "d.gert");
  for (const patientId of PATIENTS) {
    await expectError(await gert.get(`/api/patients/${patientId}/record`), 403, "declaration_required");
  }
  await expectError(await gert.post("/api/declarations/accept", { data: { version: 3 } }), 400, "invalid_input");
  const accepted = await gert.post("/api/declarations/accept", { data: { version: 4 } });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ accepted: { role: "DOCTOR", version: 4 } });
  expect((await gert.get("/api/patients/pat-an/record")).status()).toBe(200);
  for (const patientId of ["pat-bart", "pat-chris", "pat-dina"]) {
    await expectError(await gert.get(`/api/patients/${patientId}/record`), 403, "forbidden");
  }
});

test("n.noah breaks the glass with a reason and then reads the file; never past the window", async ({ baseURL }) => {
  const noah = await signedIn(baseURL, "n.noah");
  await expectError(await noah.get("/api/patients/pat-an/record"), 403, "forbidden");

  await expectError(
    await noah.post("/api/patients/pat-an/emergency-access", { data: { reason: "te kort" } }),
    400,
    "invalid_input",
  );
  await expectError(await noah.post("/api/patients/pat-an/emergency-access", { data: {} }), 400, "invalid_input");
  await expectError(
    await noah.post("/api/patients/pat-an/emergency-access", {
      data: "not json",
      headers: { "content-type": "text/plain" },
    }),
    415,
    "unsupported_media_type",
  );
  await expectError(
    await noah.post("/api/patients/pat-an/emergency-access", {
      data: "{broken",
      headers: { "content-type": "application/json" },
    }),
    400,
    "invalid_input",
  );

  for (const patientId of ["pat-an", "pat-bart", "pat-chris"]) {
    const response = await noah.post(`/api/patients/${patientId}/emergency-access`, {
      data: { reason: "Patiënt reageert niet, huisarts onbereikbaar" },
    });
    expect(response.status(), `emergency access to ${patientId}`).toBe(201);
    const body = (await response.json()) as { emergencyAccess: { expiresAt: string } };
    const hoursValid = (Date.parse(body.emergencyAccess.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(2.9);
    expect(hoursValid).toBeLessThanOrEqual(3);
    expect((await noah.get(`/api/patients/${patientId}/record`)).status()).toBe(200);
  }
  // Past the availability window even breaking the glass opens nothing.
  await expectError(
    await noah.post("/api/patients/pat-dina/emergency-access", {
      data: { reason: "Patiënt reageert niet, huisarts onbereikbaar" },
    }),
    403,
    "forbidden",
  );
  await expectError(await noah.get("/api/patients/pat-dina/record"), 403, "forbidden");
});

test("doctors, caregivers and trusted persons cannot break the glass", async ({ baseURL }) => {
  for (const username of ["d.frank", "c.carl", "t.tina"]) {
    const api = await signedIn(baseURL, username);
    await expectError(
      await api.post("/api/patients/pat-bart/emergency-access", {
        data: { reason: "Ik wil het dossier graag bekijken" },
      }),
      403,
      "forbidden",
    );
  }
});

test("p.an reads who looked at her file, newest first, and nobody else can", async ({ baseURL }) => {
  const an = await signedIn(baseURL, "p.an");
  const response = await an.get("/api/patients/pat-an/access-log?limit=500");
  expect(response.status()).toBe(200);
  const { entries } = (await response.json()) as {
    entries: Array<{
      id: string;
      occurredAt: string;
      actor: { name: string; role: string } | null;
      action: string;
      decision: string;
      reason: string;
      emergencyAccess: { reason: string } | null;
    }>;
  };
  const ids = entries.map((entry) => BigInt(entry.id));
  expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  const eva = entries.find((entry) => entry.actor?.name === "Dr. Eva Jacobs");
  expect(eva).toMatchObject({ actor: { role: "DOCTOR" }, decision: "DENY", reason: "excluded" });
  const noah = entries.find(
    (entry) => entry.actor?.name === "Noah Peeters" && entry.decision === "ALLOW" && entry.action === "READ_HEALTH",
  );
  expect(noah?.reason).toBe("emergency_access");
  expect(noah?.emergencyAccess?.reason).toBe("Patiënt reageert niet, huisarts onbereikbaar");
  for (const name of ["Tom Peeters", "Dr. Dirk Smets", "Nina De Smet", "Carl Hermans", "Sara Lambrechts"]) {
    expect(
      entries.some((entry) => entry.actor?.name === name),
      `${name} appears in An's log`,
    ).toBe(true);
  }

  await expectError(await an.get("/api/patients/pat-an/access-log?limit=0"), 400, "invalid_input");
  await expectError(await an.get("/api/patients/pat-an/access-log?before=abc"), 400, "invalid_input");
  await expectError(await an.get("/api/patients/pat-bart/access-log"), 403, "forbidden");
  const tom = await signedIn(baseURL, "t.tom");
  await expectError(await tom.get("/api/patients/pat-an/access-log"), 403, "forbidden");
});

test("walking through patient ids suspends the user everywhere", async ({ baseURL }) => {
  // The access log is append-only, so d.frank's denials earlier in this run still count towards
  // the 20 distinct patients within 10 minutes (the exact threshold is proven in
  // tests/integration/access-changes.test.ts). He is suspended at the latest on the 20th new id.
  await reseedDemoWorld();
  const frank = await signedIn(baseURL, "d.frank");
  await expectError(await frank.get("/api/patients/pat-probe-1/record"), 403, "forbidden");
  let suspendedAt: number | null = null;
  for (let index = 2; index <= 20 && suspendedAt === null; index += 1) {
    const response = await frank.get(`/api/patients/pat-probe-${index}/record`);
    const { error } = (await response.json()) as { error: { code: string } };
    expect(response.status()).toBe(403);
    if (error.code === "suspended") suspendedAt = index;
    else expect(error.code).toBe("forbidden");
  }
  // The request that reaches the threshold is still answered "forbidden"; the next is refused.
  await expectError(await frank.get("/api/patients/pat-an/record"), 403, "suspended");
  await expectError(await frank.get("/api/patients/pat-an/access-log"), 403, "suspended");
  await expectError(await frank.post("/api/declarations/accept", { data: { version: 4 } }), 403, "suspended");
  // Others are not affected.
  const dirk = await signedIn(baseURL, "d.dirk");
  expect((await dirk.get("/api/patients/pat-an/record")).status()).toBe(200);
});
