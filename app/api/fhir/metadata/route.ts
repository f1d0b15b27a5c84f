// GET /api/fhir/metadata: the CapabilityStatement (public, as FHIR clients expect it).
import { organisation } from "@/lib/env";
import { capabilityStatement, fhirJson, publicOrigin, withFhirRoute } from "@/lib/fhir";

export const GET = withFhirRoute(async ({ request }) =>
  fhirJson(capabilityStatement(publicOrigin(request), organisation.name)),
);
