// A local simulator of the eHealth therapeutic-link and consent services (ADR 0020). The real
// services sit behind eHealth's certificates and are not reachable from a development machine or
// CI; the portal's adapter (lib/ehealth/http.ts) talks to this one with the same contract.
//
// State, in memory: therapeutic links per (patient INSZ, caregiver INSZ) with their term, and each
// patient's consent events. Read endpoints are what the portal uses; /admin/* is how tests and a
// developer register a link or a consent. It listens on loopback only: the admin endpoints have no
// authentication and must never face a network.
//
//   GET  /health
//   GET  /therapeutic-links?patient=<INSZ>&caregiver=<INSZ>   -> { links: [...] }
//   GET  /consents?patient=<INSZ>                             -> { consents: [...] }
//   POST /admin/therapeutic-links  { patientInsz, caregiverInsz, term, startDate?, endDate? } -> 201 { link }
//   POST /admin/therapeutic-links/<id>/revoke                 -> 200 { link }
//   POST /admin/consents           { patientInsz, kind, occurredAt? }                        -> 201 { consent }
//   POST /admin/reset                                         -> 204
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { belgianCalendarDate } from "../../lib/belgian-calendar";
import { boundedLinkEnd } from "../../lib/ehealth/terms";
import type { ConsentRecord, TherapeuticLink } from "../../lib/ehealth/types";
import { isValidInsz } from "../../lib/insz";

const MAX_BODY_BYTES = 16 * 1024;

const ZInsz = z.string().refine(isValidInsz, "not a valid national number (INSZ)");
const ZTerm = z.enum(["GP_LONG_TERM", "OCCASIONAL_CONTACT", "EMERGENCY_DEPARTMENT"]);

const ZRegisterLink = z.strictObject({
  patientInsz: ZInsz,
  caregiverInsz: ZInsz,
  term: ZTerm,
  /** Defaults to today (Belgian date of the simulator's clock). */
  startDate: z.iso.date().optional(),
  /** A shorter link than its term; never longer (the term bounds it). */
  endDate: z.iso.date().optional(),
});

const ZRegisterConsent = z.strictObject({
  patientInsz: ZInsz,
  kind: z.enum(["GIVEN", "WITHDRAWN"]),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

export type EHealthSimulator = {
  url: string;
  /** The state, for assertions. */
  readonly links: readonly TherapeuticLink[];
  readonly consents: readonly ConsentRecord[];
  close(): Promise<void>;
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!(request.headers["content-type"] ?? "").includes("application/json"))
    throw new HttpProblem(415, "send JSON (content-type: application/json)");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpProblem(400, "body is not valid JSON");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(
      400,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; "),
    );
  }
  return parsed.data;
}

function queryInsz(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || !isValidInsz(value)) throw new HttpProblem(400, `${name}: a valid national number (INSZ)`);
  return value;
}

export async function startEHealthSimulator(
  options: { port?: number; host?: string; now?: () => Date } = {},
): Promise<EHealthSimulator> {
  const now = options.now ?? (() => new Date());
  const links: TherapeuticLink[] = [];
  const consents: ConsentRecord[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://simulator");
    const route = `${request.method} ${url.pathname}`;

    if (route === "GET /health") return send(response, 200, { status: "ok" });

    if (route === "GET /therapeutic-links") {
      const patientInsz = queryInsz(url, "patient");
      const caregiverInsz = queryInsz(url, "caregiver");
      return send(response, 200, {
        links: links.filter((link) => link.patientInsz === patientInsz && link.caregiverInsz === caregiverInsz),
      });
    }

    if (route === "GET /consents") {
      const patientInsz = queryInsz(url, "patient");
      return send(response, 200, { consents: consents.filter((consent) => consent.patientInsz === patientInsz) });
    }

    if (route === "POST /admin/therapeutic-links") {
      const body = parse(ZRegisterLink, await readJson(request));
      const startDate = body.startDate ?? belgianCalendarDate(now());
      if (body.endDate !== undefined && body.endDate < startDate)
        throw new HttpProblem(400, "endDate: not before startDate");
      const link: TherapeuticLink = {
        id: `thl-${randomUUID()}`,
        patientInsz: body.patientInsz,
        caregiverInsz: body.caregiverInsz,
        term: body.term,
        startDate,
        endDate: boundedLinkEnd(startDate, body.term, body.endDate ?? null),
        revokedAt: null,
      };
      links.push(link);
      return send(response, 201, { link });
    }

    const revoke = /^POST \/admin\/therapeutic-links\/([^/]+)\/revoke$/.exec(route);
    if (revoke) {
      const link = links.find((candidate) => candidate.id === decodeURIComponent(revoke[1]!));
      if (!link) throw new HttpProblem(404, "no such link");
      link.revokedAt ??= now().toISOString();
      return send(response, 200, { link });
    }

    if (route === "POST /admin/consents") {
      const body = parse(ZRegisterConsent, await readJson(request));
      const consent: ConsentRecord = {
        id: `cns-${randomUUID()}`,
        patientInsz: body.patientInsz,
        kind: body.kind,
        occurredAt: body.occurredAt ?? now().toISOString(),
      };
      consents.push(consent);
      return send(response, 201, { consent });
    }

    if (route === "POST /admin/reset") {
      links.length = 0;
      consents.length = 0;
      return send(response, 204);
    }

    throw new HttpProblem(404, `no route ${route}`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpProblem) send(response, error.status, { error: error.message });
      else {
        console.error("[ehealth-simulator]", error);
        send(response, 500, { error: "internal error" });
      }
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    links,
    consents,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
