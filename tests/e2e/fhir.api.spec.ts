// The record system feeds the portal over FHIR (issue 11, acceptance): the demo client ehr-demo,
// as `npm run fhir:client` prints it, signs a JWT assertion, gets a token and posts a Bundle that
// registers a new patient with an episode, a care team of n.nina, two readings and a care plan.
// n.nina then sees the patient on her list and the readings in the file; the same Bundle again
// changes nothing; an invalid Observation gets 422 and writes nothing; no token, another
// client's key or a replayed assertion gets 401.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { buildInsz } from "../../lib/insz";
import { registrationBundle, transaction, put, vital, byInsz, consent } from "../support/fhir-bundles";
import { reseedDemoWorld } from "./support/demo-world";
import { e2eDataDir, e2eDatabaseUrl } from "./support/e2e-database";
import { signedInContextPool } from "./support/login";

test.describe.configure({ mode: "serial" });

type DemoClient = { clientId: string; privateJwk: JWK };
type OperationOutcome = { resourceType: string; issue: { severity: string; code: string; expression?: string[] }[] };
type ResponseBundle = {
  resourceType: string;
  type: string;
  entry: { response: { status: string; location: string } }[];
};
type NursingFile = {
  health: {
    vitalSigns: { type: string; value: number; secondaryValue: number | null }[];
    carePlan: { title: string }[];
  };
};

const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const { signedIn, disposeAll } = signedInContextPool();

/** The demo client exactly as `npm run fhir:client -- --json` prints it for the e2e portal's data folder. */
function demoClient(baseURL: string): DemoClient {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_URL: baseURL };
  // Same folder rules as scripts/e2e-server.ts: the default data folder beside a configured
  // DATABASE_URL, else the embedded e2e database's folder.
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = e2eDatabaseUrl(process.env.DATABASE_URL).url;
    delete env.PORTAL_DATA_DIR;
  } else {
    env.PORTAL_DATA_DIR = e2eDataDir();
  }
  const output = execFileSync("npx", ["tsx", "scripts/fhir-client.ts", "--json"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return JSON.parse(output) as DemoClient;
}

async function signAssertion(privateJwk: JWK, clientId: string, audience: string): Promise<string> {
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: privateJwk.alg ?? "ES384", kid: privateJwk.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setExpirationTime("4m")
    .sign(await importJWK(privateJwk, privateJwk.alg ?? "ES384"));
}

function requestToken(request: APIRequestContext, tokenEndpoint: string, assertion: string) {
  return request.post(tokenEndpoint, {
    form: {
      grant_type: "client_credentials",
      scope: "system/*.write",
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    },
  });
}

function postBundle(request: APIRequestContext, token: string | null, bundle: unknown) {
  return request.post("/api/fhir", {
    headers: { "Content-Type": "application/fhir+json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    data: JSON.stringify(bundle),
  });
}

async function outcome(response: APIResponse, status: number): Promise<OperationOutcome> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/fhir+json");
  const body = (await response.json()) as OperationOutcome;
  expect(body.resourceType).toBe("OperationOutcome");
  return body;
}

let tokenEndpoint: string;
let client: DemoClient;
let accessToken: string;
let patientId: string;
const today = new Date();
const insz = buildInsz(new Date(Date.UTC(1949, 1, 3)), 100 + Math.floor(Math.random() * 800));
const bundle = registrationBundle({ insz, given: "Marc", family: "Goossens", key: `e2e-${insz}`, today });

test.afterAll(async () => {
  await disposeAll();
  // The new patient sits in n.nina's team and An got a reading: give later specs the exact demo world.
  await reseedDemoWorld();
});

test("discovery: the CapabilityStatement and the SMART configuration", async ({ request, baseURL }) => {
  const metadata = await request.get("/api/fhir/metadata");
  expect(metadata.status()).toBe(200);
  expect(metadata.headers()["content-type"]).toContain("application/fhir+json");
  const statement = (await metadata.json()) as { fhirVersion: string; rest: { interaction: { code: string }[] }[] };
  expect(statement.fhirVersion).toBe("4.0.1");
  expect(statement.rest[0]!.interaction.map((interaction) => interaction.code)).toContain("transaction");
  const listed = (statement as unknown as { rest: { resource: { type: string; conditionalUpdate?: boolean }[] }[] })
    .rest[0]!.resource;
  for (const type of ["Patient", "Observation", "Consent", "RelatedPerson"]) {
    expect(listed.find((resource) => resource.type === type)?.conditionalUpdate, type).toBe(true);
  }

  const smart = await request.get("/api/fhir/.well-known/smart-configuration");
  expect(smart.status()).toBe(200);
  const configuration = (await smart.json()) as Record<string, unknown>;
  expect(configuration).toMatchObject({
    token_endpoint: `${baseURL}/api/fhir/token`,
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
  });
  tokenEndpoint = configuration.token_endpoint as string;
  client = demoClient(baseURL!);
  expect(client.clientId).toBe("ehr-demo");
});

test("without a token, or with a token bought with another client's key, POST /api/fhir is 401", async ({
  request,
}) => {
  const anonymous = await outcome(await postBundle(request, null, bundle), 401);
  expect(anonymous.issue[0]?.code).toBe("login");
  await outcome(await postBundle(request, "not-a-token", bundle), 401);

  const { privateKey } = await generateKeyPair("ES384", { extractable: true });
  const foreignJwk = { ...(await exportJWK(privateKey)), alg: "ES384", kid: client.privateJwk.kid };
  const forged = await requestToken(
    request,
    tokenEndpoint,
    await signAssertion(foreignJwk, client.clientId, tokenEndpoint),
  );
  expect(forged.status()).toBe(401);
  expect(((await forged.json()) as { error: string }).error).toBe("invalid_client");
});

test("ehr-demo gets a token; its assertion cannot be used twice", async ({ request }) => {
  const assertion = await signAssertion(client.privateJwk, client.clientId, tokenEndpoint);
  const response = await requestToken(request, tokenEndpoint, assertion);
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const token = (await response.json()) as {
    access_token: string;
    token_type: string;
    expires_in: number;
    scope: string;
  };
  expect([token.token_type, token.expires_in, token.scope]).toEqual(["bearer", 300, "system/*.write"]);
  accessToken = token.access_token;

  const replay = await requestToken(request, tokenEndpoint, assertion);
  expect(replay.status()).toBe(401);
});

test("the Bundle registers the patient; n.nina sees the patient on her list and the readings in the file", async ({
  request,
  baseURL,
}) => {
  const response = await postBundle(request, accessToken, bundle);
  expect(response.status(), await response.text()).toBe(200);
  const result = (await response.json()) as ResponseBundle;
  expect(result.type).toBe("transaction-response");
  expect(result.entry.map((entry) => entry.response.status)).toEqual(Array(6).fill("201 Created"));
  patientId = result.entry[0]!.response.location.replace(/^Patient\//, "");

  const nina = await signedIn(baseURL, "n.nina");
  const home = await nina.get("/nurse");
  expect(home.status()).toBe(200);
  const html = await home.text();
  expect(html).toContain("Marc Goossens");
  expect(html).toContain(`/nurse/patients/${patientId}`);

  const record = await nina.get(`/api/patients/${patientId}/record`);
  expect(record.status()).toBe(200);
  const file = (await record.json()) as NursingFile;
  expect(file.health.vitalSigns.map((reading) => [reading.type, reading.value, reading.secondaryValue])).toEqual(
    expect.arrayContaining([
      ["BLOOD_PRESSURE", 138, 84],
      ["TEMPERATURE", 37.4, null],
    ]),
  );
  expect(file.health.vitalSigns).toHaveLength(2);
  expect(file.health.carePlan.map((item) => item.title)).toEqual(["Wondzorg rechteronderbeen"]);

  const page = await nina.get(`/nurse/patients/${patientId}`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("Wondzorg rechteronderbeen");
});

test("the same Bundle again changes nothing", async ({ request, baseURL }) => {
  const response = await postBundle(request, accessToken, bundle);
  expect(response.status(), await response.text()).toBe(200);
  const result = (await response.json()) as ResponseBundle;
  expect(result.entry.map((entry) => entry.response.status)).toEqual(Array(6).fill("200 OK"));
  expect(result.entry[0]!.response.location).toBe(`Patient/${patientId}`);

  const nina = await signedIn(baseURL, "n.nina");
  const file = (await (await nina.get(`/api/patients/${patientId}/record`)).json()) as NursingFile & {
    care: { episodes: unknown[] };
  };
  expect(file.health.vitalSigns).toHaveLength(2);
  expect(file.health.carePlan).toHaveLength(1);
  expect(file.care.episodes).toHaveLength(1);
});

test("an invalid Observation gets 422 naming the element, and nothing of its Bundle is written", async ({
  request,
  baseURL,
}) => {
  const subject = byInsz("Patient", insz);
  const invalid = transaction([
    put(vital(`e2e-${insz}-pulse-ok`, subject, today.toISOString(), "8867-4", { value: 76, code: "/min" })),
    put(vital(`e2e-${insz}-temp-bad`, subject, today.toISOString(), "8310-5", { value: 37.2, unit: "degrees" })),
  ]);
  const refused = await outcome(await postBundle(request, accessToken, invalid), 422);
  expect(refused.issue).toEqual([
    expect.objectContaining({ severity: "error", expression: ["Bundle.entry[1].resource.valueQuantity.unit"] }),
  ]);

  const nina = await signedIn(baseURL, "n.nina");
  const file = (await (await nina.get(`/api/patients/${patientId}/record`)).json()) as NursingFile;
  expect(file.health.vitalSigns, "the valid pulse of the refused Bundle is not written either").toHaveLength(2);
});

test("malformed requests are 4xx OperationOutcomes, never a 500", async ({ request }) => {
  const wrongType = await request.post("/api/fhir", {
    headers: { "Content-Type": "text/plain", Authorization: `Bearer ${accessToken}` },
    data: "{}",
  });
  await outcome(wrongType, 415);
  const notJson = await request.post("/api/fhir", {
    headers: { "Content-Type": "application/fhir+json", Authorization: `Bearer ${accessToken}` },
    data: "{not json",
  });
  await outcome(notJson, 400);
  const tooLarge = await request.post("/api/fhir", {
    headers: { "Content-Type": "application/fhir+json", Authorization: `Bearer ${accessToken}` },
    data: JSON.stringify({ resourceType: "Bundle", type: "transaction", padding: "x".repeat(3 * 1024 * 1024) }),
  });
  await outcome(tooLarge, 413);
  const badForm = await request.post(tokenEndpoint, { headers: { "Content-Type": "application/json" }, data: "{}" });
  expect(badForm.status()).toBe(400);
});

test("An's access-log page names the record system's change in Dutch, French and English", async ({
  request,
  baseURL,
}) => {
  const an = byInsz("Patient", "41031212410");
  const sent = await postBundle(
    request,
    accessToken,
    transaction([put(vital(`e2e-${insz}-an-pulse`, an, today.toISOString(), "8867-4", { value: 68, code: "/min" }))]),
  );
  expect(sent.status(), await sent.text()).toBe(200);

  const patient = await signedIn(baseURL, "p.an");
  const log = (await (await patient.get("/api/patients/pat-an/access-log?limit=20")).json()) as {
    entries: { actor: unknown; actorSystem: string | null; action: string; reason: string }[];
  };
  expect(log.entries).toContainEqual(
    expect.objectContaining({
      actor: null,
      actorSystem: "ehr-demo",
      action: "WRITE_NURSING_FILE",
      reason: "record_system",
    }),
  );

  const expected = {
    "nl-BE": ["Het dossiersysteem van Thuiszorg Demo vzw", "Gegevens in uw verpleegdossier toegevoegd of bijgewerkt"],
    "fr-BE": [
      "Le système de dossiers de Thuiszorg Demo vzw",
      "A ajouté ou mis à jour des données de votre dossier infirmier",
    ],
    en: ["record system", "Added or updated entries of your nursing record"],
  } as const;
  for (const [locale, texts] of Object.entries(expected)) {
    const page = await patient.get("/patient/access-log", { headers: { "Accept-Language": locale } });
    expect(page.status()).toBe(200);
    const html = await page.text();
    for (const text of texts) expect(html, `${locale}: ${text}`).toContain(text);
  }
});

test("the record system's Consent for Bart lets d.dirk, his doctor without consent until now, read the file", async ({
  request,
  baseURL,
}) => {
  const dirk = await signedIn(baseURL, "d.dirk");
  expect((await dirk.get("/api/patients/pat-bart/record")).status()).toBe(403);

  const given = new Date(Date.now() - 60 * 60_000).toISOString();
  const sent = await postBundle(
    request,
    accessToken,
    transaction([put(consent(`e2e-consent-${insz}`, byInsz("Patient", "50070205712"), given))]),
  );
  expect(sent.status(), await sent.text()).toBe(200);
  expect((await dirk.get("/api/patients/pat-bart/record")).status()).toBe(200);
});
