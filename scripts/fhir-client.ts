// `npm run fhir:client`: prints the demo record system `ehr-demo` (issue 11, ADR 0017): its client
// id, the token endpoint, its private key (generated into PORTAL_DATA_DIR/fhir when missing) and
// ready examples to get a token and post a Bundle.
//   --json       the same as JSON (for scripts and the end-to-end tests)
//   --assertion  only a freshly signed client assertion, e.g. ASSERTION=$(npm run -s fhir:client -- --assertion)
import { displayPath, portalDataDir } from "./db/config";

async function main(): Promise<void> {
  // Imported after config.ts has loaded .env, so lib/env.ts sees the same settings as the portal.
  const [{ env, fhirDemoClientEnabled }, fhir] = await Promise.all([import("@/lib/env"), import("@/lib/fhir")]);
  const origin = env.AUTH_URL ?? `http://localhost:${process.env.PORT || "3000"}`;
  const { base, token: tokenEndpoint } = fhir.fhirEndpoints(origin);
  const keys = await fhir.ensureDemoClientKeys(portalDataDir());
  const clientId = fhir.DEMO_CLIENT_ID;

  if (process.argv.includes("--assertion")) {
    console.log(await fhir.signClientAssertion({ privateJwk: keys.privateJwk, clientId, tokenEndpoint }));
    return;
  }
  if (process.argv.includes("--json")) {
    console.log(
      JSON.stringify(
        {
          clientId,
          tokenEndpoint,
          fhirBase: base,
          scope: "system/*.write",
          privateJwk: keys.privateJwk,
          publicJwk: keys.publicJwk,
          files: keys.files,
        },
        null,
        2,
      ),
    );
    return;
  }

  const privateFile = displayPath(keys.files.privateKey);
  const lines = [
    `FHIR system client of the demo record system${keys.created ? " (key pair just generated)" : ""}`,
    "",
    `  client id        ${clientId}`,
    `  token endpoint   ${tokenEndpoint}`,
    `  FHIR base        ${base}   (POST transaction Bundles, application/fhir+json)`,
    `  discovery        ${base}/metadata, ${base}/.well-known/smart-configuration`,
    `  scope            system/*.write (or narrower, e.g. system/Observation.write)`,
    `  signing          ${fhir.DEMO_CLIENT_ALG}, kid ${keys.privateJwk.kid}`,
    `  private key      ${privateFile}   public key ${displayPath(keys.files.publicKey)}`,
    "",
    "Private JWK (keep it secret: whoever holds it writes into every nursing file):",
    JSON.stringify(keys.privateJwk, null, 2),
    "",
    "With curl (the assertion is signed by this command, valid 4 minutes, usable once):",
    `  ASSERTION=$(npm run -s fhir:client -- --assertion)`,
    `  TOKEN=$(curl -s ${tokenEndpoint} -d grant_type=client_credentials -d 'scope=system/*.write' \\`,
    `      -d client_assertion_type=${fhir.CLIENT_ASSERTION_TYPE} -d "client_assertion=$ASSERTION" \\`,
    `      | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token')`,
    `  curl -s ${base} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/fhir+json' --data @bundle.json`,
    "",
    "An example Bundle: docs/fhir/example-transaction.json (change the dates to recent ones).",
    "",
    "With Node (save as fhir-demo.mjs in the repository folder, then `node fhir-demo.mjs bundle.json`):",
    ...nodeExample(privateFile, tokenEndpoint, base).map((line) => `  ${line}`),
  ];
  if (!fhirDemoClientEnabled) {
    lines.push(
      "",
      "Note: FHIR_DEMO_CLIENT_ENABLED (or the demo login) is off here, so the portal does not accept this client.",
    );
  }
  console.log(lines.join("\n"));
}

function nodeExample(privateKeyFile: string, tokenEndpoint: string, base: string): string[] {
  return [
    `import { randomUUID } from "node:crypto";`,
    `import { readFileSync } from "node:fs";`,
    `import { SignJWT, importJWK } from "jose";`,
    `const jwk = JSON.parse(readFileSync(${JSON.stringify(privateKeyFile)}, "utf8"));`,
    `const assertion = await new SignJWT({ jti: randomUUID() })`,
    `  .setProtectedHeader({ alg: jwk.alg, kid: jwk.kid })`,
    `  .setIssuer("ehr-demo").setSubject("ehr-demo").setAudience(${JSON.stringify(tokenEndpoint)})`,
    `  .setExpirationTime("4m").sign(await importJWK(jwk, jwk.alg));`,
    `const { access_token } = await (await fetch(${JSON.stringify(tokenEndpoint)}, {`,
    `  method: "POST",`,
    `  body: new URLSearchParams({ grant_type: "client_credentials", scope: "system/*.write", client_assertion_type: ${JSON.stringify("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")}, client_assertion: assertion }),`,
    `})).json();`,
    `const response = await fetch(${JSON.stringify(base)}, {`,
    `  method: "POST",`,
    `  headers: { Authorization: \`Bearer \${access_token}\`, "Content-Type": "application/fhir+json" },`,
    `  body: readFileSync(process.argv[2], "utf8"),`,
    `});`,
    `console.log(response.status, JSON.stringify(await response.json(), null, 2));`,
  ];
}

main().catch((error: unknown) => {
  console.error(`fhir:client failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
