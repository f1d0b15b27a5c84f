// A signed-in actor past every gate (current declaration accepted, not suspended), as the session
// lookup hands it to lib code. Integration tests call lib functions directly with it; the gates
// themselves are tested on their own (session-and-declaration.test.ts).
import type { GatedActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";

export function gated(personId: string, activeRole: Role): GatedActor {
  return {
    sessionId: "s",
    personId,
    displayName: personId,
    roles: [activeRole],
    activeRole,
    declaration: { currentVersion: 4, accepted: true },
    suspended: false,
    secondFactor: { required: false, enrolled: false },
  };
}
