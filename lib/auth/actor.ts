// Who is calling: the result of resolving the session cookie against the database on every
// request (lib/auth/session.ts). Components and route handlers receive this, never a raw session.
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = {
  sessionId: string;
  personId: string;
  displayName: string;
  /** Every role the person holds. */
  roles: Role[];
  /** The role chosen for this session; null until a person with several roles picks one. */
  activeRole: Role | null;
  /** Current declaration of the active role and whether this person accepted it. */
  declaration: { currentVersion: number | null; accepted: boolean };
  /** An active suspension denies everything. */
  suspended: boolean;
  /**
   * Whether this session's login needs a second factor (a password login of a person holding a
   * role listed in SECOND_FACTOR_REQUIRED_ROLES) and whether the person has one. Required and
   * not enrolled: the gate sends them to set it up before anything else (ADR 0014).
   */
  secondFactor: { required: boolean; enrolled: boolean };
};

/** An actor that passed the gate: a role is chosen, its declaration accepted, not suspended. */
export type GatedActor = Actor & { activeRole: Role };
