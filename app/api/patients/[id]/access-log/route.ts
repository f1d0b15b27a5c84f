// GET /api/patients/{id}/access-log?limit=&before=: for the patient, every access to their file,
// newest first, with who, role, when, what and the decision.
import { assertAllowed } from "@/lib/access";
import { readAccessLog } from "@/lib/audit/view";
import { parseSearchParams, withActor } from "@/lib/http/route";
import { patientIdParam } from "@/lib/http/params";
import { ZAccessLogQuery } from "./schemas";

export const GET = withActor<{ id: string }>(
  async ({ actor, params, request, requestId }) => {
    const query = parseSearchParams(request, ZAccessLogQuery);
    const outcome = await readAccessLog({ actor, patientId: patientIdParam(params.id), requestId, ...query });
    assertAllowed(outcome.decision);
    return Response.json(outcome.allowed ? outcome.page : null);
  },
  { gateInAccessDecision: true },
);
