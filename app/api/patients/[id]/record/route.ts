// GET /api/patients/{id}/record: the nursing file as JSON. Every denial, for a known patient, an
// unknown id or a malformed one, is the same 403 forbidden, so nobody can probe who is a patient.
import { assertFileReadAllowed, readPatientFile } from "@/lib/dossier";
import { withActor } from "@/lib/http/route";
import { patientIdParam } from "@/lib/http/params";

export const GET = withActor<{ id: string }>(
  async ({ actor, params, requestId }) => {
    const patientId = patientIdParam(params.id);
    const outcome = await readPatientFile({ actor, patientId, requestId });
    assertFileReadAllowed(outcome.decision, actor, patientId);
    return Response.json(outcome.allowed ? outcome.file : null);
  },
  { gateInAccessDecision: true },
);
