// Finding patients by what a caller types: a national number (any separators) or up to four name
// parts, each matching a first or last name. Shared by the service center's and the coordinator's
// searches; each caller still decides and logs every hit through the access core.
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeInsz } from "@/lib/insz";

const MAX_NAME_PARTS = 4;

export function patientSearchWhere(q: string): Prisma.PersonWhereInput {
  const insz = normalizeInsz(q);
  if (insz) return { insz, patient: { isNot: null } };
  const words = q
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, MAX_NAME_PARTS);
  return {
    patient: { isNot: null },
    AND: words.map((word) => ({
      OR: [
        { firstName: { contains: word, mode: "insensitive" as const } },
        { lastName: { contains: word, mode: "insensitive" as const } },
      ],
    })),
  };
}
