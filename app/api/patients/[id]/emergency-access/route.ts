// POST /api/patients/{id}/emergency-access {"reason": "..."}: break the glass (nurses outside the
// care team). 201 with the expiry; the same 403 as any other denial otherwise.
import { assertAllowed, requestEmergencyAccess } from "@/lib/access";
import { parseJsonBody, withActor } from "@/lib/http/route";
import { patientIdParam } from "@/lib/http/params";
import { ZEmergencyAccessRequest } from "./schemas";

export const POST = withActor<{ id: string }>(
  async ({ actor, params, request, requestId }) => {
    const { reason } = await parseJsonBody(request, ZEmergencyAccessRequest);
    const outcome = await requestEmergencyAccess({ actor, patientId: patientIdParam(params.id), requestId, reason });
    assertAllowed(outcome.decision);
    const access = outcome.allowed ? outcome.emergencyAccess : null;
    // A care-team nurse already has access: nothing was opened, nothing needs review.
    if (!access) return Response.json({ emergencyAccess: null, reason: outcome.decision.reason }, { status: 200 });
    return Response.json({ emergencyAccess: { id: access.id, expiresAt: access.expiresAt } }, { status: 201 });
  },
  { gateInAccessDecision: true },
);
