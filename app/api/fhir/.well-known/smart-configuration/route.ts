// GET /api/fhir/.well-known/smart-configuration: SMART discovery (public), with the token endpoint.
import { publicOrigin, smartConfiguration, withFhirRoute } from "@/lib/fhir";

export const GET = withFhirRoute(async ({ request }) =>
  Response.json(smartConfiguration(publicOrigin(request)), { headers: { "Cache-Control": "no-store" } }),
);
