// POST /api/fhir: a transaction Bundle from the organisation's record system (ADR 0018), with a
// bearer token from /api/fhir/token. Authentication comes first: without a valid token nothing
// of the body is read. The size is checked from Content-Length before reading, and while reading.
import { env } from "@/lib/env";
import {
  authenticateSystemCaller,
  FhirError,
  fhirJson,
  mediaType,
  processTransaction,
  readBoundedBody,
  withFhirRoute,
} from "@/lib/fhir";

export const POST = withFhirRoute(async ({ request, requestId }) => {
  const caller = await authenticateSystemCaller({ authorization: request.headers.get("authorization") });
  const type = mediaType(request);
  if (type !== "application/fhir+json" && type !== "application/json") {
    throw new FhirError(415, { code: "not-supported", diagnostics: "Send the Bundle as application/fhir+json." });
  }
  const text = await readBoundedBody(request, env.FHIR_MAX_BUNDLE_BYTES);
  if (text === null) {
    throw new FhirError(413, {
      code: "too-costly",
      diagnostics: `The Bundle is larger than ${env.FHIR_MAX_BUNDLE_BYTES} bytes.`,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FhirError(400, { code: "structure", diagnostics: "The body is not valid JSON." });
  }
  return fhirJson(await processTransaction({ caller, body, requestId }));
});
