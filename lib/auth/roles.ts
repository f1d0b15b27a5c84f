// Where each role lands, and how long it may stay idle. Typed tables, so adding a role is a
// compile error until every table says what it means for that role.
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";

export const roleHomePath = {
  PATIENT: "/patient",
  TRUSTED_PERSON: "/trusted-person",
  DOCTOR: "/caregiver",
  CAREGIVER: "/caregiver",
  NURSE: "/nurse",
  SERVICE_CENTER: "/service-center",
  COORDINATOR: "/coordinator",
  PRIVACY_OFFICER: "/privacy-officer",
  LEGAL_REPRESENTATIVE: "/representative",
} as const satisfies Record<Role, string>;

/** Professionals and staff get the shorter idle timeout: their screens stand in shared places. */
const idleClass = {
  PATIENT: "citizen",
  TRUSTED_PERSON: "citizen",
  DOCTOR: "professional",
  CAREGIVER: "professional",
  NURSE: "professional",
  SERVICE_CENTER: "professional",
  COORDINATOR: "professional",
  PRIVACY_OFFICER: "professional",
  // A parent at home, like the patient they act for.
  LEGAL_REPRESENTATIVE: "citizen",
} as const satisfies Record<Role, "citizen" | "professional">;

/** Idle timeout in minutes; a session without a chosen role gets the stricter one. */
export function idleTimeoutMinutes(role: Role | null): number {
  return role && idleClass[role] === "citizen"
    ? env.SESSION_IDLE_MINUTES_CITIZEN
    : env.SESSION_IDLE_MINUTES_PROFESSIONAL;
}

export const allRoles = Object.keys(roleHomePath) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (allRoles as string[]).includes(value);
}
