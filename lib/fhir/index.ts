// The FHIR API for the organisation's record system (issue 11, ADR 0017 and 0018). Route handlers
// under app/api/fhir import from here; everything else about FHIR stays inside lib/fhir.
export { authenticateSystemCaller, type SystemCaller } from "./auth/bearer";
export {
  configuredSystemClients,
  loadSystemClients,
  type SystemClient,
  type SystemClientRegistry,
} from "./auth/clients";
export { DEMO_CLIENT_ALG, DEMO_CLIENT_ID, ensureDemoClientKeys, signClientAssertion } from "./auth/demo-client";
export { CLIENT_ASSERTION_TYPE, issueAccessToken, OAuthError, type TokenResponse } from "./auth/token";
export { capabilityStatement, fhirEndpoints, smartConfiguration } from "./capability";
export { fhirJson, mediaType, outcomeResponse, publicOrigin, readBoundedBody, withFhirRoute } from "./http";
export { FhirError, operationOutcome } from "./outcome";
export { processTransaction } from "./transaction";
export { ensureFhirDefinitions } from "./validation";
