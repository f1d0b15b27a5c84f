// Finding patients by what a caller types: a national number (any separators) or up to four name
// parts, each matching a first or last name. Shared by the service center's and the coordinator's
// searches: every patient found is one decision of the caller's action with its own log entry,
// all decided and logged in one batch through the access core.
import { type PatientsAccessInput, withPatientsAccess } from "@/lib/access";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeInsz } from "@/lib/insz";

/** At most this many patients per search: a search is for finding one, not for listing. */
export const SEARCH_LIMIT = 20;

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

/**
 * The patients matching `q` that the actor may see, in name order (last name, first name): each
 * found patient is decided and logged (withPatientsAccess: a constant number of statements
 * whatever the number of hits), and `read` gets only the allowed ones, inside that transaction.
 */
export async function searchPatientsUnderAccess<Row extends { id: string }>(
  input: Omit<PatientsAccessInput, "patientIds" | "db"> & { db: PrismaClient; q: string },
  read: (tx: Prisma.TransactionClient, allowedPatientIds: string[]) => Promise<Row[]>,
): Promise<Row[]> {
  const { q, ...access } = input;
  const found = await input.db.person.findMany({
    where: patientSearchWhere(q),
    select: { id: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: SEARCH_LIMIT,
  });
  if (found.length === 0) return [];
  const { result } = await withPatientsAccess({ ...access, patientIds: found.map(({ id }) => id) }, read);
  const byId = new Map(result.map((row) => [row.id, row]));
  return found.flatMap(({ id }) => byId.get(id) ?? []);
}
