// POST /api/declarations/accept {"version": n}: accepts the current declaration of the active
// role. The one API route that a pending declaration does not block.
import { acceptDeclaration } from "@/lib/declarations";
import { parseJsonBody, withActor } from "@/lib/http/route";
import { ZAcceptDeclaration } from "./schemas";

export const POST = withActor(
  async ({ actor, request }) => {
    const { version } = await parseJsonBody(request, ZAcceptDeclaration);
    const accepted = await acceptDeclaration(actor, version);
    return Response.json({ accepted });
  },
  { allowPendingDeclaration: true },
);
