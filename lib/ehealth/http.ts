// The eHealth adapter over HTTP (types.ts), for the simulator in scripts/ehealth-simulator and any
// service with the same contract. Every answer is treated as hostile input: a timeout, a size
// cap and a strict schema; anything else is an EHealthUnavailableError, never a fact.
import { z } from "zod";
import { type EHealthAdapter, ZConsentRecord, ZTherapeuticLink } from "./types";

/** The answers are small lists; a megabyte would be a broken or hostile service. */
const MAX_ANSWER_BYTES = 256 * 1024;

export class EHealthUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EHealthUnavailableError";
  }
}

const ZLinksAnswer = z.strictObject({ links: z.array(ZTherapeuticLink).max(100) });
const ZConsentsAnswer = z.strictObject({ consents: z.array(ZConsentRecord).max(500) });

export function createHttpEHealthAdapter(baseUrl: string, options: { timeoutMs?: number } = {}): EHealthAdapter {
  const base = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 3_000;

  async function get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
    } catch (error) {
      throw new EHealthUnavailableError(`eHealth ${path}: no answer`, { cause: error });
    }
    if (!response.ok) throw new EHealthUnavailableError(`eHealth ${path}: HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw new EHealthUnavailableError(`eHealth ${path}: answer too large`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new EHealthUnavailableError(`eHealth ${path}: answer is not JSON`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new EHealthUnavailableError(`eHealth ${path}: unexpected answer: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    async findTherapeuticLinks({ patientInsz, caregiverInsz }) {
      const answer = await get("therapeutic-links", { patient: patientInsz, caregiver: caregiverInsz }, ZLinksAnswer);
      // Only links about the pair asked for: another pair in the answer is not a fact about this one.
      return answer.links.filter((link) => link.patientInsz === patientInsz && link.caregiverInsz === caregiverInsz);
    },
    async findConsents({ patientInsz }) {
      const answer = await get("consents", { patient: patientInsz }, ZConsentsAnswer);
      return answer.consents.filter((consent) => consent.patientInsz === patientInsz);
    },
  };
}
